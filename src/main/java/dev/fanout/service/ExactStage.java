package dev.fanout.service;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import dev.fanout.analysis.Instance;
import dev.fanout.analysis.PlanAnalysis;
import dev.fanout.analysis.Schedule;
import dev.fanout.analysis.ScheduleCheck;
import dev.fanout.exact.CpSatSearch;
import dev.fanout.exact.WindowSearch;

/**
 * The exact stage of a solve: CP-SAT after the heuristic search, on plans small enough for it, first reaching for the
 * lower bound, then re-placing windows of the best schedule. On small plans with no slack it finds in a second what the
 * heuristics and Timefold miss in ten (BENCHMARKS.md); on plans too wide for a target to be met the windows, drawn
 * anywhere, take the whole stage ({@link #TARGETS_MAX_OPTIONS}). Larger plans without shared limits get the windows
 * alone, near the schedule's end, where a target model of the whole plan is out of CP-SAT's reach but a window is not.
 * Every schedule it reports is checked like any other first; "proven optimal" stays the lower bound's to say.
 *
 * @param maxTasks plans of up to this many tasks get the stage; 0: never
 * @param windowsMaxTasks larger plans of up to this many tasks, without areas, resources or caps, get its windows
 *        alone; at most {@code maxTasks}: none
 * @param share the share of the time left that it may take
 * @param workers CP-SAT's threads for the targets (the windows run their own)
 * @param targetShare the share of the stage's time spent reaching for the lower bound first ({@link #improve})
 * @param heuristicShare the share of the whole budget the heuristic search takes before the stage, on the plans that
 *        get it and have no shared limits
 */
public record ExactStage(int maxTasks, int windowsMaxTasks, double share, int workers, double targetShare,
        double heuristicShare) {

    private static final Logger LOG = Logger.getLogger(ExactStage.class);

    /**
     * On plans with areas, resources or caps, the share of the time left that the stage takes (all of it: Timefold's
     * moves re-time the whole plan there) and the share of the stage spent reaching for the bound, where CP-SAT seldom
     * meets a target. Constrained 200-task plans: mean gap 4.1 % against 5.25 % with the shares before (BENCHMARKS.md,
     * "CP-SAT over windows of the schedule").
     */
    static final double SHARED_LIMITS_SHARE = 1.0;
    static final double SHARED_LIMITS_TARGET_SHARE = 0.2;

    /**
     * On plans that get the windows alone, the share of the time left that they take: all of it. Timefold's moves
     * re-time long chains at that size (about 500 a second at 1,000 tasks) and found nothing in the runs where they
     * had the last tenth (BENCHMARKS.md, "CP-SAT over windows of large plans").
     */
    static final double WINDOWS_ALONE_SHARE = 1.0;

    /**
     * Plans with more task-agent options than this (the able agents of every task, summed: the size of a target
     * model's assignment) get no targets; the windows take the whole stage. On d36 every target met was on a plan of at
     * most 904 options, and every target on a plan of 1,045 or more was left open for its whole time (the tight plans
     * have 84–754, the seed plans at most 154): d36 one at a time 0.11–0.17 % with none above 1.5 % in four runs of six,
     * against 0.14–0.17 % with one or two above in both runs of the code before, the same hour (BENCHMARKS.md,
     * "Targets only where they can be met").
     */
    static final int TARGETS_MAX_OPTIONS = 1_000;

    /** No exact stage. */
    public static final ExactStage OFF = new ExactStage(0, 0, 0, 1, 0, 0);

    public boolean appliesTo(Instance instance) {
        return (instance.taskCount() <= maxTasks || windowsAlone(instance)) && share > 0 && CpSatSearch.isAvailable();
    }

    /** A plan too large for the targets that gets the windows: above {@code maxTasks}, no shared limits. */
    private boolean windowsAlone(Instance instance) {
        return instance.taskCount() > maxTasks && instance.taskCount() <= windowsMaxTasks && !instance.limits().any();
    }

    /**
     * The better of {@code best} and what CP-SAT finds from it before {@code deadline} (System.nanoTime()); each
     * better valid schedule goes to {@code improvedTo} as it is found. First, for up to {@code targetShare} of the
     * stage's time, it looks for a schedule that ends at the lower bound, and only once CP-SAT has proved that none
     * does, one step ({@link #makespanStep}) later, and so on up to one step before the best so far, each target with
     * all the time left: with the makespan held that low, propagation alone places much of a tight plan, and on the
     * iMOPSE plans this finds in seconds the optimum that the minimization from the heuristic's schedule does not find
     * in the whole budget (sharing the time between the lowest three open targets, as before, left a tight 100-task
     * plan a step short in two runs of three). Then, for the rest of the stage's time, CP-SAT re-places windows of the
     * best schedule ({@link WindowSearch}): on the iMOPSE plans and the constrained ones it finds shorter schedules
     * than CP-SAT minimizing over the whole plan from the best (BENCHMARKS.md, "CP-SAT over windows of the schedule").
     * A plan above {@code maxTasks} gets the windows alone, for all of the time left, each window near the schedule's
     * end ({@link WindowSearch#LARGE_PLAN_TAIL}).
     */
    Schedule improve(PlanAnalysis analysis, Schedule best, long deadline, BooleanSupplier stopped,
            Consumer<Schedule> improvedTo) {
        var kept = new AtomicReference<>(best);
        Consumer<Schedule> onSolution = found -> {
            synchronized (kept) {
                if (found.isBetterThan(kept.get()) && ScheduleCheck.isValid(found)) {
                    kept.set(found);
                    improvedTo.accept(found);
                }
            }
        };
        // Plans with areas, resources or caps: the stage takes all of the time left and reaches for the bound for less
        // of it; CP-SAT over the whole plan seldom meets a target there, over windows it gains (BENCHMARKS.md).
        boolean limited = analysis.instance().limits().any();
        boolean windowsAlone = windowsAlone(analysis.instance());
        long stageStart = System.nanoTime();
        double stageShare = windowsAlone ? WINDOWS_ALONE_SHARE : limited ? SHARED_LIMITS_SHARE : share;
        long stageEnd = stageStart + Math.round((deadline - stageStart) * stageShare);
        BooleanSupplier done = () -> stopped.getAsBoolean() || analysis.isProvenOptimal(kept.get());
        if (!windowsAlone) {
            long reachUntil = stageStart + Math.round((stageEnd - stageStart) * targetShareOf(analysis.instance()));
            reachForTheBound(analysis, reachUntil, done, onSolution, kept);
        }
        if (!done.getAsBoolean() && System.nanoTime() < stageEnd) {
            WindowSearch.improve(analysis.instance(), kept.get(), stageEnd, 0, windowsAlone ? WindowSearch.LARGE_PLAN_TAIL : 1,
                    done, onSolution);
        }
        return kept.get();
    }

    /**
     * The share of the stage spent reaching for the bound on {@code instance}: {@code targetShare}, less on plans with
     * shared limits, none on plans whose target model is too large to be met ({@link #TARGETS_MAX_OPTIONS}).
     */
    double targetShareOf(Instance instance) {
        if (instance.limits().any()) {
            return SHARED_LIMITS_TARGET_SHARE;
        }
        return taskAgentOptions(instance) > TARGETS_MAX_OPTIONS ? 0 : targetShare;
    }

    /**
     * Targets from the lower bound up by {@link #makespanStep}, the next one only when CP-SAT has refuted the last, until
     * one is met, one runs out of time, the best is reached or {@code until} (System.nanoTime()).
     */
    private void reachForTheBound(PlanAnalysis analysis, long until, BooleanSupplier done, Consumer<Schedule> onSolution,
            AtomicReference<Schedule> kept) {
        long step = makespanStep(analysis.instance());
        for (long target = ceilToStep(analysis.lowerBound(), step); target < kept.get().makespan() && !done.getAsBoolean();
                target += step) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                return;
            }
            long reached = target;
            var outcome = CpSatSearch.reach(analysis.instance(), target, Duration.ofNanos(left), workers,
                    () -> done.getAsBoolean() || kept.get().makespan() <= reached, onSolution);
            if (outcome.schedule() != null) {
                onSolution.accept(outcome.schedule());
            }
            if (kept.get().makespan() <= target || !outcome.refuted()) {
                return; // met; or out of time with the target still open
            }
            LOG.debugf("exact stage, plan '%s': nothing ends by %d (%s)", analysis.instance().plan().name(), target,
                    outcome.refuted() ? "none can" : outcome.status());
        }
    }

    /**
     * The step between the makespans worth a target: in a schedule whose tasks are shifted as early as they go (an
     * optimal one among them), every start is 0, a window's opening or the end of another task, so every end is a
     * multiple of the greatest common divisor of the durations and the openings, in ticks. On a plan in days with
     * durations in half days and ticks of 0.05 days, it is 10 ticks, and the targets go by half days.
     */
    static long makespanStep(Instance instance) {
        long step = 0;
        for (int t = 0; t < instance.taskCount(); t++) {
            var eligible = instance.eligibleAgents(t);
            for (int a = eligible.nextSetBit(0); a >= 0; a = eligible.nextSetBit(a + 1)) {
                step = gcd(step, instance.duration(t, a));
            }
        }
        for (int a = 0; a < instance.agentCount(); a++) {
            step = gcd(step, instance.availableFrom(a));
        }
        return Math.max(1, step);
    }

    /** The able agents of every task, summed: the size of a target model's assignment. */
    static long taskAgentOptions(Instance instance) {
        long options = 0;
        for (int t = 0; t < instance.taskCount(); t++) {
            options += instance.eligibleAgents(t).cardinality();
        }
        return options;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static long ceilToStep(long value, long step) {
        return Math.ceilDiv(value, step) * step;
    }
}
