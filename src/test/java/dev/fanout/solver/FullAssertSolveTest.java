package dev.fanout.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import dev.fanout.TestPlans;
import dev.fanout.analysis.PlanAnalysis;
import dev.fanout.analysis.ScheduleCheck;

/**
 * The whole solver (construction from empty agent lists, then local search) with every score recomputed from
 * scratch after each move: catches shadow-variable corruption early.
 */
class FullAssertSolveTest {

    @Test
    void solvesSmallPlanFromScratchWithoutScoreCorruption() {
        var analysis = PlanAnalysis.of(TestPlans.plan(TestPlans.SMALL));
        // The service's own configuration (solverConfig.xml), with every score recomputed from scratch.
        var config = SolverConfig.createFromXmlResource("solverConfig.xml")
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)
                .withTerminationConfig(new TerminationConfig().withStepCountLimit(400));
        var solver = SolverFactory.<ScheduleSolution>create(config).buildSolver();

        var solved = solver.solve(SolutionMapper.toSolution(analysis.instance(), null));

        assertTrue(SolutionMapper.isComplete(solved));
        assertEquals(0, solved.getScore().hardScore(), "feasible");
        var schedule = SolutionMapper.toSchedule(analysis.instance(), solved);
        assertEquals(java.util.List.of(), ScheduleCheck.violations(schedule, 10));
        assertEquals(-schedule.makespan(), solved.getScore().mediumScore(), "medium score is minus the makespan");
        assertEquals(analysis.lowerBound(), schedule.makespan(), "a plan this small is solved to its lower bound");
    }
}
