package dev.fanout.whatif;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

import dev.fanout.analysis.PlanAnalysis;
import dev.fanout.analysis.Schedule;
import dev.fanout.plan.PlanDocument;
import dev.fanout.plan.PlanVariants;
import dev.fanout.report.Numbers;

/**
 * "How few agents can still finish by the deadline?" (CONTRACT §5), with generalist agents holding every skill. The
 * bounds come first, then the solver: k agents cannot finish before their lower bound, so counts whose bound is past
 * the deadline are ruled out without solving (the work bound alone rules out every k below work ÷ deadline). From the
 * first count the bounds allow, each count is solved until one meets the deadline. When that is the first count the
 * bounds allowed, one agent fewer is proven unable; otherwise it was only not found to, in the time given.
 */
final class FewestAgentsSearch {

    /** One count solved: its analysis and the schedule found. */
    record Tried(int count, PlanDocument document, PlanAnalysis analysis, Schedule schedule) {
    }

    record Answer(List<Tried> tried, WhatIfResult.FewestAgents fewest) {
    }

    /** Counts solved at most, after the bounds: a search that has not met the deadline by then says so. */
    static final int MAX_SOLVES = 12;
    /** Counts whose bounds are computed at most, past the first the work bound allows. */
    static final int MAX_BOUND_STEPS = 50;

    private final PlanDocument document;
    private final PlanAnalysis base;
    private final double deadline;
    private final int maxAgents;
    private final Function<PlanDocument, PlanAnalysis> analyze;
    private final Function<PlanAnalysis, Schedule> solve;
    private final String unit;

    /**
     * @param analyze validates and analyses a variant of the plan
     * @param solve solves an analysed variant (within the request's time limit and the solve queue's admission)
     */
    FewestAgentsSearch(PlanDocument document, PlanAnalysis base, double deadline, int maxAgents,
            Function<PlanDocument, PlanAnalysis> analyze, Function<PlanAnalysis, Schedule> solve) {
        this.document = document;
        this.base = base;
        this.deadline = deadline;
        this.maxAgents = maxAgents;
        this.analyze = analyze;
        this.solve = solve;
        this.unit = base.instance().plan().timeUnit().label();
    }

    Answer search() {
        var scale = base.instance().scale();
        double criticalPath = scale.toDouble(base.criticalPath().length());
        if (criticalPath > deadline) {
            return none(List.of(), "The critical path takes %s %s, past the deadline (%s %s): no number of agents meets it."
                    .formatted(Numbers.format(criticalPath), unit, Numbers.format(deadline), unit));
        }
        // The first count whose lower bound does not rule the deadline out.
        double work = scale.toDouble(base.sequential());
        int first = (int) Math.max(1, Math.min(maxAgents, Math.ceil(work / deadline - 1e-9)));
        IntFunction<PlanAnalysis> generalists = count -> analyze.apply(PlanVariants.generalists(document, count));
        var analysis = generalists.apply(first);
        int ceiling = Math.min(maxAgents, first + MAX_BOUND_STEPS);
        while (bound(analysis) > deadline && first < ceiling) {
            first++;
            analysis = generalists.apply(first);
        }
        if (bound(analysis) > deadline) {
            return none(List.of(), "Even %d agents cannot finish by %s %s: their lower bound is %s %s."
                    .formatted(first, Numbers.format(deadline), unit, Numbers.format(bound(analysis)), unit));
        }
        var tried = new ArrayList<Tried>();
        for (int count = first; count <= maxAgents && tried.size() < MAX_SOLVES; count++) {
            var variant = count == first ? analysis : generalists.apply(count);
            var schedule = solve.apply(variant);
            tried.add(new Tried(count, PlanVariants.generalists(document, count), variant, schedule));
            double makespan = scale.toDouble(schedule.makespan());
            if (makespan <= deadline) {
                return new Answer(tried, found(count, makespan, count == first, first, tried));
            }
        }
        var last = tried.getLast();
        return none(tried, "No count from %d to %d agents was found to finish by %s %s in the time given (the best: %s %s with %d)."
                .formatted(first, last.count(), Numbers.format(deadline), unit,
                        Numbers.format(scale.toDouble(best(tried).schedule().makespan())), unit, best(tried).count()));
    }

    private WhatIfResult.FewestAgents found(int count, double makespan, boolean proven, int first, List<Tried> tried) {
        var finishes = "%d %s by %s %s (makespan %s %s)".formatted(count, count == 1 ? "agent finishes" : "agents finish",
                Numbers.format(deadline), unit, Numbers.format(makespan), unit);
        String reason;
        if (count == 1) {
            reason = finishes + ".";
        } else if (proven) {
            reason = finishes + "; %d cannot: %s".formatted(count - 1, fewerRuledOut(first));
        } else {
            var previous = tried.get(tried.size() - 2);
            reason = finishes + "; %d %s not found to (%s %s in the time given), though their lower bound (%s %s) does not rule it out."
                    .formatted(count - 1, count - 1 == 1 ? "was" : "were",
                            Numbers.format(base.instance().scale().toDouble(previous.schedule().makespan())), unit,
                            Numbers.format(bound(previous.analysis())), unit);
        }
        return new WhatIfResult.FewestAgents(deadline, count, makespan, count == 1 || proven, reason);
    }

    /** Why {@code first} − 1 agents cannot: their lower bound, or the work bound when it was never computed. */
    private String fewerRuledOut(int first) {
        var fewer = analyze.apply(PlanVariants.generalists(document, first - 1));
        return "their lower bound is %s %s, past the deadline.".formatted(Numbers.format(bound(fewer)), unit);
    }

    private Answer none(List<Tried> tried, String reason) {
        return new Answer(tried, new WhatIfResult.FewestAgents(deadline, null, null, false, reason));
    }

    private static Tried best(List<Tried> tried) {
        return tried.stream().min(java.util.Comparator.comparingLong(t -> t.schedule().makespan())).orElseThrow();
    }

    private static double bound(PlanAnalysis analysis) {
        return analysis.instance().scale().toDouble(analysis.lowerBound());
    }
}
