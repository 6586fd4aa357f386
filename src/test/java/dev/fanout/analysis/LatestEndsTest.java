package dev.fanout.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.fanout.RandomPlans;
import dev.fanout.TestPlans;
import dev.fanout.plan.PlanValidator;

/**
 * Latest ends with a schedule's orders kept, against their definition worked out the slow way: a task follows another
 * when it depends on it, or when both are on one agent or hold one limit of one unit and it starts once the other has
 * ended; the latest end is the target less the longest chain of work through such followers. Random plans with and
 * without areas, resources, caps, windows and speeds, started work on some, and the seed plan of {@link TestPlans}.
 */
class LatestEndsTest {

    private static List<Schedule> schedules(long seed) {
        var document = seed % 2 == 0 ? RandomPlans.constrainedDocument(seed, 12, 3) : RandomPlans.document(seed, 12, 3);
        var progressed = seed % 3 == 0 ? RandomPlans.progressed(document, seed) : document;
        var analysis = PlanAnalysis.of(new PlanValidator().validate(progressed));
        var searched = ScheduleSearch.improve(analysis.instance(), analysis.paths(), analysis.startingSchedule(),
                analysis.lowerBound(), System.nanoTime() + 200_000_000L, () -> false, seed, schedule -> {
                });
        return List.of(analysis.startingSchedule(), analysis.tierSchedule().schedule(), searched);
    }

    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 })
    void theTargetLessTheLongestChainOfWorkAfterTheTask(long seed) {
        for (var schedule : schedules(seed)) {
            assertEquals(List.of(), ScheduleCheck.violations(schedule, 5), "a valid schedule to start from");
            long target = schedule.makespan() - 1;
            assertArrayEquals(bySlowWay(schedule, target), LatestEnds.of(schedule, target), "seed " + seed);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8 })
    void withItsOwnMakespanNoTaskEndsLateAndTheLastOnesEndExactlyInTime(long seed) {
        for (var schedule : schedules(seed)) {
            var latest = LatestEnds.of(schedule, schedule.makespan());
            assertEquals(0, LatestEnds.lateness(schedule, latest));
            for (int task = 0; task < latest.length; task++) {
                if (schedule.end(task) == schedule.makespan()) {
                    assertEquals(schedule.makespan(), latest[task], "a task that ends last has nothing after it");
                }
            }
            var earlier = LatestEnds.of(schedule, schedule.makespan() - 1);
            assertTrue(LatestEnds.lateness(schedule, earlier) > 0, "a tick earlier, the last tasks end late");
        }
    }

    @Test
    void aChainOnOneAgentAndADependency() {
        // TestPlans.SMALL, by hand: core-1 does A (0–2) then C (2–5), C depends on A; ux does D then E.
        var instance = PlanAnalysis.of(TestPlans.plan(TestPlans.SMALL)).instance();
        var schedule = Schedule.fromSequences(instance,
                List.of(List.of(instance.taskIndex("D"), instance.taskIndex("E")),
                        List.of(instance.taskIndex("A"), instance.taskIndex("C")), List.of(instance.taskIndex("F")),
                        List.of(instance.taskIndex("B"))));
        var latest = LatestEnds.of(schedule, 100);
        int c = instance.taskIndex("C");
        int a = instance.taskIndex("A");
        assertTrue(latest[a] <= latest[c] - schedule.duration(c), "A ends by the time C must start");
        int e = instance.taskIndex("E");
        assertEquals(100, latest[e], "E, last on ux and of the plan, may end at the target");
        assertEquals(100 - schedule.duration(e), latest[instance.taskIndex("M")], "the milestone ends by E's start");
        assertArrayEquals(bySlowWay(schedule, 100), latest);
    }

    /** The definition, with every follower (not only the next one in each order) and a recursion over them. */
    private static long[] bySlowWay(Schedule schedule, long target) {
        var instance = schedule.instance();
        int n = instance.taskCount();
        var tail = new long[n];
        Arrays.fill(tail, -1);
        var latest = new long[n];
        for (int task = 0; task < n; task++) {
            latest[task] = target - tail(schedule, task, tail);
        }
        return latest;
    }

    private static long tail(Schedule schedule, int task, long[] tail) {
        if (tail[task] >= 0) {
            return tail[task];
        }
        long after = 0;
        for (int other = 0; other < tail.length; other++) {
            if (other != task && follows(schedule, other, task)) {
                after = Math.max(after, schedule.duration(other) + tail(schedule, other, tail));
            }
        }
        tail[task] = after;
        return after;
    }

    private static boolean follows(Schedule schedule, int later, int earlier) {
        var instance = schedule.instance();
        if (Arrays.stream(instance.predecessors(later)).anyMatch(p -> p == earlier)) {
            return true;
        }
        if (schedule.start(later) < schedule.end(earlier) || schedule.duration(later) == 0
                || schedule.duration(earlier) == 0) {
            return false;
        }
        if (schedule.agentOf(later) != Schedule.NO_AGENT && schedule.agentOf(later) == schedule.agentOf(earlier)) {
            return true;
        }
        var limits = instance.limits();
        for (int limit = 0; limit < limits.limits().size(); limit++) {
            if (limits.limit(limit).capacity() == 1 && limits.membersOf(limit).length == 0
                    && Arrays.stream(limits.holdersOf(limit)).anyMatch(t -> t == later)
                    && Arrays.stream(limits.holdersOf(limit)).anyMatch(t -> t == earlier)) {
                return true;
            }
        }
        return false;
    }
}
