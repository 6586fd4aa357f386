package dev.fanout.whatif;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.fanout.plan.Unmodifiable;

/**
 * The answer to a what-if question: one row per scenario and, for count sweeps, the knee of each series. Figures
 * are in the plan's time unit; savings are against one agent doing everything (the sequential total, the same in
 * every scenario).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WhatIfResult(String planId, String plan, WhatIfRequest.Kind kind, String timeUnit, double sequential,
        double criticalPath, double secondsPerScenario, FewestAgents fewestAgents, List<Row> rows, List<Knee> knees,
        Instant createdAt) {

    /**
     * The answer to "how few generalist agents can still finish by {@code deadline}?": {@code agents} and the
     * {@code makespan} of their schedule (both null when no count was found to meet it); {@code oneFewerProvenUnable}
     * when one agent fewer has a lower bound past the deadline (so the answer is the fewest possible), false when it
     * was only not found to; {@code reason} says it in a sentence.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FewestAgents(double deadline, Integer agents, Double makespan, boolean oneFewerProvenUnable,
            String reason) {
    }

    public WhatIfResult {
        rows = Unmodifiable.list(rows);
        knees = Unmodifiable.list(knees);
    }

    /**
     * One scenario. {@code series} and {@code count} place count-sweep rows on a curve ("agents", 4; "pool core", 3).
     * {@code error} is set, and the figures are absent, when no agent could do some task in this scenario.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(String scenario, String series, Integer count, Integer agents, Double makespan,
            Double lowerBound, Boolean optimal, Double saved, Double savingsPercent, Double speedup,
            Double meanUtilization, String note, String error) {

        public boolean feasible() {
            return error == null;
        }
    }

    /**
     * The smallest count whose makespan is within 5 % of the best of its series, and one sentence saying what stops
     * further gains.
     */
    public record Knee(String series, int count, double makespan, double best, String reason) {
    }
}
