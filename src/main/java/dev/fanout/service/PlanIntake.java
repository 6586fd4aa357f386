package dev.fanout.service;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import dev.fanout.config.FanoutConfig;
import dev.fanout.plan.ImopseReader;
import dev.fanout.plan.Plan;
import dev.fanout.plan.PlanDocument;
import dev.fanout.plan.PlanLimits;
import dev.fanout.plan.PlanReader;
import dev.fanout.plan.PlanValidator;

/**
 * Plans as they come in: read in the format asked for (JSON, YAML, iMOPSE), then validated against the configured
 * limits. Every refusal names the field or parameter and the value.
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
     * Reads a plan in the format {@code format} names (json, yaml, imopse) or, without it, the content type names:
     * JSON when none is given; {@code text/plain} is an iMOPSE {@code .def} file. Then validates it.
     */
    public ParsedPlan parse(byte[] body, String contentType, String format) {
        var type = contentType == null ? "application/json" : contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        if (format != null) {
            type = switch (format.toLowerCase(Locale.ROOT)) {
                case "json" -> "application/json";
                case "yaml" -> "application/yaml";
                case "imopse", "def" -> "application/x-imopse";
                default -> throw new InvalidParameter("format", format, "must be json, yaml or imopse");
            };
        }
        PlanDocument document = switch (type) {
            case "application/json", "*/*", "" -> PlanReader.readJson(body);
            case "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml" -> PlanReader.readYaml(body);
            case "text/plain", "application/x-imopse" -> ImopseReader.read(body, null);
            default -> throw new UnsupportedPlanFormat(type);
        };
        return new ParsedPlan(document, validator.validate(document));
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
