package dev.fanout.report;

/**
 * One part of the Markdown report: its sections, written one after another into the text all the parts share, in
 * the plan's time unit.
 */
abstract class MarkdownSection {

    protected final Report report;
    protected final String unit;
    private final StringBuilder out;

    MarkdownSection(Report report, StringBuilder out) {
        this.report = report;
        this.unit = report.summary().timeUnit();
        this.out = out;
    }

    /** Appends this part's sections. */
    abstract void write();

    protected final void line(String text) {
        out.append(text).append('\n');
    }

    protected final void line() {
        out.append('\n');
    }
}
