package dev.fanout.exact;

import java.util.BitSet;
import java.util.Comparator;
import java.util.stream.IntStream;

import dev.fanout.analysis.Schedule;

/**
 * The part of a schedule that one step of {@link WindowSearch} gives back to CP-SAT: the free tasks may go to any able
 * agent at any time; every other task is held: it keeps its agent and its place in that agent's order, but may move in
 * time, so that what the free tasks gain can reach the end of the schedule.
 *
 * @param around the schedule the step starts from (and CP-SAT's hint)
 * @param free the free tasks
 */
record Neighbourhood(Schedule around, BitSet free) {

    boolean isFree(int task) {
        return free.get(task);
    }

    /**
     * The {@code size} tasks that {@code around} starts from the {@code first}-th on (in the order of their starts)
     * and the tasks of {@code alsoFree} free, the others held.
     */
    static Neighbourhood window(Schedule around, int first, int size, BitSet alsoFree) {
        int n = around.instance().taskCount();
        var free = (BitSet) alsoFree.clone();
        IntStream.range(0, n).boxed()
                .sorted(Comparator.comparingLong(around::start).thenComparingLong(around::end))
                .skip(first).limit(size)
                .forEach(free::set);
        return new Neighbourhood(around, free);
    }
}
