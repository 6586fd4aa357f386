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
 * A task with work in it, as the solver sees it: a value in some {@link AgentLane}'s list. Milestones never reach the
 * solver; a dependency on a milestone is replaced by the milestone's own dependencies
 * ({@link SolutionMapper}).
 *
 * <h2>When a task starts</h2>
 * A task starts as soon as two things are done: the task before it on its lane (an agent does one task at a time) and
 * every one of its dependencies, wherever they sit. So
 * <pre>
 *     start = max(end of the previous task on the lane, ends of all dependencies)    (0 when there is neither)
 * </pre>
 * This start is a declarative shadow variable: Timefold calls {@link #earliestStart()} again whenever the task's lane,
 * the previous task's start or a dependency's start changes. While the task or anything it waits for is unassigned,
 * it has no start. When the lanes' orders and the dependencies wait for each other in a loop (a task placed before
 * its own dependency on one lane), there is no start either: Timefold marks the task {@code inconsistent}, and
 * {@code ScheduleConstraints.inconsistentOrder} penalizes it.
 *
 * <p>Equality is identity: planning entities must not compare by their variables.
 */
@PlanningEntity
public class ScheduledTask {

    // Problem facts: set by the mapper, never moved by the solver.

    @PlanningId
    private String id;
    /** The task's index in the analysis instance. */
    private int index;
    private long duration;
    /** Tiebreak weight: higher for tasks the plan wants earlier (priority), from 1 to 100. */
    private long weight;
    /** Ends are divided by this before squaring, so that the tiebreak cannot overflow on huge plans. */
    private long endDivisor = 1;
    /** The tasks with work this one waits for (unmodifiable). */
    private List<ScheduledTask> dependencies;
    /** By lane index: the agents holding every skill at the level asked (own copy, never changed). */
    private BitSet skilledLanes;
    /** By lane index: the agents in the task's pool, if it names one (own copy, never changed). */
    private BitSet poolLanes;

    // Shadow variables: Timefold keeps them in step with the lanes' task lists.

    /** The lane whose list holds this task; null while unassigned. */
    @InverseRelationShadowVariable(sourceVariableName = "tasks")
    private AgentLane lane;

    /** The task just before this one on its lane; null for the first. */
    @PreviousElementShadowVariable(sourceVariableName = "tasks")
    private ScheduledTask previous;

    /** See "When a task starts" above. */
    @ShadowVariable(supplierName = "earliestStart")
    private Long start;

    /** True while the start-time rule loops: lane orders and dependencies wait for each other. */
    @ShadowVariablesInconsistent
    private boolean inconsistent;

    public ScheduledTask() {
    }

    public ScheduledTask(String id, int index, long duration, long weight, BitSet skilledLanes, BitSet poolLanes) {
        this.id = id;
        this.index = index;
        this.duration = duration;
        this.weight = weight;
        this.skilledLanes = (BitSet) skilledLanes.clone();
        this.poolLanes = (BitSet) poolLanes.clone();
        this.dependencies = List.of();
    }

    /**
     * The start-time rule: the later of the previous task's end on this lane and the ends of all dependencies, 0 when
     * there is neither. Null while this task or anything it waits for is unassigned (during construction) or when
     * the order is inconsistent (a task placed before its own dependency on one lane).
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

    // What the constraints ask of a task.

    /** Whether the lane's agent lacks a skill this task lists, or holds it below the level asked. */
    public boolean laneLacksSkill() {
        return lane != null && !skilledLanes.get(lane.getIndex());
    }

    /** Whether the lane's agent is outside the pool this task names. */
    public boolean laneOutsidePool() {
        return lane != null && !poolLanes.get(lane.getIndex());
    }

    /** The soft tiebreak of this task: (end / divisor)² × weight. */
    public long tiebreakPenalty() {
        long end = getEnd() / endDivisor;
        return end * end * weight;
    }

    // Accessors.

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

    public void setEndDivisor(long endDivisor) {
        this.endDivisor = endDivisor;
    }

    public List<ScheduledTask> getDependencies() {
        return dependencies;
    }

    /** Keeps an unmodifiable copy. */
    public void setDependencies(List<ScheduledTask> dependencies) {
        this.dependencies = List.copyOf(dependencies);
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
