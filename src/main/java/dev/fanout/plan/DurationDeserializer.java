package dev.fanout.plan;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;

/** Reads {@code duration} as a number or as a range object of numbers {@code min}, {@code likely}, {@code max}. */
public class DurationDeserializer extends JsonDeserializer<DurationDocument> {

    private static final Set<String> BOUNDS = Set.of("min", "likely", "max");

    @Override
    public DurationDocument deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonNode node = context.readTree(parser);
        if (node.isNumber()) {
            return DurationDocument.of(node.decimalValue());
        }
        if (!node.isObject()) {
            return context.reportInputMismatch(DurationDocument.class,
                    "duration must be a number or a range {\"min\": …, \"likely\": …, \"max\": …}, got %s", node);
        }
        var names = node.fieldNames();
        while (names.hasNext()) {
            var name = names.next();
            if (!BOUNDS.contains(name)) {
                return context.reportInputMismatch(DurationDocument.class,
                        "a duration range has min, likely (optional) and max, not '%s'", name);
            }
            if (!node.get(name).isNumber()) {
                return context.reportInputMismatch(DurationDocument.class,
                        "duration.%s must be a number, got %s", name, node.get(name));
            }
        }
        return DurationDocument.range(decimal(node, "min"), decimal(node, "likely"), decimal(node, "max"));
    }

    private static BigDecimal decimal(JsonNode range, String name) {
        return range.has(name) ? range.get(name).decimalValue() : null;
    }
}
