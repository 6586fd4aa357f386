package dev.fanout.whatif;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import dev.fanout.analysis.Bottleneck;
import dev.fanout.analysis.PlanAnalysis;
import dev.fanout.analysis.Schedule;
import dev.fanout.analysis.ScheduleCheck;
import dev.fanout.analysis.Utilization;
import dev.fanout.plan.PlanDocument;
import dev.fanout.plan.PlanReader;
import dev.fanout.plan.PlanRejectedException;
import dev.fanout.plan.PlanVariants;
import dev.fanout.config.FanoutConfig;
import dev.fanout.persistence.WhatIfStore;
import dev.fanout.report.Numbers;
import dev.fanout.report.Savings;
import dev.fanout.report.Sentences;
import dev.fanout.service.PlanCatalog;
import dev.fanout.service.PlanIntake;
import dev.fanout.service.SolveAdmission;
import dev.fanout.service.SolveJobs;
import dev.fanout.service.TimeLimits;

/**
 * Answers what-if questions about a stored plan: builds each scenario's plan, solves them all side by side, keeps
 * more agents from ever looking worse than fewer, finds the knee of each count sweep, and stores the answer with the
 * plan.
 */
@ApplicationScoped
public class WhatIfService {

    public static final String AS_PLANNED = "as planned";
    /** The series of a {@code maxConcurrent} sweep. */
    public static final String CAP_SERIES = "maxConcurrent";

    /** Without secondsPerScenario, a whole sweep aims to answer within about this long. */
    static final double DEFAULT_SWEEP_SECONDS = 2.4;
    static final double MIN_SECONDS_PER_SCENARIO = 0.2;

    private record Spec(String label, String series, Integer count, PlanDocument document) {
    }

    private record Solved(Spec spec, PlanAnalysis analysis, Schedule schedule, String note, String error) {
    }

    private final PlanCatalog catalog;
    private final PlanIntake intake;
    private final TimeLimits timeLimits;
    private final SolveAdmission admission;
    private final SolveJobs solveJobs;
    private final WhatIfStore store;
    private final int parallelSolves;

    public WhatIfService(PlanCatalog catalog, PlanIntake intake, TimeLimits timeLimits, SolveAdmission admission,
            SolveJobs solveJobs, WhatIfStore store, FanoutConfig config) {
        this.catalog = catalog;
        this.intake = intake;
        this.timeLimits = timeLimits;
        this.admission = admission;
        this.solveJobs = solveJobs;
        this.store = store;
        this.parallelSolves = config.solve().parallelSolves();
    }

    /**
     * Answers a what-if request on a stored plan and stores the answer. The sweep takes one place in the solve queue
     * per scenario, each freed as its scenario ends.
     */
    public WhatIfResult run(String planId, byte[] body) {
        return run(planId, PlanReader.readJson(body, WhatIfRequest.class, "the what-if request"));
    }

    /** {@link #run(String, byte[])} on a request already read (the MCP tool builds it from its arguments). */
    public WhatIfResult run(String planId, WhatIfRequest request) {
        var stored = catalog.get(planId);
        var document = catalog.document(stored);
        var base = catalog.analysis(planId);
        var plan = base.instance().plan();
        request.validate(plan, intake.maxAgents(), timeLimits.maxSeconds());
        var result = switch (request.kind()) {
            case FEWEST_AGENTS -> fewestAgents(planId, request, document, base);
            case AGENT_COUNTS, POOLS, SCENARIOS, MAX_CONCURRENT -> sweep(planId, request, document, base);
        };
        store.save(planId, result, result.createdAt());
        return result;
    }

    /** Every scenario solved side by side; the knee of each count series. */
    private WhatIfResult sweep(String planId, WhatIfRequest request, PlanDocument document, PlanAnalysis base) {
        var plan = base.instance().plan();
        var specs = specs(request, document, plan);
        double seconds = request.secondsPerScenario() != null ? request.secondsPerScenario().doubleValue()
                : Math.max(MIN_SECONDS_PER_SCENARIO, DEFAULT_SWEEP_SECONDS * parallelSolves / specs.size());
        var limit = Duration.ofMillis(Math.round(seconds * 1000));

        List<Solved> solved;
        try (var admitted = admission.admit(specs.size())) {
            var pending = new ArrayList<CompletableFuture<Solved>>();
            try {
                for (var spec : specs) {
                    pending.add(solve(spec, limit).whenComplete((done, failure) -> admitted.releaseOne()));
                }
            } catch (RuntimeException e) {
                // The places go back when the scenarios already submitted are over, not before.
                pending.forEach(future -> future.handle((done, failure) -> null).join());
                throw e;
            }
            solved = pending.stream().map(CompletableFuture::join).toList();
        }
        return answer(planId, request, base, seconds, keepMonotone(solved), null);
    }

    /**
     * The fewest generalist agents that finish by the deadline ({@link FewestAgentsSearch}): counts solved one after
     * another, each taking one place in the solve queue while it runs; one row per count solved.
     */
    private WhatIfResult fewestAgents(String planId, WhatIfRequest request, PlanDocument document, PlanAnalysis base) {
        double seconds = request.secondsPerScenario() != null ? request.secondsPerScenario().doubleValue()
                : DEFAULT_SWEEP_SECONDS / 2;
        var limit = Duration.ofMillis(Math.round(seconds * 1000));
        var answer = new FewestAgentsSearch(document, base, request.fewestAgents().deadline().doubleValue(),
                intake.maxAgents(), variant -> PlanAnalysis.of(intake.validate(variant)), (variant, analysis) -> {
                    try (var admitted = admission.admit(1)) {
                        return solveJobs.solve(variant, analysis, limit).join().schedule();
                    }
                }).search();
        var solved = answer.tried().stream()
                .map(tried -> new Solved(new Spec(agents(tried.count()), "agents", tried.count(), tried.document()),
                        tried.analysis(), tried.schedule(), null, null))
                .toList();
        return answer(planId, request, base, seconds, solved, answer.fewest());
    }

    /**
     * The answer: one row per scenario solved, against the plan's sequential total; the knee of each count series for a
     * sweep, none for a fewest-agents search (its rows are the counts it tried, not a curve).
     */
    private static WhatIfResult answer(String planId, WhatIfRequest request, PlanAnalysis base, double seconds,
            List<Solved> solved, WhatIfResult.FewestAgents fewest) {
        var plan = base.instance().plan();
        var scale = base.instance().scale();
        double sequential = scale.at(base.sequential());
        var rows = solved.stream().map(s -> row(s, sequential)).toList();
        var knees = fewest == null ? knees(solved, rows) : List.<WhatIfResult.Knee>of();
        return new WhatIfResult(planId, plan.name(), request.kind(), plan.timeUnit().label(), sequential,
                scale.toDouble(base.criticalPath().length()), Numbers.round(seconds, 2), fewest, rows, knees, Instant.now());
    }

    private static String agents(int count) {
        return count + (count == 1 ? " agent" : " agents");
    }

    /** The plan's last comparison. @throws NoWhatIfYet when it has none */
    public WhatIfResult last(String planId) {
        catalog.get(planId);
        return store.find(planId, WhatIfResult.class).orElseThrow(() -> new NoWhatIfYet(planId));
    }

    private List<Spec> specs(WhatIfRequest request, PlanDocument document, dev.fanout.plan.Plan plan) {
        var specs = new ArrayList<Spec>();
        switch (request.kind()) {
            case AGENT_COUNTS -> request.agentCounts().stream().distinct().sorted().forEach(count -> specs.add(
                    new Spec(agents(count), "agents", count,
                            PlanVariants.generalists(document, count))));
            case POOLS -> request.pools().forEach((pool, counts) -> counts.stream().distinct().sorted().forEach(count -> specs.add(
                    new Spec("pool " + pool + ": " + count + (count == 1 ? " worker" : " workers"), "pool " + pool, count,
                            PlanVariants.withPoolWorkers(document, pool, count)))));
            case SCENARIOS -> {
                specs.add(new Spec(AS_PLANNED, null, null, document));
                for (var scenario : request.scenarios()) {
                    var variant = document;
                    if (scenario.pools() != null) {
                        variant = PlanVariants.withPools(variant, scenario.pools());
                    }
                    if (scenario.removeAgents() != null) {
                        variant = PlanVariants.withoutAgents(variant, plan, scenario.removeAgents(), "removeAgents");
                    }
                    if (scenario.addAgents() != null) {
                        variant = PlanVariants.withAgents(variant, scenario.addAgents());
                    }
                    if (scenario.maxConcurrent() != null) {
                        variant = variant.withMaxConcurrent(scenario.maxConcurrent());
                    }
                    specs.add(new Spec(scenario.name(), null, null, variant));
                }
            }
            case MAX_CONCURRENT -> request.maxConcurrent().stream().distinct().sorted().forEach(cap -> specs.add(
                    new Spec("at most " + cap + (cap == 1 ? " task" : " tasks") + " at once", CAP_SERIES, cap,
                            PlanVariants.withMaxConcurrent(document, cap))));
            case FEWEST_AGENTS -> throw new IllegalStateException("a fewest-agents question is a search, not a sweep");
        }
        return specs;
    }

    private CompletableFuture<Solved> solve(Spec spec, Duration limit) {
        PlanAnalysis analysis;
        try {
            analysis = PlanAnalysis.of(intake.validate(spec.document()));
        } catch (PlanRejectedException e) {
            // A scenario no agent set can carry out is an answer too, not a bad request.
            return CompletableFuture.completedFuture(new Solved(spec, null, null, null, e.getMessage()));
        }
        return solveJobs.solve(spec.document(), analysis, limit)
                .thenApply(outcome -> new Solved(spec, analysis, outcome.schedule(), null, null));
    }

    /**
     * A schedule for n agents is still valid with n + 1 (the extra one idles), and one under a cap of n under a cap of
     * n + 1, so along each count sweep a row never keeps a longer makespan than the row before: it takes that row's
     * schedule instead.
     */
    private static List<Solved> keepMonotone(List<Solved> solved) {
        var bySeries = new LinkedHashMap<String, Solved>();
        var result = new ArrayList<Solved>();
        for (var current : solved) {
            if (current.spec().series() == null || current.error() != null) {
                result.add(current);
                continue;
            }
            var previous = bySeries.get(current.spec().series());
            if (previous != null && previous.schedule().makespan() < current.schedule().makespan()) {
                var carried = previous.schedule().onto(current.analysis().instance());
                if (carried != null && ScheduleCheck.isValid(carried)) {
                    current = new Solved(current.spec(), current.analysis(), carried,
                            "kept the schedule found for " + previous.spec().count() + ": no shorter one was found in the time budget",
                            null);
                }
            }
            bySeries.put(current.spec().series(), current);
            result.add(current);
        }
        return result;
    }

    private static WhatIfResult.Row row(Solved solved, double sequential) {
        var spec = solved.spec();
        if (solved.error() != null) {
            return new WhatIfResult.Row(spec.label(), spec.series(), spec.count(), null, null, null, null, null, null,
                    null, null, null, "infeasible: " + solved.error());
        }
        var instance = solved.analysis().instance();
        var scale = instance.scale();
        double makespan = scale.at(solved.schedule().makespan());
        double lowerBound = scale.at(solved.analysis().lowerBound());
        // Shares and speed-ups of the work that remains (CONTRACT §6): both figures counted from now.
        double now = scale.at(0);
        return new WhatIfResult.Row(spec.label(), spec.series(), spec.count(), instance.agentCount(), makespan, lowerBound,
                solved.analysis().isProvenOptimal(solved.schedule()), Numbers.round(sequential - makespan, 4),
                Savings.percent(sequential - now, makespan - now), Savings.speedup(sequential - now, makespan - now),
                Utilization.of(solved.schedule()).mean(), solved.note(), null);
    }

    private static List<WhatIfResult.Knee> knees(List<Solved> solved, List<WhatIfResult.Row> rows) {
        var knees = new ArrayList<WhatIfResult.Knee>();
        var seriesNames = rows.stream().map(WhatIfResult.Row::series).filter(java.util.Objects::nonNull).distinct().toList();
        for (var series : seriesNames) {
            var seriesRows = rows.stream().filter(row -> series.equals(row.series())).toList();
            Knees.knee(seriesRows).ifPresent(knee -> {
                double best = seriesRows.stream().filter(WhatIfResult.Row::feasible)
                        .mapToDouble(WhatIfResult.Row::makespan).min().orElseThrow();
                // What stops further gains: the bottleneck where the series has the most agents.
                var widest = solved.stream()
                        .filter(s -> series.equals(s.spec().series()) && s.error() == null)
                        .max(Comparator.comparingInt(s -> s.spec().count())).orElseThrow();
                var instance = widest.analysis().instance();
                var bottleneck = Sentences.bottleneck(Bottleneck.of(widest.analysis()), instance);
                var what = switch (series) {
                    case "agents" -> knee.count() + (knee.count() == 1 ? " agent" : " agents");
                    case CAP_SERIES -> "a cap of " + knee.count() + (knee.count() == 1 ? " task" : " tasks") + " at once";
                    default -> knee.count() + (knee.count() == 1 ? " worker in " : " workers in ") + series;
                };
                var reason = "From %s on, adding more shortens the plan by less than 5 %%. %s".formatted(what, bottleneck);
                knees.add(new WhatIfResult.Knee(series, knee.count(), knee.makespan(), best, reason));
            });
        }
        return knees;
    }
}
