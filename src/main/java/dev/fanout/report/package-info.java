/**
 * The comparison of execution strategies (CONTRACT §3): {@link dev.fanout.report.ReportBuilder} turns an analysis and
 * an optimized schedule into a {@link dev.fanout.report.Report}, which is written as JSON, as Markdown
 * ({@link dev.fanout.report.MarkdownReport}, one {@link dev.fanout.report.MarkdownSection} per part) and as CSV
 * ({@link dev.fanout.report.CsvReport}), with the figures printed by {@link dev.fanout.report.Numbers} and the
 * sentences of {@link dev.fanout.report.Sentences}. Pure: imports plan and analysis only; used by the service,
 * what-if and API layers.
 */
package dev.fanout.report;
