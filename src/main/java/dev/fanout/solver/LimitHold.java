package dev.fanout.solver;

import dev.fanout.analysis.SharedLimits;

/**
 * A task holding units of a shared limit (resource, area, the plan's or a pool's cap) while it runs, from
 * {@code start} to {@code end}: what {@link ScheduleConstraints}' limit rules add up per limit.
 */
public record LimitHold(int limit, SharedLimits.Kind kind, int capacity, int units, long start, long end) {

    /** A limit a task holds, before it is timed. */
    public record Held(int limit, SharedLimits.Kind kind, int capacity, int units) {

        LimitHold at(long start, long end) {
            return new LimitHold(limit, kind, capacity, units, start, end);
        }
    }
}
