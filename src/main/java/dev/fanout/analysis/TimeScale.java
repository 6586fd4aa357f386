package dev.fanout.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Durations are exact decimals (1.5 weeks); every algorithm works in whole ticks so that sums and comparisons are
 * exact. A tick is 10^-d of the plan's time unit, where d is the largest number of decimal places among the
 * durations. Any schedule can be left-shifted so that every start is a sum of durations, hence a whole number of
 * ticks: rounding a bound up to a whole tick keeps it valid. Once a plan has progress, every algorithm works on the
 * work that remains, from tick 0 = the plan's {@code now} ({@code origin} ticks after it began).
 */
public record TimeScale(int decimals, long origin) {

    public TimeScale(int decimals) {
        this(decimals, 0);
    }

    /** The same resolution, ticks counted from {@code ticks} (the plan's {@code now}, CONTRACT §6). */
    public TimeScale from(long ticks) {
        return new TimeScale(decimals, ticks);
    }

    /**
     * An instant for JSON: {@code ticks} after the origin, in the plan's time since it began (a start, an end, a
     * makespan). Durations and differences use {@link #toDouble(long)}.
     */
    public double at(long ticks) {
        return toDouble(origin + ticks);
    }

    public long ticksPerUnit() {
        return BigDecimal.TEN.pow(decimals).longValueExact();
    }

    public long ticks(BigDecimal units) {
        return units.movePointRight(decimals).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    }

    public BigDecimal units(long ticks) {
        var value = BigDecimal.valueOf(ticks).movePointLeft(decimals).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    /** For JSON: exact for every value a plan can produce, printed in its shortest form (0.3, not 0.30000000000000004). */
    public double toDouble(long ticks) {
        return units(ticks).doubleValue();
    }

    public static TimeScale fitting(Iterable<BigDecimal> durations) {
        int decimals = 0;
        for (var duration : durations) {
            decimals = Math.max(decimals, Math.max(0, duration.stripTrailingZeros().scale()));
        }
        return new TimeScale(decimals);
    }
}
