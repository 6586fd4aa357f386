package dev.fanout.solver;

import java.util.List;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.score.HardMediumSoftScore;

/**
 * The planning solution: every agent's lane with its task list, and every task. Hard score: assignments that break
 * skills, pools or the dependency order. Medium: the makespan. Soft: a tiebreak that makes shorter makespans findable
 * ({@link ScheduleConstraints}).
 */
@PlanningSolution
public class ScheduleSolution {

    @PlanningEntityCollectionProperty
    private List<AgentLane> lanes;

    @PlanningEntityCollectionProperty
    private List<ScheduledTask> tasks;

    /** Empty, or the one timetable of a plan with shared limits. */
    @PlanningEntityCollectionProperty
    private List<Timetable> timetables = List.of();

    @PlanningScore
    private HardMediumSoftScore score;

    public ScheduleSolution() {
    }

    public ScheduleSolution(List<AgentLane> lanes, List<ScheduledTask> tasks) {
        this.lanes = lanes;
        this.tasks = tasks;
    }

    public ScheduleSolution(List<AgentLane> lanes, List<ScheduledTask> tasks, List<Timetable> timetables) {
        this(lanes, tasks);
        this.timetables = timetables;
    }

    public List<Timetable> getTimetables() {
        return timetables;
    }

    public void setTimetables(List<Timetable> timetables) {
        this.timetables = timetables;
    }

    public List<AgentLane> getLanes() {
        return lanes;
    }

    public void setLanes(List<AgentLane> lanes) {
        this.lanes = lanes;
    }

    public List<ScheduledTask> getTasks() {
        return tasks;
    }

    public void setTasks(List<ScheduledTask> tasks) {
        this.tasks = tasks;
    }

    public HardMediumSoftScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftScore score) {
        this.score = score;
    }
}
