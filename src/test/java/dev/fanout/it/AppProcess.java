package dev.fanout.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged service as a separate process, for what in-process tests cannot do: stop it, kill it, start it again
 * on the same database, run several on one. The benchmark runner uses it as well.
 */
public final class AppProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    private static Path jar() {
        var jar = Path.of(System.getProperty("fanout.app.jar", "target/quarkus-app/quarkus-run.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: integration tests run after `package`");
        }
        return jar;
    }

    /** Starts the service on a free port with the given H2 database file and properties; waits until it is ready. */
    public static AppProcess start(Path database, Map<String, String> properties) throws IOException, InterruptedException {
        var all = new java.util.LinkedHashMap<>(properties);
        all.put("fanout.db.path", database.toAbsolutePath().toString());
        return launch(jar(), all);
    }

    /**
     * Starts the service on PostgreSQL: the same build, re-augmented once for it (the database kind is fixed at
     * augmentation), against the database at {@code jdbcUrl}.
     */
    public static AppProcess startOnPostgres(String jdbcUrl, Map<String, String> properties) throws IOException, InterruptedException {
        var all = new java.util.LinkedHashMap<>(properties);
        all.put("quarkus.datasource.jdbc.url", jdbcUrl);
        all.put("quarkus.datasource.username", dev.fanout.PostgresDatabase.user());
        return launch(postgresJar(), all);
    }

    private static synchronized Path postgresJar() throws IOException, InterruptedException {
        var original = jar().getParent();
        var copy = Path.of("target", "it-postgresql", "quarkus-app");
        var marker = copy.resolve(".augmented");
        if (Files.exists(marker) && Files.getLastModifiedTime(marker).compareTo(Files.getLastModifiedTime(jar())) > 0) {
            return copy.resolve("quarkus-run.jar");
        }
        try (var old = Files.exists(copy) ? Files.walk(copy) : java.util.stream.Stream.<Path>empty()) {
            old.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        try (var files = Files.walk(original)) {
            for (var source : files.toList()) {
                var target = copy.resolve(original.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        var javaCommand = ProcessHandle.current().info().command().orElse("java");
        var rebuild = new ProcessBuilder(javaCommand, "-Dquarkus.launch.rebuild=true", "-jar", "quarkus-run.jar")
                .directory(copy.toFile()).redirectErrorStream(true)
                .redirectOutput(Files.createDirectories(Path.of("target", "it-logs")).resolve("augment-postgresql.log").toFile());
        rebuild.environment().put("FANOUT_DB_KIND", "postgresql");
        var process = rebuild.start();
        if (!process.waitFor(180, java.util.concurrent.TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("re-augmenting for PostgreSQL failed; see target/it-logs/augment-postgresql.log");
        }
        Files.writeString(marker, "");
        return copy.resolve("quarkus-run.jar");
    }

    private static AppProcess launch(Path jar, Map<String, String> properties) throws IOException, InterruptedException {
        int port = freePort();
        var java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<>(List.of(java, "-Xmx1g", "-Dquarkus.http.port=" + port));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        var log = Files.createDirectories(Path.of("target", "it-logs")).resolve("app-" + port + ".log");
        var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        var app = new AppProcess(process, port, log);
        // A plain loop rather than a test library: the benchmark runner starts instances too, without test jars.
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (process.isAlive() && !app.ready()) {
            if (System.nanoTime() > deadline) {
                app.kill();
                throw new IllegalStateException("the service did not become ready; log: " + log);
            }
            Thread.sleep(250);
        }
        if (!process.isAlive()) {
            throw new IllegalStateException("the service exited at start; log: " + log);
        }
        return app;
    }

    private boolean ready() {
        try {
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public Path log() {
        return log;
    }

    /** A graceful stop (SIGTERM), waiting for the process to end. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            kill();
        }
    }

    /** kill -9: no shutdown hooks, nothing flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
