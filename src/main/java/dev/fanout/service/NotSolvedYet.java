package dev.fanout.service;

/** Something that needs a schedule was asked of a plan that has none yet. */
public final class NotSolvedYet extends PlanStateException {

    public NotSolvedYet(String planId) {
        super(planId, "has no schedule yet");
    }
}
