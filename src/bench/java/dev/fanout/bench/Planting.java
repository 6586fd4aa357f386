package dev.fanout.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * What the generators' planted schedules are made of: lines (agents, or slots) each cut into tasks that fill
 * [0, H] without a break, and dependencies on tasks that end, in the planted schedule, before a task starts.
 */
final class Planting {

    private Planting() {
    }

    /** How many of {@code tasks} line {@code line} of {@code lines} gets: the same for all, the first ones one more. */
    static int share(int tasks, int lines, int line) {
        return tasks / lines + (line < tasks % lines ? 1 : 0);
    }

    /**
     * The bounds of {@code count} tasks filling [0, horizon]: 0, then {@code count} − 1 distinct random cuts, multiples of
     * {@code step}, then the horizon.
     */
    static List<Long> bounds(int count, long horizon, long step, Random random) {
        var cuts = new TreeSet<Long>();
        while (cuts.size() < count - 1) {
            cuts.add(step * (1 + (long) (random.nextDouble() * (horizon / step - 1))));
        }
        var bounds = new ArrayList<Long>(List.of(0L));
        bounds.addAll(cuts);
        bounds.add(horizon);
        return bounds;
    }

    /** The tasks of a planted schedule in the order they end, to draw dependencies from. */
    static final class EndOrder {

        private final Integer[] byEnd;
        private final long[] ends;

        EndOrder(long[] start, long[] length) {
            int n = start.length;
            byEnd = new Integer[n];
            Arrays.setAll(byEnd, t -> t);
            Arrays.sort(byEnd, Comparator.comparingLong(t -> start[t] + length[t]));
            ends = new long[n];
            for (int i = 0; i < n; i++) {
                ends[i] = start[byEnd[i]] + length[byEnd[i]];
            }
        }

        /** How many tasks end at or before {@code time}. */
        int endingBy(long time) {
            return firstAbove(time);
        }

        /**
         * A random task ending at or before {@code time} (there must be one): one time in four any of them, otherwise
         * one ending within {@code window} before it when there is such a task.
         */
        int pick(long time, long window, Random random) {
            int before = firstAbove(time);
            int from = random.nextInt(4) == 0 ? 0 : firstAtLeast(time - window);
            if (from >= before) {
                from = 0;
            }
            return byEnd[from + random.nextInt(before - from)];
        }

        /** First index whose end is ≥ key. */
        private int firstAtLeast(long key) {
            int low = 0;
            int high = ends.length;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (ends[mid] < key) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }

        /** First index whose end is > key. */
        private int firstAbove(long key) {
            return firstAtLeast(key + 1);
        }
    }
}
