package dev.fanout.report;

import dev.fanout.analysis.LowerBounds;
import dev.fanout.analysis.PlanAnalysis;

/** The report's opening: the plan in one line, the strategies side by side, and what bounds the plan. */
final class MarkdownOverview extends MarkdownSection {

    private final PlanAnalysis analysis;

    MarkdownOverview(Report report, PlanAnalysis analysis, StringBuilder out) {
        super(report, out);
        this.analysis = analysis;
    }

    @Override
    void write() {
        header();
        timelineSummary();
        bottleneck();
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
                : "the optimized schedule is at most **" + Numbers.format(report.gapPercent())
                        + " %** longer than the best possible (its lower bound)";
        line("%d tasks · %d agents · times in %s · %s.".formatted(report.summary().tasks(), report.summary().agents(), unit, optimizedLine));
        line();
        if (plan.hasProgress()) {
            var statuses = plan.tasks().stream().collect(java.util.stream.Collectors.groupingBy(
                    task -> task.progress().status(), java.util.stream.Collectors.counting()));
            long done = statuses.getOrDefault(dev.fanout.plan.TaskStatus.DONE, 0L);
            long started = statuses.getOrDefault(dev.fanout.plan.TaskStatus.STARTED, 0L);
            line(("%s %s in, %s %s remain: %d %s done, %d started. Every figure below counts the work that remains, "
                    + "from now; times are since the plan began.").formatted(Numbers.format(report.summary().now()), unit,
                            Numbers.format(report.summary().remaining()), unit, done, done == 1 ? "task" : "tasks", started));
            line();
        }
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
        var deadline = report.strategies().deadline();
        if (deadline != null) {
            line(deadlineSentence(deadline));
            line();
        }
        forecast();
    }

    /** P50/P80/P95 beside each strategy, when durations are ranges; nothing to add when every run is the same. */
    private void forecast() {
        var forecast = report.forecast();
        if (forecast.ranged() == 0) {
            return;
        }
        line("## Forecast");
        line();
        line("%d of the %d tasks %s a duration range; %s runs, each strategy followed as a policy with the same drawn durations."
                .formatted(forecast.ranged(), report.summary().tasks(), forecast.ranged() == 1 ? "has" : "have",
                        ForecastViews.count(forecast.runs())));
        line();
        boolean deadline = forecast.onTime() != null;
        line("| Strategy | P50 (%s) | P80 (%s) | P95 (%s) |%s".formatted(unit, unit, unit, deadline ? " On time |" : ""));
        line("|---|---:|---:|---:|%s".formatted(deadline ? "---:|" : ""));
        for (var saving : report.savings()) {
            var outcome = forecast.strategies().get(JsonNames.of(saving.against()));
            line(row(strategyLabel(saving.against()), outcome.p50(), outcome.p80(), outcome.p95(), outcome.onTime()));
        }
        line(row("**Optimized (Fanout)**", forecast.p50(), forecast.p80(), forecast.p95(), forecast.onTime()));
        line();
        var critical = forecast.criticality().entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed()).limit(5)
                .filter(entry -> entry.getValue() > 0)
                .map(entry -> "%s (%s %%)".formatted(Markdown.cell(entry.getKey()), Numbers.format(Numbers.round(entry.getValue() * 100, 1))))
                .toList();
        line("Most often on the chain that ends last: " + String.join(", ", critical) + ".");
        line();
    }

    private static String row(String label, double p50, double p80, double p95, Double onTime) {
        return "| %s | %s | %s | %s |%s".formatted(label, Numbers.format(p50), Numbers.format(p80), Numbers.format(p95),
                onTime == null ? "" : " " + Numbers.format(Numbers.round(onTime * 100, 1)) + " % |");
    }

    /** Whether the optimized schedule meets the plan's deadline, by how much, and whether any schedule could. */
    private String deadlineSentence(Report.Deadline deadline) {
        var at = "**Deadline: %s.** ".formatted(Numbers.amount(deadline.at(), unit));
        if (deadline.met()) {
            return at + "The optimized schedule meets it with %s to spare.".formatted(Numbers.amount(deadline.margin(), unit));
        }
        var late = "The optimized schedule misses it by %s".formatted(Numbers.amount(-deadline.margin(), unit));
        return at + late + (deadline.provenMissed()
                ? ", and no schedule can meet it: the lower bound is %s.".formatted(Numbers.amount(report.bounds().lowerBound(), unit))
                : "; the lower bound (%s) does not rule it out.".formatted(Numbers.amount(report.bounds().lowerBound(), unit)));
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
            case SHARED_LIMIT -> "a shared area, resource or cap";
        };
    }

    private void bottleneck() {
        var bottleneck = report.explanations().bottleneck();
        line("## What bounds the plan");
        line();
        line(Markdown.cell(bottleneck.summary()));
        line();
        line("The schedule's own critical chain, from " + (report.summary().now() > 0 ? "now" : "time 0") + " to the last task:");
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
            case STARTED -> "under way: it goes on from now";
            case DONE -> "done";
            case AGENT_UNAVAILABLE -> "its agent becomes available";
            case AREA -> Markdown.cell(wait.on()) + " frees area " + Markdown.cell(wait.limit());
            case RESOURCE -> Markdown.cell(wait.on()) + " frees resource " + Markdown.cell(wait.limit());
            case CAP -> Markdown.cell(wait.on()) + " ends (" + Markdown.cell(wait.limit()) + " at its cap)";
        };
    }
}
