package dev.fanout.service;

import dev.fanout.analysis.PlanAnalysis;
import dev.fanout.analysis.Schedule;
import dev.fanout.analysis.ScheduleCheck;
import dev.fanout.analysis.Stability;
import dev.fanout.persistence.PlanStore.StoredPlan;
import dev.fanout.persistence.ScheduleCodec;

/**
 * Where a stored plan's solve starts from: the best of its baselines, its last saved schedule and, for a new version
 * (CONTRACT §6), the previous version's agents and orders carried over; with, for a new version, each task's previous
 * agent, which the solve's end keeps wherever that costs no makespan ({@link Stability#keepAgents}).
 *
 * @param previousAgents by task index; null for a first version or one whose predecessor was never solved
 */
record SolveStart(Schedule schedule, int[] previousAgents) {

    static SolveStart of(PlanCatalog catalog, StoredPlan stored, PlanAnalysis analysis) {
        var starting = analysis.startingSchedule();
        var saved = catalog.storedSchedule(stored, analysis).map(Schedule::leftShifted);
        if (saved.isPresent() && saved.get().makespan() < starting.makespan()) {
            starting = saved.get();
        }
        var previousVersion = catalog.previousSchedule(stored);
        if (previousVersion.isEmpty()) {
            return new SolveStart(starting, null);
        }
        var previousAgents = Stability.previousAgents(analysis.instance(), ScheduleCodec.agents(previousVersion.get()));
        var carried = Stability.carriedOver(analysis.instance(), previousAgents, ScheduleCodec.starts(previousVersion.get()));
        if (carried != null && ScheduleCheck.isValid(carried) && !starting.isBetterThan(carried)) {
            starting = carried;
        }
        return new SolveStart(starting, previousAgents);
    }
}
