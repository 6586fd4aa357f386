package dev.fanout.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Places in the solve queue are counted in solves: a sweep of n scenarios takes n, and gives each back as it ends. */
@QuarkusTest
class SolveAdmissionTest {

    @Inject
    SolveAdmission admission;

    @BeforeEach
    void nothingElseIsAdmitted() {
        await().atMost(Duration.ofSeconds(30)).until(() -> admission.taken() == 0);
    }

    @Test
    void capacityIsParallelSolvesPlusTheQueue() {
        assertEquals(2 + 8, admission.capacity(), "fanout.solve.parallel-solves + fanout.solve.queue-capacity");
    }

    @Test
    void aSweepTakesOnePlacePerScenarioAndGivesThemBackOneByOne() {
        try (var sweep = admission.admit(7)) {
            assertEquals(7, admission.taken());
            try (var three = admission.admit(3)) {
                assertEquals(10, admission.taken(), "every place is taken");
                var refused = assertThrows(Overloaded.class, () -> admission.admit(1));
                assertTrue(refused.retryAfterSeconds() >= 1, "says when to come back");
                assertTrue(refused.getMessage().startsWith("all 10 places in the solve queue are taken"), refused.getMessage());
            }
            sweep.releaseOne();
            sweep.releaseOne();
            assertEquals(5, admission.taken(), "two scenarios ended");
            try (var another = admission.admit(5)) {
                assertEquals(10, admission.taken());
            }
        }
        assertEquals(0, admission.taken(), "closing gives back what a sweep still held, and only that");
    }

    @Test
    void aRequestLargerThanTheWholeQueueWaitsForAnIdleServiceRatherThanBeingImpossible() {
        try (var first = admission.admit(1)) {
            var refused = assertThrows(Overloaded.class, () -> admission.admit(50), "50 do not fit beside a running solve");
            assertTrue(refused.getMessage().startsWith("the request needs 50 places in the solve queue and 9 of 10 are free"),
                    refused.getMessage());
        }
        try (var big = admission.admit(50)) {
            assertEquals(50, admission.taken(), "an idle service takes it, counted as 50");
            assertThrows(Overloaded.class, () -> admission.admit(1), "and nothing else fits beside it");
        }
    }

    @Test
    void closingTwiceAndReleasingPastZeroChangeNothing() {
        var admitted = admission.admit(2);
        admitted.releaseOne();
        admitted.releaseOne();
        admitted.releaseOne();
        admitted.close();
        admitted.close();
        assertEquals(0, admission.taken());
    }
}
