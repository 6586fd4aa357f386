package dev.fanout.service;

import jakarta.enterprise.context.ApplicationScoped;

import dev.fanout.config.FanoutConfig;
import dev.fanout.formats.PlanFormat;
import dev.fanout.formats.PlanFormats;
import dev.fanout.plan.Plan;
import dev.fanout.plan.PlanDocument;
import dev.fanout.plan.PlanLimits;
import dev.fanout.plan.PlanValidator;

/**
 * Plans as they come in: read in the format asked for (one of {@link PlanFormats}), then validated against the
 * configured limits. Every refusal names the field or parameter and the value.
 */
@ApplicationScoped
public class PlanIntake {

    /** A plan as read from a request: the document to store and the validated plan. */
    public record ParsedPlan(PlanDocument document, Plan plan) {
    }

    private final PlanValidator validator;
    private final int maxAgents;

    public PlanIntake(FanoutConfig config) {
        var limits = config.limits();
        this.validator = new PlanValidator(new PlanLimits(limits.maxTasks(), limits.maxAgents(), limits.maxDependencies()));
        this.maxAgents = limits.maxAgents();
    }

    /**
     * Reads a plan in the format {@code format} names or, without it, the content type names (see
     * {@link PlanFormats#forRequest}), planned with {@code agents} agents when the format's files name none (null:
     * the format's default). Then validates it.
     */
    public ParsedPlan parse(byte[] body, String contentType, String format, String agents) {
        var reader = PlanFormats.forRequest(format, contentType);
        if (agents != null) {
            reader = withAgents(reader, agents);
        }
        var document = reader.read(body);
        return new ParsedPlan(document, validator.validate(document));
    }

    private PlanFormat withAgents(PlanFormat format, String agents) {
        int count;
        try {
            count = Integer.parseInt(agents.strip());
        } catch (NumberFormatException e) {
            count = 0;
        }
        if (count < 1 || count > maxAgents) {
            throw new InvalidParameter("agents", agents, "must be a whole number from 1 to " + maxAgents);
        }
        return format.withAgents(count).orElseThrow(() -> new InvalidParameter("agents", agents,
                "is for formats whose files name no agents (spec-kit); a " + format.name()
                        + " plan names its own agents"));
    }

    /** Validates a plan document (a stored one, or a what-if variant) against the configured limits. */
    public Plan validate(PlanDocument document) {
        return validator.validate(document);
    }

    /** The most agents a plan may have. */
    public int maxAgents() {
        return maxAgents;
    }
}
