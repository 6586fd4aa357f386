package dev.fanout.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.fanout.formats.IcsWriter;
import dev.fanout.formats.MspdiWriter;
import dev.fanout.plan.Plan;
import dev.fanout.report.ScheduleView;
import dev.fanout.service.InvalidParameter;

/**
 * A schedule written out (CONTRACT §8): JSON (the API's own), Microsoft Project XML or iCalendar; picked from
 * {@code ?format=} first, then {@code Accept}. The calendar formats lay the plan's time on working days from its
 * {@code start} date, or from today when it states none.
 */
enum ScheduleExport {
    JSON(MediaType.APPLICATION_JSON, null),
    MSPDI("application/vnd.ms-project+xml", "xml"),
    ICS("text/calendar", "ics");

    private final String mediaType;
    private final String extension;

    ScheduleExport(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    static ScheduleExport choose(String accept, String format) {
        if (format != null) {
            return switch (format.toLowerCase(Locale.ROOT)) {
                case "json" -> JSON;
                case "mspdi", "msproject", "xml" -> MSPDI;
                case "ics", "ical", "icalendar" -> ICS;
                default -> throw new InvalidParameter("format", format, "must be json, mspdi (Microsoft Project XML) or ics (iCalendar)");
            };
        }
        for (var type : AcceptHeader.mediaTypes(accept)) {
            for (var export : values()) {
                if (export.mediaType.equals(type)) {
                    return export;
                }
            }
        }
        return JSON;
    }

    /** The schedule in this format, as a download named after the plan. */
    Response write(String planId, Plan plan, ScheduleView schedule) {
        if (this == JSON) {
            return Response.ok(schedule, MediaType.APPLICATION_JSON).build();
        }
        var start = plan.start() == null ? LocalDate.now() : plan.start();
        byte[] body = switch (this) {
            case MSPDI -> new MspdiWriter().write(plan, schedule, start);
            case ICS -> new IcsWriter().write(plan, schedule, start, planId, Instant.now());
            case JSON -> throw new IllegalStateException("written above");
        };
        return Response.ok(body, mediaType + (this == ICS ? ";charset=UTF-8" : ""))
                .header("Content-Disposition", "attachment; filename=\"" + planId + "." + extension + "\"").build();
    }
}
