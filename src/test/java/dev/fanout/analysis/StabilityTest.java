package dev.fanout.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.fanout.TestPlans;

/**
 * Stable re-plans (CONTRACT §6): a task goes back to its previous agent when that keeps the makespan, and stays where it
 * is when the move back alone would lengthen the plan; the previous version's orders carried over to a new version.
 */
class StabilityTest {

    /** Three agents; A and B take 2 each and depend on nothing: the optimum is 2, with A and B on different agents. */
    private static final Instance INSTANCE = PlanAnalysis.of(TestPlans.plan("""
            {'name': 'stable', 'agents': [{'id': 'x'}, {'id': 'y'}, {'id': 'z'}],
             'tasks': [{'id': 'A', 'duration': 2}, {'id': 'B', 'duration': 2}]}
            """)).instance();

    private static Schedule onAgents(String a, String b) {
        return new Schedule(INSTANCE, new int[] { INSTANCE.agentIndex(a), INSTANCE.agentIndex(b) }, new long[] { 0, 0 });
    }

    @Test
    void aTaskGoesBackToItsPreviousAgentWhenThatCostsNothing() {
        var previous = Stability.previousAgents(INSTANCE, Map.of("A", "x", "B", "y"));
        var replanned = onAgents("x", "z");
        assertEquals(1, Stability.movedCount(replanned, previous));

        var stable = Stability.keepAgents(replanned, previous, Long.MAX_VALUE);

        assertEquals(0, Stability.movedCount(stable, previous));
        assertEquals(INSTANCE.agentIndex("y"), stable.agentOf(1));
        assertEquals(replanned.makespan(), stable.makespan());
        assertEquals(List.of(), ScheduleCheck.violations(stable, 5));
    }

    @Test
    void aTaskStaysWhereItIsWhenTheMoveBackWouldLengthenThePlan() {
        var previous = Stability.previousAgents(INSTANCE, Map.of("A", "x", "B", "x"));
        var replanned = onAgents("x", "z");

        var stable = Stability.keepAgents(replanned, previous, Long.MAX_VALUE);

        assertEquals(INSTANCE.agentIndex("z"), stable.agentOf(1), "on x after A it would end at 4, not 2");
        assertEquals(2, stable.makespan());
    }

    @Test
    void thePreviousVersionsOrdersAreCarriedOver() {
        var previous = Stability.previousAgents(INSTANCE, Map.of("A", "y", "B", "y"));
        var carried = Stability.carriedOver(INSTANCE, previous, Map.of("A", BigDecimal.TWO, "B", BigDecimal.ZERO));

        assertNotNull(carried);
        assertEquals(INSTANCE.agentIndex("y"), carried.agentOf(0));
        assertEquals(0, carried.start(1), "B went first on y before, so it does again");
        assertEquals(2, carried.start(0));
    }
}
