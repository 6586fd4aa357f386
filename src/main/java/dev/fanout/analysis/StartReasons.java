package dev.fanout.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Why each task starts when it does, read off the schedule itself: it waits for a dependency, for its agent to
 * finish the task before it, or for nothing (it starts at 0). Also the chain of such waits that ends with the last
 * task: the schedule's own critical chain, which says what sets the makespan.
 */
public final class StartReasons {

    /** Why a task starts when it does, named in JSON as in {@code @JsonProperty}. */
    public enum Kind {
        /** Starts at 0: no dependency, first on its agent. */
        @JsonProperty("free") FREE,
        /** Starts when a dependency ends (the latest-ending one). */
        @JsonProperty("dependency") DEPENDENCY,
        /** Its dependencies are done; it starts when its agent finishes the task before it. */
        @JsonProperty("agent") AGENT,
        /** Starts later than both: the schedule leaves its agent idle (only in schedules not left-shifted). */
        @JsonProperty("idle") IDLE;

        /** Whether the task waits for another one, which {@link Reason#on()} names. */
        public boolean waitsForATask() {
            return switch (this) {
                case DEPENDENCY, AGENT -> true;
                case FREE, IDLE -> false;
            };
        }
    }

    /** One task's reason. {@code on} is the task waited for (-1 for FREE and IDLE); {@code until} its end. */
    public record Reason(int task, Kind kind, int on, long until) {
    }

    private final Schedule schedule;
    private final List<Reason> reasons;

    private StartReasons(Schedule schedule, List<Reason> reasons) {
        this.schedule = schedule;
        this.reasons = reasons;
    }

    public static StartReasons of(Schedule schedule) {
        var instance = schedule.instance();
        int n = instance.taskCount();
        var previousOnAgent = new int[n];
        java.util.Arrays.fill(previousOnAgent, -1);
        for (var sequence : schedule.sequences()) {
            for (int i = 1; i < sequence.size(); i++) {
                previousOnAgent[sequence.get(i)] = sequence.get(i - 1);
            }
        }
        var reasons = new ArrayList<Reason>(n);
        for (int task = 0; task < n; task++) {
            long start = schedule.start(task);
            int latestDependency = -1;
            for (int p : instance.predecessors(task)) {
                if (latestDependency < 0 || schedule.end(p) > schedule.end(latestDependency)) {
                    latestDependency = p;
                }
            }
            int previous = previousOnAgent[task];
            long dependenciesEnd = latestDependency < 0 ? 0 : schedule.end(latestDependency);
            long agentFree = previous < 0 ? 0 : schedule.end(previous);
            // A dependency is the reason whenever it ends last (on a tie too: with a free agent it would still wait).
            if (latestDependency >= 0 && dependenciesEnd == start && dependenciesEnd >= agentFree) {
                reasons.add(new Reason(task, Kind.DEPENDENCY, latestDependency, dependenciesEnd));
            } else if (previous >= 0 && agentFree == start) {
                reasons.add(new Reason(task, Kind.AGENT, previous, agentFree));
            } else if (start == 0) {
                reasons.add(new Reason(task, Kind.FREE, -1, 0));
            } else {
                reasons.add(new Reason(task, Kind.IDLE, -1, start));
            }
        }
        return new StartReasons(schedule, List.copyOf(reasons));
    }

    public Reason of(int task) {
        return reasons.get(task);
    }

    public List<Reason> all() {
        return reasons;
    }

    /**
     * From the task that ends last back to time 0, following each task's reason: the chain of dependencies and agent
     * hand-overs that sets the makespan. In execution order.
     */
    public List<Reason> criticalChain() {
        var instance = schedule.instance();
        int last = -1;
        for (int task = 0; task < instance.taskCount(); task++) {
            // The last-ending task; among equals, one with work (a milestone merely marks the end).
            if (last < 0 || schedule.end(task) > schedule.end(last)
                    || schedule.end(task) == schedule.end(last) && instance.isMilestone(last) && !instance.isMilestone(task)) {
                last = task;
            }
        }
        var chain = new ArrayList<Reason>();
        for (int task = last; task >= 0; ) {
            var reason = reasons.get(task);
            chain.add(reason);
            task = reason.on();
        }
        Collections.reverse(chain);
        return chain;
    }
}
