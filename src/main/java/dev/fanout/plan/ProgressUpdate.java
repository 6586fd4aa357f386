package dev.fanout.plan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A progress update as sent to {@code PATCH /api/plans/{id}/progress} (CONTRACT §6), bound strictly like a plan:
 * {@code version} the version it was made from (optional: when given, an update made from an older version is refused
 * with 409 instead of applied to the newer one); {@code now}; per task id, the fields that change ({@code status},
 * {@code progress}, {@code remaining}, {@code agent}, {@code duration}; an {@code agent} of null unpins); tasks to
 * {@code add} and ids to {@code remove}; and the {@code claims} the new version states (a version grades its own
 * claims: earlier ones stay with the version that made them). {@link ProgressUpdates} applies it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProgressUpdate(
        Integer version,
        BigDecimal now,
        Map<String, ObjectNode> tasks,
        List<PlanDocument.TaskDocument> add,
        List<String> remove,
        List<PlanDocument.ClaimDocument> claims) {

    public ProgressUpdate {
        tasks = tasks == null ? Map.of() : Unmodifiable.map(tasks);
        add = add == null ? List.of() : Unmodifiable.list(add);
        remove = remove == null ? List.of() : Unmodifiable.list(remove);
        claims = claims == null ? List.of() : Unmodifiable.list(claims);
    }

    /** The fields a task's entry may change. */
    static final List<String> TASK_FIELDS = List.of("status", "progress", "remaining", "agent", "duration");
}
