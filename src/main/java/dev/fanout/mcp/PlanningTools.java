package dev.fanout.mcp;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;

import dev.fanout.plan.Suggestion;
import dev.fanout.report.MarkdownReport;
import dev.fanout.report.Numbers;
import dev.fanout.report.Report;
import dev.fanout.service.BackgroundSolves;
import dev.fanout.service.CurrentSchedules;
import dev.fanout.service.Overloaded;
import dev.fanout.service.PlanCatalog;
import dev.fanout.service.PlanIntake;
import dev.fanout.service.PlanVersions;
import dev.fanout.service.TimeLimits;
import dev.fanout.whatif.WhatIfRequest;
import dev.fanout.whatif.WhatIfResult;
import dev.fanout.whatif.WhatIfService;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolCallException;

/**
 * The MCP tools (CONTRACT §8): a coding agent plans its own parallel work. Each tool calls the service the matching
 * REST route calls and answers in a few lines of text; refusals are tool errors ({@link ToolErrors}). With API keys
 * configured, {@code /mcp} needs a key like {@code /api} does, the tools see only the key's owner's plans, and the
 * tools that change plans need a key whose role is write (the REST routes say the same by HTTP method).
 */
@ApplicationScoped
public class PlanningTools {

    /** Waited for beyond a solve's time limit before the answer is the best schedule so far. */
    private static final Duration SOLVE_GRACE = Duration.ofSeconds(30);

    private final PlanIntake intake;
    private final PlanCatalog catalog;
    private final BackgroundSolves solves;
    private final CurrentSchedules current;
    private final TimeLimits timeLimits;
    private final WhatIfService whatIf;
    private final PlanVersions versions;

    public PlanningTools(PlanIntake intake, PlanCatalog catalog, BackgroundSolves solves, CurrentSchedules current,
            TimeLimits timeLimits, WhatIfService whatIf, PlanVersions versions) {
        this.intake = intake;
        this.catalog = catalog;
        this.solves = solves;
        this.current = current;
        this.timeLimits = timeLimits;
        this.whatIf = whatIf;
        this.versions = versions;
    }

    @RolesAllowed("write")
    @Tool(name = "solve_plan", description = "Store a plan and solve it: the shortest schedule of its tasks on its agents "
            + "(dependencies, skills, areas, limits). Answers the makespan, the lower bound no schedule can beat, whether "
            + "the schedule is proven optimal (or how far from the bound it may be), the plan id the other tools take, "
            + "and the report's link.")
    public String solvePlan(
            @ToolArg(description = "The plan: Fanout's JSON (or YAML) plan document, e.g. {\"name\": \"login\", "
                    + "\"agents\": [{\"id\": \"dev\"}], "
                    + "\"tasks\": [{\"id\": \"A\", \"duration\": 2}, {\"id\": \"B\", \"duration\": 1, \"dependsOn\": [\"A\"]}]}, "
                    + "or the text of a spec-kit tasks.md") String plan,
            @ToolArg(description = "The plan's format: json (the default), yaml or spec-kit (a spec-kit tasks.md); "
                    + "also imopse or mspdi", required = false) String format,
            @ToolArg(description = "How many agents to plan a spec-kit tasks.md with (default "
                    + dev.fanout.formats.SpecKitReader.DEFAULT_AGENTS + "); refused for formats that name their own agents",
                    required = false) Integer agents,
            @ToolArg(description = "Time limit of the solve in seconds (default 5); it ends sooner when the schedule is "
                    + "proven optimal", required = false) Double seconds) {
        return ToolErrors.answer("solve_plan", () -> {
            var limit = timeLimits.parse(seconds == null ? null : seconds.toString());
            var parsed = intake.parse(plan.getBytes(StandardCharsets.UTF_8), null, format == null ? "json" : format,
                    agents == null ? null : agents.toString());
            var id = catalog.create(parsed);
            try {
                solves.start(id, limit);
            } catch (Overloaded e) {
                throw new ToolCallException("Too many solves: " + e.getMessage() + "; the plan is stored as " + id
                        + ": solve it later with POST /api/plans/" + id + "/solve");
            }
            solves.await(id, limit.plus(SOLVE_GRACE));
            return solveSummary(id, current.report(id).report());
        });
    }

    static String solveSummary(String id, Report report) {
        var unit = report.summary().timeUnit();
        var optimized = report.strategies().optimized();
        var quality = optimized.optimal() ? "proven optimal (it equals the lower bound)"
                : "at most " + Numbers.format(report.gapPercent()) + " % longer than the best possible";
        var sequential = report.strategies().sequential().makespan();
        return """
                Plan %s: %d tasks on %d agents.
                Makespan %s (sequential %s); lower bound %s; %s.
                Plan id: %s
                Report: /api/plans/%s/report (Markdown: get_report; why a task starts when it does: explain_task)"""
                .formatted(report.summary().plan(), report.summary().tasks(), report.summary().agents(),
                        Numbers.amount(optimized.makespan(), unit), Numbers.amount(sequential, unit),
                        Numbers.amount(report.bounds().lowerBound(), unit), quality, id, id);
    }

    @RolesAllowed("write")
    @Tool(name = "what_if", description = "What if the stored plan had other agent counts, or another cap on the tasks "
            + "running at once? Solves each variant and answers one row per count (makespan, speed-up against one agent "
            + "doing everything) and the knee: the count beyond which more agents gain little, and why. Give agentCounts "
            + "or maxConcurrent, not both.")
    public String whatIf(
            @ToolArg(name = "planId", description = "The plan's id, as solve_plan answered it") String planId,
            @ToolArg(name = "agentCounts", description = "Numbers of generalist agents to try (each holding every skill "
                    + "the plan needs), e.g. [1, 2, 4, 8]", required = false) List<Integer> agentCounts,
            @ToolArg(name = "maxConcurrent", description = "Caps on how many tasks may run at once to try, e.g. [1, 2, 3]; "
                    + "all else as planned", required = false) List<Integer> maxConcurrent,
            @ToolArg(name = "secondsPerScenario", description = "Time limit of each variant's solve, in seconds "
                    + "(default: shared out over the variants)", required = false) Double secondsPerScenario) {
        return ToolErrors.answer("what_if", () -> whatIfRows(whatIf.run(planId, new WhatIfRequest(agentCounts, null, null,
                maxConcurrent, null, secondsPerScenario == null ? null : BigDecimal.valueOf(secondsPerScenario)))));
    }

    static String whatIfRows(WhatIfResult result) {
        var unit = result.timeUnit();
        var text = new StringBuilder("What if: %s (times in %s; sequential total %s)\n"
                .formatted(result.plan(), unit, Numbers.format(result.sequential())));
        text.append("count | makespan | speed-up\n");
        for (var row : result.rows()) {
            if (!row.feasible()) {
                text.append("%s | — | — (%s)\n".formatted(row.count(), row.error()));
            } else {
                text.append("%s | %s | %s×%s\n".formatted(row.count(), Numbers.format(row.makespan()),
                        Numbers.format(row.speedup()), row.optimal() ? "" : " (not proven optimal)"));
            }
        }
        for (var knee : result.knees()) {
            text.append("Knee of %s: %d (makespan %s; the best of the sweep is %s). %s\n".formatted(knee.series(),
                    knee.count(), Numbers.amount(knee.makespan(), unit), Numbers.format(knee.best()), knee.reason()));
        }
        return text.toString().strip();
    }

    @Tool(name = "explain_task", description = "Why a task of a solved plan starts when it does: free at the start, "
            + "waiting for a dependency, for its agent, for an area, resource or cap another task holds.")
    public String explainTask(
            @ToolArg(name = "planId", description = "The plan's id, as solve_plan answered it") String planId,
            @ToolArg(name = "taskId", description = "The task's id, as the plan writes it") String taskId) {
        return ToolErrors.answer("explain_task", () -> {
            var report = current.report(planId).report();
            var waits = report.explanations().waits();
            return waits.stream().filter(wait -> wait.task().equals(taskId)).findFirst()
                    .map(wait -> "%s (on %s, %s–%s %s): %s".formatted(wait.task(), wait.agent(),
                            Numbers.format(wait.start()), Numbers.format(wait.end()), report.summary().timeUnit(),
                            wait.explanation()))
                    .orElseThrow(() -> {
                        var ids = waits.stream().map(Report.Wait::task).collect(Collectors.toCollection(LinkedHashSet::new));
                        return new ToolCallException("Invalid argument: taskId = " + taskId + ": is not a task of plan '"
                                + planId + "'" + Suggestion.of(taskId, ids));
                    });
        });
    }

    @Tool(name = "get_report", description = "The comparison report of a solved plan, in Markdown: the optimized "
            + "schedule against one agent doing everything, the author's waves and the dependency tiers; the bounds and "
            + "the bottleneck; each agent's load; why each task starts when it does; a Gantt chart.")
    public String getReport(@ToolArg(name = "planId", description = "The plan's id, as solve_plan answered it") String planId) {
        return ToolErrors.answer("get_report", () -> {
            var data = current.report(planId);
            return MarkdownReport.render(data.report(), data.analysis(), data.schedule());
        });
    }

    @RolesAllowed("write")
    @Tool(name = "update_progress", description = "Record progress on a stored plan (tasks done or started, time now, "
            + "tasks added or removed): a new version of the plan, re-planned in the background. Answers the version "
            + "number. The update is refused whole, each wrong field named, when it does not fit the plan.")
    public String updateProgress(
            @ToolArg(name = "planId", description = "The plan's id, as solve_plan answered it") String planId,
            @ToolArg(name = "update", description = "The progress update as JSON, as PATCH /api/plans/{id}/progress takes it: "
                    + "{\"now\": 6, \"tasks\": {\"A\": {\"status\": \"done\"}, \"B\": {\"status\": \"started\", "
                    + "\"progress\": 0.5, \"agent\": \"dev\"}}, \"add\": [tasks], \"remove\": [ids]}; \"version\": n "
                    + "refuses it when the plan is no longer at version n") String update) {
        return ToolErrors.answer("update_progress", () -> {
            var updated = versions.update(planId, update.getBytes(StandardCharsets.UTF_8), null);
            return "Plan %s is now at version %d (now = %s); %s".formatted(planId, updated.version(),
                    Numbers.format(updated.now().doubleValue()), updated.replanning()
                            ? "re-planning in the background: get_report shows the new schedule when it is done"
                            : "the solve queue is full, so it is not re-planned yet");
        });
    }
}
