package dev.fanout.analysis;

import java.util.Map;
import java.util.TreeMap;

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
        /** Usage from each key until the next key; 0 before the first key and from the last key on. */
        private final TreeMap<Long, Integer> steps = new TreeMap<>();
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
            var floor = steps.floorEntry(from);
            if (floor != null && floor.getValue() + units > capacity) {
                var next = steps.higherKey(floor.getKey());
                return next == null ? Long.MAX_VALUE : next;
            }
            for (var step : steps.subMap(from, false, to, false).entrySet()) {
                if (step.getValue() + units > capacity) {
                    var next = steps.higherKey(step.getKey());
                    return next == null ? Long.MAX_VALUE : next;
                }
            }
            return -1;
        }

        @Override
        void add(long start, long end, int units) {
            if (end <= start) {
                return;
            }
            split(start);
            split(end);
            for (Map.Entry<Long, Integer> step : steps.subMap(start, true, end, false).entrySet()) {
                step.setValue(step.getValue() + units);
                if (step.getValue() >= capacity) {
                    full.add(step.getKey(), steps.higherKey(step.getKey()), 1);
                }
            }
        }

        private void split(long time) {
            if (!steps.containsKey(time)) {
                var floor = steps.floorEntry(time);
                steps.put(time, floor == null ? 0 : floor.getValue());
            }
        }
    }

    /**
     * Capacity 1: the busy stretches, merged where they touch, so that a run of tasks back to back is one stretch and
     * a fit is found by jumping from stretch to stretch, not from task to task.
     */
    static final class Unary extends UsageProfile {

        /** Busy stretches: start → end, disjoint, touching ones merged. */
        private final TreeMap<Long, Long> busy = new TreeMap<>();

        @Override
        long earliestFit(long from, long duration, int units) {
            long start = from;
            var before = busy.floorEntry(start);
            if (before != null && before.getValue() > start) {
                start = before.getValue();
            }
            while (true) {
                var next = busy.ceilingEntry(start);
                if (next == null || next.getKey() >= start + duration) {
                    return start;
                }
                start = next.getValue();
            }
        }

        @Override
        void add(long start, long end, int units) {
            if (end <= start) {
                return;
            }
            long from = start;
            long to = end;
            var before = busy.floorEntry(from);
            if (before != null && before.getValue() >= from) {
                from = before.getKey();
                to = Math.max(to, before.getValue());
                busy.remove(before.getKey());
            }
            var after = busy.ceilingEntry(from);
            while (after != null && after.getKey() <= to) {
                to = Math.max(to, after.getValue());
                busy.remove(after.getKey());
                after = busy.ceilingEntry(from);
            }
            busy.put(from, to);
        }
    }
}
