package dev.fanout.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.fanout.config.FanoutConfig;
import dev.fanout.plan.PlanRejectedException;
import dev.fanout.security.ApiKeys;
import io.quarkus.runtime.StartupEvent;

/**
 * On start, an empty database receives the example plans of the seed folder ({@code fanout.seed.directory}), each
 * stored under its file name and solved at once, so a new user sees worked examples. A plan whose authors also wrote
 * how it moved has the progress updates in {@code progress/<file name>} (a JSON array of the bodies of
 * {@code PATCH /api/plans/{id}/progress}): each becomes a version once the one before is solved (CONTRACT §6). With
 * API keys configured nothing is loaded: the examples would belong to no owner, so no key could see them.
 */
@ApplicationScoped
public class SeedPlans {

    private static final Logger LOG = Logger.getLogger(SeedPlans.class);

    private final PlanIntake intake;
    private final PlanCatalog catalog;
    private final BackgroundSolves solves;
    private final TimeLimits timeLimits;
    private final FanoutConfig.Seed config;
    private final PlanVersions versions;
    private final ApiKeys keys;

    public SeedPlans(PlanIntake intake, PlanCatalog catalog, BackgroundSolves solves, TimeLimits timeLimits,
            FanoutConfig config, PlanVersions versions, ApiKeys keys) {
        this.intake = intake;
        this.catalog = catalog;
        this.solves = solves;
        this.timeLimits = timeLimits;
        this.config = config.seed();
        this.versions = versions;
        this.keys = keys;
    }

    /** After interrupted solves have resumed ({@link BackgroundSolves#RESUME_FIRST}). */
    void onStart(@Observes @Priority(BackgroundSolves.RESUME_FIRST + 100) StartupEvent event) {
        if (config.enabled() && keys.enabled()) {
            LOG.info("no seed plans: with API keys configured they would belong to no owner, visible to no key");
        } else if (config.enabled() && catalog.isEmpty()) {
            load(config.directory());
        }
    }

    private void load(Path directory) {
        if (!Files.isDirectory(directory)) {
            LOG.infof("no seed plans: %s is not a directory", directory.toAbsolutePath());
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (var file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                var id = file.getFileName().toString().replaceFirst("\\.json$", "");
                try {
                    catalog.createWithId(id, intake.parse(Files.readAllBytes(file), "application/json", null, null));
                    solves.start(id, timeLimits.parse(null));
                    int updates = progress(id, directory.resolve("progress").resolve(file.getFileName()));
                    LOG.infof("loaded seed plan %s%s", id, updates == 0 ? "" : " with " + updates + " progress updates");
                } catch (PlanRejectedException e) {
                    LOG.errorf("seed plan %s is invalid: %s", file, e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.errorf(e, "could not read seed plans from %s", directory);
        }
    }

    /** Applies the plan's recorded progress updates in order, each once the version before is solved. */
    private int progress(String id, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        var updates = dev.fanout.plan.PlanReader.json().readTree(Files.readAllBytes(file));
        for (var update : updates) {
            solves.await(id, java.time.Duration.ofSeconds(30));
            versions.update(id, dev.fanout.plan.PlanReader.json().writeValueAsBytes(update), null);
        }
        return updates.size();
    }
}
