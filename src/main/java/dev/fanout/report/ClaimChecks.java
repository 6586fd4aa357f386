package dev.fanout.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    ClaimChecks(PlanAnalysis analysis, Schedule optimized) {
        this.analysis = analysis;
        this.optimized = optimized;
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
        var scale = analysis.instance().scale();
        double min = claim.min().doubleValue();
        double max = claim.max().doubleValue();
        double sequential = scale.toDouble(analysis.sequential());
        double optimizedMakespan = scale.toDouble(optimized.makespan());
        Optional<WavePlan> waves = analysis.wavePlan();
        Schedule parallel = waves.map(WavePlan::schedule).orElse(optimized);
        double parallelMakespan = scale.toDouble(parallel.makespan());
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
            case SAVINGS_PERCENT -> Savings.percent(sequential, parallelMakespan);
            case SPEEDUP -> Savings.speedup(sequential, parallelMakespan);
            case UTILIZATION_PERCENT -> meanUtilizationPercent(parallel);
        };
        Double alsoOptimized = switch (metric) {
            case SEQUENTIAL, CRITICAL_PATH -> null;
            case PARALLEL -> optimizedMakespan;
            case SAVINGS_PERCENT -> Savings.percent(sequential, optimizedMakespan);
            case SPEEDUP -> Savings.speedup(sequential, optimizedMakespan);
            case UTILIZATION_PERCENT -> meanUtilizationPercent(optimized);
        };
        boolean holds = computed >= min * (1 - TOLERANCE) && computed <= max * (1 + TOLERANCE);
        boolean claimIsBetter = metric.isDuration() ? max < computed : min > computed;
        Verdict verdict = holds ? Verdict.HOLDS : metric == ClaimMetric.SEQUENTIAL ? Verdict.DIFFERS
                : claimIsBetter ? Verdict.OPTIMISTIC : Verdict.CONSERVATIVE;
        return new Report.ClaimCheck(metric, metric.label(), claim.source(), min, max, computed, from,
                alsoOptimized, verdict, remark(metric, verdict, Numbers.range(min, max), computed, fromPhrase,
                        alsoOptimized, max));
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
