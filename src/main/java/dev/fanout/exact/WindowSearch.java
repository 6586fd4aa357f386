package dev.fanout.exact;

import java.time.Duration;
import java.util.BitSet;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import dev.fanout.analysis.Instance;
import dev.fanout.analysis.LatestEnds;
import dev.fanout.analysis.Schedule;
import dev.fanout.analysis.ScheduleCheck;
import dev.fanout.analysis.SharedLimits;

/**
 * Large-neighbourhood search with CP-SAT: again and again, the tasks that the current schedule starts in a window of
 * time, and every task of the plan's tightest one-unit limit (its bottleneck), go back to CP-SAT free, every other task
 * held on its agent in its order ({@link Neighbourhood}), and CP-SAT places them anew, never later than before. Where
 * CP-SAT on the whole plan gets nowhere (a few hundred tasks under shared limits), such a neighbourhood it often closes
 * in a fraction of a second. CP-SAT minimizes the makespan first and then, on plans without areas, resources or caps,
 * how far the tasks end past their latest ends for a schedule one tick shorter that keeps the current one's orders
 * ({@link LatestEnds}): a window that cannot shorten the schedule still takes tasks off the chains that end last, and
 * what it hands back, as short as the current schedule and nearer to a shorter one, becomes the current one. With the
 * makespan alone, such a window mostly handed its hint back (1–3 windows of 24–30 moved on the hardest d36 plans);
 * with the sum of ends second the walk stopped where that sum was least (BENCHMARKS.md, "The whole time left to the
 * exact stage"); with the lateness, d36 200_40_45_9 and 200_40_133_15 reach their bounds (BENCHMARKS.md, "Windows that
 * shorten the chains that end last"). The window grows while CP-SAT closes its neighbourhoods and shrinks when it runs
 * out of time. Measured in BENCHMARKS.md ("CP-SAT over windows of the schedule").
 */
public final class WindowSearch {

    /** The fewest and the most tasks in a window, and the first size tried. */
    static final int MIN_SIZE = 8;
    static final int MAX_SIZE = 400;
    static final int FIRST_SIZE = 30;
    /** The most time one neighbourhood gets. */
    static final Duration STEP_TIME = Duration.ofSeconds(2);
    /** CP-SAT's threads per neighbourhood: its portfolio of two, not its own neighbourhood workers. */
    static final int WORKERS = 2;

    private WindowSearch() {
    }

    /**
     * Where the windows of a large plan start: among the last this share of the schedule's tasks (in the order of their
     * starts). On a plan of 1,000 tasks a window holds a few hours of a 200-hour schedule, and what a window early in it
     * gains seldom reaches the end, where a window late in it is the end: tight 1,000 × 50, 60 s: 201, 201, 202 with
     * the windows there against 202, 202, 202 with windows anywhere (a probe, the same shares for both). On d36
     * (100–200 tasks) windows anywhere are better (BENCHMARKS.md, "CP-SAT over windows of large plans").
     */
    public static final double LARGE_PLAN_TAIL = 0.3;

    /**
     * The better of {@code best} and what the windows find before {@code deadline} (System.nanoTime()), each better
     * schedule, checked, handed to {@code improvedTo}; it stops early when {@code stopped} says so. Each window starts
     * among the last {@code tail} of the schedule's tasks (1: anywhere).
     */
    public static Schedule improve(Instance instance, Schedule best, long deadline, long seed, double tail,
            BooleanSupplier stopped, Consumer<Schedule> improvedTo) {
        var random = new Random(seed);
        var bottleneck = bottleneck(instance);
        // Not under shared limits: a cap of several tasks keeps no order, so the latest ends miss what binds there, and
        // on the constrained 200-task plans the lateness gained nothing (BENCHMARKS.md, "Windows that shorten the
        // chains that end last").
        boolean lateness = !instance.limits().any();
        int n = instance.taskCount();
        int size = Math.min(n, FIRST_SIZE);
        var current = best;
        long left;
        long least = Duration.ofMillis(CpSatSearch.CHECK_MILLIS).toNanos();
        while (!stopped.getAsBoolean() && (left = deadline - System.nanoTime()) > least) {
            int earliest = (int) Math.round((n - size) * (1 - tail));
            int first = earliest + random.nextInt(n - size - earliest + 1);
            var neighbourhood = Neighbourhood.window(current, first, size, bottleneck);
            var time = Duration.ofNanos(Math.min(left, STEP_TIME.toNanos()));
            // Past the makespan, the window is asked how far its tasks end past the latest ends of a schedule one tick
            // shorter, the current orders kept: one that cannot shorten the schedule still moves it that way.
            var latestEnd = lateness ? LatestEnds.of(current, current.makespan() - 1) : null;
            var outcome = CpSatSearch.improve(instance, neighbourhood, latestEnd, time, WORKERS, stopped);
            var found = outcome.schedule();
            if (found != null && !current.isBetterThan(found) && ScheduleCheck.isValid(found)) {
                current = found;
                if (found.isBetterThan(best)) {
                    best = found;
                    improvedTo.accept(found);
                }
            }
            if (outcome.provenOptimal() && neighbourhood.free().cardinality() == n) {
                break; // CP-SAT closed the whole plan: nothing shorter exists
            }
            int step = Math.max(1, size / 10);
            size = outcome.provenOptimal() ? Math.min(Math.min(n, MAX_SIZE), size + step)
                    : Math.max(Math.min(n, MIN_SIZE), size - step);
        }
        return best;
    }

    /**
     * The tasks that hold the one-unit limit (a resource of one unit or an area) with the most work, each task at its
     * fastest: the limit that the schedule's end most likely waits for. None on a plan without one.
     */
    static BitSet bottleneck(Instance instance) {
        var limits = instance.limits();
        int tightest = -1;
        long mostWork = 0;
        for (int l = 0; l < limits.limits().size(); l++) {
            var kind = limits.limit(l).kind();
            if (limits.limit(l).capacity() != 1 || (kind != SharedLimits.Kind.AREA && kind != SharedLimits.Kind.RESOURCE)) {
                continue;
            }
            long work = 0;
            for (int t : limits.holdersOf(l)) {
                work += instance.fastestDuration(t);
            }
            if (tightest < 0 || work > mostWork) {
                tightest = l;
                mostWork = work;
            }
        }
        var holders = new BitSet();
        if (tightest >= 0) {
            for (int t : limits.holdersOf(tightest)) {
                holders.set(t);
            }
        }
        return holders;
    }
}
