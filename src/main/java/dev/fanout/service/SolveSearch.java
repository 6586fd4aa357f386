package dev.fanout.service;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.config.solver.termination.DiminishedReturnsTerminationConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import dev.fanout.analysis.PlanAnalysis;
import dev.fanout.analysis.Schedule;
import dev.fanout.analysis.ScheduleCheck;
import dev.fanout.analysis.ScheduleSearch;
import dev.fanout.config.FanoutConfig;
import dev.fanout.solver.ScheduleSolution;
import dev.fanout.solver.SolutionMapper;

/**
 * The search itself, on the calling thread: from a valid schedule, a share of the time budget in
 * {@link ScheduleSearch} (forward-backward improvement and a genetic search over priority lists; fast on very large
 * plans), on plans of up to a few thousand tasks a share of the rest in the exact stage ({@link ExactStage}: CP-SAT),
 * the rest in the Timefold solver, and a last justification pass on the solver's best. It stops at the time limit, as
 * soon as the makespan reaches the lower bound (nothing better exists), when improvement dries up in Timefold's stage,
 * or when asked to. Whatever happens, the outcome holds a valid schedule no longer than the one it started from.
 * Threads, queueing and metrics are {@link SolveRunner}'s, {@link SolveAdmission}'s and {@link SolveMetrics}'.
 */
@ApplicationScoped
public class SolveSearch {

    private static final Logger LOG = Logger.getLogger(SolveSearch.class);

    private final SolverManager<ScheduleSolution> solverManager;
    private final double heuristicShare;
    private final double heuristicShareLarge;
    private final ExactStage exactStage;
    private final boolean secondIsland;
    /** Searches running now, through this object (the service's solves, one-shot solves and scenarios alike). */
    private final AtomicInteger running = new AtomicInteger();
    /** Read once: the second island asks whether a core is free every 256 placements. */
    private final int cores = Runtime.getRuntime().availableProcessors();

    @Inject
    public SolveSearch(SolverManager<ScheduleSolution> solverManager, FanoutConfig config) {
        this(solverManager, config.solve().heuristicShare(), config.solve().heuristicShareLarge(),
                config.solve().secondIsland(),
                new ExactStage(config.solve().exactMaxTasks(), config.solve().windowsMaxTasks(),
                        config.solve().exactShare(), config.solve().exactWorkers(), config.solve().exactTargetShare(),
                        config.solve().exactHeuristicShare()));
    }

    /** Outside the service (the benchmark runner): the same search with the shares and exact stage given. */
    public SolveSearch(SolverManager<ScheduleSolution> solverManager, double heuristicShare, double heuristicShareLarge,
            boolean secondIsland, ExactStage exactStage) {
        this.solverManager = solverManager;
        this.heuristicShare = heuristicShare;
        this.heuristicShareLarge = heuristicShareLarge;
        this.secondIsland = secondIsland;
        this.exactStage = exactStage;
    }

    /** Solves from the plan's best baseline schedule, on this thread, for at most {@code limit}. */
    public SolveOutcome solve(PlanAnalysis analysis, Duration limit) {
        return run("once-" + UUID.randomUUID(), analysis, analysis.startingSchedule(), limit, () -> false, best -> {
        });
    }

    /**
     * Solves under {@code problemId} from {@code starting} (a valid schedule); {@code onBest} receives every improved
     * schedule; {@code stopRequested} is polled by the heuristic stages ({@link #terminateEarly} stops Timefold's).
     */
    public SolveOutcome run(String problemId, PlanAnalysis analysis, Schedule starting, Duration limit,
            BooleanSupplier stopRequested, Consumer<Schedule> onBest) {
        running.incrementAndGet();
        try {
            return search(problemId, analysis, starting, limit, stopRequested, onBest);
        } finally {
            running.decrementAndGet();
        }
    }

    /** Whether a core is free for a second island of the heuristic search: fewer searches run than there are cores. */
    private boolean spareCore() {
        return secondIsland && running.get() < cores;
    }

    private SolveOutcome search(String problemId, PlanAnalysis analysis, Schedule starting, Duration limit,
            BooleanSupplier stopRequested, Consumer<Schedule> onBest) {
        long startedAt = System.nanoTime();
        long deadline = startedAt + limit.toNanos();
        var lastImprovement = new AtomicLong(startedAt);
        // Every schedule handed to onBest, the shortest kept: a stage that fails after improving must not lose it.
        var reported = new AtomicReference<>(starting);
        Consumer<Schedule> improvedTo = schedule -> {
            reported.accumulateAndGet(schedule, (kept, found) -> found.isBetterThan(kept) ? found : kept);
            lastImprovement.set(System.nanoTime());
            onBest.accept(schedule);
        };
        var best = starting;
        try {
            if (analysis.isProvenOptimal(best)) {
                return SolveOutcome.provenAtStart(best);
            }
            // 1. Heuristic search: cheap per schedule, so it goes far on large plans in little time.
            long heuristicDeadline = startedAt + Math.round(limit.toNanos() * heuristicShare(analysis.instance()));
            var improved = ScheduleSearch.improve(analysis.instance(), analysis.paths(), best, analysis.lowerBound(),
                    heuristicDeadline, stopRequested, 0, improvedTo, this::spareCore);
            if (improved.isBetterThan(best)) {
                best = improved;
            }
            if (analysis.isProvenOptimal(best) || stopRequested.getAsBoolean() || System.nanoTime() >= deadline) {
                return outcome(analysis, best, startedAt, lastImprovement, false, null, 0);
            }
            // 2. On small plans, the exact search (CP-SAT) from there, for a share of the time left.
            if (exactStage.appliesTo(analysis.instance())) {
                best = exactStage.improve(analysis, best, deadline, stopRequested, improvedTo);
                if (analysis.isProvenOptimal(best) || stopRequested.getAsBoolean() || System.nanoTime() >= deadline) {
                    return outcome(analysis, best, startedAt, lastImprovement, false, null, 0);
                }
            }
            // 3. Local search with Timefold, from there.
            var heuristicBest = best;
            var solverRun = solverManager.solveBuilder()
                    .withProblemId(problemId)
                    .withProblem(SolutionMapper.toSolution(analysis.instance(), best))
                    .withConfigOverride(override(analysis, Duration.ofMillis((deadline - System.nanoTime()) / 1_000_000)))
                    .withBestSolutionEventConsumer(event -> {
                        var schedule = validOrNull(analysis, event.solution());
                        if (schedule != null && schedule.isBetterThan(heuristicBest)) {
                            improvedTo.accept(schedule);
                        }
                    })
                    .run();
            String message = null;
            boolean failed = false;
            try {
                var solved = validOrNull(analysis, solverRun.getFinalBestSolution());
                if (solved != null && !best.isBetterThan(solved)) {
                    best = solved;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                solverRun.terminateEarly();
                message = "interrupted; the best schedule found before is kept";
            } catch (ExecutionException e) {
                LOG.errorf(e.getCause(), "solver failed on plan '%s'", analysis.instance().plan().name());
                best = shorter(best, reported.get());
                failed = true;
                message = "the solver failed; the best schedule found before is kept";
            }
            // 4. A last justification pass often shaves a little more off the solver's best.
            if (!analysis.isProvenOptimal(best) && !stopRequested.getAsBoolean()) {
                long polishDeadline = System.nanoTime() + Math.min(Duration.ofMillis(500).toNanos(), limit.toNanos() / 20);
                var polished = ScheduleSearch.justify(analysis.instance(), analysis.paths(), best, polishDeadline);
                if (polished.isBetterThan(best)) {
                    best = polished;
                    improvedTo.accept(best);
                }
            }
            return outcome(analysis, best, startedAt, lastImprovement, failed, message, solverRun.getMoveEvaluationSpeed());
        } catch (RuntimeException e) {
            LOG.errorf(e, "solve %s failed", problemId);
            return outcome(analysis, shorter(best, reported.get()), startedAt, lastImprovement, true,
                    "the solver failed; the best schedule found before is kept", 0);
        }
    }

    /** The better of two schedules (inside the windows first, then shorter); the first on a tie. */
    private static Schedule shorter(Schedule first, Schedule second) {
        return second.isBetterThan(first) ? second : first;
    }

    /** Asks Timefold's stage of a running solve to end; the outcome still arrives. */
    public void terminateEarly(String problemId) {
        solverManager.terminateEarly(problemId);
    }

    /**
     * The share of the time budget for the heuristic search: small plans profit from Timefold's local search (tens of
     * thousands of moves a second), plans of 1,000 tasks and more hardly (a move re-times long chains), so they give
     * the heuristic most of the time. Linear in between. Plans that get the exact stage give it most of the time
     * instead ({@link ExactStage#heuristicShare}). Measured in BENCHMARKS.md.
     */
    double heuristicShare(dev.fanout.analysis.Instance instance) {
        if (instance.limits().any()) {
            if (instance.taskCount() > TIMETABLE_MAX_TASKS) {
                return 1.0;
            }
            return exactStage.appliesTo(instance) ? SHARED_LIMITS_WINDOWS_HEURISTIC_SHARE
                    : SHARED_LIMITS_HEURISTIC_SHARE;
        }
        if (exactStage.appliesTo(instance)) {
            return exactStage.heuristicShare();
        }
        return heuristicShare(instance.taskCount());
    }

    /**
     * Above this many tasks, a plan with shared limits (areas, resources, caps) gets the whole budget in the heuristic
     * search: Timefold re-times the whole plan at every move there ({@code solver.Timetable}), so its speed falls with
     * the plan's size (about 4,000 moves a second at 200 tasks, BENCHMARKS.md), and on a 5,000-task plan a single step
     * outlasted a 10 s limit.
     */
    static final int TIMETABLE_MAX_TASKS = 300;

    /**
     * The heuristic share for smaller plans with shared limits when the exact stage is off: the search over lists finds
     * what Timefold's moves over the timetable do not (on the constrained benchmark, 10 s: mean gap 6.6 % at this share,
     * 6.4 % with all of it, 9.7 % at the general 0.2–0.3), and the last fifth keeps Timefold's neighbourhood as a second
     * look. BENCHMARKS.md.
     */
    static final double SHARED_LIMITS_HEURISTIC_SHARE = 0.8;

    /**
     * The heuristic share for plans with shared limits that get the exact stage: CP-SAT over windows of the schedule
     * ({@code exact.WindowSearch}) gains more in the second half than the genetic search does (constrained 200-task
     * plans: 190, 186, 186 at this share, 192, 186, 186 at 0.2, 196, 184, 188 at 0.6; BENCHMARKS.md).
     */
    static final double SHARED_LIMITS_WINDOWS_HEURISTIC_SHARE = 0.4;

    double heuristicShare(int tasks) {
        if (tasks <= 300) {
            return heuristicShare;
        }
        if (tasks >= 1_000) {
            return heuristicShareLarge;
        }
        return heuristicShare + (heuristicShareLarge - heuristicShare) * (tasks - 300) / 700.0;
    }

    private static SolveOutcome outcome(PlanAnalysis analysis, Schedule schedule, long startedAt,
            AtomicLong lastImprovement, boolean failed, String message, long moveSpeed) {
        long now = System.nanoTime();
        return new SolveOutcome(schedule, analysis.isProvenOptimal(schedule), Duration.ofNanos(now - startedAt),
                true, failed, message, Duration.ofNanos(lastImprovement.get() - startedAt), moveSpeed);
    }

    private static SolverConfigOverride override(PlanAnalysis analysis, Duration limit) {
        // Diminished returns compares the improvement over a sliding window with the first window's: a fifth of the
        // budget, at least a second, lets long solves end once they have stopped paying off.
        var window = Duration.ofMillis(Math.max(1_000, limit.toMillis() / 5));
        var termination = new TerminationConfig()
                // Timefold takes whole milliseconds.
                .withSpentLimit(Duration.ofMillis(Math.max(1, limit.toMillis())))
                .withBestScoreLimit("0hard/-%dmedium/*soft".formatted(analysis.lowerBound()))
                .withDiminishedReturnsConfig(new DiminishedReturnsTerminationConfig()
                        .withSlidingWindowDuration(window)
                        .withMinimumImprovementRatio(0.0001));
        return new SolverConfigOverride().withTerminationConfig(termination);
    }

    /** The schedule a solution describes, if it places every task validly; null otherwise (never returned to users). */
    private static Schedule validOrNull(PlanAnalysis analysis, ScheduleSolution solution) {
        if (solution == null || !SolutionMapper.isComplete(solution)) {
            return null;
        }
        try {
            var schedule = SolutionMapper.toSchedule(analysis.instance(), solution);
            var problems = ScheduleCheck.violations(schedule, 3);
            if (!problems.isEmpty()) {
                LOG.warnf("discarding an invalid solver schedule: %s", problems);
                return null;
            }
            return schedule;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
