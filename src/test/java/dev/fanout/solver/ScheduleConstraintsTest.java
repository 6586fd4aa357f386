package dev.fanout.solver;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.timefold.solver.core.api.score.stream.test.ConstraintVerifier;

/** Each constraint alone, on hand-built tasks whose times are set directly. */
class ScheduleConstraintsTest {

    private final ConstraintVerifier<ScheduleConstraints, ScheduleSolution> verifier = ConstraintVerifier.build(
            new ScheduleConstraints(), ScheduleSolution.class, ScheduledTask.class, AgentLane.class);

    /** AgentLane 0 holds the skills, lane 1 does not; both are in the pool unless {@code poolOnlyLane0}. */
    private static ScheduledTask task(String id, long duration, long weight, boolean poolOnlyLane0) {
        var skilled = new BitSet();
        skilled.set(0);
        var pool = new BitSet();
        pool.set(0);
        if (!poolOnlyLane0) {
            pool.set(1);
        }
        return new ScheduledTask(id, 0, duration, weight, skilled, pool);
    }

    private static AgentLane lane(int index, ScheduledTask... tasks) {
        var lane = new AgentLane("w" + index, index, List.of());
        lane.setTasks(new ArrayList<>(List.of(tasks)));
        Long time = 0L;
        ScheduledTask previous = null;
        for (var task : tasks) {
            task.setLane(lane);
            task.setPrevious(previous);
            task.setStart(time);
            time = time + task.getDuration();
            previous = task;
        }
        return lane;
    }

    @Test
    void agentLacksSkillOrLevel() {
        var skilled = task("A", 3, 1, false);
        var unskilled = task("B", 2, 1, false);
        var skilledLane = lane(0, skilled);
        var unskilledLane = lane(1, unskilled);
        verifier.verifyThat(ScheduleConstraints::agentLacksSkillOrLevel)
                .given(skilledLane, unskilledLane, skilled, unskilled)
                .penalizesBy(1);
    }

    @Test
    void agentOutsidePool() {
        var inPool = task("A", 3, 1, true);
        var outside = task("B", 2, 1, true);
        var first = lane(0, inPool);
        var second = lane(1, outside);
        verifier.verifyThat(ScheduleConstraints::agentOutsidePool)
                .given(first, second, inPool, outside)
                .penalizesBy(1);
    }

    @Test
    void inconsistentOrder() {
        var a = task("A", 3, 1, false);
        var b = task("B", 2, 1, false);
        var w = lane(0, a, b);
        b.setInconsistent(true);
        verifier.verifyThat(ScheduleConstraints::inconsistentOrder)
                .given(w, a, b)
                .penalizesBy(1);
    }

    @Test
    void makespanIsTheLatestEnd() {
        var a = task("A", 3, 1, false);
        var b = task("B", 2, 1, false);
        var c = task("C", 4, 1, false);
        var first = lane(0, a, b);   // A 0..3, B 3..5
        var second = lane(1, c);     // C 0..4
        verifier.verifyThat(ScheduleConstraints::makespan)
                .given(first, second, a, b, c)
                .penalizesBy(5);
    }

    @Test
    void makespanIgnoresTasksWithoutTimes() {
        var a = task("A", 3, 1, false);
        var unassigned = task("U", 9, 1, false);
        var w = lane(0, a);
        verifier.verifyThat(ScheduleConstraints::makespan)
                .given(w, a, unassigned)
                .penalizesBy(3);
    }

    @Test
    void priorityWeightedEndTimes() {
        var low = task("A", 3, 1, false);
        var high = task("B", 2, 3, false);
        var w = lane(0, low, high);  // A ends 3 (weight 1), B ends 5 (weight 3)
        verifier.verifyThat(ScheduleConstraints::priorityWeightedEndTimes)
                .given(w, low, high)
                .penalizesBy(3 * 3 * 1 + 5 * 5 * 3);
    }
}
