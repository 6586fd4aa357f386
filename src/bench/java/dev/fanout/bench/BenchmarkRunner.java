package dev.fanout.bench;

import static dev.fanout.bench.BenchmarkTable.trim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.config.solver.SolverManagerConfig;
import dev.fanout.analysis.PlanAnalysis;
import dev.fanout.analysis.ScheduleCheck;
import dev.fanout.formats.ImopseReader;
import dev.fanout.plan.PlanDocument;
import dev.fanout.plan.PlanLimits;
import dev.fanout.plan.PlanReader;
import dev.fanout.plan.PlanValidator;
import dev.fanout.solver.ScheduleSolution;
import dev.fanout.service.ExactStage;
import dev.fanout.service.SolveSearch;

/**
 * Solves a set of plans with a fixed time budget each, exactly as the service does (same solver configuration, same
 * starting schedule, same stopping rules), and prints a Markdown table: instance, size, budget, makespan, lower
 * bound, gap, time to best, moves per second, and the public reference value where there is one. Not a test: run
 * it with {@code ./fanout bench}.
 *
 * <pre>
 * ./fanout bench --set d36 --seconds 30 [--parallel 2] [--match REGEX] [--out FILE] [--imopse DIR] [--share 0.3]
 *                [--share-large 0.9] [--config solver.xml] [--peer cpsat] [--peer-workers 8] [--exact 300] [--windows 3000] [--exact-workers 2] [--exact-share 0.7]
 *                [--exact-target-share 1.0] [--exact-heuristic-share 0.1] [--mode bounds]
 *   sets: d36 (iMOPSE, 36), genbig (iMOPSE, 80 large), generated (1000/50 ×3, 3000/150, 10000/300), seeds (data/),
 *         constrained (CONTRACT §5: 60, 200, 1000 and 3000 tasks, seeds 1–3, see ConstrainedPlanGenerator),
 *         constrained-holes (the same with --holes percent, 10 by default, of the tasks off the area chain left out:
 *         room under the cap)
 *   not solves of a set: forecast (the report's Monte Carlo), replan (CONTRACT §6), instances (several instances of
 *         the packaged service on the local PostgreSQL: throughput and takeover, see InstancesBenchmark)
 *   --mode bounds: no solve, only each plan's lower bound and analysis time (see BoundsBenchmark)
 * </pre>
 *
 * With {@code --peer cpsat} each instance is then solved again by OR-Tools' CP-SAT with the same budget, right after
 * Fanout (see {@link Peer}); its schedule goes through the same validity check.
 */
public final class BenchmarkRunner {

    record Case(String name, Supplier<PlanDocument> plan, Double reference) {
    }

    /** Makespan and lower bound in ticks; {@code unit} converts them to the plan's time unit. */
    record Result(Case benchmark, int tasks, int agents, double seconds, long makespan, long lowerBound,
            Duration timeToBest, long moveSpeed, double analysisSeconds, boolean valid, dev.fanout.analysis.TimeScale unit,
            PeerResult peer) {

        double gapPercent() {
            return lowerBound == 0 ? 0 : 100.0 * (makespan - lowerBound) / lowerBound;
        }
    }

    /** A peer's answer in ticks: makespan -1 when it found no schedule; null when no peer was asked for. */
    record PeerResult(long makespan, boolean provenOptimal, boolean valid, Duration timeToBest, Duration modelTime,
            String status) {
    }

    /** "true" or "false", nothing else: {@link Boolean#parseBoolean} would read any typo as false. */
    private static boolean trueOrFalse(String option, String value) {
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("--" + option + " must be true or false, not '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    /** The options the runner knows; anything else is a typo, and a typo must not silently run another benchmark. */
    private static final List<String> OPTIONS = List.of("set", "seconds", "parallel", "imopse", "match", "out", "share",
            "share-large", "config", "peer", "peer-workers", "exact", "windows", "exact-workers", "exact-share", "exact-target-share", "exact-heuristic-share", "mode",
            "second-island", "holes");
    private static final String USAGE = "usage: ./fanout bench --set d36|genbig|generated|tight|seeds|constrained|constrained-holes|forecast|replan|instances --seconds N"
            + " [--parallel N] [--match REGEX] [--out FILE] [--imopse DIR] [--share F] [--share-large F]"
            + " [--config solver.xml] [--peer cpsat|cpsat-hint] [--peer-workers N] [--exact MAX_TASKS] [--windows MAX_TASKS] [--exact-workers N] [--exact-share S] [--exact-target-share S] [--exact-heuristic-share S] [--mode solve|bounds]"
            + " [--second-island true|false] [--holes PERCENT]";

    public static void main(String[] args) throws Exception {
        try {
            benchmark(options(args));
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void benchmark(Map<String, String> options) throws Exception {
        var sets = options.getOrDefault("set", "d36").split(",");
        if (sets.length == 1 && sets[0].equals("forecast")) {
            ForecastBenchmark.run(); // not a solve: how long the report's Monte Carlo forecast takes
            return;
        }
        double seconds = Double.parseDouble(options.getOrDefault("seconds", "30"));
        if (sets.length == 1 && sets[0].equals("instances")) {
            InstancesBenchmark.run(seconds); // instances of the packaged service on the local PostgreSQL
            return;
        }
        int parallel = Integer.parseInt(options.getOrDefault("parallel", "1"));
        var imopse = Path.of(options.getOrDefault("imopse", "../shared/benchmarks/imopse"));
        var match = options.getOrDefault("match", ".*");
        int holes = holes(options, sets);
        var service = new ServiceSettings();
        int exactWorkers = Integer.parseInt(options.getOrDefault("exact-workers", service.solve("exact-workers")));
        // CP-SAT alone is strongest with 8 workers on these 2 cores (BENCHMARKS.md, "Eight CP-SAT workers"), more than the
        // exact stage's targets use: the peer keeps its own count, so that "never behind CP-SAT" is measured against
        // CP-SAT at its best.
        int peerWorkers = Integer.parseInt(options.getOrDefault("peer-workers", "8"));
        var peer = options.containsKey("peer") ? Peer.named(options.get("peer"), peerWorkers) : null;
        if (peer != null && parallel > 1) {
            System.err.println("bench: the peer runs right after Fanout on each instance and uses both cores itself: with"
                    + " --parallel " + parallel + " they compete for the cores (--parallel 1 compares them fairly)");
        }

        boolean replan = sets.length == 1 && sets[0].equals("replan");
        var cases = new ArrayList<Case>();
        for (var set : replan ? new String[0] : sets) {
            cases.addAll(cases(set, imopse, holes));
        }
        cases.removeIf(c -> !c.name().matches(match));
        var mode = options.getOrDefault("mode", "solve");
        if (!mode.equals("solve") && !mode.equals("bounds")) {
            throw new IllegalArgumentException("unknown mode " + mode + ": solve or bounds");
        }
        var validator = new PlanValidator(new PlanLimits(100_000, 10_000, 2_000_000));
        if (mode.equals("bounds")) {
            BoundsBenchmark.run(cases, validator);
            return;
        }

        // --config tries another solver configuration (an experiment); by default the one the service uses.
        var solverFactory = options.containsKey("config")
                ? SolverFactory.<ScheduleSolution>createFromXmlFile(new java.io.File(options.get("config")))
                : SolverFactory.<ScheduleSolution>createFromXmlResource("solverConfig.xml");
        var solverManager = SolverManager.<ScheduleSolution>create(solverFactory,
                new SolverManagerConfig().withParallelSolverCount(String.valueOf(parallel)));
        // --exact N: the exact stage on plans of up to N tasks; 0 turns it off. --windows N: its windows alone on larger
        // plans (no shared limits) of up to N tasks; N <= the --exact size: none. --exact-workers N: its CP-SAT threads.
        // --exact-share S: the share of the time left it takes on plans without shared limits (the rest is Timefold's);
        // --exact-target-share S: the share of its time it first spends reaching for the lower bound;
        // --exact-heuristic-share S: the heuristic search's share before it (--share applies to the other plans).
        // Every default is the service's own setting.
        var solver = new SolveSearch(solverManager,
                Double.parseDouble(options.getOrDefault("share", service.solve("heuristic-share"))),
                Double.parseDouble(options.getOrDefault("share-large", service.solve("heuristic-share-large"))),
                trueOrFalse("second-island", options.getOrDefault("second-island", service.solve("second-island"))),
                new ExactStage(Integer.parseInt(options.getOrDefault("exact", service.solve("exact-max-tasks"))),
                        Integer.parseInt(options.getOrDefault("windows", service.solve("windows-max-tasks"))),
                        Double.parseDouble(options.getOrDefault("exact-share", service.solve("exact-share"))), exactWorkers,
                        Double.parseDouble(options.getOrDefault("exact-target-share", service.solve("exact-target-share"))),
                        Double.parseDouble(options.getOrDefault("exact-heuristic-share", service.solve("exact-heuristic-share")))));
        if (replan) {
            ReplanBenchmark.run(solver, validator, seconds); // a solve, a progress update, and two re-plans of it
            solverManager.close();
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        var futures = new ArrayList<Future<Result>>();
        for (var benchmark : cases) {
            futures.add(pool.submit(() -> run(benchmark, validator, solver, seconds, peer)));
        }
        var results = new ArrayList<Result>();
        for (var future : futures) {
            var result = future.get();
            results.add(result);
            System.err.printf(Locale.ROOT, "%-28s makespan %8s  bound %8s  gap %5.2f %%  best at %5.1f s%n",
                    result.benchmark().name(), trim(result.unit().toDouble(result.makespan())),
                    trim(result.unit().toDouble(result.lowerBound())), result.gapPercent(),
                    result.timeToBest().toMillis() / 1000.0);
            if (peer != null) {
                var answer = result.peer();
                System.err.printf(Locale.ROOT, "%-28s %-8s %8s%s  %s, model built in %.1f s, best at %5.1f s%n", "",
                        peer.name(), answer.makespan() < 0 ? "none" : trim(result.unit().toDouble(answer.makespan())),
                        answer.valid() ? "" : " INVALID", answer.status(), answer.modelTime().toMillis() / 1000.0,
                        answer.timeToBest().toMillis() / 1000.0);
            }
        }
        pool.shutdown();
        solverManager.close();

        var table = BenchmarkTable.of(results, seconds, parallel, String.join(",", sets), peer == null ? null : peer.name());
        System.out.println(table);
        if (options.containsKey("out")) {
            Files.writeString(Path.of(options.get("out")), table);
        }
    }

    static Result run(Case benchmark, PlanValidator validator, SolveSearch solver, double seconds, Peer peer) {
        long started = System.nanoTime();
        var analysis = PlanAnalysis.of(validator.validate(benchmark.plan().get()));
        double analysisSeconds = (System.nanoTime() - started) / 1e9;
        var budget = Duration.ofMillis(Math.round(seconds * 1000));
        var outcome = solver.solve(analysis, budget);
        var schedule = outcome.schedule();
        var instance = analysis.instance();
        PeerResult peerResult = null;
        if (peer != null) {
            var answer = peer.takesHint() ? peer.solve(instance, budget, schedule) : peer.solve(instance, budget);
            var found = answer.schedule();
            peerResult = new PeerResult(found == null ? -1 : found.makespan(), answer.provenOptimal(),
                    found == null || ScheduleCheck.isValid(found), answer.timeToBest(), answer.modelTime(), answer.status());
        }
        return new Result(benchmark, instance.taskCount(), instance.agentCount(), seconds, schedule.makespan(),
                analysis.lowerBound(), outcome.timeToBest(), outcome.moveSpeed(), analysisSeconds,
                ScheduleCheck.isValid(schedule), instance.scale(), peerResult);
    }

    static List<Case> cases(String set, Path imopse, int holes) throws IOException {
        return switch (set) {
            case "d36" -> imopseCases(imopseFolder(imopse, "d36"), references(imopse.resolve("imopse_d36_bounds.csv")));
            case "genbig" -> imopseCases(imopseFolder(imopse, "GenBig"), Map.of());
            case "generated" -> Stream.of(PlanGenerator.Spec.of(1_000, 50, 1), PlanGenerator.Spec.of(1_000, 50, 2),
                    PlanGenerator.Spec.of(1_000, 50, 3), PlanGenerator.Spec.of(3_000, 150, 1),
                    PlanGenerator.Spec.of(10_000, 300, 1))
                    // No reference column: the lower bound is the planted optimum (see PlanGenerator).
                    .map(spec -> new Case(spec.name(), () -> PlanGenerator.generate(spec), null))
                    .toList();
            case "tight" -> Stream.of(
                    // The sizes of issue 13's table: agents busy from 0 to the optimum, no slack; 10, 3, 3, 2 and 1 seeds.
                    LongStream.rangeClosed(1, 10).mapToObj(seed -> PlanGenerator.Spec.of(60, 5, seed)),
                    LongStream.rangeClosed(1, 3).mapToObj(seed -> PlanGenerator.Spec.of(100, 10, seed)),
                    LongStream.rangeClosed(1, 3).mapToObj(seed -> PlanGenerator.Spec.of(200, 15, seed)),
                    LongStream.rangeClosed(1, 2).mapToObj(seed -> PlanGenerator.Spec.of(1_000, 50, seed)),
                    Stream.of(PlanGenerator.Spec.of(3_000, 100, 1)))
                    .flatMap(specs -> specs)
                    .map(spec -> new Case(spec.name(), () -> PlanGenerator.generate(spec), null))
                    .toList();
            case "constrained" -> constrainedCases(0);
            // The same plans with room under the cap: a share of the other slots' tasks left out, src/core/ still full.
            case "constrained-holes" -> constrainedCases(holes);
            case "seeds" -> {
                try (var files = Files.list(Path.of("data"))) {
                    yield files.filter(f -> f.toString().endsWith(".json")).sorted()
                            .map(f -> new Case(f.getFileName().toString().replace(".json", ""),
                                    () -> PlanReader.readJson(read(f)), null))
                            .toList();
                }
            }
            default -> throw new IllegalArgumentException("unknown set " + set
                    + ": d36, genbig, generated, tight, seeds, constrained, constrained-holes or forecast");
        };
    }

    /** The constrained plans, 60 to 3,000 tasks, seeds 1–3, with {@code holes} per cent left out (0: none). */
    private static List<Case> constrainedCases(int holes) {
        return Stream.of(60, 200, 1_000, 3_000)
                .flatMap(size -> Stream.of(1L, 2L, 3L).map(seed -> ConstrainedPlanGenerator.Spec.of(size, seed).withHoles(holes)))
                // No reference column either: the lower bound is the planted optimum (see ConstrainedPlanGenerator).
                .map(spec -> new Case(spec.name(), () -> ConstrainedPlanGenerator.generate(spec), null))
                .toList();
    }

    /** {@code --holes}: a whole percentage of 1 to 90, 10 by default, and only for the set it shapes. */
    private static int holes(Map<String, String> options, String[] sets) {
        if (!options.containsKey("holes")) {
            return 10;
        }
        var holes = options.get("holes");
        if (!List.of(sets).contains("constrained-holes")) {
            throw new IllegalArgumentException("--holes " + holes + " is for --set constrained-holes only");
        }
        int percent = holes.matches("\\d{1,2}") ? Integer.parseInt(holes) : 0;
        if (percent < 1 || percent > 90) {
            throw new IllegalArgumentException("--holes is a whole percentage of 1 to 90, not " + holes);
        }
        return percent;
    }

    private static Path imopseFolder(Path imopse, String set) {
        var folder = imopse.resolve(set);
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no iMOPSE instances at " + folder.toAbsolutePath().normalize()
                    + ": pass --imopse DIR, the folder that holds d36/, GenBig/ and imopse_d36_bounds.csv");
        }
        return folder;
    }

    private static List<Case> imopseCases(Path folder, Map<String, Double> references) throws IOException {
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".def")).sorted()
                    .map(f -> {
                        var name = f.getFileName().toString().replace(".def", "");
                        return new Case(name, () -> ImopseReader.read(read(f), name), references.get(name));
                    })
                    .toList();
        }
    }

    /** instance → public_ub from imopse_d36_bounds.csv. */
    private static Map<String, Double> references(Path csv) throws IOException {
        var lines = Files.readAllLines(csv);
        var header = List.of(lines.get(0).split(","));
        int name = header.indexOf("instance");
        int ub = header.indexOf("public_ub");
        var references = new HashMap<String, Double>();
        for (var line : lines.subList(1, lines.size())) {
            var cells = line.split(",");
            references.put(cells[name], Double.parseDouble(cells[ub]));
        }
        return references;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, String> options(String[] args) {
        var options = new HashMap<String, String>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException(USAGE);
            }
            var name = args[i].substring(2);
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "\n" + USAGE);
            }
            options.put(name, args[++i]);
        }
        return options;
    }
}
