package dev.fanout.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.fanout.RandomPlans;
import dev.fanout.TestPlans;
import dev.fanout.analysis.BruteForce;
import dev.fanout.analysis.Instance;
import dev.fanout.analysis.LatestEnds;
import dev.fanout.analysis.PlanAnalysis;
import dev.fanout.analysis.Schedule;
import dev.fanout.analysis.ScheduleCheck;
import dev.fanout.plan.PlanValidator;

/**
 * CP-SAT over a neighbourhood of a schedule: the held tasks stay on their agents in their order, the result is valid
 * and never ends later (and, with the lateness second, no further past the latest ends unless shorter); with every task
 * free it is the whole problem and reaches the optimum (by enumeration), the lateness or not; some windows that cannot
 * shorten their schedule move it nearer to a shorter one; the window search returns only valid schedules, never worse,
 * and the bottleneck it frees is the one-unit limit with the most work. Random plans with areas, resources, caps,
 * windows and speeds on even seeds, started work on some. The time limits are generous ceilings (these neighbourhoods
 * take milliseconds), never asserted.
 */
class WindowSearchTest {

    private static final Duration CEILING = Duration.ofSeconds(60);

    private static PlanAnalysis plan(long seed, int tasks) {
        var document = seed % 2 == 0 ? RandomPlans.constrainedDocument(seed, tasks, 3)
                : RandomPlans.document(seed, tasks, 3);
        var progressed = seed % 3 == 0 ? RandomPlans.progressed(document, seed) : document;
        return PlanAnalysis.of(new PlanValidator().validate(progressed));
    }

    /** Each agent's held tasks, in the order the schedule has them. */
    private static List<List<Integer>> heldOrder(Schedule schedule, Neighbourhood neighbourhood) {
        var orders = new ArrayList<List<Integer>>();
        for (var sequence : schedule.sequences()) {
            orders.add(sequence.stream().filter(task -> !neighbourhood.isFree(task)).toList());
        }
        return orders;
    }

    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 })
    void aNeighbourhoodKeepsItsHeldTasksInPlaceAndNeverEndsLater(long seed) {
        var analysis = plan(seed, 12);
        var instance = analysis.instance();
        var around = analysis.startingSchedule();
        var latestEnds = Arrays.asList(null, LatestEnds.of(around, around.makespan() - 1));
        for (int first : new int[] { 0, 4, 8 }) {
            for (var latestEnd : latestEnds) {
                var neighbourhood = Neighbourhood.window(around, first, 4, WindowSearch.bottleneck(instance));
                var outcome = CpSatSearch.improve(instance, neighbourhood, latestEnd, CEILING, 2, () -> false);
                var found = outcome.schedule();
                assertNotNull(found, () -> "the schedule around is a solution: " + outcome.status());
                assertEquals(List.of(), ScheduleCheck.violations(found, 5), "seed " + seed + ", window from " + first);
                assertTrue(found.makespan() <= around.makespan(), "never later than the schedule around it");
                if (latestEnd != null) {
                    assertTrue(found.makespan() < around.makespan()
                            || LatestEnds.lateness(found, latestEnd) <= LatestEnds.lateness(around, latestEnd),
                            "shorter, or as short and never further past the latest ends");
                }
                for (int task = 0; task < instance.taskCount(); task++) {
                    if (!neighbourhood.isFree(task)) {
                        assertEquals(around.agentOf(task), found.agentOf(task), "a held task keeps its agent");
                    }
                }
                assertEquals(heldOrder(around, neighbourhood), heldOrder(found, neighbourhood),
                        "held tasks keep their order");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 })
    void withEveryTaskFreeItIsTheWholeProblem(long seed) {
        var analysis = plan(seed, 6);
        var instance = analysis.instance();
        var neighbourhood = Neighbourhood.window(analysis.startingSchedule(), 0, instance.taskCount(), new BitSet());
        var outcome = CpSatSearch.improve(instance, neighbourhood, null, CEILING, 2, () -> false);
        assertTrue(outcome.provenOptimal(), outcome.status());
        assertEquals(BruteForce.optimalMakespan(instance), outcome.schedule().makespan(), "seed " + seed);
    }

    /**
     * What the lateness is for: among the windows above that cannot shorten their schedule, some take tasks off the
     * chains that end last, which a window minimizing the makespan alone need not do.
     */
    @Test
    void windowsThatCannotShortenTheScheduleStillEndNearerToAShorterOne() {
        int nearer = 0;
        for (long seed = 1; seed <= 12; seed++) {
            var analysis = plan(seed, 12);
            var around = analysis.startingSchedule();
            var latestEnd = LatestEnds.of(around, around.makespan() - 1);
            var bottleneck = WindowSearch.bottleneck(analysis.instance());
            for (int first : new int[] { 0, 4, 8 }) {
                var neighbourhood = Neighbourhood.window(around, first, 4, bottleneck);
                var found = CpSatSearch.improve(analysis.instance(), neighbourhood, latestEnd, CEILING, 2, () -> false)
                        .schedule();
                if (found.makespan() == around.makespan()
                        && LatestEnds.lateness(found, latestEnd) < LatestEnds.lateness(around, latestEnd)) {
                    nearer++;
                }
            }
        }
        assertTrue(nearer > 0, "no window moved its schedule nearer to a shorter one");
    }

    /** The makespan comes first: with every task free, the optimum, whatever the latest ends ask. */
    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 3, 4, 5, 6 })
    void withEveryTaskFreeTheMakespanComesBeforeTheLateness(long seed) {
        var analysis = plan(seed, 6);
        var instance = analysis.instance();
        var around = analysis.startingSchedule();
        var neighbourhood = Neighbourhood.window(around, 0, instance.taskCount(), new BitSet());
        var outcome = CpSatSearch.improve(instance, neighbourhood, LatestEnds.of(around, around.makespan() - 1),
                CEILING, 2, () -> false);
        assertTrue(outcome.provenOptimal(), outcome.status());
        assertEquals(BruteForce.optimalMakespan(instance), outcome.schedule().makespan(), "seed " + seed);
    }

    @ParameterizedTest
    @ValueSource(longs = { 2, 4, 6, 8, 10, 12 })
    void theSearchReturnsOnlyValidSchedulesNeverWorse(long seed) {
        var analysis = plan(seed, 40);
        var start = analysis.startingSchedule();
        var reported = new ArrayList<Schedule>();
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        var best = WindowSearch.improve(analysis.instance(), start, deadline, seed, 1, () -> false, reported::add);
        assertFalse(start.isBetterThan(best), "never worse than its start");
        assertEquals(List.of(), ScheduleCheck.violations(best, 5));
        for (var schedule : reported) {
            assertTrue(schedule.isBetterThan(start), "only improvements are reported");
            assertEquals(List.of(), ScheduleCheck.violations(schedule, 5));
        }
        if (!reported.isEmpty()) {
            assertEquals(best, reported.get(reported.size() - 1), "the last improvement reported is the one returned");
        }
    }

    /** The area's 7 days beat the one-unit resource's 6; the plan's cap of 1 binds every task and is not a bottleneck. */
    @Test
    void theBottleneckIsTheOneUnitLimitWithTheMostWork() {
        var instance = Instance.of(TestPlans.plan("""
                {'name': 'bottleneck', 'maxConcurrent': 1,
                 'agents': [{'id': 'a', 'skills': ['x']}, {'id': 'b', 'skills': ['x']}],
                 'resources': [{'id': 'db'}, {'id': 'pool', 'capacity': 2}],
                 'tasks': [{'id': 'A1', 'duration': 3, 'skills': ['x'], 'areas': ['src/core/']},
                           {'id': 'A2', 'duration': 4, 'skills': ['x'], 'areas': ['src/core/Engine.java']},
                           {'id': 'R1', 'duration': 2, 'skills': ['x'], 'uses': ['db']},
                           {'id': 'R2', 'duration': 2, 'skills': ['x'], 'uses': ['db']},
                           {'id': 'R3', 'duration': 2, 'skills': ['x'], 'uses': ['db', 'pool']},
                           {'id': 'P1', 'duration': 9, 'skills': ['x'], 'uses': ['pool']}]}"""));
        Set<String> holders = new TreeSet<>();
        WindowSearch.bottleneck(instance).stream().forEach(task -> holders.add(instance.taskId(task)));
        assertEquals(Set.of("A1", "A2"), holders);
    }
}
