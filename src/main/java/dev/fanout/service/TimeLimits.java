package dev.fanout.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import dev.fanout.config.FanoutConfig;
import dev.fanout.report.Numbers;

/** How long a solve may take: the {@code seconds} a request asks for, checked, or the configured default. */
@ApplicationScoped
public class TimeLimits {

    private final double defaultSeconds;
    private final double maxSeconds;

    public TimeLimits(FanoutConfig config) {
        this.defaultSeconds = config.solve().defaultSeconds();
        this.maxSeconds = config.solve().maxSeconds();
    }

    /** A number of seconds above 0 and at most the configured maximum; the default when none is given. */
    public Duration parse(String seconds) {
        if (seconds == null || seconds.isBlank()) {
            return Duration.ofMillis(Math.round(defaultSeconds * 1000));
        }
        double value;
        try {
            value = Double.parseDouble(seconds.strip());
        } catch (NumberFormatException e) {
            throw new InvalidParameter("seconds", seconds, "must be a number of seconds");
        }
        if (!(value > 0) || value > maxSeconds || Double.isNaN(value)) {
            throw new InvalidParameter("seconds", seconds, "must be more than 0 and at most " + Numbers.format(maxSeconds));
        }
        return of(value);
    }

    /** A limit of {@code seconds} seconds that the caller has checked already (at least a millisecond). */
    public static Duration of(double seconds) {
        return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
    }

    /** The most a request may ask for, in seconds. */
    public double maxSeconds() {
        return maxSeconds;
    }
}
