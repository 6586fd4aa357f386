package dev.fanout.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The work each agent does in a schedule, and each pool's agents together: how many tasks, how many busy ticks.
 * Pools are in plan order; a pool without agents is left out.
 */
public record Workload(List<AgentLoad> agents, List<PoolLoad> pools) {

    public Workload {
        agents = List.copyOf(agents);
        pools = List.copyOf(pools);
    }

    /** Agent {@code agent} (an index) does {@code tasks} tasks, busy for {@code busy} ticks. */
    public record AgentLoad(int agent, int tasks, long busy) {
    }

    public record PoolLoad(String pool, int agents, int tasks, long busy) {
    }

    public static Workload of(Schedule schedule) {
        var instance = schedule.instance();
        var busy = schedule.busyTime();
        var counts = new int[instance.agentCount()];
        for (int task = 0; task < instance.taskCount(); task++) {
            if (schedule.agentOf(task) != Schedule.NO_AGENT) {
                counts[schedule.agentOf(task)]++;
            }
        }
        var agents = new ArrayList<AgentLoad>();
        for (int agent = 0; agent < instance.agentCount(); agent++) {
            agents.add(new AgentLoad(agent, counts[agent], busy[agent]));
        }
        var pools = new ArrayList<PoolLoad>();
        for (var pool : instance.plan().pools()) {
            int members = 0;
            int tasks = 0;
            long poolBusy = 0;
            for (int agent = 0; agent < instance.agentCount(); agent++) {
                if (pool.id().equals(instance.agentPool(agent))) {
                    members++;
                    tasks += counts[agent];
                    poolBusy += busy[agent];
                }
            }
            if (members > 0) {
                pools.add(new PoolLoad(pool.id(), members, tasks, poolBusy));
            }
        }
        return new Workload(agents, pools);
    }

    /** Busy ticks of all agents together. */
    public long totalBusy() {
        return agents.stream().mapToLong(AgentLoad::busy).sum();
    }
}
