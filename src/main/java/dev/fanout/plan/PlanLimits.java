package dev.fanout.plan;

/** Upper bounds on a plan's size, so that one request cannot take the service down. */
public record PlanLimits(int maxTasks, int maxAgents, int maxDependencies) {

    public static final PlanLimits DEFAULT = new PlanLimits(20_000, 2_000, 400_000);
}
