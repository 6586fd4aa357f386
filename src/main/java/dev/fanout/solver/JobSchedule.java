package dev.fanout.solver;

import java.util.List;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.score.HardMediumSoftScore;

/**
 * The planning solution: workers with their job lists. Hard score: assignments that break skills, pools or the
 * dependency order. Medium: the makespan. Soft: a tiebreak that makes shorter makespans findable.
 */
@PlanningSolution
public class JobSchedule {

    @PlanningEntityCollectionProperty
    private List<Worker> workers;

    @PlanningEntityCollectionProperty
    private List<Job> jobs;

    @PlanningScore
    private HardMediumSoftScore score;

    public JobSchedule() {
    }

    public JobSchedule(List<Worker> workers, List<Job> jobs) {
        this.workers = workers;
        this.jobs = jobs;
    }

    public List<Worker> getWorkers() {
        return workers;
    }

    public void setWorkers(List<Worker> workers) {
        this.workers = workers;
    }

    public List<Job> getJobs() {
        return jobs;
    }

    public void setJobs(List<Job> jobs) {
        this.jobs = jobs;
    }

    public HardMediumSoftScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftScore score) {
        this.score = score;
    }
}
