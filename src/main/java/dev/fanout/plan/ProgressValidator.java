package dev.fanout.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.fanout.plan.PlanDocument.TaskDocument;

/**
 * Progress (CONTRACT §6): {@code now}, and each task's {@code status}, {@code progress} or {@code remaining}, and
 * {@code agent}. Field by field first ({@link #fields}); then, once every reference resolves, what must hold between
 * tasks ({@link #consistency}): the agent exists and can do the task, started and done work waits for nothing that
 * is not done, an agent works on one started task at a time and is available while it does, and the started tasks
 * together fit every area, resource and cap they share (they all run at {@code now}).
 */
final class ProgressValidator {

    private ProgressValidator() {
    }

    /** The time elapsed since the plan began: a time ≥ 0, 0 when absent. */
    static BigDecimal now(Problems problems, BigDecimal now) {
        if (now == null) {
            return BigDecimal.ZERO;
        }
        if (now.signum() < 0) {
            problems.add("now", now.toPlainString(), "must be a number ≥ 0: the time elapsed since the plan began");
            return BigDecimal.ZERO;
        }
        var exact = PlanValidator.exactTime(problems, "now", now, now.toPlainString());
        return exact == null ? BigDecimal.ZERO : exact;
    }

    /** One task's status and what goes with it; {@code milestone} when its duration is 0. */
    static Plan.Progress fields(Problems problems, String field, TaskDocument task, boolean milestone) {
        var status = TaskStatus.PLANNED;
        if (task.status() != null) {
            var parsed = TaskStatus.parse(task.status());
            if (parsed.isEmpty()) {
                problems.add(field + ".status", Problems.quote(task.status()), "must be one of planned, started, done"
                        + Suggestion.of(task.status(), TaskStatus.labels()));
                return Plan.Progress.PLANNED;
            }
            status = parsed.get();
        }
        var agent = task.agent();
        if (agent != null && agent.isBlank()) {
            problems.add(field + ".agent", Problems.quote(agent), "must be an agent id");
            agent = null;
        }
        var fraction = task.progress();
        var remaining = task.remaining();
        if (status != TaskStatus.STARTED) {
            if (fraction != null) {
                problems.add(field + ".progress", fraction.toPlainString(),
                        "only a started task has progress (this one is " + status.label() + ")");
            }
            if (remaining != null) {
                problems.add(field + ".remaining", remaining.toPlainString(),
                        "only a started task has remaining time (this one is " + status.label() + ")");
            }
            if (milestone && agent != null && status == TaskStatus.PLANNED) {
                problems.add(field + ".agent", Problems.quote(agent), "a milestone takes no agent (its duration is 0)");
            }
            return new Plan.Progress(status, agent, null, null);
        }
        if (milestone) {
            problems.add(field + ".status", Problems.quote(status.label()),
                    "a milestone takes no time (its duration is 0): it is planned or done, never started");
        }
        if (agent == null && task.agent() == null) {
            problems.add(field + ".agent", null, "is required for a started task: the agent working on it");
        }
        if (fraction == null && remaining == null) {
            problems.add(field + ".progress", null,
                    "a started task needs progress (the share done, 0 ≤ p < 1) or remaining (the time it still takes)");
        } else if (fraction != null && remaining != null) {
            problems.add(field + ".remaining", remaining.toPlainString(),
                    "give progress or remaining for a started task, not both (progress is " + fraction.toPlainString() + ")");
        } else if (fraction != null && (fraction.signum() < 0 || fraction.compareTo(BigDecimal.ONE) >= 0)) {
            problems.add(field + ".progress", fraction.toPlainString(),
                    "must be a number from 0 up to but not including 1 (a finished task has status done)");
        } else if (remaining != null && remaining.signum() < 0) {
            problems.add(field + ".remaining", remaining.toPlainString(), "must be a number ≥ 0 in the plan's time unit");
        } else if (remaining != null) {
            remaining = PlanValidator.exactTime(problems, field + ".remaining", remaining, remaining.toPlainString());
        }
        return new Plan.Progress(status, agent, fraction, remaining);
    }

    /** What must hold between tasks; {@code indexOf} gives each task's place in the document, for the field names. */
    static void consistency(Problems problems, Plan plan, Map<String, Integer> indexOf) {
        var agents = plan.agentsById();
        var tasks = plan.tasksById();
        var startedOn = new HashMap<String, String>();
        var started = new ArrayList<Plan.Task>();
        for (var task : plan.tasks()) {
            var progress = task.progress();
            var field = "tasks[" + indexOf.getOrDefault(task.id(), -1) + "]";
            if (progress.agent() != null) {
                var agent = agents.get(progress.agent());
                if (agent == null) {
                    problems.add(field + ".agent", Problems.quote(progress.agent()),
                            "names no agent" + Suggestion.of(progress.agent(), agents.keySet()));
                    continue;
                }
                if (progress.isPinned() && !agent.canDo(task)) {
                    problems.add(field + ".agent", Problems.quote(progress.agent()), "cannot do this task: it "
                            + (agent.isInPoolOf(task) ? "lacks a skill or level the task needs" : "is outside pool '" + task.pool() + "'"));
                    continue;
                }
            }
            if (progress.status() != TaskStatus.PLANNED) {
                for (var dependency : task.dependsOn()) {
                    var before = tasks.get(dependency).progress().status();
                    if (before != TaskStatus.DONE) {
                        problems.add(field + ".status", Problems.quote(progress.status().label()), "depends on '"
                                + dependency + "', which is not done (it is " + before.label() + ")");
                    }
                }
            }
            if (progress.isStarted() && progress.agent() != null) {
                var other = startedOn.putIfAbsent(progress.agent(), task.id());
                if (other != null) {
                    problems.add(field + ".agent", Problems.quote(progress.agent()),
                            "is already working on started task '" + other + "': an agent works on one task at a time");
                    continue;
                }
                window(problems, field, plan, task, agents.get(progress.agent()));
                started.add(task);
            }
        }
        sharedLimits(problems, plan, started, indexOf);
    }

    /** A started task runs from {@code now} to {@code now} + its remaining time: its agent must be available then. */
    private static void window(Problems problems, String field, Plan plan, Plan.Task task, Plan.Agent agent) {
        var window = agent.availability();
        var end = plan.now().add(plan.remainingTime(task));
        if (window.from().compareTo(plan.now()) > 0 || window.until() != null && window.until().compareTo(end) < 0) {
            problems.add(field + ".agent", Problems.quote(agent.id()), "is available from " + window.from().toPlainString()
                    + (window.until() == null ? "" : " until " + window.until().toPlainString()) + ", not from now ("
                    + plan.now().toPlainString() + ") until this started task ends (" + end.toPlainString() + ")");
        }
    }

    /** Started tasks all run at {@code now}: no two of them may change overlapping areas, nor together exceed a limit. */
    private static void sharedLimits(Problems problems, Plan plan, List<Plan.Task> started, Map<String, Integer> indexOf) {
        for (int i = 0; i < started.size(); i++) {
            for (int j = i + 1; j < started.size(); j++) {
                for (var area : started.get(i).areas()) {
                    for (var other : started.get(j).areas()) {
                        if (Plan.areasOverlap(area, other)) {
                            refuse(problems, started.get(j), indexOf, "runs now together with started task '"
                                    + started.get(i).id() + "', which changes '" + area + "' while this one changes '" + other
                                    + "': only one task may change an area at a time");
                            return;
                        }
                    }
                }
            }
        }
        for (var resource : plan.resources()) {
            int units = started.stream().mapToInt(task -> task.uses().getOrDefault(resource.id(), 0)).sum();
            if (units > resource.capacity()) {
                refuse(problems, started.getLast(), indexOf, "the started tasks use " + units + " units of resource '"
                        + resource.id() + "' now, over its capacity of " + resource.capacity());
            }
        }
        if (plan.maxConcurrent() != null && started.size() > plan.maxConcurrent()) {
            refuse(problems, started.getLast(), indexOf, started.size() + " tasks are started, over the plan's maxConcurrent of "
                    + plan.maxConcurrent());
        }
        var agents = plan.agentsById();
        for (var pool : plan.pools()) {
            long running = started.stream().filter(task -> pool.id().equals(agents.get(task.progress().agent()).pool())).count();
            if (pool.maxConcurrent() != null && running > pool.maxConcurrent()) {
                refuse(problems, started.getLast(), indexOf, running + " tasks are started in pool '" + pool.id()
                        + "', over its maxConcurrent of " + pool.maxConcurrent());
            }
        }
    }

    private static void refuse(Problems problems, Plan.Task task, Map<String, Integer> indexOf, String why) {
        problems.add("tasks[" + indexOf.getOrDefault(task.id(), -1) + "].status", Problems.quote("started"), why);
    }
}
