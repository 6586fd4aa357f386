package dev.fanout.whatif;

/** The plan exists but has no what-if comparison stored yet. */
public final class NoWhatIfYet extends RuntimeException {

    private final String planId;

    public NoWhatIfYet(String planId) {
        super("plan '" + planId + "' has no what-if comparison yet");
        this.planId = planId;
    }

    public String planId() {
        return planId;
    }
}
