package dev.fanout.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Durations are exact decimals (1.5 weeks); every algorithm works in whole ticks so that sums and comparisons are
 * exact. A tick is 10^-d of the plan's time unit, where d is the largest number of decimal places among the
 * durations. Any schedule can be left-shifted so that every start is a sum of durations, hence a whole number of
 * ticks: rounding a bound up to a whole tick keeps it valid.
 */
public record TimeScale(int decimals) {

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
