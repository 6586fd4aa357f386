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
        assertEquals(analysis.instance().scale().toDouble(schedule.makespan()), makespan, 1e-9,
                "the independent checker finds the same makespan, in the plan's unit");
        assertEquals(-schedule.makespan(), solved.getScore().mediumScore(), "medium score is minus the makespan");
        return schedule;
    }

    /** The schedule as the API returns it ({@link ScheduleView}), as JSON. */
    private static JsonNode asApiAnswer(Schedule schedule, PlanAnalysis analysis) {
        return JSON.valueToTree(ScheduleView.of(SolveStatus.SOLVED, schedule, analysis.lowerBound(), null));
    }
}
