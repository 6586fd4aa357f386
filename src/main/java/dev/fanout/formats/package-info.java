/**
 * The formats teams use, each a reader or a writer of its own. Plans are read behind one small interface,
 * {@link dev.fanout.formats.PlanFormat}: Fanout's own document in JSON or YAML (read by
 * {@link dev.fanout.plan.PlanReader}'s strict mappers, which stay in {@code plan} because every layer stores and
 * returns documents with them), iMOPSE {@code .def} files ({@link dev.fanout.formats.ImopseReader}) and spec-kit's
 * {@code tasks.md} ({@link dev.fanout.formats.SpecKitReader}, whose files name no agents, so the request says how many:
 * {@link dev.fanout.formats.PlanFormat#withAgents}); {@link dev.fanout.formats.PlanFormats} lists them and chooses one
 * for a request, by {@code ?format=} or by Content-Type, refusing an unknown one with the list of those it knows.
 * Every reader refuses what it cannot read with a {@link dev.fanout.plan.Violation} naming the field or line and the
 * value. {@link dev.fanout.formats.MspdiWriter} and {@link dev.fanout.formats.MspdiReader} exchange plans and
 * schedules with Microsoft Project, ProjectLibre and GanttProject (MSPDI, through MPXJ);
 * {@link dev.fanout.formats.IcsWriter} puts a schedule in a calendar (iCalendar, through ical4j); both writers place
 * plan time on dates with one {@link dev.fanout.formats.WorkingCalendar}. Answers are written behind a small interface
 * too: {@link dev.fanout.formats.OutputFormat}, of which every {@link dev.fanout.formats.ScheduleWriter} is one;
 * {@link dev.fanout.formats.OutputFormats} chooses among a route's formats by {@code ?format=}, then {@code Accept}
 * ({@link dev.fanout.formats.ScheduleFormats} for a schedule, {@link dev.fanout.formats.Representation} for a report
 * or a what-if, whose JSON, Markdown and CSV are rendered where the answer is made). Uses plan and report; used by
 * the service layer (its {@code PlanIntake}), the API and the benchmark runner.
 */
package dev.fanout.formats;
