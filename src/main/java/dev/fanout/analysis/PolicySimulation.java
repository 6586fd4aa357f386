package dev.fanout.analysis;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * A schedule followed as a policy while the durations vary (CONTRACT §7): each agent keeps its tasks in the order the
 * schedule gives them, and a task starts as soon as its agent is free, its dependencies have ended, the phase before
 * its own has ended (for the author's waves and the tiers, whose barriers are part of the strategy) and the areas,
 * resources and caps it holds have room. Each shared limit is handed out in the schedule's order too, as lanes: a
 * limit of capacity c is c lanes, and a task holding u units takes the u lanes that free up first. With the
 * schedule's own durations this gives the schedule back when it is left-shifted (no task could start sooner).
 *
 * <p>One instance serves many runs; {@link Run} holds what one thread needs for them.
 */
final class PolicySimulation {

    private final Instance instance;
    /** The tasks in the order the runs place them: by start in the schedule, ties in topological order. */
    private final int[] order;
    private final int[] agentOf;
    /** Per task its phase (0, 1, …), or null without barriers. */
    private final int[] phaseOf;
    private final int phaseCount;
    /** Per task, the limits it holds on its agent and the units of each. */
    private final int[][] heldLimits;
    private final int[][] heldUnits;
    /** Per task, the time it takes on its agent per unit of duration at speed 1 (1 / the agent's speed). */
    private final double[] pace;
    private final double[] availableFrom;

    private PolicySimulation(Schedule schedule, int[] phaseOf, int phaseCount) {
        this.instance = schedule.instance();
        int n = instance.taskCount();
        this.order = IntStream.range(0, n).boxed()
                .sorted(Comparator.<Integer>comparingInt(t -> phaseOf == null ? 0 : phaseOf[t])
                        .thenComparingLong(schedule::start).thenComparingInt(instance::topologicalRank))
                .mapToInt(Integer::intValue).toArray();
        this.agentOf = new int[n];
        this.phaseOf = phaseOf;
        this.phaseCount = phaseCount;
        this.heldLimits = new int[n][];
        this.heldUnits = new int[n][];
        this.pace = new double[n];
        var limits = instance.limits();
        for (int task = 0; task < n; task++) {
            int agent = schedule.agentOf(task);
            agentOf[task] = agent;
            long atSpeedOne = instance.duration(task);
            pace[task] = atSpeedOne == 0 ? 1 : (double) instance.duration(task, agent) / atSpeedOne;
            if (agent == Schedule.NO_AGENT || instance.isMilestone(task)) {
                heldLimits[task] = new int[0];
                heldUnits[task] = new int[0];
                continue;
            }
            var held = new int[limits.limits().size()];
            limits.forEachHeld(task, agent, (limit, units) -> held[limit] += units);
            heldLimits[task] = IntStream.range(0, held.length).filter(l -> held[l] > 0).toArray();
            heldUnits[task] = Arrays.stream(heldLimits[task]).map(l -> held[l]).toArray();
        }
        var scale = instance.scale();
        this.availableFrom = IntStream.range(0, instance.agentCount())
                .mapToDouble(agent -> scale.toDouble(instance.availableFrom(agent))).toArray();
    }

    /** The schedule as it is: each agent's order and the shared limits' order. */
    static PolicySimulation of(Schedule schedule) {
        return new PolicySimulation(schedule, null, 0);
    }

    /** A phased strategy: as {@link #of(Schedule)}, and no phase starts before the one before it has ended. */
    static PolicySimulation of(PhasedSchedule phased) {
        var phaseOf = new int[phased.schedule().instance().taskCount()];
        var phases = phased.phases();
        for (int p = 0; p < phases.size(); p++) {
            for (int task : phases.get(p).tasks()) {
                phaseOf[task] = p;
            }
        }
        return new PolicySimulation(phased.schedule(), phaseOf, phases.size());
    }

    Run newRun() {
        return new Run();
    }

    /** What one thread needs to simulate runs one after another: reused, never shared. */
    final class Run {
        final double[] end;
        /** Per task, the task whose end it started at (agent, dependency, barrier or limit), or -1 (at time 0). */
        final int[] cause;
        private final double[] agentFree;
        private final int[] agentLast;
        private final double[] phaseEnd;
        private final int[] phaseLast;
        private final Lanes[] lanes;

        private Run() {
            int n = instance.taskCount();
            end = new double[n];
            cause = new int[n];
            agentFree = new double[instance.agentCount()];
            agentLast = new int[instance.agentCount()];
            phaseEnd = new double[Math.max(1, phaseCount)];
            phaseLast = new int[Math.max(1, phaseCount)];
            var limits = instance.limits().limits();
            lanes = new Lanes[limits.size()];
            for (int l = 0; l < lanes.length; l++) {
                lanes[l] = new Lanes(limits.get(l).capacity());
            }
        }

        /**
         * One run with {@code duration} (per task, in the plan's unit at speed 1); returns when the last task ends.
         * {@link #end} and {@link #cause} then hold the run's tasks.
         */
        double simulate(double[] duration) {
            System.arraycopy(availableFrom, 0, agentFree, 0, agentFree.length);
            Arrays.fill(agentLast, -1);
            Arrays.fill(phaseEnd, 0);
            Arrays.fill(phaseLast, -1);
            for (var lane : lanes) {
                lane.reset();
            }
            double makespan = 0;
            for (int task : order) {
                // On a tie the dependency is named the cause: it is why the task waits, whoever else ends then.
                double start = 0;
                int because = -1;
                for (int p : instance.predecessors(task)) {
                    if (end[p] > start || because < 0 && end[p] == start) {
                        start = end[p];
                        because = p;
                    }
                }
                int agent = agentOf[task];
                if (agent != Schedule.NO_AGENT && agentFree[agent] > start) {
                    start = agentFree[agent];
                    because = agentLast[agent];
                }
                if (phaseOf != null && phaseOf[task] > 0 && phaseEnd[phaseOf[task] - 1] > start) {
                    start = phaseEnd[phaseOf[task] - 1];
                    because = phaseLast[phaseOf[task] - 1];
                }
                var limits = heldLimits[task];
                for (int i = 0; i < limits.length; i++) {
                    var lane = lanes[limits[i]];
                    for (int u = 0; u < heldUnits[task][i]; u++) {
                        double free = lane.freeAt();
                        int holder = lane.lastHolder();
                        lane.pop();
                        if (free > start) {
                            start = free;
                            because = holder;
                        }
                    }
                }
                double finish = start + duration[task] * pace[task];
                for (int i = 0; i < limits.length; i++) {
                    for (int u = 0; u < heldUnits[task][i]; u++) {
                        lanes[limits[i]].push(finish, task);
                    }
                }
                end[task] = finish;
                cause[task] = because;
                if (agent != Schedule.NO_AGENT) {
                    agentFree[agent] = finish;
                    agentLast[agent] = task;
                }
                if (phaseOf != null && finish >= phaseEnd[phaseOf[task]]) {
                    phaseEnd[phaseOf[task]] = finish;
                    phaseLast[phaseOf[task]] = task;
                }
                makespan = Math.max(makespan, finish);
            }
            return makespan;
        }
    }

    /** The lanes of one limit: a binary min-heap of the times they free up, with the task that last held each. */
    private static final class Lanes {
        private final double[] free;
        private final int[] holder;
        /** Lanes in the heap: all of them between tasks, one fewer while a task takes its units. */
        private int size;

        Lanes(int capacity) {
            free = new double[capacity];
            holder = new int[capacity];
        }

        void reset() {
            Arrays.fill(free, 0);
            Arrays.fill(holder, -1);
            size = free.length;
        }

        double freeAt() {
            return free[0];
        }

        int lastHolder() {
            return holder[0];
        }

        void pop() {
            size--;
            free[0] = free[size];
            holder[0] = holder[size];
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && free[child + 1] < free[child]) {
                    child++;
                }
                if (free[child] >= free[i]) {
                    break;
                }
                swap(i, child);
                i = child;
            }
        }

        void push(double time, int task) {
            int i = size++;
            free[i] = time;
            holder[i] = task;
            while (i > 0 && free[(i - 1) / 2] > free[i]) {
                swap(i, (i - 1) / 2);
                i = (i - 1) / 2;
            }
        }

        private void swap(int a, int b) {
            double time = free[a];
            free[a] = free[b];
            free[b] = time;
            int task = holder[a];
            holder[a] = holder[b];
            holder[b] = task;
        }
    }
}
