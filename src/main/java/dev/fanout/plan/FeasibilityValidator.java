package dev.fanout.plan;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.fanout.plan.PlanDocument.TaskDocument;

/**
 * Every task with work in it has an agent able to do it, inside that agent's window, after its dependencies can have
 * ended at the earliest; if not, what it needs and why no agent has it. Caps and resources never make a plan
 * impossible (every cap is at least 1 and no task uses more units than a capacity), windows can.
 */
final class FeasibilityValidator {

    private FeasibilityValidator() {
    }

    /** Each task id's place in the document, for the field names. */
    static Map<String, Integer> indexOf(List<TaskDocument> documents) {
        var indexOf = new HashMap<String, Integer>();
        for (int i = 0; i < documents.size(); i++) {
            if (documents.get(i) != null && documents.get(i).id() != null) {
                indexOf.putIfAbsent(documents.get(i).id().strip(), i);
            }
        }
        return indexOf;
    }

    static void check(Problems problems, Plan plan, Map<String, Integer> indexOf) {
        var unableTasks = new ArrayList<String>();
        for (var task : plan.tasks()) {
            // Done work needs no agent; a pinned task's agent was checked with the progress.
            if (task.isMilestone() || task.progress().isDone() || task.progress().isPinned()
                    || plan.agents().stream().anyMatch(agent -> agent.canDo(task))) {
                continue;
            }
            unableTasks.add(task.id());
            var needs = new ArrayList<String>();
            if (!task.skills().isEmpty()) {
                needs.add("skills " + task.skills().entrySet().stream()
                        .map(e -> e.getKey() + " ≥ " + e.getValue()).collect(Collectors.joining(", ", "{", "}")));
            }
            if (task.pool() != null) {
                needs.add("an agent of pool '" + task.pool() + "'");
            }
            String why;
            if (plan.agents().isEmpty()) {
                why = "the plan has no agents: add pools with workers, or agents";
            } else if (task.pool() != null && plan.agents().stream().noneMatch(a -> task.pool().equals(a.pool()))) {
                why = "pool '" + task.pool() + "' has no agents";
            } else {
                why = "no agent has " + String.join(" and ", needs);
            }
            problems.add("tasks[" + indexOf.getOrDefault(task.id(), -1) + "]", Problems.quote(task.id()),
                    "no agent can do this task: it needs " + (needs.isEmpty() ? "an agent" : String.join(" in ", needs))
                            + ", and " + why);
        }
        if (unableTasks.isEmpty()) {
            windows(problems, plan, indexOf);
        }
    }

    /**
     * Each task's earliest end, dependencies first: on the able agent where it ends soonest (its pinned agent, when it
     * has one), starting no earlier than {@code now} and the agent's window opens and ending no later than it closes.
     * A task no able agent can fit is refused, naming the windows and the earliest its dependencies allow. Done work
     * ends by {@code now}; started work at {@code now} + its remaining time (its window was checked with the progress).
     */
    private static void windows(Problems problems, Plan plan, Map<String, Integer> indexOf) {
        if (plan.agents().stream().allMatch(agent -> agent.availability().isAlways())) {
            return;
        }
        var tasks = plan.tasksById();
        var earliestEnd = new HashMap<String, BigDecimal>();
        for (var task : plan.tasks()) {
            if (task.progress().isDone()) {
                earliestEnd.put(task.id(), plan.now());
            } else if (task.progress().isStarted()) {
                earliestEnd.put(task.id(), plan.now().add(plan.remainingTime(task)));
            }
        }
        for (var task : plan.tasks()) {
            earliestEnd(task, tasks, plan, earliestEnd, problems, indexOf);
        }
    }

    /** Null when the task (or something it waits for) fits no window; then the problem is added once. */
    private static BigDecimal earliestEnd(Plan.Task task, Map<String, Plan.Task> tasks, Plan plan,
            Map<String, BigDecimal> memo, Problems problems, Map<String, Integer> indexOf) {
        if (memo.containsKey(task.id())) {
            return memo.get(task.id());
        }
        BigDecimal ready = plan.now();
        for (var dependency : task.dependsOn()) {
            var end = earliestEnd(tasks.get(dependency), tasks, plan, memo, problems, indexOf);
            if (end == null) {
                memo.put(task.id(), null);
                return null;
            }
            ready = ready.max(end);
        }
        if (task.isMilestone()) {
            memo.put(task.id(), ready);
            return ready;
        }
        BigDecimal best = null;
        var pin = task.progress().isPinned() ? task.progress().agent() : null;
        for (var agent : plan.agents()) {
            if (!agent.canDo(task) || pin != null && !pin.equals(agent.id())) {
                continue;
            }
            var window = agent.availability();
            var start = ready.max(window.from());
            var end = start.add(task.duration().divide(window.speed(), MathContext.DECIMAL64));
            if ((window.until() == null || end.compareTo(window.until()) <= 0) && (best == null || end.compareTo(best) < 0)) {
                best = end;
            }
        }
        memo.put(task.id(), best);
        if (best == null) {
            problems.add("tasks[" + indexOf.getOrDefault(task.id(), -1) + "]", Problems.quote(task.id()),
                    "no agent able to do this task can fit it in its window (availableFrom … availableUntil): "
                            + (pin != null ? "it is pinned to agent '" + pin + "', " : "")
                            + (ready.signum() > 0 ? "it can start at " + ready.toPlainString() + " at the earliest (now and its dependencies), and " : "")
                            + "it takes " + task.duration().toPlainString() + " at speed 1");
        }
        return best;
    }
}
