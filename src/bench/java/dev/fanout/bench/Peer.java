package dev.fanout.bench;

import java.time.Duration;

import dev.fanout.analysis.Instance;
import dev.fanout.analysis.Schedule;

/**
 * Another solver run on the same instances, with the same budget, for a side-by-side column
 * ({@code ./fanout bench --peer cpsat}). The runner finds them by name.
 */
public interface Peer {

    /**
     * What a peer found: its schedule (null when it found none in the budget), whether it proved that schedule
     * optimal itself, when it found it, how long building its model took (before the budget started), and how it
     * ended in its own words (for CP-SAT: OPTIMAL, FEASIBLE, UNKNOWN when the budget ran out first, …).
     */
    record Outcome(Schedule schedule, boolean provenOptimal, Duration timeToBest, Duration modelTime, String status) {
    }

    /** The column's heading. */
    String name();

    Outcome solve(Instance instance, Duration budget);

    /**
     * As {@link #solve(Instance, Duration)}, told Fanout's schedule for the same instance first ({@code --peer
     * cpsat-hint}: Fanout and then the peer from Fanout's best, one after the other); a peer that takes no hint ignores
     * it.
     */
    default Outcome solve(Instance instance, Duration budget, Schedule hint) {
        return solve(instance, budget);
    }

    /** Whether the runner gives this peer Fanout's schedule. */
    default boolean takesHint() {
        return false;
    }

    /** The peer called {@code name} on the command line. */
    static Peer named(String name, int workers) {
        if (!name.equals("cpsat") && !name.equals("cpsat-hint")) {
            throw new IllegalArgumentException("unknown peer " + name + ": cpsat or cpsat-hint");
        }
        return new CpSatPeer(name.equals("cpsat-hint"), workers);
    }
}
