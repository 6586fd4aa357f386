package dev.fanout.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import dev.fanout.analysis.Schedule;
import dev.fanout.report.SolveStatus;

/**
 * The state of background solves in the database, which every instance reads and writes: a solve is SOLVING from the
 * moment it is queued until it ends; while it runs, {@code run_by} names the one instance that may save its
 * schedules. Every write a run makes is conditional on still being that instance, so that a run another instance took
 * over (its heartbeats were missed) can no longer overwrite anything and stops.
 */
@ApplicationScoped
public class SolveRunStore {

    /** What a run starts from: the time asked for and already spent, and whether a stop came in while it waited. */
    public record Claim(double requestedSeconds, double spentSeconds, boolean stopRequested, String previousRunner) {

        /** The solving time left, at least {@code minimum}. */
        public double secondsLeft(double minimum) {
            return Math.max(minimum, requestedSeconds - spentSeconds);
        }
    }

    /**
     * Marks a solve queued: SOLVING, with the schedule it starts from as the best so far.
     *
     * @return false when the plan is being solved already (nothing is written)
     */
    @Transactional
    public boolean queue(String id, double requestedSeconds, Schedule best, long lowerBound) {
        var solve = solveOf(id);
        if (solve.status == SolveStatus.SOLVING) {
            return false;
        }
        solve.status = SolveStatus.SOLVING;
        solve.requestedSeconds = requestedSeconds;
        solve.startedAt = Instant.now();
        solve.finishedAt = null;
        solve.message = null;
        solve.runBy = null;
        solve.stopRequested = false;
        solve.spentSeconds = 0;
        write(solve, best, lowerBound);
        return true;
    }

    /**
     * An instance begins (or takes over) the run of a queued solve: from now on only {@code instance} writes it.
     *
     * @return empty when there is nothing to run: the plan was deleted, or its solve has ended
     */
    @Transactional
    public Optional<Claim> begin(String id, String instance) {
        SolveEntity solve = SolveEntity.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (solve == null || solve.status != SolveStatus.SOLVING) {
            return Optional.empty();
        }
        var claim = new Claim(solve.requestedSeconds == null ? 0 : solve.requestedSeconds, solve.spentSeconds,
                solve.stopRequested, solve.runBy);
        solve.runBy = instance;
        solve.updatedAt = Instant.now();
        return Optional.of(claim);
    }

    /**
     * Saves a better schedule of a run, and the time it has spent.
     *
     * @return false when the run is no longer this instance's (taken over, stopped through another instance, the plan
     *         deleted or re-versioned): the run should stop
     */
    @Transactional
    public boolean progress(String id, String instance, Schedule best, long lowerBound, double spentSeconds) {
        var solve = ownRun(id, instance);
        if (solve == null) {
            return false;
        }
        solve.spentSeconds = spentSeconds;
        if (best != null) {
            write(solve, best, lowerBound);
        } else {
            solve.updatedAt = Instant.now();
        }
        return !solve.stopRequested;
    }

    /**
     * Records the end of a run with its best schedule (when given). Ignored when the run is no longer this instance's
     * ({@code instance} null: a solve that ended before any instance ran it).
     */
    @Transactional
    public void finish(String id, String instance, SolveStatus status, Schedule best, long lowerBound, String message) {
        var solve = instance == null ? SolveEntity.<SolveEntity>findById(id, LockModeType.PESSIMISTIC_WRITE) : ownRun(id, instance);
        if (solve == null || (instance == null && solve.runBy != null)) {
            return;
        }
        solve.status = status;
        solve.finishedAt = Instant.now();
        solve.runBy = null;
        solve.stopRequested = false;
        solve.message = message == null || message.length() <= 2000 ? message : message.substring(0, 2000);
        if (best != null) {
            write(solve, best, lowerBound);
        } else {
            solve.updatedAt = Instant.now();
        }
    }

    /**
     * Hands a run back to the queue (its instance is shutting down): still SOLVING, its best schedule and spent time
     * saved, for another instance to go on from.
     */
    @Transactional
    public void release(String id, String instance, Schedule best, long lowerBound, double spentSeconds) {
        var solve = ownRun(id, instance);
        if (solve != null) {
            solve.spentSeconds = spentSeconds;
            solve.runBy = null;
            write(solve, best, lowerBound);
        }
    }

    /**
     * Asks whichever instance runs the plan's solve to stop it; it does within a heartbeat.
     *
     * @return false when the plan is not being solved
     */
    @Transactional
    public boolean requestStop(String id) {
        return SolveEntity.update("stopRequested = true where planId = ?1 and status = ?2", id, SolveStatus.SOLVING) > 0;
    }

    /** The plan's solve status as saved (empty: never solved, or no such plan). */
    @Transactional
    public Optional<SolveStatus> status(String id) {
        return SolveEntity.<SolveEntity>findByIdOptional(id).map(solve -> solve.status);
    }

    /** The instance running the plan's solve, if one does. */
    @Transactional
    public Optional<String> runner(String id) {
        return SolveEntity.<SolveEntity>findByIdOptional(id).map(solve -> solve.runBy);
    }

    /**
     * Solves marked SOLVING (queued or running on some instance) whose row has not been written since {@code before}: a
     * solve written later is being queued or run right now, not left behind.
     */
    @Transactional
    public List<String> solvingUnchangedSince(Instant before) {
        return SolveEntity.<SolveEntity>list("status = ?1 and updatedAt < ?2", SolveStatus.SOLVING, before).stream()
                .map(solve -> solve.planId).toList();
    }

    /** Solves queued or running across every instance: the places taken in the shared solve queue. */
    @Transactional
    public long queuedAndRunning() {
        return SolveEntity.count("status", SolveStatus.SOLVING);
    }

    /** This instance is alive now. */
    @Transactional
    public void seen(String instance) {
        var now = Instant.now();
        if (InstanceEntity.update("seenAt = ?1 where name = ?2", now, instance) == 0) {
            var entity = new InstanceEntity();
            entity.name = instance;
            entity.seenAt = now;
            entity.persist();
        }
    }

    /** Instances seen within {@code within} (this one included once it has been seen); old rows are removed. */
    @Transactional
    public long alive(Duration within) {
        var since = Instant.now().minus(within);
        InstanceEntity.delete("seenAt < ?1", Instant.now().minus(Duration.ofHours(1)));
        return InstanceEntity.count("seenAt >= ?1", since);
    }

    /** An instance stops: it no longer counts as alive. */
    @Transactional
    public void gone(String instance) {
        InstanceEntity.deleteById(instance);
    }

    private static SolveEntity ownRun(String id, String instance) {
        SolveEntity solve = SolveEntity.findById(id, LockModeType.PESSIMISTIC_WRITE);
        return solve != null && solve.status == SolveStatus.SOLVING && instance.equals(solve.runBy) ? solve : null;
    }

    private static SolveEntity solveOf(String id) {
        SolveEntity existing = SolveEntity.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (existing != null) {
            return existing;
        }
        var solve = new SolveEntity();
        solve.planId = id;
        solve.status = SolveStatus.NOT_SOLVED;
        solve.updatedAt = Instant.now();
        solve.persist();
        return solve;
    }

    private static void write(SolveEntity solve, Schedule best, long lowerBound) {
        var scale = best.instance().scale();
        solve.schedule = ScheduleCodec.encode(best);
        solve.makespan = scale.at(best.makespan());
        solve.lowerBound = scale.at(lowerBound);
        solve.optimal = best.makespan() <= lowerBound && best.windowOverrun() == 0;
        solve.updatedAt = Instant.now();
    }
}
