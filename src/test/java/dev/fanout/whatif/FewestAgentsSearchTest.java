package dev.fanout.whatif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import dev.fanout.TestPlans;
import dev.fanout.analysis.PlanAnalysis;
import dev.fanout.analysis.Schedule;
import dev.fanout.plan.PlanDocument;
import dev.fanout.plan.PlanReader;
import dev.fanout.plan.PlanValidator;

/**
 * The search's two answers the API test cannot force (its solver always reaches the bound on small plans): a count
 * the bounds allow but the solver does not meet, and no count met within the solves allowed. The plan: a chain
 * A (4) → B (2) and five tasks of 2, work 16, critical path 6 days; k generalists are bounded by max(6, 16 ÷ k).
 */
class FewestAgentsSearchTest {

    private static final PlanDocument CHAIN = PlanReader.readJson(TestPlans.json("""
            {'name': 'chain', 'agents': [{'id': 'x'}],
             'tasks': [{'id': 'A', 'duration': 4}, {'id': 'B', 'duration': 2, 'dependsOn': ['A']},
                       {'id': 'C', 'duration': 2}, {'id': 'D', 'duration': 2}, {'id': 'E', 'duration': 2},
                       {'id': 'F', 'duration': 2}, {'id': 'G', 'duration': 2}]}
            """).getBytes(StandardCharsets.UTF_8));

    private static PlanAnalysis analyze(PlanDocument document) {
        return PlanAnalysis.of(new PlanValidator().validate(document));
    }

    /** Every task one after another on the first agent: 16 days, valid for any number of agents. */
    private static Schedule oneByOne(PlanAnalysis analysis) {
        var instance = analysis.instance();
        var agentOf = new int[instance.taskCount()];
        var start = new long[instance.taskCount()];
        long time = 0;
        for (int task : instance.topologicalOrder()) {
            start[task] = time;
            time += instance.duration(task);
        }
        return new Schedule(instance, agentOf, start);
    }

    private static WhatIfResult.FewestAgents search(double deadline, Function<PlanAnalysis, Schedule> solve) {
        return new FewestAgentsSearch(CHAIN, analyze(CHAIN), deadline, 2000, FewestAgentsSearchTest::analyze,
                (variant, analysis) -> solve.apply(analysis))
                .search().fewest();
    }

    @Test
    void aCountTheBoundsAllowButTheSolverMissesIsNotCalledImpossible() {
        // By day 7 the bounds allow 3 agents (max(6, 16 ÷ 3) = 6); a solver that only finds 16 days for 3 moves on to 4.
        var fewest = search(7, analysis -> analysis.instance().agentCount() == 3 ? oneByOne(analysis) : analysis.startingSchedule());
        assertEquals(4, fewest.agents());
        assertEquals(6.0, fewest.makespan(), "A then B on one agent, the five tasks of 2 on the other three");
        assertFalse(fewest.oneFewerProvenUnable(), "3 agents were only not found to finish by day 7");
        assertEquals("4 agents finish by 7 days (makespan 6 days); 3 were not found to (16 days in the time given), "
                + "though their lower bound (6 days) does not rule it out.", fewest.reason());
    }

    @Test
    void noCountMetWithinTheSolvesAllowedSaysSo() {
        var fewest = search(7, FewestAgentsSearchTest::oneByOne);
        assertNull(fewest.agents());
        assertNull(fewest.makespan());
        assertEquals("No count from 3 to %d agents was found to finish by 7 days in the time given (the best: 16 days with 3)."
                .formatted(3 + FewestAgentsSearch.MAX_SOLVES - 1), fewest.reason());
    }
}
