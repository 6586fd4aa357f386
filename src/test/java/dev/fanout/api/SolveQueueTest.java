package dev.fanout.api;

import static dev.fanout.api.ApiPlans.create;
import static dev.fanout.api.ApiPlans.status;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.ArrayList;

import org.junit.jupiter.api.Test;

import dev.fanout.IndependentCheck;
import dev.fanout.bench.PlanGenerator;
import dev.fanout.plan.PlanReader;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Background solves wait in the job queue when every job thread is busy: a waiting solve is SOLVING, refuses a second
 * solve of the same plan, and a stop takes it out of the queue at once, keeping its starting schedule.
 */
@QuarkusTest
class SolveQueueTest {

    @Test
    void aSolveWaitingForAJobThreadIsStoppedBeforeItBegins() throws Exception {
        var ids = new ArrayList<String>();
        var plans = new ArrayList<String>();
        for (int seed = 1; seed <= 3; seed++) {
            var plan = PlanReader.json().writeValueAsString(PlanGenerator.generate(PlanGenerator.Spec.of(1_000, 50, 40 + seed)));
            plans.add(plan);
            ids.add(create(plan));
        }
        // Two job threads (fanout.solve.parallel-solves): the first two run, the third waits.
        for (var id : ids) {
            given().when().post("/api/plans/" + id + "/solve?seconds=60").then().statusCode(202);
        }
        var waiting = ids.get(2);
        await().atMost(Duration.ofSeconds(20)).until(() -> "SOLVING".equals(status(waiting)));
        given().when().post("/api/plans/" + waiting + "/solve").then().statusCode(409);

        given().when().delete("/api/plans/" + waiting + "/solve").then().statusCode(200);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> "SOLVED".equals(status(waiting)));
        var schedule = given().when().get("/api/plans/" + waiting + "/schedule").then().statusCode(200)
                .body("message", startsWith("stopped before it began"))
                .extract().asString();
        new IndependentCheck(ApiPlans.tree(plans.get(2))).assertValid(ApiPlans.tree(schedule));

        for (var id : ids.subList(0, 2)) {
            given().when().delete("/api/plans/" + id + "/solve").then().statusCode(200);
        }
        for (var id : ids) {
            await().atMost(Duration.ofSeconds(20)).until(() -> "SOLVED".equals(status(id)));
            given().when().get("/api/plans/" + id + "/schedule").then().body("status", equalTo("SOLVED"));
        }
    }
}
