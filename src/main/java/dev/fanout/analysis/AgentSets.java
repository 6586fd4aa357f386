package dev.fanout.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The plan's tasks with work in them grouped by the set of agents able to do them, the sets in the order they first
 * appear and each group's tasks in plan order; and for each set, the groups whose agents all lie inside it. The
 * tasks only the agents of a set can do must all run on them: the lower bounds reason about these sets.
 */
final class AgentSets {

    private final List<BitSet> sets;
    private final int[] setSize;
    /** The group of each task; -1 for a milestone. */
    private final int[] groupOf;
    private final int[][] tasks;
    /** For each set, the groups that are subsets of it, itself included. */
    private final int[][] subsets;

    private AgentSets(Instance instance, List<BitSet> sets, int[] groupOf, int[][] tasks, int[][] subsets) {
        this.sets = sets;
        // How many tasks each set can run at once: its size, unless caps allow fewer.
        this.setSize = sets.stream().mapToInt(set -> LowerBounds.parallelism(instance, set)).toArray();
        this.groupOf = groupOf;
        this.tasks = tasks;
        this.subsets = subsets;
    }

    static AgentSets of(Instance instance) {
        int n = instance.taskCount();
        var groupOf = new int[n];
        var index = new LinkedHashMap<BitSet, Integer>();
        var members = new ArrayList<List<Integer>>();
        for (int task = 0; task < n; task++) {
            if (instance.isMilestone(task)) {
                groupOf[task] = -1;
                continue;
            }
            groupOf[task] = index.computeIfAbsent(instance.eligibleAgents(task), set -> {
                members.add(new ArrayList<>());
                return index.size();
            });
            members.get(groupOf[task]).add(task);
        }
        var sets = List.copyOf(index.keySet());
        int g = sets.size();
        var subsets = new int[g][];
        for (int i = 0; i < g; i++) {
            var inside = new ArrayList<Integer>();
            for (int j = 0; j < g; j++) {
                if (isSubset(sets.get(j), sets.get(i))) {
                    inside.add(j);
                }
            }
            subsets[i] = inside.stream().mapToInt(Integer::intValue).toArray();
        }
        var tasks = members.stream().map(list -> list.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        return new AgentSets(instance, sets, groupOf, tasks, subsets);
    }

    static boolean isSubset(BitSet subset, BitSet set) {
        var outside = (BitSet) subset.clone();
        outside.andNot(set);
        return outside.isEmpty();
    }

    /** How many distinct sets (and groups) there are. */
    int count() {
        return sets.size();
    }

    /** The agents of set {@code group}. Do not modify. */
    BitSet agents(int group) {
        return sets.get(group);
    }

    /** The tasks of group {@code group}, in plan order. Do not modify. */
    int[] tasks(int group) {
        return tasks[group];
    }

    /**
     * The strongest bound the given tasks impose: for each agent set S, the tasks only S can do, split by the
     * earliest they can start ({@link EnergyBound}).
     */
    long bound(Instance instance, BitSet tasks, long[] earliest) {
        if (tasks.isEmpty()) {
            return 0;
        }
        int g = sets.size();
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
                    durations[k++] = instance.fastestDuration(members[member][i]);
                }
            }
            best = Math.max(best, EnergyBound.of(starts, durations, null, setSize[set]));
        }
        return best;
    }
}
