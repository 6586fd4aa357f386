package dev.fanout.analysis;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Improves a schedule without the solver, fast enough for 10,000-task plans:
 * <ul>
 * <li><b>forward-backward improvement</b> (double justification): schedule every task as late as possible in
 * decreasing order of its end, then as early as possible in increasing order of that late start, each pass free to
 * move tasks to other able agents and into idle gaps; repeated while the makespan shrinks;</li>
 * <li><b>biased random sampling</b>: priority lists drawn around "longest chain of work ahead first", each turned
 * into a schedule with insertion and justified as above.</li>
 * </ul>
 * It stops at the deadline, or at once when it reaches the lower bound.
 */
public final class ScheduleSearch {

    /** How far a sampled priority may stray from the critical-path rule: ±30 %. */
    private static final double NOISE = 0.3;

    private final Instance instance;
    private final Paths paths;
    private final int[] topologicalRank;
    private final Random random;

    private ScheduleSearch(Instance instance, Paths paths, long seed) {
        this.instance = instance;
        this.paths = paths;
        this.random = new Random(seed);
        topologicalRank = new int[instance.taskCount()];
        var order = instance.topologicalOrder();
        for (int i = 0; i < order.length; i++) {
            topologicalRank[order[i]] = i;
        }
    }

    /**
     * The best schedule found from {@code start} before {@code deadline} (System.nanoTime()) or until
     * {@code stopped} says so; never worse than {@code start}.
     */
    public static Schedule improve(Instance instance, Paths paths, Schedule start, long lowerBound, long deadline,
            BooleanSupplier stopped, long seed, Consumer<Schedule> onImprovement) {
        return new ScheduleSearch(instance, paths, seed).run(start.leftShifted(), lowerBound, deadline, stopped, onImprovement);
    }

    /** Forward-backward passes on {@code schedule} until they stop helping or the deadline; never longer. */
    public static Schedule justify(Instance instance, Paths paths, Schedule schedule, long deadline) {
        return new ScheduleSearch(instance, paths, 0).justify(schedule, deadline, () -> false);
    }

    /** Reports every improvement as it is found, so that a long search can be watched and its progress saved. */
    private Schedule run(Schedule start, long lowerBound, long deadline, BooleanSupplier stopped,
            Consumer<Schedule> onImprovement) {
        var best = justify(start, deadline, stopped);
        if (best.isBetterThan(start)) {
            onImprovement.accept(best);
        }
        while ((best.makespan() > lowerBound || best.windowOverrun() > 0) && System.nanoTime() < deadline
                && !stopped.getAsBoolean()) {
            var sampled = justify(new InsertionScheduler(instance, false).schedule(sampledOrder()), deadline, stopped);
            if (sampled.isBetterThan(best)) {
                best = sampled;
                onImprovement.accept(best);
            }
        }
        return best;
    }

    /**
     * Forward-backward passes until they stop helping; the result is never worse than the input (never further out of
     * the agents' windows, never longer when as far).
     */
    Schedule justify(Schedule schedule, long deadline, BooleanSupplier stopped) {
        var best = schedule.leftShifted();
        while (System.nanoTime() < deadline && !stopped.getAsBoolean()) {
            var late = new InsertionScheduler(instance, true).schedule(byEndDescending(best));
            var early = new InsertionScheduler(instance, false).schedule(byStartAscending(late)).leftShifted();
            if (!early.isBetterThan(best)) {
                return best;
            }
            best = early;
        }
        return best;
    }

    /** Latest end first; on a tie, later in topological order first (a zero-length successor ends with its task). */
    private int[] byEndDescending(Schedule schedule) {
        return sorted(Comparator.<Integer>comparingLong(t -> -schedule.end(t)).thenComparingInt(t -> -topologicalRank[t]));
    }

    private int[] byStartAscending(Schedule schedule) {
        return sorted(Comparator.<Integer>comparingLong(schedule::start).thenComparingInt(t -> topologicalRank[t]));
    }

    private int[] sorted(Comparator<Integer> order) {
        var tasks = new Integer[instance.taskCount()];
        Arrays.setAll(tasks, i -> i);
        Arrays.sort(tasks, order);
        return Arrays.stream(tasks).mapToInt(Integer::intValue).toArray();
    }

    /** A priority list: always a ready task, the one with the most work ahead of it, give or take the noise. */
    private int[] sampledOrder() {
        int n = instance.taskCount();
        var priority = new double[n];
        for (int task = 0; task < n; task++) {
            double base = instance.duration(task) + paths.tail(task) + 1;
            priority[task] = base * (1 - NOISE + 2 * NOISE * random.nextDouble());
        }
        return TopologicalOrder.byDependencies(instance,
                Comparator.<Integer>comparingDouble(t -> -priority[t]).thenComparingInt(t -> t));
    }
}
