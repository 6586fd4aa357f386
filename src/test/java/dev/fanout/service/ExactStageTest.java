package dev.fanout.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.fanout.IndependentCheck;
import dev.fanout.analysis.PlanAnalysis;
import dev.fanout.analysis.Schedule;
import dev.fanout.bench.ConstrainedPlanGenerator;
import dev.fanout.bench.PlanGenerator;
import dev.fanout.exact.CpSatSearch;
import dev.fanout.plan.PlanDocument;
import dev.fanout.plan.PlanValidator;
import dev.fanout.report.ScheduleView;
import dev.fanout.report.SolveStatus;

/**
 * The exact stage (CP-SAT) on plans whose optimum is known by construction: it reaches the optimum of a tight 60-task
 * plan that the heuristics leave above it, its schedules pass the independent checker, it never returns anything
 * worse than it was given, and it stops when asked to. The time limits are generous ceilings, never asserted.
 */
class ExactStageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ExactStage STAGE = new ExactStage(300, 1.0, 2);

    private static long in(double seconds) {
        return System.nanoTime() + Math.round(seconds * 1e9);
    }

    private static void assertValid(PlanDocument plan, PlanAnalysis analysis, Schedule schedule) {
        var view = ScheduleView.of(SolveStatus.SOLVED, schedule, analysis.lowerBound(), null);
        double makespan = new IndependentCheck(JSON.valueToTree(plan)).assertValid(JSON.valueToTree(view));
        assertEquals(analysis.instance().scale().toDouble(schedule.makespan()), makespan, 1e-9);
    }

    @Test
    void reachesTheOptimumOfATightPlan() {
        assertTrue(CpSatSearch.isAvailable(), "OR-Tools ships its native library for this platform");
        var plan = PlanGenerator.generate(PlanGenerator.Spec.of(60, 5, 1));
        var analysis = PlanAnalysis.of(new PlanValidator().validate(plan));
        var start = analysis.startingSchedule();
        assertFalse(analysis.isProvenOptimal(start), "the greedy start is above the planted optimum");
        var reported = new ArrayList<Schedule>();
        var best = STAGE.improve(analysis, start, in(60), () -> false, reported::add);
        assertTrue(analysis.isProvenOptimal(best), "the planted optimum " + analysis.lowerBound() + ", got " + best.makespan());
        assertEquals(best, reported.get(reported.size() - 1), "the last improvement reported is the one returned");
        for (var schedule : reported) {
            assertValid(plan, analysis, schedule);
        }
    }

    @Test
    void obeysEverySharedLimitWindowAndSpeed() {
        var plan = ConstrainedPlanGenerator.generate(ConstrainedPlanGenerator.Spec.of(60, 1));
        var analysis = PlanAnalysis.of(new PlanValidator().validate(plan));
        var start = analysis.startingSchedule();
        var best = STAGE.improve(analysis, start, in(5), () -> false, found -> assertValid(plan, analysis, found));
        assertValid(plan, analysis, best);
        assertFalse(start.isBetterThan(best), "never worse than its start");
    }

    @Test
    void stopsWhenAskedAndKeepsWhatItWasGiven() {
        var plan = PlanGenerator.generate(PlanGenerator.Spec.of(200, 15, 1));
        var analysis = PlanAnalysis.of(new PlanValidator().validate(plan));
        var start = analysis.startingSchedule();
        var best = STAGE.improve(analysis, start, in(600), () -> true, found -> { });
        assertFalse(start.isBetterThan(best));
        assertValid(plan, analysis, best);
    }
}
