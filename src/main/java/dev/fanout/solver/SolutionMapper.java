package dev.fanout.solver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.fanout.analysis.Instance;
import dev.fanout.analysis.Schedule;

/** Between the analysis model (indices and ticks) and the planning solution (objects Timefold moves around). */
public final class SolutionMapper {

    private SolutionMapper() {
    }

    /**
     * A planning solution with every task already placed as in {@code starting}, so the solver begins from a valid
     * schedule and only ever improves on it. With {@code starting} null every lane starts empty. Either way, each started
     * task is first on its agent's lane and pinned there (Timefold's own pinning: the solver never moves it).
     */
    public static ScheduleSolution toSolution(Instance instance, Schedule starting) {
        var scheduled = scheduledTasks(instance);
        var scheduledTasks = new ArrayList<ScheduledTask>();
        for (var scheduledTask : scheduled) {
            if (scheduledTask != null) {
                scheduledTasks.add(scheduledTask);
            }
        }
        var lanes = lanes(instance, scheduledTasks);
        if (starting != null) {
            var sequences = starting.sequences();
            for (int agent = 0; agent < lanes.size(); agent++) {
                lanes.get(agent).setTasks(new ArrayList<>(sequences.get(agent).stream().map(task -> scheduled[task]).toList()));
            }
        }
        for (int task : instance.startedTasks()) {
            lanes.get(instance.eligibleAgents(task).nextSetBit(0)).pinStarted(scheduled[task]);
        }
        if (!instance.limits().any()) {
            return new ScheduleSolution(lanes, scheduledTasks);
        }
        var timetable = new Timetable(instance, lanes, scheduledTasks);
        scheduledTasks.forEach(task -> task.setTimetable(timetable));
        return new ScheduleSolution(lanes, scheduledTasks, List.of(timetable));
    }

    /** The schedule the solution describes, timed afresh from the lanes' task orders (milestones included). */
    public static Schedule toSchedule(Instance instance, ScheduleSolution solution) {
        var sequences = new ArrayList<List<Integer>>();
        for (var lane : solution.getLanes()) {
            sequences.add(lane.getTasks().stream().map(ScheduledTask::getIndex).toList());
        }
        return Schedule.fromSequences(instance, sequences);
    }

    /** Whether every task is on some lane. */
    public static boolean isComplete(ScheduleSolution solution) {
        return solution.getLanes().stream().mapToInt(lane -> lane.getTasks().size()).sum() == solution.getTasks().size();
    }

    /** By task index: the task as the solver sees it, with its dependencies; null for a milestone. */
    private static ScheduledTask[] scheduledTasks(Instance instance) {
        int n = instance.taskCount();
        var priorityRank = priorityRank(instance);
        int levels = priorityRank.size();
        long endDivisor = endDivisor(instance);
        var scheduled = new ScheduledTask[n];
        for (int task = 0; task < n; task++) {
            if (!instance.isMilestone(task)) {
                long weight = weight(priorityRank.indexOf(instance.priority(task)), levels);
                scheduled[task] = new ScheduledTask(instance.taskId(task), task, instance.duration(task), weight,
                        instance.skilledAgents(task), instance.poolAgents(task));
                scheduled[task].setEndDivisor(endDivisor);
                if (instance.hasSpeeds()) {
                    var durations = new long[instance.agentCount()];
                    for (int agent = 0; agent < durations.length; agent++) {
                        durations[agent] = instance.duration(task, agent);
                    }
                    scheduled[task].setLaneDurations(durations);
                }
                scheduled[task].setHeld(held(instance, task));
            }
        }
        var workDependencies = workDependencies(instance);
        for (var scheduledTask : scheduled) {
            if (scheduledTask != null) {
                scheduledTask.setDependencies(
                        workDependencies.get(scheduledTask.getIndex()).stream().map(p -> scheduled[p]).toList());
            }
        }
        return scheduled;
    }

    /** The limits a task holds wherever it runs. */
    private static List<LimitHold.Held> held(Instance instance, int task) {
        var limits = instance.limits();
        var held = new ArrayList<LimitHold.Held>();
        for (int i = 0; i < limits.limitsOf(task).length; i++) {
            int limit = limits.limitsOf(task)[i];
            held.add(new LimitHold.Held(limit, limits.limit(limit).kind(), limits.limit(limit).capacity(),
                    limits.unitsOf(task)[i]));
        }
        return held;
    }

    /** The plan's distinct priorities, lowest first. */
    private static List<Integer> priorityRank(Instance instance) {
        var priorities = new TreeSet<Integer>();
        for (int task = 0; task < instance.taskCount(); task++) {
            priorities.add(instance.priority(task));
        }
        return priorities.stream().toList();
    }

    /** The tiebreak weight of the priority ranked {@code rank} among {@code levels}: 1 to at most 100. */
    private static long weight(int rank, int levels) {
        return levels <= 100 ? 1 + rank : 1 + Math.round(99.0 * rank / (levels - 1));
    }

    /**
     * Ends squared, times weights, summed over tasks must stay far below Long.MAX_VALUE: ends are scaled to at most
     * 100,000 steps and weights to at most 100 levels (20,000 tasks × 10^10 × 100 = 2 × 10^16).
     */
    private static long endDivisor(Instance instance) {
        // No schedule the solver times ends later than every task done one after another on its slowest agent, after
        // the latest window opens.
        long horizon = 0;
        for (int agent = 0; agent < instance.agentCount(); agent++) {
            horizon = Math.max(horizon, instance.availableFrom(agent));
        }
        for (int task = 0; task < instance.taskCount(); task++) {
            long slowest = instance.duration(task);
            for (int agent = 0; instance.hasSpeeds() && agent < instance.agentCount(); agent++) {
                slowest = Math.max(slowest, instance.duration(task, agent));
            }
            horizon += slowest;
        }
        return Math.max(1, Math.ceilDiv(horizon, 100_000));
    }

    /** One empty lane per agent, offered the tasks that agent is able to do. */
    private static List<AgentLane> lanes(Instance instance, List<ScheduledTask> scheduledTasks) {
        var lanes = new ArrayList<AgentLane>();
        for (int agent = 0; agent < instance.agentCount(); agent++) {
            var doable = new ArrayList<ScheduledTask>();
            for (var scheduledTask : scheduledTasks) {
                if (instance.canDo(agent, scheduledTask.getIndex())) {
                    doable.add(scheduledTask);
                }
            }
            var lane = new AgentLane(instance.agentId(agent), agent, doable)
                    .available(instance.availableFrom(agent), instance.availableUntil(agent));
            int poolCap = instance.limits().poolLimitOf(agent);
            if (poolCap >= 0) {
                var limit = instance.limits().limit(poolCap);
                lane.countingTowards(new LimitHold.Held(poolCap, limit.kind(), limit.capacity(), 1));
            }
            lanes.add(lane);
        }
        return lanes;
    }

    /**
     * For each task, the tasks with work it waits for: its dependencies, with each milestone among them replaced by
     * the milestone's own such dependencies (a milestone ends when they end). Unmodifiable, in dependency order.
     */
    static List<Set<Integer>> workDependencies(Instance instance) {
        int n = instance.taskCount();
        var result = new ArrayList<Set<Integer>>();
        for (int task = 0; task < n; task++) {
            result.add(Set.of());
        }
        for (int task : instance.topologicalOrder()) {
            var dependencies = new LinkedHashSet<Integer>();
            for (int p : instance.predecessors(task)) {
                if (instance.isMilestone(p)) {
                    dependencies.addAll(result.get(p));
                } else {
                    dependencies.add(p);
                }
            }
            result.set(task, Collections.unmodifiableSet(dependencies));
        }
        return Collections.unmodifiableList(result);
    }
}
