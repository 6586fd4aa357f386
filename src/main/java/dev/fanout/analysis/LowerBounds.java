package dev.fanout.analysis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
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
 * eligible-agent sets, their pairwise unions and the set of all agents. Energetic reasoning
 * ({@link EnergeticReasoning}) then tries to refute makespans from the best bound up: every interval must hold the
 * parts of those tasks that cannot run outside it. What it proves is folded into this figure (or, when a shared
 * limit's tasks refute it, into the shared limit's), with the set that proved it, so reports name that set as the
 * bottleneck.</li>
 * <li><b>agent chain</b>: for each task, its head + duration + tail where heads and tails also count the work that
 * only certain agents can do before and after it ({@link ResourcePaths}).</li>
 * <li><b>shared limit</b>: the tasks that hold one resource, area or cap, at most its capacity in units at a time:
 * the same energy bound, with the capacity in place of the agents ({@link SharedLimits}).</li>
 * </ul>
 * Under the constraints of CONTRACT §5 every figure stays a bound: a task counts with its time on the fastest agent
 * able to do it; a set of agents runs at most as many tasks at once as its caps allow ({@link #parallelism}); the
 * work bound counts only the time inside the agents' windows.
 * The skill-set bound uses those agent-aware heads and tails too. Ticks are whole numbers in some optimal schedule (see {@link TimeScale}), so rounding up stays valid.
 */
public record LowerBounds(long criticalPath, long work, long skillSet, BitSet skillSetAgents, long agentChain,
        int agentChainTask, long sharedLimit, int sharedLimitIndex) {

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
    /**
     * Energetic reasoning's work ({@link EnergeticReasoning#cost}): a few tens of milliseconds at most, every demand of
     * a plan of some tens of tasks; on larger plans the demands nearest to binding.
     */
    private static final long ENERGETIC_BUDGET = 30_000_000L;

    public long best() {
        return Math.max(Math.max(Math.max(criticalPath, agentChain), Math.max(work, skillSet)), sharedLimit);
    }

    /** One of the bounds above. */
    public enum Kind {
        @JsonProperty("criticalPath") CRITICAL_PATH,
        @JsonProperty("skillSet") SKILL_SET,
        @JsonProperty("work") WORK,
        @JsonProperty("agentChain") AGENT_CHAIN,
        @JsonProperty("sharedLimit") SHARED_LIMIT
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
        if (work == best) {
            return Kind.WORK;
        }
        return agentChain == best ? Kind.AGENT_CHAIN : Kind.SHARED_LIMIT;
    }

    public static LowerBounds of(Instance instance, Paths paths, CriticalPath criticalPath) {
        return of(instance, paths, criticalPath, true);
    }

    /** Without {@code energetic}, the bounds as they were before energetic reasoning: to measure what it adds. */
    static LowerBounds of(Instance instance, Paths paths, CriticalPath criticalPath, boolean energetic) {
        long work = work(instance);
        var resourcePaths = ResourcePaths.of(instance, paths);
        long agentChain = 0;
        int agentChainTask = -1;
        for (int task = 0; task < instance.taskCount(); task++) {
            long bound = resourcePaths.head(task) + instance.fastestDuration(task) + resourcePaths.tail(task);
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
        var setList = new ArrayList<>(candidates);
        var demands = new ArrayList<Ranked>();
        long best = 0;
        BitSet bestSet = new BitSet();
        for (int set = 0; set < setList.size(); set++) {
            var demand = Demand.onlyFor(instance, setList.get(set), set, sets, resourcePaths);
            long bound = demand == null ? 0 : demand.energyBound();
            if (bound > best) {
                best = bound;
                bestSet = setList.get(set);
            }
            if (demand != null) {
                demands.add(new Ranked(set, bound, demand.size()));
            }
        }
        long sharedLimit = 0;
        int sharedLimitIndex = -1;
        // Shared limits' origins follow the agent sets', so one list tells them apart.
        for (int limit = 0; limit < instance.limits().limits().size(); limit++) {
            var demand = Demand.holding(instance, limit, setList.size() + limit, resourcePaths);
            long bound = demand.energyBound();
            if (bound > sharedLimit) {
                sharedLimit = bound;
                sharedLimitIndex = limit;
            }
            demands.add(new Ranked(setList.size() + limit, bound, demand.size()));
        }
        long known = Math.max(Math.max(Math.max(criticalPath.length(), agentChain), Math.max(work, best)), sharedLimit);
        var refutation = !energetic ? null
                : EnergeticReasoning.refute(energetic(instance, demands, setList, sets, resourcePaths), known,
                        ENERGETIC_BUDGET);
        if (refutation != null) {
            int origin = refutation.demand().origin();
            if (origin < setList.size()) {
                best = refutation.bound();
                bestSet = setList.get(origin);
            } else {
                sharedLimit = refutation.bound();
                sharedLimitIndex = origin - setList.size();
            }
        }
        return new LowerBounds(criticalPath.length(), work, best, bestSet, agentChain, agentChainTask, sharedLimit,
                sharedLimitIndex);
    }

    /**
     * The demands energetic reasoning tries, nearest to binding first (likeliest to refute a makespan just above the
     * bound): of two tasks or more, as many as the budget lets it test once (it never reaches the others).
     */
    private static List<Demand> energetic(Instance instance, List<Ranked> ranked, List<BitSet> setList, AgentSets sets,
            ResourcePaths paths) {
        var sorted = new ArrayList<>(ranked);
        sorted.sort(java.util.Comparator.comparingLong(Ranked::bound).reversed());
        var demands = new ArrayList<Demand>();
        long cost = 0;
        for (var candidate : sorted) {
            long more = EnergeticReasoning.cost(candidate.size());
            if (candidate.size() < 2 || cost + more > ENERGETIC_BUDGET) {
                continue;
            }
            cost += more;
            int origin = candidate.origin();
            demands.add(origin < setList.size() ? Demand.onlyFor(instance, setList.get(origin), origin, sets, paths)
                    : Demand.holding(instance, origin - setList.size(), origin, paths));
        }
        return demands;
    }

    /** A demand by its origin (see {@link Demand#origin()}), its energy bound and its number of tasks. */
    private record Ranked(int origin, long bound, int size) {
    }

    /**
     * Total work (each task at its fastest) over the agents: no more agents are busy at once than the caps allow,
     * and an agent is busy only inside its window. The least T at which the agents' time in [0, T] can hold the
     * work, and T ≥ work ÷ the most tasks that can run at once.
     */
    static long work(Instance instance) {
        int m = instance.agentCount();
        if (m == 0) {
            return 0;
        }
        long work = 0;
        for (int task = 0; task < instance.taskCount(); task++) {
            work += instance.fastestDuration(task);
        }
        var all = new BitSet();
        all.set(0, m);
        long bound = ceilDiv(work, parallelism(instance, all));
        if (!instance.hasWindows()) {
            return bound;
        }
        // The agents' time inside their windows up to T grows with T: the least T that holds the work.
        long low = 0;
        long high = 1;
        while (capacityUntil(instance, high) < work && high < Long.MAX_VALUE / 4) {
            high *= 2;
        }
        while (low < high) {
            long middle = low + (high - low) / 2;
            if (capacityUntil(instance, middle) >= work) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return Math.max(bound, low);
    }

    private static long capacityUntil(Instance instance, long time) {
        long capacity = 0;
        for (int a = 0; a < instance.agentCount(); a++) {
            capacity += Math.max(0, Math.min(time, instance.availableUntil(a)) - instance.availableFrom(a));
        }
        return capacity;
    }

    /**
     * The most tasks the agents of {@code set} can run at once: one each, but no more from a capped pool than its cap,
     * and no more in all than the plan's cap.
     */
    static int parallelism(Instance instance, BitSet set) {
        var limits = instance.limits();
        var perPool = new java.util.HashMap<Integer, Integer>();
        int total = 0;
        for (int a = set.nextSetBit(0); a >= 0; a = set.nextSetBit(a + 1)) {
            int pool = limits.poolLimitOf(a);
            if (pool < 0) {
                total++;
            } else {
                perPool.merge(pool, 1, Integer::sum);
            }
        }
        for (var entry : perPool.entrySet()) {
            total += Math.min(entry.getValue(), limits.limit(entry.getKey()).capacity());
        }
        var cap = instance.plan().maxConcurrent();
        return Math.max(1, cap == null ? total : Math.min(total, cap));
    }

    static long ceilDiv(long numerator, long denominator) {
        return Math.floorDiv(numerator + denominator - 1, denominator);
    }
}
