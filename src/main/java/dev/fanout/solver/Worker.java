package dev.fanout.solver;

import java.util.ArrayList;
import java.util.List;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.common.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningListVariable;

/**
 * An agent, as the solver sees it: the ordered list of jobs it does. Only jobs it is able to do (skills, levels,
 * pool) are offered to it, so the solver wastes no moves on assignments that could never be valid.
 */
@PlanningEntity
public class Worker {

    @PlanningId
    private String id;
    private int index;
    private List<Job> doableJobs;

    @PlanningListVariable(valueRangeProviderRefs = "doableJobs")
    private List<Job> jobs = new ArrayList<>();

    public Worker() {
    }

    public Worker(String id, int index, List<Job> doableJobs) {
        this.id = id;
        this.index = index;
        this.doableJobs = doableJobs;
    }

    @ValueRangeProvider(id = "doableJobs")
    public List<Job> getDoableJobs() {
        return doableJobs;
    }

    public String getId() {
        return id;
    }

    public int getIndex() {
        return index;
    }

    public List<Job> getJobs() {
        return jobs;
    }

    public void setJobs(List<Job> jobs) {
        this.jobs = jobs;
    }

    @Override
    public String toString() {
        return id;
    }
}
