package dev.fanout.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.fanout.analysis.Schedule;
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

    /** A stored plan: the document as stored (normalized JSON) and its latest solve (absent when never solved). */
    public record StoredPlan(String id, String name, Instant createdAt, String document, Optional<StoredSolve> solve) {
    }

    /** The latest solve of a plan; {@code schedule} is the codec's JSON, null when there is none yet. */
    public record StoredSolve(SolveStatus status, String schedule, Double requestedSeconds, String message,
            Instant startedAt, Instant updatedAt) {
    }

    /** One line of the plan list; {@code status} is null when the plan was never solved. */
    public record Summary(String id, String name, int taskCount, int agentCount, Instant createdAt, SolveStatus status,
            Double makespan, Double lowerBound, Boolean optimal) {
    }

    @Transactional
    public void create(String id, PlanDocument document, Plan plan) {
        var entity = new PlanEntity();
        entity.id = id;
        entity.name = plan.name().length() > 1000 ? plan.name().substring(0, 1000) : plan.name();
        entity.document = toJson(document);
        entity.taskCount = plan.tasks().size();
        entity.agentCount = plan.agents().size();
        entity.createdAt = Instant.now();
        entity.updatedAt = entity.createdAt;
        entity.persist();
    }

    @Transactional
    public Optional<StoredPlan> find(String id) {
        return PlanEntity.<PlanEntity>findByIdOptional(id).map(plan -> new StoredPlan(plan.id, plan.name,
                plan.createdAt, plan.document, SolveEntity.<SolveEntity>findByIdOptional(id).map(PlanStore::stored)));
    }

    /** The plan list, newest first, without loading plan documents or schedules. */
    @Transactional
    public List<Summary> list() {
        return PlanEntity.getEntityManager().createQuery("""
                select new dev.fanout.persistence.PlanStore$Summary(p.id, p.name, p.taskCount, p.agentCount,
                        p.createdAt, s.status, s.makespan, s.lowerBound, s.optimal)
                from PlanEntity p left join SolveEntity s on s.planId = p.id
                order by p.createdAt desc, p.id""", Summary.class).getResultList();
    }

    @Transactional
    public long count() {
        return PlanEntity.count();
    }

    /** Deletes a plan with its solve and its what-if comparison; false when there was no such plan. */
    @Transactional
    public boolean delete(String id) {
        SolveEntity.deleteById(id);
        WhatIfEntity.deleteById(id);
        return PlanEntity.deleteById(id);
    }

    /** Records that a solve started, with the schedule it starts from as the best so far. */
    @Transactional
    public void solving(String id, double requestedSeconds, Schedule best, long lowerBound) {
        var solve = solveOf(id);
        solve.status = SolveStatus.SOLVING;
        solve.requestedSeconds = requestedSeconds;
        solve.startedAt = Instant.now();
        solve.finishedAt = null;
        solve.message = null;
        write(solve, best, lowerBound);
    }

    /** Saves a better schedule found by a running solve; ignored if the plan was deleted meanwhile. */
    @Transactional
    public void progress(String id, Schedule best, long lowerBound) {
        SolveEntity.<SolveEntity>findByIdOptional(id).ifPresent(solve -> write(solve, best, lowerBound));
    }

    /** Marks running solves as alive, so that after a crash each resumes for the time it really had left. */
    @Transactional
    public void heartbeat(Collection<String> ids) {
        if (!ids.isEmpty()) {
            SolveEntity.update("updatedAt = ?1 where planId in ?2 and status = ?3", Instant.now(), ids, SolveStatus.SOLVING);
        }
    }

    /** Records the end of a solve, keeping its best schedule when given; ignored if the plan was deleted meanwhile. */
    @Transactional
    public void finished(String id, SolveStatus status, Schedule best, long lowerBound, String message) {
        SolveEntity.<SolveEntity>findByIdOptional(id).ifPresent(solve -> {
            solve.status = status;
            solve.finishedAt = Instant.now();
            solve.message = message == null || message.length() <= 2000 ? message : message.substring(0, 2000);
            if (best != null) {
                write(solve, best, lowerBound);
            } else {
                solve.updatedAt = Instant.now();
            }
        });
    }

    /** Solves left SOLVING by a previous run of the service (stopped while solving). */
    @Transactional
    public List<String> interruptedSolves() {
        return SolveEntity.<SolveEntity>list("status", SolveStatus.SOLVING).stream().map(s -> s.planId).toList();
    }

    private static StoredSolve stored(SolveEntity solve) {
        return new StoredSolve(solve.status, solve.schedule, solve.requestedSeconds, solve.message, solve.startedAt,
                solve.updatedAt);
    }

    private static SolveEntity solveOf(String id) {
        var existing = SolveEntity.<SolveEntity>findById(id);
        if (existing != null) {
            return existing;
        }
        var solve = new SolveEntity();
        solve.planId = id;
        solve.status = SolveStatus.NOT_SOLVED;
        solve.updatedAt = Instant.now();
        solve.persist();
        return solve;
    }

    private static void write(SolveEntity solve, Schedule best, long lowerBound) {
        var scale = best.instance().scale();
        solve.schedule = ScheduleCodec.encode(best);
        solve.makespan = scale.toDouble(best.makespan());
        solve.lowerBound = scale.toDouble(lowerBound);
        solve.optimal = best.makespan() <= lowerBound && best.windowOverrun() == 0;
        solve.updatedAt = Instant.now();
    }

    private static String toJson(PlanDocument document) {
        try {
            return PlanReader.json().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store a plan document", e);
        }
    }
}
