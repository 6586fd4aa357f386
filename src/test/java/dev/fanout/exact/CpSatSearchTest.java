package dev.fanout.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.fanout.RandomPlans;
import dev.fanout.TestPlans;
import dev.fanout.analysis.BruteForce;
import dev.fanout.analysis.Instance;
import dev.fanout.analysis.PlanAnalysis;
import dev.fanout.analysis.ScheduleCheck;
import dev.fanout.plan.PlanValidator;

/**
 * CP-SAT's model is the plan's problem exactly, in both directions: on random plans small enough to solve by
 * enumeration (with areas, resources, caps, windows and speeds on even seeds; started and pinned work on some), a
 * target at the true optimum is reached with a valid schedule, and a target one tick below it is refuted. The time
 * limit is a generous ceiling (these plans take milliseconds), never asserted.
 */
class CpSatSearchTest {

    private static final Duration CEILING = Duration.ofSeconds(60);

    private static Instance plan(long seed) {
        var document = seed % 2 == 0 ? RandomPlans.constrainedDocument(seed, 6, 3) : RandomPlans.document(seed, 6, 3);
        var progressed = seed % 3 == 0 ? RandomPlans.progressed(document, seed) : document;
        return PlanAnalysis.of(new PlanValidator().validate(progressed)).instance();
    }

    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 })
    void reachesTheOptimumAndRefutesOneTickLess(long seed) {
        assertTrue(CpSatSearch.isAvailable(), "OR-Tools ships its native library for this platform");
        var instance = plan(seed);
        long optimum = BruteForce.optimalMakespan(instance);

        var reached = CpSatSearch.reach(instance, optimum, CEILING, 2, () -> false, found -> { });
        assertNotNull(reached.schedule(), () -> "a schedule ending by the optimum " + optimum + ": " + reached.status());
        assertEquals(List.of(), ScheduleCheck.violations(reached.schedule(), 5));
        assertEquals(optimum, reached.schedule().makespan(), "none shorter than the optimum");

        var below = CpSatSearch.reach(instance, optimum - 1, CEILING, 2, () -> false, found -> { });
        assertNull(below.schedule());
        assertTrue(below.refuted(), () -> "nothing ends by " + (optimum - 1) + ": " + below.status());
    }

    /**
     * The target model's sums for CP-SAT's relaxation (each agent's work inside its window and before the end, each shared
     * limit's work before the end at its capacity) must not cut off a schedule that uses a window or a limit to its last
     * tick. Only "late" can do L (4 hours) and it is there from 2 to 6 only; P1 and P2 (4 hours each) share an area, so
     * one after the other they fill it from 0 to 8, the optimum: the window and the area are both full in it.
     */
    @Test
    void aTargetThatFillsAWindowAndAnAreaToTheLastTickIsMet() {
        var instance = PlanAnalysis.of(TestPlans.plan("""
                {'name': 'full', 'timeUnit': 'hours',
                 'agents': [{'id': 'late', 'skills': ['x'], 'availableFrom': 2, 'availableUntil': 6}, {'id': 'main'},
                            {'id': 'spare'}],
                 'tasks': [{'id': 'L', 'duration': 4, 'skills': ['x']},
                           {'id': 'P1', 'duration': 4, 'areas': ['src/']}, {'id': 'P2', 'duration': 4, 'areas': ['src/']}]}
                """)).instance();
        long optimum = 8 * instance.scale().ticksPerUnit();
        assertEquals(optimum, BruteForce.optimalMakespan(instance));

        var reached = CpSatSearch.reach(instance, optimum, CEILING, 2, () -> false, found -> { });
        assertNotNull(reached.schedule(), () -> "a schedule ending at 8 hours: " + reached.status());
        assertEquals(List.of(), ScheduleCheck.violations(reached.schedule(), 5));
        assertEquals("late", instance.agentId(reached.schedule().agentOf(instance.taskIndex("L"))));
        assertTrue(CpSatSearch.reach(instance, optimum - 1, CEILING, 2, () -> false, found -> { }).refuted());
    }
}
