package dev.fanout.service;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.config.solver.termination.DiminishedReturnsTerminationConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import dev.fanout.analysis.PlanAnalysis;
import dev.fanout.analysis.Schedule;
import dev.fanout.analysis.ScheduleCheck;
import dev.fanout.analysis.ScheduleSearch;
import dev.fanout.solver.ScheduleSolution;
import dev.fanout.solver.SolutionMapper;

/**
 * Runs one solve: from the best baseline schedule, a share of the time budget in {@link ScheduleSearch}
 * (forward-backward improvement and sampling, fast on very large plans), the rest in the Timefold solver, and a last
 * justification pass on the solver's best. It stops at the time limit, as soon as the makespan reaches the lower bound
 * (nothing better exists), when improvement dries up, or when asked to. Whatever happens, the result is a valid
 * schedule no longer than the one it started from.
 *
 * <p>Solves run on a pool of as many threads as solves may run side by side; one-shot requests wait for theirs.
 */
@ApplicationScoped
public class SolverService {

    private static final Logger LOG = Logger.getLogger(SolverService.class);

    /**
     * The outcome of a solve; {@code solverRan} is false when the starting schedule was already optimal.
     * {@code timeToBest} is when the final schedule was found; {@code moveSpeed} the moves evaluated per second.
     */
    public record Outcome(Schedule schedule, boolean optimal, Duration spent, boolean solverRan, String message,
            Duration timeToBest, long moveSpeed) {
    }

    /**
     * A place in the solve queue, held from admission until the solve (or the what-if sweep) is over. Closing it
     * twice is harmless.
     */
    public final class Admission implements AutoCloseable {
        private final AtomicBoolean open = new AtomicBoolean(true);

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                admitted.release();
            }
        }
    }

    private final SolverManager<ScheduleSolution> solverManager;
    private final ThreadPoolExecutor workers;
    private final Semaphore admitted;
    private final int capacity;
    private final double heuristicShare;
    private final double heuristicShareLarge;
    private final Map<String, AtomicBoolean> stopFlags = new ConcurrentHashMap<>();
    /** When each running solve must end (System.nanoTime()), to tell refused clients when to come back. */
    private final Map<String, Long> deadlines = new ConcurrentHashMap<>();

    private final MeterRegistry metrics;
    private final Timer solveTime;
    private final DistributionSummary gap;
    private final Counter refused;

    @Inject
    public SolverService(SolverManager<ScheduleSolution> solverManager, MeterRegistry metrics,
            @ConfigProperty(name = "quarkus.timefold.solver-manager.parallel-solver-count", defaultValue = "2") String parallel,
            @ConfigProperty(name = "fanout.solve.queue-capacity", defaultValue = "8") int queueCapacity,
            @ConfigProperty(name = "fanout.solve.heuristic-share", defaultValue = "0.3") double heuristicShare,
            @ConfigProperty(name = "fanout.solve.heuristic-share-large", defaultValue = "0.9") double heuristicShareLarge) {
        this.solverManager = solverManager;
        int threads = parallel.matches("\\d+") ? Math.max(1, Integer.parseInt(parallel)) : Runtime.getRuntime().availableProcessors();
        this.workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    var thread = new Thread(runnable, "fanout-solve");
                    thread.setDaemon(true);
                    return thread;
                });
        this.capacity = threads + Math.max(0, queueCapacity);
        this.admitted = new Semaphore(capacity);
        this.heuristicShare = heuristicShare;
        this.heuristicShareLarge = heuristicShareLarge;
        this.metrics = metrics;
        Gauge.builder("fanout.solves.running", this, SolverService::running)
                .description("Solves running now").register(metrics);
        Gauge.builder("fanout.solves.queued", this, SolverService::queued)
                .description("Solves admitted and waiting for a solver thread").register(metrics);
        Gauge.builder("fanout.solves.capacity", this, service -> service.capacity)
                .description("Solves that may be running or waiting at once; more are refused (429)").register(metrics);
        solveTime = Timer.builder("fanout.solve.duration").description("Wall-clock time of a solve").register(metrics);
        gap = DistributionSummary.builder("fanout.solve.gap").baseUnit("percent")
                .description("Gap of a solve's final makespan to its lower bound").register(metrics);
        refused = Counter.builder("fanout.solves.refused").description("Solves refused because the queue was full")
                .register(metrics);
    }

    /**
     * Takes a place in the solve queue, shared by one-shot solves, background solves and what-if sweeps: as many run
     * as there are solver threads, a bounded number wait, the rest are refused at once (429, with when to retry).
     */
    public Admission admit() {
        if (!admitted.tryAcquire()) {
            refused.increment();
            throw new ProblemException(429, "Too many solves",
                    "all %d places in the solve queue are taken (%d solving, %d waiting); retry in %d s"
                            .formatted(capacity, workers.getActiveCount(), workers.getQueue().size(), retryAfterSeconds()))
                    .retryAfter(retryAfterSeconds());
        }
        return new Admission();
    }

    /** Seconds until the first running solve must end: a fair moment to try again. */
    public long retryAfterSeconds() {
        long now = System.nanoTime();
        return Math.max(1, deadlines.values().stream().mapToLong(deadline -> deadline - now).min()
                .stream().map(nanos -> Math.ceilDiv(Math.max(0, nanos), 1_000_000_000L)).findFirst().orElse(1));
    }

    /** Whether the solver threads still take work (false once the service is shutting down). */
    public boolean isAcceptingWork() {
        return !workers.isShutdown();
    }

    /** Solves running now. */
    public int running() {
        return workers.getActiveCount();
    }

    /** Solves admitted and waiting for a solver thread. */
    public int queued() {
        return workers.getQueue().size();
    }

    /**
     * The share of the time budget for the heuristic search: small plans profit from Timefold's local search (tens of
     * thousands of moves a second), plans of 1,000 tasks and more hardly (a move re-times long chains), so they give
     * the heuristic most of the time. Linear in between. Measured in BENCHMARKS.md.
     */
    double heuristicShare(int tasks) {
        if (tasks <= 300) {
            return heuristicShare;
        }
        if (tasks >= 1_000) {
            return heuristicShareLarge;
        }
        return heuristicShare + (heuristicShareLarge - heuristicShare) * (tasks - 300) / 700.0;
    }

    @PreDestroy
    void shutdown() {
        stopFlags.values().forEach(flag -> flag.set(true));
        workers.shutdownNow();
    }

    /** Solves from the plan's best baseline schedule on a solver thread, and waits for the result. */
    public Outcome solve(PlanAnalysis analysis, Duration limit) {
        return solveAsync(analysis, limit).join();
    }

    /** Solves without waiting; the future never fails (a failed solve yields the starting schedule). */
    public CompletableFuture<Outcome> solveAsync(PlanAnalysis analysis, Duration limit) {
        var starting = analysis.startingSchedule();
        if (starting.makespan() <= analysis.lowerBound()) {
            return CompletableFuture.completedFuture(new Outcome(starting, true, Duration.ZERO, false, null, Duration.ZERO, 0));
        }
        return CompletableFuture.supplyAsync(() -> run("once-" + UUID.randomUUID(), analysis, starting, limit, best -> {
        }), runnable -> workers.execute(withLogContext(runnable)));
    }

    /**
     * Starts solving in the background under {@code problemId}, from {@code starting} (a valid schedule).
     * {@code onBest} receives every improved schedule, {@code onDone} the final outcome (also after {@link #stop}).
     */
    public void start(String problemId, PlanAnalysis analysis, Schedule starting, Duration limit,
            Consumer<Schedule> onBest, Consumer<Outcome> onDone) {
        stopFlags.put(problemId, new AtomicBoolean());
        workers.execute(withLogContext(() -> onDone.accept(run(problemId, analysis, starting, limit, onBest))));
    }

    /** Carries the caller's log context (the plan id) into the solver thread that runs the task. */
    private static Runnable withLogContext(Runnable task) {
        var planId = org.jboss.logging.MDC.get("planId");
        return () -> {
            if (planId != null) {
                org.jboss.logging.MDC.put("planId", planId);
            }
            try {
                task.run();
            } finally {
                org.jboss.logging.MDC.remove("planId");
            }
        };
    }

    /** Asks a solve to stop; its outcome, with the best schedule so far, still arrives. */
    public void stop(String problemId) {
        var flag = stopFlags.get(problemId);
        if (flag != null) {
            flag.set(true);
        }
        solverManager.terminateEarly(problemId);
    }

    private Outcome run(String problemId, PlanAnalysis analysis, Schedule starting, Duration limit,
            Consumer<Schedule> onBest) {
        var stop = stopFlags.computeIfAbsent(problemId, id -> new AtomicBoolean());
        long startedAt = System.nanoTime();
        long deadline = startedAt + limit.toNanos();
        deadlines.put(problemId, deadline);
        var lastImprovement = new AtomicLong(startedAt);
        var best = starting;
        try {
            if (best.makespan() <= analysis.lowerBound()) {
                return new Outcome(best, true, Duration.ZERO, false, null, Duration.ZERO, 0);
            }
            // 1. Heuristic search: cheap per schedule, so it goes far on large plans in little time.
            long heuristicDeadline = startedAt + Math.round(limit.toNanos() * heuristicShare(analysis.instance().taskCount()));
            var improved = ScheduleSearch.improve(analysis.instance(), analysis.paths(), best, analysis.lowerBound(),
                    heuristicDeadline, stop::get, 0, schedule -> {
                        lastImprovement.set(System.nanoTime());
                        onBest.accept(schedule);
                    });
            if (improved.makespan() < best.makespan()) {
                best = improved;
            }
            if (best.makespan() <= analysis.lowerBound() || stop.get() || System.nanoTime() >= deadline) {
                return outcome(analysis, best, startedAt, lastImprovement, null, 0);
            }
            // 2. Local search with Timefold, from there.
            var heuristicBest = best;
            var job = solverManager.solveBuilder()
                    .withProblemId(problemId)
                    .withProblem(SolutionMapper.toSolution(analysis.instance(), best))
                    .withConfigOverride(override(analysis, Duration.ofMillis((deadline - System.nanoTime()) / 1_000_000)))
                    .withBestSolutionEventConsumer(event -> {
                        var schedule = validOrNull(analysis, event.solution());
                        if (schedule != null && schedule.makespan() < heuristicBest.makespan()) {
                            lastImprovement.set(System.nanoTime());
                            onBest.accept(schedule);
                        }
                    })
                    .run();
            String message = null;
            try {
                var solved = validOrNull(analysis, job.getFinalBestSolution());
                if (solved != null && solved.makespan() <= best.makespan()) {
                    best = solved;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                job.terminateEarly();
                message = "interrupted; the best schedule found before is kept";
            } catch (ExecutionException e) {
                LOG.errorf(e.getCause(), "solver failed on plan '%s'", analysis.instance().plan().name());
                message = "the solver failed; the best schedule found before is kept";
            }
            // 3. A last justification pass often shaves a little more off the solver's best.
            if (best.makespan() > analysis.lowerBound() && !stop.get()) {
                long polishDeadline = System.nanoTime() + Math.min(Duration.ofMillis(500).toNanos(), limit.toNanos() / 20);
                var polished = ScheduleSearch.justify(analysis.instance(), analysis.paths(), best, polishDeadline);
                if (polished.makespan() < best.makespan()) {
                    best = polished;
                    lastImprovement.set(System.nanoTime());
                    onBest.accept(best);
                }
            }
            return outcome(analysis, best, startedAt, lastImprovement, message, job.getMoveEvaluationSpeed());
        } catch (RuntimeException e) {
            LOG.errorf(e, "solve %s failed", problemId);
            return outcome(analysis, best, startedAt, lastImprovement, "the solver failed; the best schedule found before is kept", 0);
        } finally {
            stopFlags.remove(problemId);
            deadlines.remove(problemId);
        }
    }

    private Outcome outcome(PlanAnalysis analysis, Schedule schedule, long startedAt, AtomicLong lastImprovement,
            String message, long moveSpeed) {
        long now = System.nanoTime();
        solveTime.record(now - startedAt, TimeUnit.NANOSECONDS);
        long bound = analysis.lowerBound();
        gap.record(bound == 0 ? 0 : 100.0 * (schedule.makespan() - bound) / bound);
        return new Outcome(schedule, schedule.makespan() <= analysis.lowerBound(), Duration.ofNanos(now - startedAt),
                true, message, Duration.ofNanos(lastImprovement.get() - startedAt), moveSpeed);
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
