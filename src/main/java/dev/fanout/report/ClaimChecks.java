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
        String from = waves.isPresent() ? "waves" : "optimized";
        String fromPhrase = waves.isPresent() ? "the author's wave plan, run as written," : "the optimized schedule";
        var metric = claim.metric();
        double computed;
        Double alsoOptimized = null;
        switch (metric) {
            case SEQUENTIAL -> {
                computed = sequential;
                from = "sequential";
            }
            case CRITICAL_PATH -> {
                computed = scale.toDouble(analysis.criticalPath().length());
                from = "criticalPath";
            }
            case PARALLEL -> {
                computed = parallelMakespan;
                alsoOptimized = optimizedMakespan;
            }
            case SAVINGS_PERCENT -> {
                computed = savingsPercent(sequential, parallelMakespan);
                alsoOptimized = savingsPercent(sequential, optimizedMakespan);
            }
            case SPEEDUP -> {
                computed = speedup(sequential, parallelMakespan);
                alsoOptimized = speedup(sequential, optimizedMakespan);
            }
            case UTILIZATION_PERCENT -> {
                computed = Numbers.round(Utilization.of(parallel).mean() * 100, 1);
                alsoOptimized = Numbers.round(Utilization.of(optimized).mean() * 100, 1);
            }
            default -> throw new IllegalStateException("unknown metric " + metric);
        }
        boolean holds = computed >= min * (1 - TOLERANCE) && computed <= max * (1 + TOLERANCE);
        boolean claimIsBetter = metric.isDuration() ? max < computed : min > computed;
        String verdict = holds ? "holds" : metric == ClaimMetric.SEQUENTIAL ? "differs"
                : claimIsBetter ? "optimistic" : "conservative";
        return new Report.ClaimCheck(metric.key(), metric.label(), claim.source(), min, max, computed, from,
                alsoOptimized, verdict, remark(metric, verdict, Numbers.range(min, max), computed, fromPhrase,
                        alsoOptimized, max));
    }

    private String remark(ClaimMetric metric, String verdict, String claimed, double computed, String fromPhrase,
            Double alsoOptimized, double claimedMax) {
        var scale = analysis.instance().scale();
        String value = Numbers.format(computed);
        String optimizedNote = alsoOptimized == null ? ""
                : " Fanout's optimized schedule: " + Numbers.format(alsoOptimized) + (metric.isDuration() ? " " + unit
                        : metric == ClaimMetric.SPEEDUP ? "×" : " %") + ".";
        return switch (metric) {
            case SEQUENTIAL -> verdict.equals("holds")
                    ? "Checks out: the task durations add up to %s %s, as claimed (%s).".formatted(value, unit, claimed)
                    : "The task durations add up to %s %s, which is what one agent doing every task needs; the claim says %s %s."
                            .formatted(value, unit, claimed, unit);
            case CRITICAL_PATH -> verdict.equals("holds")
                    ? "Checks out: the longest dependency chain is %s %s (claimed %s).".formatted(value, unit, claimed)
                    : "The longest dependency chain (%s) is %s %s; the claim says %s %s."
                            .formatted(String.join(" → ", criticalTaskIds()), value, unit, claimed, unit);
            case PARALLEL -> {
                if (verdict.equals("holds")) {
                    yield "Checks out: %s takes %s %s (claimed %s).%s".formatted(fromPhrase, value, unit, claimed,
                            optimizedNote);
                }
                if (verdict.equals("conservative")) {
                    yield "Better than claimed: %s takes %s %s, against the claimed %s.%s".formatted(fromPhrase,
                            value, unit, claimed, optimizedNote);
                }
                double criticalPath = scale.toDouble(analysis.criticalPath().length());
                String chain = criticalPath > claimedMax
                        ? " The longest dependency chain alone is %s %s, so no number of agents can meet the claim."
                                .formatted(Numbers.format(criticalPath), unit)
                        : "";
                yield "With the plan's %d agents and its dependencies, %s takes %s %s, longer than the claimed %s %s.%s%s"
                        .formatted(analysis.instance().agentCount(), fromPhrase, value, unit, claimed, unit, chain,
                                optimizedNote);
            }
            case SAVINGS_PERCENT, SPEEDUP, UTILIZATION_PERCENT -> {
                String suffix = metric == ClaimMetric.SPEEDUP ? "×" : " %";
                String what = switch (metric) {
                    case SAVINGS_PERCENT -> "saves %s%s against one agent doing everything".formatted(value, suffix);
                    case SPEEDUP -> "runs %s%s faster than one agent doing everything".formatted(value, suffix);
                    default -> "keeps agents busy %s%s of the time on average".formatted(value, suffix);
                };
                String lead = switch (verdict) {
                    case "holds" -> "Checks out: ";
                    case "optimistic" -> "Less than claimed: ";
                    default -> "More than claimed: ";
                };
                yield "%s%s %s; the claim says %s%s.%s".formatted(lead, fromPhrase, what, claimed,
                        suffix, optimizedNote);
            }
        };
    }

    private List<String> criticalTaskIds() {
        var instance = analysis.instance();
        return analysis.criticalPath().tasks().stream().map(instance::taskId).toList();
    }

    static double savingsPercent(double sequential, double makespan) {
        return sequential == 0 ? 0 : Numbers.round((sequential - makespan) / sequential * 100, 1);
    }

    static double speedup(double sequential, double makespan) {
        return makespan == 0 ? 1 : Numbers.round(sequential / makespan, 2);
    }
}
