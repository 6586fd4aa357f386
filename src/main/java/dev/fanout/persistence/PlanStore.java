package dev.fanout.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.fanout.plan.Plan;
import dev.fanout.plan.PlanDocument;
import dev.fanout.plan.PlanReader;
import dev.fanout.report.SolveStatus;

/**
 * Reads and writes plans and their latest solve, each method one transaction. What it returns are plain records,
 * never the entities: nothing above this package sees Hibernate.
 */
@ApplicationScoped
public class PlanStore {

    /**
     * A stored plan: the current version's document as stored (normalized JSON), its number, its latest solve
     * (absent when never solved), and its owner (null when stored without API keys).
     */
    public record StoredPlan(String id, String name, Instant createdAt, String document, Optional<StoredSolve> solve,
            int version, String owner) {
    }

    /**
     * One version of a plan (CONTRACT §6): its document, the update that made it (null for the first), and the
     * schedule it ended with ({@code schedule} the codec's JSON; null for the current version, whose schedule is the
     * plan's latest solve, and for a version never solved).
     */
    public record StoredVersion(int number, String document, String change, Instant createdAt, SolveStatus status,
            String schedule, Double makespan, Double lowerBound, Boolean optimal) {
    }

    /** The plan has moved on: an update meant for version {@code expected} finds version {@code current}. */
    public static final class StaleVersion extends RuntimeException {
        private final int current;

        public StaleVersion(int expected, int current) {
            super("version " + expected + " is no longer the current one (" + current + " is)");
            this.current = current;
        }

        public int current() {
            return current;
        }
    }

    /** The latest solve of a plan; {@code schedule} is the codec's JSON, null when there is none yet. */
    public record StoredSolve(SolveStatus status, String schedule, Double requestedSeconds, String message,
            Instant startedAt, Instant updatedAt, Double makespan, Double lowerBound, Boolean optimal) {
    }

    /** One line of the plan list; {@code status} is null when the plan was never solved. */
    public record Summary(String id, String name, int taskCount, int agentCount, Instant createdAt, SolveStatus status,
            Double makespan, Double lowerBound, Boolean optimal) {
    }

    /** Stores a plan for {@code owner} (null: stored without API keys). */
    @Transactional
    public void create(String id, String owner, PlanDocument document, Plan plan) {
        var entity = new PlanEntity();
        entity.id = id;
        entity.owner = owner;
        entity.name = name(plan);
        entity.document = toJson(document);
        entity.taskCount = plan.tasks().size();
        entity.agentCount = plan.agents().size();
        entity.createdAt = Instant.now();
        entity.updatedAt = entity.createdAt;
        entity.persist();
        var first = new PlanVersionEntity();
        first.planId = id;
        first.number = 1;
        first.document = entity.document;
        first.createdAt = entity.createdAt;
        first.persist();
    }

    /**
     * Makes {@code document} the plan's new current version, if version {@code expected} is still the current one:
     * the schedule the old version ended with is frozen into it, the plan's solve and what-if comparison (of the old
     * version) are cleared, and the new version is recorded with {@code change}, the update that made it.
     *
     * @return the new version's number, or empty when there is no such plan
     * @throws StaleVersion when another update made a newer version first (nothing is written)
     */
    @Transactional
    public java.util.OptionalInt newVersion(String id, int expected, PlanDocument document, Plan plan, String change) {
        PlanEntity entity = PlanEntity.findById(id);
        if (entity == null) {
            return java.util.OptionalInt.empty();
        }
        int next = expected + 1;
        var now = Instant.now();
        // Conditional on the version read: of two updates racing from one version, exactly one is written.
        int updated = PlanEntity.update("document = ?1, version = ?2, name = ?3, taskCount = ?4, agentCount = ?5, "
                + "updatedAt = ?6 where id = ?7 and version = ?8", toJson(document), next, name(plan), plan.tasks().size(),
                plan.agents().size(), now, id, expected);
        if (updated == 0) {
            PlanEntity.getEntityManager().refresh(entity);
            throw new StaleVersion(expected, entity.version);
        }
        var previous = PlanVersionEntity.<PlanVersionEntity>findByIdOptional(new PlanVersionEntity.Key(id, expected))
                .orElseThrow(() -> new IllegalStateException("plan " + id + " has no version " + expected));
        SolveEntity.<SolveEntity>findByIdOptional(id).ifPresent(solve -> {
            previous.status = solve.status;
            previous.schedule = solve.schedule;
            previous.makespan = solve.makespan;
            previous.lowerBound = solve.lowerBound;
            previous.optimal = solve.optimal;
            solve.delete();
        });
        WhatIfEntity.deleteById(id);
        var version = new PlanVersionEntity();
        version.planId = id;
        version.number = next;
        version.document = toJson(document);
        version.change = change;
        version.createdAt = now;
        version.persist();
        return java.util.OptionalInt.of(next);
    }

    /** Every version of the plan, first to current; empty when there is no such plan. */
    @Transactional
    public List<StoredVersion> versions(String id) {
        return PlanVersionEntity.<PlanVersionEntity>list("planId = ?1 order by number", id).stream()
                .map(PlanStore::stored).toList();
    }

    @Transactional
    public Optional<StoredVersion> version(String id, int number) {
        return PlanVersionEntity.<PlanVersionEntity>findByIdOptional(new PlanVersionEntity.Key(id, number))
                .map(PlanStore::stored);
    }

    private static StoredVersion stored(PlanVersionEntity version) {
        return new StoredVersion(version.number, version.document, version.change, version.createdAt, version.status,
                version.schedule, version.makespan, version.lowerBound, version.optimal);
    }

    private static String name(Plan plan) {
        return plan.name().length() > 1000 ? plan.name().substring(0, 1000) : plan.name();
    }

    @Transactional
    public Optional<StoredPlan> find(String id) {
        return PlanEntity.<PlanEntity>findByIdOptional(id).map(plan -> new StoredPlan(plan.id, plan.name,
                plan.createdAt, plan.document, SolveEntity.<SolveEntity>findByIdOptional(id).map(PlanStore::stored),
                plan.version, plan.owner));
    }

    /** The plan list, newest first, without loading plan documents or schedules; all owners' when owner is empty. */
    @Transactional
    public List<Summary> list(Optional<String> owner) {
        // Two queries rather than "owner = :owner or :owner is null": PostgreSQL cannot type a null parameter.
        var query = PlanEntity.getEntityManager().createQuery("""
                select new dev.fanout.persistence.PlanStore$Summary(p.id, p.name, p.taskCount, p.agentCount,
                        p.createdAt, s.status, s.makespan, s.lowerBound, s.optimal)
                from PlanEntity p left join SolveEntity s on s.planId = p.id
                """ + (owner.isPresent() ? "where p.owner = :owner " : "") + "order by p.createdAt desc, p.id", Summary.class);
        owner.ifPresent(name -> query.setParameter("owner", name));
        return query.getResultList();
    }

    @Transactional
    public long count() {
        return PlanEntity.count();
    }

    /** Deletes a plan with its versions, its solve and its what-if comparison; false when there was no such plan. */
    @Transactional
    public boolean delete(String id) {
        SolveEntity.deleteById(id);
        WhatIfEntity.deleteById(id);
        PlanVersionEntity.delete("planId", id);
        return PlanEntity.deleteById(id);
    }

    private static StoredSolve stored(SolveEntity solve) {
        return new StoredSolve(solve.status, solve.schedule, solve.requestedSeconds, solve.message, solve.startedAt,
                solve.updatedAt, solve.makespan, solve.lowerBound, solve.optimal);
    }

    private static String toJson(PlanDocument document) {
        try {
            return PlanReader.json().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store a plan document", e);
        }
    }
}
