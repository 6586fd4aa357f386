package dev.fanout.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Who does each task and when it starts, in ticks. Milestones have agent {@link #NO_AGENT}. A schedule is only a
 * description: {@link ScheduleCheck} says whether it is valid.
 */
public final class Schedule {

    public static final int NO_AGENT = -1;

    private final Instance instance;
    private final int[] agentOf;
    private final long[] start;

    public Schedule(Instance instance, int[] agentOf, long[] start) {
        if (agentOf.length != instance.taskCount() || start.length != instance.taskCount()) {
            throw new IllegalArgumentException("a schedule needs one entry per task");
        }
        this.instance = instance;
        this.agentOf = agentOf.clone();
        this.start = start.clone();
    }

    public Instance instance() {
        return instance;
    }

    public int agentOf(int task) {
        return agentOf[task];
    }

    public long start(int task) {
        return start[task];
    }

    public long end(int task) {
        return start[task] + instance.duration(task);
    }

    public long makespan() {
        long makespan = 0;
        for (int task = 0; task < start.length; task++) {
            makespan = Math.max(makespan, end(task));
        }
        return makespan;
    }

    /** Busy ticks of each agent. */
    public long[] busyTime() {
        var busy = new long[instance.agentCount()];
        for (int task = 0; task < start.length; task++) {
            if (agentOf[task] != NO_AGENT) {
                busy[agentOf[task]] += instance.duration(task);
            }
        }
        return busy;
    }

    /** For each agent, its tasks in the order it does them. */
    public List<List<Integer>> sequences() {
        var sequences = new ArrayList<List<Integer>>();
        for (int agent = 0; agent < instance.agentCount(); agent++) {
            sequences.add(new ArrayList<>());
        }
        for (int task = 0; task < start.length; task++) {
            if (agentOf[task] != NO_AGENT) {
                sequences.get(agentOf[task]).add(task);
            }
        }
        Comparator<Integer> byStart = Comparator.comparingLong(task -> start[task]);
        sequences.forEach(sequence -> sequence.sort(byStart.thenComparingLong(this::end)));
        return sequences;
    }

    /**
     * The same agents doing their tasks in the same order, each task starting as early as its agent and its
     * dependencies allow. Never later than this schedule (each start can only move earlier), and exactly how the
     * solver times a task, so any valid schedule can seed the solver.
     */
    public Schedule leftShifted() {
        return fromSequences(instance, sequences());
    }

    /**
     * This schedule for another instance with the same tasks, matching tasks and agents by id (for a plan with more
     * agents, where this schedule stays valid). Null when a task or an agent has no counterpart.
     */
    public Schedule onto(Instance other) {
        if (other.taskCount() != instance.taskCount()) {
            return null;
        }
        var sequences = new ArrayList<List<Integer>>();
        for (int agent = 0; agent < other.agentCount(); agent++) {
            sequences.add(new ArrayList<>());
        }
        try {
            for (var sequence : sequences()) {
                for (int task : sequence) {
                    int agent = other.agentIndex(instance.agentId(agentOf[task]));
                    sequences.get(agent).add(other.taskIndex(instance.taskId(task)));
                }
            }
            return fromSequences(other, sequences);
        } catch (IllegalArgumentException noCounterpart) {
            return null;
        }
    }

    /**
     * Times agents' task sequences: start = max(end of the agent's previous task, end of every dependency).
     * Milestones start when their dependencies end.
     *
     * @throws IllegalArgumentException if the sequences and dependencies wait for each other in a loop
     */
    public static Schedule fromSequences(Instance instance, List<List<Integer>> sequences) {
        int n = instance.taskCount();
        var agentOf = new int[n];
        Arrays.fill(agentOf, NO_AGENT);
        var previousOnAgent = new int[n];
        Arrays.fill(previousOnAgent, -1);
        for (int agent = 0; agent < sequences.size(); agent++) {
            int previous = -1;
            for (int task : sequences.get(agent)) {
                agentOf[task] = agent;
                previousOnAgent[task] = previous;
                previous = task;
            }
        }
        // Each task after its dependencies and after the previous task on its agent.
        var waiting = new int[n];
        var nextOnAgent = new int[n];
        Arrays.fill(nextOnAgent, -1);
        for (int task = 0; task < n; task++) {
            waiting[task] = instance.predecessors(task).length + (previousOnAgent[task] >= 0 ? 1 : 0);
            if (previousOnAgent[task] >= 0) {
                nextOnAgent[previousOnAgent[task]] = task;
            }
        }
        TopologicalOrder.Followers followers = (task, follower) -> {
            for (int s : instance.successors(task)) {
                follower.accept(s);
            }
            if (nextOnAgent[task] >= 0) {
                follower.accept(nextOnAgent[task]);
            }
        };
        var order = TopologicalOrder.of(IntStream.range(0, n).toArray(), waiting, followers, null);
        if (order.length != n) {
            throw new IllegalArgumentException("agent orders contradict the dependencies");
        }
        var start = new long[n];
        for (int task : order) {
            long ready = previousOnAgent[task] >= 0 ? start[previousOnAgent[task]] + instance.duration(previousOnAgent[task]) : 0;
            for (int p : instance.predecessors(task)) {
                ready = Math.max(ready, start[p] + instance.duration(p));
            }
            start[task] = ready;
        }
        return new Schedule(instance, agentOf, start);
    }
}
