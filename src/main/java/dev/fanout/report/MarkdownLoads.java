package dev.fanout.report;

/**
 * The optimized schedule agent by agent and task by task: loads, and why each task starts when it does. Long tables
 * are cut at {@link #MAX_TABLE_ROWS} rows.
 */
final class MarkdownLoads extends MarkdownSection {

    /** Rows of long per-task tables beyond this are left out (the JSON and CSV have them all). */
    static final int MAX_TABLE_ROWS = 300;

    MarkdownLoads(Report report, StringBuilder out) {
        super(report, out);
    }

    @Override
    void write() {
        agents();
        startReasons();
    }

    private void agents() {
        line("## Agents");
        line();
        line("| Agent | Pool | Tasks | Busy (%s) | Utilization |".formatted(unit));
        line("|---|---|---:|---:|---:|");
        var loads = report.loads().agentLoads();
        for (var load : loads.subList(0, Math.min(loads.size(), MAX_TABLE_ROWS))) {
            line("| %s | %s | %d | %s | %s |".formatted(Markdown.cell(load.agent()), load.pool() == null ? "—" : Markdown.cell(load.pool()),
                    load.tasks(), Numbers.format(load.busy()), Numbers.percent(load.utilization())));
        }
        if (loads.size() > MAX_TABLE_ROWS) {
            line("| … %d more agents | | | | |".formatted(loads.size() - MAX_TABLE_ROWS));
        }
        line();
        line("Mean utilization: %s.".formatted(Numbers.percent(report.loads().utilization().mean())));
        line();
        if (!report.loads().poolLoads().isEmpty()) {
            line("| Pool | Agents | Tasks | Busy (%s) | Utilization |".formatted(unit));
            line("|---|---:|---:|---:|---:|");
            for (var pool : report.loads().poolLoads()) {
                line("| %s | %d | %d | %s | %s |".formatted(Markdown.cell(pool.pool()), pool.agents(), pool.tasks(),
                        Numbers.format(pool.busy()), Numbers.percent(pool.utilization())));
            }
            line();
        }
    }

    private void startReasons() {
        line("## Why each task starts when it does");
        line();
        line("| Task | Agent | Start | End | Why |");
        line("|---|---|---:|---:|---|");
        var waits = report.explanations().waits();
        for (var wait : waits.subList(0, Math.min(waits.size(), MAX_TABLE_ROWS))) {
            line("| %s | %s | %s | %s | %s |".formatted(Markdown.cell(wait.task()), wait.agent() == null ? "—" : Markdown.cell(wait.agent()),
                    Numbers.format(wait.start()), Numbers.format(wait.end()), Markdown.cell(wait.explanation())));
        }
        if (waits.size() > MAX_TABLE_ROWS) {
            line("| … %d more tasks (see the JSON or CSV report) | | | | |".formatted(waits.size() - MAX_TABLE_ROWS));
        }
        line();
    }
}
