package dev.fanout.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * Greedy list scheduling: tasks are placed one at a time, each on the able agent that can end it earliest, never
 * before its dependencies end nor before a release time, within the shared limits (resources, areas, caps). Used for the baseline strategies (tiers, the author's waves)
 * and for the solver's starting schedule.
 *
 * <p>Without windows and speeds, every schedule it builds is no longer than the sequential total: a task starts at the end of some earlier placed
 * task (or at a release that is itself such an end), so by induction each end is at most the sum of the durations
 * placed so far.
 */
public final class ListScheduler {

    private final Instance instance;
    private final int[] agentOf;
    private final long[] start;
    private final boolean[] placed;
    private final long[] agentFree;
    private final Occupancy occupancy;

    public ListScheduler(Instance instance) {
        this.instance = instance;
        int n = instance.taskCount();
        agentOf = new int[n];
        Arrays.fill(agentOf, Schedule.NO_AGENT);
        start = new long[n];
        placed = new boolean[n];
        agentFree = new long[instance.agentCount()];
        for (int agent = 0; agent < agentFree.length; agent++) {
            agentFree[agent] = instance.availableFrom(agent);
        }
        occupancy = instance.limits().newOccupancy();
        // Started work goes on where it is: placed first, at 0 on its agent, whatever order the rest follows.
        for (int task : instance.startedTasks()) {
            place(task, 0);
        }
    }

    /**
     * Critical-path-first: repeatedly place the ready task with the longest chain of work still ahead of it
     * (its duration plus its tail), breaking ties by priority, then by how few agents can do it.
     */
    public static Schedule criticalPathFirst(Instance instance, Paths paths) {
        var scheduler = new ListScheduler(instance);
        Comparator<Integer> order = Comparator
                .<Integer>comparingLong(task -> -(instance.duration(task) + paths.tail(task)))
                .thenComparingInt(task -> -instance.priority(task))
                .thenComparingInt(task -> instance.eligibleAgents(task).cardinality())
                .thenComparingInt(task -> task);
        var all = new int[instance.taskCount()];
        Arrays.setAll(all, i -> i);
        scheduler.placeGroup(all, 0, order);
        return scheduler.build();
    }

    /**
     * Barriers: every task of group k starts after every task of groups before k has ended; each group is a phase. Within a group, tasks
     * are placed longest first once their dependencies inside the group are placed. Each task's dependencies must
     * lie in its own group or an earlier one.
     */
    public static PhasedSchedule withBarriers(Instance instance, List<List<Integer>> groups) {
        var scheduler = new ListScheduler(instance);
        Comparator<Integer> longestFirst = Comparator
                .<Integer>comparingLong(task -> -instance.duration(task))
                .thenComparingInt(task -> -instance.priority(task))
                .thenComparingInt(task -> task);
        var phases = new ArrayList<PhasedSchedule.Phase>();
        long barrier = 0;
        for (var group : groups) {
            scheduler.placeGroup(group.stream().mapToInt(Integer::intValue).toArray(), barrier, longestFirst);
            long end = barrier;
            for (int task : group) {
                end = Math.max(end, scheduler.end(task));
            }
            phases.add(new PhasedSchedule.Phase(group, barrier, end));
            barrier = end;
        }
        return new PhasedSchedule(scheduler.build(), phases);
    }

    /** Places the given tasks, each as soon as its dependencies are placed, in the order given among the ready ones. */
    void placeGroup(int[] group, long release, Comparator<Integer> order) {
        var tasks = java.util.Arrays.stream(group).filter(task -> !placed[task]).toArray();
        var inGroup = new BitSet(instance.taskCount());
        for (int task : tasks) {
            inGroup.set(task);
        }
        var waiting = new int[instance.taskCount()];
        for (int task : tasks) {
            for (int p : instance.predecessors(task)) {
                if (inGroup.get(p) && !placed[p]) {
                    waiting[task]++;
                } else if (!placed[p]) {
                    throw new IllegalArgumentException("task " + instance.taskId(task) + " depends on "
                            + instance.taskId(p) + ", which is placed later");
                }
            }
        }
        TopologicalOrder.Followers followersInGroup = (task, follower) -> {
            for (int s : instance.successors(task)) {
                if (inGroup.get(s)) {
                    follower.accept(s);
                }
            }
        };
        // The order among ready tasks depends on the tasks alone, not on where earlier ones were placed.
        for (int task : TopologicalOrder.of(tasks, waiting, followersInGroup, order)) {
            place(task, release);
        }
    }

    /**
     * Places one task on the able agent where it can end earliest (its window, speed and the shared limits
     * considered); among those, the one that has been idle the shortest (keeping agents that freed up long ago for
     * tasks that are ready sooner). An agent whose window closes before the task could end is passed over, unless
     * every able agent's is: then the task goes where it ends first, and the schedule is invalid (which
     * {@link ScheduleCheck} says).
     */
    void place(int task, long release) {
        long ready = release;
        for (int p : instance.predecessors(task)) {
            ready = Math.max(ready, end(p));
        }
        placed[task] = true;
        if (instance.isMilestone(task)) {
            start[task] = ready;
            return;
        }
        int bestAgent = -1;
        long bestStart = Long.MAX_VALUE;
        long bestEnd = Long.MAX_VALUE;
        boolean bestFits = false;
        var fits = occupancy.fitsOf(task, ready);
        var eligible = instance.eligibleAgents(task);
        for (int agent = eligible.nextSetBit(0); agent >= 0; agent = eligible.nextSetBit(agent + 1)) {
            long duration = instance.duration(task, agent);
            long candidate = fits.from(agent, Math.max(ready, agentFree[agent]), duration);
            long candidateEnd = candidate + duration;
            boolean inWindow = candidateEnd <= instance.availableUntil(agent);
            boolean better = inWindow != bestFits ? inWindow
                    : candidateEnd < bestEnd || candidateEnd == bestEnd
                            && (candidate < bestStart || candidate == bestStart && agentFree[agent] > agentFree[bestAgent]);
            if (bestAgent < 0 || better) {
                bestStart = candidate;
                bestEnd = candidateEnd;
                bestAgent = agent;
                bestFits = inWindow;
            }
        }
        agentOf[task] = bestAgent;
        start[task] = bestStart;
        agentFree[bestAgent] = bestEnd;
        occupancy.reserve(task, bestAgent, bestStart, bestEnd - bestStart);
    }

    long end(int task) {
        return start[task] + instance.duration(task, agentOf[task]);
    }

    Schedule build() {
        for (int task = 0; task < placed.length; task++) {
            if (!placed[task]) {
                throw new IllegalStateException("task " + instance.taskId(task) + " was never placed");
            }
        }
        return new Schedule(instance, agentOf, start);
    }
}
