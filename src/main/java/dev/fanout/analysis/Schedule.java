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
    /** Computed once: the search compares schedules by these again and again. */
    private final long makespan;
    private final long windowOverrun;

    public Schedule(Instance instance, int[] agentOf, long[] start) {
        if (agentOf.length != instance.taskCount() || start.length != instance.taskCount()) {
            throw new IllegalArgumentException("a schedule needs one entry per task");
        }
        this.instance = instance;
        this.agentOf = agentOf.clone();
        this.start = start.clone();
        long end = 0;
        long overrun = 0;
        for (int task = 0; task < start.length; task++) {
            end = Math.max(end, end(task));
            overrun += overrun(task);
        }
        this.makespan = end;
        this.windowOverrun = overrun;
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
        return start[task] + duration(task);
    }

    /** The ticks the task takes on its agent (at the agent's speed). */
    public long duration(int task) {
        return instance.duration(task, agentOf[task]);
    }

    public long makespan() {
        return makespan;
    }

    /**
     * Ticks by which tasks end after their agents stop being available, or started tasks start after now, summed: 0
     * for a schedule every window holds. Every other rule holds by construction in the schedules Fanout builds; a
     * window's end is the one a greedy placement can miss when every able agent's window has closed, and a started
     * task's start the one a search that reorders work (or plans it backwards) can miss.
     */
    public long windowOverrun() {
        return windowOverrun;
    }

    /**
     * Ticks by which the task ends after its agent stops being available, plus (started work) by which it starts after
     * now; 0 inside the window or without an agent.
     */
    public long overrun(int task) {
        long late = instance.isStarted(task) ? start[task] : 0;
        return agentOf[task] == NO_AGENT ? late : late + Math.max(0, end(task) - instance.availableUntil(agentOf[task]));
    }

    /** Better schedules first: inside the windows first (the smaller overrun), then shorter. */
    public static final Comparator<Schedule> BETTER_FIRST = Comparator.comparingLong(Schedule::windowOverrun)
            .thenComparingLong(Schedule::makespan);

    /** Whether this schedule is better than {@code other} ({@link #BETTER_FIRST}). */
    public boolean isBetterThan(Schedule other) {
        return BETTER_FIRST.compare(this, other) < 0;
    }

    /** Busy ticks of each agent. */
    public long[] busyTime() {
        var busy = new long[instance.agentCount()];
        for (int task = 0; task < start.length; task++) {
            if (agentOf[task] != NO_AGENT) {
                busy[agentOf[task]] += duration(task);
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
     * The same agents doing their tasks in the same order, each task starting as early as its agent, its dependencies
     * and the shared limits allow, tasks taking the limits in the order this schedule starts them. Never later than
     * this schedule when it is valid (each start can only move earlier: see {@link #fromSequences(Instance, List, long[])}).
     */
    public Schedule leftShifted() {
        return fromSequences(instance, sequences(), start);
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
     * Times agents' task sequences: each task starts at the earliest time when the previous task on its agent and every
     * dependency have ended, its agent's window has opened, and every shared limit it holds (resources, areas, caps)
     * has room for it over its whole duration. Of the tasks ready to be placed, the one that can start earliest takes
     * the shared limits first; see {@link #fromSequences(Instance, List, long[])} for a given order.
     *
     * @throws IllegalArgumentException if the sequences and dependencies wait for each other in a loop
     */
    public static Schedule fromSequences(Instance instance, List<List<Integer>> sequences) {
        return fromSequences(instance, sequences, null);
    }

    /**
     * As {@link #fromSequences(Instance, List)}, tasks taking the shared limits in the order of {@code priority} (lower
     * first; null: whichever ready task can start earliest). Each task is placed at the earliest time that fits the tasks placed
     * before it (serial schedule generation). With the starts of a valid schedule as the priority, no task starts later
     * than it did there: the tasks placed before a task started no later than it, so they can only have moved out of
     * its way.
     *
     * @throws IllegalArgumentException if the sequences and dependencies wait for each other in a loop
     */
    public static Schedule fromSequences(Instance instance, List<List<Integer>> sequences, long[] priority) {
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
        var all = IntStream.range(0, n).toArray();
        var order = TopologicalOrder.of(all, waiting.clone(), followers, null);
        if (order.length != n) {
            throw new IllegalArgumentException("agent orders contradict the dependencies");
        }
        var start = new long[n];
        var limits = instance.limits();
        if (!limits.any()) {
            for (int task : order) {
                start[task] = ready(instance, task, agentOf, previousOnAgent, start);
            }
            return new Schedule(instance, agentOf, start);
        }
        var topologicalRank = new int[n];
        for (int i = 0; i < n; i++) {
            topologicalRank[order[i]] = i;
        }
        var occupancy = limits.newOccupancy();
        if (priority == null) {
            return earliestFirst(instance, agentOf, previousOnAgent, waiting, followers, topologicalRank, occupancy);
        }
        var placing = TopologicalOrder.of(all, waiting, followers, startedFirst(instance)
                .thenComparingLong(task -> priority[task]).thenComparingInt(task -> topologicalRank[task]));
        for (int task : placing) {
            long ready = ready(instance, task, agentOf, previousOnAgent, start);
            int agent = agentOf[task];
            if (agent == NO_AGENT) {
                start[task] = ready;
            } else {
                long duration = instance.duration(task, agent);
                start[task] = occupancy.earliestFit(task, agent, ready, duration);
                occupancy.reserve(task, agent, start[task], duration);
            }
        }
        return new Schedule(instance, agentOf, start);
    }

    /**
     * Without a priority: of the tasks whose previous task on their agent and whose dependencies are placed, the one
     * that can start earliest (the shared limits as placed so far) is placed next, at that time. A task's earliest
     * start only moves later as others are placed, so a heap keyed by the last computed start, re-checked when a task
     * reaches its top, always places the true earliest (lazy evaluation).
     */
    private static Schedule earliestFirst(Instance instance, int[] agentOf, int[] previousOnAgent, int[] waiting,
            TopologicalOrder.Followers followers, int[] topologicalRank, Occupancy occupancy) {
        int n = instance.taskCount();
        var start = new long[n];
        var estimate = new long[n];
        // Started work first among equals: it waits for nothing, so it is ready at 0, and takes its limits before anyone.
        var heap = new java.util.PriorityQueue<Integer>(Comparator.<Integer>comparingLong(task -> estimate[task])
                .thenComparing(startedFirst(instance)).thenComparingInt(task -> topologicalRank[task]));
        java.util.function.IntConsumer ready = task -> {
            long from = ready(instance, task, agentOf, previousOnAgent, start);
            int agent = agentOf[task];
            estimate[task] = agent == NO_AGENT ? from
                    : occupancy.earliestFit(task, agent, from, instance.duration(task, agent));
            heap.add(task);
        };
        for (int task = 0; task < n; task++) {
            if (waiting[task] == 0) {
                ready.accept(task);
            }
        }
        java.util.function.IntConsumer release = follower -> {
            if (--waiting[follower] == 0) {
                ready.accept(follower);
            }
        };
        while (!heap.isEmpty()) {
            int task = heap.poll();
            int agent = agentOf[task];
            if (agent == NO_AGENT) {
                start[task] = estimate[task];
            } else {
                long duration = instance.duration(task, agent);
                long fit = occupancy.earliestFit(task, agent, estimate[task], duration);
                if (fit > estimate[task]) {
                    estimate[task] = fit;
                    heap.add(task);
                    continue;
                }
                start[task] = fit;
                occupancy.reserve(task, agent, fit, duration);
            }
            followers.forEach(task, release);
        }
        return new Schedule(instance, agentOf, start);
    }

    /** Started tasks before the others: they go on at 0, before anything else takes their agents or limits. */
    static Comparator<Integer> startedFirst(Instance instance) {
        return Comparator.comparing(task -> !instance.isStarted(task));
    }

    /** When the task could start for its agent (previous task, window) and its dependencies, given their starts. */
    private static long ready(Instance instance, int task, int[] agentOf, int[] previousOnAgent, long[] start) {
        int agent = agentOf[task];
        long ready = agent == NO_AGENT ? 0 : instance.availableFrom(agent);
        int previous = previousOnAgent[task];
        if (previous >= 0) {
            ready = Math.max(ready, start[previous] + instance.duration(previous, agent));
        }
        for (int p : instance.predecessors(task)) {
            ready = Math.max(ready, start[p] + instance.duration(p, agentOf[p]));
        }
        return ready;
    }
}
