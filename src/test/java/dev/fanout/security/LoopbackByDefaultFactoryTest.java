package dev.fanout.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;

/**
 * The host the service listens on by default: 127.0.0.1 without API keys; Quarkus' own default (0.0.0.0 in
 * production) with keys or {@code fanout.http.expose=true}.
 */
class LoopbackByDefaultFactoryTest {

    @Test
    void withoutKeysOnlyTheLoopbackInterface() {
        assertEquals("127.0.0.1", host(Map.of(), "prod"));
        assertEquals("127.0.0.1", host(Map.of("fanout.security.api-keys", " "), "prod"));
        assertEquals("127.0.0.1", host(Map.of("fanout.http.expose", "false"), "prod"));
    }

    @Test
    void keysAKeysFileOrExposeOpenEveryInterfaceInProduction() {
        assertEquals("0.0.0.0", host(Map.of("fanout.security.api-keys", "k=alice:read"), "prod"));
        assertEquals("0.0.0.0", host(Map.of("fanout.security.api-keys-file", "/etc/fanout/keys"), "prod"));
        assertEquals("0.0.0.0", host(Map.of("fanout.http.expose", "true"), "prod"));
        assertEquals("localhost", host(Map.of("fanout.security.api-keys", "k=alice:read"), "test"));
    }

    private static String host(Map<String, String> values, String profile) {
        var context = new ConfigSourceContext() {
            @Override
            public ConfigValue getValue(String name) {
                return ConfigValue.builder().withName(name).withValue(values.get(name)).build();
            }

            @Override
            public Iterator<String> iterateNames() {
                return values.keySet().iterator();
            }

            @Override
            public List<String> getProfiles() {
                return List.of(profile);
            }
        };
        var sources = new LoopbackByDefault().getConfigSources(context).iterator();
        return sources.next().getValue("quarkus.http.host");
    }
}
