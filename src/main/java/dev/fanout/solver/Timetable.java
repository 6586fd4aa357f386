package dev.fanout.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ai.timefold.solver.core.api.domain.common.PlanningId;
import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.variable.ShadowSources;
import ai.timefold.solver.core.api.domain.variable.ShadowVariable;
import dev.fanout.analysis.Instance;
import dev.fanout.analysis.Schedule;

/**
 * The start times of a plan whose tasks share limits across agents (areas, resources, the plan's or a pool's cap,
 * CONTRACT §5): one start depends on what runs on <em>other</em> agents, so it cannot be computed task by task along
 * one lane. Whenever any lane's order changes, the whole schedule is timed again, exactly as
 * {@link Schedule#fromSequences(Instance, List)} times it: each task at the earliest time its agent, its
 * dependencies, its agent's window and every limit it holds allow, tasks taking the limits in the order the lanes
 * and dependencies alone would start them. The schedule is thus feasible by construction;
 * {@link ScheduleConstraints}' limit rules check it (a zero hard score proves it).
 *
 * <p>Only plans with shared limits have a timetable; other plans time each task along its lane
 * ({@link ScheduledTask#earliestStart()}), which is much cheaper per move.
 */
@PlanningEntity
public class Timetable {

    @PlanningId
    private String id;
    private Instance instance;
    private List<AgentLane> lanes;
    /** The tasks whose lane or neighbour changes retime the schedule (every task with work). */
    private List<ScheduledTask> tasks;

    @ShadowVariable(supplierName = "timing")
    private Timing timing;

    public Timetable() {
    }

    public Timetable(Instance instance, List<AgentLane> lanes, List<ScheduledTask> tasks) {
        this.id = "timetable";
        this.instance = instance;
        this.lanes = List.copyOf(lanes);
        this.tasks = List.copyOf(tasks);
    }

    /** The start of every task of the instance, milestones included, from the lanes' current orders. */
    @ShadowSources({ "tasks[].lane", "tasks[].previous" })
    public Timing timing() {
        var sequences = new ArrayList<List<Integer>>();
        for (var lane : lanes) {
            sequences.add(lane.getTasks().stream().map(ScheduledTask::getIndex).toList());
        }
        try {
            var schedule = Schedule.fromSequences(instance, sequences);
            var starts = new long[instance.taskCount()];
            Arrays.setAll(starts, schedule::start);
            return new Timing(starts);
        } catch (IllegalArgumentException loop) {
            // A task placed before its own dependency: no start for anyone (inconsistentOrder penalizes the loop).
            return Timing.NONE;
        }
    }

    public Timing getTiming() {
        return timing;
    }

    public void setTiming(Timing timing) {
        this.timing = timing;
    }

    public String getId() {
        return id;
    }

    public List<ScheduledTask> getTasks() {
        return tasks;
    }

    public List<AgentLane> getLanes() {
        return lanes;
    }

    /** Start times by task index; equal when every start is. */
    public static final class Timing {

        static final Timing NONE = new Timing(null);

        private final long[] starts;

        public Timing(long[] starts) {
            this.starts = starts;
        }

        /** The start of the task with this instance index; null when there is none. */
        public Long start(int index) {
            return starts == null ? null : starts[index];
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Timing timing && Arrays.equals(starts, timing.starts);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(starts);
        }
    }
}
