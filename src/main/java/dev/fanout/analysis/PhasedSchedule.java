package dev.fanout.analysis;

import java.util.List;

/**
 * A schedule run in phases, the author's waves or the dependency tiers: every task of a phase starts after every
 * task of the phases before it has ended. A phase runs from the end of the one before it (0 for the first) to the
 * end of its last task.
 */
public record PhasedSchedule(Schedule schedule, List<Phase> phases) {

    public PhasedSchedule {
        phases = List.copyOf(phases);
    }

    /** One phase: its tasks, and when it starts and ends, in ticks. */
    public record Phase(List<Integer> tasks, long start, long end) {
        public Phase {
            tasks = List.copyOf(tasks);
        }
    }

    public long makespan() {
        return schedule.makespan();
    }
}
