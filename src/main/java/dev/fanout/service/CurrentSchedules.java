package dev.fanout.service;

import jakarta.enterprise.context.ApplicationScoped;

import dev.fanout.analysis.PlanAnalysis;
import dev.fanout.analysis.Schedule;
import dev.fanout.persistence.PlanStore;
import dev.fanout.persistence.PlanStore.StoredSolve;
import dev.fanout.report.Report;
import dev.fanout.report.ReportBuilder;
import dev.fanout.report.ScheduleView;
import dev.fanout.report.SolveStatus;

/**
 * The one answer to "what is the current schedule of plan X": the best so far while it is being solved, else the one
 * saved by its latest solve, else none. Its status, its schedule as the API shows it, and its report all come from
 * here.
 */
@ApplicationScoped
public class CurrentSchedules {

    /** Everything the report renderers need. */
    public record ReportData(Report report, PlanAnalysis analysis, Schedule schedule) {
    }

    /** A plan's schedule now; {@code schedule} and {@code analysis} are null when it has none yet. */
    private record Current(SolveStatus status, PlanAnalysis analysis, Schedule schedule, String message) {
    }

    private final PlanCatalog catalog;
    private final BackgroundSolves solves;
    private final VersionHistory history;

    public CurrentSchedules(PlanCatalog catalog, BackgroundSolves solves, VersionHistory history) {
        this.catalog = catalog;
        this.solves = solves;
        this.history = history;
    }

    private Current current(PlanStore.StoredPlan stored) {
        var progress = solves.progress(stored.id());
        if (progress.isPresent()) {
            return new Current(SolveStatus.SOLVING, progress.get().analysis(), progress.get().best(), null);
        }
        var status = status(stored);
        if (stored.solve().map(StoredSolve::schedule).isEmpty()) {
            return new Current(status, null, null, null);
        }
        var analysis = catalog.analysis(stored.id());
        return new Current(status, analysis, catalog.storedSchedule(stored, analysis).orElseThrow(),
                stored.solve().get().message());
    }

    /** A stored plan's status: SOLVING while it is being solved, else its latest solve's, else NOT_SOLVED. */
    public SolveStatus status(PlanStore.StoredPlan stored) {
        return status(stored.id(), stored.solve().map(StoredSolve::status).orElse(null));
    }

    /** The status of a plan whose latest solve was saved with {@code saved} (null when it was never solved). */
    public SolveStatus status(String id, SolveStatus saved) {
        if (solves.isSolving(id)) {
            return SolveStatus.SOLVING;
        }
        return saved == null ? SolveStatus.NOT_SOLVED : saved;
    }

    /** The latest schedule as the API shows it: the best so far while solving; without assignments before any. */
    public ScheduleView view(String id) {
        var stored = catalog.get(id);
        var current = current(stored);
        if (current.schedule() == null) {
            var timeUnit = catalog.document(stored).timeUnit();
            return ScheduleView.withoutSchedule(current.status(), timeUnit == null ? "days" : timeUnit,
                    "not solved yet: POST /api/plans/" + id + "/solve");
        }
        return ScheduleView.of(current.status(), current.schedule(), current.analysis().lowerBound(), current.message());
    }

    /**
     * The report on the current schedule.
     *
     * @throws NotSolvedYet when the plan has no schedule yet
     */
    public ReportData report(String id) {
        var stored = catalog.get(id);
        var current = current(stored);
        if (current.schedule() == null) {
            throw new NotSolvedYet(id);
        }
        var report = ReportBuilder.build(current.analysis(), current.schedule(), current.status());
        report = history.since(id, stored.version(), current.schedule()).map(report::since).orElse(report);
        return new ReportData(report, current.analysis(), current.schedule());
    }
}
