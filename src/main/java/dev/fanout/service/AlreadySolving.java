package dev.fanout.service;

/** A solve was asked for a plan that is being solved already. */
public final class AlreadySolving extends RuntimeException {

    public AlreadySolving(String planId) {
        super("plan '" + planId + "' is being solved: poll GET /api/plans/" + planId
                + "/schedule, or stop it with DELETE /api/plans/" + planId + "/solve");
    }
}
