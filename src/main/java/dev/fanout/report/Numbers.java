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

    /** A figure with its time unit, singular for exactly 1: "1 day", "0.5 days", "3 weeks". */
    public static String amount(double value, String unit) {
        return withUnit(format(value), unit);
    }

    /** A figure already written (a number or a range such as "7–8") with its time unit, singular for "1". */
    public static String withUnit(String figure, String unit) {
        boolean one = figure.equals("1") || figure.equals("-1");
        return figure + " " + (one && unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit);
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
