package dev.fanout.analysis;

/**
 * Longest paths through the dependency graph, ignoring agents: how early each task can start (its head) and how
 * much work must still follow it once it ends (its tail).
 */
public final class Paths {

    private final long[] heads;
    private final long[] tails;

    private Paths(Instance instance) {
        int n = instance.taskCount();
        heads = new long[n];
        tails = new long[n];
        var order = instance.topologicalOrder();
        for (int task : order) {
            for (int p : instance.predecessors(task)) {
                heads[task] = Math.max(heads[task], heads[p] + instance.fastestDuration(p));
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            int task = order[i];
            for (int s : instance.successors(task)) {
                tails[task] = Math.max(tails[task], instance.fastestDuration(s) + tails[s]);
            }
        }
    }

    public static Paths of(Instance instance) {
        return new Paths(instance);
    }

    /** Earliest start of the task with unlimited agents. */
    public long head(int task) {
        return heads[task];
    }

    /** Longest chain of work after the task ends. */
    public long tail(int task) {
        return tails[task];
    }
}
