package dev.fanout.service;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import dev.fanout.analysis.PlanAnalysis;
import dev.fanout.analysis.Schedule;
import dev.fanout.analysis.ScheduleCheck;
import dev.fanout.exact.CpSatSearch;

/**
 * The exact stage of a solve: CP-SAT from the heuristic search's best, on plans small enough for it. On small plans
 * with no slack it finds in a fraction of a second what the heuristics and Timefold miss in ten (BENCHMARKS.md).
 * Every schedule it reports is checked like any other first; "proven optimal" stays the lower bound's to say.
 *
 * @param maxTasks plans of up to this many tasks get the stage; 0: never
 * @param share the share of the time left that it may take
 * @param workers CP-SAT's threads
 */
public record ExactStage(int maxTasks, double share, int workers) {

    /** The least time the stage waits for a better schedule before it gives the rest of its time to Timefold. */
    static final Duration PATIENCE_FLOOR = Duration.ofSeconds(5);

    /** No exact stage. */
    public static final ExactStage OFF = new ExactStage(0, 0, 1);

    public boolean appliesTo(PlanAnalysis analysis) {
        return analysis.instance().taskCount() <= maxTasks && share > 0 && CpSatSearch.isAvailable();
    }

    /**
     * The better of {@code best} and what CP-SAT finds from it before {@code deadline} (System.nanoTime()); each
     * better valid schedule goes to {@code improvedTo} as it is found.
     */
    Schedule improve(PlanAnalysis analysis, Schedule best, long deadline, BooleanSupplier stopped,
            Consumer<Schedule> improvedTo) {
        var kept = new AtomicReference<>(best);
        Consumer<Schedule> onSolution = found -> {
            synchronized (kept) {
                if (found.isBetterThan(kept.get()) && ScheduleCheck.isValid(found)) {
                    kept.set(found);
                    improvedTo.accept(found);
                }
            }
        };
        var time = Duration.ofNanos(Math.round((deadline - System.nanoTime()) * share));
        // It stops when asked to, once a schedule meets the lower bound (nothing better exists), and when it has found
        // nothing new for a third of its time (at least 5 s): Timefold then gets the rest.
        var patience = Duration.ofNanos(Math.max(PATIENCE_FLOOR.toNanos(), time.toNanos() / 3));
        var outcome = CpSatSearch.solve(analysis.instance(), best, time, workers, patience,
                () -> stopped.getAsBoolean() || analysis.isProvenOptimal(kept.get()), onSolution);
        if (outcome.schedule() != null) {
            onSolution.accept(outcome.schedule());
        }
        return kept.get();
    }
}
