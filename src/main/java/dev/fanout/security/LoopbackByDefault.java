package dev.fanout.security;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * Safe by default: without API keys anyone who reaches the service may read and change every plan, so unless keys
 * are configured, or {@code fanout.http.expose=true} says otherwise, it listens on 127.0.0.1 only instead of Quarkus'
 * 0.0.0.0. The value is a default of its own, below {@code application.properties}, the environment and system
 * properties: a {@code quarkus.http.host} set in any of them still wins ({@link SecurityStartup} warns about it).
 * Registered in {@code META-INF/services}, as it must decide before the application starts.
 */
public class LoopbackByDefault implements ConfigSourceFactory {

    /** The source's name, by which {@link SecurityStartup} tells this default from a host set on purpose. */
    static final String NAME = "fanout's default host (127.0.0.1 without API keys)";
    static final String LOOPBACK = "127.0.0.1";
    /** Quarkus' own default in production; "localhost" in dev mode and tests. */
    private static final String ALL_INTERFACES = "0.0.0.0";

    /** Above Quarkus' own defaults, below every file, variable and property a person writes (250 and up). */
    private static final int ORDINAL = 100;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        boolean open = set(context.getValue("fanout.security.api-keys")) || set(context.getValue("fanout.security.api-keys-file"))
                || "true".equalsIgnoreCase(value(context.getValue("fanout.http.expose")));
        // A value either way, never none: Quarkus records the value seen while building the application as a default of
        // the built application, so the build's decision (no keys, most often) must not outlive it.
        var host = !open ? LOOPBACK : context.getProfiles().contains("prod") ? ALL_INTERFACES : "localhost";
        return List.of(new MapBackedConfigSource(NAME, Map.of("quarkus.http.host", host), ORDINAL) {
        });
    }

    private static boolean set(ConfigValue value) {
        return !value(value).isBlank();
    }

    private static String value(ConfigValue value) {
        return value == null || value.getValue() == null ? "" : value.getValue().strip();
    }
}
