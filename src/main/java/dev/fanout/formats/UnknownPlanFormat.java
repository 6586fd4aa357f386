package dev.fanout.formats;

import java.util.List;

/** A {@code format} parameter that names no plan format: the value, and the names Fanout reads. */
public final class UnknownPlanFormat extends RuntimeException {

    public UnknownPlanFormat(String value, List<String> names) {
        super("format = " + value + ": must be one of " + String.join(", ", names));
    }
}
