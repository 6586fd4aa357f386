package dev.fanout.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The dependency graph: every dependency names a task, and no tasks wait for each other in a cycle. */
final class DependencyValidator {

    private DependencyValidator() {
    }

    static void references(Problems problems, Map<String, Plan.Task> tasks) {
        int index = 0;
        for (var task : tasks.values()) {
            for (int d = 0; d < task.dependsOn().size(); d++) {
                var dependency = task.dependsOn().get(d);
                if (!tasks.containsKey(dependency)) {
                    problems.add("tasks[" + index + "].dependsOn[" + d + "]", Problems.quote(dependency),
                            "names no task" + Suggestion.of(dependency, tasks.keySet()));
                }
            }
            index++;
        }
    }

    /** Finds dependency cycles with an iterative depth-first search and names the tasks in each. */
    static void cycles(Problems problems, Map<String, Plan.Task> tasks) {
        var state = new HashMap<String, Integer>(); // 1 = on the current path, 2 = done
        var reported = new HashSet<Set<String>>();
        for (var root : tasks.keySet()) {
            if (state.containsKey(root)) {
                continue;
            }
            var path = new ArrayList<String>();
            var iterators = new ArrayDeque<java.util.Iterator<String>>();
            path.add(root);
            state.put(root, 1);
            iterators.push(tasks.get(root).dependsOn().iterator());
            while (!iterators.isEmpty()) {
                var next = iterators.peek();
                if (!next.hasNext()) {
                    iterators.pop();
                    state.put(path.remove(path.size() - 1), 2);
                    continue;
                }
                var dependency = next.next();
                var seen = state.get(dependency);
                if (seen == null) {
                    state.put(dependency, 1);
                    path.add(dependency);
                    iterators.push(tasks.get(dependency).dependsOn().iterator());
                } else if (seen == 1) {
                    var cycle = new ArrayList<>(path.subList(path.indexOf(dependency), path.size()));
                    if (reported.add(new HashSet<>(cycle)) && reported.size() <= 5) {
                        // The path runs from a task to what it depends on; print it in execution order, starting
                        // from the task that comes first in the plan.
                        java.util.Collections.reverse(cycle);
                        var order = new ArrayList<>(tasks.keySet());
                        var first = cycle.stream().min(java.util.Comparator.comparingInt(order::indexOf)).orElseThrow();
                        java.util.Collections.rotate(cycle, -cycle.indexOf(first));
                        cycle.add(cycle.get(0));
                        problems.add("tasks[].dependsOn", String.join(" → ", cycle),
                                "dependencies form a cycle: these tasks wait for each other and can never start");
                    }
                }
            }
        }
    }
}
