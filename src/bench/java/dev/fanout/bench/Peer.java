package dev.fanout.bench;

import java.time.Duration;

import dev.fanout.analysis.Instance;
import dev.fanout.analysis.Schedule;

/**
 * Another solver run on the same instances, with the same budget, for a side-by-side column
 * ({@code ./fanout bench --peer cpsat}). Peers live in their own source set, built only when asked for, so that
 * their libraries stay out of normal builds; the runner finds them by name.
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

    /** The peer called {@code name} on the command line. */
    static Peer named(String name) {
        if (!name.equals("cpsat")) {
            throw new IllegalArgumentException("unknown peer " + name + ": cpsat");
        }
        try {
            return (Peer) Class.forName("dev.fanout.bench.cpsat.CpSatPeer").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalArgumentException("the CP-SAT peer is not built (" + e + "): run it as ./fanout bench ... --peer"
                    + " cpsat, which builds with the Maven profile cpsat and puts OR-Tools on the class path");
        }
    }
}
