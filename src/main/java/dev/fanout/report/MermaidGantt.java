package dev.fanout.report;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.stream.IntStream;
import dev.fanout.analysis.PlanAnalysis;
import dev.fanout.analysis.Schedule;

/** The optimized schedule as a Mermaid {@code gantt} block, one section per agent, critical tasks marked. */
final class MermaidGantt extends MarkdownSection {

    /** Mermaid renderers give up on much larger charts; beyond this the chart shows the earliest-starting tasks. */
    static final int MAX_GANTT_TASKS = 500;

    private final PlanAnalysis analysis;
    private final Schedule optimized;

    MermaidGantt(Report report, PlanAnalysis analysis, Schedule optimized, StringBuilder out) {
        super(report, out);
        this.analysis = analysis;
        this.optimized = optimized;
    }

    @Override
    void write() {
        var instance = analysis.instance();
        var scale = instance.scale();
        var titles = new java.util.HashMap<String, String>();
        for (var task : instance.plan().tasks()) {
            titles.put(task.id(), task.title());
        }
        line("## Schedule");
        line();
        line("```mermaid");
        line("gantt");
        line("    title " + mermaidText(report.summary().plan()) + " (optimized)");
        line("    dateFormat X");
        line("    axisFormat %s");
        if (scale.decimals() > 0) {
            line("    %% one axis unit is 1/" + scale.ticksPerUnit() + " " + instance.plan().timeUnit().singular());
        }
        var sequences = optimized.sequences();
        var critical = analysis.criticalPath();
        var shown = shownInGantt(instance.taskCount());
        for (int agent = 0; agent < instance.agentCount(); agent++) {
            var tasks = sequences.get(agent).stream().filter(shown::get).toList();
            if (tasks.isEmpty()) {
                continue;
            }
            line("    section " + mermaidText(instance.agentId(agent)));
            for (int task : tasks) {
                // Started work is drawn active; times count from when the plan began (ticks after now + now).
                line("    %s :%s%st%d, %d, %d".formatted(label(instance.taskId(task), titles.get(instance.taskId(task))),
                        instance.isStarted(task) ? "active, " : "", critical.isCritical(task) ? "crit, " : "", task,
                        scale.origin() + optimized.start(task), scale.origin() + optimized.end(task)));
            }
        }
        var milestones = new ArrayList<Integer>();
        for (int task = 0; task < instance.taskCount(); task++) {
            if (instance.isMilestone(task) && shown.get(task)) {
                milestones.add(task);
            }
        }
        if (!milestones.isEmpty()) {
            line("    section Milestones");
            for (int task : milestones) {
                line("    %s :%smilestone, t%d, %d, %d".formatted(label(instance.taskId(task), titles.get(instance.taskId(task))),
                        instance.status(task) == dev.fanout.plan.TaskStatus.DONE ? "done, " : "", task,
                        scale.origin() + optimized.start(task), scale.origin() + optimized.end(task)));
            }
        }
        line("```");
        line();
        var note = "Critical tasks are marked `crit`.";
        if (shown.cardinality() < instance.taskCount()) {
            note += " The chart shows the %d earliest-starting of the %d tasks; `?format=csv&table=assignments` lists them all."
                    .formatted(shown.cardinality(), instance.taskCount());
        }
        line(note);
    }

    /** The tasks the chart shows: all of them, or the earliest-starting {@link #MAX_GANTT_TASKS}. */
    private BitSet shownInGantt(int taskCount) {
        var shown = new BitSet(taskCount);
        IntStream.range(0, taskCount).boxed()
                .sorted(Comparator.<Integer>comparingLong(optimized::start).thenComparingInt(task -> task))
                .limit(MAX_GANTT_TASKS)
                .forEach(shown::set);
        return shown;
    }

    private static String label(String id, String title) {
        return mermaidText(title == null || title.isBlank() ? id : id + " " + title);
    }

    /** Mermaid gantt lines break on ':', '#' and ';'. */
    private static String mermaidText(String text) {
        return text.replaceAll("[:#;\\n\\r]", " ").replaceAll("\\s+", " ").strip();
    }
}
