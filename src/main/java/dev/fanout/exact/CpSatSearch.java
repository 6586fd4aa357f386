package dev.fanout.exact;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.CpSolverStatus;

import dev.fanout.analysis.Instance;
import dev.fanout.analysis.Schedule;

/**
 * OR-Tools' CP-SAT on a Fanout instance ({@link CpSatModel}): an exact search that, on small plans, finds and often
 * proves what the heuristics miss. Its native library is loaded once; where it cannot be (a platform OR-Tools ships
 * none for here), {@link #isAvailable()} says so and callers go without.
 */
public final class CpSatSearch {

    private static final Logger LOG = Logger.getLogger(CpSatSearch.class);
    private static final boolean AVAILABLE = load();
    /** How often a running search asks whether it should stop. */
    static final long CHECK_MILLIS = 50;

    /**
     * What it found: the best schedule (null when none in the time), whether CP-SAT proved it optimal for its model,
     * how it ended in its own words (OPTIMAL, FEASIBLE, UNKNOWN when the time ran out first, …) and how long building
     * the model took.
     */
    public record Outcome(Schedule schedule, boolean provenOptimal, String status, Duration modelTime) {

        /** CP-SAT proved that no schedule meets what was asked (for {@link #reach}: none ends by the target). */
        public boolean refuted() {
            return CpSolverStatus.INFEASIBLE.name().equals(status);
        }
    }

    private CpSatSearch() {
    }

    private static boolean load() {
        try {
            Loader.loadNativeLibraries();
            return true;
        } catch (RuntimeException | LinkageError e) {
            LOG.warnf("CP-SAT is not available here (%s): small plans are solved without the exact stage", e);
            return false;
        }
    }

    public static boolean isAvailable() {
        return AVAILABLE;
    }

    /**
     * Searches for at most {@code time} after the model is built, with {@code workers} threads, from {@code hint} (null:
     * none). It stops early when {@code stopped} says so (checked every {@value #CHECK_MILLIS} ms). {@code onSolution}
     * receives every solution as it is found, unchecked.
     */
    public static Outcome solve(Instance instance, Schedule hint, Duration time, int workers, BooleanSupplier stopped,
            Consumer<Schedule> onSolution) {
        long building = System.nanoTime();
        var model = new CpSatModel(instance);
        if (hint != null) {
            model.hint(hint);
        }
        return run(model, Duration.ofNanos(System.nanoTime() - building), time, workers, stopped, onSolution);
    }

    /**
     * Re-places a neighbourhood's free and held tasks ({@link Neighbourhood}) for at most {@code time}, starting from the
     * schedule around it, never later than that one: the makespan minimized, then, with {@code latestEnd} (null: none),
     * how far the tasks end past their latest ends ({@link CpSatModel#minimizeLateness}). The outcome is proven optimal
     * when CP-SAT closed the neighbourhood.
     */
    static Outcome improve(Instance instance, Neighbourhood neighbourhood, long[] latestEnd, Duration time, int workers,
            BooleanSupplier stopped) {
        long building = System.nanoTime();
        var model = new CpSatModel(instance, neighbourhood);
        if (latestEnd != null) {
            model.minimizeLateness(latestEnd);
        }
        model.hint(neighbourhood.around());
        return run(model, Duration.ofNanos(System.nanoTime() - building), time, workers, stopped, found -> {
        });
    }

    /**
     * Searches for at most {@code time} for a schedule that ends by {@code target} (any one: there is no objective),
     * with {@code workers} threads; it stops when {@code stopped} says so. The outcome's status is OPTIMAL or FEASIBLE
     * when one was found ({@code onSolution} has it too), INFEASIBLE when CP-SAT proved that none exists (the optimum
     * is then past the target), UNKNOWN when the time ran out first.
     */
    public static Outcome reach(Instance instance, long target, Duration time, int workers, BooleanSupplier stopped,
            Consumer<Schedule> onSolution) {
        long building = System.nanoTime();
        var model = new CpSatModel(instance, target);
        var outcome = run(model, Duration.ofNanos(System.nanoTime() - building), time, workers, stopped, onSolution);
        // Without an objective, OPTIMAL only says that a schedule was found.
        return new Outcome(outcome.schedule(), false, outcome.status(), outcome.modelTime());
    }

    private static Outcome run(CpSatModel model, Duration modelTime, Duration time, int workers, BooleanSupplier stopped,
            Consumer<Schedule> onSolution) {
        var solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(Math.max(0.001, time.toMillis() / 1000.0)).setNumWorkers(workers);
        var checks = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
        checks.scheduleWithFixedDelay(() -> {
            if (stopped.getAsBoolean()) {
                // Asked again until the search ends: a stop asked before the search has started is not kept.
                solver.stopSearch();
            }
        }, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
        try {
            var status = solver.solve(model.model, new CpSolverSolutionCallback() {
                @Override
                public void onSolutionCallback() {
                    onSolution.accept(model.schedule(variable -> value(variable), literal -> booleanValue(literal)));
                }
            });
            var found = status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE ? model.schedule(solver) : null;
            return new Outcome(found, status == CpSolverStatus.OPTIMAL, status.name(), modelTime);
        } finally {
            checks.shutdownNow();
        }
    }
}
