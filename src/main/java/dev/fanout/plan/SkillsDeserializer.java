package dev.fanout.plan;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Skills come either as a map skill → level ({@code {"python": 2}}) or as a list of names
 * ({@code ["python"]}, each at level 0). Level 0 is a real level: it means "has the skill at all".
 */
public class SkillsDeserializer extends JsonDeserializer<Map<String, Integer>> {

    static final int MAX_LEVEL = 1_000;

    @Override
    public Map<String, Integer> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonNode node = context.readTree(parser);
        var skills = new LinkedHashMap<String, Integer>();
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                var element = node.get(i);
                if (!element.isTextual() || element.asText().isBlank()) {
                    return context.reportInputMismatch(Map.class,
                            "skill [%d] must be a non-blank skill name, got %s", i, element);
                }
                skills.putIfAbsent(element.asText().strip(), 0);
            }
            return skills;
        }
        if (node.isObject()) {
            var fields = node.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                var skill = field.getKey();
                var level = field.getValue();
                if (skill.isBlank()) {
                    return context.reportInputMismatch(Map.class, "skill names must not be blank");
                }
                if (!level.isIntegralNumber() || !level.canConvertToInt()) {
                    return context.reportInputMismatch(Map.class,
                            "level of skill '%s' must be an integer from 0 to %d, got %s", skill, MAX_LEVEL, level);
                }
                if (level.intValue() < 0 || level.intValue() > MAX_LEVEL) {
                    return context.reportInputMismatch(Map.class,
                            "level of skill '%s' must be an integer from 0 to %d, got %s", skill, MAX_LEVEL, level);
                }
                skills.put(skill.strip(), level.intValue());
            }
            return skills;
        }
        return context.reportInputMismatch(Map.class,
                "skills must be a map skill → level or a list of skill names, got %s", node);
    }
}
