package dev.fanout.api;

import java.time.Instant;

import dev.fanout.plan.PlanDocument;
import dev.fanout.report.SolveStatus;

/**
 * A stored plan: its id and status beside the plan exactly as stored ({@code plan} can be posted again as is), and the
 * number of its current {@code version} (CONTRACT §6).
 */
public record PlanDetail(String id, String name, Instant createdAt, SolveStatus status, PlanDocument plan, int version) {
}
