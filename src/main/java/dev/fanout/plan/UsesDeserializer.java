package dev.fanout.plan;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A task's {@code uses} come either as a list of resource ids, one unit each ({@code ["db-migration"]}), or as a map
 * resource id → units ({@code {"test-db": 2}}). Only the shape is checked here; whether the resource exists and the
 * units fit its capacity is {@link TasksValidator}'s, which names the field.
 */
public class UsesDeserializer extends JsonDeserializer<Map<String, Integer>> {

    @Override
    public Map<String, Integer> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonNode node = context.readTree(parser);
        var uses = new LinkedHashMap<String, Integer>();
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                var element = node.get(i);
                if (!element.isTextual() || element.asText().isBlank()) {
                    return context.reportInputMismatch(Map.class,
                            "uses [%d] must be a non-blank resource id, got %s", i, element);
                }
                var id = element.asText().strip();
                if (uses.putIfAbsent(id, 1) != null) {
                    return context.reportInputMismatch(Map.class,
                            "uses lists resource '%s' twice: for several units write a map {\"%s\": 2}", id, id);
                }
            }
            return uses;
        }
        if (node.isObject()) {
            var fields = node.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                var units = field.getValue();
                if (field.getKey().isBlank()) {
                    return context.reportInputMismatch(Map.class, "resource ids in uses must not be blank");
                }
                if (!units.isIntegralNumber() || !units.canConvertToInt()) {
                    return context.reportInputMismatch(Map.class,
                            "units of resource '%s' must be an integer ≥ 1, got %s", field.getKey(), units);
                }
                uses.put(field.getKey().strip(), units.intValue());
            }
            return uses;
        }
        return context.reportInputMismatch(Map.class,
                "uses must be a list of resource ids or a map resource id → units, got %s", node);
    }
}
