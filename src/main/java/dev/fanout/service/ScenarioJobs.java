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
import dev.fanout.analysis.Schedule;
import dev.fanout.persistence.ScenarioStore;
import dev.fanout.persistence.ScheduleCodec;
import dev.fanout.plan.PlanDocument;
import dev.fanout.plan.PlanReader;

/**
 * What-if scenarios solved as jobs, so that a sweep's scenarios spread over the instances: the instance that asks
 * writes each variant plan to the database and queues a job; whichever instance is free solves it and writes the
 * schedule back; the asker, polling, decodes it against its own analysis of the same variant.
 */
@ApplicationScoped
public class ScenarioJobs implements JobEngine.JobHandler {

    private static final Logger LOG = Logger.getLogger(ScenarioJobs.class);
    static final String KIND = "what-if-scenario";
    private static final Duration POLL = Duration.ofMillis(200);
    /** Answers are read within a poll; rows stay this long (to see where scenarios ran), then go. */
    private static final Duration KEEP = Duration.ofHours(1);

    private record Waiting(PlanAnalysis analysis, CompletableFuture<Schedule> answer) {
    }

    private final ScenarioStore store;
    private final JobEngine engine;
    private final SolveRunner runner;
    private final PlanIntake intake;
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, "fanout-scenarios");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean polling;
    private long polls;

    public ScenarioJobs(ScenarioStore store, JobEngine engine, SolveRunner runner, PlanIntake intake) {
        this.store = store;
        this.engine = engine;
        this.runner = runner;
        this.intake = intake;
    }

    /**
     * Solves a scenario, whose variant plan is {@code document} and its analysis {@code analysis}, on whichever
     * instance is free first; the answer is its best schedule within {@code limit}.
     */
    public CompletableFuture<Schedule> solve(PlanDocument document, PlanAnalysis analysis, Duration limit) {
        var id = UUID.randomUUID().toString();
        String json;
        try {
            json = PlanReader.json().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a scenario's plan", e);
        }
        var answer = new CompletableFuture<Schedule>();
        store.add(id, json, limit.toMillis() / 1000.0);
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
            for (var answer : store.answers(waiting.keySet())) {
                var asked = waiting.remove(answer.id());
                if (asked == null) {
                    continue;
                }
                if (answer.error() != null) {
                    asked.answer().completeExceptionally(new IllegalStateException(answer.error()));
                } else {
                    asked.answer().complete(ScheduleCodec.decode(asked.analysis().instance(), answer.schedule()));
                }
            }
            if (++polls % 3_000 == 0) {
                store.removeOlderThan(KEEP);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "could not read the answers of what-if scenarios");
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** Solves a scenario some instance asked for, and writes its schedule back. */
    @Override
    public void run(String id) {
        var pending = store.begin(id, engine.instance()).orElse(null);
        if (pending == null) {
            return;
        }
        try {
            var document = PlanReader.json().readValue(pending.document(), PlanDocument.class);
            var analysis = PlanAnalysis.of(intake.validate(document));
            var outcome = runner.solveAsync(analysis, Duration.ofMillis(Math.round(pending.seconds() * 1000))).join();
            store.answer(id, ScheduleCodec.encode(outcome.schedule()), null);
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.errorf(e, "what-if scenario %s could not be solved", id);
            store.answer(id, null, "the scenario could not be solved: " + e.getMessage());
        }
    }

    @PreDestroy
    void shutdown() {
        poller.shutdownNow();
    }
}
