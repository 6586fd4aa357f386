package dev.fanout.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The longest dependency chain: no number of agents finishes the plan sooner. Each task's slack is how long it can
 * slip without lengthening that chain; critical tasks have none.
 */
public record CriticalPath(long length, List<Integer> tasks, long[] slack) {

    public CriticalPath {
        tasks = List.copyOf(tasks);
        slack = slack.clone();
    }

    /** A copy: {@link #slack(int)} reads one task's without copying. */
    @Override
    public long[] slack() {
        return slack.clone();
    }

    public long slack(int task) {
        return slack[task];
    }

    public static CriticalPath of(Instance instance, Paths paths) {
        int n = instance.taskCount();
        long length = 0;
        for (int task = 0; task < n; task++) {
            length = Math.max(length, paths.head(task) + instance.fastestDuration(task) + paths.tail(task));
        }
        var slack = new long[n];
        for (int task = 0; task < n; task++) {
            slack[task] = length - (paths.head(task) + instance.fastestDuration(task) + paths.tail(task));
        }
        var chain = new ArrayList<Integer>();
        int current = -1;
        for (int task : instance.topologicalOrder()) {
            if (instance.predecessors(task).length == 0 && slack[task] == 0
                    && (current < 0 || preferred(instance, task, current))) {
                current = task;
            }
        }
        while (current >= 0) {
            chain.add(current);
            int next = -1;
            long endOfCurrent = paths.head(current) + instance.fastestDuration(current);
            for (int s : instance.successors(current)) {
                if (slack[s] == 0 && paths.head(s) == endOfCurrent
                        && instance.fastestDuration(s) + paths.tail(s) == paths.tail(current)
                        && (next < 0 || preferred(instance, s, next))) {
                    next = s;
                }
            }
            current = next;
        }
        return new CriticalPath(length, chain, slack);
    }

    /** Among equal candidates, name the chain through real work first, then in the plan's order. */
    private static boolean preferred(Instance instance, int candidate, int current) {
        if (instance.isMilestone(candidate) != instance.isMilestone(current)) {
            return !instance.isMilestone(candidate);
        }
        return candidate < current;
    }

    public boolean isCritical(int task) {
        return slack[task] == 0;
    }
}
