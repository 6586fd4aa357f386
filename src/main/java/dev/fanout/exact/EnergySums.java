package dev.fanout.exact;

import java.util.ArrayList;
import java.util.List;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;

import dev.fanout.analysis.Instance;

/**
 * Redundant constraints for CP-SAT's linear relaxation: the work an agent is given fits before the makespan and inside
 * its window, and the work under a shared limit (units × time) fits before the makespan at its capacity. The
 * no-overlaps and cumulatives say as much one interval at a time; said as sums, the relaxation sees the energy bounds
 * Fanout's lower bound is made of, so that at a target on that bound, where there is no slack, a task on an agent
 * slower than it needs, or a task other agents could do on an agent short of time, fails at once. Only the target model
 * has them ({@link CpSatModel#CpSatModel(Instance, long)}): there CP-SAT meets the bound sooner on tight plans; in the
 * windows' models they did not help (BENCHMARKS.md, "Energy sums in the target model").
 */
final class EnergySums {

    private EnergySums() {
    }

    /** Adds the sums over {@code options} (every task's agents to choose from; none held) to {@code model}. */
    static void add(CpModel model, Instance instance, List<List<AgentOption>> options, IntVar makespan, long horizon) {
        int m = instance.agentCount();
        var busy = new ArrayList<LinearExprBuilder>();
        for (int a = 0; a < m; a++) {
            busy.add(LinearExpr.newBuilder());
        }
        var work = new LinearExprBuilder[instance.taskCount()];
        for (int t = 0; t < instance.taskCount(); t++) {
            work[t] = LinearExpr.newBuilder();
            for (var option : options.get(t)) {
                busy.get(option.agent()).addTerm(option.doesIt(), option.duration());
                work[t].addTerm(option.doesIt(), option.duration());
            }
        }
        for (int a = 0; a < m; a++) {
            // Not "before the makespan less the opening": an agent that opens late may do nothing at all.
            model.addLessOrEqual(busy.get(a).build(), makespan);
            long window = Math.min(horizon, instance.availableUntil(a)) - instance.availableFrom(a);
            model.addLessOrEqual(busy.get(a).build(), Math.max(0, window));
        }
        var limits = instance.limits();
        for (int l = 0; l < limits.limits().size(); l++) {
            var used = LinearExpr.newBuilder();
            for (int a : limits.membersOf(l)) { // a pool cap's
                used.add(busy.get(a).build());
            }
            var holders = limits.holdersOf(l); // the others'
            for (int i = 0; i < holders.length; i++) {
                used.addTerm(work[holders[i]].build(), limits.holderUnitsOf(l)[i]);
            }
            used.addTerm(makespan, -limits.limit(l).capacity());
            model.addLessOrEqual(used.build(), 0);
        }
    }
}
