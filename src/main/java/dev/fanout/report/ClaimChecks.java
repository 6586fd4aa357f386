package dev.fanout.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.fanout.analysis.Forecast;
import dev.fanout.analysis.PlanAnalysis;
import dev.fanout.analysis.Schedule;
import dev.fanout.analysis.Utilization;
import dev.fanout.analysis.WavePlan;
import dev.fanout.plan.ClaimMetric;
import dev.fanout.plan.Plan;
import dev.fanout.report.Report.ClaimCheck.ComputedFrom;
import dev.fanout.report.Report.ClaimCheck.Verdict;

/**
 * Sets the figures a plan's author computed by hand against what the plan computes to. A claim about the parallel
 * schedule is checked against the author's own waves where the plan has them (that is what the author computed),
 * and the optimized schedule is given beside it. Within 5 % counts as holding: hand estimates are rounded.
 */
final class ClaimChecks {

    static final double TOLERANCE = 0.05;

    private final PlanAnalysis analysis;
    private final Schedule optimized;
    private final String unit;
    private final Forecast forecast;

    ClaimChecks(PlanAnalysis analysis, Schedule optimized, Forecast forecast) {
        this.analysis = analysis;
        this.optimized = optimized;
        this.forecast = forecast;
        this.unit = analysis.instance().plan().timeUnit().label();
    }

    List<Report.ClaimCheck> check(List<Plan.Claim> claims) {
        var checks = new ArrayList<Report.ClaimCheck>();
        for (var claim : claims) {
            checks.add(check(claim));
        }
        return checks;
    }

    private Report.ClaimCheck check(Plan.Claim claim) {
        if (claim.isRange() && forecast.ranged() > 0
                && (claim.metric() == ClaimMetric.PARALLEL || claim.metric() == ClaimMetric.SEQUENTIAL)) {
            return againstForecast(claim);
        }
        var scale = analysis.instance().scale();
        double min = claim.min().doubleValue();
        double max = claim.max().doubleValue();
        // Makespans as the report states them (instants); shares and speed-ups of the work that remains.
        double sequential = scale.at(analysis.sequential());
        double optimizedMakespan = scale.at(optimized.makespan());
        Optional<WavePlan> waves = analysis.wavePlan();
        Schedule parallel = waves.map(WavePlan::schedule).orElse(optimized);
        double parallelMakespan = scale.at(parallel.makespan());
        double sequentialWork = scale.toDouble(analysis.sequential());
        double parallelWork = scale.toDouble(parallel.makespan());
        double optimizedWork = scale.toDouble(optimized.makespan());
        var parallelFrom = waves.isPresent() ? ComputedFrom.WAVES : ComputedFrom.OPTIMIZED;
        String fromPhrase = waves.isPresent() ? "the author's wave plan, run as written," : "the optimized schedule";
        var metric = claim.metric();
        var from = switch (metric) {
            case SEQUENTIAL -> ComputedFrom.SEQUENTIAL;
            case CRITICAL_PATH -> ComputedFrom.CRITICAL_PATH;
            case PARALLEL, SAVINGS_PERCENT, SPEEDUP, UTILIZATION_PERCENT -> parallelFrom;
        };
        double computed = switch (metric) {
            case SEQUENTIAL -> sequential;
            case CRITICAL_PATH -> scale.toDouble(analysis.criticalPath().length());
            case PARALLEL -> parallelMakespan;
            case SAVINGS_PERCENT -> Savings.percent(sequentialWork, parallelWork);
            case SPEEDUP -> Savings.speedup(sequentialWork, parallelWork);
            case UTILIZATION_PERCENT -> meanUtilizationPercent(parallel);
        };
        Double alsoOptimized = switch (metric) {
            case SEQUENTIAL, CRITICAL_PATH -> null;
            case PARALLEL -> optimizedMakespan;
            case SAVINGS_PERCENT -> Savings.percent(sequentialWork, optimizedWork);
            case SPEEDUP -> Savings.speedup(sequentialWork, optimizedWork);
            case UTILIZATION_PERCENT -> meanUtilizationPercent(optimized);
        };
        boolean holds = computed >= min * (1 - TOLERANCE) && computed <= max * (1 + TOLERANCE);
        boolean claimIsBetter = metric.isDuration() ? max < computed : min > computed;
        Verdict verdict = holds ? Verdict.HOLDS : metric == ClaimMetric.SEQUENTIAL ? Verdict.DIFFERS
                : claimIsBetter ? Verdict.OPTIMISTIC : Verdict.CONSERVATIVE;
        return new Report.ClaimCheck(metric, metric.label(), claim.source(), min, max, computed, from,
                alsoOptimized, verdict, remark(metric, verdict, Numbers.range(min, max), computed, fromPhrase,
                        alsoOptimized, max), null);
    }

    /**
     * A range the author gave for a duration, on a plan whose durations are ranges too: the author's range is a
     * forecast, so it is set against the forecast of the same strategy (the author's waves where the plan has them).
     * It holds when the forecast's P50 lies in the range (give or take the tolerance); {@code byClaimedMax} says how
     * many runs end by the range's upper end.
     */
    private Report.ClaimCheck againstForecast(Plan.Claim claim) {
        double min = claim.min().doubleValue();
        double max = claim.max().doubleValue();
        boolean sequential = claim.metric() == ClaimMetric.SEQUENTIAL;
        boolean waves = !sequential && analysis.wavePlan().isPresent();
        var outcome = sequential ? forecast.strategies().get(Forecast.Strategy.SEQUENTIAL)
                : waves ? forecast.strategies().get(Forecast.Strategy.WAVES) : forecast.optimized();
        var from = sequential ? ComputedFrom.SEQUENTIAL : waves ? ComputedFrom.WAVES : ComputedFrom.OPTIMIZED;
        double p50 = ForecastViews.time(outcome.p50());
        boolean holds = p50 >= min * (1 - TOLERANCE) && p50 <= max * (1 + TOLERANCE);
        var verdict = holds ? Verdict.HOLDS : sequential ? Verdict.DIFFERS : p50 > max ? Verdict.OPTIMISTIC : Verdict.CONSERVATIVE;
        double byMax = Numbers.round(outcome.shareBy(max), 3);
        String what = sequential ? "one agent doing every task" : waves ? "the author's wave plan, run as written," : "the optimized schedule";
        String lead = switch (verdict) {
            case HOLDS -> "Checks out against the forecast: ";
            case OPTIMISTIC -> "Optimistic against the forecast: ";
            case CONSERVATIVE -> "Better than claimed, by the forecast: ";
            case DIFFERS -> "The forecast differs: ";
        };
        Double optimizedP50 = sequential ? null : ForecastViews.time(forecast.optimized().p50());
        String optimizedNote = optimizedP50 == null || !waves ? ""
                : " Fanout's optimized schedule: P50 %s.".formatted(Numbers.amount(optimizedP50, unit));
        String remark = "%s%s takes %s at P50, %s at P80 and %s at P95 over %s runs; %s %% of them end by the claimed %s (claimed %s).%s"
                .formatted(lead, what, Numbers.amount(p50, unit), Numbers.amount(ForecastViews.time(outcome.p80()), unit),
                        Numbers.amount(ForecastViews.time(outcome.p95()), unit), ForecastViews.count(forecast.runs()),
                        Numbers.format(Numbers.round(byMax * 100, 1)), Numbers.amount(max, unit),
                        Numbers.withUnit(Numbers.range(min, max), unit), optimizedNote);
        return new Report.ClaimCheck(claim.metric(), claim.metric().label(), claim.source(), min, max, p50, from,
                optimizedP50, verdict, remark, byMax);
    }

    private static double meanUtilizationPercent(Schedule schedule) {
        return Numbers.round(Utilization.of(schedule).mean() * 100, 1);
    }

    private String remark(ClaimMetric metric, Verdict verdict, String claimed, double computed, String fromPhrase,
            Double alsoOptimized, double claimedMax) {
        var scale = analysis.instance().scale();
        String value = Numbers.format(computed);
        String amount = Numbers.amount(computed, unit);
        String optimizedNote = alsoOptimized == null ? ""
                : " Fanout's optimized schedule: " + withUnit(metric, Numbers.format(alsoOptimized), unit) + ".";
        return switch (metric) {
            case SEQUENTIAL -> verdict == Verdict.HOLDS
                    ? "Checks out: the task durations add up to %s, as claimed (%s).".formatted(amount, claimed)
                    : "The task durations add up to %s, which is what one agent doing every task needs; the claim says %s."
                            .formatted(amount, Numbers.withUnit(claimed, unit));
            case CRITICAL_PATH -> verdict == Verdict.HOLDS
                    ? "Checks out: the longest dependency chain is %s (claimed %s).".formatted(amount, claimed)
                    : "The longest dependency chain (%s) is %s; the claim says %s."
                            .formatted(String.join(" → ", analysis.instance().taskIds(analysis.criticalPath().tasks())), amount,
                                    Numbers.withUnit(claimed, unit));
            case PARALLEL -> switch (verdict) {
                case HOLDS -> "Checks out: %s takes %s (claimed %s).%s".formatted(fromPhrase, amount, claimed,
                        optimizedNote);
                case CONSERVATIVE -> "Better than claimed: %s takes %s, against the claimed %s.%s".formatted(
                        fromPhrase, amount, claimed, optimizedNote);
                case OPTIMISTIC, DIFFERS -> {
                    double criticalPath = scale.toDouble(analysis.criticalPath().length());
                    String chain = criticalPath > claimedMax
                            ? " The longest dependency chain alone is %s, so no number of agents can meet the claim."
                                    .formatted(Numbers.amount(criticalPath, unit))
                            : "";
                    yield "With the plan's %d agents and its dependencies, %s takes %s, longer than the claimed %s.%s%s"
                            .formatted(analysis.instance().agentCount(), fromPhrase, amount, Numbers.withUnit(claimed, unit), chain,
                                    optimizedNote);
                }
            };
            case SAVINGS_PERCENT -> ratioRemark(verdict, fromPhrase,
                    "saves %s %% against one agent doing everything".formatted(value), claimed, " %", optimizedNote);
            case SPEEDUP -> ratioRemark(verdict, fromPhrase,
                    "runs %s× faster than one agent doing everything".formatted(value), claimed, "×", optimizedNote);
            case UTILIZATION_PERCENT -> ratioRemark(verdict, fromPhrase,
                    "keeps agents busy %s %% of the time on average".formatted(value), claimed, " %", optimizedNote);
        };
    }

    private static String ratioRemark(Verdict verdict, String fromPhrase, String what, String claimed, String suffix,
            String optimizedNote) {
        String lead = switch (verdict) {
            case HOLDS -> "Checks out: ";
            case OPTIMISTIC -> "Less than claimed: ";
            case CONSERVATIVE, DIFFERS -> "More than claimed: ";
        };
        return "%s%s %s; the claim says %s%s.%s".formatted(lead, fromPhrase, what, claimed, suffix, optimizedNote);
    }

    /** A figure of this metric with what follows it: "3 weeks", "1 week" (the plan's {@code unit}), "2×" or "40 %". */
    static String withUnit(ClaimMetric metric, String figure, String unit) {
        return switch (metric) {
            case SEQUENTIAL, PARALLEL, CRITICAL_PATH -> Numbers.withUnit(figure, unit);
            case SPEEDUP -> figure + "×";
            case SAVINGS_PERCENT, UTILIZATION_PERCENT -> figure + " %";
        };
    }
}
