package dev.fanout.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;

import dev.fanout.analysis.PlanAnalysis;
import dev.fanout.analysis.Schedule;
import dev.fanout.analysis.ScheduleCheck;
import dev.fanout.analysis.Stability;
import dev.fanout.plan.PlanDocument;
import dev.fanout.plan.PlanValidator;
import dev.fanout.service.SolveSearch;

/**
 * How fast a re-plan after a small progress update gets back to the quality of the first solve
 * ({@code ./fanout bench --set replan --seconds N}): a generated plan is solved for N seconds; then, at 10 % of its
 * makespan, every task that ended is marked done and every task running is marked started on its agent with the time
 * it has left; that version is re-planned twice for N seconds, from the previous version's agents and orders (what the
 * service does) and from the baselines alone. The quality is the distance to the lower bound, in the plan's time unit
 * (the same plan, so the same unit of quality; in % of the work that remains one unit weighs more than in % of the
 * whole); "reaches" is when each re-plan first holds a schedule at least as close to its bound as the first solve ended.
 */
final class ReplanBenchmark {

    private ReplanBenchmark() {
    }

    /** A schedule found, and when (seconds since its solve started). */
    private record Found(double at, long makespan) {
    }

    static void run(SolveSearch solver, PlanValidator validator, double seconds) {
        System.out.println("| plan | first solve: above its bound, best at | update | re-plan from the previous version: "
                + "reaches it at, ends above its bound | re-plan from the baselines: reaches it at, ends above its bound |");
        System.out.println("|---|---|---|---|---|");
        for (var spec : List.of(PlanGenerator.Spec.of(1_000, 50, 1), PlanGenerator.Spec.of(1_000, 50, 2),
                PlanGenerator.Spec.of(200, 15, 1))) {
            var document = PlanGenerator.generate(spec);
            var first = PlanAnalysis.of(validator.validate(document));
            var trace = new ArrayList<Found>();
            var outcome = solve(solver, first, first.startingSchedule(), seconds, trace);
            double above = above(first, outcome.makespan());

            var later = progressed(document, outcome);
            var analysis = PlanAnalysis.of(validator.validate(later));
            var previousAgents = Stability.previousAgents(analysis.instance(), agents(outcome));
            var carried = Stability.carriedOver(analysis.instance(), previousAgents, starts(outcome));
            var warmStart = carried != null && ScheduleCheck.isValid(carried) && !analysis.startingSchedule().isBetterThan(carried)
                    ? carried : analysis.startingSchedule();
            var warmTrace = new ArrayList<Found>();
            var warm = solve(solver, analysis, warmStart, seconds, warmTrace);
            var coldTrace = new ArrayList<Found>();
            var cold = solve(solver, analysis, analysis.startingSchedule(), seconds, coldTrace);
            long done = later.tasks().stream().filter(task -> "done".equals(task.status())).count();
            long started = later.tasks().stream().filter(task -> "started".equals(task.status())).count();
            System.out.printf(Locale.ROOT, "| %s | %s (%.2f %%), %.1f s | now %s: %d done, %d started | %s, %s (%.2f %%) | %s, %s (%.2f %%) |%n",
                    spec.name(), trim(above), gap(first, outcome.makespan()), trace.isEmpty() ? 0 : trace.getLast().at(),
                    later.now().toPlainString(), done, started,
                    reaches(analysis, warmTrace, warmStart, above), trim(above(analysis, warm.makespan())), gap(analysis, warm.makespan()),
                    reaches(analysis, coldTrace, analysis.startingSchedule(), above), trim(above(analysis, cold.makespan())),
                    gap(analysis, cold.makespan()));
        }
    }

    private static Schedule solve(SolveSearch solver, PlanAnalysis analysis, Schedule starting, double seconds, List<Found> trace) {
        long began = System.nanoTime();
        var outcome = solver.run("replan-" + System.nanoTime(), analysis, starting, Duration.ofMillis(Math.round(seconds * 1000)),
                () -> false, best -> trace.add(new Found((System.nanoTime() - began) / 1e9, best.makespan())));
        if (!ScheduleCheck.isValid(outcome.schedule())) {
            throw new IllegalStateException("invalid schedule for " + analysis.instance().plan().name());
        }
        return outcome.schedule();
    }

    /** The gap to the lower bound, in % of the bound (both counted from now). */
    private static double gap(PlanAnalysis analysis, long makespan) {
        return 100.0 * (makespan - analysis.lowerBound()) / analysis.lowerBound();
    }

    /** How far above its lower bound a makespan is, in the plan's time unit. */
    private static double above(PlanAnalysis analysis, long makespan) {
        return analysis.instance().scale().toDouble(makespan - analysis.lowerBound());
    }

    private static String trim(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** When the solve first held a schedule at most {@code above} its bound: "at start", a time, or "not in time". */
    private static String reaches(PlanAnalysis analysis, List<Found> trace, Schedule starting, double above) {
        if (above(analysis, starting.makespan()) <= above + 1e-9) {
            return "at start";
        }
        return trace.stream().filter(found -> above(analysis, found.makespan()) <= above + 1e-9).findFirst()
                .map(found -> String.format(Locale.ROOT, "%.1f s", found.at())).orElse("not in time");
    }

    /** At 10 % of the makespan: what ended is done, what runs is started on its agent with the time it has left. */
    private static PlanDocument progressed(PlanDocument document, Schedule schedule) {
        var instance = schedule.instance();
        var scale = instance.scale();
        long now = Math.max(1, schedule.makespan() / 10 / scale.ticksPerUnit()) * scale.ticksPerUnit();
        var tasks = new ArrayList<PlanDocument.TaskDocument>();
        for (var task : document.tasks()) {
            int index = instance.taskIndex(task.id());
            int agent = schedule.agentOf(index);
            var agentId = agent == Schedule.NO_AGENT ? null : instance.agentId(agent);
            if (schedule.end(index) <= now) {
                tasks.add(task.withProgress("done", null, null, agentId));
            } else if (schedule.start(index) < now && agent != Schedule.NO_AGENT) {
                tasks.add(task.withProgress("started", null, scale.units(schedule.end(index) - now), agentId));
            } else {
                tasks.add(task);
            }
        }
        return document.progressed(scale.units(now), tasks, null);
    }

    private static java.util.Map<String, String> agents(Schedule schedule) {
        var agents = new HashMap<String, String>();
        var instance = schedule.instance();
        for (int task = 0; task < instance.taskCount(); task++) {
            if (schedule.agentOf(task) != Schedule.NO_AGENT) {
                agents.put(instance.taskId(task), instance.agentId(schedule.agentOf(task)));
            }
        }
        return agents;
    }

    private static java.util.Map<String, BigDecimal> starts(Schedule schedule) {
        var starts = new HashMap<String, BigDecimal>();
        var instance = schedule.instance();
        for (int task = 0; task < instance.taskCount(); task++) {
            starts.put(instance.taskId(task), instance.scale().units(instance.scale().origin() + schedule.start(task)));
        }
        return starts;
    }
}
