package dev.fanout.analysis;

import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * Serial schedule generation with insertion: tasks are placed one at a time in a given order (each after all its
 * dependencies), each on the able agent where it can end earliest, into an idle gap between tasks already placed
 * if one is long enough, within the shared limits (resources, areas, caps). Works forwards, or backwards on the reversed dependencies (then "start" means time before
 * the end), which is what forward-backward improvement needs.
 *
 * <p>With agents of different speeds, "ends earliest" alone would hand a task to a slow agent that is free a little
 * sooner, and under a cap or a shared limit the time it then holds is lost to everyone; {@code slowness} weighs that:
 * each unit of time the task takes beyond its fastest able agent's counts as {@code slowness} units of a later end.
 */
final class InsertionScheduler {

    private final Instance instance;
    private final boolean backwards;
    private final long[] start;
    private final int[] agentOf;
    /** Per agent, its busy intervals sorted by start: starts[a][0 .. count[a]), ends likewise. */
    private final long[][] starts;
    private final long[][] ends;
    private final int[] counts;
    private final Occupancy occupancy;
    private final double slowness;
    /** The clock is read once every 256 placements. */
    private static final int DEADLINE_CHECK_MASK = 255;

    InsertionScheduler(Instance instance, boolean backwards) {
        this(instance, backwards, 0);
    }

    InsertionScheduler(Instance instance, boolean backwards, double slowness) {
        this.instance = instance;
        this.backwards = backwards;
        this.slowness = slowness;
        int n = instance.taskCount();
        start = new long[n];
        agentOf = new int[n];
        Arrays.fill(agentOf, Schedule.NO_AGENT);
        int m = instance.agentCount();
        starts = new long[m][8];
        ends = new long[m][8];
        counts = new int[m];
        occupancy = instance.limits().newOccupancy();
        if (!backwards) {
            // Started work goes on where it is: placed first, at 0 on its agent, whatever order the rest follows.
            // Backwards it cannot be (it would end the plan); such a schedule's overrun says so and it never wins.
            for (int task : instance.startedTasks()) {
                place(task);
            }
        }
    }

    private int[] before(int task) {
        return backwards ? instance.successors(task) : instance.predecessors(task);
    }

    /**
     * Schedules every task in {@code order}, which must list each task after everything it waits for (its
     * dependencies; backwards, its successors). Returns the forward schedule.
     */
    Schedule schedule(int[] order) {
        return schedule(order, Long.MAX_VALUE);
    }

    /**
     * As {@link #schedule(int[])}, or null once {@code deadline} (System.nanoTime()) has passed: one pass over a
     * 20,000-task plan takes seconds, and a solve must not outlast its time limit by that much.
     */
    Schedule schedule(int[] order, long deadline) {
        return schedule(order, deadline, () -> false);
    }

    /** As {@link #schedule(int[], long)}, or null as soon as {@code stopped} says so (asked as often as the clock). */
    Schedule schedule(int[] order, long deadline, BooleanSupplier stopped) {
        for (int i = 0; i < order.length; i++) {
            if ((i & DEADLINE_CHECK_MASK) == DEADLINE_CHECK_MASK
                    && (System.nanoTime() >= deadline || stopped.getAsBoolean())) {
                return null;
            }
            if (backwards || !instance.isStarted(order[i])) {
                place(order[i]);
            }
        }
        if (!backwards) {
            return new Schedule(instance, agentOf, start);
        }
        // Mirror: backwards time t..t+d becomes forward time M-t-d..M-t.
        long makespan = 0;
        for (int task = 0; task < start.length; task++) {
            makespan = Math.max(makespan, start[task] + instance.duration(task, agentOf[task]));
        }
        var forward = new long[start.length];
        for (int task = 0; task < start.length; task++) {
            forward[task] = makespan - start[task] - instance.duration(task, agentOf[task]);
        }
        return new Schedule(instance, agentOf, forward);
    }

    /**
     * Places the task where it ends earliest over every able agent's idle gaps (its time beyond the fastest able agent's
     * weighed by {@code slowness}), within the shared limits and (forwards) the agent's window; an agent whose window
     * cannot hold it is passed over unless every one's is.
     */
    private void place(int task) {
        long ready = 0;
        for (int p : before(task)) {
            ready = Math.max(ready, start[p] + instance.duration(p, agentOf[p]));
        }
        if (instance.isMilestone(task)) {
            start[task] = ready;
            return;
        }
        int bestAgent = -1;
        long bestStart = Long.MAX_VALUE;
        long bestEnd = Long.MAX_VALUE;
        long bestRank = Long.MAX_VALUE;
        long bestSlack = Long.MAX_VALUE;
        boolean bestFits = false;
        int bestPosition = -1;
        long fastest = instance.fastestDuration(task);
        var fits = occupancy.fitsOf(task, ready);
        var eligible = instance.eligibleAgents(task);
        for (int agent = eligible.nextSetBit(0); agent >= 0; agent = eligible.nextSetBit(agent + 1)) {
            // Earliest gap at or after `ready` that fits; the slack is the idle time the task leaves before it.
            long duration = instance.duration(task, agent);
            // Compared as if it ended this much later: the time a slower agent holds beyond the fastest's.
            long penalty = Math.round(slowness * (duration - fastest));
            long opens = backwards ? 0 : instance.availableFrom(agent);
            long[] agentStarts = starts[agent];
            long[] agentEnds = ends[agent];
            int count = counts[agent];
            // Gaps that close before the task could end in them even from `ready` are passed over at once: their
            // starts are in order, so the first that might hold it is found by bisection (the loop below would skip
            // each of them, and its early stop, which only grows stricter, would not fire sooner).
            int first = SortedTimes.firstAtOrAfter(agentStarts, count, ready + duration);
            long previousEnd = first > 0 ? agentEnds[first - 1] : 0;
            for (int i = first; i <= count; i++) {
                long free = Math.max(Math.max(ready, previousEnd), opens);
                long gapEnd = i < count ? agentStarts[i] : Long.MAX_VALUE;
                if (bestFits && free + duration + penalty > bestRank) {
                    break; // this agent cannot end it sooner than the best so far, in this gap or any later one
                }
                if (gapEnd - free < duration) {
                    if (i < count) {
                        previousEnd = agentEnds[i];
                    }
                    continue; // too short even before the shared limits are asked
                }
                long gapStart = fits.from(agent, free, duration);
                if (gapEnd - gapStart >= duration) {
                    long slack = gapStart - previousEnd;
                    long end = gapStart + duration;
                    long rank = end + penalty;
                    boolean inWindow = backwards || end <= instance.availableUntil(agent);
                    boolean better = inWindow != bestFits ? inWindow
                            : rank < bestRank || rank == bestRank && (gapStart < bestStart || gapStart == bestStart && slack < bestSlack);
                    if (bestAgent < 0 || better) {
                        bestStart = gapStart;
                        bestEnd = end;
                        bestRank = rank;
                        bestSlack = slack;
                        bestAgent = agent;
                        bestPosition = i;
                        bestFits = inWindow;
                    }
                    break;
                }
                if (i < count) {
                    previousEnd = agentEnds[i];
                }
            }
        }
        start[task] = bestStart;
        agentOf[task] = bestAgent;
        insert(bestAgent, bestPosition, bestStart, bestEnd);
        occupancy.reserve(task, bestAgent, bestStart, bestEnd - bestStart);
    }

    private void insert(int agent, int position, long from, long to) {
        int count = counts[agent];
        if (count == starts[agent].length) {
            starts[agent] = Arrays.copyOf(starts[agent], count * 2);
            ends[agent] = Arrays.copyOf(ends[agent], count * 2);
        }
        System.arraycopy(starts[agent], position, starts[agent], position + 1, count - position);
        System.arraycopy(ends[agent], position, ends[agent], position + 1, count - position);
        starts[agent][position] = from;
        ends[agent][position] = to;
        counts[agent]++;
    }
}
