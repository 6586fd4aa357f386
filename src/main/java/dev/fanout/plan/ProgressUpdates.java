package dev.fanout.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.fanout.plan.PlanDocument.TaskDocument;

/**
 * Applies a {@link ProgressUpdate} to a plan's current document, all or nothing: the new document is validated as a
 * whole plan, and every refusal names the field as the update wrote it ({@code tasks.P14.progress}, {@code add[0].id},
 * {@code remove[1]}), so an invalid update (an unknown task, progress 1.5, done before its dependencies, a pin to an
 * agent without the skill, a removed task others depend on) changes nothing.
 */
public final class ProgressUpdates {

    private ProgressUpdates() {
    }

    /** The new version: its document, the plan it validates to, and the ids of the tasks the update touched. */
    public record Applied(PlanDocument document, Plan plan, List<String> touched) {
    }

    /** @throws PlanRejectedException naming every field of the update that is wrong */
    public static Applied apply(PlanDocument current, BigDecimal currentNow, ProgressUpdate update,
            java.util.function.Function<PlanDocument, Plan> validator) {
        var problems = new Problems();
        var now = update.now() == null ? current.now() : update.now();
        if (update.now() != null && update.now().compareTo(currentNow) < 0) {
            problems.add("now", update.now().toPlainString(), "must not go back before the current version's now ("
                    + currentNow.toPlainString() + "): each version follows the one before");
        }
        var byId = new LinkedHashMap<String, TaskDocument>();
        for (var task : current.tasks()) {
            byId.put(task.id(), task);
        }
        var touched = new ArrayList<String>();
        update.tasks().forEach((id, change) -> {
            var task = byId.get(id);
            if (task == null) {
                problems.add("tasks." + id, Problems.quote(id), "names no task of the plan" + Suggestion.of(id, byId.keySet()));
            } else if (change == null) {
                problems.add("tasks." + id, "null", "must be an object of the fields that change: " + String.join(", ", ProgressUpdate.TASK_FIELDS));
            } else {
                var changed = changed(problems, "tasks." + id, task, change);
                if (changed != null) {
                    byId.put(id, changed);
                    touched.add(id);
                }
            }
        });
        var removed = new HashSet<String>();
        for (int r = 0; r < update.remove().size(); r++) {
            var id = update.remove().get(r);
            if (id == null || !byId.containsKey(id)) {
                problems.add("remove[" + r + "]", id == null ? "null" : Problems.quote(id),
                        "names no task of the plan" + (id == null ? "" : Suggestion.of(id, byId.keySet())));
            } else {
                removed.add(id);
            }
        }
        for (int r = 0; r < update.remove().size(); r++) {
            var id = update.remove().get(r);
            for (var task : byId.values()) {
                if (removed.contains(id) && !removed.contains(task.id()) && task.dependsOn() != null && task.dependsOn().contains(id)) {
                    problems.add("remove[" + r + "]", Problems.quote(id), "task '" + task.id()
                            + "' depends on it: remove that dependency (or that task) too");
                    break;
                }
            }
        }
        problems.throwIfAny();

        var kept = byId.values().stream().filter(task -> !removed.contains(task.id())).toList();
        var tasks = new ArrayList<>(kept);
        tasks.addAll(update.add());
        update.add().stream().filter(task -> task != null && task.id() != null).forEach(task -> touched.add(task.id()));
        touched.addAll(removed);
        var waves = current.waves() == null ? null : current.waves().stream()
                .map(wave -> wave.stream().filter(id -> !removed.contains(id)).toList())
                .filter(wave -> !wave.isEmpty()).toList();
        var document = new PlanDocument(current.name(), current.description(), current.timeUnit(), current.pools(),
                current.agents(), tasks, waves, update.claims().isEmpty() ? null : update.claims(), current.deadline(),
                current.maxConcurrent(), current.resources(), now, current.start());
        try {
            return new Applied(document, validator.apply(document), List.copyOf(touched));
        } catch (PlanRejectedException refused) {
            throw new PlanRejectedException(refused.violations().stream()
                    .map(violation -> asWritten(violation, kept.size(), tasks)).toList());
        }
    }

    /** The task with the update's fields applied; null (the problem added) when a field is unknown or of a wrong type. */
    private static TaskDocument changed(Problems problems, String field, TaskDocument task, ObjectNode change) {
        var unknown = new ArrayList<String>();
        change.fieldNames().forEachRemaining(name -> {
            if (!ProgressUpdate.TASK_FIELDS.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            problems.add(field + "." + unknown.get(0), null, "unknown field '" + unknown.get(0) + "'"
                    + Suggestion.of(unknown.get(0), new HashSet<>(ProgressUpdate.TASK_FIELDS)) + "; an update may change "
                    + String.join(", ", ProgressUpdate.TASK_FIELDS));
            return null;
        }
        var status = change.has("status") ? text(problems, field + ".status", change.get("status")) : task.status();
        var progress = change.has("progress") ? number(problems, field + ".progress", change.get("progress")) : task.progress();
        var remaining = change.has("remaining") ? number(problems, field + ".remaining", change.get("remaining")) : task.remaining();
        var agent = change.has("agent") ? text(problems, field + ".agent", change.get("agent")) : task.agent();
        if (!"started".equals(status)) {
            // Only started work has progress; a task that is no longer started keeps none unless the update gives it.
            progress = change.has("progress") ? progress : null;
            remaining = change.has("remaining") ? remaining : null;
            if (!change.has("agent") && "started".equals(task.status()) && !"done".equals(status)) {
                agent = null; // back to planned: no longer held by the agent it was started on
            }
        } else if (change.has("progress") && !change.has("remaining")) {
            remaining = null;
        } else if (change.has("remaining") && !change.has("progress")) {
            progress = null;
        }
        var duration = task.duration();
        if (change.has("duration")) {
            try {
                duration = PlanReader.json().treeToValue(change.get("duration"), DurationDocument.class);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                problems.add(field + ".duration", change.get("duration").toString(),
                        "must be a number ≥ 0 or a range {\"min\": …, \"likely\": …, \"max\": …}");
                return null;
            }
        }
        return task.withDuration(duration).withProgress(status, progress, remaining, agent);
    }

    private static String text(Problems problems, String field, JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            problems.add(field, value.toString(), "must be a string");
            return null;
        }
        return value.asText();
    }

    private static BigDecimal number(Problems problems, String field, JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            problems.add(field, value.toString(), "must be a number");
            return null;
        }
        return value.decimalValue();
    }

    /** A violation of the new document, named as the update wrote it: {@code tasks[3].x} becomes {@code tasks.P14.x}. */
    private static Violation asWritten(Violation violation, int keptCount, List<TaskDocument> tasks) {
        var field = violation.field();
        var matcher = java.util.regex.Pattern.compile("^tasks\\[(\\d+)]").matcher(field == null ? "" : field);
        if (!matcher.find()) {
            return violation;
        }
        int index = Integer.parseInt(matcher.group(1));
        if (index < 0 || index >= tasks.size()) {
            return violation;
        }
        var named = index < keptCount ? "tasks." + tasks.get(index).id() : "add[" + (index - keptCount) + "]";
        return new Violation(named + field.substring(matcher.end()), violation.value(), violation.message());
    }
}
