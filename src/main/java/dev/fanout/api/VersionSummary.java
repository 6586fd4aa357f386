package dev.fanout.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.fanout.report.SolveStatus;

/**
 * One version of a plan in the list of its versions (CONTRACT §6): its number, its {@code now}, when it was made,
 * whether it is the current one, its schedule's status and figures (null before it was solved), and the tasks the
 * update that made it changed, added or removed (empty for the first version).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VersionSummary(int version, double now, Instant createdAt, boolean current, SolveStatus status,
        Double makespan, Double lowerBound, Boolean optimal, List<String> changed) {
    public VersionSummary {
        changed = List.copyOf(changed);
    }
}
