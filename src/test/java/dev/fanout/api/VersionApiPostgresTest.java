package dev.fanout.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link VersionApiTest}, on PostgreSQL: the versions table, the conditional update and concurrent updates there. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class VersionApiPostgresTest extends VersionApiTest {
}
