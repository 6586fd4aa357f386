package dev.fanout.solver;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.timefold.solver.core.api.score.stream.test.ConstraintVerifier;
import dev.fanout.analysis.SharedLimits;

/**
 * The rules of CONTRACT §5, each alone, on hand-built lanes whose tasks' starts are set directly: one case each rule
 * penalizes, by the exact amount, and one it leaves alone (the same tasks, timed apart, or within the limit).
 */
class SharedLimitConstraintsTest {

    private final ConstraintVerifier<ScheduleConstraints, ScheduleSolution> verifier = ConstraintVerifier.build(
            new ScheduleConstraints(), ScheduleSolution.class, ScheduledTask.class, AgentLane.class, Timetable.class);

    private static final LimitHold.Held AREA_SRC = new LimitHold.Held(0, SharedLimits.Kind.AREA, 1, 1);
    private static final LimitHold.Held DB_ONE_UNIT = new LimitHold.Held(1, SharedLimits.Kind.RESOURCE, 3, 1);
    private static final LimitHold.Held DB_TWO_UNITS = new LimitHold.Held(1, SharedLimits.Kind.RESOURCE, 3, 2);
    private static final LimitHold.Held PLAN_CAP_2 = new LimitHold.Held(2, SharedLimits.Kind.PLAN_CAP, 2, 1);
    private static final LimitHold.Held POOL_CAP_1 = new LimitHold.Held(3, SharedLimits.Kind.POOL_CAP, 1, 1);

    private static AgentLane lane(int index) {
        return new AgentLane("lane" + index, index, List.of());
    }

    /** A task of {@code duration} on {@code lane} from {@code start}, holding {@code held}. */
    private static ScheduledTask timed(String id, AgentLane lane, long start, long duration, LimitHold.Held... held) {
        var all = new BitSet();
        all.set(0, 8);
        var task = new ScheduledTask(id, 0, duration, 1, all, all);
        task.setHeld(List.of(held));
        var tasks = new ArrayList<>(lane.getTasks());
        task.setPrevious(tasks.isEmpty() ? null : tasks.get(tasks.size() - 1));
        tasks.add(task);
        lane.setTasks(tasks);
        task.setLane(lane);
        task.setStart(start);
        return task;
    }

    // Task ends after its agent stops being available.

    @Test
    void taskEndingAfterTheWindowPenalizedByTheOverrun() {
        var lane = lane(0).available(0, 10);
        var a = timed("A", lane, 0, 6);
        var b = timed("B", lane, 6, 7);
        verifier.verifyThat(ScheduleConstraints::endsAfterAgentAvailable).given(lane, a, b).penalizesBy(3);
    }

    @Test
    void tasksInsideTheWindowFree() {
        var lane = lane(0).available(2, 10);
        var a = timed("A", lane, 2, 4);
        var b = timed("B", lane, 6, 4);
        verifier.verifyThat(ScheduleConstraints::endsAfterAgentAvailable).given(lane, a, b).penalizesBy(0);
    }

    // Tasks with overlapping areas run at the same time.

    @Test
    void overlappingAreasAtOnceOnTwoAgentsPenalized() {
        var first = lane(0);
        var second = lane(1);
        var a = timed("A", first, 0, 5, AREA_SRC);
        var b = timed("B", second, 3, 5, AREA_SRC);
        verifier.verifyThat(ScheduleConstraints::areaOverlap).given(first, second, a, b).penalizesBy(1);
    }

    @Test
    void overlappingAreasOneAfterTheOtherFree() {
        var first = lane(0);
        var second = lane(1);
        var a = timed("A", first, 0, 5, AREA_SRC);
        var b = timed("B", second, 5, 5, AREA_SRC);
        var c = timed("C", second, 10, 2);
        verifier.verifyThat(ScheduleConstraints::areaOverlap).given(first, second, a, b, c).penalizesBy(0);
    }

    // Tasks use more of a resource than its capacity.

    @Test
    void resourceOverItsCapacityPenalizedByTheUnitsTooMany() {
        var first = lane(0);
        var second = lane(1);
        var third = lane(2);
        var a = timed("A", first, 0, 4, DB_TWO_UNITS);
        var b = timed("B", second, 1, 4, DB_TWO_UNITS);
        var c = timed("C", third, 2, 4, DB_ONE_UNIT);
        verifier.verifyThat(ScheduleConstraints::resourceOverCapacity).given(first, second, third, a, b, c).penalizesBy(2);
    }

    @Test
    void resourceWithinItsCapacityFree() {
        var first = lane(0);
        var second = lane(1);
        var a = timed("A", first, 0, 4, DB_TWO_UNITS);
        var b = timed("B", second, 0, 4, DB_ONE_UNIT);
        var c = timed("C", second, 4, 4, DB_TWO_UNITS);
        verifier.verifyThat(ScheduleConstraints::resourceOverCapacity).given(first, second, a, b, c).penalizesBy(0);
    }

    // More tasks run at once than the plan's cap.

    @Test
    void threeTasksAtOnceUnderACapOfTwoPenalized() {
        var lanes = new AgentLane[] { lane(0), lane(1), lane(2) };
        var a = timed("A", lanes[0], 0, 3, PLAN_CAP_2);
        var b = timed("B", lanes[1], 0, 3, PLAN_CAP_2);
        var c = timed("C", lanes[2], 2, 3, PLAN_CAP_2);
        verifier.verifyThat(ScheduleConstraints::planCapExceeded).given(lanes[0], lanes[1], lanes[2], a, b, c).penalizesBy(1);
    }

    @Test
    void twoTasksAtOnceUnderACapOfTwoFree() {
        var lanes = new AgentLane[] { lane(0), lane(1), lane(2) };
        var a = timed("A", lanes[0], 0, 3, PLAN_CAP_2);
        var b = timed("B", lanes[1], 0, 3, PLAN_CAP_2);
        var c = timed("C", lanes[2], 3, 3, PLAN_CAP_2);
        verifier.verifyThat(ScheduleConstraints::planCapExceeded).given(lanes[0], lanes[1], lanes[2], a, b, c).penalizesBy(0);
    }

    // More tasks run at once on a pool than its cap.

    @Test
    void twoTasksAtOnceOnAPoolCappedAtOnePenalized() {
        var first = lane(0).countingTowards(POOL_CAP_1);
        var second = lane(1).countingTowards(POOL_CAP_1);
        var a = timed("A", first, 0, 3);
        var b = timed("B", second, 1, 3);
        verifier.verifyThat(ScheduleConstraints::poolCapExceeded).given(first, second, a, b).penalizesBy(1);
    }

    @Test
    void tasksOutsideTheCappedPoolFree() {
        var first = lane(0).countingTowards(POOL_CAP_1);
        var other = lane(1);
        var a = timed("A", first, 0, 3);
        var b = timed("B", other, 1, 3);
        var c = timed("C", first, 3, 3);
        verifier.verifyThat(ScheduleConstraints::poolCapExceeded).given(first, other, a, b, c).penalizesBy(0);
    }
}
