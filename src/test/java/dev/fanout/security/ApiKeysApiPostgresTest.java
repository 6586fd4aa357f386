package dev.fanout.security;

import java.util.HashMap;
import java.util.Map;

import dev.fanout.api.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link ApiKeysApiTest} on PostgreSQL: the owner column of V4__plan_owner.sql and the owner's plan list there. */
@QuarkusTest
@TestProfile(ApiKeysApiPostgresTest.KeysOnPostgres.class)
class ApiKeysApiPostgresTest extends ApiKeysApiTest {

    public static class KeysOnPostgres extends PostgresProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            var all = new HashMap<>(super.getConfigOverrides());
            all.putAll(new WithApiKeys().getConfigOverrides());
            return all;
        }
    }
}
