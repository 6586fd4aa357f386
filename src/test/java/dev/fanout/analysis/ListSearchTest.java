package dev.fanout.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.fanout.RandomPlans;
import dev.fanout.TestPlans;

/**
 * The pieces of the heuristic search's list moves: shaken and crossed lists stay lists, and a slow agent's extra time
 * counts.
 */
class ListSearchTest {

    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 3, 4, 5 })
    void aShakenListHoldsEveryTaskOnceAfterItsDependencies(long seed) {
        var analysis = PlanAnalysis.of(RandomPlans.generateConstrained(seed, 40, 5));
        var instance = analysis.instance();
        var lists = new ActivityList(instance, analysis.paths(), new Random(seed), analysis.lowerBound());
        var list = lists.drawn(seed % 2 == 0);
        for (int round = 0; round < 200; round++) {
            var shaken = lists.shaken(list, round % 2 == 0 ? new int[0] : new int[] { round % instance.taskCount() }, 1 + round % 8);
            assertListed(instance, shaken);
            list = shaken;
        }
    }

    /**
     * Crossed lists stay lists whatever the cut points, and keep their parents' common order: with a list crossed with
     * itself, the list comes back.
     */
    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 3, 4, 5 })
    void aCrossedListHoldsEveryTaskOnceAfterItsDependencies(long seed) {
        var analysis = PlanAnalysis.of(RandomPlans.generateConstrained(seed, 40, 5));
        var instance = analysis.instance();
        var lists = new ActivityList(instance, analysis.paths(), new Random(seed), analysis.lowerBound());
        var mother = lists.drawn(false);
        var father = lists.drawn(true);
        boolean mixed = false;
        for (int round = 0; round < 200; round++) {
            var child = lists.crossed(mother, father);
            assertListed(instance, child);
            mixed |= !Arrays.equals(child, mother) && !Arrays.equals(child, father);
            var grandchild = lists.crossed(child, round % 2 == 0 ? mother : father);
            assertListed(instance, grandchild);
            assertArrayEquals(child, lists.crossed(child, child));
        }
        assertTrue(mixed, "some children are neither parent");
    }

    /**
     * The justification's orders: by start, ties in topological order; by end from the latest, ties in reverse
     * topological order. The same whether the times fit the packed sort (a plan's ticks) or not (times past 2^56).
     */
    @ParameterizedTest
    @ValueSource(longs = { 0, 1L << 56 })
    void tasksByStartAndByEndFollowTheTimesThenTheTopologicalOrder(long shift) {
        var analysis = PlanAnalysis.of(RandomPlans.generateConstrained(3, 60, 6));
        var instance = analysis.instance();
        var lists = new ActivityList(instance, analysis.paths(), new Random(3), analysis.lowerBound());
        var random = new Random(3);
        var agentOf = new int[instance.taskCount()];
        var start = new long[instance.taskCount()];
        for (int task = 0; task < instance.taskCount(); task++) {
            agentOf[task] = instance.eligibleAgents(task).nextSetBit(0);
            start[task] = shift + random.nextInt(20); // many ties
        }
        var schedule = new Schedule(instance, agentOf, start);
        var byStart = lists.byStart(schedule);
        var byEnd = lists.byEndDescending(schedule);
        assertEquals(instance.taskCount(), Arrays.stream(byStart).distinct().count(), "each task once");
        assertEquals(instance.taskCount(), Arrays.stream(byEnd).distinct().count(), "each task once");
        for (int i = 1; i < byStart.length; i++) {
            int before = byStart[i - 1];
            int after = byStart[i];
            assertTrue(schedule.start(before) < schedule.start(after) || schedule.start(before) == schedule.start(after)
                    && instance.topologicalRank(before) < instance.topologicalRank(after), "by start at " + i);
            before = byEnd[i - 1];
            after = byEnd[i];
            assertTrue(schedule.end(before) > schedule.end(after) || schedule.end(before) == schedule.end(after)
                    && instance.topologicalRank(before) > instance.topologicalRank(after), "by end at " + i);
        }
    }

    private static void assertListed(Instance instance, int[] list) {
        var position = new int[instance.taskCount()];
        Arrays.fill(position, -1);
        for (int i = 0; i < list.length; i++) {
            assertEquals(-1, position[list[i]], "each task once");
            position[list[i]] = i;
        }
        for (int task = 0; task < instance.taskCount(); task++) {
            for (int p : instance.predecessors(task)) {
                assertTrue(position[p] < position[task], "a dependency comes first");
            }
        }
    }

    /**
     * "fast" works at speed 2 but is busy with A until 3; B takes 4 days on "slow" (free from 0, ends at 4) or 2 on
     * "fast" (ends at 5). Ending earliest picks "slow"; with each extra day weighed as one day later, "fast" (5 against
     * 4 + 2) is better.
     */
    @Test
    void slownessWeighsTheTimeASlowerAgentHoldsBeyondTheFastest() {
        var instance = PlanAnalysis.of(TestPlans.plan("""
                {'name': 'speeds', 'timeUnit': 'days',
                 'agents': [{'id': 'fast', 'speed': 2, 'skills': ['go']}, {'id': 'slow', 'skills': ['go']}],
                 'tasks': [{'id': 'A', 'duration': 6, 'skills': ['go']}, {'id': 'B', 'duration': 4, 'skills': ['go']}]}
                """)).instance();
        int a = instance.taskIndex("A");
        int b = instance.taskIndex("B");
        int fast = instance.agentIndex("fast");
        int slow = instance.agentIndex("slow");
        int[] order = { a, b };

        var earliest = new InsertionScheduler(instance, false, 0).schedule(order);
        var weighed = new InsertionScheduler(instance, false, 1).schedule(order);

        assertEquals(List.of(fast, slow), List.of(earliest.agentOf(a), earliest.agentOf(b)));
        assertEquals(List.of(fast, fast), List.of(weighed.agentOf(a), weighed.agentOf(b)));
        assertEquals(5 * instance.scale().ticksPerUnit(), weighed.end(b));
        assertEquals(List.of(), ScheduleCheck.violations(weighed, 5));
    }

    /**
     * P1–P3 and W take 2 days each; only "early" can do W, and it leaves at 2, so the others fall to "main" and the plan
     * needs 6 days (the bound, with the windows in its work bound). By the critical-path rule all four are alike (2
     * days, nothing after them); by urgency W must start at once (the bound less its latest start, 0), and goes first.
     */
    @Test
    void aTaskWhoseAgentsLeaveEarlyIsMoreUrgent() {
        var analysis = PlanAnalysis.of(TestPlans.plan("""
                {'name': 'windows', 'timeUnit': 'days',
                 'agents': [{'id': 'early', 'skills': ['x'], 'availableUntil': 2}, {'id': 'main'}],
                 'tasks': [{'id': 'P1', 'duration': 2}, {'id': 'P2', 'duration': 2}, {'id': 'P3', 'duration': 2},
                           {'id': 'W', 'duration': 2, 'skills': ['x']}]}
                """));
        var instance = analysis.instance();
        var lists = new ActivityList(instance, analysis.paths(), new Random(1), analysis.lowerBound());

        assertEquals("W", instance.taskId(lists.urgentFirst()[0]));
        int[] listedOrder = { instance.taskIndex("P1"), instance.taskIndex("P2"), instance.taskIndex("P3"),
                instance.taskIndex("W") };
        assertTrue(new InsertionScheduler(instance, false).schedule(listedOrder).windowOverrun() > 0,
                "W last: 'early' is taken while it is there, and W ends after it leaves");
        var schedule = new InsertionScheduler(instance, false).schedule(lists.urgentFirst());
        assertEquals(List.of(), ScheduleCheck.violations(schedule, 5));
        assertEquals(6 * instance.scale().ticksPerUnit(), analysis.lowerBound());
        assertEquals(analysis.lowerBound(), schedule.makespan());
    }

    /**
     * A (2 days) and B (2 days) change overlapping areas, C (1 day) none; one runs A then C, two runs B, which waits
     * for the folder A holds and ends the plan at 4. The mutations' focus is that critical chain, A then B (not C);
     * without the areas the plan has no shared limits and no focus; with two's window closing at 3, B is late and the
     * focus is B alone.
     */
    @Test
    void theMutationsFocusOnTheCriticalChainUnderSharedLimitsAndOnLateTasksOutsideWindows() {
        String plan = """
                {'name': 'focus', 'timeUnit': 'days', 'agents': [{'id': 'one'}, {'id': 'two'%s}],
                 'tasks': [{'id': 'A', 'duration': 2%s}, {'id': 'B', 'duration': 2%s}, {'id': 'C', 'duration': 1}]}
                """;
        String folder = ", 'areas': ['src/']";
        String file = ", 'areas': ['src/app.py']";
        var areas = focusOf(plan.formatted("", folder, file));
        var none = focusOf(plan.formatted("", "", ""));
        var window = focusOf(plan.formatted(", 'availableUntil': 3", folder, file));

        assertEquals(List.of("A", "B"), areas);
        assertEquals(List.of(), none);
        assertEquals(List.of("B"), window);
    }

    /** The focus of the schedule one: A, C · two: B, as task ids; B starts when A ends, as the areas would need. */
    private static List<String> focusOf(String json) {
        var analysis = PlanAnalysis.of(TestPlans.plan(json));
        var instance = analysis.instance();
        int a = instance.taskIndex("A");
        var agentOf = new int[3];
        var start = new long[3];
        agentOf[a] = instance.agentIndex("one");
        agentOf[instance.taskIndex("B")] = instance.agentIndex("two");
        agentOf[instance.taskIndex("C")] = instance.agentIndex("one");
        start[instance.taskIndex("B")] = instance.duration(a);
        start[instance.taskIndex("C")] = instance.duration(a);
        var schedule = new Schedule(instance, agentOf, start);
        assertEquals(4 * instance.scale().ticksPerUnit(), schedule.makespan());
        var search = new ScheduleSearch(instance, analysis.paths(), 1, analysis.lowerBound());
        return Arrays.stream(search.focus(schedule)).mapToObj(instance::taskId).toList();
    }

    /**
     * The local search moves tasks in the list a schedule was built from: generated again, that list gives the same
     * schedule (left-shifted), which the schedule's own tasks by start need not.
     */
    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 3, 4, 5 })
    void aBuiltScheduleComesBackFromItsList(long seed) {
        var analysis = PlanAnalysis.of(RandomPlans.generateConstrained(seed, 40, 5));
        var instance = analysis.instance();
        var search = new ScheduleSearch(instance, analysis.paths(), seed, analysis.lowerBound());
        var lists = new ActivityList(instance, analysis.paths(), new Random(seed), analysis.lowerBound());
        for (int round = 0; round < 20; round++) {
            var built = search.generate(lists.drawn(round % 2 == 0), Long.MAX_VALUE, () -> false);
            var again = search.generated(built.list(), Long.MAX_VALUE, () -> false).leftShifted();
            for (int task = 0; task < instance.taskCount(); task++) {
                assertEquals(built.schedule().agentOf(task), again.agentOf(task));
                assertEquals(built.schedule().start(task), again.start(task));
            }
        }
    }
}
