package dev.fanout.analysis;

import java.util.Arrays;

/**
 * How many units of one shared limit are in use over time. Answers the one question every scheduler asks: from a
 * time on, when can a task holding {@code units} for {@code duration} start without the usage ever passing the
 * capacity? Two forms: {@link Unary} for one-at-a-time limits (areas, most resources), {@link Counted} for the others.
 */
abstract sealed class UsageProfile permits UsageProfile.Unary, UsageProfile.Counted {

    static UsageProfile of(int capacity) {
        return capacity == 1 ? new Unary() : new Counted(capacity);
    }

    /** The earliest time ≥ {@code from} at which {@code units} fit for {@code duration}. */
    abstract long earliestFit(long from, long duration, int units);

    /** Records {@code units} in use over [start, end). */
    abstract void add(long start, long end, int units);

    /** A step function, kept as the times where the usage changes. */
    static final class Counted extends UsageProfile {

        private final int capacity;
        /**
         * Usage from {@code times[k]} until {@code times[k + 1]}, for the first {@code size} entries in increasing
         * time; 0 before the first time and from the last one on. Plain arrays, not a sorted map: a schedule is built
         * by asking these thousands of times, and most of its tasks are placed near the end of what is already placed.
         */
        private long[] times = new long[16];
        private int[] usage = new int[16];
        private int size;
        /**
         * Where the usage is at capacity, as merged stretches: a task taking one unit fits exactly outside them, so the
         * common question is answered by jumping over full runs instead of walking them step by step. Usage only grows
         * while one schedule is built, so full stretches only grow too.
         */
        private final Unary full;

        Counted(int capacity) {
            this.capacity = capacity;
            this.full = new Unary();
        }

        @Override
        long earliestFit(long from, long duration, int units) {
            if (units == 1) {
                return full.earliestFit(from, duration, 1);
            }
            long start = from;
            while (true) {
                long blockedUntil = blockedUntil(start, start + duration, units);
                if (blockedUntil < 0) {
                    return start;
                }
                start = blockedUntil;
            }
        }

        /** The end of the first stretch in [from, to) where {@code units} more would pass the capacity; -1 if none. */
        private long blockedUntil(long from, long to, int units) {
            int k = SortedTimes.lastAtOrBefore(times, size, from);
            if (k < 0) {
                k = 0; // nothing in use before the first time
            } else if (usage[k] + units > capacity) {
                return k + 1 < size ? times[k + 1] : Long.MAX_VALUE;
            } else {
                k++;
            }
            for (; k < size && times[k] < to; k++) {
                if (usage[k] + units > capacity) {
                    return k + 1 < size ? times[k + 1] : Long.MAX_VALUE;
                }
            }
            return -1;
        }

        @Override
        void add(long start, long end, int units) {
            if (end <= start) {
                return;
            }
            int first = split(start);
            int last = split(end);
            for (int k = first; k < last; k++) {
                usage[k] += units;
                if (usage[k] >= capacity) {
                    full.add(times[k], times[k + 1], 1);
                }
            }
        }

        /** The index of {@code time}, made a step of its own (with the usage it had) if it was not one. */
        private int split(long time) {
            int floor = SortedTimes.lastAtOrBefore(times, size, time);
            if (floor >= 0 && times[floor] == time) {
                return floor;
            }
            if (size == times.length) {
                times = Arrays.copyOf(times, 2 * size);
                usage = Arrays.copyOf(usage, 2 * size);
            }
            int at = floor + 1;
            System.arraycopy(times, at, times, at + 1, size - at);
            System.arraycopy(usage, at, usage, at + 1, size - at);
            times[at] = time;
            usage[at] = floor >= 0 ? usage[floor] : 0;
            size++;
            return at;
        }
    }

    /**
     * Capacity 1: the busy stretches, merged where they touch, so that a run of tasks back to back is one stretch and
     * a fit is found by jumping from stretch to stretch, not from task to task.
     */
    static final class Unary extends UsageProfile {

        /** Busy stretches [from[k], to[k]), the first {@code size} entries: in order, disjoint, touching merged. */
        private long[] from = new long[16];
        private long[] to = new long[16];
        private int size;

        @Override
        long earliestFit(long after, long duration, int units) {
            long start = after;
            int k = SortedTimes.lastAtOrBefore(from, size, start);
            if (k >= 0 && to[k] > start) {
                start = to[k];
            }
            // Stretches are merged where they touch, so the next one starts after this one's end: k + 1 is the first
            // stretch that starts at or after start.
            for (k++; k < size && from[k] < start + duration; k++) {
                start = to[k];
            }
            return start;
        }

        @Override
        void add(long start, long end, int units) {
            if (end <= start) {
                return;
            }
            long mergedFrom = start;
            long mergedTo = end;
            int first = SortedTimes.lastAtOrBefore(from, size, start);
            if (first >= 0 && to[first] >= start) {
                mergedFrom = from[first];
            } else {
                first++;
            }
            int past = first;
            while (past < size && from[past] <= mergedTo) {
                mergedTo = Math.max(mergedTo, to[past]);
                past++;
            }
            // Stretches [first, past) and the new one become one.
            int removed = past - first;
            if (removed == 0) {
                if (size == from.length) {
                    from = Arrays.copyOf(from, 2 * size);
                    to = Arrays.copyOf(to, 2 * size);
                }
                System.arraycopy(from, first, from, first + 1, size - first);
                System.arraycopy(to, first, to, first + 1, size - first);
                size++;
            } else if (removed > 1) {
                System.arraycopy(from, past, from, first + 1, size - past);
                System.arraycopy(to, past, to, first + 1, size - past);
                size -= removed - 1;
            }
            from[first] = mergedFrom;
            to[first] = mergedTo;
        }
    }
}
