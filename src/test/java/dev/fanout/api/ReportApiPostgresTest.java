package dev.fanout.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link ReportApiTest}, on PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class ReportApiPostgresTest extends ReportApiTest {
}
