package dev.fanout.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.fanout.config.FanoutConfig;

/** The keys of {@code fanout.security.api-keys} or of the file {@code fanout.security.api-keys-file}, read once. */
@ApplicationScoped
public class ConfiguredKeys {

    @Produces
    @Singleton
    ApiKeys apiKeys(FanoutConfig config) {
        var security = config.security();
        if (security.apiKeys().isPresent() && security.apiKeysFile().isPresent()) {
            throw new ApiKeys.Malformed("fanout.security.api-keys and fanout.security.api-keys-file are both set: "
                    + "name the keys in one place");
        }
        if (security.apiKeys().isPresent()) {
            return ApiKeys.parse(security.apiKeys().get(), "fanout.security.api-keys");
        }
        if (security.apiKeysFile().isPresent()) {
            var file = security.apiKeysFile().get();
            try {
                return ApiKeys.parse(Files.readString(file, StandardCharsets.UTF_8), "fanout.security.api-keys-file " + file);
            } catch (IOException e) {
                throw new ApiKeys.Malformed("fanout.security.api-keys-file " + file + " cannot be read: " + e);
            }
        }
        return ApiKeys.NONE;
    }
}
