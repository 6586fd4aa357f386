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
 * <li>a <b>genetic search over priority lists</b>, each turned into a schedule by serial generation with insertion and
 * justified as above: a {@link Population} of such schedules, each kept with the list it was built from; a child
 * list takes the front of one parent's list, the next stretch in the other parent's order, and the rest in the first
 * one's ({@link ActivityList#crossed}); {@value #MUTATION_PERCENT} % of the children also get a few tasks moved
 * ({@link ActivityList#shaken}). While the population grows, fresh lists are drawn around "longest chain of work
 * ahead first". Measured against the biased random sampling and the iterated local search it replaced: shorter
 * schedules on the thousand-task plans with and without shared limits, the same elsewhere (BENCHMARKS.md,
 * 2026-12-05); crossing two good lists keeps what each got right in its own part of the plan, which neither a fresh
 * list nor a few moves in one list do.</li>
 * </ul>
 * While the best schedule still ends outside an agent's window, fresh lists put first the tasks whose able agents
 * leave early ({@link ActivityList#drawn}) and half of a mutation's moves bring a late task, or one it waits for,
 * forward; once it is inside every window, on plans with shared limits, half of them bring forward a task of the best
 * schedule's critical chain ({@link #focus}). It stops at the deadline or when asked (a generation pass is abandoned
 * there), or at once when it reaches the lower bound. With a spare core, a second island of the genetic search runs
 * beside it (the {@code improve} that is given {@code spareCore}; {@link SecondIsland}): on the constrained 1,000-
 * and 3,000-task plans, one at a time, a mean gap to the optimum of 4.08 % and 4.37 % in two runs against 4.48 % and
 * 4.58 % with one island (BENCHMARKS.md, 2026-12-06, seventh session).
 */
public final class ScheduleSearch {

    /** The share of children that also get a few tasks moved, in percent. */
    private static final int MUTATION_PERCENT = 30;
    /** At most this many tasks are moved in a mutation. */
    private static final int MAX_MOVES = 3;
    /**
     * How much a slower agent's extra time weighs in serial generation (see {@link InsertionScheduler}): fixed, so that
     * a list gives the same schedule whenever it is built, which crossing lists relies on.
     */
    private static final double SLOWNESS = 4;
    /**
     * The second island's seed is the search's plus this times its start (1, 2, …; see {@link #improve}): its own
     * random draws, new ones each time it starts again.
     */
    private static final long HELPER_SEED = 0x9E3779B97F4A7C15L;

    private final Instance instance;
    private final Random random;
    private final ActivityList lists;

    /**
     * A schedule and the priority list serial generation built it from (before its left shift). The genetic search
     * crosses and moves tasks in that list, not in the schedule's tasks by start: generated again, those need not give
     * the schedule back (each task goes to the agent where it ends first, which need not be its agent; on a 1,000-task
     * plan with windows they gave a schedule 4,060 ticks further outside the windows).
     */
    record Built(Schedule schedule, int[] list) {
    }

    ScheduleSearch(Instance instance, Paths paths, long seed, long lowerBound) {
        this.instance = instance;
        this.random = new Random(seed);
        this.lists = new ActivityList(instance, paths, random, lowerBound);
    }

    /**
     * The best schedule found from {@code start} before {@code deadline} (System.nanoTime()) or until
     * {@code stopped} says so; never worse than {@code start}.
     */
    public static Schedule improve(Instance instance, Paths paths, Schedule start, long lowerBound, long deadline,
            BooleanSupplier stopped, long seed, Consumer<Schedule> onImprovement) {
        return new ScheduleSearch(instance, paths, seed, lowerBound)
                .run(start.leftShifted(), lowerBound, deadline, stopped, onImprovement, SecondIsland.Exchange.none());
    }

    /**
     * As {@link #improve(Instance, Paths, Schedule, long, long, BooleanSupplier, long, Consumer)}, with a second island
     * of the genetic search on a thread of its own while {@code spareCore} says a core is free: each island breeds its
     * own population from its own random draws and hands every new best schedule to the other, which takes it in
     * between two children (a migration of the best). The second island stops once {@code spareCore} says no (another
     * solve has started), when this one ends, or when {@code stopped} says so; once a core is spare again (the other
     * solve has ended) it starts again from the best so far ({@link SecondIsland}). Only this thread reports
     * improvements, the other island's included once it has taken them in.
     */
    public static Schedule improve(Instance instance, Paths paths, Schedule start, long lowerBound, long deadline,
            BooleanSupplier stopped, long seed, Consumer<Schedule> onImprovement, BooleanSupplier spareCore) {
        var island = new SecondIsland(spareCore, stopped, (best, islandStopped, run, exchange) -> new ScheduleSearch(
                instance, paths, seed + HELPER_SEED * run, lowerBound).run(best, lowerBound, deadline, islandStopped,
                        schedule -> {
                        }, exchange));
        try {
            return new ScheduleSearch(instance, paths, seed, lowerBound)
                    .run(start.leftShifted(), lowerBound, deadline, stopped, onImprovement, island.first());
        } finally {
            island.end();
        }
    }

    /** Forward-backward passes on {@code schedule} until they stop helping or the deadline; never longer. */
    public static Schedule justify(Instance instance, Paths paths, Schedule schedule, long deadline) {
        return new ScheduleSearch(instance, paths, 0, 0).justify(schedule, null, deadline, () -> false).schedule();
    }

    /**
     * Reports every improvement as it is found, so that a long search can be watched and its progress saved. The best
     * schedules go to and come from the other island through {@code island} ({@link SecondIsland.Exchange}; none there
     * is when the search runs alone), which between two children also starts the other island if it should run.
     */
    private Schedule run(Schedule start, long lowerBound, long deadline, BooleanSupplier stopped,
            Consumer<Schedule> onImprovement, SecondIsland.Exchange island) {
        long began = System.nanoTime();
        island.keepUp().accept(start); // at once: on a large plan the first justification alone takes seconds
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
        var population = new Population(random, began, deadline);
        population.add(best);
        var focus = focus(best.schedule());
        while ((best.schedule().makespan() > lowerBound || best.schedule().windowOverrun() > 0)
                && System.nanoTime() < deadline && !stopped.getAsBoolean()) {
            island.keepUp().accept(best.schedule());
            var arrived = island.inbox().take();
            if (arrived != null) {
                population.immigrate(arrived);
                if (arrived.schedule().isBetterThan(best.schedule())) {
                    best = arrived;
                    focus = focus(best.schedule());
                    onImprovement.accept(best.schedule());
                }
            }
            boolean grow = population.wantsMore();
            var tried = generate(grow ? lists.drawn(best.schedule().windowOverrun() > 0) : child(population, focus),
                    deadline, stopped);
            if (tried == null) {
                break; // the deadline passed, or the search was stopped, while it was being built
            }
            if (grow) {
                population.add(tried);
            } else {
                population.offer(tried);
            }
            if (tried.schedule().isBetterThan(best.schedule())) {
                best = tried;
                focus = focus(best.schedule());
                onImprovement.accept(best.schedule());
                island.outbox().post(best);
            }
        }
        var arrived = island.inbox().take();
        if (arrived != null && arrived.schedule().isBetterThan(best.schedule())) {
            best = arrived; // found by the other island since this one last looked
            onImprovement.accept(best.schedule());
        }
        return best.schedule();
    }

    /** Two parents' lists crossed, and now and then a few tasks moved (half of them from {@code focus}, forward). */
    private int[] child(Population population, int[] focus) {
        var child = lists.crossed(population.parent(), population.parent());
        return random.nextInt(100) < MUTATION_PERCENT ? lists.shaken(child, focus, 1 + random.nextInt(MAX_MOVES))
                : child;
    }

    /**
     * The tasks a mutation brings forward: while {@code schedule} ends outside a window, the tasks that end after
     * their agent's window has closed; otherwise, on plans with shared limits, the tasks of its critical chain (the
     * waits that set its makespan, {@link StartReasons#criticalChain}); otherwise none. With shared limits the chain
     * names the tasks whose order across agents matters: a task waiting for an area, a resource or a cap another one
     * took first, placed earlier in the list, takes it first. On the constrained plans that gave shorter schedules
     * (200 tasks: 2,290 against 2,318 hours summed over twelve runs); on plans without shared limits, where the chain
     * is mostly one agent's own sequence, it did not (BENCHMARKS.md, 2026-12-06).
     */
    int[] focus(Schedule schedule) {
        if (schedule.windowOverrun() > 0) {
            return IntStream.range(0, instance.taskCount()).filter(task -> schedule.overrun(task) > 0).toArray();
        }
        if (!instance.limits().any()) {
            return new int[0];
        }
        return StartReasons.of(schedule).criticalChain().stream().mapToInt(StartReasons.Reason::task)
                .filter(task -> !instance.isMilestone(task)).toArray();
    }

    /** The list as a schedule, justified; null if the deadline passed or the search was stopped before it was done. */
    Built generate(int[] list, long deadline, BooleanSupplier stopped) {
        var schedule = generated(list, deadline, stopped);
        return schedule == null ? null : justify(schedule, list, deadline, stopped);
    }

    /** The list as a schedule, by serial generation alone; null if the deadline passed or the search stopped first. */
    Schedule generated(int[] list, long deadline, BooleanSupplier stopped) {
        return new InsertionScheduler(instance, false, SLOWNESS).schedule(list, deadline, stopped);
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
            var late = new InsertionScheduler(instance, true, SLOWNESS).schedule(lists.byEndDescending(best), deadline,
                    stopped);
            var earlyList = late == null ? null : lists.byStart(late);
            var early = late == null ? null
                    : new InsertionScheduler(instance, false, SLOWNESS).schedule(earlyList, deadline, stopped);
            if (early == null) {
                break; // the deadline passed, or the search was stopped, during the pass
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
