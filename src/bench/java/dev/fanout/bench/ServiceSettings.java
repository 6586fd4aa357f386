package dev.fanout.bench;

import java.io.IOException;
import java.util.Properties;

/**
 * The service's own solve settings, read from its {@code application.properties} (on the runner's class path, in the
 * service's jar): the runner's defaults are the service's, so a benchmark without options measures what the service
 * does, and a setting changed there is measured here without a second copy to keep in step.
 */
final class ServiceSettings {

    private final Properties properties = new Properties();

    ServiceSettings() throws IOException {
        try (var in = ServiceSettings.class.getClassLoader().getResourceAsStream("application.properties")) {
            if (in == null) {
                throw new IllegalStateException("the service's application.properties is not on the class path");
            }
            properties.load(in);
        }
    }

    /** {@code fanout.solve.<key>}, as the service's profile-less configuration sets it. */
    String solve(String key) {
        var value = properties.getProperty("fanout.solve." + key);
        if (value == null) {
            throw new IllegalStateException("application.properties sets no fanout.solve." + key);
        }
        return value.strip();
    }
}
