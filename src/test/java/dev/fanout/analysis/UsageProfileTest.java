package dev.fanout.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The usage profiles against a plain timeline: random tasks added, and the earliest fit asked from random times, must
 * agree with the answer read off an array of the units in use at each tick.
 */
class UsageProfileTest {

    private static final int HORIZON = 400;

    @Test
    void aOneAtATimeLimitFitsWhereTheTimelineIsFree() {
        var random = new Random(11);
        for (int round = 0; round < 200; round++) {
            var profile = UsageProfile.of(1);
            var used = new int[HORIZON * 2];
            for (int step = 0; step < 30; step++) {
                long duration = 1 + random.nextInt(12);
                long from = random.nextInt(HORIZON / 2);
                long fit = profile.earliestFit(from, duration, 1);
                assertEquals(earliestFit(used, 1, from, duration, 1), fit, "round " + round + ", step " + step);
                profile.add(fit, fit + duration, 1);
                add(used, fit, fit + duration, 1);
            }
        }
    }

    @Test
    void aCountedLimitFitsWhereTheTimelineHasTheUnits() {
        var random = new Random(12);
        for (int round = 0; round < 200; round++) {
            int capacity = 2 + random.nextInt(4);
            var profile = UsageProfile.of(capacity);
            var used = new int[HORIZON * 2];
            for (int step = 0; step < 40; step++) {
                long duration = 1 + random.nextInt(12);
                int units = 1 + random.nextInt(capacity);
                long from = random.nextInt(HORIZON / 2);
                long fit = profile.earliestFit(from, duration, units);
                assertEquals(earliestFit(used, capacity, from, duration, units), fit,
                        "round " + round + ", step " + step + ", " + units + " of " + capacity);
                profile.add(fit, fit + duration, units);
                add(used, fit, fit + duration, units);
            }
        }
    }

    /** The first start at or after {@code from} where {@code units} more stay within the capacity for the duration. */
    private static long earliestFit(int[] used, int capacity, long from, long duration, int units) {
        for (long start = from;; start++) {
            boolean fits = true;
            for (long t = start; t < start + duration; t++) {
                fits &= used[(int) t] + units <= capacity;
            }
            if (fits) {
                return start;
            }
        }
    }

    private static void add(int[] used, long from, long to, int units) {
        for (long t = from; t < to; t++) {
            used[(int) t] += units;
        }
    }
}
