package dev.fanout.service;

/** A version number the plan never had. */
public final class NoSuchVersion extends PlanStateException {

    public NoSuchVersion(String planId, int number, int current) {
        super(planId, "has no version " + number + " (its versions are 1 to " + current + ")");
    }
}
