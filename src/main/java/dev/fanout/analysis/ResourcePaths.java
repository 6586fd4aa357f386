package dev.fanout.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;

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

    public static ResourcePaths of(Instance instance, Paths paths) {
        int n = instance.taskCount();
        var heads = new long[n];
        var tails = new long[n];
        for (int task = 0; task < n; task++) {
            heads[task] = paths.head(task);
            tails[task] = paths.tail(task);
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
                chain = Math.max(chain, heads[p] + instance.duration(p));
            }
            heads[task] = Math.max(chain, groups.bound(instance, ancestors[task], heads));
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
                chain = Math.max(chain, instance.duration(s) + tails[s]);
            }
            tails[task] = Math.max(chain, groups.bound(instance, descendants[task], tails));
        }
        return new ResourcePaths(heads, tails);
    }

    /**
     * The distinct sets of able agents among the plan's tasks, and for each the groups of tasks whose able agents lie
     * inside it.
     */
    static final class AgentSets {
        final int[] groupOf;
        final int[] setSize;
        /** For each set, the groups (task sets by eligible agents) that are subsets of it, itself included. */
        final int[][] subsets;

        private AgentSets(int[] groupOf, int[] setSize, int[][] subsets) {
            this.groupOf = groupOf;
            this.setSize = setSize;
            this.subsets = subsets;
        }

        static AgentSets of(Instance instance) {
            int n = instance.taskCount();
            var groupOf = new int[n];
            var sets = new LinkedHashMap<BitSet, Integer>();
            for (int task = 0; task < n; task++) {
                groupOf[task] = instance.isMilestone(task) ? -1
                        : sets.computeIfAbsent(instance.eligibleAgents(task), set -> sets.size());
            }
            var list = new ArrayList<>(sets.keySet());
            int g = list.size();
            var setSize = new int[g];
            var subsets = new int[g][];
            for (int i = 0; i < g; i++) {
                setSize[i] = list.get(i).cardinality();
                var inside = new ArrayList<Integer>();
                for (int j = 0; j < g; j++) {
                    var outside = (BitSet) list.get(j).clone();
                    outside.andNot(list.get(i));
                    if (outside.isEmpty()) {
                        inside.add(j);
                    }
                }
                subsets[i] = inside.stream().mapToInt(Integer::intValue).toArray();
            }
            return new AgentSets(groupOf, setSize, subsets);
        }

        /**
         * The strongest bound the given tasks impose: for each agent set S, the tasks only S can do, split by the
         * earliest they can start ({@link EnergyBound}).
         */
        long bound(Instance instance, BitSet tasks, long[] earliest) {
            if (tasks.isEmpty()) {
                return 0;
            }
            int g = setSize.length;
            var members = new int[g][];
            var sizes = new int[g];
            for (int task = tasks.nextSetBit(0); task >= 0; task = tasks.nextSetBit(task + 1)) {
                int group = groupOf[task];
                if (group >= 0) {
                    if (members[group] == null) {
                        members[group] = new int[Math.min(tasks.cardinality(), 16)];
                    } else if (sizes[group] == members[group].length) {
                        members[group] = Arrays.copyOf(members[group], sizes[group] * 2);
                    }
                    members[group][sizes[group]++] = task;
                }
            }
            long best = 0;
            for (int set = 0; set < g; set++) {
                int count = 0;
                for (int member : subsets[set]) {
                    count += sizes[member];
                }
                if (count == 0) {
                    continue;
                }
                var starts = new long[count];
                var durations = new long[count];
                int k = 0;
                for (int member : subsets[set]) {
                    for (int i = 0; i < sizes[member]; i++) {
                        starts[k] = earliest[members[member][i]];
                        durations[k++] = instance.duration(members[member][i]);
                    }
                }
                best = Math.max(best, EnergyBound.of(starts, durations, null, setSize[set]));
            }
            return best;
        }
    }
}
