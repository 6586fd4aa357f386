package dev.fanout.service;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import dev.fanout.analysis.PlanAnalysis;
import dev.fanout.analysis.Schedule;
import dev.fanout.config.FanoutConfig;

/**
 * The solver threads: as many as {@code fanout.solve.parallel-solves}, each running one {@link SolveSearch} at a
 * time; solves wait in line for a thread. Who may queue is {@link SolveAdmission}'s decision, made before.
 */
@ApplicationScoped
public class SolveRunner {

    private static final Logger LOG = Logger.getLogger(SolveRunner.class);
    private static final String TIMEFOLD_COUNT = "quarkus.timefold.solver-manager.parallel-solver-count";

    private final SolveSearch search;
    private final SolveMetrics metrics;
    private final ThreadPoolExecutor threads;
    private final Map<String, AtomicBoolean> stopFlags = new ConcurrentHashMap<>();
    /** When each running solve must end (System.nanoTime()), to tell refused clients when to come back. */
    private final Map<String, Long> deadlines = new ConcurrentHashMap<>();

    public SolveRunner(SolveSearch search, SolveMetrics metrics, FanoutConfig config, Config allConfig) {
        this.search = search;
        this.metrics = metrics;
        int count = config.solve().parallelSolves();
        // Timefold's own count is set from ours in application.properties; set apart, the two would disagree.
        var timefold = allConfig.getOptionalValue(TIMEFOLD_COUNT, String.class).map(String::strip);
        if (timefold.isPresent() && !timefold.get().equals(String.valueOf(count))) {
            throw new IllegalStateException("%s is %s but fanout.solve.parallel-solves is %d: set fanout.solve.parallel-solves"
                    .formatted(TIMEFOLD_COUNT, timefold.get(), count) + " only (Timefold's count follows it)");
        }
        this.threads = new ThreadPoolExecutor(count, count, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    var thread = new Thread(runnable, "fanout-solve");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Solves from the plan's best baseline without waiting; the future never fails (see {@link SolveOutcome}). */
    public CompletableFuture<SolveOutcome> solveAsync(PlanAnalysis analysis, Duration limit) {
        var starting = analysis.startingSchedule();
        if (analysis.isProvenOptimal(starting)) {
            return CompletableFuture.completedFuture(SolveOutcome.provenAtStart(starting));
        }
        var problemId = "once-" + UUID.randomUUID();
        return CompletableFuture.supplyAsync(() -> run(problemId, analysis, starting, limit, best -> {
        }), runnable -> threads.execute(LogContext.carried(runnable)));
    }

    /**
     * Starts solving in the background under {@code problemId}, from {@code starting} (a valid schedule).
     * {@code onBest} receives every improved schedule, {@code onDone} the final outcome (also after {@link #stop}).
     */
    public void start(String problemId, PlanAnalysis analysis, Schedule starting, Duration limit,
            Consumer<Schedule> onBest, Consumer<SolveOutcome> onDone) {
        stopFlags.put(problemId, new AtomicBoolean());
        threads.execute(LogContext.carried(() -> onDone.accept(run(problemId, analysis, starting, limit, onBest))));
    }

    /** Asks a solve to stop; its outcome, with the best schedule so far, still arrives. */
    public void stop(String problemId) {
        var flag = stopFlags.get(problemId);
        if (flag != null) {
            flag.set(true);
        }
        search.terminateEarly(problemId);
    }

    private SolveOutcome run(String problemId, PlanAnalysis analysis, Schedule starting, Duration limit,
            Consumer<Schedule> onBest) {
        var stop = stopFlags.computeIfAbsent(problemId, id -> new AtomicBoolean());
        long startedAt = System.nanoTime();
        deadlines.put(problemId, startedAt + limit.toNanos());
        var best = new AtomicReference<>(starting);
        try {
            var outcome = search.run(problemId, analysis, starting, limit, stop::get, schedule -> {
                best.set(schedule);
                onBest.accept(schedule);
            });
            metrics.solved(analysis, outcome);
            return outcome;
        } catch (RuntimeException e) {
            // The search keeps its own failures to itself; this is the last guard, so that a solve always ends.
            LOG.errorf(e, "solve %s failed", problemId);
            var spent = Duration.ofNanos(System.nanoTime() - startedAt);
            var outcome = new SolveOutcome(best.get(), analysis.isProvenOptimal(best.get()), spent, true, true,
                    "the solver failed; the best schedule found before is kept", spent, 0);
            metrics.solved(analysis, outcome);
            return outcome;
        } finally {
            stopFlags.remove(problemId);
            deadlines.remove(problemId);
        }
    }

    /** Nanoseconds until the first running solve must end, if any runs. */
    OptionalLong nanosUntilFirstEnds() {
        long now = System.nanoTime();
        return deadlines.values().stream().mapToLong(deadline -> Math.max(0, deadline - now)).min();
    }

    /** Nanoseconds until the last running solve must end, if any runs. */
    OptionalLong nanosUntilLastEnds() {
        long now = System.nanoTime();
        return deadlines.values().stream().mapToLong(deadline -> Math.max(0, deadline - now)).max();
    }

    /** Whether the solver threads still take work (false once the service is shutting down). */
    public boolean isAcceptingWork() {
        return !threads.isShutdown();
    }

    /** Solves running now. */
    public int running() {
        return threads.getActiveCount();
    }

    /** Solves waiting for a solver thread. */
    public int queued() {
        return threads.getQueue().size();
    }

    @PreDestroy
    void shutdown() {
        stopFlags.values().forEach(flag -> flag.set(true));
        threads.shutdownNow();
    }
}
