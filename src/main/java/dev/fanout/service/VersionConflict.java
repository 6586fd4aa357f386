package dev.fanout.service;

/** An update was made from a version of the plan that another update has replaced: nothing was applied. */
public final class VersionConflict extends PlanStateException {

    private final int current;

    public VersionConflict(String planId, int expected, int current) {
        super(planId, "is at version " + current + ", not " + expected + ": another update came first");
        this.current = current;
    }

    /** The plan's current version, for the client to re-read and re-apply its update. */
    public int current() {
        return current;
    }
}
