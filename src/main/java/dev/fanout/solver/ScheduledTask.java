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
 * A task starts as soon as its lane's agent is available and two things are done: the task before it on its lane
 * (an agent does one task at a time) and every one of its dependencies, wherever they sit. So
 * <pre>
 *     start = max(the agent's availableFrom, end of the previous task on the lane, ends of all dependencies)
 * </pre>
 * and it ends its duration at the lane agent's speed later. In a plan whose tasks share limits across agents (areas,
 * resources, caps), a start also waits for the limits; the {@link Timetable} computes those starts for the whole plan
 * at once, and this task's start is the timetable's.
 * The start along the lane is a declarative shadow variable: Timefold calls {@link #earliestStart()} again whenever the task's lane,
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
    /** By lane index: the ticks the task takes on that lane's agent; null when every agent works at speed 1. */
    private long[] laneDurations;
    /** The limits the task holds wherever it runs (unmodifiable). */
    private List<LimitHold.Held> held = List.of();
    /** The plan's timetable when tasks share limits across agents; null otherwise. */
    private Timetable timetable;

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
    @ShadowSources({ "lane", "previous.start", "dependencies[].start", "dependencies[].lane", "timetable.timing" })
    public Long earliestStart() {
        if (lane == null) {
            return null;
        }
        if (timetable != null) {
            return timetable.getTiming() == null ? null : timetable.getTiming().start(index);
        }
        long ready = lane.getAvailableFrom();
        if (previous != null) {
            if (previous.start == null) {
                return null;
            }
            ready = Math.max(ready, previous.start + previous.durationOnLane());
        }
        for (var dependency : dependencies) {
            if (dependency.start == null) {
                return null;
            }
            ready = Math.max(ready, dependency.start + dependency.durationOnLane());
        }
        return ready;
    }

    /** Null whenever {@link #getStart()} is. */
    public Long getEnd() {
        Long start = getStart();
        return start == null ? null : start + durationOnLane();
    }

    /** The ticks the task takes on its lane's agent (its duration while it has no lane). */
    public long durationOnLane() {
        return laneDurations == null || lane == null ? duration : laneDurations[lane.getIndex()];
    }

    /** How far the task ends after its lane's agent stops being available; 0 when it fits. */
    public long overrunOfAvailability() {
        Long end = getEnd();
        return end == null || lane == null ? 0 : Math.max(0, end - lane.getAvailableUntil());
    }

    /** Whether the task may hold a shared limit (it holds one wherever it runs, or its lane counts towards a pool cap). */
    public boolean mayHoldLimits() {
        return !held.isEmpty() || lane != null && lane.getPoolCap() != null;
    }

    /** The limits the task holds while it runs, timed; empty while it has no start. */
    public List<LimitHold> holds() {
        Long start = getStart();
        if (start == null || lane == null) {
            return List.of();
        }
        long end = getEnd();
        var poolCap = lane.getPoolCap();
        if (held.isEmpty() && poolCap == null) {
            return List.of();
        }
        var holds = new java.util.ArrayList<LimitHold>(held.size() + 1);
        for (var limit : held) {
            holds.add(limit.at(start, end));
        }
        if (poolCap != null) {
            holds.add(poolCap.at(start, end));
        }
        return holds;
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

    public void setLaneDurations(long[] laneDurations) {
        this.laneDurations = laneDurations;
    }

    public void setHeld(List<LimitHold.Held> held) {
        this.held = List.copyOf(held);
    }

    public Timetable getTimetable() {
        return timetable;
    }

    public void setTimetable(Timetable timetable) {
        this.timetable = timetable;
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

    /** When the task starts: the timetable's in a plan with shared limits, the start along its lane otherwise. */
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
