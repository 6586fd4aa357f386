package dev.fanout.plan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link PlanDocument} into a {@link Plan}, or refuses it with every {@link Violation} found, each naming
 * the field and the value (CONTRACT §1). Checks run in layers: fields, then references, then the dependency graph
 * (cycles), then feasibility (every task has an agent able to do it); a later layer runs only when the earlier ones
 * passed, so that one typo does not cascade into a dozen confusing messages. Each part of the plan has its
 * validator ({@link PoolsValidator}, {@link AgentsValidator}, {@link ResourcesValidator}, {@link TasksValidator},
 * {@link WavesValidator},
 * {@link ClaimsValidator}, {@link DependencyValidator}, {@link ProgressValidator}, {@link FeasibilityValidator}); they add to one
 * {@link Problems}.
 */
public final class PlanValidator {

    /** Durations above this are almost surely a unit mistake, and would overflow the solver's arithmetic. */
    public static final BigDecimal MAX_DURATION = BigDecimal.valueOf(1_000_000);
    /** Durations are exact decimals; more places than this would only slow the solver down. */
    public static final int MAX_DECIMALS = 4;
    public static final int MAX_PRIORITY = 1_000_000;
    static final int MAX_ID_LENGTH = 200;
    static final int MAX_TEXT_LENGTH = 20_000;

    private final PlanLimits limits;

    public PlanValidator(PlanLimits limits) {
        this.limits = limits;
    }

    public PlanValidator() {
        this(PlanLimits.DEFAULT);
    }

    public Plan validate(PlanDocument document) {
        var problems = new Problems();
        if (document == null) {
            throw new PlanRejectedException(new Violation("", null, "the plan must be a JSON object"));
        }
        var name = problems.requireText("name", document.name());
        problems.optionalText("description", document.description());
        var timeUnit = timeUnit(problems, document.timeUnit());
        var pools = PoolsValidator.check(problems, document.pools(), limits);
        var agents = AgentsValidator.check(problems, document.agents(), pools, limits);
        var resources = ResourcesValidator.check(problems, document.resources());
        var tasks = TasksValidator.check(problems, document.tasks(), pools, resources, limits);
        var waves = WavesValidator.check(problems, document.waves(), tasks);
        var claims = ClaimsValidator.check(problems, document.claims());
        var deadline = deadline(problems, document.deadline());
        var maxConcurrent = CapacityRules.cap(problems, "maxConcurrent", document.maxConcurrent());
        var now = ProgressValidator.now(problems, document.now());
        var start = start(problems, document.start());
        problems.throwIfAny();

        DependencyValidator.references(problems, tasks);
        problems.throwIfAny();

        DependencyValidator.cycles(problems, tasks);
        problems.throwIfAny();

        var plan = new Plan(name, document.description(), timeUnit, List.copyOf(pools.values()), agents,
                List.copyOf(tasks.values()), waves, claims, deadline, maxConcurrent, List.copyOf(resources.values()), now, start);
        var indexOf = FeasibilityValidator.indexOf(document.tasks());
        ProgressValidator.consistency(problems, plan, indexOf);
        problems.throwIfAny();

        FeasibilityValidator.check(problems, plan, indexOf);
        problems.throwIfAny();
        return plan;
    }

    /** The calendar date the plan's time 0 falls on: an ISO date (2026-12-07); null when none is stated. */
    private static java.time.LocalDate start(Problems problems, String start) {
        if (start == null) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(start.strip());
        } catch (java.time.format.DateTimeParseException e) {
            problems.add("start", Problems.quote(start), "must be a calendar date, as in 2026-12-07 (ISO 8601)");
            return null;
        }
    }

    /** A number above 0 in the plan's time unit, as exact as a duration (CONTRACT §5); null when none is stated. */
    private static BigDecimal deadline(Problems problems, BigDecimal deadline) {
        if (deadline == null) {
            return null;
        }
        if (deadline.signum() <= 0) {
            problems.add("deadline", deadline.toPlainString(), "must be a number > 0 in the plan's time unit");
            return null;
        }
        return exactTime(problems, "deadline", deadline, deadline.toPlainString());
    }

    /**
     * A time in the plan's unit that the solver can hold exactly: at most {@link #MAX_DURATION} and
     * {@link #MAX_DECIMALS} decimal places, normalized (no trailing zeros, no exponent); null, with the problem
     * added, otherwise. {@code shown} is how the value is quoted when it is too large.
     */
    static BigDecimal exactTime(Problems problems, String field, BigDecimal value, String shown) {
        if (value.compareTo(MAX_DURATION) > 0) {
            problems.add(field, shown, "must be at most " + MAX_DURATION.toPlainString() + " (is the time unit right?)");
            return null;
        }
        var normalized = value.stripTrailingZeros();
        if (normalized.scale() > MAX_DECIMALS) {
            problems.add(field, value.toPlainString(), "has more than " + MAX_DECIMALS + " decimal places");
            return null;
        }
        return normalized.scale() < 0 ? normalized.setScale(0) : normalized;
    }

    private static TimeUnit timeUnit(Problems problems, String text) {
        if (text == null) {
            return TimeUnit.DAYS;
        }
        return TimeUnit.parse(text).orElseGet(() -> {
            problems.add("timeUnit", Problems.quote(text), "must be one of hours, days, weeks");
            return TimeUnit.DAYS;
        });
    }

    static Map<String, Integer> skillsOrEmpty(Map<String, Integer> skills) {
        return skills == null ? Map.of() : skills;
    }
}
