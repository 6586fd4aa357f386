package dev.fanout.formats;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Resources;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.validate.ValidationException;

import dev.fanout.plan.Plan;
import dev.fanout.report.ScheduleView;

/**
 * A schedule as an iCalendar file (RFC 5545): one event per task with work in it, on the agent the schedule gives it,
 * from its start to its finish on the {@link WorkingCalendar} (the same dates as the MSPDI file). An event spans the
 * nights and weekends between, as a calendar shows multi-day work; times are floating (local wherever the calendar is
 * opened). The agent is the event's RESOURCES (agents have no e-mail address an ATTENDEE needs); the DESCRIPTION says
 * what the task waits for. Milestones take no time and have no agent: they are not events. The UID is derived from
 * the plan's id and the task's id only, so a calendar that imports the file again updates its events instead of
 * doubling them.
 */
public final class IcsWriter implements ScheduleWriter {

    private static final String PRODUCT = "-//Fanout//Fanout schedule//EN";

    @Override
    public String formatName() {
        return "ics";
    }

    @Override
    public List<String> aliases() {
        return List.of("ical", "icalendar");
    }

    @Override
    public String mediaType() {
        return "text/calendar";
    }

    @Override
    public String label() {
        return "ics (iCalendar)";
    }

    @Override
    public String extension() {
        return "ics";
    }

    /** RFC 5545 text is UTF-8 unless said otherwise; said anyway, for clients that guess. */
    @Override
    public String contentType() {
        return mediaType() + ";charset=UTF-8";
    }

    /** {@code planId}: what makes UIDs unique across plans; {@code stamp}: when the file is made (DTSTAMP). */
    @Override
    public byte[] write(Plan plan, ScheduleView schedule, LocalDate start, String planId, Instant stamp) {
        var calendar = new WorkingCalendar(start, plan.timeUnit());
        var tasks = plan.tasksById();
        // The defaults: VERSION 2.0 and CALSCALE GREGORIAN.
        var ics = new Calendar().withProdId(PRODUCT).withDefaults().getFluentTarget();
        for (var assignment : schedule.assignments()) {
            if (assignment.agent() == null || !(assignment.end() > assignment.start())) {
                continue;
            }
            var task = tasks.get(assignment.task());
            var summary = task.title() == null ? task.id() : task.id() + " " + task.title();
            var event = new VEvent(calendar.startAt(assignment.start()), calendar.finishAt(assignment.end()), summary);
            event.add(new Uid(uid(planId, task.id())));
            // ical4j stamps a new event with the current time: the one given replaces it, so a file can be made again.
            event.replace(new DtStamp(stamp));
            event.add(new Resources(List.of(assignment.agent())));
            event.add(new Description(description(task, assignment)));
            ics.add(event);
        }
        var out = new StringWriter();
        try {
            new CalendarOutputter().output(ics, out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing iCalendar to memory", e);
        } catch (ValidationException e) {
            throw new IllegalStateException("an iCalendar file Fanout wrote is not valid: " + e.getMessage(), e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Stable for a plan and a task, and a valid UID whatever characters their ids hold. */
    static String uid(String planId, String taskId) {
        return UUID.nameUUIDFromBytes((planId + "\n" + taskId).getBytes(StandardCharsets.UTF_8)) + "@fanout";
    }

    private static String description(Plan.Task task, ScheduleView.Assignment assignment) {
        var text = new StringBuilder("Task ").append(task.id()).append(" on ").append(assignment.agent()).append('.');
        if (!task.dependsOn().isEmpty()) {
            text.append(" Depends on ").append(String.join(", ", task.dependsOn())).append('.');
        }
        if (task.description() != null) {
            text.append("\n\n").append(task.description());
        }
        return text.toString();
    }
}
