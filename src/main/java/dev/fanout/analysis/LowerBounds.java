package dev.fanout.analysis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Proven lower bounds on the makespan of any valid schedule:
 * <ul>
 * <li><b>critical path</b>: the longest dependency chain;</li>
 * <li><b>work</b>: total work spread perfectly over all agents, ⌈W / m⌉;</li>
 * <li><b>skill set</b>: for a set S of agents, the tasks only agents of S can do must all run on S. Those that cannot
 * start before θ need θ + max(⌈W / |S|⌉, the ⌈k / |S|⌉ shortest back to back) and, after the last one ends, at least
 * the smallest tail among them ({@link EnergyBound}); the same mirrored with tails. Candidate sets are the tasks'
 * eligible-agent sets, their pairwise unions and the set of all agents.</li>
 * <li><b>agent chain</b>: for each task, its head + duration + tail where heads and tails also count the work that
 * only certain agents can do before and after it ({@link ResourcePaths}).</li>
 * </ul>
 * The skill-set bound uses those agent-aware heads and tails too. Ticks are whole numbers in some optimal schedule (see {@link TimeScale}), so rounding up stays valid.
 */
public record LowerBounds(long criticalPath, long work, long skillSet, BitSet skillSetAgents, long agentChain,
        int agentChainTask) {

    /** Caps the pairwise-union search on plans with very many distinct agent sets. */
    private static final long SUBSET_CHECK_BUDGET = 20_000_000L;

    public long best() {
        return Math.max(Math.max(criticalPath, agentChain), Math.max(work, skillSet));
    }

    /** One of the bounds above. */
    public enum Kind {
        @JsonProperty("criticalPath") CRITICAL_PATH,
        @JsonProperty("skillSet") SKILL_SET,
        @JsonProperty("work") WORK,
        @JsonProperty("agentChain") AGENT_CHAIN
    }

    /**
     * Which bound binds: critical path, skill set, work or agent chain (first in that order on a tie: the simplest
     * explanation wins).
     */
    public Kind binding() {
        long best = best();
        if (criticalPath == best) {
            return Kind.CRITICAL_PATH;
        }
        if (skillSet == best) {
            return Kind.SKILL_SET;
        }
        return work == best ? Kind.WORK : Kind.AGENT_CHAIN;
    }

    public static LowerBounds of(Instance instance, Paths paths, CriticalPath criticalPath) {
        long totalWork = instance.totalWork();
        long work = instance.agentCount() == 0 ? 0 : ceilDiv(totalWork, instance.agentCount());
        var resourcePaths = ResourcePaths.of(instance, paths);
        long agentChain = 0;
        int agentChainTask = -1;
        for (int task = 0; task < instance.taskCount(); task++) {
            long bound = resourcePaths.head(task) + instance.duration(task) + resourcePaths.tail(task);
            if (bound > agentChain) {
                agentChain = bound;
                agentChainTask = task;
            }
        }
        var groups = groupsByEligibleSet(instance, resourcePaths);

        var candidates = new LinkedHashMap<BitSet, Boolean>();
        groups.forEach(group -> candidates.put(group.agents, true));
        var all = new BitSet();
        all.set(0, instance.agentCount());
        candidates.put(all, true);
        long checks = (long) groups.size() * groups.size() * groups.size() / 2;
        if (checks <= SUBSET_CHECK_BUDGET) {
            for (int i = 0; i < groups.size(); i++) {
                for (int j = i + 1; j < groups.size(); j++) {
                    var union = (BitSet) groups.get(i).agents.clone();
                    union.or(groups.get(j).agents);
                    candidates.putIfAbsent(union, true);
                }
            }
        }
        long best = 0;
        BitSet bestSet = new BitSet();
        for (var set : candidates.keySet()) {
            long bound = bound(set, groups);
            if (bound > best) {
                best = bound;
                bestSet = set;
            }
        }
        return new LowerBounds(criticalPath.length(), work, best, bestSet, agentChain, agentChainTask);
    }

    private static long bound(BitSet set, List<Group> groups) {
        int count = 0;
        for (var group : groups) {
            if (isSubset(group.agents, set)) {
                count += group.tasks.size();
            }
        }
        if (count == 0) {
            return 0;
        }
        var heads = new long[count];
        var durations = new long[count];
        var tails = new long[count];
        int k = 0;
        for (var group : groups) {
            if (isSubset(group.agents, set)) {
                for (var task : group.tasks) {
                    heads[k] = task[0];
                    durations[k] = task[1];
                    tails[k++] = task[2];
                }
            }
        }
        int agents = set.cardinality();
        return Math.max(EnergyBound.of(heads, durations, tails, agents), EnergyBound.of(tails, durations, heads, agents));
    }

    private static boolean isSubset(BitSet subset, BitSet set) {
        var outside = (BitSet) subset.clone();
        outside.andNot(set);
        return outside.isEmpty();
    }

    private static List<Group> groupsByEligibleSet(Instance instance, ResourcePaths paths) {
        var groups = new LinkedHashMap<BitSet, Group>();
        for (int task = 0; task < instance.taskCount(); task++) {
            if (instance.isMilestone(task)) {
                continue;
            }
            var group = groups.computeIfAbsent(instance.eligibleAgents(task), Group::new);
            group.tasks.add(new long[] { paths.head(task), instance.duration(task), paths.tail(task) });
        }
        return new ArrayList<>(groups.values());
    }

    static long ceilDiv(long numerator, long denominator) {
        return Math.floorDiv(numerator + denominator - 1, denominator);
    }

    private static final class Group {
        final BitSet agents;
        /** Per task: head, duration, tail. */
        final List<long[]> tasks = new ArrayList<>();

        Group(BitSet agents) {
            this.agents = agents;
        }
    }
}
