package dev.fanout.report;

import java.util.Arrays;
import java.util.LinkedHashMap;

import dev.fanout.analysis.Forecast;
import dev.fanout.analysis.Instance;

/** The forecast as the report shows it: task ids, strategy names, figures rounded for reading. */
final class ForecastViews {

    private ForecastViews() {
    }

    static Report.ForecastView of(Forecast forecast, Instance instance) {
        var optimized = forecast.optimized();
        var criticality = new LinkedHashMap<String, Double>();
        for (int task = 0; task < instance.taskCount(); task++) {
            criticality.put(instance.taskId(task), Numbers.round(forecast.criticality(task), 3));
        }
        var strategies = new LinkedHashMap<String, Report.OutcomeView>();
        forecast.strategies().forEach((strategy, outcome) -> strategies.put(name(strategy), outcome(outcome)));
        String note = forecast.ranged() == 0
                ? "No task has a duration range: every run would take the same time, so one run is enough."
                : "%s runs with each of the %d ranged tasks' durations drawn from its PERT distribution; every strategy "
                        .formatted(count(forecast.runs()), forecast.ranged())
                        + "runs with the same durations in each run.";
        return new Report.ForecastView(forecast.runs(), Forecast.SEED, forecast.ranged(), time(optimized.p50()),
                time(optimized.p80()), time(optimized.p95()), time(optimized.mean()), share(optimized.onTime()),
                histogram(optimized.histogram()), criticality, note, strategies);
    }

    private static Report.OutcomeView outcome(Forecast.Outcome outcome) {
        return new Report.OutcomeView(time(outcome.p50()), time(outcome.p80()), time(outcome.p95()), time(outcome.mean()),
                share(outcome.onTime()), histogram(outcome.histogram()));
    }

    private static Report.HistogramView histogram(Forecast.Histogram histogram) {
        return new Report.HistogramView(Numbers.round(histogram.from(), 4), Numbers.round(histogram.width(), 4),
                Arrays.stream(histogram.counts()).boxed().toList());
    }

    /** "sequential", "waves", "tiers": the report's own names for the strategies. */
    static String name(Forecast.Strategy strategy) {
        return JsonNames.of(switch (strategy) {
            case SEQUENTIAL -> Report.Baseline.SEQUENTIAL;
            case WAVES -> Report.Baseline.WAVES;
            case TIERS -> Report.Baseline.TIERS;
        });
    }

    /** "10,000": a count as the report's sentences write it. */
    static String count(int runs) {
        return String.format(java.util.Locale.ROOT, "%,d", runs);
    }

    /** Two decimals: the forecast is a spread, not an exact time. */
    static double time(double value) {
        return Numbers.round(value, 2);
    }

    private static Double share(Double value) {
        return value == null ? null : Numbers.round(value, 3);
    }
}
