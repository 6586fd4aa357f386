package dev.fanout.report;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.fanout.analysis.Schedule;
import dev.fanout.analysis.TimeScale;
import dev.fanout.plan.TaskStatus;

/**
 * A schedule as the API returns it (CONTRACT §2), in the plan's time unit: one assignment per task, milestones
 * included with no agent. While {@code SOLVING}, it is the best schedule so far.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScheduleView(
        SolveStatus status,
        String timeUnit,
        Double makespan,
        Double lowerBound,
        Boolean optimal,
        Boolean feasible,
        List<Assignment> assignments,
        String message) {

    /**
     * One task: {@code status} planned, started or done (CONTRACT §6); a done task has the agent the plan gives it (or
     * none) and ends by now; a started one with no time left (remaining 0) ends at now on its agent.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Assignment(String task, String agent, double start, double end, TaskStatus status) {
    }

    public static ScheduleView of(SolveStatus status, Schedule schedule, long lowerBound, String message) {
        var instance = schedule.instance();
        TimeScale scale = instance.scale();
        var assignments = new ArrayList<Assignment>();
        for (int task = 0; task < instance.taskCount(); task++) {
            int agent = schedule.agentOf(task);
            var taskStatus = instance.status(task);
            var agentId = agent != Schedule.NO_AGENT ? instance.agentId(agent)
                    : taskStatus != TaskStatus.PLANNED ? instance.plan().tasks().get(task).progress().agent() : null;
            assignments.add(new Assignment(instance.taskId(task), agentId, scale.at(schedule.start(task)),
                    scale.at(schedule.end(task)), taskStatus));
        }
        long makespan = schedule.makespan();
        // Only a window's end can be missed (when no able agent's window could still hold a task): then the schedule
        // says so, and is never called optimal.
        boolean feasible = dev.fanout.analysis.ScheduleCheck.isValid(schedule);
        return new ScheduleView(status, instance.plan().timeUnit().label(), scale.at(makespan),
                scale.at(lowerBound), feasible && makespan == lowerBound, feasible, assignments,
                feasible ? message : joined(message, "no schedule inside every agent's window was found: "
                        + String.join("; ", dev.fanout.analysis.ScheduleCheck.violations(schedule, 3))));
    }

    private static String joined(String message, String more) {
        return message == null ? more : message + "; " + more;
    }

    public static ScheduleView withoutSchedule(SolveStatus status, String timeUnit, String message) {
        return new ScheduleView(status, timeUnit, null, null, null, null, List.of(), message);
    }
}
