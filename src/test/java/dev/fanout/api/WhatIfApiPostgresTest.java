package dev.fanout.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link WhatIfApiTest}, on PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class WhatIfApiPostgresTest extends WhatIfApiTest {
}
