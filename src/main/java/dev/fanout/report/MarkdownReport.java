package dev.fanout.report;

import java.util.List;

import dev.fanout.analysis.PlanAnalysis;
import dev.fanout.analysis.Schedule;

/**
 * The report as Markdown a team can paste into its planning document: tables that render on GitHub, GitLab and
 * most wikis, and the schedule as a Mermaid {@code gantt} block with one section per agent. Each part is a
 * {@link MarkdownSection}; this puts them in order.
 */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(Report report, PlanAnalysis analysis, Schedule optimized) {
        var out = new StringBuilder();
        List.of(new MarkdownOverview(report, analysis, out), new MarkdownSinceLastVersion(report, out),
                new MarkdownClaims(report, out),
                new MarkdownPhases(report, out), new MarkdownLoads(report, out),
                new MermaidGantt(report, analysis, optimized, out))
                .forEach(MarkdownSection::write);
        return out.toString();
    }
}
