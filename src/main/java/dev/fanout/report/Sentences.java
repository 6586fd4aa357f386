package dev.fanout.report;

import java.util.List;

import dev.fanout.analysis.Bottleneck;
import dev.fanout.analysis.Instance;
import dev.fanout.analysis.Schedule;
import dev.fanout.analysis.StartReasons;

/** The sentences reports say about bottlenecks and waiting tasks, in the plan's time unit. */
public final class Sentences {

    private Sentences() {
    }

    /** What bounds the makespan. */
    public static String bottleneck(Bottleneck bottleneck, Instance instance) {
        var unit = instance.plan().timeUnit().label();
        var scale = instance.scale();
        String value = Numbers.amount(scale.toDouble(bottleneck.bound()), unit);
        return switch (bottleneck.kind()) {
            case CRITICAL_PATH -> "The critical path bounds the plan: %s takes %s, and no number of agents shortens it."
                    .formatted(chain(bottleneck.tasks()), value);
            case AGENT_SET -> {
                long work = 0;
                for (var id : bottleneck.tasks()) {
                    work += instance.duration(instance.taskIndex(id));
                }
                int count = bottleneck.tasks().size();
                yield "The work only %s can do bounds the plan: %s of it in %d %s, which needs at least %s with the tasks before and after it."
                        .formatted(bottleneck.subject(), Numbers.amount(scale.toDouble(work), unit), count,
                                count == 1 ? "task" : "tasks", value);
            }
            case AGENT_CHAIN -> "The dependencies through %s, counting the work only some agents can do before and after it, need at least %s."
                    .formatted(bottleneck.tasks().get(0), value);
            case WORK -> "Total work bounds the plan: %s over %d agents needs at least %s; more agents would shorten it."
                    .formatted(Numbers.amount(scale.toDouble(instance.totalWork()), unit), instance.agentCount(), value);
            case AREA, RESOURCE, CAP -> {
                int count = bottleneck.tasks().size();
                String margin = bottleneck.margin() > 0
                        ? ", %s more than the plan would need without it".formatted(
                                Numbers.amount(scale.toDouble(bottleneck.margin()), unit))
                        : "";
                yield "%s holds the plan back most: the %d %s that share it need at least %s with the work before and after them%s."
                        .formatted(capitalized(bottleneck.subject()), count, count == 1 ? "task" : "tasks", value, margin);
            }
        };
    }

    /** Why one task starts when it does. */
    public static String startReason(StartReasons.Reason reason, Schedule schedule) {
        var instance = schedule.instance();
        var scale = instance.scale();
        var task = instance.taskId(reason.task());
        // A point in time reads "day 9.5", "week 3", "hour 12".
        String at = instance.plan().timeUnit().singular() + " " + Numbers.format(scale.at(reason.until()));
        // From the plan's start, or once it has progress from now (CONTRACT §6: nothing planned starts before now).
        String first = scale.origin() > 0 ? "now (" + instance.plan().timeUnit().singular() + " " + Numbers.format(scale.at(0)) + ")" : "0";
        return switch (reason.kind()) {
            case FREE -> instance.isMilestone(reason.task())
                    ? task + " has no dependencies" + (scale.origin() > 0 ? " left" : "") + ": it is reached at " + first + "."
                    : task + " starts at " + first + ": it depends on nothing" + (scale.origin() > 0 ? " left" : "")
                            + " and is first for " + agent(schedule, reason.task()) + ".";
            case STARTED -> "%s is under way on %s: it goes on from %s and takes the time it has left.".formatted(task,
                    agent(schedule, reason.task()), first);
            case DONE -> task + " is done: it takes no more time.";
            case DEPENDENCY -> "%s waits for its dependency %s, which ends at %s.".formatted(task, instance.taskId(reason.on()), at);
            case AGENT -> "%s is ready earlier, but %s is busy with %s until %s.".formatted(task,
                    agent(schedule, reason.task()), instance.taskId(reason.on()), at);
            case IDLE -> "%s starts at %s although its agent and dependencies are ready earlier.".formatted(task, at);
            case AGENT_UNAVAILABLE -> "%s waits for %s, who is not available before %s.".formatted(task,
                    agent(schedule, reason.task()), at);
            case AREA -> "%s waits for area %s, held by %s until %s.".formatted(task,
                    instance.limits().limit(reason.limit()).name(), instance.taskId(reason.on()), at);
            case RESOURCE -> "%s waits for resource %s, full until %s ends at %s.".formatted(task,
                    instance.limits().limit(reason.limit()).name(), instance.taskId(reason.on()), at);
            case CAP -> {
                var limit = instance.limits().limit(reason.limit());
                var who = limit.kind() == dev.fanout.analysis.SharedLimits.Kind.POOL_CAP ? "pool " + limit.name() : "the plan";
                yield "%s waits: %s runs %d %s at once, its cap, until %s ends at %s.".formatted(task, who,
                        limit.capacity(), limit.capacity() == 1 ? "task" : "tasks", instance.taskId(reason.on()), at);
            }
        };
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String agent(Schedule schedule, int task) {
        int agent = schedule.agentOf(task);
        return agent == Schedule.NO_AGENT ? "no agent" : schedule.instance().agentId(agent);
    }

    static String chain(List<String> tasks) {
        if (tasks.size() <= 8) {
            return String.join(" → ", tasks);
        }
        return String.join(" → ", tasks.subList(0, 4)) + " → … → "
                + String.join(" → ", tasks.subList(tasks.size() - 3, tasks.size())) + " (" + tasks.size() + " tasks)";
    }
}
