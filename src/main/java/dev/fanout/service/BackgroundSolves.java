package dev.fanout.service;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import dev.fanout.analysis.PlanAnalysis;
import dev.fanout.analysis.Schedule;
import dev.fanout.analysis.Stability;
import dev.fanout.persistence.PlanStore;
import dev.fanout.report.Numbers;
import dev.fanout.report.SolveStatus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Background solves of stored plans, and everything that keeps them from being lost: the best schedule so far is
 * saved at most once a second, running solves are marked alive every 5 s, a graceful shutdown stops them and waits
 * for their best schedules, and at start-up the solves a crash cut off resume for the time they had left. One solve
 * per plan at a time. (A job engine over the database would replace exactly this class.)
 */
@ApplicationScoped
public class BackgroundSolves {

    private static final Logger LOG = Logger.getLogger(BackgroundSolves.class);
    private static final Duration SAVE_INTERVAL = Duration.ofSeconds(1);
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);
    /** At most this long spent moving re-planned tasks back to their previous agents. */
    private static final Duration STABILIZE_TIME = Duration.ofSeconds(2);
    /**
     * Start-up order: interrupted solves resume before anything else starts solving (the example plans, which
     * {@link SeedPlans} loads after this), so that only solves of a previous run are taken for interrupted.
     */
    static final int RESUME_FIRST = Interceptor.Priority.APPLICATION;

    /** A running solve: its best schedule so far is what readers see. */
    public record Progress(PlanAnalysis analysis, Schedule best) {
    }

    private static final class Running {
        final PlanAnalysis analysis;
        final SolveAdmission.Admission admission;
        /** Each task's agent in the previous version (CONTRACT §6: kept where moving costs nothing); null for none. */
        int[] previousAgents;
        final CompletableFuture<Void> done = new CompletableFuture<>();
        volatile Schedule best;
        volatile long lastSavedAt = System.nanoTime();
        AutoCloseable gauges = () -> {
        };

        Running(PlanAnalysis analysis, Schedule best, SolveAdmission.Admission admission) {
            this.analysis = analysis;
            this.best = best;
            this.admission = admission;
        }
    }

    private final PlanCatalog catalog;
    private final PlanStore store;
    private final SolveRunner runner;
    private final SolveAdmission admission;
    private final SolveMetrics metrics;
    private final TimeLimits timeLimits;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, "fanout-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean shuttingDown;

    public BackgroundSolves(PlanCatalog catalog, PlanStore store, SolveRunner runner, SolveAdmission admission,
            SolveMetrics metrics, TimeLimits timeLimits) {
        this.catalog = catalog;
        this.store = store;
        this.runner = runner;
        this.admission = admission;
        this.metrics = metrics;
        this.timeLimits = timeLimits;
    }

    /**
     * Starts solving a stored plan in the background, from the better of its last schedule and its best baseline.
     *
     * @throws AlreadySolving when it is being solved
     * @throws Overloaded when the solve queue is full
     */
    public void start(String id, Duration limit) {
        // Whoever starts it (a request, or the start-up resuming it), the solve's log lines name its plan.
        LogContext.withPlan(id, () -> startWithLogContext(id, limit));
    }

    private void startWithLogContext(String id, Duration limit) {
        var stored = catalog.get(id);
        var analysis = catalog.analysis(id);
        var start = SolveStart.of(catalog, stored, analysis);
        var starting = start.schedule();
        if (running.containsKey(id)) {
            throw new AlreadySolving(id);
        }
        var run = new Running(analysis, starting, admission.admit(1));
        run.previousAgents = start.previousAgents();
        if (running.putIfAbsent(id, run) != null) {
            run.admission.close();
            throw new AlreadySolving(id);
        }
        try {
            var scale = analysis.instance().scale();
            run.gauges = metrics.watchPlan(id, () -> scale.at(run.best.makespan()), scale.at(analysis.lowerBound()));
            store.solving(id, limit.toMillis() / 1000.0, starting, analysis.lowerBound());
            if (analysis.isProvenOptimal(starting)) {
                // Proven optimal before the solver starts: nothing to search for.
                finish(id, run, SolveOutcome.provenAtStart(starting));
            } else {
                runner.start(problemId(id), analysis, starting, limit, best -> improved(id, run, best),
                        outcome -> finish(id, run, outcome));
            }
        } catch (RuntimeException e) {
            running.remove(id, run);
            release(run);
            throw e;
        }
    }

    /**
     * Stops a background solve; the best schedule so far is kept.
     *
     * @throws PlanNotFound when no plan has this id
     * @throws NotSolving when the plan is not being solved
     */
    public void stop(String id) {
        catalog.get(id);
        if (!running.containsKey(id)) {
            throw new NotSolving(id);
        }
        runner.stop(problemId(id));
    }

    /**
     * Deletes a plan with its schedule and what-if comparison. Plans are deleted through here, not the catalog, so
     * that a running solve is stopped first (its end, arriving later, finds nothing to save).
     *
     * @throws PlanNotFound when no plan has this id
     */
    public void delete(String id) {
        if (running.containsKey(id)) {
            runner.stop(problemId(id));
        }
        catalog.delete(id);
    }

    /**
     * Stops the plan's solve, if one runs, and waits (up to 20 s) until it has saved its best schedule: what a new
     * version of the plan needs before it replaces the one being solved.
     */
    public void stopAndWait(String id) {
        if (running.containsKey(id)) {
            runner.stop(problemId(id));
            await(id, Duration.ofSeconds(20));
        }
    }

    /** Waits (at most {@code limit}) until the plan's running solve, if any, has ended and saved its schedule. */
    public void await(String id, Duration limit) {
        var run = running.get(id);
        if (run == null) {
            return;
        }
        try {
            run.done.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.warnf("the solve of plan %s had not ended after %s", id, limit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isSolving(String id) {
        return running.containsKey(id);
    }

    /** The running solve of a plan, if any: its best schedule so far. */
    public Optional<Progress> progress(String id) {
        return Optional.ofNullable(running.get(id)).map(run -> new Progress(run.analysis, run.best));
    }

    private void improved(String id, Running run, Schedule best) {
        run.best = best;
        long now = System.nanoTime();
        if (now - run.lastSavedAt >= SAVE_INTERVAL.toNanos()) {
            run.lastSavedAt = now;
            try {
                store.progress(id, best, run.analysis.lowerBound());
            } catch (RuntimeException e) {
                LOG.warnf(e, "could not save progress of plan %s", id);
            }
        }
    }

    private void finish(String id, Running run, SolveOutcome outcome) {
        try {
            if (run.previousAgents != null) {
                // Stable re-plan: the same makespan, as many tasks as possible on the agents they had.
                outcome = outcome.with(Stability.keepAgents(outcome.schedule(), run.previousAgents,
                        System.nanoTime() + STABILIZE_TIME.toNanos()));
            }
            var status = outcome.failed() ? SolveStatus.FAILED : SolveStatus.SOLVED;
            var message = shuttingDown
                    ? "stopped when the service shut down; the best schedule so far is kept (solve again to go on)"
                    : outcome.message();
            store.finished(id, status, outcome.schedule(), run.analysis.lowerBound(), message);
            var scale = run.analysis.instance().scale();
            LOG.infof("plan %s %s: makespan %s, lower bound %s%s", id, outcome.failed() ? "failed" : "solved",
                    Numbers.format(scale.at(outcome.schedule().makespan())),
                    Numbers.format(scale.at(run.analysis.lowerBound())), outcome.optimal() ? " (optimal)" : "");
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not save the solved schedule of plan %s", id);
        } finally {
            running.remove(id, run);
            release(run);
            run.done.complete(null);
        }
    }

    private static void release(Running run) {
        try {
            run.gauges.close();
        } catch (Exception e) {
            LOG.warnf(e, "could not remove a solve's gauges");
        }
        run.admission.close();
    }

    /**
     * At start-up: solves still marked SOLVING were cut off (the process was killed). Each resumes from its best
     * saved schedule for the time it had left (at least a second); if it cannot, its best schedule is kept and it is
     * marked SOLVED. Then running solves are marked alive every few seconds.
     */
    void onStart(@Observes @Priority(RESUME_FIRST) StartupEvent event) {
        for (var id : store.interruptedSolves()) {
            if (running.containsKey(id)) {
                continue;
            }
            var solve = catalog.get(id).solve().orElseThrow();
            double requested = solve.requestedSeconds() == null ? 0 : solve.requestedSeconds();
            double used = solve.startedAt() == null ? 0 : Duration.between(solve.startedAt(), solve.updatedAt()).toMillis() / 1000.0;
            double left = Math.max(1, requested - used);
            LOG.infof("resuming the solve of plan %s, cut off after %.1f s of %.1f s, for %.1f s", id, used, requested, left);
            try {
                start(id, timeLimits.parse(String.valueOf(left)));
            } catch (RuntimeException e) {
                LOG.errorf(e, "could not resume the solve of plan %s; its best schedule so far is kept", id);
                store.finished(id, SolveStatus.SOLVED, null, 0,
                        "cut off by a restart and not resumed; the best schedule so far is kept (solve again to go on)");
            }
        }
        heartbeat.scheduleWithFixedDelay(() -> {
            try {
                store.heartbeat(List.copyOf(running.keySet()));
            } catch (RuntimeException e) {
                LOG.warnf(e, "could not mark the running solves alive");
            }
        }, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * A graceful shutdown stops every running solve and waits (up to 20 s) until each has saved its best schedule.
     * (After a crash instead, {@link #onStart} resumes them.)
     */
    void onShutdown(@Observes ShutdownEvent event) {
        shuttingDown = true;
        heartbeat.shutdownNow();
        var pending = running.entrySet().stream().map(entry -> {
            runner.stop(problemId(entry.getKey()));
            return entry.getValue().done;
        }).toArray(CompletableFuture[]::new);
        if (pending.length == 0) {
            return;
        }
        LOG.infof("stopping %d running solves; their best schedules are kept", pending.length);
        try {
            CompletableFuture.allOf(pending).get(20, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.warn("not every solve saved its schedule before shutdown; they will be resumed at the next start");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String problemId(String planId) {
        return "plan-" + planId;
    }
}
