package dev.fanout.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import dev.fanout.analysis.PlanAnalysis;
import dev.fanout.report.Report;
import dev.fanout.report.ReportBuilder;
import dev.fanout.report.ScheduleView;
import dev.fanout.report.SolveStatus;

/**
 * One-shot solving: a plan in, its schedule and report out, nothing kept (the plan passes through the job table while
 * some instance solves it). Waits for the answer.
 */
@ApplicationScoped
public class SolveOnce {

    /** The answer to a one-shot solve. */
    public record Solved(ScheduleView schedule, Report report) {
    }

    private final SolveAdmission admission;
    private final SolveJobs jobs;

    public SolveOnce(SolveAdmission admission, SolveJobs jobs) {
        this.admission = admission;
        this.jobs = jobs;
    }

    /** @throws Overloaded when the solve queue is full */
    public Solved solve(PlanIntake.ParsedPlan parsed, Duration limit) {
        try (var admitted = admission.admit(1)) {
            var analysis = PlanAnalysis.of(parsed.plan());
            var outcome = jobs.solve(parsed.document(), analysis, limit).join();
            var status = outcome.failed() ? SolveStatus.FAILED : SolveStatus.SOLVED;
            var view = ScheduleView.of(status, outcome.schedule(), analysis.lowerBound(), outcome.message());
            return new Solved(view, ReportBuilder.build(analysis, outcome.schedule(), status));
        }
    }
}
