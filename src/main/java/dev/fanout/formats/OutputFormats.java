package dev.fanout.formats;

import java.util.List;
import java.util.Locale;

/**
 * The formats one route writes, and the one place that chooses among them for a request: by {@code ?format=} when it
 * is given (it wins over {@code Accept}, so a link or a client that cannot set headers still says what it wants), else
 * by the {@code Accept} header, the most wanted range first; a wildcard range ({@code *}{@code /*}, {@code text/*})
 * takes the first format it covers, in the order given here. The first format is the default: what a request without
 * either gets. An unknown name is refused with {@link UnknownFormat}, an {@code Accept} header that covers none
 * of the formats with {@link NotAcceptable}, each listing what the route writes.
 */
public final class OutputFormats<F extends OutputFormat> {

    private final List<F> formats;

    /** {@code formats} in the order refusals list them and wildcards pick them; the first is the default. */
    public OutputFormats(List<F> formats) {
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("a route writes at least one format");
        }
        this.formats = List.copyOf(formats);
    }

    public F choose(String format, String accept) {
        if (format != null) {
            var name = format.strip().toLowerCase(Locale.ROOT);
            return formats.stream().filter(f -> f.formatName().equals(name) || f.aliases().contains(name)).findFirst()
                    .orElseThrow(() -> new UnknownFormat(format, either(formats.stream().map(OutputFormat::label).toList())));
        }
        if (accept == null || accept.isBlank()) {
            return formats.getFirst();
        }
        for (var range : AcceptHeader.ranges(accept)) {
            for (var candidate : formats) {
                if (range.matches(candidate.mediaType())) {
                    return candidate;
                }
            }
        }
        throw new NotAcceptable(accept, formats);
    }

    public List<F> formats() {
        return formats;
    }

    /** "a", "a or b", "a, b or c": how refusals list the choices. */
    static String either(List<String> choices) {
        if (choices.size() < 2) {
            return String.join("", choices);
        }
        return String.join(", ", choices.subList(0, choices.size() - 1)) + " or " + choices.getLast();
    }
}
