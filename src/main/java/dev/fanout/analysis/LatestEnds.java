package dev.fanout.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * How late each task of a schedule may end for the schedule to end by a target while every order the schedule chose
 * stays as it is: each agent's tasks, the holders of each one-unit limit (an area, a resource of one unit) and the
 * dependencies. That is the target less the longest chain of work after the task in those orders, each task taking
 * its time on its agent. With the schedule's own makespan for the target, every task ends by its latest end and the
 * tasks of the chains that end last exactly at it; with a target one tick earlier, those are the tasks that end late,
 * the ones a shorter schedule must move or reorder. The exact stage's windows shrink how far they end past it
 * ({@code exact.WindowSearch}).
 */
public final class LatestEnds {

    private LatestEnds() {
    }

    /** Per task, the latest it may end for {@code schedule}, its orders kept, to end by {@code target}. */
    public static long[] of(Schedule schedule, long target) {
        var instance = schedule.instance();
        int n = instance.taskCount();
        // By start, by end on a tie, then in topological order (a zero-length task before its dependents): every task
        // of a valid schedule starts once those before it in its orders have ended.
        Comparator<Integer> byStart = Comparator.<Integer>comparingLong(schedule::start)
                .thenComparingLong(schedule::end).thenComparingInt(instance::topologicalRank);
        var next = next(schedule, byStart);
        // Backwards in that order: the tasks after each one come first.
        var tail = new long[n];
        var latest = new long[n];
        IntStream.range(0, n).boxed().sorted(byStart.reversed()).forEachOrdered(task -> {
            long after = 0;
            for (int follower : next.get(task)) {
                after = Math.max(after, schedule.duration(follower) + tail[follower]);
            }
            tail[task] = after;
            latest[task] = target - after;
        });
        return latest;
    }

    /** How far, in ticks summed over the tasks, {@code schedule} ends them past {@code latestEnd}. */
    public static long lateness(Schedule schedule, long[] latestEnd) {
        long late = 0;
        for (int task = 0; task < latestEnd.length; task++) {
            late += Math.max(0, schedule.end(task) - latestEnd[task]);
        }
        return late;
    }

    /** Per task, the tasks right after it in one of the schedule's orders: its dependents, its agent's, its limits'. */
    private static List<List<Integer>> next(Schedule schedule, Comparator<Integer> byStart) {
        var instance = schedule.instance();
        var next = new ArrayList<List<Integer>>();
        for (int task = 0; task < instance.taskCount(); task++) {
            next.add(new ArrayList<>());
            for (int dependent : instance.successors(task)) {
                next.get(task).add(dependent);
            }
        }
        var orders = new ArrayList<>(schedule.sequences());
        var limits = instance.limits();
        for (int limit = 0; limit < limits.limits().size(); limit++) {
            // Areas and resources of one unit; a pool's cap is held through its agents and is left out.
            if (limits.limit(limit).capacity() == 1 && limits.membersOf(limit).length == 0) {
                var holders = new ArrayList<Integer>();
                for (int task : limits.holdersOf(limit)) {
                    holders.add(task);
                }
                holders.sort(byStart);
                orders.add(holders);
            }
        }
        for (var order : orders) {
            for (int i = 0; i + 1 < order.size(); i++) {
                next.get(order.get(i)).add(order.get(i + 1));
            }
        }
        return next;
    }
}
