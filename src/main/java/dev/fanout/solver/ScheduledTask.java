package dev.fanout.solver;

import java.util.BitSet;
import java.util.List;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.common.PlanningId;
import ai.timefold.solver.core.api.domain.variable.InverseRelationShadowVariable;
import ai.timefold.solver.core.api.domain.variable.PreviousElementShadowVariable;
import ai.timefold.solver.core.api.domain.variable.ShadowSources;
import ai.timefold.solver.core.api.domain.variable.ShadowVariable;
import ai.timefold.solver.core.api.domain.variable.ShadowVariablesInconsistent;

/**
 * A task with work in it, as the solver sees it: a value in some {@link AgentLane}'s list. Its start is a declarative
 * shadow variable: the later of the end of the task before it on its agent and the ends of all its dependencies,
 * which may sit on other agents. Milestones never reach the solver; a dependency on a milestone is replaced by the
 * milestone's own dependencies.
 *
 * <p>Equality is identity: planning entities must not compare by their variables.
 */
@PlanningEntity
public class ScheduledTask {

    @PlanningId
    private String id;
    private int index;
    private long duration;
    /** Tiebreak weight: higher for tasks the plan wants earlier (priority), from 1 to 100. */
    private long weight;
    /** Ends are divided by this before squaring, so that the tiebreak cannot overflow on huge plans. */
    private long endDivisor = 1;
    private List<ScheduledTask> dependencies;
    private BitSet skilledLanes;
    private BitSet poolLanes;

    @InverseRelationShadowVariable(sourceVariableName = "tasks")
    private AgentLane lane;

    @PreviousElementShadowVariable(sourceVariableName = "tasks")
    private ScheduledTask previous;

    @ShadowVariable(supplierName = "earliestStart")
    private Long start;

    @ShadowVariablesInconsistent
    private boolean inconsistent;

    public ScheduledTask() {
    }

    public ScheduledTask(String id, int index, long duration, long weight, BitSet skilledLanes, BitSet poolLanes) {
        this.id = id;
        this.index = index;
        this.duration = duration;
        this.weight = weight;
        this.skilledLanes = skilledLanes;
        this.poolLanes = poolLanes;
        this.dependencies = List.of();
    }

    /**
     * Null while this task or anything it waits for is unassigned (during construction) or when the order is
     * inconsistent (a task placed before its own dependency on one lane).
     */
    @ShadowSources({ "lane", "previous.start", "dependencies[].start" })
    public Long earliestStart() {
        if (lane == null) {
            return null;
        }
        long ready = 0;
        if (previous != null) {
            if (previous.start == null) {
                return null;
            }
            ready = previous.start + previous.duration;
        }
        for (var dependency : dependencies) {
            if (dependency.start == null) {
                return null;
            }
            ready = Math.max(ready, dependency.start + dependency.duration);
        }
        return ready;
    }

    /** Null whenever {@link #getStart()} is. */
    public Long getEnd() {
        return start == null ? null : start + duration;
    }

    /** The soft tiebreak of this task: (end / divisor)² × weight. */
    public long tiebreakPenalty() {
        long end = getEnd() / endDivisor;
        return end * end * weight;
    }

    public void setEndDivisor(long endDivisor) {
        this.endDivisor = endDivisor;
    }

    public boolean laneLacksSkill() {
        return lane != null && !skilledLanes.get(lane.getIndex());
    }

    public boolean laneOutsidePool() {
        return lane != null && !poolLanes.get(lane.getIndex());
    }

    public String getId() {
        return id;
    }

    public int getIndex() {
        return index;
    }

    public long getDuration() {
        return duration;
    }

    public long getWeight() {
        return weight;
    }

    public List<ScheduledTask> getDependencies() {
        return dependencies;
    }

    public void setDependencies(List<ScheduledTask> dependencies) {
        this.dependencies = dependencies;
    }

    public AgentLane getLane() {
        return lane;
    }

    public void setLane(AgentLane lane) {
        this.lane = lane;
    }

    public ScheduledTask getPrevious() {
        return previous;
    }

    public void setPrevious(ScheduledTask previous) {
        this.previous = previous;
    }

    public Long getStart() {
        return start;
    }

    public void setStart(Long start) {
        this.start = start;
    }

    public boolean isInconsistent() {
        return inconsistent;
    }

    public void setInconsistent(boolean inconsistent) {
        this.inconsistent = inconsistent;
    }

    @Override
    public String toString() {
        return id;
    }
}
