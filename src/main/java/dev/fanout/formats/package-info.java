/**
 * Readers and writers of the formats teams use. {@link dev.fanout.formats.MspdiWriter} and
 * {@link dev.fanout.formats.MspdiReader} exchange plans and schedules with Microsoft Project, ProjectLibre and
 * GanttProject (MSPDI, through MPXJ); {@link dev.fanout.formats.IcsWriter} puts a schedule in a calendar (iCalendar,
 * through ical4j). Both writers place plan time on dates with one {@link dev.fanout.formats.WorkingCalendar}. Uses
 * plan and report; used by the API.
 */
package dev.fanout.formats;
