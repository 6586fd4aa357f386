package dev.fanout.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.fanout.plan.Plan;

/**
 * What links tasks on different agents (CONTRACT §5), all in one form: a <em>limit</em> has a capacity, and a running
 * task holds some units of it. Four kinds of limit:
 * <ul>
 * <li>a declared resource, held by the tasks that use it, the units they use;</li>
 * <li>an area, capacity 1. A folder area ({@code src/}) is held, besides itself, by the tasks whose areas lie inside
 * it, so that two tasks conflict exactly when their areas overlap: a file inside the folder and the folder, or the
 * same file twice, but not two different files of one folder. An area only one task holds is no limit and is left
 * out;</li>
 * <li>the plan's cap, held by every task with work, one unit each;</li>
 * <li>a pool's cap, held by a task while it runs on one of the pool's agents.</li>
 * </ul>
 * The first three depend on the task alone; the pool cap on the agent it runs on.
 */
public final class SharedLimits {

    public enum Kind {
        RESOURCE, AREA, PLAN_CAP, POOL_CAP
    }

    /** One limit: its kind, the resource id, area or pool id it stands for ("plan" for the plan's cap), its capacity. */
    public record Limit(Kind kind, String name, int capacity) {

        /** Its short name: "area src/", "resource db", "cap of pool nlp", "cap of the plan". */
        public String label() {
            return switch (kind) {
                case AREA -> "area " + name;
                case RESOURCE -> "resource " + name;
                case POOL_CAP -> "cap of pool " + name;
                case PLAN_CAP -> "cap of the plan";
            };
        }

        /**
         * What it allows: "area src/ (one task at a time)", "resource db (capacity 2)", "the cap of pool 'nlp' (2 tasks at
         * once)", "the plan's cap of 3 tasks at once".
         */
        public String describe() {
            return switch (kind) {
                case AREA -> "area " + name + " (one task at a time)";
                case RESOURCE -> "resource " + name + " (capacity " + capacity + ")";
                case POOL_CAP -> "the cap of pool '" + name + "' (" + capacity + " tasks at once)";
                case PLAN_CAP -> "the plan's cap of " + capacity + " tasks at once";
            };
        }
    }

    private final List<Limit> limits;
    /** Per task: the limits it holds wherever it runs, and the units of each. */
    private final int[][] taskLimits;
    private final int[][] taskUnits;
    /** Per agent: the pool cap it counts towards, or -1. */
    private final int[] agentLimit;
    /** Per limit, the same read the other way: the tasks holding it (in task order) and their units; its agents. */
    private final int[][] holders;
    private final int[][] holderUnits;
    private final int[][] members;

    private SharedLimits(List<Limit> limits, int[][] taskLimits, int[][] taskUnits, int[] agentLimit) {
        this.limits = List.copyOf(limits);
        this.taskLimits = taskLimits;
        this.taskUnits = taskUnits;
        this.agentLimit = agentLimit;
        int count = limits.size();
        var held = new int[count];
        for (var taskHeld : taskLimits) {
            for (int limit : taskHeld) {
                held[limit]++;
            }
        }
        var counted = new int[count];
        for (int agent : agentLimit) {
            if (agent >= 0) {
                counted[agent]++;
            }
        }
        holders = new int[count][];
        holderUnits = new int[count][];
        members = new int[count][];
        for (int limit = 0; limit < count; limit++) {
            holders[limit] = new int[held[limit]];
            holderUnits[limit] = new int[held[limit]];
            members[limit] = new int[counted[limit]];
        }
        var filled = new int[count];
        for (int task = 0; task < taskLimits.length; task++) {
            for (int i = 0; i < taskLimits[task].length; i++) {
                int limit = taskLimits[task][i];
                holders[limit][filled[limit]] = task;
                holderUnits[limit][filled[limit]++] = taskUnits[task][i];
            }
        }
        Arrays.fill(filled, 0);
        for (int agent = 0; agent < agentLimit.length; agent++) {
            if (agentLimit[agent] >= 0) {
                members[agentLimit[agent]][filled[agentLimit[agent]]++] = agent;
            }
        }
    }

    static SharedLimits of(Plan plan, long[] durations) {
        var limits = new ArrayList<Limit>();
        var index = new HashMap<String, Integer>();
        int n = plan.tasks().size();
        var held = new ArrayList<Map<Integer, Integer>>();
        for (int task = 0; task < n; task++) {
            held.add(new LinkedHashMap<>());
        }
        for (var resource : plan.resources()) {
            index.put("resource:" + resource.id(), limits.size());
            limits.add(new Limit(Kind.RESOURCE, resource.id(), resource.capacity()));
        }
        for (int task = 0; task < n; task++) {
            if (durations[task] > 0) {
                var held_ = held.get(task);
                plan.tasks().get(task).uses().forEach((id, units) -> held_.put(index.get("resource:" + id), units));
            }
        }
        areas(plan, durations, limits, held);
        if (plan.maxConcurrent() != null) {
            int cap = limits.size();
            limits.add(new Limit(Kind.PLAN_CAP, "plan", plan.maxConcurrent()));
            for (int task = 0; task < n; task++) {
                if (durations[task] > 0) {
                    held.get(task).put(cap, 1);
                }
            }
        }
        var agentLimit = new int[plan.agents().size()];
        Arrays.fill(agentLimit, -1);
        for (var pool : plan.pools()) {
            if (pool.maxConcurrent() == null) {
                continue;
            }
            int members = 0;
            for (var agent : plan.agents()) {
                members += pool.id().equals(agent.pool()) ? 1 : 0;
            }
            if (members <= pool.maxConcurrent()) {
                continue; // a cap the pool's agents can never reach binds nothing
            }
            int cap = limits.size();
            limits.add(new Limit(Kind.POOL_CAP, pool.id(), pool.maxConcurrent()));
            for (int agent = 0; agent < agentLimit.length; agent++) {
                if (pool.id().equals(plan.agents().get(agent).pool())) {
                    agentLimit[agent] = cap;
                }
            }
        }
        var taskLimits = new int[n][];
        var taskUnits = new int[n][];
        for (int task = 0; task < n; task++) {
            taskLimits[task] = held.get(task).keySet().stream().mapToInt(Integer::intValue).toArray();
            taskUnits[task] = held.get(task).values().stream().mapToInt(Integer::intValue).toArray();
        }
        return new SharedLimits(limits, taskLimits, taskUnits, agentLimit);
    }

    /** Areas as capacity-1 limits, a folder held also by the tasks inside it; areas only one task holds left out. */
    private static void areas(Plan plan, long[] durations, List<Limit> limits, List<Map<Integer, Integer>> held) {
        var declared = new TreeSet<String>();
        for (int task = 0; task < durations.length; task++) {
            if (durations[task] > 0) {
                declared.addAll(plan.tasks().get(task).areas());
            }
        }
        // Which tasks would hold each area: the tasks naming it, and those naming a folder it lies in.
        var holders = new LinkedHashMap<String, List<Integer>>();
        for (int task = 0; task < durations.length; task++) {
            if (durations[task] == 0) {
                continue;
            }
            for (var area : plan.tasks().get(task).areas()) {
                var covered = area.endsWith("/") ? declared.subSet(area, true, area + Character.MAX_VALUE, false)
                        : java.util.Set.of(area);
                for (var inside : covered) {
                    var list = holders.computeIfAbsent(inside, key -> new ArrayList<>());
                    if (list.isEmpty() || list.get(list.size() - 1) != task) {
                        list.add(task);
                    }
                }
            }
        }
        holders.forEach((area, tasks) -> {
            if (tasks.size() < 2) {
                return;
            }
            int limit = limits.size();
            limits.add(new Limit(Kind.AREA, area, 1));
            for (int task : tasks) {
                held.get(task).put(limit, 1);
            }
        });
    }

    /** Whether anything links tasks on different agents: if not, every scheduler can skip this. */
    public boolean any() {
        return !limits.isEmpty();
    }

    public List<Limit> limits() {
        return limits;
    }

    public Limit limit(int index) {
        return limits.get(index);
    }

    /** The limits the task holds wherever it runs. Do not modify. */
    public int[] limitsOf(int task) {
        return taskLimits[task];
    }

    /** The units of each of {@link #limitsOf}, in the same order. Do not modify. */
    public int[] unitsOf(int task) {
        return taskUnits[task];
    }

    /** The pool cap the agent counts towards, or -1. */
    public int poolLimitOf(int agent) {
        return agentLimit[agent];
    }

    /**
     * The tasks that hold {@code limit} wherever they run, in task order; none for a pool cap. Only tasks with work
     * hold a limit, so never a milestone. Do not modify.
     */
    public int[] holdersOf(int limit) {
        return holders[limit];
    }

    /** The units of {@code limit} each of {@link #holdersOf} holds, in the same order. Do not modify. */
    public int[] holderUnitsOf(int limit) {
        return holderUnits[limit];
    }

    /** The agents that count towards {@code limit}, a pool cap, in agent order; none for the others. Do not modify. */
    public int[] membersOf(int limit) {
        return members[limit];
    }

    /** The units of {@code limit} the task holds wherever it runs; 0 when it holds none. */
    public int units(int task, int limit) {
        var held = taskLimits[task];
        for (int i = 0; i < held.length; i++) {
            if (held[i] == limit) {
                return taskUnits[task][i];
            }
        }
        return 0;
    }

    /** Receives one limit a task holds and its units. */
    @FunctionalInterface
    public interface Held {
        void accept(int limit, int units);
    }

    /** Every limit the task holds while it runs on {@code agent}: its own, then the agent's pool cap (one unit). */
    public void forEachHeld(int task, int agent, Held held) {
        for (int i = 0; i < taskLimits[task].length; i++) {
            held.accept(taskLimits[task][i], taskUnits[task][i]);
        }
        if (agentLimit[agent] >= 0) {
            held.accept(agentLimit[agent], 1);
        }
    }

    /** Whether the task holds any limit when it runs on the agent. */
    public boolean binds(int task, int agent) {
        return taskLimits[task].length > 0 || agentLimit[agent] >= 0;
    }

    /** Usage profiles to schedule against, empty; each scheduling run takes its own. */
    public Occupancy newOccupancy() {
        return new Occupancy(this);
    }
}
