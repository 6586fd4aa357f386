package dev.fanout.formats;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import net.sf.mpxj.FieldType;
import net.sf.mpxj.ProjectFile;
import net.sf.mpxj.ResourceField;
import net.sf.mpxj.TaskField;

/**
 * What Fanout keeps in MSPDI's custom fields, written by {@link MspdiWriter} and read by {@link MspdiReader}: a field
 * is found again by its alias (the name Microsoft Project shows as the column's title), so a file whose user moved
 * "Skills" from Text2 to Text7 still reads. The three PERT durations are Microsoft Project's own convention (its PERT
 * analysis keeps optimistic, expected and pessimistic durations in Duration1–3).
 */
final class MspdiFields {

    static final Alias TASK_ID = new Alias(TaskField.TEXT1, "Fanout id");
    static final Alias TASK_SKILLS = new Alias(TaskField.TEXT2, "Skills");
    static final Alias TASK_POOL = new Alias(TaskField.TEXT3, "Pool");
    static final Alias TASK_AREAS = new Alias(TaskField.TEXT4, "Areas");
    static final Alias OPTIMISTIC = new Alias(TaskField.DURATION1, "Optimistic");
    static final Alias LIKELY = new Alias(TaskField.DURATION2, "Most likely");
    static final Alias PESSIMISTIC = new Alias(TaskField.DURATION3, "Pessimistic");
    static final Alias RESOURCE_SKILLS = new Alias(ResourceField.TEXT1, "Skills");
    static final Alias RESOURCE_POOL = new Alias(ResourceField.TEXT2, "Pool");
    static final Alias RESOURCE_NAME = new Alias(ResourceField.TEXT3, "Agent name");

    /** Areas are paths: a comma cannot be told from a separator in them, a line break can. */
    static final String AREA_SEPARATOR = "\n";

    private MspdiFields() {
    }

    /** A custom field: where the writer puts it, and the alias the reader finds it by. */
    record Alias(FieldType field, String alias) {

        void declare(ProjectFile project) {
            project.getCustomFields().getOrCreate(field).setAlias(alias);
        }

        /** This field in a file read: by alias, whatever field the file keeps it in; null when the file has none. */
        FieldType in(ProjectFile project) {
            return project.getCustomFields().getFieldTypeByAlias(field.getFieldTypeClass(), alias);
        }
    }

    /** "java:1, ops:0": the skills and levels as a person would type them in the column. */
    static String skills(Map<String, Integer> skills) {
        return skills.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(skill -> skill.getKey() + ":" + skill.getValue()).collect(Collectors.joining(", "));
    }

    /**
     * The skills of {@link #skills(Map)}; a skill without ":level" is held at level 0 (as a list of skill names is in a
     * plan). Null when the text is not of that form.
     */
    static Map<String, Integer> skills(String text) {
        var skills = new LinkedHashMap<String, Integer>();
        for (var item : text.split(",")) {
            var skill = item.strip();
            if (skill.isEmpty()) {
                continue;
            }
            int colon = skill.lastIndexOf(':');
            if (colon < 0) {
                skills.put(skill, 0);
                continue;
            }
            var name = skill.substring(0, colon).strip();
            try {
                int level = Integer.parseInt(skill.substring(colon + 1).strip());
                if (name.isEmpty() || level < 0) {
                    return null;
                }
                skills.put(name, level);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return skills;
    }
}
