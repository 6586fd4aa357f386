package dev.fanout.service;

/** Something that needs a schedule was asked of a plan that has none yet. */
public final class NotSolvedYet extends RuntimeException {

    private final String planId;

    public NotSolvedYet(String planId) {
        super("plan '" + planId + "' has no schedule yet");
        this.planId = planId;
    }

    public String planId() {
        return planId;
    }
}
