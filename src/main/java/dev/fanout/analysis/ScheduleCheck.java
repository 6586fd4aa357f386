package dev.fanout.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Checks a schedule against its plan: every task with work on an agent able to do it (skills, levels, pool), inside
 * the agent's window, every milestone on none, no task before its dependencies end, no two tasks overlapping on one
 * agent, and at no instant more units of a shared limit in use than it has (resources, areas, the plan's and the
 * pools' caps); pinned tasks on their agent, and started tasks going on at now (tick 0).
 */
public final class ScheduleCheck {

    private ScheduleCheck() {
    }

    /** Empty when the schedule is valid; otherwise one line per problem (at most {@code limit}). */
    public static List<String> violations(Schedule schedule, int limit) {
        var instance = schedule.instance();
        var problems = new ArrayList<String>();
        for (int task = 0; task < instance.taskCount() && problems.size() < limit; task++) {
            var id = instance.taskId(task);
            int agent = schedule.agentOf(task);
            if (schedule.start(task) < 0) {
                problems.add(id + " starts before " + (instance.scale().origin() > 0 ? "now" : "time 0"));
            }
            if (instance.isMilestone(task)) {
                if (agent != Schedule.NO_AGENT) {
                    problems.add("milestone " + id + " is given to agent " + instance.agentId(agent));
                }
            } else if (agent == Schedule.NO_AGENT) {
                problems.add(id + " has no agent");
            } else if (!instance.skilledAgents(task).get(agent)) {
                problems.add(id + " is given to " + instance.agentId(agent) + ", who lacks a skill or level it needs");
            } else if (!instance.poolAgents(task).get(agent)) {
                problems.add(id + " is given to " + instance.agentId(agent) + ", who is outside its pool");
            }
            var progress = instance.plan().tasks().get(task).progress();
            if (progress.isPinned() && agent != Schedule.NO_AGENT && !progress.agent().equals(instance.agentId(agent))) {
                problems.add(id + " is pinned to " + progress.agent() + " but given to " + instance.agentId(agent));
            }
            if (instance.isStarted(task) && schedule.start(task) != 0) {
                problems.add(id + " is started but does not go on at now");
            }
            if (agent != Schedule.NO_AGENT && !instance.isMilestone(task)) {
                if (schedule.start(task) < instance.availableFrom(agent)) {
                    problems.add(id + " starts before its agent " + instance.agentId(agent) + " is available");
                }
                if (schedule.end(task) > instance.availableUntil(agent)) {
                    problems.add(id + " ends after its agent " + instance.agentId(agent) + " is available");
                }
            }
            for (int p : instance.predecessors(task)) {
                if (schedule.start(task) < schedule.end(p)) {
                    problems.add(id + " starts before its dependency " + instance.taskId(p) + " ends");
                }
            }
        }
        var sequences = schedule.sequences();
        for (int agent = 0; agent < sequences.size() && problems.size() < limit; agent++) {
            var sequence = sequences.get(agent);
            for (int i = 1; i < sequence.size(); i++) {
                int before = sequence.get(i - 1);
                int after = sequence.get(i);
                if (schedule.start(after) < schedule.end(before)) {
                    problems.add(instance.agentId(agent) + " works on " + instance.taskId(before) + " and "
                            + instance.taskId(after) + " at the same time");
                }
            }
        }
        if (problems.size() < limit && instance.limits().any()) {
            sharedLimits(schedule, problems, limit);
        }
        return problems.size() > limit ? problems.subList(0, limit) : problems;
    }

    /** Sweeps each shared limit's use over time: at no instant more units in use than its capacity. */
    private static void sharedLimits(Schedule schedule, List<String> problems, int limit) {
        var instance = schedule.instance();
        var limits = instance.limits();
        var uses = new ArrayList<List<int[]>>();
        for (int l = 0; l < limits.limits().size(); l++) {
            uses.add(new ArrayList<>());
        }
        for (int task = 0; task < instance.taskCount(); task++) {
            if (instance.isMilestone(task) || schedule.agentOf(task) == Schedule.NO_AGENT) {
                continue;
            }
            int holder = task;
            limits.forEachHeld(task, schedule.agentOf(task), (held, units) -> uses.get(held).add(new int[] { holder, units }));
        }
        for (int l = 0; l < uses.size() && problems.size() < limit; l++) {
            var byStart = uses.get(l);
            byStart.sort(Comparator.comparingLong(use -> schedule.start(use[0])));
            var running = new PriorityQueue<int[]>(Comparator.comparingLong(use -> schedule.end(use[0])));
            int inUse = 0;
            for (var use : byStart) {
                long at = schedule.start(use[0]);
                while (!running.isEmpty() && schedule.end(running.peek()[0]) <= at) {
                    inUse -= running.poll()[1];
                }
                running.add(use);
                inUse += use[1];
                var shared = limits.limit(l);
                if (inUse > shared.capacity()) {
                    var together = running.stream().map(other -> instance.taskId(other[0])).sorted().toList();
                    problems.add("at " + at + " ticks " + String.join(", ", together) + " run together, over "
                            + shared.describe());
                    break;
                }
            }
        }
    }

    public static boolean isValid(Schedule schedule) {
        return violations(schedule, 1).isEmpty();
    }
}
