package dev.fanout.api;

/** The answer to storing a plan. */
public record CreatedPlan(String id, String name, int tasks, int agents) {
}
