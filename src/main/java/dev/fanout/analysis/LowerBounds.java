package dev.fanout.analysis;

import java.util.BitSet;
import java.util.LinkedHashSet;

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

    public LowerBounds {
        skillSetAgents = (BitSet) skillSetAgents.clone();
    }

    /** A copy. */
    @Override
    public BitSet skillSetAgents() {
        return (BitSet) skillSetAgents.clone();
    }

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
        var sets = AgentSets.of(instance);

        var candidates = new LinkedHashSet<BitSet>();
        for (int group = 0; group < sets.count(); group++) {
            candidates.add(sets.agents(group));
        }
        var all = new BitSet();
        all.set(0, instance.agentCount());
        candidates.add(all);
        long checks = (long) sets.count() * sets.count() * sets.count() / 2;
        if (checks <= SUBSET_CHECK_BUDGET) {
            for (int i = 0; i < sets.count(); i++) {
                for (int j = i + 1; j < sets.count(); j++) {
                    var union = (BitSet) sets.agents(i).clone();
                    union.or(sets.agents(j));
                    candidates.add(union);
                }
            }
        }
        long best = 0;
        BitSet bestSet = new BitSet();
        for (var set : candidates) {
            long bound = bound(instance, set, sets, resourcePaths);
            if (bound > best) {
                best = bound;
                bestSet = set;
            }
        }
        return new LowerBounds(criticalPath.length(), work, best, bestSet, agentChain, agentChainTask);
    }

    /** The energy bound of the tasks only the agents of {@code set} can do, forwards and mirrored. */
    private static long bound(Instance instance, BitSet set, AgentSets sets, ResourcePaths paths) {
        int count = 0;
        for (int group = 0; group < sets.count(); group++) {
            if (AgentSets.isSubset(sets.agents(group), set)) {
                count += sets.tasks(group).length;
            }
        }
        if (count == 0) {
            return 0;
        }
        var heads = new long[count];
        var durations = new long[count];
        var tails = new long[count];
        int k = 0;
        for (int group = 0; group < sets.count(); group++) {
            if (AgentSets.isSubset(sets.agents(group), set)) {
                for (int task : sets.tasks(group)) {
                    heads[k] = paths.head(task);
                    durations[k] = instance.duration(task);
                    tails[k++] = paths.tail(task);
                }
            }
        }
        int agents = set.cardinality();
        return Math.max(EnergyBound.of(heads, durations, tails, agents), EnergyBound.of(tails, durations, heads, agents));
    }

    static long ceilDiv(long numerator, long denominator) {
        return Math.floorDiv(numerator + denominator - 1, denominator);
    }
}
