package dev.fanout.plan;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a plan from JSON or YAML, strictly: an unknown field, a string where a number belongs, a decimal where an
 * integer belongs, a duplicated key or trailing garbage is refused with a {@link Violation} that names the field
 * and the value. Typos must never pass silently.
 */
public final class PlanReader {

    /** Deep enough for any plan (a plan nests four levels), shallow enough to refuse hostile nesting early. */
    public static final int MAX_NESTING_DEPTH = 32;

    private static final ObjectMapper JSON = strict(JsonMapper.builder()).build();
    private static final ObjectMapper YAML = strict(YAMLMapper.builder(YAMLFactory.builder()
            .streamReadConstraints(readConstraints()).build())).build();

    static {
        JSON.getFactory().setStreamReadConstraints(readConstraints());
        for (var mapper : List.of(JSON, YAML)) {
            // 3 for an id, "3" for a duration, 1.5 for a worker count: each is a mistake worth reporting.
            mapper.coercionConfigFor(LogicalType.Textual)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.Integer)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.Float)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.Collection)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.POJO)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
    }

    private PlanReader() {
    }

    private static StreamReadConstraints readConstraints() {
        return StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(64)
                .maxStringLength(1_000_000)
                .build();
    }

    private static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B strict(B builder) {
        return builder
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    public static PlanDocument readJson(byte[] body) {
        return read(JSON, body, PlanDocument.class, "JSON", "the plan");
    }

    public static PlanDocument readYaml(byte[] body) {
        return read(YAML, body, PlanDocument.class, "YAML", "the plan");
    }

    /** Any other request body, read as strictly as a plan ({@code what} names it in messages: "the request"). */
    public static <T> T readJson(byte[] body, Class<T> type, String what) {
        return read(JSON, body, type, "JSON", what);
    }

    /** The mapper used to store and return plan documents (the same strict one that reads them). */
    public static ObjectMapper json() {
        return JSON;
    }

    private static <T> T read(ObjectMapper mapper, byte[] body, Class<T> type, String format, String what) {
        if (body == null || body.length == 0 || new String(body, 0, Math.min(body.length, 64)).isBlank()) {
            throw new PlanRejectedException(new Violation("", null, "the request body is empty: send " + what + " as " + format));
        }
        try {
            var value = mapper.readValue(body, type);
            if (value == null) {
                throw new PlanRejectedException(new Violation("", "null", what + " must be a " + format + " object"));
            }
            return value;
        } catch (PlanRejectedException e) {
            throw e;
        } catch (IOException e) {
            throw new PlanRejectedException(describe(e, format));
        } catch (RuntimeException e) {
            // Parsers signal some malformed input (e.g. YAML anchors gone wrong) with unchecked exceptions.
            throw new PlanRejectedException(new Violation("", null, "malformed " + format + ": " + firstLine(e.getMessage())));
        }
    }

    /** Translates a Jackson failure into a violation naming the field (as a JSON path) and the offending value. */
    public static Violation describe(IOException failure, String format) {
        if (failure instanceof JsonMappingException mapping && mapping.getCause() instanceof StreamReadException cause) {
            // A syntax error met while binding a field: say where, and that it is the syntax that is wrong.
            var syntax = describe(cause, format);
            return new Violation(path(mapping.getPath()), syntax.value(), syntax.message());
        }
        if (failure instanceof UnrecognizedPropertyException unknown) {
            var field = path(unknown.getPath());
            return new Violation(field, null, "unknown field '" + unknown.getPropertyName() + "'"
                    + didYouMean(unknown.getPropertyName(), unknown.getKnownPropertyIds())
                    + "; known fields here: " + knownFields(unknown.getKnownPropertyIds()));
        }
        if (failure instanceof InvalidFormatException invalid) {
            return new Violation(path(invalid.getPath()), String.valueOf(invalid.getValue()),
                    "must be " + expected(invalid.getTargetType()));
        }
        if (failure instanceof MismatchedInputException mismatch) {
            var field = path(mismatch.getPath());
            var original = mismatch.getOriginalMessage();
            if (original != null && (original.startsWith("skill") || original.startsWith("level")
                    || mismatch.getTargetType() == DurationDocument.class)) {
                return new Violation(field, null, original);
            }
            if (original != null && original.startsWith("Trailing token")) {
                return new Violation("", null, "malformed " + format + ": unexpected content after the object");
            }
            return new Violation(field.isEmpty() ? "" : field, currentText(mismatch),
                    "must be " + expected(mismatch.getTargetType()));
        }
        if (failure instanceof JsonMappingException mapping) {
            return new Violation(path(mapping.getPath()), null, firstLine(mapping.getOriginalMessage()));
        }
        if (failure instanceof StreamConstraintsException constraints) {
            return new Violation("", null, "refused " + format + ": " + firstLine(constraints.getOriginalMessage()));
        }
        if (failure instanceof StreamReadException read) {
            var location = read.getLocation();
            var where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            return new Violation("", null, "malformed " + format + where + ": " + firstLine(read.getOriginalMessage()));
        }
        return new Violation("", null, "unreadable " + format + ": " + firstLine(failure.getMessage()));
    }

    static String path(List<JsonMappingException.Reference> references) {
        var path = new StringBuilder();
        for (var reference : references) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == BigDecimal.class || type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "a map";
        }
        return "an object";
    }

    private static String currentText(MismatchedInputException mismatch) {
        try {
            if (mismatch.getProcessor() instanceof JsonParser parser && parser.currentToken() != null) {
                var text = switch (parser.currentToken()) {
                    case VALUE_STRING -> "\"" + parser.getText() + "\"";
                    case START_OBJECT -> "an object";
                    case START_ARRAY -> "a list";
                    case VALUE_NULL -> "null";
                    default -> parser.getText();
                };
                return text.length() > 80 ? text.substring(0, 80) + "…" : text;
            }
        } catch (IOException | RuntimeException ignored) {
            // The value is a courtesy; the field name is what matters.
        }
        return null;
    }

    private static String didYouMean(String wrong, Collection<Object> known) {
        var candidates = known == null ? Set.<String>of()
                : known.stream().map(String::valueOf).collect(Collectors.toSet());
        return Suggestion.of(wrong, candidates);
    }

    private static String knownFields(Collection<Object> known) {
        return known == null ? "" : known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        var line = message.lines().findFirst().orElse(message)
                .replaceAll("\\[Source: [^;]*; ", "[");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
