package dev.fanout.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Collectors;

import dev.fanout.plan.PlanDocument.TaskDocument;

/** Every task with work in it has an agent able to do it; if not, what it needs and why no agent has it. */
final class FeasibilityValidator {

    private FeasibilityValidator() {
    }

    static void check(Problems problems, Plan plan, List<TaskDocument> documents) {
        var indexOf = new HashMap<String, Integer>();
        for (int i = 0; i < documents.size(); i++) {
            if (documents.get(i) != null && documents.get(i).id() != null) {
                indexOf.putIfAbsent(documents.get(i).id().strip(), i);
            }
        }
        for (var task : plan.tasks()) {
            if (task.isMilestone() || plan.agents().stream().anyMatch(agent -> agent.canDo(task))) {
                continue;
            }
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
    }
}
