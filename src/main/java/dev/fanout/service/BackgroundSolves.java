package dev.fanout.service;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
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
import dev.fanout.config.FanoutConfig;
import dev.fanout.persistence.SolveRunStore;
import dev.fanout.report.Numbers;
import dev.fanout.report.SolveStatus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Background solves of stored plans, on whichever instance the job engine ({@link JobEngine}) hands them to, and
 * everything that keeps them from being lost: the best schedule so far is saved at most once a second; every write is
 * conditional on the run still being this instance's; a stop asked through any instance reaches the run within a
 * heartbeat; a graceful shutdown hands running solves to another live instance (or, alone, stops them and keeps their
 * best schedules); a solve whose instance died is taken over by another from its best saved schedule, for the time it
 * had left. One solve per plan at a time.
 */
@ApplicationScoped
public class BackgroundSolves implements JobEngine.JobHandler {

    private static final Logger LOG = Logger.getLogger(BackgroundSolves.class);
    private static final Duration SAVE_INTERVAL = Duration.ofSeconds(1);
    /** At most this long spent moving re-planned tasks back to their previous agents. */
    private static final Duration STABILIZE_TIME = Duration.ofSeconds(2);
    /** A solve taken over or resumed runs at least this long. */
    private static final double MINIMUM_SECONDS = 1;
    /**
     * Start-up order: the job engine starts, and takes over solves a crash cut off, before anything else starts
     * solving (the example plans, which {@link SeedPlans} loads after this).
     */
    static final int RESUME_FIRST = Interceptor.Priority.APPLICATION;

    /** A running solve: its best schedule so far is what readers see. */
    public record Progress(PlanAnalysis analysis, Schedule best) {
    }

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
    private final SolveAdmission admission;
    private final SolveMetrics metrics;
    private final Duration heartbeat;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private volatile boolean shuttingDown;

    public BackgroundSolves(PlanCatalog catalog, SolveRunStore runs, JobEngine jobs, SolveRunner runner,
            SolveAdmission admission, SolveMetrics metrics, FanoutConfig config) {
        this.catalog = catalog;
        this.runs = runs;
        this.jobs = jobs;
        this.runner = runner;
        this.admission = admission;
        this.metrics = metrics;
        this.heartbeat = config.jobs().heartbeat();
    }

    /**
     * Queues a background solve of a stored plan, from the better of its last schedule and its best baseline; the
     * plan is SOLVING from now on, with that schedule as its best so far.
     *
     * @throws AlreadySolving when it is being solved
     * @throws Overloaded when the solve queue shared by the instances is full
     */
    public void start(String id, Duration limit) {
        // Whoever starts it (a request, or the start-up), the solve's log lines name its plan.
        LogContext.withPlan(id, () -> queue(id, limit));
    }

    private void queue(String id, Duration limit) {
        var stored = catalog.get(id);
        if (runs.status(id).orElse(null) == SolveStatus.SOLVING) {
            throw new AlreadySolving(id);
        }
        var analysis = catalog.analysis(id);
        var start = SolveStart.of(catalog, stored, analysis);
        admission.admitQueued(runs.queuedAndRunning(), jobs.aliveInstances());
        if (!runs.queue(id, limit.toMillis() / 1000.0, start.schedule(), analysis.lowerBound())) {
            throw new AlreadySolving(id);
        }
        if (analysis.isProvenOptimal(start.schedule())) {
            // Proven optimal before the solver starts: nothing to search for.
            var outcome = stabilized(SolveOutcome.provenAtStart(start.schedule()), start.previousAgents());
            runs.finish(id, null, SolveStatus.SOLVED, outcome.schedule(), analysis.lowerBound(), outcome.message());
            return;
        }
        try {
            jobs.schedule(JobEngine.SOLVE, id);
        } catch (RuntimeException e) {
            runs.finish(id, null, SolveStatus.FAILED, null, 0, "could not be queued: " + e.getMessage());
            throw e;
        }
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
            var analysis = catalog.analysis(id);
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

    /**
     * Stops a background solve wherever it runs; the best schedule so far is kept.
     *
     * @throws PlanNotFound when no plan has this id
     * @throws NotSolving when the plan is not being solved
     */
    public void stop(String id) {
        catalog.get(id);
        if (runs.status(id).orElse(null) != SolveStatus.SOLVING) {
            throw new NotSolving(id);
        }
        stopAnywhere(id);
    }

    /**
     * Stops the plan's solve on this instance, or takes it out of the queue, or asks the instance that runs it (which
     * does within a heartbeat).
     */
    private void stopAnywhere(String id) {
        if (running.containsKey(id)) {
            runner.stop(problemId(id));
        } else if (jobs.cancelQueued(JobEngine.SOLVE, id)) {
            runs.finish(id, null, SolveStatus.SOLVED, null, 0, "stopped before it began; the starting schedule is kept");
        } else {
            runs.requestStop(id);
        }
    }

    /**
     * Deletes a plan with its schedule and what-if comparison. Plans are deleted through here, not the catalog, so
     * that a running solve is stopped first (its end, arriving later, finds nothing to save).
     *
     * @throws PlanNotFound when no plan has this id
     */
    public void delete(String id) {
        if (runs.status(id).orElse(null) == SolveStatus.SOLVING) {
            stopAnywhere(id);
        }
        catalog.delete(id);
    }

    /**
     * Stops the plan's solve, wherever it runs, and waits (up to 20 s) until it has saved its best schedule: what a
     * new version of the plan needs before it replaces the one being solved.
     */
    public void stopAndWait(String id) {
        if (runs.status(id).orElse(null) == SolveStatus.SOLVING) {
            stopAnywhere(id);
            await(id, Duration.ofSeconds(20));
        }
    }

    /** Waits (at most {@code limit}) until the plan's solve, wherever it runs, has ended and saved its schedule. */
    public void await(String id, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            var run = running.get(id);
            if (run != null) {
                run.done.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            }
            while (runs.status(id).orElse(null) == SolveStatus.SOLVING) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException();
                }
                Thread.sleep(100);
            }
        } catch (TimeoutException | ExecutionException e) {
            LOG.warnf("the solve of plan %s had not ended after %s", id, limit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the plan's solve runs on this instance. */
    public boolean isSolving(String id) {
        return running.containsKey(id);
    }

    /** The plan's solve running on this instance, if any: its best schedule so far. */
    public Optional<Progress> progress(String id) {
        return Optional.ofNullable(running.get(id)).map(run -> new Progress(run.analysis, run.best));
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
    private static SolveOutcome stabilized(SolveOutcome outcome, int[] previousAgents) {
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

    /** At start-up: the job engine starts taking solves and scenarios, those a crash cut off included. */
    void onStart(@Observes @Priority(RESUME_FIRST) StartupEvent event) {
        jobs.start();
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
