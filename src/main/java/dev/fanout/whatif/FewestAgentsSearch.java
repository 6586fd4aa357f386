package dev.fanout.whatif;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

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
    private final java.util.function.BiFunction<PlanDocument, PlanAnalysis, Schedule> solve;
    private final String unit;

    /**
     * @param analyze validates and analyses a variant of the plan
     * @param solve solves an analysed variant (within the request's time limit and the solve queue's admission)
     */
    FewestAgentsSearch(PlanDocument document, PlanAnalysis base, double deadline, int maxAgents,
            Function<PlanDocument, PlanAnalysis> analyze, java.util.function.BiFunction<PlanDocument, PlanAnalysis, Schedule> solve) {
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
        // The chain of the work that remains, ending no sooner than now + its length.
        double criticalPath = scale.at(base.criticalPath().length());
        if (criticalPath > deadline) {
            return none(List.of(), "The critical path takes %s, past the deadline (%s): no number of agents meets it."
                    .formatted(Numbers.amount(criticalPath, unit), Numbers.amount(deadline, unit)));
        }
        // The first count whose lower bound does not rule the deadline out; the count before it, when the scan saw it.
        double work = scale.toDouble(base.sequential());
        double left = Math.max(deadline - scale.at(0), 1e-9);
        int fewest = PlanVariants.fewestGeneralists(document);
        var first = variant((int) Math.max(fewest, Math.min(maxAgents, Math.ceil(work / left - 1e-9))));
        Variant ruledOut = null;
        int ceiling = Math.min(maxAgents, first.count() + MAX_BOUND_STEPS);
        while (bound(first.analysis()) > deadline && first.count() < ceiling) {
            ruledOut = first;
            first = variant(first.count() + 1);
        }
        if (bound(first.analysis()) > deadline) {
            return none(List.of(), "Even %d agents cannot finish by %s: their lower bound is %s."
                    .formatted(first.count(), Numbers.amount(deadline, unit), Numbers.amount(bound(first.analysis()), unit)));
        }
        var tried = new ArrayList<Tried>();
        var variant = first;
        while (true) {
            var schedule = solve.apply(variant.document(), variant.analysis());
            tried.add(new Tried(variant.count(), variant.document(), variant.analysis(), schedule));
            double makespan = scale.at(schedule.makespan());
            if (makespan <= deadline) {
                return new Answer(tried, found(variant.count(), makespan, variant == first, ruledOut, tried));
            }
            if (variant.count() >= maxAgents || tried.size() >= MAX_SOLVES) {
                break;
            }
            variant = variant(variant.count() + 1);
        }
        var best = tried.stream().min(Comparator.comparingLong(t -> t.schedule().makespan())).orElseThrow();
        return none(tried, "No count from %d to %d agents was found to finish by %s in the time given (the best: %s with %d)."
                .formatted(first.count(), tried.getLast().count(), Numbers.amount(deadline, unit),
                        Numbers.amount(scale.at(best.schedule().makespan()), unit), best.count()));
    }

    /** {@code count} generalist agents: the plan variant and its analysis, each built once. */
    private record Variant(int count, PlanDocument document, PlanAnalysis analysis) {
    }

    private Variant variant(int count) {
        var document = PlanVariants.generalists(this.document, count);
        return new Variant(count, document, analyze.apply(document));
    }

    /**
     * {@code proven}: the count found is the first the bounds allow, so one fewer is ruled out by its lower bound
     * ({@code ruledOut}'s, when the scan computed it). Otherwise the count before was solved and missed.
     */
    private WhatIfResult.FewestAgents found(int count, double makespan, boolean proven, Variant ruledOut,
            List<Tried> tried) {
        var finishes = "%d %s by %s (makespan %s)".formatted(count, count == 1 ? "agent finishes" : "agents finish",
                Numbers.amount(deadline, unit), Numbers.amount(makespan, unit));
        String reason;
        if (count == 1) {
            reason = finishes + ".";
        } else if (proven) {
            var fewer = ruledOut != null ? ruledOut : variant(count - 1);
            reason = finishes + "; %d cannot: their lower bound is %s, past the deadline."
                    .formatted(count - 1, Numbers.amount(bound(fewer.analysis()), unit));
        } else {
            var previous = tried.get(tried.size() - 2);
            reason = finishes + "; %d %s not found to (%s in the time given), though their lower bound (%s) does not rule it out."
                    .formatted(count - 1, count - 1 == 1 ? "was" : "were",
                            Numbers.amount(base.instance().scale().at(previous.schedule().makespan()), unit),
                            Numbers.amount(bound(previous.analysis()), unit));
        }
        return new WhatIfResult.FewestAgents(deadline, count, makespan, count == 1 || proven, reason);
    }

    private Answer none(List<Tried> tried, String reason) {
        return new Answer(tried, new WhatIfResult.FewestAgents(deadline, null, null, false, reason));
    }

    private static double bound(PlanAnalysis analysis) {
        return analysis.instance().scale().at(analysis.lowerBound());
    }
}
