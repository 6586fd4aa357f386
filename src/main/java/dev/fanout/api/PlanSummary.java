package dev.fanout.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.fanout.report.SolveStatus;

/** One line of the plan list. Figures are in the plan's time unit. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanSummary(String id, String name, int tasks, int agents, SolveStatus status, Double makespan,
        Double lowerBound, Boolean optimal, Instant createdAt) {
}
