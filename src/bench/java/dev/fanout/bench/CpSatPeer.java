package dev.fanout.bench;

import java.time.Duration;

import dev.fanout.analysis.Instance;
import dev.fanout.analysis.Schedule;
import dev.fanout.exact.CpSatSearch;

/**
 * OR-Tools' CP-SAT alone, with {@code --peer-workers} workers (8 by default, its best on 2 cores), for the
 * side-by-side column ({@code --peer cpsat}); with {@code --peer cpsat-hint}, started from Fanout's schedule. The model
 * is the service's own exact stage's ({@code exact.CpSatModel}).
 */
final class CpSatPeer implements Peer {

    private final boolean hinted;
    private final int workers;

    CpSatPeer(boolean hinted, int workers) {
        this.hinted = hinted;
        this.workers = workers;
    }

    @Override
    public String name() {
        return hinted ? "cp-sat from Fanout's" : "cp-sat";
    }

    @Override
    public boolean takesHint() {
        return hinted;
    }

    @Override
    public Outcome solve(Instance instance, Duration budget) {
        return solve(instance, budget, null);
    }

    @Override
    public Outcome solve(Instance instance, Duration budget, Schedule hint) {
        long called = System.nanoTime();
        var lastSolution = new long[1];
        var outcome = CpSatSearch.solve(instance, hint, budget, workers, () -> false,
                schedule -> lastSolution[0] = System.nanoTime());
        // Time to best counts from the end of the model's building, as the budget does.
        long searchStarted = called + outcome.modelTime().toNanos();
        var timeToBest = Duration.ofNanos(lastSolution[0] == 0 ? 0 : Math.max(0, lastSolution[0] - searchStarted));
        return new Outcome(outcome.schedule(), outcome.provenOptimal(), timeToBest, outcome.modelTime(), outcome.status());
    }
}
