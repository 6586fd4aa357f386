package dev.fanout.solver;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.test.ConstraintVerifier;

/**
 * Each constraint alone, on hand-built lanes and tasks whose times are set directly: one case it penalizes, by the
 * exact amount, and one it leaves alone. Then all of them together, to pin each rule's score level.
 */
class ScheduleConstraintsTest {

    private final ConstraintVerifier<ScheduleConstraints, ScheduleSolution> verifier = ConstraintVerifier.build(
            new ScheduleConstraints(), ScheduleSolution.class, ScheduledTask.class, AgentLane.class, Timetable.class);

    /** A task that lanes 0 and 1 may both do. */
    private static ScheduledTask task(String id, long duration, long weight) {
        return task(id, duration, weight, lanes(0, 1), lanes(0, 1));
    }

    private static ScheduledTask task(String id, long duration, long weight, BitSet skilled, BitSet pool) {
        return new ScheduledTask(id, 0, duration, weight, skilled, pool);
    }

    private static BitSet lanes(int... indices) {
        var set = new BitSet();
        for (int index : indices) {
            set.set(index);
        }
        return set;
    }

    /** Lane {@code index} doing {@code tasks} back to back from 0, with their lane, previous task and start set. */
    private static AgentLane lane(int index, ScheduledTask... tasks) {
        var lane = new AgentLane("lane" + index, index, List.of());
        lane.setTasks(new ArrayList<>(List.of(tasks)));
        long time = 0;
        ScheduledTask previous = null;
        for (var task : tasks) {
            task.setLane(lane);
            task.setPrevious(previous);
            task.setStart(time);
            time += task.getDuration();
            previous = task;
        }
        return lane;
    }

    /** Marks tasks as Timefold does when lane orders and dependencies wait for each other: inconsistent, no start. */
    private static void inALoop(ScheduledTask... tasks) {
        for (var task : tasks) {
            task.setStart(null);
            task.setInconsistent(true);
        }
    }

    /** Only lane {@code lane} holds the skills and levels it lists; the pool admits every lane. */
    private static ScheduledTask skilledOnlyOn(String id, int lane) {
        return task(id, 2, 1, lanes(lane), lanes(0, 1));
    }

    /** Only lane {@code lane} is in its pool; every lane holds the skills. */
    private static ScheduledTask poolHoldsOnly(String id, int lane) {
        return task(id, 2, 1, lanes(0, 1), lanes(lane));
    }

    /** Lane 0 does B, meant for lane 1; lane 1 does A, meant for it, then C, meant for lane 0: two misplaced. */
    private static Object[] twoOfThreeMisplaced(BiFunction<String, Integer, ScheduledTask> onlyFor) {
        var a = onlyFor.apply("A", 1);
        var b = onlyFor.apply("B", 1);
        var c = onlyFor.apply("C", 0);
        return new Object[] { lane(0, b), lane(1, a, c), a, b, c };
    }

    /** Each lane does a task meant for it; U, meant for a lane that does not exist, is on none. */
    private static Object[] wellPlacedOrUnassigned(BiFunction<String, Integer, ScheduledTask> onlyFor) {
        var a = onlyFor.apply("A", 0);
        var b = onlyFor.apply("B", 1);
        var unassigned = onlyFor.apply("U", 2);
        return new Object[] { lane(0, a), lane(1, b), a, b, unassigned };
    }

    /** An empty lane, and tasks on none: nothing is timed. */
    private static Object[] nothingTimed() {
        return new Object[] { lane(0), task("U", 9, 1), task("V", 4, 3) };
    }

    // Agent lacks a skill or level the task needs.

    @Test
    void tasksOnAnUnskilledLanePenalizedOnceEach() {
        verifier.verifyThat(ScheduleConstraints::agentLacksSkillOrLevel)
                .given(twoOfThreeMisplaced(ScheduleConstraintsTest::skilledOnlyOn))
                .penalizesBy(2);
    }

    @Test
    void tasksOnSkilledLanesOrUnassignedFree() {
        verifier.verifyThat(ScheduleConstraints::agentLacksSkillOrLevel)
                .given(wellPlacedOrUnassigned(ScheduleConstraintsTest::skilledOnlyOn))
                .penalizesBy(0);
    }

    // Agent is outside the task's pool.

    @Test
    void tasksOnALaneOutsideThePoolPenalizedOnceEach() {
        verifier.verifyThat(ScheduleConstraints::agentOutsidePool)
                .given(twoOfThreeMisplaced(ScheduleConstraintsTest::poolHoldsOnly))
                .penalizesBy(2);
    }

    @Test
    void tasksInTheirPoolOrUnassignedFree() {
        verifier.verifyThat(ScheduleConstraints::agentOutsidePool)
                .given(wellPlacedOrUnassigned(ScheduleConstraintsTest::poolHoldsOnly))
                .penalizesBy(0);
    }

    // Task placed before its own dependency.

    @Test
    void inconsistentTasksPenalizedOnceEach() {
        var a = task("A", 3, 1);
        var b = task("B", 2, 1);
        var c = task("C", 1, 1);
        var lane = lane(0, a, b, c);
        inALoop(b, c);
        verifier.verifyThat(ScheduleConstraints::inconsistentOrder)
                .given(lane, a, b, c)
                .penalizesBy(2);
    }

    @Test
    void consistentTasksFree() {
        var a = task("A", 3, 1);
        var b = task("B", 2, 1);
        verifier.verifyThat(ScheduleConstraints::inconsistentOrder)
                .given(lane(0, a, b), a, b)
                .penalizesBy(0);
    }

    // Makespan.

    @Test
    void makespanPenalizedByTheLatestEnd() {
        var a = task("A", 3, 1);
        var b = task("B", 2, 1);
        var c = task("C", 4, 1);
        var first = lane(0, a, b);   // A 0..3, B 3..5
        var second = lane(1, c);     // C 0..4
        verifier.verifyThat(ScheduleConstraints::makespan)
                .given(first, second, a, b, c)
                .penalizesBy(5);
    }

    @Test
    void makespanIgnoresTasksWithoutTimes() {
        var a = task("A", 3, 1);
        var unassigned = task("U", 9, 1);
        verifier.verifyThat(ScheduleConstraints::makespan)
                .given(lane(0, a), a, unassigned)
                .penalizesBy(3);
    }

    @Test
    void noMakespanWhileNoTaskHasATime() {
        verifier.verifyThat(ScheduleConstraints::makespan)
                .given(nothingTimed())
                .penalizesBy(0);
    }

    // Priority-weighted squared end times.

    @Test
    void endTimesPenalizedSquaredTimesWeight() {
        var low = task("A", 3, 1);
        var high = task("B", 2, 3);
        var lane = lane(0, low, high);  // A ends 3 (weight 1), B ends 5 (weight 3)
        verifier.verifyThat(ScheduleConstraints::priorityWeightedEndTimes)
                .given(lane, low, high)
                .penalizesBy(3 * 3 * 1 + 5 * 5 * 3);
    }

    @Test
    void endTimesDividedBeforeSquaring() {
        var low = task("A", 3, 1);
        var high = task("B", 2, 3);
        low.setEndDivisor(2);
        high.setEndDivisor(2);
        var lane = lane(0, low, high);  // ends 3 and 5, divided (rounding down) to 1 and 2
        verifier.verifyThat(ScheduleConstraints::priorityWeightedEndTimes)
                .given(lane, low, high)
                .penalizesBy(1 * 1 * 1 + 2 * 2 * 3);
    }

    @Test
    void tasksWithoutTimesAddNoEndTimePenalty() {
        verifier.verifyThat(ScheduleConstraints::priorityWeightedEndTimes)
                .given(nothingTimed())
                .penalizesBy(0);
    }

    // All together: each rule on its own score level, with weight one.

    @Test
    void everyRuleScoresOnItsOwnLevel() {
        var skilledOnly0 = task("A", 3, 1, lanes(0), lanes(0, 1));
        var poolOnly0 = task("B", 2, 2, lanes(0, 1), lanes(0));
        var looped = task("C", 4, 1);
        var second = lane(1, skilledOnly0, poolOnly0);  // A 0..3 (weight 1), B 3..5 (weight 2)
        var first = lane(0, looped);
        inALoop(looped);
        verifier.verifyThat()
                .given(first, second, skilledOnly0, poolOnly0, looped)
                .scores(HardMediumSoftScore.of(-3, -5, -(3 * 3 * 1 + 5 * 5 * 2)));
    }
}
