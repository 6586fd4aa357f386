package dev.fanout.formats;

import java.util.List;

/**
 * One way a route writes its answer: the name {@code ?format=} takes, other names for it, the media type an
 * {@code Accept} header names it by, and how a refusal lists it ("mspdi (Microsoft Project XML)"). The formats of a
 * route are chosen among by {@link OutputFormats}.
 */
public interface OutputFormat {

    /** The API's own JSON, written by Jackson where the answer is made: every route has it, and it is the default. */
    OutputFormat JSON = new Named("json", List.of(), "application/json", "json");

    /** The name {@code ?format=} takes, lower case (not {@code name()}, which an enum has already). */
    String formatName();

    /** Other names {@code ?format=} takes for it, lower case. */
    default List<String> aliases() {
        return List.of();
    }

    /** The media type it is written in, lower case, without parameters. */
    String mediaType();

    /** How a refusal names it: the name, and what it is when the name alone does not say. */
    default String label() {
        return formatName();
    }

    /** A format that is only a name, a media type and a label: written by someone else. */
    record Named(String formatName, List<String> aliases, String mediaType, String label) implements OutputFormat {
    }
}
