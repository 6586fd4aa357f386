package dev.fanout.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.fanout.plan.PlanRejectedException;
import io.quarkus.runtime.StartupEvent;

/**
 * On start: solves that a previous run left unfinished are resumed from their best schedule, and an empty database
 * receives the example plans from the seed folder, each solved at once, so a new user sees worked examples.
 */
@ApplicationScoped
public class StartupTasks {

    private static final Logger LOG = Logger.getLogger(StartupTasks.class);

    private final PlanService plans;
    private final PlanStore store;
    private final boolean seedEnabled;
    private final Path seedDirectory;

    public StartupTasks(PlanService plans, PlanStore store,
            @ConfigProperty(name = "fanout.seed.enabled", defaultValue = "true") boolean seedEnabled,
            @ConfigProperty(name = "fanout.seed.directory", defaultValue = "data") Path seedDirectory) {
        this.plans = plans;
        this.store = store;
        this.seedEnabled = seedEnabled;
        this.seedDirectory = seedDirectory;
    }

    void onStart(@Observes StartupEvent event) {
        resumeInterruptedSolves();
        if (seedEnabled && store.count() == 0) {
            loadSeeds();
        }
    }

    /**
     * A solve still marked SOLVING was cut off (the process was killed). It resumes from its best saved schedule for
     * the time it had left (at least a second); if it cannot, its best schedule is kept and it is marked SOLVED.
     */
    private void resumeInterruptedSolves() {
        for (var id : store.interruptedSolves()) {
            var solve = store.find(id).flatMap(PlanStore.Stored::solve).orElseThrow();
            double requested = solve.requestedSeconds == null ? 0 : solve.requestedSeconds;
            double used = solve.startedAt == null ? 0
                    : java.time.Duration.between(solve.startedAt, solve.updatedAt).toMillis() / 1000.0;
            double left = Math.max(1, requested - used);
            LOG.infof("resuming the solve of plan %s, cut off after %.1f s of %.1f s, for %.1f s", id, used, requested, left);
            try {
                plans.startSolving(id, plans.timeLimit(String.valueOf(left)));
            } catch (RuntimeException e) {
                LOG.errorf(e, "could not resume the solve of plan %s; its best schedule so far is kept", id);
                store.finished(id, dev.fanout.report.SolveStatus.SOLVED, null, 0,
                        "cut off by a restart and not resumed; the best schedule so far is kept (solve again to go on)");
            }
        }
    }

    private void loadSeeds() {
        if (!Files.isDirectory(seedDirectory)) {
            LOG.infof("no seed plans: %s is not a directory", seedDirectory.toAbsolutePath());
            return;
        }
        try (Stream<Path> files = Files.list(seedDirectory)) {
            for (var file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                var id = file.getFileName().toString().replaceFirst("\\.json$", "");
                try {
                    plans.createWithId(id, plans.parse(Files.readAllBytes(file), "application/json"));
                    plans.startSolving(id, plans.timeLimit(null));
                    LOG.infof("loaded seed plan %s", id);
                } catch (PlanRejectedException e) {
                    LOG.errorf("seed plan %s is invalid: %s", file, e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.errorf(e, "could not read seed plans from %s", seedDirectory);
        }
    }
}
