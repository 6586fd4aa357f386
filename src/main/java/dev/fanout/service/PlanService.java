package dev.fanout.service;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.fanout.analysis.PlanAnalysis;
import dev.fanout.analysis.Schedule;
import dev.fanout.analysis.ScheduleCheck;
import dev.fanout.plan.ImopseReader;
import dev.fanout.plan.Plan;
import dev.fanout.plan.PlanDocument;
import dev.fanout.plan.PlanLimits;
import dev.fanout.plan.PlanReader;
import dev.fanout.plan.PlanValidator;
import dev.fanout.report.Report;
import dev.fanout.report.ReportBuilder;
import dev.fanout.report.ScheduleView;
import dev.fanout.report.SolveStatus;

/**
 * What the API does with plans: read and validate them, store them, solve them once or in the background, and
 * report on them. Background solves save every better schedule (at most once a second) so the best so far survives.
 */
@ApplicationScoped
public class PlanService {

    private static final Logger LOG = Logger.getLogger(PlanService.class);
    private static final Duration SAVE_INTERVAL = Duration.ofSeconds(1);

    /** A plan as read from a request: the document to store and the validated plan. */
    public record ParsedPlan(PlanDocument document, Plan plan) {
    }

    /** Everything the report renderers need. */
    public record ReportData(Report report, PlanAnalysis analysis, Schedule schedule) {
    }

    /** The answer to a one-shot solve. */
    public record Solved(ScheduleView schedule, Report report) {
    }

    private static final class Running {
        final PlanAnalysis analysis;
        final SolverService.Admission admission;
        final java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        final java.util.List<io.micrometer.core.instrument.Meter> meters = new java.util.ArrayList<>();
        volatile Schedule best;
        volatile long lastSavedAt = System.nanoTime();

        Running(PlanAnalysis analysis, Schedule best, SolverService.Admission admission) {
            this.analysis = analysis;
            this.best = best;
            this.admission = admission;
        }
    }

    private final PlanStore store;
    private final SolverService solver;
    private final io.micrometer.core.instrument.MeterRegistry metrics;
    private final AnalysisCache analyses;
    private final PlanValidator validator;
    private final double defaultSeconds;
    private final double maxSeconds;
    private final int maxAgents;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private volatile boolean shuttingDown;
    private final java.util.concurrent.ScheduledExecutorService heartbeat =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(runnable -> {
                var thread = new Thread(runnable, "fanout-heartbeat");
                thread.setDaemon(true);
                return thread;
            });

    /** Every 5 s the running solves are marked alive (see {@link PlanStore#heartbeat}). */
    void startHeartbeat(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent event) {
        heartbeat.scheduleWithFixedDelay(() -> {
            try {
                store.heartbeat(java.util.List.copyOf(running.keySet()));
            } catch (RuntimeException e) {
                LOG.warnf(e, "could not mark the running solves alive");
            }
        }, 5, 5, java.util.concurrent.TimeUnit.SECONDS);
    }

    public PlanService(PlanStore store, SolverService solver, AnalysisCache analyses,
            io.micrometer.core.instrument.MeterRegistry metrics,
            @ConfigProperty(name = "fanout.solve.default-seconds", defaultValue = "5") double defaultSeconds,
            @ConfigProperty(name = "fanout.solve.max-seconds", defaultValue = "600") double maxSeconds,
            @ConfigProperty(name = "fanout.limits.max-tasks", defaultValue = "20000") int maxTasks,
            @ConfigProperty(name = "fanout.limits.max-agents", defaultValue = "2000") int maxAgents,
            @ConfigProperty(name = "fanout.limits.max-dependencies", defaultValue = "400000") int maxDependencies) {
        this.store = store;
        this.solver = solver;
        this.metrics = metrics;
        this.analyses = analyses;
        this.defaultSeconds = defaultSeconds;
        this.maxSeconds = maxSeconds;
        this.maxAgents = maxAgents;
        this.validator = new PlanValidator(new PlanLimits(maxTasks, maxAgents, maxDependencies));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Reading plans

    /**
     * Reads a plan in the format {@code format} names (json, yaml, imopse) or, without it, the content type names:
     * JSON when none is given; {@code text/plain} is an iMOPSE {@code .def} file. Then validates it.
     */
    public ParsedPlan parse(byte[] body, String contentType, String format) {
        var type = contentType == null ? "application/json" : contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        if (format != null) {
            type = switch (format.toLowerCase(Locale.ROOT)) {
                case "json" -> "application/json";
                case "yaml" -> "application/yaml";
                case "imopse", "def" -> "application/x-imopse";
                default -> throw ProblemException.badParameter("format", format, "must be json, yaml or imopse");
            };
        }
        PlanDocument document = switch (type) {
            case "application/json", "*/*", "" -> PlanReader.readJson(body);
            case "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml" -> PlanReader.readYaml(body);
            case "text/plain", "application/x-imopse" -> ImopseReader.read(body, null);
            default -> throw new ProblemException(415, "Unsupported media type",
                    "Content-Type " + type + " is not a plan format: send application/json, application/yaml, "
                            + "or an iMOPSE .def file as text/plain");
        };
        return new ParsedPlan(document, validator.validate(document));
    }

    public ParsedPlan parse(byte[] body, String contentType) {
        return parse(body, contentType, null);
    }

    /** Validates a plan document against the configured limits. */
    public Plan validate(PlanDocument document) {
        return validator.validate(document);
    }

    public int maxAgents() {
        return maxAgents;
    }

    public double maxSeconds() {
        return maxSeconds;
    }

    /** The time limit a request asks for, checked: a number of seconds above 0 and at most the configured maximum. */
    public Duration timeLimit(String seconds) {
        if (seconds == null || seconds.isBlank()) {
            return Duration.ofMillis(Math.round(defaultSeconds * 1000));
        }
        double value;
        try {
            value = Double.parseDouble(seconds.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badParameter("seconds", seconds, "must be a number of seconds");
        }
        if (!(value > 0) || value > maxSeconds || Double.isNaN(value)) {
            throw ProblemException.badParameter("seconds", seconds,
                    "must be more than 0 and at most " + format(maxSeconds));
        }
        return Duration.ofMillis(Math.max(1, Math.round(value * 1000)));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Stored plans

    public String create(ParsedPlan parsed) {
        var id = UUID.randomUUID().toString();
        store.create(id, parsed.document(), parsed.plan());
        return id;
    }

    /** Stores a plan under a chosen id (seed plans are named after their file). */
    public void createWithId(String id, ParsedPlan parsed) {
        store.create(id, parsed.document(), parsed.plan());
    }

    public List<PlanStore.Summary> list() {
        return store.list();
    }

    public PlanStore.Stored get(String id) {
        return store.find(id).orElseThrow(() -> ProblemException.notFound(id));
    }

    public PlanDocument document(PlanStore.Stored stored) {
        return PlanReader.readJson(stored.plan().document.getBytes(StandardCharsets.UTF_8));
    }

    public void delete(String id) {
        if (running.containsKey(id)) {
            solver.stop(problemId(id));
        }
        if (!store.delete(id)) {
            throw ProblemException.notFound(id);
        }
        analyses.forget(id);
    }

    public PlanAnalysis analysis(String id) {
        return analyses.get(id, () -> PlanAnalysis.of(validator.validate(document(get(id)))));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Solving

    public Solved solveOnce(ParsedPlan parsed, Duration limit) {
        try (var admission = solver.admit()) {
            return solveAdmitted(parsed, limit);
        }
    }

    private Solved solveAdmitted(ParsedPlan parsed, Duration limit) {
        var analysis = PlanAnalysis.of(parsed.plan());
        var outcome = solver.solve(analysis, limit);
        var view = ScheduleView.of(SolveStatus.SOLVED, outcome.schedule(), analysis.lowerBound(), outcome.message());
        return new Solved(view, ReportBuilder.build(analysis, outcome.schedule(), SolveStatus.SOLVED));
    }

    /**
     * Starts solving a stored plan in the background, from the better of its last schedule and its best baseline;
     * the best schedule so far is readable at once.
     */
    public ScheduleView startSolving(String id, Duration limit) {
        // Whoever starts it (a request, or the start-up resuming it), the solve's log lines name its plan.
        var previous = org.jboss.logging.MDC.get("planId");
        org.jboss.logging.MDC.put("planId", id);
        try {
            return startSolvingWithContext(id, limit);
        } finally {
            if (previous == null) {
                org.jboss.logging.MDC.remove("planId");
            } else {
                org.jboss.logging.MDC.put("planId", previous);
            }
        }
    }

    private ScheduleView startSolvingWithContext(String id, Duration limit) {
        var stored = get(id);
        var analysis = analysis(id);
        var starting = analysis.startingSchedule();
        if (stored.solve().isPresent() && stored.solve().get().schedule != null) {
            var previous = storedSchedule(analysis, stored.solve().get().schedule).leftShifted();
            if (previous.makespan() < starting.makespan()) {
                starting = previous;
            }
        }
        if (running.containsKey(id)) {
            throw alreadySolving(id);
        }
        var run = new Running(analysis, starting, solver.admit());
        if (running.putIfAbsent(id, run) != null) {
            run.admission.close();
            throw alreadySolving(id);
        }
        try {
            var scale = analysis.instance().scale();
            run.meters.add(io.micrometer.core.instrument.Gauge.builder("fanout.solve.best.makespan", run,
                    r -> scale.toDouble(r.best.makespan())).tag("plan", id)
                    .description("Best makespan so far of a running solve, in the plan's time unit").register(metrics));
            run.meters.add(io.micrometer.core.instrument.Gauge.builder("fanout.solve.lower.bound", run,
                    r -> scale.toDouble(r.analysis.lowerBound())).tag("plan", id)
                    .description("Lower bound of a running solve's plan, in the plan's time unit").register(metrics));
            store.solving(id, limit.toMillis() / 1000.0, starting, analysis.lowerBound());
            if (starting.makespan() <= analysis.lowerBound()) {
                // Proven optimal before the solver starts: nothing to search for.
                finish(id, run, new SolverService.Outcome(starting, true, Duration.ZERO, false, null, Duration.ZERO, 0));
            } else {
                solver.start(problemId(id), analysis, starting, limit, best -> improved(id, run, best),
                        outcome -> finish(id, run, outcome));
            }
        } catch (RuntimeException e) {
            running.remove(id, run);
            run.meters.forEach(metrics::remove);
            run.admission.close();
            throw e;
        }
        return schedule(id);
    }

    private static ProblemException alreadySolving(String id) {
        return new ProblemException(409, "Already solving",
                "plan '" + id + "' is being solved: poll GET /api/plans/" + id + "/schedule, or stop it with DELETE /api/plans/"
                        + id + "/solve");
    }

    /** Stops a background solve; the best schedule so far is kept. */
    public ScheduleView stopSolving(String id) {
        get(id);
        if (!running.containsKey(id)) {
            throw new ProblemException(409, "Not solving", "plan '" + id + "' is not being solved");
        }
        solver.stop(problemId(id));
        return schedule(id);
    }

    public boolean isSolving(String id) {
        return running.containsKey(id);
    }

    private void improved(String id, Running run, Schedule best) {
        run.best = best;
        long now = System.nanoTime();
        if (now - run.lastSavedAt >= SAVE_INTERVAL.toNanos()) {
            run.lastSavedAt = now;
            try {
                store.progress(id, best, run.analysis.lowerBound());
            } catch (RuntimeException e) {
                LOG.warnf(e, "could not save progress of plan %s", id);
            }
        }
    }

    private void finish(String id, Running run, SolverService.Outcome outcome) {
        try {
            var message = shuttingDown
                    ? "stopped when the service shut down; the best schedule so far is kept (solve again to go on)"
                    : outcome.message();
            store.finished(id, SolveStatus.SOLVED, outcome.schedule(), run.analysis.lowerBound(), message);
            LOG.infof("plan %s solved: makespan %s, lower bound %s%s", id,
                    format(run.analysis.instance().scale().toDouble(outcome.schedule().makespan())),
                    format(run.analysis.instance().scale().toDouble(run.analysis.lowerBound())),
                    outcome.optimal() ? " (optimal)" : "");
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not save the solved schedule of plan %s", id);
        } finally {
            running.remove(id, run);
            run.meters.forEach(metrics::remove);
            run.admission.close();
            run.done.complete(null);
        }
    }

    /**
     * A graceful shutdown stops every running solve and waits (up to 20 s) until each has saved its best schedule.
     * (After a crash instead, {@link StartupTasks} resumes them.)
     */
    void onShutdown(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent event) {
        shuttingDown = true;
        heartbeat.shutdownNow();
        var pending = running.entrySet().stream().map(entry -> {
            solver.stop(problemId(entry.getKey()));
            return entry.getValue().done;
        }).toArray(java.util.concurrent.CompletableFuture[]::new);
        if (pending.length == 0) {
            return;
        }
        LOG.infof("stopping %d running solves; their best schedules are kept", pending.length);
        try {
            java.util.concurrent.CompletableFuture.allOf(pending).get(20, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            LOG.warn("not every solve saved its schedule before shutdown; they will be resumed at the next start");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Reading results

    /** The latest schedule: the best so far while solving. */
    public ScheduleView schedule(String id) {
        var stored = get(id);
        var run = running.get(id);
        if (run != null) {
            return ScheduleView.of(SolveStatus.SOLVING, run.best, run.analysis.lowerBound(), null);
        }
        var timeUnit = timeUnit(stored);
        if (stored.solve().isEmpty() || stored.solve().get().schedule == null) {
            var status = stored.solve().map(s -> SolveStatus.valueOf(s.status)).orElse(SolveStatus.NOT_SOLVED);
            return ScheduleView.withoutSchedule(status, timeUnit, "not solved yet: POST /api/plans/" + id + "/solve");
        }
        var solve = stored.solve().get();
        var analysis = analysis(id);
        return ScheduleView.of(SolveStatus.valueOf(solve.status), storedSchedule(analysis, solve.schedule),
                analysis.lowerBound(), solve.message);
    }

    public ReportData report(String id) {
        var stored = get(id);
        var analysis = analysis(id);
        var run = running.get(id);
        Schedule schedule;
        SolveStatus status;
        if (run != null) {
            schedule = run.best;
            status = SolveStatus.SOLVING;
        } else if (stored.solve().isPresent() && stored.solve().get().schedule != null) {
            schedule = storedSchedule(analysis, stored.solve().get().schedule);
            status = SolveStatus.valueOf(stored.solve().get().status);
        } else {
            throw new ProblemException(409, "Not solved yet",
                    "plan '" + id + "' has no schedule yet: POST /api/plans/" + id + "/solve first");
        }
        return new ReportData(ReportBuilder.build(analysis, schedule, status), analysis, schedule);
    }

    private static Schedule storedSchedule(PlanAnalysis analysis, String json) {
        try {
            var schedule = ScheduleCodec.decode(analysis.instance(), json);
            if (ScheduleCheck.isValid(schedule)) {
                return schedule;
            }
            LOG.warn("a stored schedule is invalid for its plan; showing the starting schedule instead");
        } catch (IllegalArgumentException e) {
            LOG.warnf("a stored schedule does not fit its plan (%s); showing the starting schedule instead", e.getMessage());
        }
        return analysis.startingSchedule();
    }

    private String timeUnit(PlanStore.Stored stored) {
        var unit = document(stored).timeUnit();
        return unit == null ? "days" : unit;
    }

    private static String problemId(String planId) {
        return "plan-" + planId;
    }

    private static String format(double value) {
        return dev.fanout.report.Numbers.format(value);
    }
}
