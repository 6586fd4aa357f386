package dev.fanout.report;

import dev.fanout.analysis.Listing;

/**
 * The baselines run phase by phase, the author's waves (when the plan has them) and the dependency tiers; then the
 * critical path.
 */
final class MarkdownPhases extends MarkdownSection {

    MarkdownPhases(Report report, StringBuilder out) {
        super(report, out);
    }

    @Override
    void write() {
        waves();
        tiers();
        criticalPath();
    }

    private void waves() {
        var waves = report.strategies().waves();
        if (waves == null) {
            return;
        }
        line("## The author's waves, run as written");
        line();
        line("Each wave starts when the previous one has ended; tasks run on the plan's real agents.");
        line();
        line("| Wave | Tasks | Start | End | Length (%s) |".formatted(unit));
        line("|---:|---|---:|---:|---:|");
        for (var span : waves.spans()) {
            line("| %d | %s | %s | %s | %s |".formatted(span.number(), Markdown.cell(String.join(", ", span.tasks())),
                    Numbers.format(span.start()), Numbers.format(span.end()), Numbers.format(span.end() - span.start())));
        }
        line();
        if (!waves.findings().isEmpty()) {
            line("Where the waves and the dependencies disagree, the dependencies win:");
            line();
            for (var finding : waves.findings()) {
                line("- " + Markdown.cell(finding.message()));
            }
            line();
        }
    }

    private void tiers() {
        line("## Dependency tiers");
        line();
        line("A task's tier is one more than its deepest dependency's. Run tier by tier, each waiting for the previous one:");
        line();
        line("| Tier | Tasks | Start | End | Length (%s) |".formatted(unit));
        line("|---:|---|---:|---:|---:|");
        for (var span : report.strategies().tiers().spans()) {
            line("| %d | %s | %s | %s | %s |".formatted(span.number(), Markdown.cell(Listing.upTo(span.tasks(), 30)),
                    Numbers.format(span.start()), Numbers.format(span.end()), Numbers.format(span.end() - span.start())));
        }
        line();
    }

    private void criticalPath() {
        line("## Critical path");
        line();
        line("%s: %s.".formatted(Numbers.amount(report.bounds().criticalPath().length(), unit),
                Markdown.cell(String.join(" → ", report.bounds().criticalPath().tasks()))));
        line();
    }
}
