package dev.fanout.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.fanout.IndependentCheck;
import dev.fanout.RandomPlans;
import dev.fanout.TestPlans;
import dev.fanout.analysis.BruteForce;
import dev.fanout.analysis.PlanAnalysis;
import dev.fanout.analysis.Schedule;
import dev.fanout.analysis.ScheduleCheck;
import dev.fanout.bench.ConstrainedPlanGenerator;
import dev.fanout.bench.PlanGenerator;
import dev.fanout.exact.CpSatSearch;
import dev.fanout.plan.Plan;
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
    private static final ExactStage STAGE = new ExactStage(300, 300, 1.0, 2, 1.0, 0.1);

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

    /**
     * On small random plans whose optimum (by enumeration) lies above the lower bound, the targets below the optimum
     * cannot be met: the stage goes past them and returns the optimum, never anything shorter or invalid.
     */
    @Test
    void goesPastTargetsThatCannotBeMetToTheOptimum() {
        int above = 0;
        for (long seed = 1; seed <= 30; seed++) {
            var analysis = PlanAnalysis.of(RandomPlans.generateConstrained(seed, 6, 3));
            long optimum = BruteForce.optimalMakespan(analysis.instance());
            if (optimum == analysis.lowerBound()) {
                continue;
            }
            above++;
            var best = STAGE.improve(analysis, analysis.startingSchedule(), in(60), () -> false, found -> { });
            assertEquals(optimum, best.makespan(), "seed " + seed);
            assertEquals(List.of(), ScheduleCheck.violations(best, 5));
        }
        assertTrue(above >= 5, "plans whose optimum lies above the lower bound: " + above);
    }

    /** Every makespan of a schedule shifted as early as it goes is a multiple of the step: targets go by steps. */
    @Test
    void theStepIsTheCommonDivisorOfTheDurationsAndOpenings() {
        var analysis = PlanAnalysis.of(TestPlans.plan("""
                {'name': 'steps', 'timeUnit': 'days',
                 'agents': [{'id': 'a', 'skills': ['x']}, {'id': 'b', 'skills': ['x'], 'availableFrom': 4.5}],
                 'tasks': [{'id': 'T1', 'duration': 1.5, 'skills': ['x']}, {'id': 'T2', 'duration': 3, 'skills': ['x']},
                           {'id': 'T3', 'duration': 6, 'skills': ['x'], 'dependsOn': ['T1']}]}"""));
        var scale = analysis.instance().scale();
        assertEquals(scale.ticks(new BigDecimal("1.5")), ExactStage.makespanStep(analysis.instance()));
        var opening = PlanAnalysis.of(TestPlans.plan("""
                {'name': 'steps', 'timeUnit': 'days',
                 'agents': [{'id': 'a', 'skills': ['x']}, {'id': 'b', 'skills': ['x'], 'availableFrom': 0.5}],
                 'tasks': [{'id': 'T1', 'duration': 1.5, 'skills': ['x']}, {'id': 'T2', 'duration': 3, 'skills': ['x']}]}"""));
        assertEquals(opening.instance().scale().ticks(new BigDecimal("0.5")), ExactStage.makespanStep(opening.instance()));
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

    /** Plans above the targets' size get the windows alone, and only without shared limits and up to their size. */
    @Test
    void largerPlansWithoutSharedLimitsGetTheWindowsAlone() {
        var stage = new ExactStage(40, 100, 1.0, 2, 1.0, 0.1);
        var tight60 = PlanAnalysis.of(new PlanValidator().validate(PlanGenerator.generate(PlanGenerator.Spec.of(60, 5, 1))));
        var tight200 = PlanAnalysis.of(new PlanValidator().validate(PlanGenerator.generate(PlanGenerator.Spec.of(200, 15, 1))));
        var constrained60 = PlanAnalysis.of(new PlanValidator().validate(
                ConstrainedPlanGenerator.generate(ConstrainedPlanGenerator.Spec.of(60, 1))));
        assertTrue(stage.appliesTo(tight60.instance()), "60 tasks, no shared limits: the windows");
        assertFalse(stage.appliesTo(tight200.instance()), "above the windows' size");
        assertFalse(stage.appliesTo(constrained60.instance()), "shared limits above the targets' size: no stage");
        assertFalse(new ExactStage(40, 40, 1.0, 2, 1.0, 0.1).appliesTo(tight60.instance()), "windows limit at the targets'");

        // The budget's split: the windows-alone plan gives the heuristic search the stage's share; a plan with shared
        // limits that the stage does not take keeps the share of the search over lists; a larger one the general share.
        var search = new SolveSearch(null, 0.25, 0.9, false, stage);
        assertEquals(0.1, search.heuristicShare(tight60.instance()));
        assertEquals(SolveSearch.SHARED_LIMITS_HEURISTIC_SHARE, search.heuristicShare(constrained60.instance()));
        assertEquals(0.25, search.heuristicShare(tight200.instance()));

        // The windows alone shorten the greedy start of the tight plan; everything they report passes the checker.
        var plan = PlanGenerator.generate(PlanGenerator.Spec.of(60, 5, 1));
        var start = tight60.startingSchedule();
        var reported = new ArrayList<Schedule>();
        var best = stage.improve(tight60, start, in(60), () -> !reported.isEmpty(), reported::add);
        assertTrue(best.isBetterThan(start), "from " + start.makespan() + " to " + best.makespan());
        assertEquals(best, reported.get(reported.size() - 1));
        for (var schedule : reported) {
            assertValid(plan, tight60, schedule);
        }
    }

    /**
     * The targets get their share on plans whose target model CP-SAT can meet, less under shared limits, and none
     * above {@link ExactStage#TARGETS_MAX_OPTIONS} task-agent options (the able agents of every task, summed).
     */
    @Test
    void targetsOnlyWhereTheirModelIsSmallEnough() {
        var stage = new ExactStage(300, 300, 1.0, 2, 0.5, 0.1);
        var atTheLimit = PlanAnalysis.of(generalists(100, 10, 0)).instance();
        assertEquals(1_000, ExactStage.taskAgentOptions(atTheLimit));
        assertEquals(0.5, stage.targetShareOf(atTheLimit));
        var above = PlanAnalysis.of(generalists(101, 10, 0)).instance();
        assertEquals(1_010, ExactStage.taskAgentOptions(above));
        assertEquals(0.0, stage.targetShareOf(above));
        // Tasks only some agents can do count those agents alone: 101 tasks, 10 agents, 11 of the tasks for one agent.
        var specialised = PlanAnalysis.of(generalists(101, 10, 11)).instance();
        assertEquals(90 * 10 + 11, ExactStage.taskAgentOptions(specialised));
        assertEquals(0.5, stage.targetShareOf(specialised));
        var constrained = PlanAnalysis.of(new PlanValidator().validate(
                ConstrainedPlanGenerator.generate(ConstrainedPlanGenerator.Spec.of(60, 1))));
        assertEquals(ExactStage.SHARED_LIMITS_TARGET_SHARE, stage.targetShareOf(constrained.instance()));
    }

    /** {@code tasks} tasks for {@code agents} agents able to do them all, but the last {@code special} for one alone. */
    private static Plan generalists(int tasks, int agents, int special) {
        var json = new StringBuilder("{'name': 'generalists', 'agents': [{'id': 'a0', 'skills': ['x', 'y']}");
        for (int a = 1; a < agents; a++) {
            json.append(", {'id': 'a").append(a).append("', 'skills': ['x']}");
        }
        json.append("], 'tasks': [");
        for (int t = 0; t < tasks; t++) {
            json.append(t == 0 ? "" : ", ").append("{'id': 'T").append(t).append("', 'duration': ").append(1 + t % 5)
                    .append(", 'skills': ['").append(t >= tasks - special ? "y" : "x").append("']}");
        }
        return TestPlans.plan(json.append("]}").toString());
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
