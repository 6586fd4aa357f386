package dev.fanout.solver;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.timefold.solver.core.api.score.stream.test.ConstraintVerifier;

/** Each constraint alone, on hand-built jobs whose times are set directly. */
class ScheduleConstraintsTest {

    private final ConstraintVerifier<ScheduleConstraints, ScheduleSolution> verifier = ConstraintVerifier.build(
            new ScheduleConstraints(), ScheduleSolution.class, ScheduledTask.class, AgentLane.class);

    /** AgentLane 0 holds the skills, lane 1 does not; both are in the pool unless {@code poolOnlyWorker0}. */
    private static ScheduledTask job(String id, long duration, long weight, boolean poolOnlyWorker0) {
        var skilled = new BitSet();
        skilled.set(0);
        var pool = new BitSet();
        pool.set(0);
        if (!poolOnlyWorker0) {
            pool.set(1);
        }
        return new ScheduledTask(id, 0, duration, weight, skilled, pool);
    }

    private static AgentLane lane(int index, ScheduledTask... jobs) {
        var lane = new AgentLane("w" + index, index, List.of());
        lane.setTasks(new ArrayList<>(List.of(jobs)));
        Long time = 0L;
        ScheduledTask previous = null;
        for (var job : jobs) {
            job.setLane(lane);
            job.setPrevious(previous);
            job.setStart(time);
            time = time + job.getDuration();
            previous = job;
        }
        return lane;
    }

    @Test
    void agentLacksSkillOrLevel() {
        var skilled = job("A", 3, 1, false);
        var unskilled = job("B", 2, 1, false);
        var skilledWorker = lane(0, skilled);
        var unskilledWorker = lane(1, unskilled);
        verifier.verifyThat(ScheduleConstraints::agentLacksSkillOrLevel)
                .given(skilledWorker, unskilledWorker, skilled, unskilled)
                .penalizesBy(1);
    }

    @Test
    void agentOutsidePool() {
        var inPool = job("A", 3, 1, true);
        var outside = job("B", 2, 1, true);
        var first = lane(0, inPool);
        var second = lane(1, outside);
        verifier.verifyThat(ScheduleConstraints::agentOutsidePool)
                .given(first, second, inPool, outside)
                .penalizesBy(1);
    }

    @Test
    void inconsistentOrder() {
        var a = job("A", 3, 1, false);
        var b = job("B", 2, 1, false);
        var w = lane(0, a, b);
        b.setInconsistent(true);
        verifier.verifyThat(ScheduleConstraints::inconsistentOrder)
                .given(w, a, b)
                .penalizesBy(1);
    }

    @Test
    void makespanIsTheLatestEnd() {
        var a = job("A", 3, 1, false);
        var b = job("B", 2, 1, false);
        var c = job("C", 4, 1, false);
        var first = lane(0, a, b);   // A 0..3, B 3..5
        var second = lane(1, c);     // C 0..4
        verifier.verifyThat(ScheduleConstraints::makespan)
                .given(first, second, a, b, c)
                .penalizesBy(5);
    }

    @Test
    void makespanIgnoresJobsWithoutTimes() {
        var a = job("A", 3, 1, false);
        var unassigned = job("U", 9, 1, false);
        var w = lane(0, a);
        verifier.verifyThat(ScheduleConstraints::makespan)
                .given(w, a, unassigned)
                .penalizesBy(3);
    }

    @Test
    void priorityWeightedEndTimes() {
        var low = job("A", 3, 1, false);
        var high = job("B", 2, 3, false);
        var w = lane(0, low, high);  // A ends 3 (weight 1), B ends 5 (weight 3)
        verifier.verifyThat(ScheduleConstraints::priorityWeightedEndTimes)
                .given(w, low, high)
                .penalizesBy(3 * 3 * 1 + 5 * 5 * 3);
    }
}
