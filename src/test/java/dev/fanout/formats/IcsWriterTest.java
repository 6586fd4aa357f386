package dev.fanout.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

import dev.fanout.TestPlans;
import dev.fanout.analysis.PlanAnalysis;
import dev.fanout.plan.Plan;
import dev.fanout.report.ScheduleView;
import dev.fanout.report.SolveStatus;

/** Every example plan's starting schedule as iCalendar: valid per RFC 5545 (ical4j's validator), and read back. */
class IcsWriterTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
    private static final Instant STAMP = Instant.parse("2026-12-04T10:00:00Z");

    static Stream<Path> plans() {
        return TestPlans.seedFiles().stream();
    }

    private static ScheduleView schedule(Plan plan) {
        var analysis = PlanAnalysis.of(plan);
        return ScheduleView.of(SolveStatus.SOLVED, analysis.startingSchedule(), analysis.lowerBound(), null);
    }

    private static Calendar parse(byte[] ics) throws Exception {
        return new CalendarBuilder().build(new ByteArrayInputStream(ics));
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElseThrow();
    }

    @ParameterizedTest
    @MethodSource("plans")
    void oneValidEventPerTaskWithWorkOnItsAgent(Path file) throws Exception {
        var plan = TestPlans.seed(file);
        var schedule = schedule(plan);
        var calendar = parse(new IcsWriter().write(plan, schedule, MONDAY, "plan-1", STAMP));
        var result = calendar.validate();
        assertFalse(result.hasErrors(), result.toString());

        var withWork = schedule.assignments().stream()
                .filter(assignment -> assignment.agent() != null && assignment.end() > assignment.start()).toList();
        List<VEvent> events = calendar.getComponents(VEvent.VEVENT);
        assertEquals(withWork.size(), events.size());
        var byUid = events.stream().collect(Collectors.toMap(event -> value(event, Property.UID), Function.identity()));
        var working = new WorkingCalendar(MONDAY, plan.timeUnit());
        for (var assignment : withWork) {
            var event = byUid.get(IcsWriter.uid("plan-1", assignment.task()));
            var task = plan.tasksById().get(assignment.task());
            assertEquals(assignment.agent(), value(event, Property.RESOURCES));
            assertEquals(working.startAt(assignment.start()), LocalDateTime.from(event.getDateTimeStart().getDate()));
            assertEquals(working.finishAt(assignment.end()), LocalDateTime.from(event.getDateTimeEnd().getDate()));
            assertEquals("20261204T100000Z", value(event, Property.DTSTAMP));
            var description = value(event, Property.DESCRIPTION);
            for (var dependency : task.dependsOn()) {
                assertTrue(description.contains(dependency), description);
            }
        }
    }

    @Test
    void theSameTaskKeepsItsUidAndAnotherPlanGetsOthers() throws Exception {
        var plan = TestPlans.plan(TestPlans.SMALL);
        var schedule = schedule(plan);
        var first = uids(new IcsWriter().write(plan, schedule, MONDAY, "plan-1", STAMP));
        var later = uids(new IcsWriter().write(plan, schedule, MONDAY.plusDays(7), "plan-1", STAMP.plusSeconds(3600)));
        var other = uids(new IcsWriter().write(plan, schedule, MONDAY, "plan-2", STAMP));
        assertEquals(first, later);
        assertTrue(first.stream().noneMatch(other::contains));
    }

    private static List<String> uids(byte[] ics) throws Exception {
        return parse(ics).<VEvent>getComponents(VEvent.VEVENT).stream().map(event -> value(event, Property.UID))
                .toList();
    }

    @Test
    void milestonesAreNoEvents() throws Exception {
        var plan = TestPlans.plan(TestPlans.SMALL);
        var summaries = parse(new IcsWriter().write(plan, schedule(plan), MONDAY, "plan-1", STAMP))
                .<VEvent>getComponents(VEvent.VEVENT).stream().map(event -> value(event, Property.SUMMARY)).toList();
        assertEquals(6, summaries.size());
        assertFalse(summaries.contains("M"));
    }
}
