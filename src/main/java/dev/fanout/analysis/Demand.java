package dev.fanout.analysis;

import java.util.ArrayList;
import java.util.BitSet;

/**
 * Tasks that must all run on one capacity: the tasks only the agents of a set can do (capacity: how many of them can
 * work at once), or the tasks that hold one shared limit (capacity: its units). Per task its head (it starts no
 * earlier), its time at its fastest, the units it takes, and its tail (what must follow it before the plan can end).
 *
 * @param units per task, the units it takes; null when each takes one
 * @param origin what the capacity is, for the caller: an index into its own list of agent sets or shared limits
 */
record Demand(long[] heads, long[] durations, long[] units, long[] tails, int capacity, int origin) {

    /**
     * The tasks that must hold one shared limit: those that hold it wherever they run, and for a pool's cap those only
     * the pool's agents can do (one unit each). Tasks taking one unit each behave like jobs on as many agents as the
     * capacity; with several units, only their units × time counts.
     */
    static Demand holding(Instance instance, int limit, int origin, ResourcePaths paths) {
        var limits = instance.limits();
        var shared = limits.limit(limit);
        var tasks = new ArrayList<Integer>();
        var units = new ArrayList<Long>();
        boolean oneUnitEach = true;
        var holders = limits.holdersOf(limit); // a resource, an area, the plan's cap
        for (int i = 0; i < holders.length; i++) {
            int taken = limits.holderUnitsOf(limit)[i];
            oneUnitEach &= taken == 1;
            tasks.add(holders[i]);
            units.add((long) taken);
        }
        if (shared.kind() == SharedLimits.Kind.POOL_CAP) {
            // Held on the pool's agents: counted for the tasks no other agent can do (a milestone has no agent).
            for (int task = 0; task < instance.taskCount(); task++) {
                var eligible = instance.eligibleAgents(task);
                boolean onlyPool = !eligible.isEmpty();
                for (int a = eligible.nextSetBit(0); a >= 0 && onlyPool; a = eligible.nextSetBit(a + 1)) {
                    onlyPool = limits.poolLimitOf(a) == limit;
                }
                if (onlyPool) {
                    tasks.add(task);
                    units.add(1L);
                }
            }
        }
        return demandOf(instance, tasks.stream().mapToInt(Integer::intValue).toArray(), paths,
                oneUnitEach ? null : units.stream().mapToLong(Long::longValue).toArray(), shared.capacity(), origin);
    }

    /** The tasks only the agents of {@code set} can do; null when there are none. */
    static Demand onlyFor(Instance instance, BitSet set, int origin, AgentSets sets, ResourcePaths paths) {
        int count = 0;
        for (int group = 0; group < sets.count(); group++) {
            if (AgentSets.isSubset(sets.agents(group), set)) {
                count += sets.tasks(group).length;
            }
        }
        if (count == 0) {
            return null;
        }
        var tasks = new int[count];
        int k = 0;
        for (int group = 0; group < sets.count(); group++) {
            if (AgentSets.isSubset(sets.agents(group), set)) {
                for (int task : sets.tasks(group)) {
                    tasks[k++] = task;
                }
            }
        }
        return demandOf(instance, tasks, paths, null, LowerBounds.parallelism(instance, set), origin);
    }

    private static Demand demandOf(Instance instance, int[] tasks, ResourcePaths paths, long[] units, int capacity,
            int origin) {
        var heads = new long[tasks.length];
        var durations = new long[tasks.length];
        var tails = new long[tasks.length];
        for (int i = 0; i < tasks.length; i++) {
            heads[i] = paths.head(tasks[i]);
            durations[i] = instance.fastestDuration(tasks[i]);
            tails[i] = paths.tail(tasks[i]);
        }
        return new Demand(heads, durations, units, tails, capacity, origin);
    }

    int size() {
        return heads.length;
    }

    /** The units task {@code i} takes: 1 when each takes one. */
    long units(int i) {
        return units == null ? 1 : units[i];
    }

    /**
     * {@link EnergyBound} forwards and mirrored (heads and tails swapped). With several units per task only their
     * units × time counts: "some agent does ⌈k / m⌉ of them back to back" needs one unit each.
     */
    long energyBound() {
        var energies = durations;
        if (units != null) {
            energies = new long[size()];
            for (int i = 0; i < size(); i++) {
                energies[i] = units[i] * durations[i];
            }
        }
        boolean oneUnitEach = units == null;
        return Math.max(EnergyBound.of(heads, energies, tails, capacity, oneUnitEach),
                EnergyBound.of(tails, energies, heads, capacity, oneUnitEach));
    }
}
