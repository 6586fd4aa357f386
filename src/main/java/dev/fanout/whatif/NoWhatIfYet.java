package dev.fanout.whatif;

/** The plan exists but has no what-if comparison stored yet. */
public final class NoWhatIfYet extends RuntimeException {

    public NoWhatIfYet(String planId) {
        super("plan '" + planId + "' has no what-if comparison yet: POST /api/plans/" + planId + "/what-if");
    }
}
