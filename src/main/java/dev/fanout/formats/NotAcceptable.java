package dev.fanout.formats;

import java.util.List;

/**
 * An {@code Accept} header that names none of the media types a route writes, not even through a wildcard: the header,
 * and what the route writes and the names {@code ?format=} takes for them.
 */
public final class NotAcceptable extends RuntimeException {

    public NotAcceptable(String accept, List<? extends OutputFormat> formats) {
        super("Accept: " + accept + " names no type this route writes: ask for "
                + OutputFormats.either(formats.stream().map(OutputFormat::mediaType).toList())
                + " (or any with */*), or name one with ?format="
                + String.join("|", formats.stream().map(OutputFormat::formatName).toList()));
    }
}
