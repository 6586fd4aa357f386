package dev.fanout.solver;

import java.util.ArrayList;
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
     * schedule and only ever improves on it.
     */
    public static ScheduleSolution toSolution(Instance instance, Schedule starting) {
        int n = instance.taskCount();
        var priorities = new TreeSet<Integer>();
        for (int task = 0; task < n; task++) {
            priorities.add(instance.priority(task));
        }
        var priorityRank = priorities.stream().toList();
        // Ends squared, times weights, summed over tasks must stay far below Long.MAX_VALUE: ends are scaled to at
        // most 100,000 steps and weights to at most 100 levels (20,000 tasks × 10^10 × 100 = 2 × 10^16).
        long endDivisor = Math.max(1, Math.ceilDiv(instance.totalWork(), 100_000));
        int levels = priorityRank.size();
        var scheduled = new ScheduledTask[n];
        var scheduledTasks = new ArrayList<ScheduledTask>();
        for (int task = 0; task < n; task++) {
            if (!instance.isMilestone(task)) {
                int rank = priorityRank.indexOf(instance.priority(task));
                long weight = levels <= 100 ? 1 + rank : 1 + Math.round(99.0 * rank / (levels - 1));
                scheduled[task] = new ScheduledTask(instance.taskId(task), task, instance.duration(task), weight,
                        instance.skilledAgents(task), instance.poolAgents(task));
                scheduled[task].setEndDivisor(endDivisor);
                scheduledTasks.add(scheduled[task]);
            }
        }
        var workDependencies = workDependencies(instance);
        for (var scheduledTask : scheduledTasks) {
            scheduledTask.setDependencies(
                    workDependencies.get(scheduledTask.getIndex()).stream().map(p -> scheduled[p]).toList());
        }
        var lanes = new ArrayList<AgentLane>();
        for (int agent = 0; agent < instance.agentCount(); agent++) {
            var doable = new ArrayList<ScheduledTask>();
            for (var scheduledTask : scheduledTasks) {
                if (instance.canDo(agent, scheduledTask.getIndex())) {
                    doable.add(scheduledTask);
                }
            }
            lanes.add(new AgentLane(instance.agentId(agent), agent, doable));
        }
        if (starting != null) {
            var sequences = starting.sequences();
            for (int agent = 0; agent < lanes.size(); agent++) {
                lanes.get(agent).setTasks(new ArrayList<>(sequences.get(agent).stream().map(task -> scheduled[task]).toList()));
            }
        }
        return new ScheduleSolution(lanes, scheduledTasks);
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

    /**
     * For each task, the tasks with work it waits for: its dependencies, with each milestone among them replaced by
     * the milestone's own such dependencies (a milestone ends when they end).
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
            result.set(task, dependencies);
        }
        return result;
    }
}
