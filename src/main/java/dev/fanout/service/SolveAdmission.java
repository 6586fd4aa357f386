package dev.fanout.service;

import jakarta.enterprise.context.ApplicationScoped;

import dev.fanout.config.FanoutConfig;
import dev.fanout.persistence.SolveJobStore;
import dev.fanout.persistence.SolveRunStore;

/**
 * Who may solve now, counted in solves across every instance: a one-shot or background solve needs one place, a
 * what-if sweep one per scenario. There are {@code parallel-solves + queue-capacity} places per live instance; taken
 * are the background solves queued or running on any instance, the one-shot solves and scenarios this instance
 * admitted (held until each ends), and those other instances admitted that are not answered yet. A request that does
 * not fit is refused at once ({@link Overloaded}, with when to retry) rather than left waiting. A request larger than
 * all places is admitted when nothing else is, so that it is slow rather than impossible.
 */
@ApplicationScoped
public class SolveAdmission {

    private final SolveRunner runner;
    private final SolveMetrics metrics;
    private final SolveRunStore runs;
    private final SolveJobStore requests;
    private final JobEngine engine;
    private final int capacity;
    /** Places this instance holds for the one-shot solves and scenarios it admitted. */
    private int taken;

    public SolveAdmission(SolveRunner runner, SolveMetrics metrics, SolveRunStore runs, SolveJobStore requests,
            JobEngine engine, FanoutConfig config) {
        this.runner = runner;
        this.metrics = metrics;
        this.runs = runs;
        this.requests = requests;
        this.engine = engine;
        this.capacity = config.solve().parallelSolves() + config.solve().queueCapacity();
    }

    /** What takes places elsewhere: background solves (on any instance) and other instances' unanswered requests. */
    private record Elsewhere(long busy, long instances) {
    }

    private Elsewhere elsewhere() {
        return new Elsewhere(runs.queuedAndRunning() + requests.unansweredAskedByOthers(engine.instance()),
                engine.aliveInstances());
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

    /** Takes a place for each of {@code solves} one-shot solves or scenarios, held until each ends, or refuses. */
    public Admission admit(int solves) {
        var elsewhere = elsewhere();
        long places = capacity * elsewhere.instances();
        long busy;
        synchronized (this) {
            busy = taken + elsewhere.busy();
            if (busy == 0 || busy + solves <= places) {
                taken += solves;
                return new Admission(solves);
            }
        }
        throw refusal(solves, places, busy);
    }

    /**
     * Admits a background solve, or refuses. Admitted, it holds its place as long as it is queued or running (the
     * plan is SOLVING), whichever instance runs it.
     */
    public void admitQueued() {
        var elsewhere = elsewhere();
        long places = capacity * elsewhere.instances();
        long busy;
        synchronized (this) {
            busy = taken + elsewhere.busy();
        }
        if (busy > 0 && busy + 1 > places) {
            throw refusal(1, places, busy);
        }
    }

    private Overloaded refusal(int solves, long places, long busy) {
        metrics.refused();
        // A request larger than all places waits for an idle service: the last running solve's end, not the first's.
        var until = solves > places ? runner.nanosUntilLastEnds() : runner.nanosUntilFirstEnds();
        long retry = Math.max(1, until.stream().map(nanos -> Math.ceilDiv(nanos, 1_000_000_000L)).findFirst().orElse(1));
        long free = Math.max(0, places - busy);
        var queue = "(%d solving here, %d waiting); retry in %d s".formatted(runner.running(), runner.queued(), retry);
        return new Overloaded(solves == 1 || free == 0
                ? "all %d places in the solve queue are taken %s".formatted(places, queue)
                : "the request needs %d places in the solve queue and %d of %d are free %s".formatted(solves, free, places, queue),
                retry);
    }

    /** Solves that may be running or waiting at once, across the live instances. */
    public long capacity() {
        return capacity * engine.aliveInstances();
    }

    /** Places taken now, across the instances. */
    public long taken() {
        long elsewhere = elsewhere().busy();
        synchronized (this) {
            return taken + elsewhere;
        }
    }
}
