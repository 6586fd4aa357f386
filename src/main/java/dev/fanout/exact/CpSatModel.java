package dev.fanout.exact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.IntervalVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.util.Domain;

import dev.fanout.analysis.Instance;
import dev.fanout.analysis.Schedule;
import dev.fanout.analysis.SharedLimits;

/**
 * A Fanout instance as a CP-SAT model, in the instance's ticks:
 * <ul>
 * <li>per task a start, an end and an interval between them; per task and agent able to do it an optional interval of
 * the ticks the task takes there ({@link Instance#duration(int, int)}), exactly one of them chosen, and the task's
 * interval as long as the chosen one;</li>
 * <li>an agent's window as the domain of the start of its intervals;</li>
 * <li>no overlap on each agent; each task after its dependencies;</li>
 * <li>each shared limit ({@link SharedLimits}: resources, areas, the plan's cap on the tasks' intervals; a pool's cap on
 * its agents' intervals) as a cumulative of its capacity, a no-overlap when that is 1;</li>
 * <li>for a neighbourhood of a schedule ({@link #CpSatModel(Instance, Neighbourhood)}), its held tasks on their agents
 * in their order;</li>
 * <li>minimize the makespan, the latest end (for a neighbourhood, perhaps then how far the tasks end past given latest
 * ends, {@link #minimizeLateness}); or, for a target ({@link #CpSatModel(Instance, long)}), no objective,
 * every task ending by the target, and the energy of each agent and each shared limit as a sum ({@link EnergySums}).</li>
 * </ul>
 * Its horizon is the latest window opening plus every task at its slowest, one after another (shift an optimal
 * schedule's tasks as early as they go: each then starts at 0, at a window opening or at the end of another task, so
 * the last one ends by then). A schedule it returns is checked by the caller like any other.
 */
final class CpSatModel {

    final CpModel model = new CpModel();
    private final Instance instance;
    private final IntVar[] start;
    private final IntVar[] end;
    /** Per task, the agents the model may give it to (none for a held task or a milestone). */
    private final List<List<AgentOption>> options = new ArrayList<>();
    private final IntVar makespan;
    /** The agent of each task whose agent the model does not choose (a neighbourhood's held tasks); else NO_AGENT. */
    private final int[] givenAgent;

    /** The model that minimizes the makespan. */
    CpSatModel(Instance instance) {
        this(instance, -1, null);
    }

    /**
     * With a {@code target} (0 or more): the model of the schedules that end by then, without an objective, any of
     * them will do. Every start and end has the target for its horizon, so that the propagation starts from windows as
     * tight as the target makes them: on plans with little slack, a target at the lower bound is found (or refuted)
     * where the minimization from a good schedule goes on in circles (BENCHMARKS.md, "Reaching for the bound").
     */
    CpSatModel(Instance instance, long target) {
        this(instance, target, null);
    }

    /**
     * The model that minimizes the makespan with only the neighbourhood's free tasks placed anew, the held ones on their
     * agents in their order ({@link Neighbourhood}), every task ending by the makespan of the schedule around it.
     */
    CpSatModel(Instance instance, Neighbourhood neighbourhood) {
        this(instance, -1, neighbourhood);
    }

    private CpSatModel(Instance instance, long target, Neighbourhood neighbourhood) {
        this.instance = instance;
        int n = instance.taskCount();
        int m = instance.agentCount();
        long horizon = target >= 0 ? Math.min(target, horizon(instance)) : horizon(instance);
        if (neighbourhood != null) {
            horizon = Math.min(horizon, neighbourhood.around().makespan());
        }
        givenAgent = new int[n];
        Arrays.fill(givenAgent, Schedule.NO_AGENT);
        start = new IntVar[n];
        end = new IntVar[n];
        var taskInterval = new IntervalVar[n];
        var agentIntervals = new ArrayList<List<IntervalVar>>();
        for (int a = 0; a < m; a++) {
            agentIntervals.add(new ArrayList<>());
        }
        for (int t = 0; t < n; t++) {
            // Started work goes on at now (tick 0): fixed, as the other searches fix it.
            start[t] = model.newIntVar(0, instance.isStarted(t) ? 0 : horizon, "start " + t);
            end[t] = model.newIntVar(0, horizon, "end " + t);
            options.add(new ArrayList<>());
            if (instance.isMilestone(t)) {
                model.addEquality(end[t], start[t]);
                continue;
            }
            if (neighbourhood != null && !neighbourhood.isFree(t)) {
                taskInterval[t] = held(t, neighbourhood.around(), horizon, agentIntervals);
                continue;
            }
            var eligible = instance.eligibleAgents(t);
            for (int a = eligible.nextSetBit(0); a >= 0; a = eligible.nextSetBit(a + 1)) {
                long duration = instance.duration(t, a);
                long from = instance.availableFrom(a);
                long latestStart = Math.min(horizon, instance.availableUntil(a)) - duration;
                if (latestStart < from) {
                    continue; // the task does not fit in this agent's window
                }
                var doesIt = model.newBoolVar("task " + t + " on agent " + a);
                var agentStart = start[t];
                if (from > 0 || latestStart < horizon - duration) {
                    // A window: the start on this agent lies in it, and is the task's start when the agent does it.
                    agentStart = model.newIntVar(from, latestStart, "start " + t + " on agent " + a);
                    model.addEquality(agentStart, start[t]).onlyEnforceIf(doesIt);
                }
                agentIntervals.get(a).add(model.newOptionalFixedSizeIntervalVar(agentStart, duration, doesIt, "on " + a));
                options.get(t).add(new AgentOption(doesIt, a, duration));
            }
            var chosen = options.get(t).stream().map(AgentOption::doesIt).toArray(BoolVar[]::new);
            var lengths = options.get(t).stream().mapToLong(AgentOption::duration).toArray();
            model.addExactlyOne(chosen);
            var distinct = Arrays.stream(lengths).distinct().toArray();
            if (distinct.length <= 1) {
                // None: no agent fits the task by the target, the exactly-one above has nothing to choose from and
                // the model has no solution.
                long size = distinct.length == 0 ? 0 : distinct[0];
                taskInterval[t] = model.newIntervalVar(start[t], LinearExpr.constant(size), end[t], "task " + t);
            } else {
                // Agents at different speeds: the task's interval is as long as it takes on the agent chosen.
                var size = model.newIntVarFromDomain(Domain.fromValues(distinct), "duration " + t);
                model.addEquality(size, LinearExpr.weightedSum(chosen, lengths));
                taskInterval[t] = model.newIntervalVar(start[t], size, end[t], "task " + t);
            }
        }
        // One task at a time on each agent.
        for (var intervals : agentIntervals) {
            model.addNoOverlap(intervals);
        }
        if (neighbourhood != null) {
            keepHeldOrder(neighbourhood);
        }
        // Dependencies: finish to start.
        for (int t = 0; t < n; t++) {
            for (int p : instance.predecessors(t)) {
                model.addGreaterOrEqual(start[t], end[p]);
            }
        }
        sharedLimits(taskInterval, agentIntervals);
        makespan = model.newIntVar(0, horizon, "makespan");
        model.addMaxEquality(makespan, end);
        if (target < 0) {
            model.minimize(makespan);
        } else {
            EnergySums.add(model, instance, options, makespan, horizon);
        }
    }

    /**
     * Replaces the objective: the makespan first, then the ticks by which the tasks end past {@code latestEnd}, summed
     * (a latest end at or past the horizon asks nothing). A neighbourhood that cannot shorten the schedule then still
     * moves it towards one that is shorter, rather than handing back its hint ({@link WindowSearch}).
     */
    void minimizeLateness(long[] latestEnd) {
        long horizon = makespan.getDomain().max();
        var lateness = LinearExpr.newBuilder();
        long most = 0; // the most the lateness can sum to: one tick of makespan weighs more
        for (int t = 0; t < latestEnd.length; t++) {
            if (latestEnd[t] >= horizon) {
                continue;
            }
            long worst = horizon - latestEnd[t];
            var late = model.newIntVar(0, worst, "late " + t);
            model.addGreaterOrEqual(LinearExpr.newBuilder().add(late).addTerm(end[t], -1), -latestEnd[t]);
            lateness.add(late);
            most += worst;
        }
        model.clearObjective();
        model.minimize(lateness.addTerm(makespan, most + 1));
    }

    /** A neighbourhood's held task: on its agent in the schedule around, anywhere in that agent's window. */
    private IntervalVar held(int t, Schedule around, long horizon, List<List<IntervalVar>> agentIntervals) {
        int agent = around.agentOf(t);
        long duration = instance.duration(t, agent);
        givenAgent[t] = agent;
        model.addGreaterOrEqual(start[t], instance.availableFrom(agent));
        model.addLessOrEqual(end[t], Math.min(horizon, instance.availableUntil(agent)));
        var interval = model.newIntervalVar(start[t], LinearExpr.constant(duration), end[t], "task " + t);
        agentIntervals.get(agent).add(interval);
        return interval;
    }

    /** Held tasks stay in their agent's order: each after the held task before it there (free ones may leave). */
    private void keepHeldOrder(Neighbourhood neighbourhood) {
        for (var sequence : neighbourhood.around().sequences()) {
            int before = -1;
            for (int task : sequence) {
                if (neighbourhood.isFree(task)) {
                    continue;
                }
                if (before >= 0) {
                    model.addGreaterOrEqual(start[task], end[before]);
                }
                before = task;
            }
        }
    }

    /** Resources, areas and the plan's cap hold the task's interval; a pool's cap holds its agents' intervals. */
    private void sharedLimits(IntervalVar[] taskInterval, List<List<IntervalVar>> agentIntervals) {
        var limits = instance.limits();
        for (int l = 0; l < limits.limits().size(); l++) {
            var intervals = new ArrayList<IntervalVar>();
            var units = new ArrayList<Long>();
            for (int a : limits.membersOf(l)) { // a pool cap's
                intervals.addAll(agentIntervals.get(a));
                agentIntervals.get(a).forEach(interval -> units.add(1L));
            }
            var holders = limits.holdersOf(l); // the others'
            for (int i = 0; i < holders.length; i++) {
                intervals.add(taskInterval[holders[i]]);
                units.add((long) limits.holderUnitsOf(l)[i]);
            }
            int capacity = limits.limit(l).capacity();
            if (capacity == 1) {
                model.addNoOverlap(intervals);
            } else {
                model.addCumulative(capacity).addDemands(intervals.toArray(IntervalVar[]::new),
                        units.stream().mapToLong(Long::longValue).toArray());
            }
        }
    }

    /** Starts the search from {@code schedule}: CP-SAT repairs a hint or improves on it, never starts blind. */
    void hint(Schedule schedule) {
        for (int t = 0; t < instance.taskCount(); t++) {
            model.addHint(start[t], schedule.start(t));
            model.addHint(end[t], schedule.end(t));
            for (var option : options.get(t)) {
                model.addHint(option.doesIt(), option.agent() == schedule.agentOf(t) ? 1 : 0);
            }
        }
        model.addHint(makespan, schedule.makespan());
    }

    /** The schedule of the solver's current solution (in a solution callback) or of its last one. */
    Schedule schedule(java.util.function.ToLongFunction<IntVar> value, java.util.function.Predicate<BoolVar> isTrue) {
        int n = instance.taskCount();
        var agentOf = new int[n];
        Arrays.fill(agentOf, Schedule.NO_AGENT);
        var starts = new long[n];
        for (int t = 0; t < n; t++) {
            starts[t] = value.applyAsLong(start[t]);
            agentOf[t] = givenAgent[t];
            for (var option : options.get(t)) {
                if (isTrue.test(option.doesIt())) {
                    agentOf[t] = option.agent();
                }
            }
        }
        return new Schedule(instance, agentOf, starts);
    }

    Schedule schedule(CpSolver solver) {
        return schedule(solver::value, solver::booleanValue);
    }

    /** The latest window opening plus every task at its slowest, back to back: no optimal schedule needs longer. */
    static long horizon(Instance instance) {
        long opening = 0;
        for (int a = 0; a < instance.agentCount(); a++) {
            opening = Math.max(opening, instance.availableFrom(a));
        }
        long work = 0;
        for (int t = 0; t < instance.taskCount(); t++) {
            long slowest = 0;
            var eligible = instance.eligibleAgents(t);
            for (int a = eligible.nextSetBit(0); a >= 0; a = eligible.nextSetBit(a + 1)) {
                slowest = Math.max(slowest, instance.duration(t, a));
            }
            work += slowest;
        }
        return opening + work;
    }
}
