package dev.fanout.analysis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.fanout.plan.Plan;

/**
 * A validated plan in the form every algorithm works on: tasks and agents numbered from 0, durations in whole
 * ticks, dependencies as index arrays, and for each task the set of agents able to do it.
 *
 * <p>It is the work that remains (CONTRACT §6): tick 0 is the plan's {@code now} ({@link TimeScale#origin()}); a done
 * task is a milestone that waits for nothing, a started task takes its remaining time on its agent and waits for
 * nothing (its dependencies are done) and must start at 0 ({@link #isStarted}), a pinned task has its agent as its
 * only able agent, and agents' windows are counted from {@code now}.
 *
 * <p>Immutable by contract, not by copying: the search reads it millions of times, so the arrays and bit sets its
 * accessors return are its own, shared and never to be modified by callers.
 */
public final class Instance {

    private final Plan plan;
    private final TimeScale scale;
    private final String[] taskIds;
    private final long[] durations;
    private final int[] priorities;
    private final dev.fanout.plan.TaskStatus[] statuses;
    private final int[][] predecessors;
    private final int[][] successors;
    private final int[] topologicalOrder;
    /** Per task, its place in {@link #topologicalOrder}. */
    private final int[] topologicalRank;
    private final String[] agentIds;
    private final String[] agentPools;
    private final BitSet[] skilledAgents;
    private final BitSet[] poolAgents;
    private final BitSet[] eligibleAgents;
    /** Per agent, in ticks: its window (until is {@link Long#MAX_VALUE} when it has none). */
    private final long[] availableFrom;
    private final long[] availableUntil;
    /** Per task and agent, the ticks it takes there; null when every agent works at speed 1. */
    private final long[][] agentDurations;
    /** Per task, the fewest ticks it takes on any agent able to do it. */
    private final long[] fastestDurations;
    private final SharedLimits limits;
    /** The started tasks, in index order: every scheduler places them first. */
    private final int[] startedTasks;
    private final Map<String, Integer> taskIndex = new HashMap<>();
    private final Map<String, Integer> agentIndex = new HashMap<>();

    private Instance(Plan plan) {
        this.plan = plan;
        var tasks = plan.tasks();
        var agents = plan.agents();
        var fitting = TimeScale.fitting(PlanTimes.all(plan));
        long origin = fitting.ticks(plan.now());
        scale = fitting.from(origin);
        int n = tasks.size();
        taskIds = new String[n];
        durations = new long[n];
        priorities = new int[n];
        statuses = new dev.fanout.plan.TaskStatus[n];
        for (int i = 0; i < n; i++) {
            var task = tasks.get(i);
            taskIds[i] = task.id();
            statuses[i] = task.progress().status();
            durations[i] = switch (statuses[i]) {
                case PLANNED -> scale.ticks(task.duration());
                case STARTED -> scale.ticks(plan.remainingTime(task));
                case DONE -> 0;
            };
            priorities[i] = task.priority();
            taskIndex.put(taskIds[i], i);
        }
        predecessors = new int[n][];
        var successorLists = new ArrayList<List<Integer>>();
        for (int i = 0; i < n; i++) {
            successorLists.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            // Done work is behind us: what waited for it may start at once, so its links no longer bind anything.
            predecessors[i] = tasks.get(i).dependsOn().stream().mapToInt(taskIndex::get)
                    .filter(p -> statuses[p] != dev.fanout.plan.TaskStatus.DONE).toArray();
            for (int p : predecessors[i]) {
                successorLists.get(p).add(i);
            }
        }
        successors = successorLists.stream().map(list -> list.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        topologicalOrder = TopologicalOrder.byDependencies(this, null);
        if (topologicalOrder.length != n) {
            throw new IllegalArgumentException("dependencies form a cycle");
        }
        topologicalRank = new int[n];
        for (int i = 0; i < n; i++) {
            topologicalRank[topologicalOrder[i]] = i;
        }

        int m = agents.size();
        agentIds = new String[m];
        agentPools = new String[m];
        for (int a = 0; a < m; a++) {
            agentIds[a] = agents.get(a).id();
            agentPools[a] = agents.get(a).pool();
            agentIndex.put(agentIds[a], a);
        }
        skilledAgents = new BitSet[n];
        poolAgents = new BitSet[n];
        eligibleAgents = new BitSet[n];
        for (int i = 0; i < n; i++) {
            var task = tasks.get(i);
            skilledAgents[i] = new BitSet(m);
            poolAgents[i] = new BitSet(m);
            for (int a = 0; a < m; a++) {
                skilledAgents[i].set(a, agents.get(a).hasSkillsFor(task));
                poolAgents[i].set(a, agents.get(a).isInPoolOf(task));
            }
            eligibleAgents[i] = (BitSet) skilledAgents[i].clone();
            eligibleAgents[i].and(poolAgents[i]);
            if (task.progress().isPinned()) {
                int pinned = agentIndex.get(task.progress().agent());
                boolean able = eligibleAgents[i].get(pinned);
                eligibleAgents[i].clear();
                eligibleAgents[i].set(pinned, able);
            }
            if (isMilestone(i)) {
                eligibleAgents[i].clear();
            }
        }
        availableFrom = new long[m];
        availableUntil = new long[m];
        boolean anySpeed = false;
        for (int a = 0; a < m; a++) {
            var window = agents.get(a).availability();
            availableFrom[a] = Math.max(0, scale.ticks(window.from()) - origin);
            // A window that closed before now leaves the agent no time at all.
            availableUntil[a] = window.until() == null ? Long.MAX_VALUE : Math.max(0, scale.ticks(window.until()) - origin);
            anySpeed |= window.speed().compareTo(BigDecimal.ONE) != 0;
        }
        agentDurations = anySpeed ? new long[n][m] : null;
        fastestDurations = durations.clone();
        if (anySpeed) {
            for (int i = 0; i < n; i++) {
                long fastest = Long.MAX_VALUE;
                for (int a = 0; a < m; a++) {
                    // Started work's remaining time is already the time on its agent.
                    agentDurations[i][a] = statuses[i] == dev.fanout.plan.TaskStatus.PLANNED
                            ? scale.ticks(PlanTimes.timeOn(tasks.get(i).duration(), agents.get(a).availability().speed()))
                            : durations[i];
                    if (eligibleAgents[i].get(a)) {
                        fastest = Math.min(fastest, agentDurations[i][a]);
                    }
                }
                fastestDurations[i] = isMilestone(i) ? 0 : fastest;
            }
        }
        limits = SharedLimits.of(plan, durations);
        startedTasks = java.util.stream.IntStream.range(0, n)
                .filter(task -> statuses[task] == dev.fanout.plan.TaskStatus.STARTED).toArray();
    }

    public static Instance of(Plan plan) {
        return new Instance(plan);
    }

    public Plan plan() {
        return plan;
    }

    public TimeScale scale() {
        return scale;
    }

    public int taskCount() {
        return taskIds.length;
    }

    public int agentCount() {
        return agentIds.length;
    }

    public String taskId(int task) {
        return taskIds[task];
    }

    /** The ids of the given tasks, in the order given. */
    public List<String> taskIds(List<Integer> tasks) {
        return tasks.stream().map(this::taskId).toList();
    }

    public int taskIndex(String id) {
        var index = taskIndex.get(id);
        if (index == null) {
            throw new IllegalArgumentException("unknown task " + id);
        }
        return index;
    }

    public String agentId(int agent) {
        return agentIds[agent];
    }

    /** The ids of the given agents, in index order. */
    public List<String> agentIds(BitSet agents) {
        return agents.stream().mapToObj(this::agentId).toList();
    }

    public String agentPool(int agent) {
        return agentPools[agent];
    }

    public int agentIndex(String id) {
        var index = agentIndex.get(id);
        if (index == null) {
            throw new IllegalArgumentException("unknown agent " + id);
        }
        return index;
    }

    /** The ticks the task takes at speed 1 (its duration as written). */
    public long duration(int task) {
        return durations[task];
    }

    /** The ticks the task takes on the agent, at the agent's speed; its duration for {@link Schedule#NO_AGENT}. */
    public long duration(int task, int agent) {
        return agentDurations == null || agent < 0 ? durations[task] : agentDurations[task][agent];
    }

    /** The fewest ticks the task takes on any agent able to do it: what every bound may assume. */
    public long fastestDuration(int task) {
        return fastestDurations[task];
    }

    /** Whether some agent works at another speed than 1. */
    public boolean hasSpeeds() {
        return agentDurations != null;
    }

    /** The tick from which the agent works. */
    public long availableFrom(int agent) {
        return availableFrom[agent];
    }

    /** The tick by which the agent's tasks must end; {@link Long#MAX_VALUE} when it has no end. */
    public long availableUntil(int agent) {
        return availableUntil[agent];
    }

    /** Whether some agent has a window. */
    public boolean hasWindows() {
        for (int a = 0; a < availableFrom.length; a++) {
            if (availableFrom[a] > 0 || availableUntil[a] != Long.MAX_VALUE) {
                return true;
            }
        }
        return false;
    }

    /** Resources, areas and caps: what links tasks on different agents. */
    public SharedLimits limits() {
        return limits;
    }

    public int priority(int task) {
        return priorities[task];
    }

    /** Where the task stands: done tasks are milestones, started ones must start at 0 on their agent. */
    public dev.fanout.plan.TaskStatus status(int task) {
        return statuses[task];
    }

    /** Started work: it goes on where it is, on its (only able) agent, from tick 0. */
    public boolean isStarted(int task) {
        return statuses[task] == dev.fanout.plan.TaskStatus.STARTED;
    }

    /** Whether some task is started: then schedules place those first (see {@link #isStarted}). */
    public boolean hasStarted() {
        return startedTasks.length > 0;
    }

    /** The started tasks, in index order. Do not modify. */
    public int[] startedTasks() {
        return startedTasks;
    }

    public boolean isMilestone(int task) {
        return durations[task] == 0;
    }

    /** The task's dependencies. Do not modify. */
    public int[] predecessors(int task) {
        return predecessors[task];
    }

    /** The tasks that depend on this one. Do not modify. */
    public int[] successors(int task) {
        return successors[task];
    }

    /** Every task after all of its dependencies. Do not modify. */
    public int[] topologicalOrder() {
        return topologicalOrder;
    }

    /** The task's place in {@link #topologicalOrder()}: the tie-break that puts a task after what it waits for. */
    public int topologicalRank(int task) {
        return topologicalRank[task];
    }

    /** Agents holding the task's skills at the levels asked (ignoring pools). Do not modify. */
    public BitSet skilledAgents(int task) {
        return skilledAgents[task];
    }

    /** Agents of the task's pool, or all agents when the task names no pool. Do not modify. */
    public BitSet poolAgents(int task) {
        return poolAgents[task];
    }

    /** Agents able to do the task; empty for a milestone. Do not modify. */
    public BitSet eligibleAgents(int task) {
        return eligibleAgents[task];
    }

    public boolean canDo(int agent, int task) {
        return eligibleAgents[task].get(agent);
    }

    public long totalWork() {
        return Arrays.stream(durations).sum();
    }
}
