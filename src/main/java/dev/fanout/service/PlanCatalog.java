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
import dev.fanout.security.Caller;

/**
 * The stored plans: create, list, read, delete, and each plan's analysis (computed once, kept while used). The one
 * place plans are filtered by owner: with API keys configured a caller lists and reads only the plans its key's owner
 * stored, and another owner's plan is {@link PlanNotFound}, exactly as a plan that does not exist (its existence is not
 * given away). Every service reaches a plan through {@link #get} first.
 */
@ApplicationScoped
public class PlanCatalog {

    private static final Logger LOG = Logger.getLogger(PlanCatalog.class);

    private final PlanStore store;
    private final PlanIntake intake;
    private final AnalysisCache analyses;
    private final Caller caller;

    public PlanCatalog(PlanStore store, PlanIntake intake, AnalysisCache analyses, Caller caller) {
        this.store = store;
        this.intake = intake;
        this.analyses = analyses;
        this.caller = caller;
    }

    /** Stores a plan under a new id, which it returns, for the caller's owner. */
    public String create(PlanIntake.ParsedPlan parsed) {
        var id = UUID.randomUUID().toString();
        createWithId(id, parsed);
        return id;
    }

    /** Stores a plan under a chosen id (the example plans are named after their file). */
    public void createWithId(String id, PlanIntake.ParsedPlan parsed) {
        var scope = caller.scope();
        if (!scope.everyone() && scope.owner() == null) {
            throw new IllegalStateException("a request without an API key reached the plans");
        }
        store.create(id, scope.owner(), parsed.document(), parsed.plan());
    }

    /** The caller's plans, newest first (every plan without keys configured). */
    public List<PlanStore.Summary> list() {
        var scope = caller.scope();
        if (scope.everyone()) {
            return store.list(Optional.empty());
        }
        return scope.owner() == null ? List.of() : store.list(Optional.of(scope.owner()));
    }

    public boolean isEmpty() {
        return store.count() == 0;
    }

    /** @throws PlanNotFound when no plan has this id, or the caller's key belongs to another owner than the plan's */
    public StoredPlan get(String id) {
        var scope = caller.scope();
        return store.find(id).filter(plan -> scope.sees(plan.owner())).orElseThrow(() -> new PlanNotFound(id));
    }

    /** The plan exactly as stored (it can be posted again as is). */
    public PlanDocument document(StoredPlan stored) {
        return PlanReader.readJson(stored.document().getBytes(StandardCharsets.UTF_8));
    }

    /** Deletes the plan with its schedule and what-if comparison; {@link BackgroundSolves#delete} stops its solve first. */
    void delete(String id) {
        get(id);
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
     * The analysis of the plan's current version, read through {@link #get} (which checks its owner). Cached per
     * version and creation time, which every instance reads from the shared database: a version made (or a plan
     * re-created) through another instance is never answered from an old entry.
     */
    public PlanAnalysis analysis(String id) {
        return analysis(get(id));
    }

    /** The analysis of a plan already read with {@link #get}, without reading it again. */
    public PlanAnalysis analysis(StoredPlan stored) {
        return analyses.get(stored.id(), stored.version() + "@" + stored.createdAt(),
                () -> PlanAnalysis.of(intake.validate(document(stored))));
    }
}
