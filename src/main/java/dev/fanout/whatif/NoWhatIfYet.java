package dev.fanout.whatif;

import dev.fanout.service.PlanStateException;

/** The plan exists but has no what-if comparison stored yet. */
public final class NoWhatIfYet extends PlanStateException {

    public NoWhatIfYet(String planId) {
        super(planId, "has no what-if comparison yet");
    }
}
