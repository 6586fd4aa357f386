package dev.fanout.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Stable re-plans (CONTRACT §6): a new version of a plan keeps each planned task on the agent it had in the previous
 * version whenever moving it would not shorten the plan. Weighed lexicographically: the makespan first (never longer
 * for the sake of stability), then the fewest planned tasks on another agent than before. Pure functions over
 * schedules: {@link #carriedOver} builds the previous version's schedule anew for the new version (a warm start),
 * {@link #keepAgents} moves tasks back to their previous agents where that costs no makespan.
 */
public final class Stability {

    private Stability() {
    }

    /**
     * Each task's agent in the previous version, by index in {@code instance} ({@link Schedule#NO_AGENT} for a task
     * that had none, is new, or whose previous agent cannot do it now).
     */
    public static int[] previousAgents(Instance instance, Map<String, String> previous) {
        var agents = new int[instance.taskCount()];
        for (int task = 0; task < agents.length; task++) {
            agents[task] = Schedule.NO_AGENT;
            var agent = previous.get(instance.taskId(task));
            if (agent != null && !instance.isMilestone(task)) {
                try {
                    int index = instance.agentIndex(agent);
                    agents[task] = instance.canDo(index, task) ? index : Schedule.NO_AGENT;
                } catch (IllegalArgumentException gone) {
                    agents[task] = Schedule.NO_AGENT;
                }
            }
        }
        return agents;
    }

    /**
     * The previous version's agent orders applied to the new version: each task on its previous agent in its previous
     * order (started work first), every other task after them on the able agent with the least work so far; timed by
     * {@link Schedule#fromSequences}. Null when the orders cannot be followed (then the caller starts from a baseline).
     */
    public static Schedule carriedOver(Instance instance, int[] previousAgents, Map<String, java.math.BigDecimal> previousStarts) {
        int m = instance.agentCount();
        var sequences = new ArrayList<List<Integer>>();
        var load = new long[m];
        for (int agent = 0; agent < m; agent++) {
            sequences.add(new ArrayList<>());
        }
        var placed = new boolean[instance.taskCount()];
        for (int task = 0; task < instance.taskCount(); task++) {
            if (previousAgents[task] != Schedule.NO_AGENT) {
                sequences.get(previousAgents[task]).add(task);
                load[previousAgents[task]] += instance.duration(task, previousAgents[task]);
                placed[task] = true;
            }
        }
        Comparator<Integer> previousOrder = Comparator.<Integer, Boolean>comparing(task -> !instance.isStarted(task))
                .thenComparing(task -> previousStarts.getOrDefault(instance.taskId(task), java.math.BigDecimal.ZERO));
        sequences.forEach(sequence -> sequence.sort(previousOrder));
        for (int task : instance.topologicalOrder()) {
            if (placed[task] || instance.isMilestone(task)) {
                continue;
            }
            var eligible = instance.eligibleAgents(task);
            int best = -1;
            for (int agent = eligible.nextSetBit(0); agent >= 0; agent = eligible.nextSetBit(agent + 1)) {
                if (best < 0 || load[agent] < load[best]) {
                    best = agent;
                }
            }
            if (best < 0) {
                return null;
            }
            if (instance.isStarted(task)) {
                sequences.get(best).add(0, task);
            } else {
                sequences.get(best).add(task);
            }
            load[best] += instance.duration(task, best);
        }
        try {
            return Schedule.fromSequences(instance, sequences);
        } catch (IllegalArgumentException contradicts) {
            return null;
        }
    }

    /**
     * The schedule with as many planned tasks as possible back on their previous agents, never longer: each moved task
     * (earliest start first) is tried on its previous agent, in the place its start gives it there, the schedule
     * re-timed; kept when valid and no longer. Every task left on another agent is one whose move back alone would
     * lengthen the plan (or that time ran out for: {@code deadline} in System.nanoTime()).
     */
    public static Schedule keepAgents(Schedule schedule, int[] previousAgents, long deadline) {
        var instance = schedule.instance();
        var current = schedule;
        var moved = new ArrayList<Integer>();
        for (int task = 0; task < instance.taskCount(); task++) {
            if (isMoved(current, previousAgents, task)) {
                moved.add(task);
            }
        }
        var byStart = current;
        moved.sort(Comparator.comparingLong(byStart::start));
        for (int task : moved) {
            if (System.nanoTime() >= deadline) {
                break;
            }
            var candidate = movedBack(current, task, previousAgents[task]);
            if (candidate != null && candidate.makespan() <= current.makespan() && ScheduleCheck.isValid(candidate)) {
                current = candidate;
            }
        }
        return current;
    }

    /** How many planned tasks the schedule puts on another agent than the previous version did. */
    public static int movedCount(Schedule schedule, int[] previousAgents) {
        int count = 0;
        for (int task = 0; task < previousAgents.length; task++) {
            count += isMoved(schedule, previousAgents, task) ? 1 : 0;
        }
        return count;
    }

    private static boolean isMoved(Schedule schedule, int[] previousAgents, int task) {
        return previousAgents[task] != Schedule.NO_AGENT && !schedule.instance().isStarted(task)
                && schedule.agentOf(task) != previousAgents[task];
    }

    private static Schedule movedBack(Schedule schedule, int task, int agent) {
        var sequences = schedule.sequences();
        sequences.get(schedule.agentOf(task)).remove(Integer.valueOf(task));
        var target = sequences.get(agent);
        int position = 0;
        while (position < target.size() && schedule.start(target.get(position)) <= schedule.start(task)) {
            position++;
        }
        target.add(position, task);
        var priority = new long[schedule.instance().taskCount()];
        for (int t = 0; t < priority.length; t++) {
            priority[t] = schedule.start(t);
        }
        try {
            return Schedule.fromSequences(schedule.instance(), sequences, priority);
        } catch (IllegalArgumentException contradicts) {
            return null;
        }
    }
}
