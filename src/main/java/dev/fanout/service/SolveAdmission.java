package dev.fanout.service;

import jakarta.enterprise.context.ApplicationScoped;

import dev.fanout.config.FanoutConfig;

/**
 * Who may solve now, counted in solves: a one-shot or background solve needs one place, a what-if sweep one per
 * scenario. There are {@code parallel-solves + queue-capacity} places; a request that does not fit is refused at once
 * ({@link Overloaded}, with when to retry) rather than left waiting. A request larger than all places is admitted
 * when nothing else is, so that it is slow rather than impossible.
 */
@ApplicationScoped
public class SolveAdmission {

    private final SolveRunner runner;
    private final SolveMetrics metrics;
    private final int capacity;
    private int taken;

    public SolveAdmission(SolveRunner runner, SolveMetrics metrics, FanoutConfig config) {
        this.runner = runner;
        this.metrics = metrics;
        this.capacity = config.solve().parallelSolves() + config.solve().queueCapacity();
    }

    /**
     * Places held from admission until the work is over: {@link #releaseOne} as each solve ends, {@link #close} for
     * whatever is left. Closing twice is harmless.
     */
    public final class Admission implements AutoCloseable {
        private int held;

        private Admission(int held) {
            this.held = held;
        }

        /** One of the admitted solves is over: its place is free for others. */
        public void releaseOne() {
            synchronized (SolveAdmission.this) {
                if (held > 0) {
                    held--;
                    taken--;
                }
            }
        }

        @Override
        public void close() {
            synchronized (SolveAdmission.this) {
                taken -= held;
                held = 0;
            }
        }
    }

    /** Takes a place for each of {@code solves} solves, or refuses. */
    public Admission admit(int solves) {
        synchronized (this) {
            if (taken == 0 || taken + solves <= capacity) {
                taken += solves;
                return new Admission(solves);
            }
        }
        throw refusal(solves);
    }

    /**
     * Admits a background solve into the queue every instance shares, or refuses: {@code parallel-solves +
     * queue-capacity} places per live instance, of which {@code queued} (background solves queued or running on any
     * instance) are taken. (One-shot solves and what-if sweeps are admitted by the instance asked, with
     * {@link #admit}, against its own places.)
     */
    public void admitQueued(long queued, long instances) {
        long places = capacity * Math.max(1, instances);
        if (queued > 0 && queued + 1 > places) {
            throw refusal(1, places, queued);
        }
    }

    private Overloaded refusal(int solves) {
        int free;
        synchronized (this) {
            free = Math.max(0, capacity - taken);
        }
        return refusal(solves, capacity, capacity - free);
    }

    private Overloaded refusal(int solves, long places, long busy) {
        metrics.refused();
        // A request larger than all places waits for an idle service: the last running solve's end, not the first's.
        var until = solves > capacity ? runner.nanosUntilLastEnds() : runner.nanosUntilFirstEnds();
        long retry = Math.max(1, until.stream().map(nanos -> Math.ceilDiv(nanos, 1_000_000_000L)).findFirst().orElse(1));
        long free = Math.max(0, places - busy);
        var queue = "(%d solving here, %d waiting); retry in %d s".formatted(runner.running(), runner.queued(), retry);
        return new Overloaded(solves == 1 || free == 0
                ? "all %d places in the solve queue are taken %s".formatted(places, queue)
                : "the request needs %d places in the solve queue and %d of %d are free %s".formatted(solves, free, places, queue),
                retry);
    }

    /** Solves that may be running or waiting at once. */
    public int capacity() {
        return capacity;
    }

    /** Places taken now. */
    public synchronized int taken() {
        return taken;
    }
}
