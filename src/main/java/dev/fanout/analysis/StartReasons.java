package dev.fanout.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Why each task starts when it does, read off the schedule itself: it waits for a dependency, for its agent to
 * finish the task before it, for its agent's window to open, for a shared limit another task frees (an area it
 * holds, a resource it fills, the plan's or a pool's cap), or for nothing (it starts at 0). Also the chain of such waits that ends with the last
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
        /** Its agent is not available before then ({@code availableFrom}). */
        @JsonProperty("agentUnavailable") AGENT_UNAVAILABLE,
        /** Waits for an area that another task, working on an overlapping area, holds until then. */
        @JsonProperty("area") AREA,
        /** Waits for units of a resource that running tasks fill until one of them ends. */
        @JsonProperty("resource") RESOURCE,
        /** Waits because the plan or its agent's pool runs as many tasks as its cap allows until one ends. */
        @JsonProperty("cap") CAP,
        /** Starts later than all of these: the schedule leaves its agent idle (only in schedules not left-shifted). */
        @JsonProperty("idle") IDLE,
        /** Already started (CONTRACT §6): it goes on where it is, on its agent, from now. */
        @JsonProperty("started") STARTED,
        /** Done by now: it takes no more time. */
        @JsonProperty("done") DONE;

        /** Whether the task waits for another one, which {@link Reason#on()} names. */
        public boolean waitsForATask() {
            return switch (this) {
                case DEPENDENCY, AGENT, AREA, RESOURCE, CAP -> true;
                case FREE, IDLE, AGENT_UNAVAILABLE, STARTED, DONE -> false;
            };
        }
    }

    /**
     * One task's reason. {@code on} is the task waited for (-1 when it waits for none); {@code until} when the wait
     * ends; {@code limit} the shared limit waited for ({@link SharedLimits}; -1 when none).
     */
    public record Reason(int task, Kind kind, int on, long until, int limit) {
        public Reason(int task, Kind kind, int on, long until) {
            this(task, kind, on, until, -1);
        }
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
        var endingAt = endingAt(schedule);
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
            if (instance.status(task) != dev.fanout.plan.TaskStatus.PLANNED) {
                reasons.add(new Reason(task, instance.isStarted(task) ? Kind.STARTED : Kind.DONE, -1, 0));
            } else if (latestDependency >= 0 && dependenciesEnd == start && dependenciesEnd >= agentFree) {
                reasons.add(new Reason(task, Kind.DEPENDENCY, latestDependency, dependenciesEnd));
            } else if (previous >= 0 && agentFree == start) {
                // Its agent's previous task changes an area it changes too: on any other agent it would wait as long.
                int area = sharedArea(instance, task, previous);
                reasons.add(area >= 0 ? new Reason(task, Kind.AREA, previous, agentFree, area)
                        : new Reason(task, Kind.AGENT, previous, agentFree));
            } else if (start == 0) {
                reasons.add(new Reason(task, Kind.FREE, -1, 0));
            } else if (schedule.agentOf(task) != Schedule.NO_AGENT && start == instance.availableFrom(schedule.agentOf(task))) {
                reasons.add(new Reason(task, Kind.AGENT_UNAVAILABLE, -1, start));
            } else {
                var limit = instance.limits().any() ? limitWaitedFor(schedule, task, endingAt) : null;
                reasons.add(limit != null ? limit : new Reason(task, Kind.IDLE, -1, start));
            }
        }
        return new StartReasons(schedule, List.copyOf(reasons));
    }

    /** An area both tasks hold (their areas overlap); -1 when none. */
    private static int sharedArea(Instance instance, int task, int other) {
        var limits = instance.limits();
        for (int limit : limits.limitsOf(task)) {
            if (limits.limit(limit).kind() == SharedLimits.Kind.AREA && limits.units(other, limit) > 0) {
                return limit;
            }
        }
        return -1;
    }

    /** Per shared limit: for each end time, a task holding the limit that ends then (pool caps by the task's agent). */
    private static List<java.util.Map<Long, Integer>> endingAt(Schedule schedule) {
        var instance = schedule.instance();
        var limits = instance.limits();
        var endingAt = new ArrayList<java.util.Map<Long, Integer>>();
        for (int l = 0; l < limits.limits().size(); l++) {
            endingAt.add(new java.util.HashMap<>());
        }
        for (int task = 0; task < instance.taskCount(); task++) {
            if (instance.isMilestone(task) || schedule.agentOf(task) == Schedule.NO_AGENT) {
                continue;
            }
            int holder = task;
            limits.forEachHeld(task, schedule.agentOf(task),
                    (limit, units) -> endingAt.get(limit).putIfAbsent(schedule.end(holder), holder));
        }
        return endingAt;
    }

    /**
     * The shared limit a task waits for: one it holds that another holder frees exactly when the task starts (areas
     * first, then resources, then caps); null when none does.
     */
    private static Reason limitWaitedFor(Schedule schedule, int task, List<java.util.Map<Long, Integer>> endingAt) {
        var instance = schedule.instance();
        var limits = instance.limits();
        long start = schedule.start(task);
        var held = new ArrayList<Integer>();
        if (schedule.agentOf(task) != Schedule.NO_AGENT) {
            limits.forEachHeld(task, schedule.agentOf(task), (limit, units) -> held.add(limit));
        }
        Reason found = null;
        for (int limit : held) {
            var other = endingAt.get(limit).get(start);
            if (other == null || other == task) {
                continue;
            }
            var kind = switch (limits.limit(limit).kind()) {
                case AREA -> Kind.AREA;
                case RESOURCE -> Kind.RESOURCE;
                case PLAN_CAP, POOL_CAP -> Kind.CAP;
            };
            if (found == null || kind.ordinal() < found.kind().ordinal()) {
                found = new Reason(task, kind, other, start, limit);
            }
        }
        return found;
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
