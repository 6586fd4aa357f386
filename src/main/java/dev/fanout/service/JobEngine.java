package dev.fanout.service;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import dev.fanout.config.FanoutConfig;
import dev.fanout.persistence.SolveRunStore;
import io.quarkus.arc.All;

/**
 * The job engine, db-scheduler over the service's own database: a queued job (a background solve, a what-if
 * scenario) is a row that exactly one instance claims and runs, marking it alive while it runs; when its instance dies
 * the row is revived for another instance. This class only wires the engine; what a job does is its
 * {@link JobHandler}'s. Every instance runs {@code parallel-solves} jobs at a time.
 */
@ApplicationScoped
public class JobEngine {

    private static final Logger LOG = Logger.getLogger(JobEngine.class);
    /** The job kind of background solves, whose rows the housekeeping keeps in step with the plans' solve status. */
    static final String SOLVE = "solve";
    /** How long an instance counts as alive after it was last seen (it is seen every heartbeat). */
    private static final Duration ALIVE = Duration.ofSeconds(15);

    /** What one kind of job does. */
    public interface JobHandler {
        /** The job kind (db-scheduler's task name). */
        String kind();

        /** Runs the job with this id to its end, on a job thread; throws {@link HandedOver} to queue it again. */
        void run(String id);
    }

    /** Thrown by a job whose instance is shutting down and hands it to another: it is queued again at once. */
    public static final class HandedOver extends RuntimeException {
        public HandedOver(String what) {
            super(what + " is handed to another instance", null, false, false);
        }
    }

    private final DataSource dataSource;
    private final SolveRunStore runs;
    private final FanoutConfig.Jobs config;
    private final int threads;
    private final String instance;
    private volatile Scheduler scheduler;
    private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, "fanout-instance");
        thread.setDaemon(true);
        return thread;
    });

    private final List<JobHandler> handlers;

    public JobEngine(DataSource dataSource, SolveRunStore runs, FanoutConfig config, @All List<JobHandler> handlers) {
        this.dataSource = dataSource;
        this.runs = runs;
        this.handlers = handlers;
        this.config = config.jobs();
        this.threads = config.solve().parallelSolves();
        this.instance = this.config.instanceName().filter(name -> !name.isBlank()).orElseGet(JobEngine::defaultName);
    }

    private static String defaultName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        var pid = ManagementFactory.getRuntimeMXBean().getPid();
        return (host + "-" + pid + "-" + UUID.randomUUID().toString().substring(0, 6)).toLowerCase(Locale.ROOT);
    }

    /** This instance's name, as the job table and the solve rows know it. */
    public String instance() {
        return instance;
    }

    /** Starts taking jobs, those a crash cut off included. */
    public synchronized void start() {
        var tasks = handlers.stream().<Task<?>>map(JobEngine::task).toList();
        scheduler = Scheduler.create(dataSource, tasks)
                .schedulerName(new SchedulerName.Fixed(instance))
                .threads(threads)
                .pollingInterval(config.pollingInterval())
                .heartbeatInterval(config.heartbeat())
                .missedHeartbeatsLimit(config.missedHeartbeats())
                .enableImmediateExecution()
                .shutdownMaxWait(Duration.ofSeconds(25))
                .build();
        runs.seen(instance);
        scheduler.start();
        long beat = Math.max(1, config.heartbeat().toMillis());
        housekeeping.scheduleWithFixedDelay(this::housekeep, beat, beat, TimeUnit.MILLISECONDS);
        LOG.infof("instance %s takes jobs from the database (%d at a time)", instance, threads);
    }

    private static OneTimeTask<Void> task(JobHandler handler) {
        return Tasks.oneTime(handler.kind())
                .onDeadExecutionRevive()
                .onFailure((complete, operations) -> {
                    var cause = complete.getCause().orElse(null);
                    if (cause instanceof HandedOver) {
                        operations.reschedule(complete, Instant.now());
                    } else {
                        // Handlers record their own failures where they belong; the job itself is over.
                        LOG.errorf(cause, "the %s job %s failed", handler.kind(), complete.getExecution().taskInstance.getId());
                        operations.remove();
                    }
                })
                .execute((taskInstance, context) -> handler.run(taskInstance.getId()));
    }

    /**
     * Every heartbeat: this instance is seen alive, and a solve marked SOLVING whose job row is missing (a crash
     * between the two writes) is queued again, once its row has not changed for a heartbeat: a row written since is
     * between its two writes right now, or being run.
     */
    private void housekeep() {
        try {
            runs.seen(instance);
            for (var id : runs.solvingUnchangedSince(Instant.now().minus(config.heartbeat()))) {
                if (scheduler.getScheduledExecution(TaskInstanceId.of(SOLVE, id)).isEmpty()) {
                    schedule(SOLVE, id);
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "instance %s could not do its housekeeping", instance);
        }
    }

    /** Queues a job for whichever instance is free first (this one at once, if it is); a job already queued stays. */
    public void schedule(String kind, String id) {
        scheduler.scheduleIfNotExists(named(kind).instance(id), Instant.now());
    }

    /**
     * Takes a queued job out of the queue before any instance began it.
     *
     * @return false when an instance is running it (ask it to stop instead)
     */
    public boolean cancelQueued(String kind, String id) {
        try {
            scheduler.cancel(TaskInstanceId.of(kind, id));
            return true;
        } catch (TaskInstanceCurrentlyExecutingException e) {
            return false;
        } catch (TaskInstanceNotFoundException e) {
            return true;
        }
    }

    /** What the readiness check shows. */
    public record Status(String instance, boolean takingJobs, long instancesAlive, long solvesQueuedOrRunning) {
    }

    public Status status() {
        var engine = scheduler;
        boolean taking = engine != null && engine.getSchedulerState().isStarted() && !engine.getSchedulerState().isPaused()
                && !engine.getSchedulerState().isShuttingDown();
        return new Status(instance, taking, aliveInstances(), runs.queuedAndRunning());
    }

    /** Instances alive now, this one included. */
    public long aliveInstances() {
        return Math.max(1, runs.alive(ALIVE));
    }

    /** Stops taking new solves (the running ones go on until they end). */
    public void pause() {
        if (scheduler != null) {
            scheduler.pause();
        }
    }

    /** Stops the engine; this instance no longer counts as alive. */
    public synchronized void stop() {
        housekeeping.shutdownNow();
        if (scheduler != null) {
            scheduler.stop();
            scheduler = null;
        }
        try {
            runs.gone(instance);
        } catch (RuntimeException e) {
            LOG.warnf(e, "could not record that instance %s stopped", instance);
        }
    }

    private static OneTimeTask<Void> named(String kind) {
        // Only its name matters to schedule a job: the same as the task the engine runs.
        return Tasks.oneTime(kind).execute((taskInstance, context) -> {
            throw new IllegalStateException("a task definition used only to name jobs");
        });
    }
}
