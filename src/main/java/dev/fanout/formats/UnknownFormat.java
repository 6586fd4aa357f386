package dev.fanout.formats;

/**
 * A {@code format} parameter that names none of the formats a route reads or writes: the value, and what the route
 * takes instead.
 */
public final class UnknownFormat extends RuntimeException {

    /** @param allowed what the route takes, as a phrase ("one of json, yaml", "json, markdown or csv") */
    public UnknownFormat(String value, String allowed) {
        super("format = " + value + ": must be " + allowed);
    }
}
