package dev.fanout.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.fanout.RandomPlans;

/**
 * On random plans small enough to solve by enumeration: the lower bound never exceeds the true optimum, and every
 * schedule Fanout builds without the solver is valid and lies between the optimum and the sequential total.
 */
class BoundsAndBaselinesPropertyTest {

    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
            26, 27, 28, 29, 30 })
    void lowerBoundIsValidAndBaselinesAreValidSchedules(long seed) {
        var plan = RandomPlans.generate(seed, 6, 3);
        var analysis = PlanAnalysis.of(plan);
        long optimum = BruteForce.optimalMakespan(analysis.instance());

        var bounds = analysis.lowerBounds();
        assertTrue(analysis.lowerBound() <= optimum, () -> "bound " + bounds + " exceeds the optimum " + optimum);
        assertTrue(bounds.criticalPath() <= optimum);

        var improved = ScheduleSearch.improve(analysis.instance(), analysis.paths(), analysis.startingSchedule(),
                analysis.lowerBound(), System.nanoTime() + 50_000_000L, () -> false, seed, schedule -> {
                });
        assertTrue(improved.makespan() <= analysis.startingSchedule().makespan(), "search never makes it worse");
        var late = new InsertionScheduler(analysis.instance(), true).schedule(reverseTopological(analysis.instance()));
        var schedules = new ArrayList<Schedule>(List.of(analysis.tierSchedule().schedule(), analysis.startingSchedule(),
                ListScheduler.criticalPathFirst(analysis.instance(), analysis.paths()), improved, late));
        for (var schedule : schedules) {
            assertEquals(List.of(), ScheduleCheck.violations(schedule, 5));
            assertTrue(schedule.makespan() >= optimum, "no valid schedule beats the optimum");
            assertTrue(schedule.makespan() <= analysis.sequential(), "no baseline is longer than one agent doing all");
            var shifted = schedule.leftShifted();
            assertEquals(List.of(), ScheduleCheck.violations(shifted, 5));
            assertTrue(shifted.makespan() <= schedule.makespan());
        }
    }

    /**
     * With areas, a resource, caps, windows and speeds: the bound stays below the true optimum (found by serial
     * schedule generation over every assignment and every global order, which reaches every active schedule), and
     * every baseline is valid under the same constraints, by the analysis' checker.
     */
    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
            26, 27, 28, 29, 30 })
    void lowerBoundStaysValidUnderSharedLimitsWindowsAndSpeeds(long seed) {
        assertBoundBelowOptimumAndBaselinesValid(PlanAnalysis.of(RandomPlans.generateConstrained(seed, 6, 3)), seed);
    }

    /**
     * Some time later (CONTRACT §6), with done, started and pinned work, areas, resources, caps, windows and speeds:
     * the bound on the work that remains stays below its true optimum, and every baseline is valid (started work goes
     * on at now on its agent, pinned work on its agent), by the analysis' checker.
     */
    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
            26, 27, 28, 29, 30 })
    void lowerBoundStaysValidFromNowWithStartedAndPinnedWork(long seed) {
        var document = seed % 2 == 0 ? RandomPlans.constrainedDocument(seed, 6, 3) : RandomPlans.document(seed, 6, 3);
        var plan = new dev.fanout.plan.PlanValidator().validate(RandomPlans.progressed(document, seed));
        assertBoundBelowOptimumAndBaselinesValid(PlanAnalysis.of(plan), seed);
    }

    /**
     * The bound at most the optimum found by enumeration; the tiers, the starting schedule, critical-path-first and the
     * improved schedule valid by the analysis' checker, no shorter than the optimum, and no longer once left-shifted.
     */
    private static void assertBoundBelowOptimumAndBaselinesValid(PlanAnalysis analysis, long seed) {
        long optimum = BruteForce.optimalMakespan(analysis.instance());
        var bounds = analysis.lowerBounds();
        assertTrue(analysis.lowerBound() <= optimum, () -> "bound " + bounds + " exceeds the optimum " + optimum);
        var improved = ScheduleSearch.improve(analysis.instance(), analysis.paths(), analysis.startingSchedule(),
                analysis.lowerBound(), System.nanoTime() + 50_000_000L, () -> false, seed, schedule -> {
                });
        for (var schedule : List.of(analysis.tierSchedule().schedule(), analysis.startingSchedule(),
                ListScheduler.criticalPathFirst(analysis.instance(), analysis.paths()), improved)) {
            assertEquals(List.of(), ScheduleCheck.violations(schedule, 5));
            assertTrue(schedule.makespan() >= optimum, "no valid schedule beats the optimum");
            var shifted = schedule.leftShifted();
            assertEquals(List.of(), ScheduleCheck.violations(shifted, 5));
            assertTrue(shifted.makespan() <= schedule.makespan(), "left-shifting never delays");
        }
        analysis.wavePlan().ifPresent(waves -> assertEquals(List.of(), ScheduleCheck.violations(waves.schedule(), 5)));
    }

    /** The plans the test above draws hold every kind of progress, not only day-0 plans in disguise. */
    @org.junit.jupiter.api.Test
    void progressedPlansHoldDoneStartedAndPinnedWork() {
        var seen = new java.util.HashMap<String, Integer>();
        for (long seed = 1; seed <= 30; seed++) {
            var document = seed % 2 == 0 ? RandomPlans.constrainedDocument(seed, 6, 3) : RandomPlans.document(seed, 6, 3);
            var plan = new dev.fanout.plan.PlanValidator().validate(RandomPlans.progressed(document, seed));
            for (var task : plan.tasks()) {
                var progress = task.progress();
                seen.merge(progress.isPinned() && !progress.isStarted() ? "pinned" : progress.status().label(), 1, Integer::sum);
            }
            seen.merge(plan.now().signum() > 0 ? "later" : "day 0", 1, Integer::sum);
        }
        for (var kind : List.of("done", "started", "pinned", "planned", "later")) {
            assertTrue(seen.getOrDefault(kind, 0) >= 5, () -> "too few " + kind + " in " + seen);
        }
    }

    private static int[] reverseTopological(Instance instance) {
        var order = instance.topologicalOrder();
        var reversed = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            reversed[i] = order[order.length - 1 - i];
        }
        return reversed;
    }
}
