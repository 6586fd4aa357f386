package dev.fanout.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.fanout.analysis.Schedule;
import dev.fanout.analysis.StartReasons;
import dev.fanout.plan.TaskStatus;

/**
 * "Since the last version" (CONTRACT §6): how the finish moved, which tasks changed agent, which slipped and by how
 * much, and why: for each slipped task, the chain of waits that starts it (its dependencies, its agent, its limits) is
 * followed back to the first task the update changed; without one, to now having moved, or to the re-plan itself.
 */
public final class VersionComparison {

    private VersionComparison() {
    }

    /** Where a task was in the previous version: its agent (null: none) and its end, since the plan began. */
    public record Before(String agent, double end) {
    }

    /**
     * @param previousVersion the previous version's number
     * @param before each task of the previous version, by id
     * @param previousMakespan and {@code previousNow}: the previous version's finish and now
     * @param touched the tasks the update changed, added or removed
     */
    public static Report.SinceLastVersion of(int previousVersion, Map<String, Before> before, double previousMakespan,
            double previousNow, Set<String> touched, Schedule schedule) {
        var instance = schedule.instance();
        var scale = instance.scale();
        double now = scale.at(0);
        double makespan = scale.at(schedule.makespan());
        var reasons = StartReasons.of(schedule);
        var changedAgent = new ArrayList<Report.AgentChange>();
        var slipped = new ArrayList<Report.Slip>();
        var removed = new HashSet<>(before.keySet());
        for (int task = 0; task < instance.taskCount(); task++) {
            var id = instance.taskId(task);
            removed.remove(id);
            var was = before.get(id);
            if (was == null || instance.status(task) == TaskStatus.DONE) {
                continue;
            }
            int agent = schedule.agentOf(task);
            var agentId = agent == Schedule.NO_AGENT ? null : instance.agentId(agent);
            if (was.agent() != null && agentId != null && !was.agent().equals(agentId)) {
                changedAgent.add(new Report.AgentChange(id, was.agent(), agentId));
            }
            double end = scale.at(schedule.end(task));
            if (end > was.end() + 1e-9) {
                slipped.add(slip(task, was.end(), end, reasons, touched, previousNow, now, schedule));
            }
        }
        double moved = Numbers.round(makespan - previousMakespan, 4);
        var summary = new StringBuilder(moved == 0 ? "The finish stays at %s.".formatted(Numbers.format(makespan))
                : "The finish moved from %s to %s (%s%s).".formatted(Numbers.format(previousMakespan),
                        Numbers.format(makespan), moved > 0 ? "+" : "", Numbers.format(moved)));
        summary.append(" %d %s changed agent; %d slipped.".formatted(changedAgent.size(),
                changedAgent.size() == 1 ? "task" : "tasks", slipped.size()));
        return new Report.SinceLastVersion(previousVersion, previousNow, now, previousMakespan, makespan, moved,
                touched.stream().sorted().toList(), removed.stream().sorted().toList(), changedAgent, slipped,
                summary.toString());
    }

    private static Report.Slip slip(int task, double from, double to, StartReasons reasons, Set<String> touched,
            double previousNow, double now, Schedule schedule) {
        var instance = schedule.instance();
        var id = instance.taskId(task);
        String cause = null;
        String because;
        if (touched.contains(id)) {
            cause = id;
            because = "its own progress or estimate changed";
        } else {
            var seen = new HashMap<Integer, Boolean>();
            int current = task;
            while (cause == null && seen.put(current, true) == null) {
                var reason = reasons.of(current);
                if (!reason.kind().waitsForATask() || reason.on() < 0) {
                    break;
                }
                current = reason.on();
                if (touched.contains(instance.taskId(current))) {
                    cause = instance.taskId(current);
                }
            }
            because = cause != null ? "it waits, through the chain of starts, for " + cause + ", which the update changed"
                    : now > previousNow ? "now moved from " + Numbers.format(previousNow) + " to " + Numbers.format(now)
                            + ", and no work is planned before now"
                    : "the re-plan placed it later to finish sooner overall";
        }
        return new Report.Slip(id, from, to, Numbers.round(to - from, 4), cause, because);
    }

    /** The previous version's tasks as {@link Before}s: agent and end, since the plan began. */
    public static Map<String, Before> before(Schedule previous) {
        var instance = previous.instance();
        var before = new HashMap<String, Before>();
        for (int task = 0; task < instance.taskCount(); task++) {
            int agent = previous.agentOf(task);
            before.put(instance.taskId(task), new Before(agent == Schedule.NO_AGENT ? null : instance.agentId(agent),
                    instance.scale().at(previous.end(task))));
        }
        return before;
    }

    /** The ids of the tasks a stored update changed, added or removed. */
    public static List<String> touched(dev.fanout.plan.ProgressUpdate update) {
        var touched = new ArrayList<>(update.tasks().keySet());
        update.add().stream().filter(task -> task != null && task.id() != null).forEach(task -> touched.add(task.id()));
        touched.addAll(update.remove());
        return touched;
    }
}
