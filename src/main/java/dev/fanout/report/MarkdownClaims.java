package dev.fanout.report;

/** The figures the plan's author computed by hand, set against the computed ones (nothing when there are none). */
final class MarkdownClaims extends MarkdownSection {

    MarkdownClaims(Report report, StringBuilder out) {
        super(report, out);
    }

    @Override
    void write() {
        if (report.explanations().claims().isEmpty()) {
            return;
        }
        line("## Claimed vs computed");
        line();
        line("| Figure | Claimed | Computed | Verdict | Where the claim is made |");
        line("|---|---:|---:|---|---|");
        for (var claim : report.explanations().claims()) {
            line("| %s | %s | %s | %s | %s |".formatted(claim.label(),
                    ClaimChecks.withUnit(claim.metric(), Numbers.range(claim.claimedMin(), claim.claimedMax()), unit),
                    ClaimChecks.withUnit(claim.metric(), Numbers.format(claim.computed()), unit),
                    JsonNames.of(claim.verdict()), claim.source() == null ? "" : Markdown.cell(claim.source())));
        }
        line();
        for (var claim : report.explanations().claims()) {
            line("- **" + claim.label() + ".** " + Markdown.cell(claim.remark()));
        }
        line();
    }
}
