package dev.fanout.solver;

import java.util.ArrayList;
import java.util.List;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.common.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningListVariable;

/**
 * An agent, as the solver sees it: the ordered list of tasks it does, first to last (the planning list variable).
 * Only tasks the agent is able to do (skills, levels, pool) are offered to it, so the solver wastes no moves on
 * assignments that could never be valid.
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
