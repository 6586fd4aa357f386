package dev.fanout.whatif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class KneesTest {

    private static WhatIfResult.Row row(int count, Double makespan) {
        return new WhatIfResult.Row(count + " agents", "agents", count, count, makespan, makespan, true, 0.0, 0.0, 1.0,
                1.0, null, makespan == null ? "infeasible" : null);
    }

    @Test
    void smallestCountWithinFivePercentOfTheBest() {
        var rows = List.of(row(1, 100.0), row(2, 52.0), row(3, 41.0), row(4, 40.5), row(6, 40.0), row(8, 40.0));
        assertEquals(3, Knees.knee(rows).orElseThrow().count(), "41 is within 5 % of 40; 52 is not");
    }

    @Test
    void exactlyFivePercentStillCounts() {
        var rows = List.of(row(1, 42.0), row(2, 40.0));
        assertEquals(1, Knees.knee(rows).orElseThrow().count());
    }

    @Test
    void infeasibleRowsAreIgnored() {
        var rows = List.of(row(1, null), row(2, 30.0), row(4, 20.0));
        assertEquals(4, Knees.knee(rows).orElseThrow().count());
    }

    @Test
    void noKneeWithFewerThanTwoFeasibleRows() {
        assertTrue(Knees.knee(List.of(row(1, 10.0))).isEmpty());
        assertTrue(Knees.knee(List.of(row(1, 10.0), row(2, null))).isEmpty());
    }
}
