package dev.fanout.formats;

import java.time.Instant;
import java.time.LocalDate;

import dev.fanout.plan.Plan;
import dev.fanout.report.ScheduleView;

/**
 * A schedule written as a file another tool opens: a project plan, a calendar. Plan time is laid on working days from
 * {@code start} ({@link WorkingCalendar}); the file is offered as a download named after the plan. The API's own JSON is
 * no file and no writer: {@link ScheduleFormats} lists it beside them.
 */
public interface ScheduleWriter extends OutputFormat {

    /** The file name's extension, without the dot. */
    String extension();

    /** The answer's Content-Type: the media type, with a charset where the format is text. */
    default String contentType() {
        return mediaType();
    }

    /** The download's name: the plan's id and the extension. */
    default String fileName(String planId) {
        return planId + "." + extension();
    }

    /**
     * The file. {@code planId}: what tells this plan's items from another's where a format needs it (iCalendar's
     * UIDs); {@code madeAt}: when the file is made, where the format records it.
     */
    byte[] write(Plan plan, ScheduleView schedule, LocalDate start, String planId, Instant madeAt);
}
