package dev.fanout.analysis;

/** Bisection over the first {@code size} entries of an array of times in increasing order. */
final class SortedTimes {

    private SortedTimes() {
    }

    /** The index of the last of the first {@code size} {@code times} at or before {@code time}; -1 if none. */
    static int lastAtOrBefore(long[] times, int size, long time) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (times[middle] <= time) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return high;
    }

    /** The index of the first of the first {@code size} {@code times} at or after {@code time}; size if none. */
    static int firstAtOrAfter(long[] times, int size, long time) {
        return time == Long.MIN_VALUE ? 0 : lastAtOrBefore(times, size, time - 1) + 1;
    }
}
