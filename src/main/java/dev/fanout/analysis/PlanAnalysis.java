package dev.fanout.analysis;

import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import dev.fanout.plan.Plan;

/**
 * Everything Fanout knows about a plan without the solver: its dependency paths, critical path, tiers, lower bounds,
 * the sequential total, the tier-barrier schedule, the author's waves run as written, and the best of these as the
 * solver's starting point.
 */
public record PlanAnalysis(
        Instance instance,
        Paths paths,
        CriticalPath criticalPath,
        Tiers tiers,
        LowerBounds lowerBounds,
        long sequential,
        PhasedSchedule tierSchedule,
        Optional<WavePlan> wavePlan,
        Schedule startingSchedule) {

    public static PlanAnalysis of(Plan plan) {
        var instance = Instance.of(plan);
        var paths = Paths.of(instance);
        var criticalPath = CriticalPath.of(instance, paths);
        var tiers = Tiers.of(instance);
        var lowerBounds = LowerBounds.of(instance, paths, criticalPath);
        var tierSchedule = ListScheduler.withBarriers(instance, tiers.levels());
        var wavePlan = plan.hasWaves() ? Optional.of(WavePlan.of(instance, plan.waves())) : Optional.<WavePlan>empty();
        var greedy = ListScheduler.criticalPathFirst(instance, paths);
        // Every baseline obeys the plan but, where every able agent's window has closed, perhaps a window's end; the
        // best of them, left-shifted (inside the windows first, then shortest), is where the search starts, so the
        // optimized schedule is never worse than any strategy it is compared with.
        var starting = Stream.concat(Stream.of(greedy, tierSchedule.schedule()), wavePlan.map(WavePlan::schedule).stream())
                .map(Schedule::leftShifted)
                .min(Comparator.comparingLong(Schedule::windowOverrun).thenComparingLong(Schedule::makespan))
                .orElseThrow();
        return new PlanAnalysis(instance, paths, criticalPath, tiers, lowerBounds, instance.totalWork(),
                tierSchedule, wavePlan, starting);
    }

    public long lowerBound() {
        return lowerBounds.best();
    }

    /** A schedule at the lower bound and inside every agent's window: nothing better exists. */
    public boolean isProvenOptimal(Schedule schedule) {
        return schedule.makespan() <= lowerBound() && schedule.windowOverrun() == 0;
    }
}
