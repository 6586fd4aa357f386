package dev.fanout.analysis;

import java.util.Arrays;

/**
 * The shared limits in use so far in one scheduling run ({@link SharedLimits#newOccupancy}): one usage profile per
 * limit, asked where a task fits and told where it runs. The limits themselves, what each task and agent holds, are
 * {@link SharedLimits}'; this is the state a scheduler builds up against them.
 */
public final class Occupancy {

    private final SharedLimits limits;
    private final UsageProfile[] profiles;

    Occupancy(SharedLimits limits) {
        this.limits = limits;
        profiles = new UsageProfile[limits.limits().size()];
        for (int i = 0; i < profiles.length; i++) {
            profiles[i] = UsageProfile.of(limits.limit(i).capacity());
        }
    }

    /** The earliest start ≥ {@code from} at which the task, running on {@code agent} for {@code duration}, fits every limit it holds. */
    public long earliestFit(int task, int agent, long from, long duration) {
        if (duration == 0 || !limits.binds(task, agent)) {
            return from;
        }
        var held = limits.limitsOf(task);
        var units = limits.unitsOf(task);
        int poolLimit = limits.poolLimitOf(agent);
        int count = held.length + (poolLimit >= 0 ? 1 : 0);
        // Each limit in turn moves the start to its own earliest fit from there; once all of them in a row have kept
        // the same start, it fits every one, and it is the earliest that does (no fit of one limit comes earlier from
        // a later time). Asking each only until then, rather than all of them again after every move, saves a round.
        long start = from;
        int kept = 0;
        for (int i = 0; kept < count; i = i + 1 == count ? 0 : i + 1) {
            long fit = i < held.length ? profiles[held[i]].earliestFit(start, duration, units[i])
                    : profiles[poolLimit].earliestFit(start, duration, 1);
            if (fit == start) {
                kept++;
            } else {
                start = fit;
                kept = 1;
            }
        }
        return start;
    }

    /**
     * The earliest fits of one task that is ready at {@code ready}, asked for many agents and times: see
     * {@link Fits}. Valid until the next {@link #reserve}.
     */
    public Fits fitsOf(int task, long ready) {
        return new Fits(task, ready);
    }

    /**
     * One task's fits, cheap to ask again and again. Agents alike for the task (the same time taken, the same pool
     * cap) see the same limits, so the fit from {@code ready} is computed once per kind of agent; and since a fit
     * never comes earlier from a later time, the fit from any time up to it is that same fit: only a time past it
     * needs a search.
     */
    public final class Fits {

        private final int task;
        private final long ready;
        /** The fit from {@code ready} per kind of agent met so far: its duration and pool cap; a few at most. */
        private long[] kindDuration = new long[4];
        private int[] kindPoolLimit = new int[4];
        private long[] kindFit = new long[4];
        private int kinds;

        private Fits(int task, long ready) {
            this.task = task;
            this.ready = ready;
        }

        /** {@link Occupancy#earliestFit} from {@code from}, which must be at or after {@code ready}. */
        public long from(int agent, long from, long duration) {
            if (duration == 0 || !limits.binds(task, agent)) {
                return from;
            }
            long first = fromReady(agent, duration);
            return from <= first ? first : earliestFit(task, agent, from, duration);
        }

        private long fromReady(int agent, long duration) {
            int poolLimit = limits.poolLimitOf(agent);
            for (int k = 0; k < kinds; k++) {
                if (kindDuration[k] == duration && kindPoolLimit[k] == poolLimit) {
                    return kindFit[k];
                }
            }
            if (kinds == kindFit.length) {
                kindDuration = Arrays.copyOf(kindDuration, 2 * kinds);
                kindPoolLimit = Arrays.copyOf(kindPoolLimit, 2 * kinds);
                kindFit = Arrays.copyOf(kindFit, 2 * kinds);
            }
            long fit = earliestFit(task, agent, ready, duration);
            kindDuration[kinds] = duration;
            kindPoolLimit[kinds] = poolLimit;
            kindFit[kinds] = fit;
            kinds++;
            return fit;
        }
    }

    /** Records the task as running on {@code agent} over [start, start + duration). */
    public void reserve(int task, int agent, long start, long duration) {
        limits.forEachHeld(task, agent, (limit, units) -> profiles[limit].add(start, start + duration, units));
    }
}
