package dev.fanout.plan;

/**
 * One reason a plan is refused: the JSON path of the offending field (e.g. {@code tasks[3].duration}),
 * the value found there (as text, may be null) and what is wrong with it.
 */
public record Violation(String field, String value, String message) {

    /** "tasks[3].duration = -2: must be a number ≥ 0" */
    public String describe() {
        if (field == null || field.isEmpty()) {
            return message;
        }
        return value == null ? field + ": " + message : field + " = " + value + ": " + message;
    }
}
