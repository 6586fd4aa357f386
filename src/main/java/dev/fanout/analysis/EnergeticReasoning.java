package dev.fanout.analysis;

import java.util.Arrays;
import java.util.List;

/**
 * Energetic reasoning, used to refute makespans. Suppose some schedule ends by T. Then each task of a {@link Demand}
 * runs inside [r, d]: r its head, d = T − its tail. Inside any interval [t1, t2] it runs at least
 * max(0, min(p, t2 − t1, r + p − t1, t2 − d + p)) of its p: as much as it cannot put before t1 (started as early as
 * it can) or after t2 (ended as late as it can). If those times × units add up to more than the capacity × (t2 − t1),
 * no schedule ends by T, and T + 1 is a lower bound.
 *
 * <p>Which intervals: t1 among every task's r, r + p and d − p (the classic candidates); for each t1, every t2 at
 * which some task's share starts or stops growing. For a fixed t1 each task's share grows by one per tick of t2 from
 * max(t1, d − p) for min(p, r + p − t1) ticks, so the shares add up to a piecewise linear function of t2 that breaks
 * only there, and the test at those points is exact.
 *
 * <p>The search steps T up from the best bound known, doubling the step while T is refuted, then halves the gap. Any
 * refuted T is a proof on its own, so the answer stays a bound even where a larger T is refuted and a smaller one not.
 * A budget of work ({@link #cost}: about 3 tasks² log tasks per demand and T) keeps large plans fast: demands that no
 * longer fit in it are skipped, which only weakens the bound.
 *
 * <p>It holds under every constraint of CONTRACT §5 and §6 because it only assumes what every schedule obeys: heads
 * and tails from {@link ResourcePaths} (fastest durations, windows' starts, started work at 0), a capacity no larger
 * than the caps allow, and time at the fastest able agent, which a slower one only lengthens. Windows' ends are not
 * used: ignoring them only leaves more room.
 */
final class EnergeticReasoning {

    /** A makespan refuted by one demand: no schedule ends by {@code refuted}. */
    record Refutation(long refuted, Demand demand) {

        long bound() {
            return refuted + 1;
        }
    }

    /** Times are packed with a task's index into one long for sorting: index in the low bits. */
    private static final int INDEX_BITS = 21;
    private static final long LARGEST_TIME = 1L << (62 - INDEX_BITS);

    private long budget;

    private EnergeticReasoning(long budget) {
        this.budget = budget;
    }

    /**
     * The largest makespan from {@code from} up that one of the demands refutes, and which; null when none refutes
     * {@code from}. {@code demands} are tried in their order, so the likeliest to refute should come first.
     */
    static Refutation refute(List<Demand> demands, long from, long budget) {
        var reasoning = new EnergeticReasoning(budget);
        var first = reasoning.refutedBy(demands, from);
        if (first == null) {
            return null;
        }
        var best = new Refutation(from, first);
        long step = 1;
        long notRefuted = -1;
        while (notRefuted < 0) {
            long trial = from + step;
            var refuted = reasoning.refutedBy(demands, trial);
            if (refuted == null) {
                notRefuted = trial;
            } else {
                best = new Refutation(trial, refuted);
                step *= 2;
            }
        }
        while (notRefuted - best.refuted() > 1) {
            long trial = best.refuted() + (notRefuted - best.refuted()) / 2;
            var refuted = reasoning.refutedBy(demands, trial);
            if (refuted == null) {
                notRefuted = trial;
            } else {
                best = new Refutation(trial, refuted);
            }
        }
        return best;
    }

    /** The first demand that refutes makespan {@code horizon}, within the budget; null when none does. */
    private Demand refutedBy(List<Demand> demands, long horizon) {
        for (var demand : demands) {
            long cost = cost(demand.size());
            if (cost > budget || demand.capacity() < 1) {
                continue;
            }
            budget -= cost;
            if (overloaded(demand, horizon)) {
                return demand;
            }
        }
        return null;
    }

    /** The work of one test: 3k values of t1, each sorting 2k events. */
    static long cost(int tasks) {
        return 3L * tasks * tasks * (64 - Long.numberOfLeadingZeros(tasks));
    }

    /** Whether the demand's tasks need more than its capacity in some interval if the plan ends by {@code horizon}. */
    static boolean overloaded(Demand demand, long horizon) {
        int k = demand.size();
        if (k == 0 || k >= 1 << INDEX_BITS || horizon >= LARGEST_TIME) {
            return false;
        }
        var heads = demand.heads();
        var durations = demand.durations();
        var deadlines = new long[k];
        var starts = new long[3 * k];
        for (int i = 0; i < k; i++) {
            deadlines[i] = horizon - demand.tails()[i];
            if (heads[i] + durations[i] > deadlines[i]) {
                return true; // it does not fit between its head and its deadline at all
            }
            starts[3 * i] = heads[i];
            starts[3 * i + 1] = heads[i] + durations[i];
            starts[3 * i + 2] = deadlines[i] - durations[i];
        }
        Arrays.sort(starts);
        var growFrom = new long[k];
        var growUntil = new long[k];
        for (int s = 0; s < starts.length; s++) {
            if (s > 0 && starts[s] == starts[s - 1]) {
                continue;
            }
            if (overloadedFrom(demand, deadlines, starts[s], growFrom, growUntil)) {
                return true;
            }
        }
        return false;
    }

    /** The exact test for every t2 after {@code from} (t1): the shares sweep as a piecewise linear sum. */
    private static boolean overloadedFrom(Demand demand, long[] deadlines, long from, long[] growFrom,
            long[] growUntil) {
        var heads = demand.heads();
        var durations = demand.durations();
        int events = 0;
        for (int i = 0; i < demand.size(); i++) {
            long most = Math.min(durations[i], heads[i] + durations[i] - from);
            if (most > 0) {
                long begin = Math.max(from, deadlines[i] - durations[i]);
                growFrom[events] = begin << INDEX_BITS | i;
                growUntil[events++] = (begin + most) << INDEX_BITS | i;
            }
        }
        Arrays.sort(growFrom, 0, events);
        Arrays.sort(growUntil, 0, events);
        long time = from;
        long energy = 0;
        long slope = 0;
        int begun = 0;
        int ended = 0;
        while (ended < events) {
            long next = begun < events ? Math.min(growFrom[begun] >>> INDEX_BITS, growUntil[ended] >>> INDEX_BITS)
                    : growUntil[ended] >>> INDEX_BITS;
            energy += slope * (next - time);
            time = next;
            if (energy > (long) demand.capacity() * (time - from)) {
                return true;
            }
            while (begun < events && growFrom[begun] >>> INDEX_BITS == time) {
                slope += demand.units((int) (growFrom[begun++] & ((1L << INDEX_BITS) - 1)));
            }
            while (ended < events && growUntil[ended] >>> INDEX_BITS == time) {
                slope -= demand.units((int) (growUntil[ended++] & ((1L << INDEX_BITS) - 1)));
            }
        }
        return false;
    }
}
