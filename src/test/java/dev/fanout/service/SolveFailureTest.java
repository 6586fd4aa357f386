package dev.fanout.service;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.LongStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.fanout.RandomPlans;
import dev.fanout.analysis.PlanAnalysis;
import dev.fanout.analysis.Schedule;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A search that throws ends its solve FAILED, never stuck SOLVING, and keeps the best schedule it had found: both for
 * a background solve and for a one-shot one.
 */
@QuarkusTest
class SolveFailureTest {

    /**
     * A random plan whose starting schedule the bounds do not prove optimal, so that the search really runs (the
     * service skips it when the starting schedule meets the bound). Found by seed, checked here.
     */
    private static final long SEED = LongStream.rangeClosed(1, 200)
            .filter(seed -> {
                var analysis = PlanAnalysis.of(RandomPlans.generate(seed, 30, 4));
                return analysis.startingSchedule().makespan() > analysis.lowerBound();
            }).findFirst().orElseThrow();
    private static final String PLAN = RandomPlans.json(SEED, 30, 4);
    private static final PlanAnalysis ANALYSIS = PlanAnalysis.of(RandomPlans.generate(SEED, 30, 4));
    /** The starting schedule's makespan, in the plan's unit: what a search that fails at once keeps. */
    private static final float STARTING_MAKESPAN = (float) ANALYSIS.instance().scale()
            .toDouble(ANALYSIS.startingSchedule().makespan());

    /** Reports the starting schedule as its best, then fails. */
    static final class FailingSearch extends SolveSearch {
        FailingSearch() {
            super(null, 0.3, 0.9, false, ExactStage.OFF);
        }

        @Override
        public SolveOutcome run(String problemId, PlanAnalysis analysis, Schedule starting, Duration limit,
                BooleanSupplier stopRequested, Consumer<Schedule> onBest) {
            onBest.accept(starting);
            throw new IllegalStateException("the search broke");
        }
    }

    @BeforeEach
    void searchFails() {
        QuarkusMock.installMockForType(new FailingSearch(), SolveSearch.class);
    }

    @Test
    void aBackgroundSolveThatThrowsEndsFailedWithItsBestScheduleKept() {
        var id = given().contentType("application/json").body(PLAN).when().post("/api/plans")
                .then().statusCode(201).extract().path("id").toString();
        given().when().post("/api/plans/" + id + "/solve?seconds=5").then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(given().when()
                .get("/api/plans/" + id + "/schedule").then().extract().path("status")));
        var schedule = given().when().get("/api/plans/" + id + "/schedule").then().statusCode(200).extract();
        assertEquals(STARTING_MAKESPAN, schedule.<Float>path("makespan"), "the starting schedule is kept");
        assertEquals(ANALYSIS.instance().taskCount(), schedule.<java.util.List<?>>path("assignments").size());
        assertTrue(schedule.<String>path("message").contains("the solver failed"), schedule.asString());
        // The plan can be solved again, and its report reads the failed solve's schedule.
        given().when().get("/api/plans/" + id + "/report").then().statusCode(200)
                .body("optimized.status", org.hamcrest.Matchers.equalTo("FAILED"));
        given().when().delete("/api/plans/" + id).then().statusCode(204);
    }

    @Test
    void aOneShotSolveThatThrowsAnswersFailedWithASchedule() {
        given().contentType("application/json").body(PLAN).when().post("/api/solve?seconds=5")
                .then().statusCode(200)
                .body("schedule.status", org.hamcrest.Matchers.equalTo("FAILED"))
                .body("schedule.makespan", org.hamcrest.Matchers.equalTo(STARTING_MAKESPAN))
                .body("report.optimized.status", org.hamcrest.Matchers.equalTo("FAILED"));
    }
}
