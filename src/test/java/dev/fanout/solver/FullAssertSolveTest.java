package dev.fanout.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import dev.fanout.IndependentCheck;
import dev.fanout.TestPlans;
import dev.fanout.analysis.PlanAnalysis;
import dev.fanout.analysis.Schedule;
import dev.fanout.analysis.ScheduleCheck;
import dev.fanout.report.ScheduleView;
import dev.fanout.report.SolveStatus;

/**
 * The whole solver (construction from empty lanes, then local search) with every score recomputed from scratch after
 * each move: catches shadow-variable corruption early. The schedule it ends with is checked by the independent
 * checker, from the plan's JSON and the schedule as the API would return it.
 */
class FullAssertSolveTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void solvesSmallPlanFromScratchWithoutScoreCorruption() throws Exception {
        var analysis = PlanAnalysis.of(TestPlans.plan(TestPlans.SMALL));

        var schedule = solveFullyAsserted(TestPlans.json(TestPlans.SMALL), analysis, null);

        assertEquals(analysis.lowerBound(), schedule.makespan(), "a plan this small is solved to its lower bound");
    }

    @Test
    void improvesOnTheStartingScheduleWithoutScoreCorruption() throws Exception {
        var file = TestPlans.DATA.resolve("onex-runtime-registration.json");
        var analysis = PlanAnalysis.of(TestPlans.seed(file));
        var starting = analysis.startingSchedule();

        var schedule = solveFullyAsserted(TestPlans.read(file), analysis, starting);

        assertTrue(schedule.makespan() <= starting.makespan(), "never worse than where it started");
    }

    @Test
    void solvesAPlanWithSharedLimitsWindowsAndSpeedsWithoutScoreCorruption() throws Exception {
        var json = dev.fanout.RandomPlans.constrainedJson(12, 9, 3);
        var analysis = PlanAnalysis.of(dev.fanout.RandomPlans.generateConstrained(12, 9, 3));
        org.junit.jupiter.api.Assumptions.assumeTrue(analysis.instance().limits().any(), "the plan shares limits");

        var fromScratch = solveFullyAsserted(json, analysis, null);
        var fromBaseline = solveFullyAsserted(json, analysis, analysis.startingSchedule());

        assertTrue(fromScratch.makespan() >= analysis.lowerBound());
        assertTrue(fromBaseline.makespan() <= analysis.startingSchedule().makespan(), "never worse than where it started");
    }

    /**
     * Some time later (CONTRACT §6): started work pinned at the head of its agent's lane (Timefold's own pinning) while
     * the rest is re-planned around it, from empty lanes and from the baseline, scores recomputed after every move.
     * The started tasks still hold their agents, areas and resources: the independent checker sees them at now.
     */
    @Test
    void replansAroundStartedWorkWithoutScoreCorruption() throws Exception {
        int solved = 0;
        for (long seed = 1; solved < 3 && seed <= 40; seed++) {
            var document = dev.fanout.RandomPlans.progressed(dev.fanout.RandomPlans.constrainedDocument(seed, 9, 3), seed);
            var analysis = PlanAnalysis.of(new dev.fanout.plan.PlanValidator().validate(document));
            if (!analysis.instance().hasStarted()) {
                continue;
            }
            var json = dev.fanout.plan.PlanReader.json().writeValueAsString(document);
            var solution = SolutionMapper.toSolution(analysis.instance(), null);
            assertTrue(solution.getLanes().stream().anyMatch(lane -> lane.getPinnedCount() == 1), "started work is pinned");

            var fromScratch = solveFullyAsserted(json, analysis, null);
            var fromBaseline = solveFullyAsserted(json, analysis, analysis.startingSchedule());

            assertTrue(fromScratch.makespan() >= analysis.lowerBound());
            assertTrue(fromBaseline.makespan() <= analysis.startingSchedule().makespan(), "never worse than where it started");
            solved++;
        }
        assertEquals(3, solved, "three plans with started work among the first 40 seeds");
    }

    /**
     * Solves with the service's own configuration (solverConfig.xml), every score recomputed from scratch, from
     * {@code starting} (null: empty lanes, as the construction heuristic then fills them). Checks the result is
     * complete, feasible, valid by the analysis' checker and by the independent one, and scored by its makespan.
     */
    private static Schedule solveFullyAsserted(String planJson, PlanAnalysis analysis, Schedule starting)
            throws Exception {
        var config = SolverConfig.createFromXmlResource("solverConfig.xml")
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)
                .withTerminationConfig(new TerminationConfig().withStepCountLimit(400));
        var solver = SolverFactory.<ScheduleSolution>create(config).buildSolver();

        var solved = solver.solve(SolutionMapper.toSolution(analysis.instance(), starting));

        assertTrue(SolutionMapper.isComplete(solved));
        assertEquals(0, solved.getScore().hardScore(), "feasible");
        var schedule = SolutionMapper.toSchedule(analysis.instance(), solved);
        assertEquals(List.of(), ScheduleCheck.violations(schedule, 10));
        double makespan = new IndependentCheck(JSON.readTree(planJson)).assertValid(asApiAnswer(schedule, analysis));
        assertEquals(analysis.instance().scale().at(schedule.makespan()), makespan, 1e-9,
                "the independent checker finds the same makespan, in the plan's unit");
        assertEquals(-schedule.makespan(), solved.getScore().mediumScore(), "medium score is minus the makespan");
        return schedule;
    }

    /** The schedule as the API returns it ({@link ScheduleView}), as JSON. */
    private static JsonNode asApiAnswer(Schedule schedule, PlanAnalysis analysis) {
        return JSON.valueToTree(ScheduleView.of(SolveStatus.SOLVED, schedule, analysis.lowerBound(), null));
    }
}
