package dev.fanout.service;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.fanout.analysis.PlanAnalysis;
import dev.fanout.analysis.Schedule;
import dev.fanout.analysis.ScheduleCheck;
import dev.fanout.persistence.PlanStore;
import dev.fanout.persistence.PlanStore.StoredPlan;
import dev.fanout.persistence.PlanStore.StoredSolve;
import dev.fanout.persistence.ScheduleCodec;
import dev.fanout.plan.PlanDocument;
import dev.fanout.plan.PlanReader;

/** The stored plans: create, list, read, delete, and each plan's analysis (computed once, kept while used). */
@ApplicationScoped
public class PlanCatalog {

    private static final Logger LOG = Logger.getLogger(PlanCatalog.class);

    private final PlanStore store;
    private final PlanIntake intake;
    private final AnalysisCache analyses;

    public PlanCatalog(PlanStore store, PlanIntake intake, AnalysisCache analyses) {
        this.store = store;
        this.intake = intake;
        this.analyses = analyses;
    }

    /** Stores a plan under a new id, which it returns. */
    public String create(PlanIntake.ParsedPlan parsed) {
        var id = UUID.randomUUID().toString();
        store.create(id, parsed.document(), parsed.plan());
        return id;
    }

    /** Stores a plan under a chosen id (the example plans are named after their file). */
    public void createWithId(String id, PlanIntake.ParsedPlan parsed) {
        store.create(id, parsed.document(), parsed.plan());
    }

    public List<PlanStore.Summary> list() {
        return store.list();
    }

    public boolean isEmpty() {
        return store.count() == 0;
    }

    /** @throws PlanNotFound when no plan has this id */
    public StoredPlan get(String id) {
        return store.find(id).orElseThrow(() -> new PlanNotFound(id));
    }

    /** The plan exactly as stored (it can be posted again as is). */
    public PlanDocument document(StoredPlan stored) {
        return PlanReader.readJson(stored.document().getBytes(StandardCharsets.UTF_8));
    }

    /** Deletes the plan with its schedule and what-if comparison; {@link BackgroundSolves#delete} stops its solve first. */
    void delete(String id) {
        if (!store.delete(id)) {
            throw new PlanNotFound(id);
        }
        analyses.forget(id);
    }

    /**
     * The schedule saved with the plan's latest solve, if there is one; the plan's starting schedule if the saved one
     * no longer fits the plan (it is never shown invalid).
     */
    public Optional<Schedule> storedSchedule(StoredPlan stored, PlanAnalysis analysis) {
        return stored.solve().map(StoredSolve::schedule).map(json -> {
            try {
                var schedule = ScheduleCodec.decode(analysis.instance(), json);
                if (ScheduleCheck.isValid(schedule)) {
                    return schedule;
                }
                LOG.warn("a stored schedule is invalid for its plan; showing the starting schedule instead");
            } catch (IllegalArgumentException e) {
                LOG.warnf("a stored schedule does not fit its plan (%s); showing the starting schedule instead", e.getMessage());
            }
            return analysis.startingSchedule();
        });
    }

    /**
     * The schedule the version before the current one ended with, as stored (empty for a first version, or one whose
     * predecessor was never solved): what a re-plan starts from and stays close to (CONTRACT §6).
     */
    public Optional<String> previousSchedule(StoredPlan stored) {
        if (stored.version() <= 1) {
            return Optional.empty();
        }
        return store.version(stored.id(), stored.version() - 1).map(PlanStore.StoredVersion::schedule);
    }

    /**
     * The analysis of the plan's current version. Cached per version and creation time, which every instance reads
     * from the shared database: a version made (or a plan re-created) through another instance is never answered from
     * an old entry.
     */
    public PlanAnalysis analysis(String id) {
        var stored = get(id);
        return analyses.get(id, stored.version() + "@" + stored.createdAt(), () -> PlanAnalysis.of(intake.validate(document(stored))));
    }
}
