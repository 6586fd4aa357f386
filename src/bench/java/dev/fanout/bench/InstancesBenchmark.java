package dev.fanout.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.fanout.PostgresDatabase;
import dev.fanout.it.AppProcess;
import dev.fanout.plan.PlanReader;

/**
 * Several instances on one PostgreSQL ({@code ./fanout bench --set instances --seconds N}), as processes of the
 * packaged service on this machine. Throughput: {@value #PLANS} generated 200-task plans are queued for N-second
 * solves through the instances in turn, on 1, 2 and 3 instances; the time until every solve has ended, solves per
 * minute, how many each instance ran, and the mean distance to the lower bound (the instances share this machine's
 * cores, so more of them run more solves side by side, each with less CPU). Takeover: ten times, a solve on one
 * instance of two is cut off by kill -9 and the time until the other has taken it over is measured.
 */
final class InstancesBenchmark {

    static final int PLANS = 100;
    private static final int TAKEOVERS = 10;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private InstancesBenchmark() {
    }

    static void run(double seconds) throws Exception {
        var plans = new ArrayList<String>();
        for (int seed = 1; seed <= PLANS; seed++) {
            plans.add(PlanReader.json().writeValueAsString(PlanGenerator.generate(PlanGenerator.Spec.of(200, 15, seed))));
        }
        System.out.printf(Locale.ROOT, "%d plans of 200 tasks, %.1f s each, queued through the instances in turn%n%n", PLANS, seconds);
        System.out.println("| instances | all solved after | solves per minute | per instance (solves run) | mean above the bound |");
        System.out.println("|---|---|---|---|---|");
        for (int count = 1; count <= 3; count++) {
            throughput(count, plans, seconds);
        }
        takeovers();
    }

    private static void throughput(int count, List<String> plans, double seconds) throws Exception {
        var url = PostgresDatabase.create("bench");
        var apps = new ArrayList<AppProcess>();
        try {
            for (int i = 0; i < count; i++) {
                // Room for every solve in the queue: the benchmark measures the work, not the refusals.
                apps.add(AppProcess.startOnPostgres(url, Map.of("fanout.jobs.instance-name", "instance-" + (i + 1),
                        "fanout.seed.enabled", "false", "fanout.solve.queue-capacity", String.valueOf(PLANS))));
            }
            var ids = new ArrayList<String>();
            for (int i = 0; i < plans.size(); i++) {
                ids.add(JSON.readTree(send(apps.get(i % count), "POST", "/api/plans", plans.get(i), 201)).get("id").asText());
            }
            long began = System.nanoTime();
            for (int i = 0; i < ids.size(); i++) {
                send(apps.get(i % count), "POST", "/api/plans/" + ids.get(i) + "/solve?seconds=" + seconds, null, 202);
            }
            JsonNode list;
            do {
                Thread.sleep(500);
                list = JSON.readTree(send(apps.get(0), "GET", "/api/plans", null, 200));
            } while (solved(list) < ids.size());
            double wall = (System.nanoTime() - began) / 1e9;
            double above = 0;
            for (var plan : list) {
                above += 100 * (plan.get("makespan").asDouble() - plan.get("lowerBound").asDouble()) / plan.get("lowerBound").asDouble();
            }
            var perInstance = new ArrayList<String>();
            for (var app : apps) {
                perInstance.add(String.valueOf(java.nio.file.Files.readString(app.log()).lines()
                        .filter(line -> line.contains("logger=SolveRuns") && line.contains(" solved: ")).count()));
            }
            System.out.printf(Locale.ROOT, "| %d | %.1f s | %.1f | %s | %.2f %% |%n", count, wall, 60 * ids.size() / wall,
                    String.join(" / ", perInstance), above / ids.size());
        } finally {
            for (var app : apps) {
                app.close();
            }
            PostgresDatabase.drop(url);
        }
    }

    private static long solved(JsonNode list) {
        long solved = 0;
        for (var plan : list) {
            if ("SOLVED".equals(plan.path("status").asText())) {
                solved++;
            }
        }
        return solved;
    }

    private static void takeovers() throws Exception {
        var url = PostgresDatabase.create("takeover");
        var apps = new java.util.LinkedHashMap<String, AppProcess>();
        var times = new ArrayList<Double>();
        try {
            for (var name : List.of("first", "second")) {
                apps.put(name, start(url, name));
            }
            var plan = PlanReader.json().writeValueAsString(PlanGenerator.generate(PlanGenerator.Spec.of(1_000, 50, 1)));
            for (int round = 0; round < TAKEOVERS; round++) {
                var asked = apps.get(round % 2 == 0 ? "first" : "second");
                var id = JSON.readTree(send(asked, "POST", "/api/plans", plan, 201)).get("id").asText();
                send(asked, "POST", "/api/plans/" + id + "/solve?seconds=120", null, 202);
                var victim = waitForRunner(url, id, null);
                Thread.sleep(3_000);
                apps.get(victim).kill();
                long killed = System.nanoTime();
                var successor = waitForRunner(url, id, victim);
                times.add((System.nanoTime() - killed) / 1e9);
                send(apps.get(successor), "DELETE", "/api/plans/" + id, null, 204);
                apps.put(victim, start(url, victim));
            }
        } finally {
            for (var app : apps.values()) {
                app.close();
            }
            PostgresDatabase.drop(url);
        }
        var sorted = times.stream().sorted().toList();
        double median = (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        System.out.printf(Locale.ROOT, "%nTakeover after kill -9 (2 instances, %d times): median %.1f s, worst %.1f s (%s)%n",
                sorted.size(), median, sorted.getLast(),
                String.join(", ", times.stream().map(t -> String.format(Locale.ROOT, "%.1f", t)).toList()));
    }

    private static AppProcess start(String url, String name) throws Exception {
        return AppProcess.startOnPostgres(url, Map.of("fanout.jobs.instance-name", name, "fanout.seed.enabled", "false"));
    }

    /** Waits until an instance other than {@code not} runs the plan's solve, and returns its name. */
    private static String waitForRunner(String url, String id, String not) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            var runner = runner(url, id);
            if (runner.isPresent() && !runner.get().equals(not)) {
                return runner.get();
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no instance took the solve of plan " + id + " within 120 s");
    }

    private static Optional<String> runner(String url, String id) throws SQLException {
        try (var connection = DriverManager.getConnection(url, PostgresDatabase.user(), "");
                var statement = connection.prepareStatement("select run_by from plan_solve where plan_id = ?")) {
            statement.setString(1, id);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
            }
        }
    }

    private static String send(AppProcess app, String method, String path, String body, int expected) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(app.url() + path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
