package dev.fanout.formats;

import java.util.List;

/** A {@code format} parameter that names none of the formats a route writes: the value, and those it writes. */
public final class UnknownOutputFormat extends RuntimeException {

    public UnknownOutputFormat(String value, List<? extends OutputFormat> formats) {
        super("format = " + value + ": must be " + OutputFormats.either(formats.stream().map(OutputFormat::label).toList()));
    }
}
