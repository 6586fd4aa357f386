package dev.fanout.whatif;

import java.util.ArrayList;
import java.util.List;

import dev.fanout.report.CsvReport;
import dev.fanout.report.Markdown;
import dev.fanout.report.Numbers;

/** A what-if answer as Markdown (a table, the knee, and the curve as a Mermaid xychart) and as CSV. */
public final class WhatIfRendering {

    private WhatIfRendering() {
    }

    public static String markdown(WhatIfResult result) {
        var out = new StringBuilder();
        var unit = result.timeUnit();
        out.append("# What if: ").append(Markdown.cell(result.plan())).append("\n\n");
        out.append("%s · times in %s · each scenario solved for at most %s s · sequential total %s · critical path %s.\n\n"
                .formatted(title(result.kind()), unit, Numbers.format(result.secondsPerScenario()),
                        Numbers.amount(result.sequential(), unit), Numbers.amount(result.criticalPath(), unit)));
        var fewest = result.fewestAgents();
        if (fewest != null) {
            out.append("**Fewest agents to finish by %s: %s.** %s\n\n".formatted(Numbers.amount(fewest.deadline(), unit),
                    fewest.agents() == null ? "none found" : fewest.agents(), Markdown.cell(fewest.reason())));
        }
        for (var knee : result.knees()) {
            out.append("**Knee of %s: %d** (%s; the best of the sweep is %s). %s\n\n".formatted(knee.series(),
                    knee.count(), Numbers.amount(knee.makespan(), unit), Numbers.format(knee.best()), knee.reason()));
        }
        out.append("| Scenario | Agents | Makespan (%s) | Lower bound | Proven optimal | Saved vs sequential | Saving | Speed-up | Mean utilization |\n"
                .formatted(unit));
        out.append("|---|---:|---:|---:|:---:|---:|---:|---:|---:|\n");
        var notes = new ArrayList<String>();
        for (var row : result.rows()) {
            if (!row.feasible()) {
                out.append("| %s | — | — | — | — | — | — | — | — |\n".formatted(Markdown.cell(row.scenario())));
                notes.add(row.scenario() + ": " + row.error());
                continue;
            }
            out.append("| %s | %d | %s | %s | %s | %s | %s %% | %s× | %s |\n".formatted(Markdown.cell(row.scenario()), row.agents(),
                    Numbers.format(row.makespan()), Numbers.format(row.lowerBound()), row.optimal() ? "yes" : "no",
                    Numbers.format(row.saved()), Numbers.format(row.savingsPercent()), Numbers.format(row.speedup()),
                    Numbers.percent(row.meanUtilization())));
            if (row.note() != null) {
                notes.add(row.scenario() + ": " + row.note());
            }
        }
        out.append('\n');
        for (var note : notes) {
            out.append("- ").append(Markdown.cell(note)).append('\n');
        }
        if (!notes.isEmpty()) {
            out.append('\n');
        }
        for (var series : result.rows().stream().map(WhatIfResult.Row::series).filter(java.util.Objects::nonNull).distinct().toList()) {
            var points = result.rows().stream().filter(r -> series.equals(r.series()) && r.feasible()).toList();
            if (points.size() < 2) {
                continue;
            }
            double top = points.stream().mapToDouble(WhatIfResult.Row::makespan).max().orElse(1);
            out.append("```mermaid\nxychart-beta\n");
            out.append("    title \"Makespan by %s\"\n".formatted(series.equals("agents") ? "number of agents"
                    : series.equals(WhatIfService.CAP_SERIES) ? "cap on tasks at once" : "workers in " + series));
            out.append("    x-axis \"%s\" [%s]\n".formatted(series, String.join(", ", points.stream().map(r -> String.valueOf(r.count())).toList())));
            out.append("    y-axis \"makespan (%s)\" 0 --> %s\n".formatted(unit, Numbers.format(Math.ceil(top * 1.1))));
            out.append("    line [%s]\n".formatted(String.join(", ", points.stream().map(r -> Numbers.format(r.makespan())).toList())));
            out.append("```\n\n");
        }
        return out.toString();
    }

    public static String csv(WhatIfResult result) {
        var header = List.of("scenario", "series", "count", "agents", "makespan", "lower_bound", "optimal", "saved",
                "savings_percent", "speedup", "mean_utilization", "time_unit", "note", "error");
        var rows = new ArrayList<List<String>>();
        for (var row : result.rows()) {
            rows.add(List.of(row.scenario(), text(row.series()), text(row.count()), text(row.agents()), number(row.makespan()),
                    number(row.lowerBound()), text(row.optimal()), number(row.saved()), number(row.savingsPercent()),
                    number(row.speedup()), text(row.meanUtilization()), result.timeUnit(), text(row.note()), text(row.error())));
        }
        return CsvReport.write(header, rows);
    }

    private static String title(WhatIfRequest.Kind kind) {
        return switch (kind) {
            case AGENT_COUNTS -> "Agent-count sweep (generalist agents holding every skill)";
            case POOLS -> "Pool-size sweep";
            case SCENARIOS -> "Named scenarios";
            case MAX_CONCURRENT -> "Sweep of the cap on tasks running at once";
            case FEWEST_AGENTS -> "Fewest generalist agents for a deadline";
        };
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    private static String number(Double value) {
        return value == null ? "" : Numbers.format(value);
    }
}
