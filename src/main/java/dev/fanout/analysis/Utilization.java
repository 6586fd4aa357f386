package dev.fanout.analysis;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.fanout.plan.Unmodifiable;

/** The share of the makespan each agent, and each pool's agents together, spend working. */
public record Utilization(Map<String, Double> agents, Map<String, Double> pools, double mean) {

    /** Keeps the order given (agents and pools in plan order) and is unmodifiable. */
    public Utilization {
        agents = Unmodifiable.map(agents);
        pools = Unmodifiable.map(pools);
    }

    public static Utilization of(Schedule schedule) {
        return of(schedule, Workload.of(schedule));
    }

    /** From the schedule's workload, when it is at hand already. */
    public static Utilization of(Schedule schedule, Workload workload) {
        var instance = schedule.instance();
        long makespan = schedule.makespan();
        var agents = new LinkedHashMap<String, Double>();
        for (var load : workload.agents()) {
            agents.put(instance.agentId(load.agent()), ratio(load.busy(), makespan));
        }
        var pools = new LinkedHashMap<String, Double>();
        for (var load : workload.pools()) {
            pools.put(load.pool(), ratio(load.busy(), makespan * load.agents()));
        }
        double mean = ratio(workload.totalBusy(), makespan * Math.max(1, instance.agentCount()));
        return new Utilization(agents, pools, mean);
    }

    private static double ratio(long busy, long available) {
        return available == 0 ? 0.0 : Math.round(10_000.0 * busy / available) / 10_000.0;
    }
}
