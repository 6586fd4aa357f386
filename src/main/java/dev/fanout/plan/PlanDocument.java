package dev.fanout.plan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * A plan exactly as a user submits it (CONTRACT §1), bound strictly: unknown fields, wrong types and
 * duplicate keys are refused by {@link PlanReader}. Nothing here is checked for meaning yet; that is
 * {@link PlanValidator}'s job, which turns a document into a {@link Plan}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanDocument(
        String name,
        String description,
        String timeUnit,
        List<PoolDocument> pools,
        List<AgentDocument> agents,
        List<TaskDocument> tasks,
        List<List<String>> waves,
        List<ClaimDocument> claims,
        BigDecimal deadline,
        Integer maxConcurrent,
        List<ResourceDocument> resources,
        BigDecimal now,
        String start) {

    /** Copies as given, nulls included: the validator names what is missing or null. */
    public PlanDocument {
        pools = Unmodifiable.list(pools);
        agents = Unmodifiable.list(agents);
        tasks = Unmodifiable.list(tasks);
        waves = waves == null ? null : Unmodifiable.list(waves.stream().map(Unmodifiable::list).toList());
        claims = Unmodifiable.list(claims);
        resources = Unmodifiable.list(resources);
    }

    /** The plan before CONTRACT §5: no cap and no shared resources. */
    public PlanDocument(String name, String description, String timeUnit, List<PoolDocument> pools,
            List<AgentDocument> agents, List<TaskDocument> tasks, List<List<String>> waves, List<ClaimDocument> claims,
            BigDecimal deadline) {
        this(name, description, timeUnit, pools, agents, tasks, waves, claims, deadline, null, null, null);
    }

    /** A plan on day 0 (no {@code now}) with no calendar start date. */
    public PlanDocument(String name, String description, String timeUnit, List<PoolDocument> pools,
            List<AgentDocument> agents, List<TaskDocument> tasks, List<List<String>> waves, List<ClaimDocument> claims,
            BigDecimal deadline, Integer maxConcurrent, List<ResourceDocument> resources) {
        this(name, description, timeUnit, pools, agents, tasks, waves, claims, deadline, maxConcurrent, resources, null);
    }

    /** A plan with no calendar start date. */
    public PlanDocument(String name, String description, String timeUnit, List<PoolDocument> pools,
            List<AgentDocument> agents, List<TaskDocument> tasks, List<List<String>> waves, List<ClaimDocument> claims,
            BigDecimal deadline, Integer maxConcurrent, List<ResourceDocument> resources, BigDecimal now) {
        this(name, description, timeUnit, pools, agents, tasks, waves, claims, deadline, maxConcurrent, resources, now, null);
    }

    /** This plan with other pools, agents and tasks, its waves and claims dropped (a variant, not the plan as written). */
    public PlanDocument variant(List<PoolDocument> pools, List<AgentDocument> agents, List<TaskDocument> tasks) {
        return new PlanDocument(name, description, timeUnit, pools, agents, tasks, null, null, deadline, maxConcurrent,
                resources, now, start);
    }

    /** This plan with another plan-wide cap (null: none). */
    public PlanDocument withMaxConcurrent(Integer cap) {
        return new PlanDocument(name, description, timeUnit, pools, agents, tasks, waves, claims, deadline, cap, resources,
                now, start);
    }

    /** This plan at another time, with other tasks and claims: a new version of it (CONTRACT §6). */
    public PlanDocument progressed(BigDecimal time, List<TaskDocument> newTasks, List<ClaimDocument> newClaims) {
        return new PlanDocument(name, description, timeUnit, pools, agents, newTasks, waves, newClaims, deadline,
                maxConcurrent, resources, time, start);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PoolDocument(
            String id,
            String name,
            Integer workers,
            @JsonDeserialize(using = SkillsDeserializer.class) Map<String, Integer> skills,
            Integer maxConcurrent,
            BigDecimal availableFrom,
            BigDecimal availableUntil,
            BigDecimal speed) {
        public PoolDocument {
            skills = Unmodifiable.map(skills);
        }

        public PoolDocument(String id, String name, Integer workers, Map<String, Integer> skills) {
            this(id, name, workers, skills, null, null, null, null);
        }

        public PoolDocument withWorkers(Integer count) {
            return new PoolDocument(id, name, count, skills, maxConcurrent, availableFrom, availableUntil, speed);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AgentDocument(
            String id,
            String name,
            String pool,
            @JsonDeserialize(using = SkillsDeserializer.class) Map<String, Integer> skills,
            BigDecimal availableFrom,
            BigDecimal availableUntil,
            BigDecimal speed) {
        public AgentDocument {
            skills = Unmodifiable.map(skills);
        }

        public AgentDocument(String id, String name, String pool, Map<String, Integer> skills) {
            this(id, name, pool, skills, null, null, null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TaskDocument(
            String id,
            String title,
            String description,
            DurationDocument duration,
            @JsonDeserialize(using = SkillsDeserializer.class) Map<String, Integer> skills,
            String pool,
            List<String> dependsOn,
            Integer priority,
            @JsonDeserialize(using = UsesDeserializer.class) Map<String, Integer> uses,
            List<String> areas,
            String status,
            BigDecimal progress,
            BigDecimal remaining,
            String agent) {
        public TaskDocument {
            skills = Unmodifiable.map(skills);
            dependsOn = Unmodifiable.list(dependsOn);
            uses = Unmodifiable.map(uses);
            areas = Unmodifiable.list(areas);
        }

        public TaskDocument(String id, String title, String description, BigDecimal duration, Map<String, Integer> skills,
                String pool, List<String> dependsOn, Integer priority) {
            this(id, title, description, DurationDocument.of(duration), skills, pool, dependsOn, priority, null, null,
                    null, null, null, null);
        }

        /** A planned task (no status, progress or agent). */
        public TaskDocument(String id, String title, String description, DurationDocument duration,
                Map<String, Integer> skills, String pool, List<String> dependsOn, Integer priority,
                Map<String, Integer> uses, List<String> areas) {
            this(id, title, description, duration, skills, pool, dependsOn, priority, uses, areas, null, null, null, null);
        }

        /** The same task for any agent: no pool named, and no agent pinned. */
        public TaskDocument withoutPool() {
            return new TaskDocument(id, title, description, duration, skills, null, dependsOn, priority, uses, areas,
                    status, progress, remaining, status == null || "planned".equals(status) ? null : agent);
        }

        /** The same task with another duration. */
        public TaskDocument withDuration(DurationDocument other) {
            return new TaskDocument(id, title, description, other, skills, pool, dependsOn, priority, uses, areas,
                    status, progress, remaining, agent);
        }

        /** The same task with another status, progress, remaining time and agent (CONTRACT §6). */
        public TaskDocument withProgress(String newStatus, BigDecimal newProgress, BigDecimal newRemaining,
                String newAgent) {
            return new TaskDocument(id, title, description, duration, skills, pool, dependsOn, priority, uses, areas,
                    newStatus, newProgress, newRemaining, newAgent);
        }
    }

    /** Something tasks share that only so many can use at once: a test database, a licence, a migration slot. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ResourceDocument(
            String id,
            String name,
            Integer capacity) {
    }

    /**
     * A figure the plan's author computed by hand ("26–32 weeks sequential"): either one {@code value} or a
     * {@code min}–{@code max} range, with where it was stated. The report sets it against the computed figure.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ClaimDocument(
            String metric,
            BigDecimal value,
            BigDecimal min,
            BigDecimal max,
            String source) {
    }
}
