package dev.fanout.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link PlanLifecycleTest}, on PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PlanLifecyclePostgresTest extends PlanLifecycleTest {

    @Inject
    DataSource dataSource;

    @Test
    void reallyRunsOnPostgreSql() throws Exception {
        try (var connection = dataSource.getConnection()) {
            assertEquals("PostgreSQL", connection.getMetaData().getDatabaseProductName());
        }
    }
}
