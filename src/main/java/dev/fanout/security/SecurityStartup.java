package dev.fanout.security;

import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Says at start-up who may use the service: the owners keys belong to (never a key), or that without keys it serves
 * this machine only; and warns when it serves other machines without keys. Reading the keys here makes a malformed
 * entry stop the start-up, before any request.
 */
@ApplicationScoped
public class SecurityStartup {

    private static final Logger LOG = Logger.getLogger(SecurityStartup.class);
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

    void onStart(@Observes @Priority(1) StartupEvent event, ApiKeys keys) {
        var config = ConfigProvider.getConfig();
        var host = config.getConfigValue("quarkus.http.host");
        if (keys.enabled()) {
            LOG.infof("API keys: %d %s of %s; every /api and /mcp request needs one (Authorization: Bearer <key>)",
                    keys.size(), keys.size() == 1 ? "key" : "keys", keys.owners());
        } else if (LOOPBACK.contains(host.getValue())) {
            LOG.infof("no API keys configured: listening on %s only, where anyone on this machine may read and change "
                    + "every plan; configure FANOUT_API_KEYS to serve other machines (README, \"Security\")", host.getValue());
        } else {
            LOG.warnf("no API keys configured, yet listening on %s (%s): anyone who reaches this port may read and change "
                    + "every plan; configure FANOUT_API_KEYS (README, \"Security\")", host.getValue(),
                    config.getOptionalValue("fanout.http.expose", Boolean.class).orElse(false)
                            ? "fanout.http.expose=true" : "quarkus.http.host is set, in " + host.getSourceName());
        }
    }
}
