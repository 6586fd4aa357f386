package dev.fanout.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import dev.fanout.analysis.Bottleneck;
import dev.fanout.analysis.Forecast;
import dev.fanout.analysis.Instance;
import dev.fanout.analysis.PhasedSchedule;
import dev.fanout.analysis.PlanAnalysis;
import dev.fanout.analysis.Schedule;
import dev.fanout.analysis.StartReasons;
import dev.fanout.analysis.Utilization;
import dev.fanout.analysis.WavePlan;
import dev.fanout.analysis.Workload;

/** Builds the {@link Report} from a plan's analysis and its optimized schedule. Pure. */
public final class ReportBuilder {

    private ReportBuilder() {
    }

    public static Report build(PlanAnalysis analysis, Schedule optimized, SolveStatus status) {
        var instance = analysis.instance();
        var plan = instance.plan();
        var scale = instance.scale();
        var summary = new Report.Summary(plan.name(), plan.timeUnit().label(), instance.taskCount(), instance.agentCount(),
                scale.at(0), scale.toDouble(optimized.makespan()));
        var forecast = Forecast.of(analysis, optimized);
        return new Report(summary, strategies(analysis, optimized, status), bounds(analysis), savings(analysis, optimized),
                ForecastViews.of(forecast, instance), loads(optimized), explanations(analysis, optimized, forecast));
    }

    private static Report.Strategies strategies(PlanAnalysis analysis, Schedule optimized, SolveStatus status) {
        var instance = analysis.instance();
        var scale = instance.scale();
        var sequential = new Report.Strategy(scale.at(analysis.sequential()));
        var waves = analysis.wavePlan().map(wavePlan -> waves(instance, wavePlan)).orElse(null);
        var tiers = new Report.Tiers(scale.at(analysis.tierSchedule().makespan()),
                analysis.tiers().levels().stream().map(instance::taskIds).toList(),
                spans(instance, analysis.tierSchedule(), 0));
        long makespan = optimized.makespan();
        var result = new Report.Optimized(scale.at(makespan), analysis.isProvenOptimal(optimized), status);
        return new Report.Strategies(sequential, waves, tiers, result, deadline(analysis, result));
    }

    /** Null when the plan states no deadline. */
    private static Report.Deadline deadline(PlanAnalysis analysis, Report.Optimized optimized) {
        var plan = analysis.instance().plan();
        if (!plan.hasDeadline()) {
            return null;
        }
        double at = plan.deadline().doubleValue();
        double lowerBound = analysis.instance().scale().at(analysis.lowerBound());
        return new Report.Deadline(at, optimized.makespan() <= at, Numbers.round(at - optimized.makespan(), 4),
                lowerBound > at);
    }

    private static Report.Bounds bounds(PlanAnalysis analysis) {
        var instance = analysis.instance();
        var scale = instance.scale();
        var bounds = analysis.lowerBounds();
        var skillSetAgents = instance.agentIds(bounds.skillSetAgents());
        // Each part bounds the makespan: an instant, like the makespan (now + a bound on the work that remains).
        var lowerBoundParts = new Report.LowerBoundParts(scale.at(bounds.criticalPath()),
                scale.at(bounds.work()), scale.at(bounds.skillSet()),
                skillSetAgents.size() == instance.agentCount() ? List.of() : skillSetAgents,
                scale.at(bounds.agentChain()),
                bounds.agentChainTask() < 0 ? null : instance.taskId(bounds.agentChainTask()), bounds.binding(),
                instance.limits().any() ? scale.at(bounds.sharedLimit()) : null,
                bounds.sharedLimitIndex() < 0 ? null : instance.limits().limit(bounds.sharedLimitIndex()).label());
        var criticalPath = new Report.CriticalPathView(scale.toDouble(analysis.criticalPath().length()),
                instance.taskIds(analysis.criticalPath().tasks()));
        return new Report.Bounds(scale.at(analysis.lowerBound()), lowerBoundParts, criticalPath);
    }

    /** Against one agent doing everything, the author's waves (when the plan has them) and the tiers. */
    private static List<Report.Saving> savings(PlanAnalysis analysis, Schedule optimized) {
        long makespan = optimized.makespan();
        var savings = new ArrayList<Report.Saving>();
        savings.add(saving(Report.Baseline.SEQUENTIAL, analysis.sequential(), makespan, analysis));
        analysis.wavePlan().ifPresent(
                wavePlan -> savings.add(saving(Report.Baseline.WAVES, wavePlan.schedule().makespan(), makespan, analysis)));
        savings.add(saving(Report.Baseline.TIERS, analysis.tierSchedule().makespan(), makespan, analysis));
        return savings;
    }

    private static Report.Loads loads(Schedule optimized) {
        var instance = optimized.instance();
        var workload = Workload.of(optimized);
        var utilization = Utilization.of(optimized, workload);
        return new Report.Loads(utilization, agentLoads(instance, workload, utilization),
                poolLoads(instance, workload, utilization));
    }

    private static Report.Explanations explanations(PlanAnalysis analysis, Schedule optimized, Forecast forecast) {
        var instance = analysis.instance();
        var slack = new LinkedHashMap<String, Double>();
        for (int task = 0; task < instance.taskCount(); task++) {
            slack.put(instance.taskId(task), instance.scale().toDouble(analysis.criticalPath().slack(task)));
        }
        var reasons = StartReasons.of(optimized);
        var waits = reasons.all().stream().map(reason -> wait(reason, optimized)).toList();
        return new Report.Explanations(slack, new ClaimChecks(analysis, optimized, forecast).check(instance.plan().claims()),
                bottleneck(analysis, optimized, reasons), waits);
    }

    private static Report.BottleneckView bottleneck(PlanAnalysis analysis, Schedule optimized, StartReasons reasons) {
        var instance = analysis.instance();
        var bottleneck = Bottleneck.of(analysis);
        var summary = Sentences.bottleneck(bottleneck, instance);
        long makespan = optimized.makespan();
        if (makespan > bottleneck.bound()) {
            summary += " The schedule takes %s %s, at most %s %% more than that."
                    .formatted(Numbers.format(instance.scale().toDouble(makespan)), instance.plan().timeUnit().label(),
                            Numbers.format(Numbers.round(100.0 * (makespan - bottleneck.bound()) / bottleneck.bound(), 1)));
        }
        var chain = reasons.criticalChain().stream().map(reason -> wait(reason, optimized)).toList();
        return new Report.BottleneckView(bottleneck.kind(), bottleneck.subject(),
                instance.scale().toDouble(bottleneck.bound()), bottleneck.agents(), bottleneck.tasks(), summary, chain);
    }

    static Report.Wait wait(StartReasons.Reason reason, Schedule schedule) {
        var instance = schedule.instance();
        var scale = instance.scale();
        int task = reason.task();
        int agent = schedule.agentOf(task);
        boolean waited = reason.kind().waitsForATask();
        return new Report.Wait(instance.taskId(task), agent == Schedule.NO_AGENT ? null : instance.agentId(agent),
                scale.at(schedule.start(task)), scale.at(schedule.end(task)),
                reason.kind(),
                waited ? instance.taskId(reason.on()) : null,
                waited || reason.kind() == StartReasons.Kind.AGENT_UNAVAILABLE ? scale.at(reason.until()) : null,
                Sentences.startReason(reason, schedule),
                reason.limit() < 0 ? null : instance.limits().limit(reason.limit()).name());
    }

    /** When each phase runs, numbered from {@code first}: waves count from 1, tiers from 0. */
    private static List<Report.Span> spans(Instance instance, PhasedSchedule phased, int first) {
        var scale = instance.scale();
        var phases = phased.phases();
        var spans = new ArrayList<Report.Span>();
        for (int i = 0; i < phases.size(); i++) {
            var phase = phases.get(i);
            spans.add(new Report.Span(first + i, instance.taskIds(phase.tasks()), scale.at(phase.start()),
                    scale.at(phase.end())));
        }
        return spans;
    }

    private static List<Report.AgentLoad> agentLoads(Instance instance, Workload workload, Utilization utilization) {
        return workload.agents().stream()
                .map(load -> new Report.AgentLoad(instance.agentId(load.agent()), instance.agentPool(load.agent()),
                        load.tasks(), instance.scale().toDouble(load.busy()),
                        utilization.agents().get(instance.agentId(load.agent()))))
                .toList();
    }

    private static List<Report.PoolLoad> poolLoads(Instance instance, Workload workload, Utilization utilization) {
        return workload.pools().stream()
                .map(load -> new Report.PoolLoad(load.pool(), load.agents(), load.tasks(),
                        instance.scale().toDouble(load.busy()), utilization.pools().get(load.pool())))
                .toList();
    }

    private static Report.Waves waves(Instance instance, WavePlan wavePlan) {
        var scale = instance.scale();
        var spans = spans(instance, wavePlan.waves(), 1);
        var findings = wavePlan.findings().stream()
                .map(f -> new Report.Finding(f.kind(), f.wave(), f.tasks(), f.message()))
                .toList();
        return new Report.Waves(scale.at(wavePlan.schedule().makespan()), wavePlan.count(), spans, findings);
    }

    private static Report.Saving saving(Report.Baseline against, long otherMakespan, long optimizedMakespan, PlanAnalysis analysis) {
        var scale = analysis.instance().scale();
        // Shares and speed-ups of the work that remains: from now, not from when the plan began.
        double other = scale.toDouble(otherMakespan);
        double optimized = scale.toDouble(optimizedMakespan);
        return new Report.Saving(against, scale.at(otherMakespan), scale.toDouble(otherMakespan - optimizedMakespan),
                Savings.percent(other, optimized), Savings.speedup(other, optimized));
    }
}
