package dev.fanout.report;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import dev.fanout.analysis.Listing;
import dev.fanout.analysis.LowerBounds;
import dev.fanout.analysis.PlanAnalysis;
import dev.fanout.analysis.Schedule;

/**
 * The report as Markdown a team can paste into its planning document: tables that render on GitHub, GitLab and
 * most wikis, and the schedule as a Mermaid {@code gantt} block with one section per agent.
 */
public final class MarkdownReport {

    private final Report report;
    private final PlanAnalysis analysis;
    private final Schedule optimized;
    private final String unit;
    private final StringBuilder out = new StringBuilder();

    private MarkdownReport(Report report, PlanAnalysis analysis, Schedule optimized) {
        this.report = report;
        this.analysis = analysis;
        this.optimized = optimized;
        this.unit = report.summary().timeUnit();
    }

    public static String render(Report report, PlanAnalysis analysis, Schedule optimized) {
        return new MarkdownReport(report, analysis, optimized).render();
    }

    /** Rows of long per-task tables beyond this are left out (the JSON and CSV have them all). */
    static final int MAX_TABLE_ROWS = 300;
    /** Mermaid renderers give up on much larger charts; beyond this the chart shows the earliest-starting tasks. */
    static final int MAX_GANTT_TASKS = 500;

    private String render() {
        header();
        timelineSummary();
        bottleneck();
        claims();
        waves();
        tiers();
        criticalPath();
        agents();
        startReasons();
        gantt();
        return out.toString();
    }

    private void bottleneck() {
        var bottleneck = report.explanations().bottleneck();
        line("## What bounds the plan");
        line();
        line(Markdown.cell(bottleneck.summary()));
        line();
        line("The schedule's own critical chain, from time 0 to the last task:");
        line();
        line("| Task | Agent | Start | End | Starts when |");
        line("|---|---|---:|---:|---|");
        for (var wait : bottleneck.chain()) {
            line("| %s | %s | %s | %s | %s |".formatted(Markdown.cell(wait.task()), wait.agent() == null ? "—" : Markdown.cell(wait.agent()),
                    Numbers.format(wait.start()), Numbers.format(wait.end()), startsWhen(wait)));
        }
        line();
    }

    private String startsWhen(Report.Wait wait) {
        return switch (wait.reason()) {
            case DEPENDENCY -> "dependency " + Markdown.cell(wait.on()) + " ends";
            case AGENT -> "its agent finishes " + Markdown.cell(wait.on());
            case FREE -> "at once";
            case IDLE -> "after idle time";
        };
    }

    private void tiers() {
        line("## Dependency tiers");
        line();
        line("A task's tier is one more than its deepest dependency's. Run tier by tier, each waiting for the previous one:");
        line();
        line("| Tier | Tasks | Start | End | Length (%s) |".formatted(unit));
        line("|---:|---|---:|---:|---:|");
        for (var span : report.strategies().tiers().spans()) {
            line("| %d | %s | %s | %s | %s |".formatted(span.number(), Markdown.cell(Listing.upTo(span.tasks(), 30)),
                    Numbers.format(span.start()), Numbers.format(span.end()), Numbers.format(span.end() - span.start())));
        }
        line();
    }

    private void agents() {
        line("## Agents");
        line();
        line("| Agent | Pool | Tasks | Busy (%s) | Utilization |".formatted(unit));
        line("|---|---|---:|---:|---:|");
        var loads = report.loads().agentLoads();
        for (var load : loads.subList(0, Math.min(loads.size(), MAX_TABLE_ROWS))) {
            line("| %s | %s | %d | %s | %s |".formatted(Markdown.cell(load.agent()), load.pool() == null ? "—" : Markdown.cell(load.pool()),
                    load.tasks(), Numbers.format(load.busy()), Numbers.percent(load.utilization())));
        }
        if (loads.size() > MAX_TABLE_ROWS) {
            line("| … %d more agents | | | | |".formatted(loads.size() - MAX_TABLE_ROWS));
        }
        line();
        line("Mean utilization: %s.".formatted(Numbers.percent(report.loads().utilization().mean())));
        line();
        if (!report.loads().poolLoads().isEmpty()) {
            line("| Pool | Agents | Tasks | Busy (%s) | Utilization |".formatted(unit));
            line("|---|---:|---:|---:|---:|");
            for (var pool : report.loads().poolLoads()) {
                line("| %s | %d | %d | %s | %s |".formatted(Markdown.cell(pool.pool()), pool.agents(), pool.tasks(),
                        Numbers.format(pool.busy()), Numbers.percent(pool.utilization())));
            }
            line();
        }
    }

    private void startReasons() {
        line("## Why each task starts when it does");
        line();
        line("| Task | Agent | Start | End | Why |");
        line("|---|---|---:|---:|---|");
        var waits = report.explanations().waits();
        for (var wait : waits.subList(0, Math.min(waits.size(), MAX_TABLE_ROWS))) {
            line("| %s | %s | %s | %s | %s |".formatted(Markdown.cell(wait.task()), wait.agent() == null ? "—" : Markdown.cell(wait.agent()),
                    Numbers.format(wait.start()), Numbers.format(wait.end()), Markdown.cell(wait.explanation())));
        }
        if (waits.size() > MAX_TABLE_ROWS) {
            line("| … %d more tasks (see the JSON or CSV report) | | | | |".formatted(waits.size() - MAX_TABLE_ROWS));
        }
        line();
    }

    private void header() {
        line("# " + Markdown.cell(report.summary().plan()));
        line();
        var plan = analysis.instance().plan();
        if (plan.description() != null && !plan.description().isBlank()) {
            line(Markdown.quote(plan.description()));
            line();
        }
        var optimizedLine = report.strategies().optimized().optimal()
                ? "the optimized schedule is **proven optimal** (it equals the lower bound)"
                : "the optimized schedule is at most **" + Numbers.format(gapPercent())
                        + " %** longer than the best possible (its lower bound)";
        line("%d tasks · %d agents · times in %s · %s.".formatted(report.summary().tasks(), report.summary().agents(), unit, optimizedLine));
        line();
    }

    private double gapPercent() {
        double makespan = report.strategies().optimized().makespan();
        return report.bounds().lowerBound() == 0 ? 0 : Numbers.round((makespan - report.bounds().lowerBound()) / report.bounds().lowerBound() * 100, 1);
    }

    private void timelineSummary() {
        line("## Timeline summary");
        line();
        line("| Strategy | Makespan (%s) | Optimized saves (%s) | Saving | Speed-up |".formatted(unit, unit));
        line("|---|---:|---:|---:|---:|");
        for (var saving : report.savings()) {
            line("| %s | %s | %s | %s %% | %s× |".formatted(strategyLabel(saving.against()),
                    Numbers.format(saving.makespan()), Numbers.format(saving.saved()), Numbers.format(saving.percent()),
                    Numbers.format(saving.speedup())));
        }
        line("| **Optimized (Fanout)** | **%s** | — | — | — |".formatted(Numbers.format(report.strategies().optimized().makespan())));
        line("| Lower bound (%s) | %s | | | |".formatted(boundLabel(report.bounds().lowerBounds().binding()),
                Numbers.format(report.bounds().lowerBound())));
        line();
        line("Sequential is one agent doing every task. Tiers run the dependency levels one after another, each "
                + "starting when the previous has ended. No schedule can beat the lower bound.");
        line();
    }

    private String strategyLabel(Report.Baseline strategy) {
        return switch (strategy) {
            case SEQUENTIAL -> "Sequential (one agent)";
            case WAVES -> "Author's waves (%d waves)".formatted(report.strategies().waves().count());
            case TIERS -> "Dependency tiers (%d tiers)".formatted(report.strategies().tiers().levels().size());
        };
    }

    private static String boundLabel(LowerBounds.Kind binding) {
        return switch (binding) {
            case CRITICAL_PATH -> "critical path";
            case SKILL_SET -> "scarcest skill set";
            case AGENT_CHAIN -> "dependencies and scarce agents";
            case WORK -> "total work ÷ agents";
        };
    }

    private void claims() {
        if (report.explanations().claims().isEmpty()) {
            return;
        }
        line("## Claimed vs computed");
        line();
        line("| Figure | Claimed | Computed | Verdict | Where the claim is made |");
        line("|---|---:|---:|---|---|");
        for (var claim : report.explanations().claims()) {
            String suffix = ClaimChecks.unitSuffix(claim.metric(), unit);
            line("| %s | %s%s | %s%s | %s | %s |".formatted(claim.label(),
                    Numbers.range(claim.claimedMin(), claim.claimedMax()), suffix, Numbers.format(claim.computed()),
                    suffix, JsonNames.of(claim.verdict()), claim.source() == null ? "" : Markdown.cell(claim.source())));
        }
        line();
        for (var claim : report.explanations().claims()) {
            line("- **" + claim.label() + ".** " + Markdown.cell(claim.remark()));
        }
        line();
    }

    private void waves() {
        var waves = report.strategies().waves();
        if (waves == null) {
            return;
        }
        line("## The author's waves, run as written");
        line();
        line("Each wave starts when the previous one has ended; tasks run on the plan's real agents.");
        line();
        line("| Wave | Tasks | Start | End | Length (%s) |".formatted(unit));
        line("|---:|---|---:|---:|---:|");
        for (var span : waves.spans()) {
            line("| %d | %s | %s | %s | %s |".formatted(span.number(), Markdown.cell(String.join(", ", span.tasks())),
                    Numbers.format(span.start()), Numbers.format(span.end()), Numbers.format(span.end() - span.start())));
        }
        line();
        if (!waves.findings().isEmpty()) {
            line("Where the waves and the dependencies disagree, the dependencies win:");
            line();
            for (var finding : waves.findings()) {
                line("- " + Markdown.cell(finding.message()));
            }
            line();
        }
    }

    private void criticalPath() {
        line("## Critical path");
        line();
        line("%s %s: %s.".formatted(Numbers.format(report.bounds().criticalPath().length()), unit,
                Markdown.cell(String.join(" → ", report.bounds().criticalPath().tasks()))));
        line();
    }

    private void gantt() {
        var instance = analysis.instance();
        var scale = instance.scale();
        var titles = new java.util.HashMap<String, String>();
        for (var task : instance.plan().tasks()) {
            titles.put(task.id(), task.title());
        }
        line("## Schedule");
        line();
        line("```mermaid");
        line("gantt");
        line("    title " + mermaidText(report.summary().plan()) + " (optimized)");
        line("    dateFormat X");
        line("    axisFormat %s");
        if (scale.decimals() > 0) {
            line("    %% one axis unit is 1/" + scale.ticksPerUnit() + " " + instance.plan().timeUnit().singular());
        }
        var sequences = optimized.sequences();
        var critical = analysis.criticalPath();
        var shown = shownInGantt(instance.taskCount());
        for (int agent = 0; agent < instance.agentCount(); agent++) {
            var tasks = sequences.get(agent).stream().filter(shown::get).toList();
            if (tasks.isEmpty()) {
                continue;
            }
            line("    section " + mermaidText(instance.agentId(agent)));
            for (int task : tasks) {
                line("    %s :%st%d, %d, %d".formatted(label(instance.taskId(task), titles.get(instance.taskId(task))),
                        critical.isCritical(task) ? "crit, " : "", task, optimized.start(task), optimized.end(task)));
            }
        }
        var milestones = new ArrayList<Integer>();
        for (int task = 0; task < instance.taskCount(); task++) {
            if (instance.isMilestone(task) && shown.get(task)) {
                milestones.add(task);
            }
        }
        if (!milestones.isEmpty()) {
            line("    section Milestones");
            for (int task : milestones) {
                line("    %s :milestone, t%d, %d, %d".formatted(label(instance.taskId(task), titles.get(instance.taskId(task))),
                        task, optimized.start(task), optimized.end(task)));
            }
        }
        line("```");
        line();
        var note = "Critical tasks are marked `crit`.";
        if (shown.cardinality() < instance.taskCount()) {
            note += " The chart shows the %d earliest-starting of the %d tasks; `?format=csv&table=assignments` lists them all."
                    .formatted(shown.cardinality(), instance.taskCount());
        }
        line(note);
    }

    /** The tasks the chart shows: all of them, or the earliest-starting {@link #MAX_GANTT_TASKS}. */
    private BitSet shownInGantt(int taskCount) {
        var shown = new BitSet(taskCount);
        IntStream.range(0, taskCount).boxed()
                .sorted(Comparator.<Integer>comparingLong(optimized::start).thenComparingInt(task -> task))
                .limit(MAX_GANTT_TASKS)
                .forEach(shown::set);
        return shown;
    }

    private static String label(String id, String title) {
        return mermaidText(title == null || title.isBlank() ? id : id + " " + title);
    }

    /** Mermaid gantt lines break on ':', '#' and ';'. */
    private static String mermaidText(String text) {
        return text.replaceAll("[:#;\\n\\r]", " ").replaceAll("\\s+", " ").strip();
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    private void line() {
        out.append('\n');
    }
}
