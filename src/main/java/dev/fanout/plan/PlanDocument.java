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
        BigDecimal deadline) {

    /** Copies as given, nulls included: the validator names what is missing or null. */
    public PlanDocument {
        pools = Unmodifiable.list(pools);
        agents = Unmodifiable.list(agents);
        tasks = Unmodifiable.list(tasks);
        waves = waves == null ? null : Unmodifiable.list(waves.stream().map(Unmodifiable::list).toList());
        claims = Unmodifiable.list(claims);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PoolDocument(
            String id,
            String name,
            Integer workers,
            @JsonDeserialize(using = SkillsDeserializer.class) Map<String, Integer> skills) {
        public PoolDocument {
            skills = Unmodifiable.map(skills);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AgentDocument(
            String id,
            String name,
            String pool,
            @JsonDeserialize(using = SkillsDeserializer.class) Map<String, Integer> skills) {
        public AgentDocument {
            skills = Unmodifiable.map(skills);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TaskDocument(
            String id,
            String title,
            String description,
            BigDecimal duration,
            @JsonDeserialize(using = SkillsDeserializer.class) Map<String, Integer> skills,
            String pool,
            List<String> dependsOn,
            Integer priority) {
        public TaskDocument {
            skills = Unmodifiable.map(skills);
            dependsOn = Unmodifiable.list(dependsOn);
        }
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
