package dev.fanout.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.fanout.plan.PlanDocument;
import dev.fanout.plan.ProgressUpdate;
import dev.fanout.report.Report;
import dev.fanout.report.ScheduleView;

/**
 * One version of a plan as it was (CONTRACT §6): the plan ({@code plan}, as stored), the update that made it
 * ({@code change}; absent for the first), its schedule and its report ({@code report} absent before it was solved).
 * The current version's schedule is the plan's latest; an earlier one's is the schedule it ended with.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VersionDetail(int version, boolean current, Instant createdAt, ProgressUpdate change, PlanDocument plan,
        ScheduleView schedule, Report report) {
}
