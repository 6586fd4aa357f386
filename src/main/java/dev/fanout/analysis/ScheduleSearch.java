package dev.fanout.analysis;

import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Improves a schedule without the solver, fast enough for 10,000-task plans:
 * <ul>
 * <li><b>forward-backward improvement</b> (double justification): schedule every task as late as possible in
 * decreasing order of its end, then as early as possible in increasing order of that late start, each pass free to
 * move tasks to other able agents and into idle gaps; repeated while the makespan shrinks;</li>
 * <li><b>priority lists</b> turned into schedules by serial generation with insertion and justified as above: on a
 * plan with shared limits (areas, resources, caps), an <b>iterated local search</b> that moves a few tasks of the
 * list the current schedule was built from ({@link ActivityList#shaken}; see {@link Built}) and keeps the result when
 * no worse, so it also drifts across plateaus of equal makespan, starting again from a fresh list after {@value #RESTART_AFTER} tries without a better
 * schedule; on other plans, <b>biased random sampling</b>, a fresh list drawn around "longest chain of work ahead
 * first" at every try. Each was measured better on its own kind of plan (BENCHMARKS.md): the shared limits make a
 * good list's neighbours good, and without them sampling's spread finds more.</li>
 * </ul>
 * A fresh list also draws how much a slower agent's extra time weighs (see {@link InsertionScheduler}). While the best
 * schedule still ends outside an agent's window, fresh lists put first the tasks whose able agents leave early
 * ({@link ActivityList#drawn}) and half of the moves bring a late task, or one it waits for, forward. It stops at the
 * deadline (a generation pass is abandoned there), or at once when it reaches the lower bound.
 */
public final class ScheduleSearch {

    /** Tries without a better schedule before the local search starts again from a fresh list. */
    static final int RESTART_AFTER = 1_000;
    /** At most this many tasks are moved in a list per try. */
    private static final int MAX_MOVES = 8;
    /** The weights a restart draws from for a slower agent's extra time; the first one is where the search starts. */
    private static final double[] SLOWNESS = { 4, 0, 1, 2, 16 };

    private final Instance instance;
    private final Random random;
    private final ActivityList lists;
    /** Tries without a better schedule before a fresh list: 0 for sampling, a fresh list every time. */
    private final int restartAfter;
    private double slowness = SLOWNESS[0];

    /**
     * A schedule and the priority list serial generation built it from (before its left shift). The local search moves
     * tasks in that list, not in the schedule's tasks by start: generated again, those need not give the schedule back
     * (each task goes to the agent where it ends first, which need not be its agent; on a 1,000-task plan with windows
     * they gave a schedule 4,060 ticks further outside the windows), and every try would start from something worse.
     */
    record Built(Schedule schedule, int[] list) {
    }

    ScheduleSearch(Instance instance, Paths paths, long seed, long lowerBound) {
        this.instance = instance;
        this.random = new Random(seed);
        this.lists = new ActivityList(instance, paths, random, lowerBound);
        this.restartAfter = instance.limits().any() ? RESTART_AFTER : 0;
    }

    /**
     * The best schedule found from {@code start} before {@code deadline} (System.nanoTime()) or until
     * {@code stopped} says so; never worse than {@code start}.
     */
    public static Schedule improve(Instance instance, Paths paths, Schedule start, long lowerBound, long deadline,
            BooleanSupplier stopped, long seed, Consumer<Schedule> onImprovement) {
        return new ScheduleSearch(instance, paths, seed, lowerBound)
                .run(start.leftShifted(), lowerBound, deadline, stopped, onImprovement);
    }

    /** Forward-backward passes on {@code schedule} until they stop helping or the deadline; never longer. */
    public static Schedule justify(Instance instance, Paths paths, Schedule schedule, long deadline) {
        return new ScheduleSearch(instance, paths, 0, 0).justify(schedule, null, deadline, () -> false).schedule();
    }

    /** Reports every improvement as it is found, so that a long search can be watched and its progress saved. */
    private Schedule run(Schedule start, long lowerBound, long deadline, BooleanSupplier stopped,
            Consumer<Schedule> onImprovement) {
        var best = justify(start, null, deadline, stopped);
        if (best.schedule().windowOverrun() > 0) {
            // The start (a baseline) ends outside a window: the urgency rule, which puts first the tasks whose able
            // agents leave early, is the likelier way back inside.
            var urgent = generate(lists.urgentFirst(), deadline, stopped);
            if (urgent != null && urgent.schedule().isBetterThan(best.schedule())) {
                best = urgent;
            }
        }
        if (best.schedule().isBetterThan(start)) {
            onImprovement.accept(best.schedule());
        }
        var current = best;
        var currentLate = lateTasks(current.schedule());
        int triesSinceBetter = 0;
        while ((best.schedule().makespan() > lowerBound || best.schedule().windowOverrun() > 0)
                && System.nanoTime() < deadline && !stopped.getAsBoolean()) {
            boolean restart = triesSinceBetter >= restartAfter;
            if (restart) {
                slowness = SLOWNESS[random.nextInt(SLOWNESS.length)];
            }
            var tried = generate(restart ? lists.drawn(best.schedule().windowOverrun() > 0)
                    : lists.shaken(current.list(), currentLate, 1 + random.nextInt(MAX_MOVES)), deadline, stopped);
            if (tried == null) {
                break; // the deadline passed while it was being built
            }
            if (restart) {
                current = tried;
                triesSinceBetter = 0;
            } else {
                triesSinceBetter = tried.schedule().isBetterThan(current.schedule()) ? 0 : triesSinceBetter + 1;
                if (!current.schedule().isBetterThan(tried.schedule())) {
                    current = tried;
                }
            }
            if (current == tried && restartAfter > 0) {
                currentLate = lateTasks(current.schedule());
            }
            if (tried.schedule().isBetterThan(best.schedule())) {
                best = tried;
                onImprovement.accept(best.schedule());
            }
        }
        return best.schedule();
    }

    /** The tasks that end after their agent's window has closed. */
    private int[] lateTasks(Schedule schedule) {
        if (schedule.windowOverrun() == 0) {
            return new int[0];
        }
        return IntStream.range(0, instance.taskCount()).filter(task -> schedule.overrun(task) > 0).toArray();
    }

    /** The list as a schedule, justified; null if the deadline passed before it was built. */
    Built generate(int[] list, long deadline, BooleanSupplier stopped) {
        var schedule = generated(list, deadline);
        return schedule == null ? null : justify(schedule, list, deadline, stopped);
    }

    /** The list as a schedule, by serial generation alone; null if the deadline passed before it was built. */
    Schedule generated(int[] list, long deadline) {
        return new InsertionScheduler(instance, false, slowness).schedule(list, deadline);
    }

    /**
     * Forward-backward passes until they stop helping or the deadline passes; the result is never worse than the input
     * (never further out of the agents' windows, never longer when as far). {@code list} is the one the input was
     * generated from; null when there is none (then the input's tasks by start stand for it).
     */
    Built justify(Schedule schedule, int[] list, long deadline, BooleanSupplier stopped) {
        var best = schedule.leftShifted();
        var bestList = list;
        while (System.nanoTime() < deadline && !stopped.getAsBoolean()) {
            var late = new InsertionScheduler(instance, true, slowness).schedule(lists.byEndDescending(best), deadline);
            var earlyList = late == null ? null : lists.byStart(late);
            var early = late == null ? null : new InsertionScheduler(instance, false, slowness).schedule(earlyList, deadline);
            if (early == null) {
                break; // the deadline passed during the pass
            }
            early = early.leftShifted();
            if (!early.isBetterThan(best)) {
                break;
            }
            best = early;
            bestList = earlyList;
        }
        return new Built(best, bestList != null ? bestList : lists.byStart(best));
    }
}
