package dev.fanout.report;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import dev.fanout.analysis.Bottleneck;
import dev.fanout.analysis.LowerBounds;
import dev.fanout.analysis.StartReasons;
import dev.fanout.analysis.Utilization;
import dev.fanout.analysis.WavePlan;
import dev.fanout.plan.ClaimMetric;
import dev.fanout.plan.Unmodifiable;

/**
 * The comparison of execution strategies for one plan (CONTRACT §3), every duration in the plan's time unit. Its
 * sections are written side by side in one JSON object, in this order: {@code plan}, {@code timeUnit}, {@code tasks},
 * {@code agents}, {@code now}, {@code remaining}; {@code sequential}, {@code waves} (absent when the plan has none), {@code tiers}, {@code optimized};
 * {@code lowerBound}, {@code lowerBounds}, {@code criticalPath}; {@code savings}; {@code forecast}; {@code utilization},
 * {@code agentLoads}, {@code poolLoads}; {@code slack}, {@code claims}, {@code bottleneck}, {@code waits}; {@code sinceLastVersion} (absent for a first version).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Report(
        @JsonUnwrapped Summary summary,
        @JsonUnwrapped Strategies strategies,
        @JsonUnwrapped Bounds bounds,
        List<Saving> savings,
        ForecastView forecast,
        @JsonUnwrapped Loads loads,
        @JsonUnwrapped Explanations explanations,
        SinceLastVersion sinceLastVersion) {

    public Report {
        savings = List.copyOf(savings);
    }

    /** A report with no earlier version to compare with. */
    public Report(Summary summary, Strategies strategies, Bounds bounds, List<Saving> savings, ForecastView forecast,
            Loads loads, Explanations explanations) {
        this(summary, strategies, bounds, savings, forecast, loads, explanations, null);
    }

    /** How much longer than its bound the work that remains may take, in percent (one decimal). */
    public double gapPercent() {
        double makespan = strategies.optimized().makespan();
        double bound = bounds.lowerBound() - summary.now();
        return bound <= 0 ? 0 : Numbers.round((makespan - bounds.lowerBound()) / bound * 100, 1);
    }

    /** This report with "since the last version" added. */
    public Report since(SinceLastVersion since) {
        return new Report(summary, strategies, bounds, savings, forecast, loads, explanations, since);
    }

    /**
     * What changed since the previous version (CONTRACT §6): the finish moved from {@code finishFrom} to
     * {@code finishTo}; {@code changed} the tasks the update touched, {@code removed} those it took out;
     * {@code changedAgent} the tasks now on another agent; {@code slipped} those that end later, by how much, and why.
     */
    public record SinceLastVersion(int previousVersion, double previousNow, double now, double finishFrom,
            double finishTo, double finishMovedBy, List<String> changed, List<String> removed,
            List<AgentChange> changedAgent, List<Slip> slipped, String summary) {
        public SinceLastVersion {
            changed = List.copyOf(changed);
            removed = List.copyOf(removed);
            changedAgent = List.copyOf(changedAgent);
            slipped = List.copyOf(slipped);
        }
    }

    public record AgentChange(String task, String from, String to) {
    }

    /** A task that ends later than before: {@code cause} the changed task it waits for (null: none), {@code because} in words. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Slip(String task, double from, double to, double by, String cause, String because) {
    }

    /**
     * When the plan will really finish (CONTRACT §7): {@code runs} simulations of the optimized schedule followed as a
     * policy, durations drawn from each ranged task's PERT distribution ({@code ranged} tasks have a range; with none,
     * one run, and {@code note} says so); {@code onTime} the share of runs that meet the deadline (absent without
     * one); {@code criticality} per task, in plan order, the share of runs in which it lies on the chain that ends
     * last; {@code strategies} the same for the other strategies, with the same durations in each run.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ForecastView(int runs, long seed, int ranged, double p50, double p80, double p95, double mean,
            Double onTime, HistogramView histogram, Map<String, Double> criticality, String note,
            Map<String, OutcomeView> strategies) {
        public ForecastView {
            criticality = Unmodifiable.map(criticality);
            strategies = Unmodifiable.map(strategies);
        }
    }

    /** One strategy's forecast. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OutcomeView(double p50, double p80, double p95, double mean, Double onTime, HistogramView histogram) {
    }

    /** {@code counts[i]} runs ended in [from + i·width, from + (i+1)·width); one bar of width 0 when all runs agree. */
    public record HistogramView(double from, double width, List<Integer> counts) {
        public HistogramView {
            counts = List.copyOf(counts);
        }
    }

    /**
     * Which plan, in which time unit, how large; {@code now} how far it has come (CONTRACT §6: every figure counts the
     * work that remains from then) and {@code remaining} the optimized makespan − now.
     */
    public record Summary(String plan, String timeUnit, int tasks, int agents, double now, double remaining) {
    }

    /**
     * How long each way of running the plan takes; {@code waves} is null when the plan has none, {@code deadline} when
     * it states none.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Strategies(Strategy sequential, Waves waves, Tiers tiers, Optimized optimized, Deadline deadline) {
    }

    /**
     * The plan's deadline set against the optimized schedule (CONTRACT §5): {@code met} when the makespan is at or
     * before {@code at}; {@code margin} is {@code at} minus the makespan (negative: late by that much);
     * {@code provenMissed} when the lower bound itself is past {@code at}, so that no schedule can meet it.
     */
    public record Deadline(double at, boolean met, double margin, boolean provenMissed) {
    }

    /** What no schedule can beat, and the longest dependency chain. */
    public record Bounds(double lowerBound, LowerBoundParts lowerBounds, CriticalPathView criticalPath) {
    }

    /** Who does how much in the optimized schedule. */
    public record Loads(Utilization utilization, List<AgentLoad> agentLoads, List<PoolLoad> poolLoads) {
        public Loads {
            agentLoads = List.copyOf(agentLoads);
            poolLoads = List.copyOf(poolLoads);
        }
    }

    /**
     * Why the figures are what they are: each task's slack (in plan order), the author's claims checked, what bounds
     * the makespan, and why each task starts when it does.
     */
    public record Explanations(Map<String, Double> slack, List<ClaimCheck> claims, BottleneckView bottleneck,
            List<Wait> waits) {
        public Explanations {
            slack = Unmodifiable.map(slack);
            claims = List.copyOf(claims);
            waits = List.copyOf(waits);
        }
    }

    public record Strategy(double makespan) {
    }

    /** The author's waves run as written; {@code findings} say where they disagree with the dependencies. */
    public record Waves(double makespan, int count, List<Span> spans, List<Finding> findings) {
        public Waves {
            spans = List.copyOf(spans);
            findings = List.copyOf(findings);
        }
    }

    /** When wave (from 1) or tier (from 0) {@code number} runs in its barrier schedule. */
    public record Span(int number, List<String> tasks, double start, double end) {
        public Span {
            tasks = List.copyOf(tasks);
        }
    }

    public record Finding(WavePlan.FindingKind kind, int wave, List<String> tasks, String message) {
        public Finding {
            tasks = List.copyOf(tasks);
        }
    }

    /** The dependency tiers run one after another; {@code spans} says when each tier runs in that schedule. */
    public record Tiers(double makespan, List<List<String>> levels, List<Span> spans) {
        public Tiers {
            levels = levels.stream().map(List::copyOf).toList();
            spans = List.copyOf(spans);
        }
    }

    public record Optimized(double makespan, boolean optimal, SolveStatus status) {
    }

    /**
     * The bounds and which one binds. {@code agentChain} is the dependency chain through {@code agentChainTask}
     * counting the work only some agents can do before and after it. {@code sharedLimit} (absent in a plan without
     * areas, resources or caps) is the strongest bound of one shared limit, {@code sharedLimitName} which ("area
     * src/", "resource db", "cap of pool nlp", "cap of the plan").
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LowerBoundParts(double criticalPath, double work, double skillSet, List<String> skillSetAgents,
            double agentChain, String agentChainTask, LowerBounds.Kind binding, Double sharedLimit,
            String sharedLimitName) {
        public LowerBoundParts {
            skillSetAgents = List.copyOf(skillSetAgents);
        }
    }

    public record CriticalPathView(double length, List<String> tasks) {
        public CriticalPathView {
            tasks = List.copyOf(tasks);
        }
    }

    /** The strategies the optimized schedule is compared with. */
    public enum Baseline {
        /** One agent doing every task. */
        @JsonProperty("sequential") SEQUENTIAL,
        /** The author's waves, run as written. */
        @JsonProperty("waves") WAVES,
        /** The dependency tiers, one after another. */
        @JsonProperty("tiers") TIERS
    }

    /** How much shorter the optimized schedule is than another strategy. */
    public record Saving(Baseline against, double makespan, double saved, double percent, double speedup) {
    }

    /** One agent's share of the optimized schedule. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AgentLoad(String agent, String pool, int tasks, double busy, double utilization) {
    }

    public record PoolLoad(String pool, int agents, int tasks, double busy, double utilization) {
    }

    /**
     * What bounds the makespan ({@code kind}: criticalPath, agentSet, agentChain or work), in one sentence, and the
     * schedule's own critical chain: from the last task back to time 0, each task waiting on the previous one.
     */
    public record BottleneckView(Bottleneck.Kind kind, String subject, double bound, List<String> agents,
            List<String> tasks, String summary, List<Wait> chain) {
        public BottleneckView {
            agents = List.copyOf(agents);
            tasks = List.copyOf(tasks);
            chain = List.copyOf(chain);
        }
    }

    /**
     * Why a task starts when it does: {@code reason} is {@code free}, {@code dependency} (waits for task {@code on}),
     * {@code agent} (its agent is busy with task {@code on}), {@code agentUnavailable} (its agent's window opens),
     * {@code area}, {@code resource} or {@code cap} (task {@code on} frees the shared limit {@code limit}) or
     * {@code idle}; {@code until} is when that wait ends.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Wait(String task, String agent, double start, double end, StartReasons.Kind reason, String on,
            Double until, String explanation, String limit) {
    }

    /**
     * A figure the author computed by hand set against the computed one; a range of durations on a plan with ranged
     * tasks is set against the forecast: {@code computed} is then its P50, and {@code byClaimedMax} the share of runs
     * that end by the claim's upper end (absent otherwise). {@code verdict} is {@code holds},
     * {@code optimistic} (the claim promises more than the plan allows) or {@code conservative}; a sequential total
     * either holds or {@code differs}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ClaimCheck(ClaimMetric metric, String label, String source, double claimedMin, double claimedMax,
            double computed, ComputedFrom computedFrom, Double optimized, Verdict verdict, String remark,
            Double byClaimedMax) {

        /** Which figure the claim is set against. */
        public enum ComputedFrom {
            @JsonProperty("sequential") SEQUENTIAL,
            @JsonProperty("criticalPath") CRITICAL_PATH,
            @JsonProperty("waves") WAVES,
            @JsonProperty("optimized") OPTIMIZED
        }

        public enum Verdict {
            /** Within 5 % of the computed figure. */
            @JsonProperty("holds") HOLDS,
            /** A sequential total that is off: it is a sum, neither optimistic nor conservative. */
            @JsonProperty("differs") DIFFERS,
            /** The claim promises more than the plan allows. */
            @JsonProperty("optimistic") OPTIMISTIC,
            /** The plan does better than claimed. */
            @JsonProperty("conservative") CONSERVATIVE
        }
    }
}
