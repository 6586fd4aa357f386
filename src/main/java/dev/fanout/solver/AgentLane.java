package dev.fanout.solver;

import java.util.ArrayList;
import java.util.List;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPinToIndex;
import ai.timefold.solver.core.api.domain.common.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningListVariable;

/**
 * An agent, as the solver sees it: the ordered list of tasks it does, first to last (the planning list variable).
 * Only tasks the agent is able to do (skills, levels, pool) are offered to it, so the solver wastes no moves on
 * assignments that could never be valid. A task already started on this agent (CONTRACT §6) is first in the list and
 * pinned there ({@link #getPinnedCount()}): the solver re-plans the rest around it, never moves it.
 */
@PlanningEntity
public class AgentLane {

    @PlanningId
    private String id;
    /** The agent's index in the analysis instance. */
    private int index;
    /** The tasks this agent is able to do (unmodifiable): the values its list may take. */
    private List<ScheduledTask> doableTasks;
    /** The agent's window, in ticks: its tasks start at or after {@code availableFrom} and end by {@code availableUntil}. */
    private long availableFrom;
    private long availableUntil = Long.MAX_VALUE;
    /** The pool cap this agent's tasks count towards; null when none. */
    private LimitHold.Held poolCap;

    /** How many tasks at the head of the list are fixed: the started one (0 or 1). */
    @PlanningPinToIndex
    private int pinnedCount;

    @PlanningListVariable(valueRangeProviderRefs = "doableTasks")
    private List<ScheduledTask> tasks = new ArrayList<>();

    public AgentLane() {
    }

    public AgentLane(String id, int index, List<ScheduledTask> doableTasks) {
        this.id = id;
        this.index = index;
        this.doableTasks = List.copyOf(doableTasks);
    }

    @ValueRangeProvider(id = "doableTasks")
    public List<ScheduledTask> getDoableTasks() {
        return doableTasks;
    }

    /** Sets the agent's window. */
    public AgentLane available(long from, long until) {
        this.availableFrom = from;
        this.availableUntil = until;
        return this;
    }

    /** Sets the pool cap this agent's tasks count towards. */
    public AgentLane countingTowards(LimitHold.Held poolCap) {
        this.poolCap = poolCap;
        return this;
    }

    public int getPinnedCount() {
        return pinnedCount;
    }

    /** Fixes the given task, started on this agent, at the head of its list. */
    public void pinStarted(ScheduledTask started) {
        tasks.remove(started);
        tasks.add(0, started);
        pinnedCount = 1;
    }

    public LimitHold.Held getPoolCap() {
        return poolCap;
    }

    public long getAvailableFrom() {
        return availableFrom;
    }

    public long getAvailableUntil() {
        return availableUntil;
    }

    public String getId() {
        return id;
    }

    public int getIndex() {
        return index;
    }

    public List<ScheduledTask> getTasks() {
        return tasks;
    }

    public void setTasks(List<ScheduledTask> tasks) {
        this.tasks = tasks;
    }

    @Override
    public String toString() {
        return id;
    }
}
