package dev.fanout.report;

/** How much a shorter schedule saves against a longer one, as reports print it. */
public final class Savings {

    private Savings() {
    }

    /** The time saved as a share of {@code before}, in percent to one decimal; 0 when {@code before} is 0. */
    public static double percent(double before, double after) {
        return before == 0 ? 0 : Numbers.round((before - after) / before * 100, 1);
    }

    /** How many times faster {@code after} is, to two decimals; 1 when {@code after} is 0. */
    public static double speedup(double before, double after) {
        return after == 0 ? 1 : Numbers.round(before / after, 2);
    }
}
