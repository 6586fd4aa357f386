package dev.fanout.service;

import java.time.Duration;

import dev.fanout.analysis.Schedule;

/**
 * How a solve ended. {@code schedule} is always valid and never longer than the one the solve started from.
 * {@code solverRan} is false when the starting schedule was proven optimal already; {@code failed} when the search
 * threw (the schedule is then the best found before, and {@code message} says so). {@code timeToBest} is when the final
 * schedule was found; {@code moveSpeed} the moves Timefold evaluated per second.
 */
public record SolveOutcome(Schedule schedule, boolean optimal, Duration spent, boolean solverRan, boolean failed,
        String message, Duration timeToBest, long moveSpeed) {

    /** The same outcome with another schedule of the same makespan (a stable re-plan's, CONTRACT §6). */
    public SolveOutcome with(Schedule other) {
        return new SolveOutcome(other, optimal, spent, solverRan, failed, message, timeToBest, moveSpeed);
    }

    /** The starting schedule already meets the lower bound: nothing to search for. */
    public static SolveOutcome provenAtStart(Schedule schedule) {
        return new SolveOutcome(schedule, true, Duration.ZERO, false, false, null, Duration.ZERO, 0);
    }
}
