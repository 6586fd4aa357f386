package dev.fanout;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh database on the local PostgreSQL server for one test run (created empty, dropped afterwards), so that the
 * persistence tests run on PostgreSQL as well as on H2. The server is the machine's own (127.0.0.1:5432, trust auth);
 * {@code ./fanout test} starts it when it is installed but stopped.
 */
public final class PostgresDatabase {

    public static final String SERVER = System.getProperty("fanout.test.pg.server", "jdbc:postgresql://127.0.0.1:5432/");
    public static final String USER = System.getProperty("fanout.test.pg.user", "root");

    private PostgresDatabase() {
    }

    /** Creates an empty database and returns its JDBC URL. */
    public static String create(String purpose) {
        var name = ("fanout_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        execute("CREATE DATABASE " + name);
        return SERVER + name;
    }

    public static void drop(String url) {
        var name = url.substring(url.lastIndexOf('/') + 1);
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(String sql) {
        try (var connection = DriverManager.getConnection(SERVER + "postgres", USER, "");
                var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("the local PostgreSQL (" + SERVER + ", user " + USER + ") is needed for the "
                    + "PostgreSQL tests: " + e.getMessage(), e);
        }
    }
}
