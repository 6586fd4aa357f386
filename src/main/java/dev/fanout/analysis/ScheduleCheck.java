package dev.fanout.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a schedule against its plan: every task with work on an agent able to do it (skills, levels, pool), every
 * milestone on none, no task before its dependencies end, no two tasks overlapping on one agent.
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
                problems.add(id + " starts before time 0");
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
        return problems.size() > limit ? problems.subList(0, limit) : problems;
    }

    public static boolean isValid(Schedule schedule) {
        return violations(schedule, 1).isEmpty();
    }
}
