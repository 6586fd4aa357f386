package dev.fanout.formats;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import dev.fanout.plan.PlanReader;

/**
 * Every format Fanout reads plans in, and the one place that chooses among them for a request: by {@code ?format=}
 * when it is given (it wins over Content-Type, so a client that cannot set the header still says what it sends), else
 * by the content type, JSON when there is none.
 */
public final class PlanFormats {

    /** The formats, in the order refusals list them. */
    public static final List<PlanFormat> ALL = List.of(
            new FixedFormat("json", List.of(), List.of("application/json", "*/*"), PlanReader::readJson),
            new FixedFormat("yaml", List.of(),
                    List.of("application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"), PlanReader::readYaml),
            new FixedFormat("imopse", List.of("def"), List.of("text/plain", "application/x-imopse"),
                    body -> ImopseReader.read(body, null)),
            new SpecKitFormat(SpecKitReader.DEFAULT_AGENTS),
            // Microsoft Project XML: the file's own duration unit, its resources as agents (CONTRACT §8). Plain XML
            // says too little to be taken for it: such a body names the format (?format=mspdi).
            new FixedFormat("mspdi", List.of("msproject"), List.of("application/vnd.ms-project+xml"),
                    body -> new MspdiReader().read(body, null)));

    private PlanFormats() {
    }

    /**
     * The format a request names: {@code format} (a name or alias, any case) when given, else its {@code contentType}
     * (parameters such as {@code charset} ignored). An unknown name is refused with {@link UnknownFormat}, an
     * unknown content type with {@link UnsupportedPlanFormat}, each listing what Fanout reads.
     */
    public static PlanFormat forRequest(String format, String contentType) {
        if (format != null) {
            var name = format.toLowerCase(Locale.ROOT).strip();
            return ALL.stream().filter(f -> f.name().equals(name) || f.aliases().contains(name)).findFirst()
                    .orElseThrow(() -> new UnknownFormat(format, "one of " + String.join(", ", names())));
        }
        var type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        if (type.isEmpty()) {
            return ALL.getFirst();
        }
        return byMediaType(type).orElseThrow(() -> new UnsupportedPlanFormat(contentType, ALL));
    }

    private static Optional<PlanFormat> byMediaType(String type) {
        return ALL.stream().filter(f -> f.mediaTypes().contains(type)).findFirst();
    }

    /** The names {@code ?format=} takes, aliases after the name they stand for. */
    public static List<String> names() {
        return ALL.stream().flatMap(f -> Stream.concat(Stream.of(f.name()), f.aliases().stream())).toList();
    }
}
