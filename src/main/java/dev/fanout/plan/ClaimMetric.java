package dev.fanout.plan;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a plan author's hand-computed figure measures. */
public enum ClaimMetric {
    /** One agent doing everything, in the plan's time unit. */
    SEQUENTIAL("sequential", "Sequential duration"),
    /** The whole plan run in parallel, in the plan's time unit. */
    PARALLEL("parallel", "Parallel duration"),
    /** The longest dependency chain, in the plan's time unit. */
    CRITICAL_PATH("criticalPath", "Critical path"),
    /** Time saved by running in parallel, as a percentage of the sequential duration. */
    SAVINGS_PERCENT("savingsPercent", "Savings (%)"),
    /** Sequential duration divided by parallel duration. */
    SPEEDUP("speedup", "Speed-up (×)"),
    /** Mean share of the parallel duration the agents are busy, in percent. */
    UTILIZATION_PERCENT("utilizationPercent", "Agent utilization (%)");

    private final String key;
    private final String label;

    ClaimMetric(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** Its name in plans and in reports. */
    @JsonValue
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public boolean isDuration() {
        return this == SEQUENTIAL || this == PARALLEL || this == CRITICAL_PATH;
    }

    public static Optional<ClaimMetric> parse(String key) {
        return Arrays.stream(values()).filter(metric -> metric.key.equals(key)).findFirst();
    }

    public static String keys() {
        return String.join(", ", Arrays.stream(values()).map(ClaimMetric::key).toList());
    }
}
