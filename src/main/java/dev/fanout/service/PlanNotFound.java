package dev.fanout.service;

/** No plan has the id asked for. */
public final class PlanNotFound extends RuntimeException {

    public PlanNotFound(String planId) {
        super("no plan has id '" + planId + "'");
    }
}
