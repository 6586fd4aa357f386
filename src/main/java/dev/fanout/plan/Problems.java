package dev.fanout.plan;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/** Collects a plan's violations in the order they are found, and the checks every part of a plan shares. */
final class Problems {

    private final Set<Violation> violations = new LinkedHashSet<>();

    void add(String field, String value, String message) {
        violations.add(new Violation(field, value, message));
    }

    /**
     * Checks each element of the list field {@code name} with its path ("tasks[3]"); a null element is refused as
     * not being {@code what} ("a task object").
     */
    <T> void eachObject(List<T> elements, String name, String what, BiConsumer<String, T> check) {
        for (int i = 0; i < elements.size(); i++) {
            var field = name + "[" + i + "]";
            var element = elements.get(i);
            if (element == null) {
                add(field, "null", "must be " + what);
            } else {
                check.accept(field, element);
            }
        }
    }

    void throwIfAny() {
        if (!violations.isEmpty()) {
            throw new PlanRejectedException(List.copyOf(violations));
        }
    }

    /** The text stripped, or null after adding why it is refused. */
    String requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            add(field, value == null ? null : quote(value), "is required and must not be blank");
            return null;
        }
        if (value.length() > PlanValidator.MAX_TEXT_LENGTH) {
            add(field, value.length() + " characters", "must be at most " + PlanValidator.MAX_TEXT_LENGTH + " characters");
            return null;
        }
        return value.strip();
    }

    void optionalText(String field, String value) {
        if (value != null && value.length() > PlanValidator.MAX_TEXT_LENGTH) {
            add(field, value.length() + " characters", "must be at most " + PlanValidator.MAX_TEXT_LENGTH + " characters");
        }
    }

    /** The id stripped, or null after adding why it is refused. */
    String requireId(String field, String value) {
        if (value == null || value.isBlank()) {
            add(field, value == null ? null : quote(value), "is required and must not be blank");
            return null;
        }
        if (value.length() > PlanValidator.MAX_ID_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
            add(field, quote(value.length() > 40 ? value.substring(0, 40) + "…" : value),
                    "must be at most " + PlanValidator.MAX_ID_LENGTH + " characters without control characters");
            return null;
        }
        return value.strip();
    }

    static String quote(String text) {
        return "\"" + text + "\"";
    }
}
