package dev.fanout.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Exhaustive search: every assignment of tasks to able agents, every global order of the tasks, each timed by
 * serial schedule generation in that order (the order is each agent's sequence and the order tasks take the shared
 * limits); schedules the checker refuses (a window overrun) do not count. For plans of a few tasks only (6 tasks on 3
 * agents: 3^6 × 6! schedules); the property tests' reference optimum.
 */
public final class BruteForce {

    private BruteForce() {
    }

    public static long optimalMakespan(Instance instance) {
        var work = new ArrayList<Integer>();
        for (int t = 0; t < instance.taskCount(); t++) {
            if (!instance.isMilestone(t)) {
                work.add(t);
            }
        }
        var best = new long[] { Long.MAX_VALUE };
        var agentOf = new int[instance.taskCount()];
        assign(instance, work, 0, agentOf, best);
        return best[0] == Long.MAX_VALUE ? Schedule.fromSequences(instance, emptySequences(instance)).makespan() : best[0];
    }

    private static void assign(Instance instance, List<Integer> work, int index, int[] agentOf, long[] best) {
        if (index == work.size()) {
            permute(instance, work, new ArrayList<>(), new boolean[work.size()], agentOf, best);
            return;
        }
        int task = work.get(index);
        var eligible = instance.eligibleAgents(task);
        for (int agent = eligible.nextSetBit(0); agent >= 0; agent = eligible.nextSetBit(agent + 1)) {
            agentOf[task] = agent;
            assign(instance, work, index + 1, agentOf, best);
        }
    }

    private static void permute(Instance instance, List<Integer> work, List<Integer> order, boolean[] used,
            int[] agentOf, long[] best) {
        if (order.size() == work.size()) {
            var sequences = emptySequences(instance);
            var priority = new long[instance.taskCount()];
            for (int i = 0; i < order.size(); i++) {
                sequences.get(agentOf[order.get(i)]).add(order.get(i));
                priority[order.get(i)] = i;
            }
            try {
                var schedule = Schedule.fromSequences(instance, sequences, priority);
                if (ScheduleCheck.isValid(schedule)) {
                    best[0] = Math.min(best[0], schedule.makespan());
                }
            } catch (IllegalArgumentException orderContradictsDependencies) {
                // Not a schedule; skip.
            }
            return;
        }
        for (int i = 0; i < work.size(); i++) {
            if (!used[i]) {
                used[i] = true;
                order.add(work.get(i));
                permute(instance, work, order, used, agentOf, best);
                order.remove(order.size() - 1);
                used[i] = false;
            }
        }
    }

    private static List<List<Integer>> emptySequences(Instance instance) {
        var sequences = new ArrayList<List<Integer>>();
        for (int a = 0; a < instance.agentCount(); a++) {
            sequences.add(new ArrayList<>());
        }
        return sequences;
    }
}
