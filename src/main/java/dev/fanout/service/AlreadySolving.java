package dev.fanout.service;

/** A solve was asked for a plan that is being solved already. */
public final class AlreadySolving extends PlanStateException {

    public AlreadySolving(String planId) {
        super(planId, "is being solved");
    }
}
