package dev.fanout.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.fanout.analysis.Schedule;
import dev.fanout.persistence.PlanEntity;
import dev.fanout.persistence.SolveEntity;
import dev.fanout.plan.Plan;
import dev.fanout.plan.PlanDocument;
import dev.fanout.plan.PlanReader;
import dev.fanout.report.SolveStatus;

/** Reads and writes plans and their solves, each method one transaction. */
@ApplicationScoped
public class PlanStore {

    /** A stored plan with its latest solve (absent when never solved). */
    public record Stored(PlanEntity plan, Optional<SolveEntity> solve) {
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
    public Optional<Stored> find(String id) {
        return PlanEntity.<PlanEntity>findByIdOptional(id)
                .map(plan -> new Stored(plan, SolveEntity.<SolveEntity>findByIdOptional(id)));
    }

    /** One line of the plan list; {@code status} is null when the plan was never solved. */
    public record Summary(String id, String name, int taskCount, int agentCount, Instant createdAt, String status,
            Double makespan, Double lowerBound, Boolean optimal) {
    }

    /** The plan list, newest first, without loading plan documents or schedules. */
    @Transactional
    public List<Summary> list() {
        return PlanEntity.getEntityManager().createQuery("""
                select new dev.fanout.service.PlanStore$Summary(p.id, p.name, p.taskCount, p.agentCount, p.createdAt,
                        s.status, s.makespan, s.lowerBound, s.optimal)
                from PlanEntity p left join SolveEntity s on s.planId = p.id
                order by p.createdAt desc, p.id""", Summary.class).getResultList();
    }

    @Transactional
    public long count() {
        return PlanEntity.count();
    }

    @Transactional
    public boolean delete(String id) {
        SolveEntity.deleteById(id);
        dev.fanout.persistence.WhatIfEntity.deleteById(id);
        return PlanEntity.deleteById(id);
    }

    /** Records that a solve started, with the schedule it starts from as the best so far. */
    @Transactional
    public void solving(String id, double requestedSeconds, Schedule best, long lowerBound) {
        var solve = solveOf(id);
        solve.status = SolveStatus.SOLVING.name();
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
    public void heartbeat(java.util.Collection<String> ids) {
        if (!ids.isEmpty()) {
            SolveEntity.update("updatedAt = ?1 where planId in ?2 and status = ?3", Instant.now(), ids, SolveStatus.SOLVING.name());
        }
    }

    /** Records the end of a solve; ignored if the plan was deleted meanwhile. */
    @Transactional
    public void finished(String id, SolveStatus status, Schedule best, long lowerBound, String message) {
        SolveEntity.<SolveEntity>findByIdOptional(id).ifPresent(solve -> {
            solve.status = status.name();
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
        return SolveEntity.<SolveEntity>list("status", SolveStatus.SOLVING.name()).stream().map(s -> s.planId).toList();
    }

    private SolveEntity solveOf(String id) {
        var existing = SolveEntity.<SolveEntity>findById(id);
        if (existing != null) {
            return existing;
        }
        var solve = new SolveEntity();
        solve.planId = id;
        solve.status = SolveStatus.NOT_SOLVED.name();
        solve.updatedAt = Instant.now();
        solve.persist();
        return solve;
    }

    private static void write(SolveEntity solve, Schedule best, long lowerBound) {
        var scale = best.instance().scale();
        solve.schedule = ScheduleCodec.encode(best);
        solve.makespan = scale.toDouble(best.makespan());
        solve.lowerBound = scale.toDouble(lowerBound);
        solve.optimal = best.makespan() <= lowerBound;
        solve.updatedAt = Instant.now();
    }

    static String toJson(PlanDocument document) {
        try {
            return PlanReader.json().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store a plan document", e);
        }
    }
}
