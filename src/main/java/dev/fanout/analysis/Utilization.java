package dev.fanout.analysis;

import java.util.LinkedHashMap;
import java.util.Map;

/** The share of the makespan each agent, and each pool's agents together, spend working. */
public record Utilization(Map<String, Double> agents, Map<String, Double> pools, double mean) {

    public static Utilization of(Schedule schedule) {
        var instance = schedule.instance();
        long makespan = schedule.makespan();
        var busy = schedule.busyTime();
        var agents = new LinkedHashMap<String, Double>();
        var poolBusy = new LinkedHashMap<String, long[]>();
        long totalBusy = 0;
        for (int agent = 0; agent < instance.agentCount(); agent++) {
            agents.put(instance.agentId(agent), ratio(busy[agent], makespan));
            totalBusy += busy[agent];
            var pool = instance.agentPool(agent);
            if (pool != null) {
                var sums = poolBusy.computeIfAbsent(pool, p -> new long[2]);
                sums[0] += busy[agent];
                sums[1]++;
            }
        }
        var pools = new LinkedHashMap<String, Double>();
        for (var pool : instance.plan().pools()) {
            var sums = poolBusy.get(pool.id());
            if (sums != null) {
                pools.put(pool.id(), ratio(sums[0], makespan * sums[1]));
            }
        }
        double mean = ratio(totalBusy, makespan * Math.max(1, instance.agentCount()));
        return new Utilization(agents, pools, mean);
    }

    private static double ratio(long busy, long available) {
        return available == 0 ? 0.0 : Math.round(10_000.0 * busy / available) / 10_000.0;
    }
}
