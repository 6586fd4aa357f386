package dev.fanout.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Comparator;

import org.junit.jupiter.api.Test;

/** Kahn's algorithm on a diamond 0, 1 → 2 → 3 and on a loop. */
class TopologicalOrderTest {

    private static final int[][] SUCCESSORS = { { 2 }, { 2 }, { 3 }, {} };

    @Test
    void firstComeFirstServedKeepsTheListedOrderAmongReadyTasks() {
        var order = TopologicalOrder.of(new int[] { 0, 1, 2, 3 }, new int[] { 0, 0, 2, 1 },
                TopologicalOrder.successors(task -> SUCCESSORS[task]), null);
        assertArrayEquals(new int[] { 0, 1, 2, 3 }, order);
    }

    @Test
    void aPriorityPicksAmongReadyTasks() {
        var order = TopologicalOrder.of(new int[] { 0, 1, 2, 3 }, new int[] { 0, 0, 2, 1 },
                TopologicalOrder.successors(task -> SUCCESSORS[task]), Comparator.reverseOrder());
        assertArrayEquals(new int[] { 1, 0, 2, 3 }, order, "1 before 0, but 2 only once both are done");
    }

    @Test
    void tasksWaitingForEachOtherAreLeftOut() {
        int[][] loop = { { 1 }, { 0 }, {} };
        var order = TopologicalOrder.of(new int[] { 0, 1, 2 }, new int[] { 1, 1, 0 },
                TopologicalOrder.successors(task -> loop[task]), null);
        assertArrayEquals(new int[] { 2 }, order);
    }
}
