package dev.fanout.analysis;

import java.util.concurrent.atomic.AtomicReference;

import dev.fanout.analysis.ScheduleSearch.Built;

/**
 * Where one island of the genetic search leaves its best schedule for the other ({@link ScheduleSearch}): each
 * improvement is posted, and the receiving island takes it into its population between two children. Only the better
 * of two posts waiting is kept: an island that improves twice before the other looks needs only hand over the second.
 */
final class Migration {

    private final AtomicReference<Built> waiting = new AtomicReference<>();

    /** Leaves {@code built} for the other island, unless a better one is already waiting. */
    void post(Built built) {
        waiting.accumulateAndGet(built,
                (kept, posted) -> kept == null || posted.schedule().isBetterThan(kept.schedule()) ? posted : kept);
    }

    /** What waits, if anything (null otherwise); taken, it waits no more. */
    Built take() {
        return waiting.getAndSet(null);
    }
}
