package dev.fanout.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.fanout.RandomPlans;
import dev.fanout.TestPlans;
import dev.fanout.plan.PlanValidator;

/**
 * Energetic reasoning: where it proves more than the other bounds, and that what it proves holds.
 */
class EnergeticReasoningTest {

    /**
     * Only x has skill x, and x has four tasks: A (1 day, then R, 5 days), C and D (each 3 days, after their own 2-day
     * P and before their own 2-day Q), B (1 day, after S, 5 days). Cut by earliest start alone (C, D, B from day 2:
     * 2 + 7) or by what must follow alone (A, C, D: 7 + 2), x's work gives 9 days; but C and D both start no earlier
     * than 2 and need 2 days after them, so by 9 they would have to fit 6 days into [2, 7].
     */
    private static final String PLAN = """
            {'name': 'energetic', 'timeUnit': 'days',
             'agents': [{'id': 'x', 'skills': ['x']}, {'id': 'y1'}, {'id': 'y2'}, {'id': 'y3'}, {'id': 'y4'}],
             'tasks': [{'id': 'P1', 'duration': 2},
                       {'id': 'P2', 'duration': 2},
                       {'id': 'S', 'duration': 5},
                       {'id': 'A', 'duration': 1, 'skills': ['x']},
                       {'id': 'B', 'duration': 1, 'skills': ['x'], 'dependsOn': ['S']},
                       {'id': 'C', 'duration': 3, 'skills': ['x'], 'dependsOn': ['P1']},
                       {'id': 'D', 'duration': 3, 'skills': ['x'], 'dependsOn': ['P2']},
                       {'id': 'R', 'duration': 5, 'dependsOn': ['A']},
                       {'id': 'Q1', 'duration': 2, 'dependsOn': ['C']},
                       {'id': 'Q2', 'duration': 2, 'dependsOn': ['D']}]}
            """;

    @Test
    void provesTheOptimumWhereEveryOtherBoundFallsShort() {
        var analysis = PlanAnalysis.of(TestPlans.plan(PLAN));
        var instance = analysis.instance();
        long day = instance.scale().ticksPerUnit();
        var before = LowerBounds.of(instance, analysis.paths(), analysis.criticalPath(), false);
        assertEquals(9 * day, before.best(),
                "without energetic reasoning: x's work from day 2, or until 2 days before the end");

        var bounds = analysis.lowerBounds();
        assertEquals(10 * day, bounds.best());
        assertEquals(10 * day, bounds.skillSet(), "folded into the skill-set figure");
        assertEquals(List.of("x"), instance.agentIds(bounds.skillSetAgents()));
        var others = new long[] { bounds.criticalPath(), bounds.work(), bounds.agentChain(), bounds.sharedLimit() };
        for (long other : others) {
            assertTrue(other < 10 * day);
        }

        // x: A, C, D, B; Q2 after D ends at 8: 10 days, so 10 is the optimum.
        var schedule = Schedule.fromSequences(instance, List.of(
                List.of(task(instance, "A"), task(instance, "C"), task(instance, "D"), task(instance, "B")),
                List.of(task(instance, "P1"), task(instance, "Q1")), List.of(task(instance, "S")),
                List.of(task(instance, "P2"), task(instance, "R")), List.of(task(instance, "Q2"))));
        assertEquals(List.of(), ScheduleCheck.violations(schedule, 5));
        assertEquals(10 * day, schedule.makespan());
        assertTrue(analysis.isProvenOptimal(schedule));
    }

    private static int task(Instance instance, String id) {
        return instance.taskIndex(id);
    }

    /** Two tasks on one agent, each inside [0, 4] for a makespan of 4 with nothing after: 3 + 3 do not fit in 4. */
    @Test
    void refutesAMakespanOnlyWhenSomeIntervalIsOverloaded() {
        var demand = new Demand(new long[] { 0, 0 }, new long[] { 3, 3 }, null, new long[] { 0, 0 }, 1, 0);
        assertTrue(EnergeticReasoning.overloaded(demand, 5));
        assertFalse(EnergeticReasoning.overloaded(demand, 6));
        var refutation = EnergeticReasoning.refute(List.of(demand), 3, 1_000_000);
        assertEquals(6, refutation.bound());
        assertEquals(null, EnergeticReasoning.refute(List.of(demand), 6, 1_000_000));
        // Two units of a capacity of 2 each: the same two tasks on two agents, nothing to refute.
        var wide = new Demand(new long[] { 0, 0 }, new long[] { 3, 3 }, new long[] { 1, 1 }, new long[] { 0, 0 }, 2, 0);
        assertFalse(EnergeticReasoning.overloaded(wide, 3));
        var heavy = new Demand(new long[] { 0, 0 }, new long[] { 3, 3 }, new long[] { 2, 1 }, new long[] { 0, 0 }, 2,
                0);
        assertTrue(EnergeticReasoning.overloaded(heavy, 5), "2 × 3 + 3 does not fit in 2 × 4");
    }

    /** Without a budget nothing is tried, and nothing is refuted. */
    @Test
    void anExhaustedBudgetOnlyWeakensTheBound() {
        var demand = new Demand(new long[] { 0, 0 }, new long[] { 3, 3 }, null, new long[] { 0, 0 }, 1, 0);
        assertEquals(null, EnergeticReasoning.refute(List.of(demand), 3, 0));
    }

    /**
     * On random plans small enough to solve by enumeration (day 0; with areas, resources, caps, windows and speeds;
     * later, with done, started and pinned work): wherever energetic reasoning raises the bound, the raised bound is at
     * most the true optimum. Where it does not, the bound is the one the other property tests check.
     */
    @Test
    void aRaisedBoundNeverExceedsTheOptimum() {
        int raised = 0;
        for (long seed = 1; seed <= 400; seed++) {
            int agents = 2 + (int) (seed % 2);
            int tasks = agents == 2 ? 7 : 6;
            for (int kind = 0; kind < 3; kind++) {
                var document = kind == 1 ? RandomPlans.constrainedDocument(seed, tasks, agents)
                        : RandomPlans.document(seed, tasks, agents);
                var plan = new PlanValidator().validate(kind == 2 ? RandomPlans.progressed(document, seed) : document);
                var instance = Instance.of(plan);
                var paths = Paths.of(instance);
                var criticalPath = CriticalPath.of(instance, paths);
                long before = LowerBounds.of(instance, paths, criticalPath, false).best();
                long after = LowerBounds.of(instance, paths, criticalPath, true).best();
                assertTrue(after >= before);
                if (after > before) {
                    raised++;
                    long optimum = BruteForce.optimalMakespan(instance);
                    long s = seed;
                    int k = kind;
                    assertTrue(after <= optimum,
                            () -> "seed " + s + " kind " + k + ": " + after + " > optimum " + optimum);
                }
            }
        }
        assertTrue(raised >= 30, "the plans exercise it: raised on " + raised);
    }
}
