package dev.fanout.analysis;

import java.util.BitSet;

/**
 * Heads and tails that count agents, not only dependencies. Before a task starts, all its ancestors have ended; the
 * ancestors that only agents of a set S can do (their able agents all lie in S) run on |S| agents, none before the
 * smallest head among them. So the task cannot start before that head plus the larger of
 * <ul>
 * <li>their work spread evenly over S, ⌈W / |S|⌉, and</li>
 * <li>the k / |S| shortest of their durations back to back: with k tasks on |S| agents, some agent does ⌈k / |S|⌉.</li>
 * </ul>
 * Tails mirror this with descendants. Every value is a valid lower bound on any schedule (heads on the start,
 * tails on the time that must follow the end), so max over tasks of head + duration + tail bounds the makespan.
 *
 * <p>Ancestor sets take n² bits; on plans too large for that the plain dependency paths are used.
 */
public final class ResourcePaths {

    /** Above this many tasks the ancestor sets would cost too much memory and time; plain paths are used. */
    static final int MAX_TASKS = 5_000;

    private final long[] heads;
    private final long[] tails;

    private ResourcePaths(long[] heads, long[] tails) {
        this.heads = heads;
        this.tails = tails;
    }

    public long head(int task) {
        return heads[task];
    }

    public long tail(int task) {
        return tails[task];
    }

    /** The earliest any agent able to do the task is available; 0 for a milestone. */
    private static long release(Instance instance, int task) {
        var eligible = instance.eligibleAgents(task);
        long release = eligible.isEmpty() ? 0 : Long.MAX_VALUE;
        for (int a = eligible.nextSetBit(0); a >= 0; a = eligible.nextSetBit(a + 1)) {
            release = Math.min(release, instance.availableFrom(a));
        }
        return release;
    }

    public static ResourcePaths of(Instance instance, Paths paths) {
        int n = instance.taskCount();
        var heads = new long[n];
        var tails = new long[n];
        for (int task = 0; task < n; task++) {
            heads[task] = Math.max(paths.head(task), release(instance, task));
            tails[task] = paths.tail(task);
        }
        if (instance.hasWindows()) {
            // A task starts no earlier than the first window of an agent able to do it opens, nor than its dependencies
            // can end, counted from those releases.
            for (int task : instance.topologicalOrder()) {
                for (int p : instance.predecessors(task)) {
                    heads[task] = Math.max(heads[task], heads[p] + instance.fastestDuration(p));
                }
            }
        }
        if (n > MAX_TASKS || instance.agentCount() == 0) {
            return new ResourcePaths(heads, tails);
        }
        var groups = AgentSets.of(instance);
        var order = instance.topologicalOrder();
        var ancestors = new BitSet[n];
        for (int task : order) {
            ancestors[task] = new BitSet(n);
            for (int p : instance.predecessors(task)) {
                ancestors[task].or(ancestors[p]);
                ancestors[task].set(p);
            }
            long chain = 0;
            for (int p : instance.predecessors(task)) {
                chain = Math.max(chain, heads[p] + instance.fastestDuration(p));
            }
            heads[task] = Math.max(Math.max(chain, release(instance, task)), groups.bound(instance, ancestors[task], heads));
        }
        var descendants = new BitSet[n];
        for (int i = n - 1; i >= 0; i--) {
            int task = order[i];
            descendants[task] = new BitSet(n);
            for (int s : instance.successors(task)) {
                descendants[task].or(descendants[s]);
                descendants[task].set(s);
            }
            long chain = 0;
            for (int s : instance.successors(task)) {
                chain = Math.max(chain, instance.fastestDuration(s) + tails[s]);
            }
            tails[task] = Math.max(chain, groups.bound(instance, descendants[task], tails));
        }
        return new ResourcePaths(heads, tails);
    }
}
