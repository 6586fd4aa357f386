package dev.fanout.service;

/** A stop was asked for a plan that is not being solved. */
public final class NotSolving extends PlanStateException {

    public NotSolving(String planId) {
        super(planId, "is not being solved");
    }
}
