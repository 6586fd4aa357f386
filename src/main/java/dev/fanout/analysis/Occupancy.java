package dev.fanout.analysis;

import java.util.HashMap;
import java.util.Map;

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
        long start = from;
        while (true) {
            long fit = start;
            for (int i = 0; i < held.length; i++) {
                fit = Math.max(fit, profiles[held[i]].earliestFit(fit, duration, units[i]));
            }
            if (poolLimit >= 0) {
                fit = Math.max(fit, profiles[poolLimit].earliestFit(fit, duration, 1));
            }
            if (fit == start) {
                return start;
            }
            start = fit;
        }
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

        private record Kind(long duration, int poolLimit) {
        }

        private final int task;
        private final long ready;
        private final Map<Kind, Long> fromReady = new HashMap<>();

        private Fits(int task, long ready) {
            this.task = task;
            this.ready = ready;
        }

        /** {@link Occupancy#earliestFit} from {@code from}, which must be at or after {@code ready}. */
        public long from(int agent, long from, long duration) {
            if (duration == 0 || !limits.binds(task, agent)) {
                return from;
            }
            long first = fromReady.computeIfAbsent(new Kind(duration, limits.poolLimitOf(agent)),
                    kind -> earliestFit(task, agent, ready, duration));
            return from <= first ? first : earliestFit(task, agent, from, duration);
        }
    }

    /** Records the task as running on {@code agent} over [start, start + duration). */
    public void reserve(int task, int agent, long start, long duration) {
        limits.forEachHeld(task, agent, (limit, units) -> profiles[limit].add(start, start + duration, units));
    }
}
