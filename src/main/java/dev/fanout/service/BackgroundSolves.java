package dev.fanout.service;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import dev.fanout.analysis.PlanAnalysis;
import dev.fanout.analysis.Schedule;
import dev.fanout.persistence.SolveRunStore;
import dev.fanout.report.SolveStatus;
import io.quarkus.runtime.StartupEvent;

/**
 * Background solves of stored plans, asked for through any instance: queued as jobs of {@link JobEngine} in the queue
 * every instance shares, run by whichever instance takes them ({@link SolveRuns}), stopped wherever they run. A plan
 * is SOLVING from the moment its solve is queued until it ends; one solve per plan at a time.
 */
@ApplicationScoped
public class BackgroundSolves {

    private static final Logger LOG = Logger.getLogger(BackgroundSolves.class);

    /**
     * Start-up order: the job engine starts, and takes over solves a crash cut off, before anything else starts
     * solving (the example plans, which {@link SeedPlans} loads after this).
     */
    static final int RESUME_FIRST = Interceptor.Priority.APPLICATION;

    /** A running solve: its best schedule so far is what readers see. */
    public record Progress(PlanAnalysis analysis, Schedule best) {
    }

    private final PlanCatalog catalog;
    private final SolveRunStore runs;
    private final JobEngine jobs;
    private final SolveRuns here;
    private final SolveAdmission admission;

    public BackgroundSolves(PlanCatalog catalog, SolveRunStore runs, JobEngine jobs, SolveRuns here,
            SolveAdmission admission) {
        this.catalog = catalog;
        this.runs = runs;
        this.jobs = jobs;
        this.here = here;
        this.admission = admission;
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
        var analysis = catalog.analysis(stored);
        var start = SolveStart.of(catalog, stored, analysis);
        admission.admitQueued();
        if (!runs.queue(id, limit.toMillis() / 1000.0, start.schedule(), analysis.lowerBound())) {
            throw new AlreadySolving(id);
        }
        if (analysis.isProvenOptimal(start.schedule())) {
            // Proven optimal before the solver starts: nothing to search for.
            var outcome = SolveRuns.stabilized(SolveOutcome.provenAtStart(start.schedule()), start.previousAgents());
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
        if (here.stopHere(id)) {
            return;
        }
        // Asked first, so that a run that begins meanwhile (its job queued again by the housekeeping) stops at once.
        runs.requestStop(id);
        if (jobs.cancelQueued(JobEngine.SOLVE, id)) {
            runs.finish(id, null, SolveStatus.SOLVED, null, 0, "stopped before it began; the starting schedule is kept");
        }
    }

    /**
     * Deletes a plan with its schedule and what-if comparison. Plans are deleted through here, not the catalog, so
     * that a running solve is stopped first (its end, arriving later, finds nothing to save).
     *
     * @throws PlanNotFound when no plan has this id
     */
    public void delete(String id) {
        // Read first: another owner's plan is not found, and its solve is left running.
        catalog.get(id);
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
            here.awaitHere(id, limit);
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
        return here.isRunningHere(id);
    }

    /** The plan's solve running on this instance, if any: its best schedule so far. */
    public Optional<Progress> progress(String id) {
        return here.progress(id);
    }

    /** At start-up: the job engine starts taking solves and scenarios, those a crash cut off included. */
    void onStart(@Observes @Priority(RESUME_FIRST) StartupEvent event) {
        jobs.start();
    }
}
