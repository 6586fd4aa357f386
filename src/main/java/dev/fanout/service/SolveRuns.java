package dev.fanout.service;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.fanout.analysis.PlanAnalysis;
import dev.fanout.analysis.Schedule;
import dev.fanout.analysis.Stability;
import dev.fanout.config.FanoutConfig;
import dev.fanout.persistence.SolveRunStore;
import dev.fanout.report.Numbers;
import dev.fanout.report.SolveStatus;
import io.quarkus.runtime.ShutdownEvent;

/**
 * The background solves running on this instance, each a job {@link JobEngine} handed to it: begun fresh, or taken
 * over from an instance that died, from the best saved schedule, for the time the solve had left. The best schedule
 * so far is saved at most once a second; every write is conditional on the run still being this instance's; a stop
 * asked through any instance reaches the run within a heartbeat; a graceful shutdown hands running solves to another
 * live instance (or, alone, stops them and keeps their best schedules).
 */
@ApplicationScoped
public class SolveRuns implements JobEngine.JobHandler {

    private static final Logger LOG = Logger.getLogger(SolveRuns.class);
    private static final Duration SAVE_INTERVAL = Duration.ofSeconds(1);
    /** At most this long spent moving re-planned tasks back to their previous agents. */
    private static final Duration STABILIZE_TIME = Duration.ofSeconds(2);
    /** A solve taken over or resumed runs at least this long. */
    private static final double MINIMUM_SECONDS = 1;

    private static final class Running {
        final PlanAnalysis analysis;
        /** Each task's agent in the previous version (CONTRACT §6: kept where moving costs nothing); null for none. */
        final int[] previousAgents;
        final double spentBefore;
        final long startedAt = System.nanoTime();
        final CompletableFuture<Void> done = new CompletableFuture<>();
        volatile Schedule best;
        volatile long lastSavedAt = System.nanoTime();
        /** Set when this instance shuts down while another is alive: the solve goes back to the queue. */
        volatile boolean handOver;
        AutoCloseable gauges = () -> {
        };

        Running(PlanAnalysis analysis, SolveStart start, double spentBefore) {
            this.analysis = analysis;
            this.best = start.schedule();
            this.previousAgents = start.previousAgents();
            this.spentBefore = spentBefore;
        }

        double spentSeconds() {
            return spentBefore + (System.nanoTime() - startedAt) / 1e9;
        }
    }

    private final PlanCatalog catalog;
    private final SolveRunStore runs;
    private final JobEngine jobs;
    private final SolveRunner runner;
    private final SolveMetrics metrics;
    private final Duration heartbeat;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private volatile boolean shuttingDown;

    public SolveRuns(PlanCatalog catalog, SolveRunStore runs, JobEngine jobs, SolveRunner runner, SolveMetrics metrics,
            FanoutConfig config) {
        this.catalog = catalog;
        this.runs = runs;
        this.jobs = jobs;
        this.runner = runner;
        this.metrics = metrics;
        this.heartbeat = config.jobs().heartbeat();
    }

    @Override
    public String kind() {
        return JobEngine.SOLVE;
    }

    /**
     * Runs a queued solve on this instance (a job thread of {@link JobEngine}), until it ends: begun fresh, or taken
     * over from an instance that died, from its best saved schedule, for the time it had left.
     */
    @Override
    public void run(String id) {
        LogContext.withPlan(id, () -> runWithLogContext(id));
    }

    private void runWithLogContext(String id) {
        if (running.containsKey(id)) {
            return;
        }
        var claim = runs.begin(id, jobs.instance()).orElse(null);
        if (claim == null) {
            return;
        }
        Running run;
        try {
            var stored = catalog.get(id);
            var analysis = catalog.analysis(stored);
            var start = SolveStart.of(catalog, stored, analysis);
            if (claim.stopRequested()) {
                runs.finish(id, jobs.instance(), SolveStatus.SOLVED, start.schedule(), analysis.lowerBound(),
                        "stopped before it began; the starting schedule is kept");
                return;
            }
            if (claim.previousRunner() != null) {
                LOG.infof("taking over the solve of plan %s from instance %s: %.1f s of %.1f s spent", id,
                        claim.previousRunner(), claim.spentSeconds(), claim.requestedSeconds());
            }
            run = new Running(analysis, start, claim.spentSeconds());
            running.put(id, run);
            var scale = analysis.instance().scale();
            run.gauges = metrics.watchPlan(id, () -> scale.at(run.best.makespan()), scale.at(analysis.lowerBound()));
            var limit = Duration.ofMillis(Math.round(claim.secondsLeft(MINIMUM_SECONDS) * 1000));
            runner.start(problemId(id), analysis, start.schedule(), limit, best -> improved(id, run, best),
                    outcome -> finish(id, run, outcome));
        } catch (PlanNotFound e) {
            return;
        } catch (RuntimeException e) {
            var current = running.remove(id);
            if (current != null) {
                release(current);
            }
            LOG.errorf(e, "could not run the solve of plan %s", id);
            runs.finish(id, jobs.instance(), SolveStatus.FAILED, null, 0, "the solve could not run: " + e.getMessage());
            return;
        }
        beatUntilDone(id, run);
        if (run.handOver) {
            throw new JobEngine.HandedOver("the solve of plan " + id);
        }
    }

    /** Marks the run alive every heartbeat until it ends; stops it when asked to through any instance, or taken over. */
    private void beatUntilDone(String id, Running run) {
        while (true) {
            try {
                run.done.get(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                try {
                    if (!runs.progress(id, jobs.instance(), null, 0, run.spentSeconds())) {
                        runner.stop(problemId(id));
                    }
                } catch (RuntimeException failure) {
                    LOG.warnf(failure, "could not mark the solve of plan %s alive", id);
                }
            } catch (ExecutionException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                runner.stop(problemId(id));
                return;
            }
        }
    }

    /** Stops the plan's solve if it runs on this instance. */
    boolean stopHere(String id) {
        if (!running.containsKey(id)) {
            return false;
        }
        runner.stop(problemId(id));
        return true;
    }

    /** Waits (at most {@code limit}) until the plan's solve running on this instance, if any, has ended. */
    void awaitHere(String id, Duration limit) throws InterruptedException, ExecutionException, TimeoutException {
        var run = running.get(id);
        if (run != null) {
            run.done.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Whether the plan's solve runs on this instance. */
    boolean isRunningHere(String id) {
        return running.containsKey(id);
    }

    /** The plan's solve running on this instance, if any: its best schedule so far. */
    Optional<BackgroundSolves.Progress> progress(String id) {
        return Optional.ofNullable(running.get(id)).map(run -> new BackgroundSolves.Progress(run.analysis, run.best));
    }

    private void improved(String id, Running run, Schedule best) {
        run.best = best;
        long now = System.nanoTime();
        if (now - run.lastSavedAt >= SAVE_INTERVAL.toNanos()) {
            run.lastSavedAt = now;
            try {
                if (!runs.progress(id, jobs.instance(), best, run.analysis.lowerBound(), run.spentSeconds())) {
                    runner.stop(problemId(id));
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "could not save progress of plan %s", id);
            }
        }
    }

    private void finish(String id, Running run, SolveOutcome outcome) {
        try {
            var lowerBound = run.analysis.lowerBound();
            if (run.handOver) {
                runs.release(id, jobs.instance(), outcome.schedule(), lowerBound, run.spentSeconds());
                LOG.infof("plan %s handed to another instance after %.1f s", id, run.spentSeconds());
                return;
            }
            outcome = stabilized(outcome, run.previousAgents);
            var status = outcome.failed() ? SolveStatus.FAILED : SolveStatus.SOLVED;
            var message = shuttingDown
                    ? "stopped when the service shut down; the best schedule so far is kept (solve again to go on)"
                    : outcome.message();
            runs.finish(id, jobs.instance(), status, outcome.schedule(), lowerBound, message);
            var scale = run.analysis.instance().scale();
            LOG.infof("plan %s %s: makespan %s, lower bound %s%s", id, outcome.failed() ? "failed" : "solved",
                    Numbers.format(scale.at(outcome.schedule().makespan())), Numbers.format(scale.at(lowerBound)),
                    outcome.optimal() ? " (optimal)" : "");
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not save the solved schedule of plan %s", id);
        } finally {
            running.remove(id, run);
            release(run);
            run.done.complete(null);
        }
    }

    /** A re-plan (CONTRACT §6): the same makespan, as many tasks as possible on the agents they had. */
    static SolveOutcome stabilized(SolveOutcome outcome, int[] previousAgents) {
        if (previousAgents == null) {
            return outcome;
        }
        return outcome.with(Stability.keepAgents(outcome.schedule(), previousAgents, System.nanoTime() + STABILIZE_TIME.toNanos()));
    }

    private static void release(Running run) {
        try {
            run.gauges.close();
        } catch (Exception e) {
            LOG.warnf(e, "could not remove a solve's gauges");
        }
    }

    /**
     * A graceful shutdown takes no new solves and stops the running ones, waiting (up to 20 s) until each has saved its
     * best schedule: handed back to the queue when another instance is alive to go on with them, else ended.
     */
    void onShutdown(@Observes ShutdownEvent event) {
        shuttingDown = true;
        jobs.pause();
        boolean handOver = jobs.aliveInstances() > 1;
        var pending = running.entrySet().stream().map(entry -> {
            entry.getValue().handOver = handOver;
            runner.stop(problemId(entry.getKey()));
            return entry.getValue().done;
        }).toArray(CompletableFuture[]::new);
        if (pending.length > 0) {
            LOG.infof("stopping %d running solves; their best schedules are kept%s", pending.length,
                    handOver ? " and another instance goes on with them" : "");
            try {
                CompletableFuture.allOf(pending).get(20, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                LOG.warn("not every solve saved its schedule before shutdown; another instance, or the next start, takes them over");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        jobs.stop();
    }

    private static String problemId(String planId) {
        return "plan-" + planId;
    }
}
