package dev.fanout.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How figures are printed in reports: no trailing zeros, no exponent, at most two decimals. */
public final class Numbers {

    private Numbers() {
    }

    public static String format(double value) {
        var rounded = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
    }

    public static String range(double min, double max) {
        return min == max ? format(min) : format(min) + "–" + format(max);
    }

    public static double round(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return 0;
        }
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    public static String percent(double ratio) {
        return format(round(ratio * 100, 1)) + " %";
    }
}
