package dev.fanout.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.fanout.analysis.PlanAnalysis;
import dev.fanout.bench.PlanGenerator;
import dev.fanout.plan.PlanValidator;

/** A large plan's Markdown stays pasteable: long tables and the Mermaid chart are capped and say so. */
class MarkdownReportTest {

    private static String markdown(int tasks, int agents) {
        var plan = new PlanValidator().validate(PlanGenerator.generate(PlanGenerator.Spec.of(tasks, agents, 7)));
        var analysis = PlanAnalysis.of(plan);
        var schedule = analysis.startingSchedule();
        return MarkdownReport.render(ReportBuilder.build(analysis, schedule, SolveStatus.SOLVED), analysis, schedule);
    }

    private static long ganttBars(String markdown) {
        var chart = markdown.substring(markdown.indexOf("```mermaid\ngantt\n"));
        chart = chart.substring(0, chart.indexOf("\n```\n"));
        return chart.lines().filter(line -> line.matches("    .+ :(crit, |milestone, )?t\\d+, \\d+, \\d+")).count();
    }

    @Test
    void aThousandTaskPlanShowsTheEarliestFiveHundredInTheChartAndSaysSo() {
        var markdown = markdown(1000, 40);
        assertEquals(MermaidGantt.MAX_GANTT_TASKS, ganttBars(markdown));
        assertTrue(markdown.contains("The chart shows the 500 earliest-starting of the 1000 tasks; "
                + "`?format=csv&table=assignments` lists them all."), markdown.substring(markdown.indexOf("```mermaid")));
        assertTrue(markdown.contains("| … 700 more tasks (see the JSON or CSV report) | | | | |"));
    }

    @Test
    void aSmallPlanShowsEveryTaskWithoutANote() {
        var markdown = markdown(60, 6);
        assertEquals(60, ganttBars(markdown));
        assertFalse(markdown.contains("earliest-starting of the"));
        assertFalse(markdown.contains("more tasks (see the JSON or CSV report)"));
    }
}
