package dev.fanout.analysis;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.function.IntToLongFunction;

/**
 * Priority lists ("activity lists"): every task once, each after its dependencies, the order in which serial schedule
 * generation places them. The lists of the genetic search in {@link ScheduleSearch} are made here: a list read off a
 * schedule, two lists crossed, a list with a few tasks moved, and a fresh list drawn around the critical-path rule or,
 * while windows are missed, the urgency rule.
 */
final class ActivityList {

    /** How far a drawn priority may stray from the critical-path rule: ±30 %. */
    private static final double NOISE = 0.3;
    /**
     * The same on plans of more than {@value #LARGE_PLAN} tasks: ±5 %. A list of a thousand tasks drawn at ±30 % is
     * scrambled everywhere at once, while the better schedules there differ from the rule's only here and there; on the
     * tight 1,000- and 3,000-task plans the smaller spread found shorter schedules (BENCHMARKS.md, 2026-12-05).
     */
    private static final double NOISE_LARGE = 0.05;
    private static final int LARGE_PLAN = 300;

    private final Instance instance;
    private final Random random;
    private final double noise;
    /** Per task, its duration and the longest chain of work after it: the critical-path rule. */
    private final long[] chain;
    /** Per task, how much time must follow its start for the plan to end at the lower bound: see {@link #drawn}. */
    private final long[] urgency;

    ActivityList(Instance instance, Paths paths, Random random, long lowerBound) {
        this.instance = instance;
        this.random = random;
        int n = instance.taskCount();
        this.noise = n > LARGE_PLAN ? NOISE_LARGE : NOISE;
        var latestStart = latestStartsInWindows(instance);
        chain = new long[n];
        urgency = new long[n];
        for (int task = 0; task < n; task++) {
            chain[task] = instance.duration(task) + paths.tail(task);
            long window = latestStart[task] == Long.MAX_VALUE ? 0 : lowerBound - latestStart[task];
            urgency[task] = Math.max(chain[task], window);
        }
    }

    /**
     * Per task, the latest it may start for it and everything after it to end inside some able agent's window (at the
     * fastest able agent's speed); {@link Long#MAX_VALUE} where no window closes on it or on what follows it.
     */
    private static long[] latestStartsInWindows(Instance instance) {
        int n = instance.taskCount();
        var latestStart = new long[n];
        var order = instance.topologicalOrder();
        for (int i = order.length - 1; i >= 0; i--) {
            int task = order[i];
            long latestEnd = 0;
            var eligible = instance.eligibleAgents(task);
            for (int agent = eligible.nextSetBit(0); agent >= 0; agent = eligible.nextSetBit(agent + 1)) {
                latestEnd = Math.max(latestEnd, instance.availableUntil(agent));
            }
            if (eligible.isEmpty()) {
                latestEnd = Long.MAX_VALUE; // a milestone: no agent, no window
            }
            for (int s : instance.successors(task)) {
                latestEnd = Math.min(latestEnd, latestStart[s]);
            }
            latestStart[task] = latestEnd == Long.MAX_VALUE ? Long.MAX_VALUE : latestEnd - instance.fastestDuration(task);
        }
        return latestStart;
    }

    /** The tasks by start; on a tie, in topological order (a zero-length task before its successors). */
    int[] byStart(Schedule schedule) {
        return sorted(schedule::start, false);
    }

    /** Latest end first; on a tie, later in topological order first (a zero-length successor ends with its task). */
    int[] byEndDescending(Schedule schedule) {
        return sorted(schedule::end, true);
    }

    /**
     * The tasks by {@code key} (descending: from the largest), ties in topological order (descending: reversed). Sorted
     * as one primitive number per task, the key above the rank, when the keys (times, never negative) leave room for
     * the ranks' bits (always, for any plan the service accepts): the justification sorts twice per pass, and sorting
     * boxed tasks with a comparator was a tenth of a thousand-task plan's search.
     */
    private int[] sorted(IntToLongFunction key, boolean descending) {
        int n = instance.taskCount();
        int rankBits = 64 - Long.numberOfLeadingZeros(Math.max(1, n - 1));
        var keys = new long[n];
        long largest = 0;
        long smallest = 0;
        for (int task = 0; task < n; task++) {
            keys[task] = key.applyAsLong(task);
            largest = Math.max(largest, keys[task]);
            smallest = Math.min(smallest, keys[task]);
        }
        if (smallest < 0 || largest >= 1L << (62 - rankBits)) {
            Comparator<Integer> order = Comparator.<Integer>comparingLong(task -> keys[task])
                    .thenComparingInt(instance::topologicalRank);
            var tasks = new Integer[n];
            Arrays.setAll(tasks, i -> i);
            Arrays.sort(tasks, descending ? order.reversed() : order);
            return Arrays.stream(tasks).mapToInt(Integer::intValue).toArray();
        }
        var packed = new long[n];
        for (int task = 0; task < n; task++) {
            int rank = instance.topologicalRank(task);
            packed[task] = descending ? (largest - keys[task]) << rankBits | (n - 1 - rank)
                    : keys[task] << rankBits | rank;
        }
        Arrays.sort(packed);
        var byRank = instance.topologicalOrder();
        var tasks = new int[n];
        long rankMask = (1L << rankBits) - 1;
        for (int i = 0; i < n; i++) {
            int rank = (int) (packed[i] & rankMask);
            tasks[i] = byRank[descending ? n - 1 - rank : rank];
        }
        return tasks;
    }

    /**
     * A list: always a ready task, the one with the most work ahead of it (its duration and the longest chain after
     * it: the critical-path rule), give or take the noise; with {@code windowsFirst}, the most urgent one instead.
     * A task's urgency is the time that must follow its start for the plan to end at the lower bound: its chain, or,
     * when a window closes on it or on a task after it, the lower bound less the latest start those windows allow (a
     * task whose able agents all leave early goes before one that could wait). The second rule is for a search that
     * has not yet found a schedule inside every window; once it has, the first one gives shorter schedules.
     */
    int[] drawn(boolean windowsFirst) {
        return drawn(windowsFirst ? urgency : chain, noise);
    }

    /** The list of the urgency rule, without noise. */
    int[] urgentFirst() {
        return drawn(urgency, 0);
    }

    private int[] drawn(long[] rule, double noise) {
        int n = instance.taskCount();
        var priority = new double[n];
        for (int task = 0; task < n; task++) {
            double base = rule[task] + 1;
            priority[task] = base * (1 - noise + 2 * noise * random.nextDouble());
        }
        return TopologicalOrder.byDependencies(instance,
                Comparator.<Integer>comparingDouble(t -> -priority[t]).thenComparingInt(t -> t));
    }

    /**
     * Two lists crossed at two random points q1 ≤ q2 (two-point crossover): the first q1 tasks of {@code mother}, then
     * the tasks of {@code father} not yet taken, in his order, up to position q2, then the rest in her order. Each
     * task comes after its dependencies when it does in both parents: a task is taken from a parent's list only
     * after everything before it there, its dependencies among them.
     */
    int[] crossed(int[] mother, int[] father) {
        int n = mother.length;
        int q1 = random.nextInt(n + 1);
        int q2 = q1 + random.nextInt(n - q1 + 1);
        var taken = new boolean[n];
        var child = new int[n];
        int size = 0;
        for (int i = 0; i < q1; i++) {
            taken[mother[i]] = true;
            child[size++] = mother[i];
        }
        for (int i = 0; i < n && size < q2; i++) {
            if (!taken[father[i]]) {
                taken[father[i]] = true;
                child[size++] = father[i];
            }
        }
        for (int i = 0; size < n; i++) {
            if (!taken[mother[i]]) {
                taken[mother[i]] = true;
                child[size++] = mother[i];
            }
        }
        return child;
    }

    /**
     * The task, or one of the tasks it waits for, up to three dependencies back: a task cannot come before its
     * dependencies in a list, so bringing it forward may first need them brought forward.
     */
    private int itselfOrAhead(int focused) {
        int task = focused;
        for (int steps = random.nextInt(4); steps > 0 && instance.predecessors(task).length > 0; steps--) {
            var predecessors = instance.predecessors(task);
            task = predecessors[random.nextInt(predecessors.length)];
        }
        return task;
    }

    /**
     * A copy of {@code list} with {@code moves} tasks, drawn at random, each moved to a random place where it still
     * comes after its dependencies and before the tasks that wait for it. When {@code focus} names tasks (those that
     * end after their agent's window, or those of the critical chain: see {@link ScheduleSearch#focus}), half of the
     * moves take one of them or a task it waits for and move it only towards the front.
     */
    int[] shaken(int[] list, int[] focus, int moves) {
        int n = list.length;
        var shaken = list.clone();
        var position = new int[n];
        for (int i = 0; i < n; i++) {
            position[shaken[i]] = i;
        }
        for (int move = 0; move < moves; move++) {
            boolean forward = focus.length > 0 && random.nextBoolean();
            int task = forward ? itselfOrAhead(focus[random.nextInt(focus.length)]) : shaken[random.nextInt(n)];
            int from = position[task];
            int lowest = 0;
            int highest = n - 1;
            for (int p : instance.predecessors(task)) {
                lowest = Math.max(lowest, position[p] + 1);
            }
            for (int s : instance.successors(task)) {
                highest = Math.min(highest, position[s] - 1);
            }
            if (forward) {
                highest = from;
            }
            int to = lowest + random.nextInt(highest - lowest + 1);
            if (to > from) {
                System.arraycopy(shaken, from + 1, shaken, from, to - from);
            } else {
                System.arraycopy(shaken, to, shaken, to + 1, from - to);
            }
            shaken[to] = task;
            for (int i = Math.min(from, to); i <= Math.max(from, to); i++) {
                position[shaken[i]] = i;
            }
        }
        return shaken;
    }
}
