package dev.fanout.service;

/** A solve was asked for a plan that is being solved already. */
public final class AlreadySolving extends RuntimeException {

    private final String planId;

    public AlreadySolving(String planId) {
        super("plan '" + planId + "' is being solved");
        this.planId = planId;
    }

    public String planId() {
        return planId;
    }
}
