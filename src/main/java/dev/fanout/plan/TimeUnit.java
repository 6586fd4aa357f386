package dev.fanout.plan;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The label of every duration and time in a plan and in its results. */
public enum TimeUnit {
    HOURS, DAYS, WEEKS;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The singular form, for "1 week". */
    public String singular() {
        var label = label();
        return label.substring(0, label.length() - 1);
    }

    public static Optional<TimeUnit> parse(String text) {
        return Arrays.stream(values()).filter(unit -> unit.label().equals(text)).findFirst();
    }
}
