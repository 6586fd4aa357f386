package dev.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.DriverManager;

import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL tests' fallback works on this machine: the embedded server starts (as the user the tests run as),
 * takes a database, and answers SQL. (Which server the suite used is printed at its first PostgreSQL test.)
 */
class EmbeddedPostgresTest {

    @Test
    void theEmbeddedServerStartsAndTakesADatabase() throws Exception {
        var server = PostgresDatabase.Embedded.start("started by this test");
        assertTrue(server.description().startsWith("an embedded PostgreSQL"), server.description());
        try (var admin = DriverManager.getConnection(server.url() + "postgres", server.user(), "");
                var statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE fanout_embedded_check");
        }
        try (var connection = DriverManager.getConnection(server.url() + "fanout_embedded_check", server.user(), "");
                var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (n INTEGER)");
            statement.execute("INSERT INTO t VALUES (41), (1)");
            try (var rows = statement.executeQuery("SELECT sum(n) FROM t")) {
                rows.next();
                assertEquals(42, rows.getInt(1));
            }
        }
    }
}
