package dev.fanout.service;

/** Something that needs a schedule was asked of a plan that has none yet. */
public final class NotSolvedYet extends RuntimeException {

    public NotSolvedYet(String planId) {
        super("plan '" + planId + "' has no schedule yet: POST /api/plans/" + planId + "/solve first");
    }
}
