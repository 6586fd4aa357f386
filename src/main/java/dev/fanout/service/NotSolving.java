package dev.fanout.service;

/** A stop was asked for a plan that is not being solved. */
public final class NotSolving extends RuntimeException {

    public NotSolving(String planId) {
        super("plan '" + planId + "' is not being solved");
    }
}
