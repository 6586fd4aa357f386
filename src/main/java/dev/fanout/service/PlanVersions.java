package dev.fanout.service;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.fanout.persistence.PlanStore;
import dev.fanout.plan.PlanReader;
import dev.fanout.plan.ProgressUpdate;
import dev.fanout.plan.ProgressUpdates;

/**
 * A plan as it moves (CONTRACT §6): progress updates make new versions, every earlier version stays readable, and each
 * new version is re-planned in the background from the previous one's schedule. Two updates racing on one plan never
 * lose either: in this instance they take turns (one lock per plan), and the store writes a version only over the one
 * it was made from, so an update made from an older version is applied again to the newer one, or, when the client
 * named the version it saw, refused with {@link VersionConflict}.
 */
@ApplicationScoped
public class PlanVersions {

    private static final Logger LOG = Logger.getLogger(PlanVersions.class);
    /** Updates re-applied after losing a race, at most: more would mean the plan changes faster than it is read. */
    private static final int ATTEMPTS = 5;

    /** The new version: its number and whether its re-plan started (it does not when the solve queue is full). */
    public record Updated(int version, BigDecimal now, boolean replanning) {
    }

    private final PlanCatalog catalog;
    private final PlanStore store;
    private final PlanIntake intake;
    private final BackgroundSolves solves;
    private final AnalysisCache analyses;
    private final TimeLimits timeLimits;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    public PlanVersions(PlanCatalog catalog, PlanStore store, PlanIntake intake, BackgroundSolves solves,
            AnalysisCache analyses, TimeLimits timeLimits) {
        this.catalog = catalog;
        this.store = store;
        this.intake = intake;
        this.solves = solves;
        this.analyses = analyses;
        this.timeLimits = timeLimits;
    }

    /**
     * Applies a progress update as a new version and starts re-planning it. {@code ifMatch} is the version the client
     * says it updated (the If-Match header), null when it names none in the header.
     *
     * @throws PlanNotFound when no plan has this id
     * @throws VersionConflict when the client named a version that is no longer the current one
     * @throws dev.fanout.plan.PlanRejectedException when the update is invalid (nothing is applied)
     */
    public Updated update(String id, byte[] body, Integer ifMatch) {
        var update = PlanReader.readJson(body, ProgressUpdate.class, "the progress update");
        if (ifMatch != null && update.version() != null && !ifMatch.equals(update.version())) {
            throw new InvalidParameter("version", String.valueOf(update.version()),
                    "differs from the If-Match header (" + ifMatch + "): name the version once");
        }
        Integer expected = ifMatch != null ? ifMatch : update.version();
        synchronized (locks.computeIfAbsent(id, key -> new Object())) {
            for (int attempt = 1;; attempt++) {
                var stored = catalog.get(id);
                if (expected != null && expected != stored.version()) {
                    throw new VersionConflict(id, expected, stored.version());
                }
                var document = catalog.document(stored);
                var now = document.now() == null ? BigDecimal.ZERO : document.now();
                var applied = ProgressUpdates.apply(document, now, update, intake::validate);
                solves.stopAndWait(id);
                try {
                    int version = store.newVersion(id, stored.version(), applied.document(), applied.plan(), json(update))
                            .orElseThrow(() -> new PlanNotFound(id));
                    analyses.forget(id);
                    return new Updated(version, applied.plan().now(), replan(id));
                } catch (PlanStore.StaleVersion stale) {
                    // Another instance wrote a version first: apply this update to that one, unless told not to.
                    if (expected != null || attempt == ATTEMPTS) {
                        throw new VersionConflict(id, stored.version(), stale.current());
                    }
                }
            }
        }
    }

    /** Every version of the plan, first to current. @throws PlanNotFound when no plan has this id */
    public List<PlanStore.StoredVersion> versions(String id) {
        catalog.get(id);
        return store.versions(id);
    }

    /** @throws PlanNotFound when no plan has this id; @throws NoSuchVersion when it never had this version */
    public PlanStore.StoredVersion version(String id, int number) {
        var stored = catalog.get(id);
        return store.version(id, number).orElseThrow(() -> new NoSuchVersion(id, number, stored.version()));
    }

    /** Re-plans the new version in the background; false (the version kept, unsolved) when that cannot start now. */
    private boolean replan(String id) {
        try {
            solves.start(id, timeLimits.parse(null));
            return true;
        } catch (Overloaded | AlreadySolving busy) {
            LOG.warnf("plan %s: the new version is stored but its re-plan did not start (%s)", id, busy.getMessage());
            return false;
        }
    }

    private static String json(ProgressUpdate update) {
        try {
            return PlanReader.json().writeValueAsString(update);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store a progress update", e);
        }
    }
}
