package dev.fanout.service;

/** Something asked of a plan that its state does not allow now; says which plan, so the API can say what to do next. */
public abstract class PlanStateException extends RuntimeException {

    private final String planId;

    protected PlanStateException(String planId, String whatIsWrong) {
        super("plan '" + planId + "' " + whatIsWrong);
        this.planId = planId;
    }

    public String planId() {
        return planId;
    }
}
