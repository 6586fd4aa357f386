package dev.fanout.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.BitSet;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The start-time rule alone: {@link ScheduledTask#earliestStart()} called directly on hand-built tasks, with their
 * lane, previous task, dependencies and the starts it reads set by hand, as Timefold would have set them.
 */
class ScheduledTaskStartTest {

    private static final AgentLane LANE = new AgentLane("lane0", 0, List.of());
    private static final AgentLane OTHER_LANE = new AgentLane("lane1", 1, List.of());

    private static ScheduledTask task(String id, long duration) {
        return new ScheduledTask(id, 0, duration, 1, new BitSet(), new BitSet());
    }

    /** A task already timed on {@code lane}: it starts at {@code start}. */
    private static ScheduledTask timed(String id, AgentLane lane, long start, long duration) {
        var task = task(id, duration);
        task.setLane(lane);
        task.setStart(start);
        return task;
    }

    /** A task on {@code lane} whose start Timefold has not computed yet (unassigned dependency, or construction). */
    private static ScheduledTask untimed(String id, AgentLane lane) {
        var task = task(id, 5);
        task.setLane(lane);
        return task;
    }

    /** The task under test: on {@code lane} (null: unassigned), after {@code previous}, waiting for {@code dependencies}. */
    private static ScheduledTask placed(AgentLane lane, ScheduledTask previous, ScheduledTask... dependencies) {
        var task = task("T", 4);
        task.setLane(lane);
        task.setPrevious(previous);
        task.setDependencies(List.of(dependencies));
        return task;
    }

    @Test
    void firstOnItsLaneWithoutDependenciesStartsAtZero() {
        assertEquals(0L, placed(LANE, null).earliestStart());
    }

    @Test
    void unassignedTaskHasNoStart() {
        var previous = timed("P", LANE, 0, 3);
        var dependency = timed("D", OTHER_LANE, 0, 2);
        assertNull(placed(null, null).earliestStart());
        assertNull(placed(null, previous, dependency).earliestStart(), "even when all it waits for is timed");
    }

    @Test
    void startsWhenThePreviousTaskOnItsLaneEnds() {
        var previous = timed("P", LANE, 2, 3);
        assertEquals(5L, placed(LANE, previous).earliestStart());
    }

    @Test
    void startsWhenItsDependencyEnds() {
        var dependency = timed("D", OTHER_LANE, 1, 6);
        assertEquals(7L, placed(LANE, null, dependency).earliestStart());
    }

    @Test
    void startsWhenTheLatestDependencyEndsWhicheverPlaceItHasInTheList() {
        var early = timed("D1", OTHER_LANE, 0, 2);
        var late = timed("D2", OTHER_LANE, 2, 7);
        var middle = timed("D3", OTHER_LANE, 1, 4);
        assertEquals(9L, placed(LANE, null, late, early, middle).earliestStart());
        assertEquals(9L, placed(LANE, null, early, late, middle).earliestStart());
        assertEquals(9L, placed(LANE, null, early, middle, late).earliestStart());
    }

    @Test
    void theLaterOfThePreviousTaskAndTheDependenciesDecides() {
        var endsAt3 = timed("D", OTHER_LANE, 0, 3);
        var endsAt8 = timed("E", OTHER_LANE, 5, 3);
        assertEquals(10L, placed(LANE, timed("P", LANE, 4, 6), endsAt3).earliestStart(), "previous task ends later");
        assertEquals(8L, placed(LANE, timed("P", LANE, 0, 3), endsAt8).earliestStart(), "dependency ends later");
    }

    @Test
    void previousTaskWithoutStartLeavesNoStart() {
        var previous = untimed("P", LANE);
        var dependency = timed("D", OTHER_LANE, 0, 3);
        assertNull(placed(LANE, previous).earliestStart());
        assertNull(placed(LANE, previous, dependency).earliestStart());
    }

    @Test
    void anyDependencyWithoutStartLeavesNoStart() {
        var previous = timed("P", LANE, 0, 3);
        var timedDependency = timed("D1", OTHER_LANE, 0, 9);
        var untimedDependency = untimed("D2", OTHER_LANE);
        assertNull(placed(LANE, null, untimedDependency).earliestStart());
        assertNull(placed(LANE, previous, timedDependency, untimedDependency).earliestStart());
        assertNull(placed(LANE, previous, untimedDependency, timedDependency).earliestStart());
    }

    @Test
    void unassignedDependencyLeavesNoStart() {
        var unassigned = task("D", 2);
        assertNull(placed(LANE, null, unassigned).earliestStart());
    }

    @Test
    void ownDurationAndStaleStartDoNotMatter() {
        var previous = timed("P", LANE, 1, 2);
        var task = placed(LANE, previous);
        task.setStart(100L);
        assertEquals(3L, task.earliestStart());
        assertEquals(104L, task.getEnd(), "the end follows the start Timefold last set");
    }

    @Test
    void noEndWithoutStart() {
        assertNull(placed(LANE, null).getEnd());
    }
}
