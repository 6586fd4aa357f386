package dev.fanout.plan;

import java.math.BigDecimal;

/**
 * The shared rules of CONTRACT §5's numbers: when an agent (or a pool's generated workers) works and how fast
 * ({@code availableFrom} and {@code availableUntil} are times ≥ 0 in the plan's unit with from < until; {@code speed}
 * is a number > 0), and caps on tasks running at once (integers ≥ 1).
 */
final class CapacityRules {

    /** A speed above this is almost surely a typo (and would make durations vanish below the time resolution). */
    static final BigDecimal MAX_SPEED = BigDecimal.valueOf(1_000);

    private CapacityRules() {
    }

    /** The availability the fields describe, defaults filled in; {@code inherited} where the fields are absent. */
    static Plan.Availability check(Problems problems, String field, BigDecimal from, BigDecimal until, BigDecimal speed,
            Plan.Availability inherited) {
        var checkedFrom = time(problems, field + ".availableFrom", from);
        var checkedUntil = time(problems, field + ".availableUntil", until);
        var checkedSpeed = speed(problems, field + ".speed", speed);
        // A field absent, or refused (the plan is refused anyway), keeps the inherited value.
        var result = new Plan.Availability(
                checkedFrom == null ? inherited.from() : checkedFrom,
                until == null ? inherited.until() : checkedUntil,
                checkedSpeed == null ? inherited.speed() : checkedSpeed);
        if (result.until() != null && result.from().compareTo(result.until()) >= 0 && (from != null || until != null)) {
            problems.add(field + ".availableUntil", result.until().toPlainString(),
                    "must be after availableFrom (" + result.from().toPlainString() + ")");
        }
        return result;
    }

    private static BigDecimal time(Problems problems, String field, BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.signum() < 0) {
            problems.add(field, value.toPlainString(), "must be a number ≥ 0 in the plan's time unit");
            return null;
        }
        return PlanValidator.exactTime(problems, field, value, value.toPlainString());
    }

    private static BigDecimal speed(Problems problems, String field, BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.signum() <= 0) {
            problems.add(field, value.toPlainString(), "must be a number > 0 (1 is normal speed, 0.5 half time)");
            return null;
        }
        if (value.compareTo(MAX_SPEED) > 0) {
            problems.add(field, value.toPlainString(), "must be at most " + MAX_SPEED.toPlainString());
            return null;
        }
        var normalized = value.stripTrailingZeros();
        if (normalized.scale() > PlanValidator.MAX_DECIMALS) {
            problems.add(field, value.toPlainString(), "has more than " + PlanValidator.MAX_DECIMALS + " decimal places");
            return null;
        }
        return normalized.scale() < 0 ? normalized.setScale(0) : normalized;
    }

    /** A cap on tasks running at once: an integer ≥ 1, or null when none is stated. */
    static Integer cap(Problems problems, String field, Integer value) {
        if (value == null) {
            return null;
        }
        if (value < 1) {
            problems.add(field, String.valueOf(value), "must be an integer ≥ 1 (how many tasks may run at once)");
            return null;
        }
        return value;
    }
}
