package dev.fanout.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The bisections agree with a plain scan, for times before, among, on and after the entries, repeated ones included. */
class SortedTimesTest {

    @Test
    void bisectionAgreesWithAScanOverTheFirstEntries() {
        var random = new Random(11);
        for (int round = 0; round < 500; round++) {
            int size = random.nextInt(12);
            var times = new long[size + random.nextInt(3)];
            for (int i = 0; i < times.length; i++) {
                times[i] = random.nextInt(20);
            }
            Arrays.sort(times, 0, size);
            for (long time = -2; time <= 22; time++) {
                int last = -1;
                int first = size;
                for (int i = size - 1; i >= 0; i--) {
                    if (last < 0 && times[i] <= time) {
                        last = i;
                    }
                    if (times[i] >= time) {
                        first = i;
                    }
                }
                String where = Arrays.toString(Arrays.copyOf(times, size)) + " at " + time;
                assertEquals(last, SortedTimes.lastAtOrBefore(times, size, time), where);
                assertEquals(first, SortedTimes.firstAtOrAfter(times, size, time), where);
            }
        }
    }
}
