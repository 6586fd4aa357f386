package dev.fanout.plan;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a task stands (CONTRACT §6): {@code planned} work is scheduled from {@code now} on; {@code started} work goes on
 * where it is, on its agent, from {@code now}; {@code done} work takes no more time.
 */
public enum TaskStatus {
    PLANNED, STARTED, DONE;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TaskStatus> parse(String text) {
        return Arrays.stream(values()).filter(status -> status.label().equals(text)).findFirst();
    }

    static java.util.Set<String> labels() {
        return Arrays.stream(values()).map(TaskStatus::label).collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
