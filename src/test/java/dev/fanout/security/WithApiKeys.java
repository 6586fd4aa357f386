package dev.fanout.security;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The service with API keys: alice holds a write key and a read key, bob a write key. No example plans (with keys
 * they would belong to no one).
 */
public class WithApiKeys implements QuarkusTestProfile {

    public static final String ALICE = "alice-writes-Zq81";
    public static final String ALICE_READ = "alice-reads-Xw27";
    public static final String BOB = "bob-writes-Pk55";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("fanout.security.api-keys", ALICE + "=alice:write, " + ALICE_READ + "=alice:read, " + BOB + "=bob:write",
                "fanout.seed.enabled", "false");
    }
}
