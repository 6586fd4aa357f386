package dev.fanout.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import dev.fanout.TestPlans;
import dev.fanout.analysis.PlanAnalysis;
import dev.fanout.analysis.Schedule;

/**
 * The plan's deadline against the optimized schedule (CONTRACT §5). The plan: A (3 days) and B (2 days), then C
 * (4 days) after both, on two agents. Its best schedule runs A and B side by side and C from day 3: 7 days, which the
 * critical path A → C (3 + 4 = 7) proves optimal.
 */
class DeadlineReportTest {

    private static PlanAnalysis analysis(String deadline) {
        return PlanAnalysis.of(TestPlans.plan("""
                {'name': 'deadline', 'timeUnit': 'days', %s
                 'agents': [{'id': 'x', 'skills': ['go']}, {'id': 'y', 'skills': ['go']}],
                 'tasks': [{'id': 'A', 'duration': 3, 'skills': ['go']},
                           {'id': 'B', 'duration': 2, 'skills': ['go']},
                           {'id': 'C', 'duration': 4, 'skills': ['go'], 'dependsOn': ['A', 'B']}]}""".formatted(deadline)));
    }

    private static Report report(PlanAnalysis analysis, Schedule schedule) {
        return ReportBuilder.build(analysis, schedule, SolveStatus.SOLVED);
    }

    private static String markdown(PlanAnalysis analysis, Schedule schedule) {
        return MarkdownReport.render(report(analysis, schedule), analysis, schedule);
    }

    /** Everything on agent x, one after another: A 0–3, B 3–5, C 5–9. A valid schedule, 2 days longer than the best. */
    private static Schedule oneByOne(PlanAnalysis analysis) {
        var instance = analysis.instance();
        var scale = instance.scale();
        var agentOf = new int[instance.taskCount()];
        var start = new long[instance.taskCount()];
        int x = instance.agentIndex("x");
        agentOf[instance.taskIndex("A")] = x;
        agentOf[instance.taskIndex("B")] = x;
        agentOf[instance.taskIndex("C")] = x;
        start[instance.taskIndex("A")] = 0;
        start[instance.taskIndex("B")] = scale.ticks(BigDecimal.valueOf(3));
        start[instance.taskIndex("C")] = scale.ticks(BigDecimal.valueOf(5));
        return new Schedule(instance, agentOf, start);
    }

    @Test
    void metWithTheDaysToSpare() {
        var analysis = analysis("'deadline': 8.5,");
        var schedule = analysis.startingSchedule();
        assertEquals(7.0, analysis.instance().scale().toDouble(schedule.makespan()), "A and B side by side, then C");
        var deadline = report(analysis, schedule).strategies().deadline();
        assertEquals(8.5, deadline.at());
        assertTrue(deadline.met());
        assertEquals(1.5, deadline.margin(), "8.5 − 7");
        assertFalse(deadline.provenMissed());
        assertTrue(markdown(analysis, schedule).contains(
                "\n**Deadline: 8.5 days.** The optimized schedule meets it with 1.5 days to spare.\n"));
    }

    @Test
    void missedAndNoScheduleCouldMeetIt() {
        var analysis = analysis("'deadline': 6,");
        var schedule = analysis.startingSchedule();
        var deadline = report(analysis, schedule).strategies().deadline();
        assertFalse(deadline.met());
        assertEquals(-1.0, deadline.margin(), "6 − 7");
        assertTrue(deadline.provenMissed(), "the critical path, 7 days, is past day 6");
        assertTrue(markdown(analysis, schedule).contains("**Deadline: 6 days.** The optimized schedule misses it by 1 day, "
                + "and no schedule can meet it: the lower bound is 7 days.\n"));
    }

    @Test
    void missedByThisScheduleButNotRuledOut() {
        var analysis = analysis("'deadline': 8,");
        var schedule = oneByOne(analysis);
        var deadline = report(analysis, schedule).strategies().deadline();
        assertFalse(deadline.met());
        assertEquals(-1.0, deadline.margin(), "8 − 9");
        assertFalse(deadline.provenMissed(), "the lower bound, 7 days, is before day 8");
        assertTrue(markdown(analysis, schedule).contains("**Deadline: 8 days.** The optimized schedule misses it by 1 day; "
                + "the lower bound (7 days) does not rule it out.\n"));
    }

    @Test
    void noDeadlineNoSection() {
        var analysis = analysis("");
        var schedule = analysis.startingSchedule();
        assertNull(report(analysis, schedule).strategies().deadline());
        assertFalse(markdown(analysis, schedule).contains("Deadline"));
    }
}
