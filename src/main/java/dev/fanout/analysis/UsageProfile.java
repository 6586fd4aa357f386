package dev.fanout.analysis;

import java.util.Map;
import java.util.TreeMap;

/**
 * How many units of one shared limit are in use over time: a step function, kept as the times where the usage
 * changes. Answers the one question every scheduler asks: from a time on, when can a task holding {@code units} for
 * {@code duration} start without the usage ever passing the capacity?
 */
final class UsageProfile {

    private final int capacity;
    /** Usage from each key until the next key; 0 before the first key and from the last key on. */
    private final TreeMap<Long, Integer> steps = new TreeMap<>();

    UsageProfile(int capacity) {
        this.capacity = capacity;
    }

    /** The earliest time ≥ {@code from} at which {@code units} fit for {@code duration}. */
    long earliestFit(long from, long duration, int units) {
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

    void add(long start, long end, int units) {
        if (end <= start) {
            return;
        }
        split(start);
        split(end);
        for (Map.Entry<Long, Integer> step : steps.subMap(start, true, end, false).entrySet()) {
            step.setValue(step.getValue() + units);
        }
    }

    private void split(long time) {
        if (!steps.containsKey(time)) {
            var floor = steps.floorEntry(time);
            steps.put(time, floor == null ? 0 : floor.getValue());
        }
    }
}
