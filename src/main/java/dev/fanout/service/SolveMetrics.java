package dev.fanout.service;

import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.fanout.analysis.PlanAnalysis;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;

/**
 * Every solver figure Prometheus reads at {@code /q/metrics}: the queue (fanout_solves_running, _queued, _capacity,
 * _refused_total), each solve's duration and gap to its bound, and per running plan its best makespan and bound.
 */
@ApplicationScoped
public class SolveMetrics {

    private final MeterRegistry registry;
    private final Timer solveTime;
    private final DistributionSummary gap;
    private final Counter refused;

    public SolveMetrics(MeterRegistry registry) {
        this.registry = registry;
        solveTime = Timer.builder("fanout.solve.duration").description("Wall-clock time of a solve").register(registry);
        gap = DistributionSummary.builder("fanout.solve.gap").baseUnit("percent")
                .description("Gap of a solve's final makespan to its lower bound").register(registry);
        refused = Counter.builder("fanout.solves.refused").description("Solves refused because the queue was full")
                .register(registry);
    }

    void watchQueue(@Observes StartupEvent event, SolveRunner runner, SolveAdmission admission) {
        Gauge.builder("fanout.solves.running", runner, SolveRunner::running)
                .description("Solves running now").register(registry);
        Gauge.builder("fanout.solves.queued", runner, SolveRunner::queued)
                .description("Solves admitted and waiting for a solver thread").register(registry);
        Gauge.builder("fanout.solves.capacity", admission, SolveAdmission::capacity)
                .description("Solves that may be running or waiting at once; more are refused").register(registry);
    }

    /** A solve ended (not counted when the starting schedule was proven optimal and nothing ran). */
    void solved(PlanAnalysis analysis, SolveOutcome outcome) {
        if (!outcome.solverRan()) {
            return;
        }
        solveTime.record(outcome.spent().toNanos(), TimeUnit.NANOSECONDS);
        long bound = analysis.lowerBound();
        gap.record(bound == 0 ? 0 : 100.0 * (outcome.schedule().makespan() - bound) / bound);
    }

    void refused() {
        refused.increment();
    }

    /**
     * Gauges of one running background solve, in the plan's time unit; closing the handle removes them when the solve
     * ends.
     */
    AutoCloseable watchPlan(String planId, Supplier<Number> bestMakespan, double lowerBound) {
        var meters = new ArrayList<Meter>();
        AutoCloseable removal = () -> meters.forEach(registry::remove);
        try {
            meters.add(Gauge.builder("fanout.solve.best.makespan", bestMakespan).tag("plan", planId)
                    .description("Best makespan so far of a running solve, in the plan's time unit").register(registry));
            meters.add(Gauge.builder("fanout.solve.lower.bound", () -> lowerBound).tag("plan", planId)
                    .description("Lower bound of a running solve's plan, in the plan's time unit").register(registry));
        } catch (RuntimeException e) {
            meters.forEach(registry::remove);
            throw e;
        }
        return removal;
    }
}
