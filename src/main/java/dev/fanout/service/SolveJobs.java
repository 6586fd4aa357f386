package dev.fanout.service;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.fanout.analysis.PlanAnalysis;
import dev.fanout.persistence.ScheduleCodec;
import dev.fanout.persistence.SolveJobStore;
import dev.fanout.plan.PlanDocument;
import dev.fanout.plan.PlanReader;

/**
 * Plans solved as jobs for the instance that asked — a one-shot solve, each scenario of a what-if sweep — so that the
 * work spreads over the instances: the asker writes the plan to the database and queues a job; whichever instance is
 * free solves it and writes the schedule back; the asker decodes it against its own analysis of the same plan (read
 * at once when this instance ran it, else polled for).
 */
@ApplicationScoped
public class SolveJobs implements JobEngine.JobHandler {

    private static final Logger LOG = Logger.getLogger(SolveJobs.class);
    static final String KIND = "solve-for-request";
    private static final Duration POLL = Duration.ofMillis(200);
    /** Answers are read within a poll; rows stay this long (to see where the work ran), then go. */
    private static final Duration KEEP = Duration.ofHours(1);

    private record Waiting(PlanAnalysis analysis, CompletableFuture<SolveOutcome> answer) {
    }

    private final SolveJobStore store;
    private final JobEngine engine;
    private final SolveRunner runner;
    private final PlanIntake intake;
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, "fanout-solve-answers");
        thread.setDaemon(true);
        return thread;
    });
    private boolean polling;
    private long polls;

    public SolveJobs(SolveJobStore store, JobEngine engine, SolveRunner runner, PlanIntake intake) {
        this.store = store;
        this.engine = engine;
        this.runner = runner;
        this.intake = intake;
    }

    /**
     * Solves the plan {@code document}, whose analysis is {@code analysis}, within {@code limit}, on whichever
     * instance is free first. The outcome's schedule is always valid; a failed search is said in the outcome.
     */
    public CompletableFuture<SolveOutcome> solve(PlanDocument document, PlanAnalysis analysis, Duration limit) {
        var starting = analysis.startingSchedule();
        if (analysis.isProvenOptimal(starting)) {
            // Proven optimal before any search: nothing to hand to anyone.
            return CompletableFuture.completedFuture(SolveOutcome.provenAtStart(starting));
        }
        var id = UUID.randomUUID().toString();
        String json;
        try {
            json = PlanReader.json().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a plan to solve", e);
        }
        var answer = new CompletableFuture<SolveOutcome>();
        store.add(id, json, limit.toMillis() / 1000.0, engine.instance());
        waiting.put(id, new Waiting(analysis, answer));
        startPolling();
        engine.schedule(KIND, id);
        return answer;
    }

    private synchronized void startPolling() {
        if (!polling) {
            polling = true;
            poller.scheduleWithFixedDelay(this::poll, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void poll() {
        try {
            if (!waiting.isEmpty()) {
                store.answers(waiting.keySet()).forEach(this::answered);
            }
            if (++polls % 3_000 == 0) {
                store.removeOlderThan(KEEP);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "could not read the answers of solves run for requests");
        }
    }

    private void answered(SolveJobStore.Answer answer) {
        var asked = waiting.remove(answer.id());
        if (asked == null) {
            return;
        }
        if (answer.schedule() == null) {
            asked.answer().completeExceptionally(new IllegalStateException(answer.message()));
            return;
        }
        try {
            var schedule = ScheduleCodec.decode(asked.analysis().instance(), answer.schedule());
            asked.answer().complete(new SolveOutcome(schedule, asked.analysis().isProvenOptimal(schedule), Duration.ZERO,
                    true, answer.failed(), answer.message(), Duration.ZERO, 0));
        } catch (RuntimeException e) {
            asked.answer().completeExceptionally(e);
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** Solves a plan some instance asked for, and writes the answer back. */
    @Override
    public void run(String id) {
        var pending = store.begin(id, engine.instance()).orElse(null);
        if (pending == null) {
            return;
        }
        SolveJobStore.Answer answer;
        try {
            var document = PlanReader.json().readValue(pending.document(), PlanDocument.class);
            var analysis = PlanAnalysis.of(intake.validate(document));
            var outcome = runner.solveAsync(analysis, Duration.ofMillis(Math.round(pending.seconds() * 1000))).join();
            answer = new SolveJobStore.Answer(id, ScheduleCodec.encode(outcome.schedule()), outcome.failed(), outcome.message());
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.errorf(e, "the plan of solve job %s could not be solved", id);
            answer = new SolveJobStore.Answer(id, null, true, "the plan could not be solved: " + e.getMessage());
        }
        store.answer(id, answer.schedule(), answer.failed(), answer.message());
        // Asked here: answered at once, without waiting for the next poll.
        answered(answer);
    }

    @PreDestroy
    void shutdown() {
        poller.shutdownNow();
    }
}
