package dev.fanout.persistence;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.fanout.TestPlans;
import dev.fanout.report.SolveStatus;
import dev.fanout.service.PlanCatalog;
import dev.fanout.service.PlanIntake;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A solve's run belongs to one instance at a time: once another instance has taken it over, the first can no longer
 * save a schedule, end it, or hand it back, and learns that it must stop.
 */
@QuarkusTest
class SolveRunStoreTest {

    @Inject
    SolveRunStore runs;

    @Inject
    PlanCatalog catalog;

    @Inject
    PlanIntake intake;

    @Test
    void anInstanceThatWasTakenOverCanNoLongerWriteTheSolve() {
        var id = catalog.create(intake.parse(TestPlans.json(TestPlans.SMALL).getBytes(StandardCharsets.UTF_8),
                "application/json", null, null));
        var analysis = catalog.analysis(id);
        var starting = analysis.startingSchedule();
        long bound = analysis.lowerBound();
        assertTrue(runs.queue(id, 30, starting, bound));
        assertFalse(runs.queue(id, 30, starting, bound), "one solve per plan at a time");

        var first = runs.begin(id, "alpha").orElseThrow();
        assertNull(first.previousRunner(), "a fresh run");
        assertEquals(30, first.secondsLeft(1));
        assertTrue(runs.progress(id, "alpha", starting, bound, 12), "alpha runs it");

        // alpha missed its heartbeats: beta takes the solve over, for the time it had left.
        var takeover = runs.begin(id, "beta").orElseThrow();
        assertEquals("alpha", takeover.previousRunner());
        assertEquals(18, takeover.secondsLeft(1));

        assertFalse(runs.progress(id, "alpha", starting, bound, 20), "alpha is told to stop");
        runs.finish(id, "alpha", SolveStatus.FAILED, starting, bound, "alpha's end");
        runs.release(id, "alpha", starting, bound, 25);
        assertEquals(SolveStatus.SOLVING, runs.status(id).orElseThrow(), "alpha's end is not written");
        assertEquals("beta", runs.runner(id).orElseThrow());

        // A stop asked through any instance reaches beta at its next heartbeat; its end is written.
        assertTrue(runs.requestStop(id));
        assertFalse(runs.progress(id, "beta", null, 0, 19), "beta is asked to stop");
        runs.finish(id, "beta", SolveStatus.SOLVED, starting, bound, "stopped");
        assertEquals(SolveStatus.SOLVED, runs.status(id).orElseThrow());
        assertTrue(runs.runner(id).isEmpty(), "no instance runs it any more");
        assertFalse(runs.requestStop(id), "nothing to stop");
    }

    /**
     * A solve marked SOLVING whose job was never written (a crash between the two writes) is queued again by the
     * instance's housekeeping once its row has rested a heartbeat, and run to its end. The ceiling is generous, never
     * asserted as a time.
     */
    @Test
    void aSolveLeftWithoutItsJobIsQueuedAgainAndRun() {
        var id = catalog.create(intake.parse(TestPlans.json(TestPlans.SMALL).getBytes(StandardCharsets.UTF_8),
                "application/json", null, null));
        var analysis = catalog.analysis(id);
        assertTrue(runs.queue(id, 1, analysis.startingSchedule(), analysis.lowerBound()));
        await().atMost(Duration.ofSeconds(60)).until(() -> runs.status(id).orElseThrow() != SolveStatus.SOLVING);
        assertEquals(SolveStatus.SOLVED, runs.status(id).orElseThrow());
        assertTrue(runs.runner(id).isEmpty(), "no instance runs it any more");
    }
}
