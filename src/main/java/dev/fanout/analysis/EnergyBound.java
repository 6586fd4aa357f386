package dev.fanout.analysis;

import java.util.Arrays;
import java.util.Collections;
import java.util.PriorityQueue;

/**
 * The time a set of tasks needs on m agents, counted from the earliest any of them can start: for every threshold
 * θ among their earliest starts, the tasks that cannot start before θ need at least
 * θ + max(⌈W / m⌉, sum of the ⌈k / m⌉ shortest) — W their total work, k their number (with k tasks on m agents, some
 * agent does ⌈k / m⌉ of them back to back). The best threshold is the bound. Splitting by threshold is what makes
 * it see phases: the tasks of a late phase cannot use the time before their phase starts.
 */
final class EnergyBound {

    private EnergyBound() {
    }

    /**
     * @param earliest the earliest start (or, mirrored, the least time after) of each task
     * @param durations their durations, in the same order
     * @param after what must follow each task once it ends (its tail; or, mirrored, its head); null for nothing. The
     *        smallest among the tasks counted is added: the last of them to end is still followed by that much.
     * @param agents m, the number of agents that can do them
     */
    static long of(long[] earliest, long[] durations, long[] after, int agents) {
        return of(earliest, durations, after, agents, true);
    }

    /**
     * As above; without {@code backToBack} only the work counts (for a resource some tasks take several units of,
     * where "some agent does ⌈k / m⌉ of them" does not hold; {@code durations} are then units × time).
     */
    static long of(long[] earliest, long[] durations, long[] after, int agents, boolean backToBack) {
        int k = earliest.length;
        if (k == 0) {
            return 0;
        }
        var order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        // Latest first: each prefix is "the tasks that cannot start before this threshold".
        Arrays.sort(order, (a, b) -> Long.compare(earliest[b], earliest[a]));
        var chosen = new PriorityQueue<Long>(Collections.reverseOrder()); // the ⌈count/m⌉ shortest so far (max on top)
        var rest = new PriorityQueue<Long>();                            // the others (min on top)
        long chosenSum = 0;
        long work = 0;
        long best = 0;
        long leastAfter = Long.MAX_VALUE;
        for (int i = 0; i < k; i++) {
            long duration = durations[order[i]];
            work += duration;
            leastAfter = Math.min(leastAfter, after == null ? 0 : after[order[i]]);
            if (!chosen.isEmpty() && duration < chosen.peek()) {
                long moved = chosen.poll();
                chosenSum -= moved;
                rest.add(moved);
                chosen.add(duration);
                chosenSum += duration;
            } else {
                rest.add(duration);
            }
            int wanted = (i + 1 + agents - 1) / agents;
            while (chosen.size() < wanted) {
                long next = rest.poll();
                chosen.add(next);
                chosenSum += next;
            }
            boolean lastOfThreshold = i == k - 1 || earliest[order[i + 1]] != earliest[order[i]];
            if (lastOfThreshold) {
                long span = backToBack ? Math.max(LowerBounds.ceilDiv(work, agents), chosenSum) : LowerBounds.ceilDiv(work, agents);
                best = Math.max(best, earliest[order[i]] + span + leastAfter);
            }
        }
        return best;
    }
}
