package dev.fanout.plan;

import java.util.List;
import java.util.stream.Collectors;

/** A submitted plan that cannot be accepted; carries every violation found, in document order. */
public class PlanRejectedException extends RuntimeException {

    private final List<Violation> violations;

    public PlanRejectedException(List<Violation> violations) {
        super(violations.stream().map(Violation::describe).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public PlanRejectedException(Violation violation) {
        this(List.of(violation));
    }

    public List<Violation> violations() {
        return violations;
    }
}
