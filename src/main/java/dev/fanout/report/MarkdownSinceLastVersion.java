package dev.fanout.report;

/** "Since the last version" (CONTRACT §6): what moved and why, right after the overview; nothing for a first version. */
final class MarkdownSinceLastVersion extends MarkdownSection {

    MarkdownSinceLastVersion(Report report, StringBuilder out) {
        super(report, out);
    }

    @Override
    void write() {
        var since = report.sinceLastVersion();
        if (since == null) {
            return;
        }
        line("## Since the last version");
        line();
        line(Markdown.cell(since.summary()) + (since.changed().isEmpty() ? ""
                : " The update changed " + String.join(", ", since.changed()) + "."));
        line();
        if (!since.changedAgent().isEmpty()) {
            line("| Task | Was on | Now on |");
            line("|---|---|---|");
            since.changedAgent().forEach(change -> line("| %s | %s | %s |".formatted(Markdown.cell(change.task()),
                    Markdown.cell(change.from()), Markdown.cell(change.to()))));
            line();
        }
        if (!since.slipped().isEmpty()) {
            line("| Task | Ended at | Ends at | Slipped (%s) | Why |".formatted(unit));
            line("|---|---:|---:|---:|---|");
            since.slipped().forEach(slip -> line("| %s | %s | %s | %s | %s |".formatted(Markdown.cell(slip.task()),
                    Numbers.format(slip.from()), Numbers.format(slip.to()), Numbers.format(slip.by()),
                    Markdown.cell(slip.because()))));
            line();
        }
    }
}
