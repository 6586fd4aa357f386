package dev.fanout.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Locale;

import dev.fanout.analysis.Forecast;
import dev.fanout.analysis.PlanAnalysis;
import dev.fanout.plan.DurationDocument;
import dev.fanout.plan.PlanDocument;
import dev.fanout.plan.PlanLimits;
import dev.fanout.plan.PlanValidator;

/**
 * How long a forecast takes ({@code ./fanout bench --set forecast}): the generated plans of 100, 1,000 and 10,000 tasks
 * with every duration d turned into the range {0.8·d, d, 1.6·d}, each forecast on its starting schedule three times
 * after one run to warm up; the median wall time, the runs and the runs × tasks per second. A report builds one forecast.
 */
final class ForecastBenchmark {

    private ForecastBenchmark() {
    }

    static void run() {
        var validator = new PlanValidator(new PlanLimits(100_000, 10_000, 2_000_000));
        System.out.println("| tasks | agents | runs | median wall time | task placements per second | P50 / P80 / P95 |");
        System.out.println("|---:|---:|---:|---:|---:|---|");
        for (var spec : new PlanGenerator.Spec[] { PlanGenerator.Spec.of(100, 10, 1), PlanGenerator.Spec.of(1_000, 50, 1),
                PlanGenerator.Spec.of(10_000, 300, 1) }) {
            var analysis = PlanAnalysis.of(validator.validate(ranged(PlanGenerator.generate(spec))));
            var schedule = analysis.startingSchedule();
            Forecast.of(analysis, schedule);
            var times = new ArrayList<Double>();
            Forecast forecast = null;
            for (int i = 0; i < 3; i++) {
                long started = System.nanoTime();
                forecast = Forecast.of(analysis, schedule);
                times.add((System.nanoTime() - started) / 1e9);
            }
            double median = times.stream().sorted().toList().get(1);
            var outcome = forecast.optimized();
            System.out.printf(Locale.ROOT, "| %,d | %d | %,d | %.2f s | %,.0f | %.1f / %.1f / %.1f |%n", spec.tasks(),
                    spec.agents(), forecast.runs(), median, forecast.runs() * (double) spec.tasks() / median, outcome.p50(),
                    outcome.p80(), outcome.p95());
        }
    }

    /** Every duration d as the range {0.8·d, d, 1.6·d}: skewed to the late side, as estimates are. */
    static PlanDocument ranged(PlanDocument plan) {
        var tasks = plan.tasks().stream().map(task -> {
            var d = task.duration().value();
            return task.withDuration(
                    DurationDocument.range(d.multiply(new BigDecimal("0.8")), d, d.multiply(new BigDecimal("1.6"))));
        }).toList();
        return plan.variant(plan.pools(), plan.agents(), tasks); // a generated plan has no waves or claims to keep
    }
}
