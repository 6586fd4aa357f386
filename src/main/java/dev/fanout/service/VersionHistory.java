package dev.fanout.service;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.fanout.analysis.Instance;
import dev.fanout.analysis.PlanAnalysis;
import dev.fanout.analysis.Schedule;
import dev.fanout.persistence.PlanStore;
import dev.fanout.persistence.ScheduleCodec;
import dev.fanout.plan.PlanReader;
import dev.fanout.plan.ProgressUpdate;
import dev.fanout.report.Report;
import dev.fanout.report.ReportBuilder;
import dev.fanout.report.ScheduleView;
import dev.fanout.report.VersionComparison;

/**
 * Earlier versions of a plan as they were (CONTRACT §6): each one's document, the schedule it ended with and its report,
 * and what changed from one version to the next ("since the last version").
 */
@ApplicationScoped
public class VersionHistory {

    private static final Logger LOG = Logger.getLogger(VersionHistory.class);

    /** A version whose schedule is frozen: its analysis and schedule (null when it was never solved). */
    public record Frozen(PlanStore.StoredVersion version, PlanAnalysis analysis, Schedule schedule) {
    }

    private final PlanStore store;
    private final PlanIntake intake;

    public VersionHistory(PlanStore store, PlanIntake intake) {
        this.store = store;
        this.intake = intake;
    }

    /** A replaced version with its frozen schedule. */
    public Frozen frozen(PlanStore.StoredVersion version) {
        var analysis = PlanAnalysis.of(intake.validate(PlanReader.readJson(version.document().getBytes(StandardCharsets.UTF_8))));
        return new Frozen(version, analysis, schedule(analysis.instance(), version.schedule()));
    }

    /** A replaced version's schedule as the API shows it. */
    public ScheduleView view(Frozen frozen) {
        return ScheduleView.of(frozen.version().status(), frozen.schedule(), frozen.analysis().lowerBound(), null);
    }

    /** A replaced version's report, with what changed since the version before it. */
    public Report report(String planId, Frozen frozen) {
        var report = ReportBuilder.build(frozen.analysis(), frozen.schedule(), frozen.version().status());
        return since(planId, frozen.version().number(), frozen.schedule()).map(report::since).orElse(report);
    }

    /**
     * What changed from version {@code number} − 1 to version {@code number}, whose schedule is {@code schedule}: empty for
     * a first version, or when the version before was never solved.
     */
    public Optional<Report.SinceLastVersion> since(String planId, int number, Schedule schedule) {
        if (number <= 1) {
            return Optional.empty();
        }
        var previous = store.version(planId, number - 1).filter(version -> version.schedule() != null);
        var current = store.version(planId, number);
        if (previous.isEmpty() || current.isEmpty()) {
            return Optional.empty();
        }
        var before = frozen(previous.get());
        if (before.schedule() == null) {
            return Optional.empty();
        }
        var touched = current.get().change() == null ? java.util.List.<String>of()
                : VersionComparison.touched(PlanReader.readJson(current.get().change().getBytes(StandardCharsets.UTF_8),
                        ProgressUpdate.class, "a stored update"));
        var scale = before.analysis().instance().scale();
        return Optional.of(VersionComparison.of(previous.get().number(), VersionComparison.before(before.schedule()),
                scale.at(before.schedule().makespan()), scale.at(0), new HashSet<>(touched), schedule));
    }

    private static Schedule schedule(Instance instance, String json) {
        if (json == null) {
            return null;
        }
        try {
            return ScheduleCodec.decode(instance, json);
        } catch (IllegalArgumentException e) {
            LOG.warnf("a version's stored schedule does not fit its plan (%s)", e.getMessage());
            return null;
        }
    }
}
