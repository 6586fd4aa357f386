package dev.fanout.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.fanout.plan.PlanDocument.TaskDocument;

/**
 * The plan's tasks, field by field: ids, texts, durations, pools, dependencies as listed, priorities, uses, areas, and
 * progress ({@link ProgressValidator}).
 */
final class TasksValidator {

    private TasksValidator() {
    }

    /** An area longer than this is no path a team writes. */
    static final int MAX_AREA_LENGTH = 1_000;

    static Map<String, Plan.Task> check(Problems problems, List<TaskDocument> documents, Map<String, Plan.Pool> pools,
            Map<String, Plan.Resource> resources, PlanLimits limits) {
        var tasks = new LinkedHashMap<String, Plan.Task>();
        if (documents == null || documents.isEmpty()) {
            problems.add("tasks", documents == null ? null : "[]", "a plan needs at least one task");
            return tasks;
        }
        if (documents.size() > limits.maxTasks()) {
            problems.add("tasks", documents.size() + " tasks", "exceeds the limit of " + limits.maxTasks() + " tasks per plan");
            return tasks;
        }
        var dependencyCount = new int[1]; // counted inside the lambda below
        problems.eachObject(documents, "tasks", "a task object", (field, task) -> {
            var id = problems.requireId(field + ".id", task.id());
            problems.optionalText(field + ".title", task.title());
            problems.optionalText(field + ".description", task.description());
            var estimate = estimate(problems, field + ".duration", task.duration());
            var duration = estimate != null ? mean(problems, field + ".duration", estimate)
                    : task.duration() != null && task.duration().isRange() ? null // refused by estimate(), field named
                    : duration(problems, field + ".duration", task.duration());
            if (task.pool() != null && !pools.containsKey(task.pool())) {
                problems.add(field + ".pool", Problems.quote(task.pool()), "names no pool" + PoolsValidator.known(pools.keySet()));
            }
            var dependsOn = new ArrayList<String>();
            if (task.dependsOn() != null) {
                for (int d = 0; d < task.dependsOn().size(); d++) {
                    var dependency = task.dependsOn().get(d);
                    if (dependency == null || dependency.isBlank()) {
                        problems.add(field + ".dependsOn[" + d + "]", String.valueOf(dependency), "must be a task id");
                    } else if (!dependsOn.contains(dependency)) {
                        dependsOn.add(dependency);
                    }
                }
                dependencyCount[0] += dependsOn.size();
            }
            int priority = 0;
            if (task.priority() != null) {
                priority = task.priority();
                if (Math.abs((long) priority) > PlanValidator.MAX_PRIORITY) {
                    problems.add(field + ".priority", String.valueOf(priority),
                            "must be an integer from -" + PlanValidator.MAX_PRIORITY + " to " + PlanValidator.MAX_PRIORITY);
                    priority = 0;
                }
            }
            var uses = uses(problems, field + ".uses", task.uses(), resources);
            var areas = areas(problems, field + ".areas", task.areas());
            var progress = ProgressValidator.fields(problems, field, task, duration != null && duration.signum() == 0);
            if (id != null && duration != null) {
                if (tasks.containsKey(id)) {
                    problems.add(field + ".id", Problems.quote(id), "duplicates the id of another task");
                } else {
                    tasks.put(id, new Plan.Task(id, task.title(), task.description(), duration,
                            PlanValidator.skillsOrEmpty(task.skills()), task.pool(), dependsOn, priority, uses, areas,
                            estimate, progress));
                }
            } else if (id != null && tasks.containsKey(id)) {
                problems.add(field + ".id", Problems.quote(id), "duplicates the id of another task");
            }
        });
        if (dependencyCount[0] > limits.maxDependencies()) {
            problems.add("tasks[].dependsOn", dependencyCount[0] + " dependencies",
                    "exceeds the limit of " + limits.maxDependencies() + " dependencies per plan");
        }
        return tasks;
    }

    /** Each resource known and its units from 1 to its capacity. */
    private static Map<String, Integer> uses(Problems problems, String field, Map<String, Integer> uses,
            Map<String, Plan.Resource> resources) {
        var checked = new LinkedHashMap<String, Integer>();
        if (uses == null) {
            return checked;
        }
        uses.forEach((id, units) -> {
            var resource = resources.get(id);
            if (resource == null) {
                problems.add(field, Problems.quote(id), "names no resource" + (resources.isEmpty()
                        ? " (the plan declares no resources: add it to \"resources\")"
                        : Suggestion.of(id, resources.keySet())));
            } else if (units < 1 || units > resource.capacity()) {
                problems.add(field + "." + id, String.valueOf(units), "must be an integer from 1 to the capacity of '"
                        + id + "' (" + resource.capacity() + ")");
            } else {
                checked.put(id, units);
            }
        });
        return checked;
    }

    /** Non-empty strings: files, folders (ending in /) or modules; duplicates dropped. */
    private static List<String> areas(Problems problems, String field, List<String> areas) {
        var checked = new ArrayList<String>();
        if (areas == null) {
            return checked;
        }
        for (int a = 0; a < areas.size(); a++) {
            var area = areas.get(a);
            if (area == null || area.isBlank()) {
                problems.add(field + "[" + a + "]", area == null ? "null" : Problems.quote(area),
                        "must be a non-empty string: a file, a folder ending in / or a module");
            } else if (area.length() > MAX_AREA_LENGTH || area.chars().anyMatch(Character::isISOControl)) {
                problems.add(field + "[" + a + "]", Problems.quote(area.length() > 40 ? area.substring(0, 40) + "…" : area),
                        "must be at most " + MAX_AREA_LENGTH + " characters without control characters");
            } else if (!checked.contains(area.strip())) {
                checked.add(area.strip());
            }
        }
        return checked;
    }

    private static BigDecimal duration(Problems problems, String field, DurationDocument document) {
        if (document == null) {
            problems.add(field, null, "is required: a number ≥ 0 (0 makes the task a milestone) or a range "
                    + "{\"min\": …, \"likely\": …, \"max\": …}");
            return null;
        }
        var duration = document.value();
        if (duration.signum() < 0) {
            problems.add(field, duration.toPlainString(), "must be a number ≥ 0");
            return null;
        }
        return PlanValidator.exactTime(problems, field, duration, duration.toString());
    }

    /**
     * A range's bounds, checked: min and max given, each a time the solver can hold, min ≤ likely ≤ max (likely, when
     * left out, the middle of min and max); null, with the problems added, when the duration is no range or a bound is
     * wrong.
     */
    private static Plan.Estimate estimate(Problems problems, String field, DurationDocument document) {
        if (document == null || !document.isRange()) {
            return null;
        }
        var min = bound(problems, field + ".min", document.min(), true);
        var max = bound(problems, field + ".max", document.max(), true);
        var likely = bound(problems, field + ".likely", document.likely(), false);
        if (min == null || max == null || document.likely() != null && likely == null) {
            return null;
        }
        if (min.compareTo(max) > 0) {
            problems.add(field + ".min", min.toPlainString(), "must be at most max (" + max.toPlainString() + ")");
            return null;
        }
        if (likely == null) {
            likely = min.add(max).divide(BigDecimal.TWO).stripTrailingZeros();
        } else if (likely.compareTo(min) < 0 || likely.compareTo(max) > 0) {
            problems.add(field + ".likely", likely.toPlainString(),
                    "must lie from min to max (" + min.toPlainString() + " to " + max.toPlainString() + ")");
            return null;
        }
        return new Plan.Estimate(min, likely, max);
    }

    private static BigDecimal bound(Problems problems, String field, BigDecimal value, boolean required) {
        if (value == null) {
            if (required) {
                problems.add(field, null, "is required in a duration range: a number ≥ 0");
            }
            return null;
        }
        if (value.signum() < 0) {
            problems.add(field, value.toPlainString(), "must be a number ≥ 0");
            return null;
        }
        return PlanValidator.exactTime(problems, field, value, value.toPlainString());
    }

    /**
     * The PERT mean (min + 4·likely + max) / 6, rounded half up to two decimal places more than the bounds have, at
     * most {@link PlanValidator#MAX_DECIMALS}: a sixth has no exact decimal, and the schedule needs exact times.
     */
    static BigDecimal mean(Problems problems, String field, Plan.Estimate estimate) {
        int decimals = Math.min(PlanValidator.MAX_DECIMALS, 2 + java.util.stream.Stream.of(estimate.min(),
                estimate.likely(), estimate.max()).mapToInt(value -> Math.max(0, value.stripTrailingZeros().scale())).max()
                .orElse(0));
        var mean = estimate.min().add(estimate.likely().multiply(BigDecimal.valueOf(4))).add(estimate.max())
                .divide(BigDecimal.valueOf(6), decimals, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
        if (mean.signum() == 0 && estimate.max().signum() > 0) {
            problems.add(field + ".max", estimate.max().toPlainString(),
                    "is too small for a range: its mean rounds to 0 (write 0 for a milestone)");
            return null;
        }
        return mean.scale() < 0 ? mean.setScale(0) : mean;
    }
}
