package dev.fanout.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.fanout.IndependentCheck;
import dev.fanout.bench.PlanGenerator;
import dev.fanout.plan.PlanReader;

/**
 * Nothing is lost when the service dies: kill -9 in the middle of a 60 s solve of a 1,000-task plan, start again,
 * and every plan is intact while the cut-off solve resumes from its best schedule and finishes.
 */
class CrashRecoveryIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String status(AppProcess app, String id) {
        return given().baseUri(app.url()).when().get("/api/plans/" + id + "/schedule").then().extract().path("status");
    }

    @Test
    void killDashNineDuringASolveLosesNothing() throws Exception {
        var database = Files.createTempDirectory("fanout-crash").resolve("fanout");
        var planJson = PlanReader.json().writeValueAsString(PlanGenerator.generate(PlanGenerator.Spec.of(1_000, 50, 5)));
        String id;
        String plansBefore;
        String planBefore;
        try (var app = AppProcess.start(database, Map.of())) {
            id = given().baseUri(app.url()).contentType("application/json").body(planJson)
                    .when().post("/api/plans").then().statusCode(201).extract().path("id");
            given().baseUri(app.url()).when().post("/api/plans/" + id + "/solve?seconds=60").then().statusCode(202);
            // Let it work (and save its progress) for a while, then pull the plug.
            await().pollDelay(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(20)).until(() -> "SOLVING".equals(status(app, id)));
            plansBefore = given().baseUri(app.url()).when().get("/api/plans").then().statusCode(200).extract().asString();
            planBefore = given().baseUri(app.url()).when().get("/api/plans/" + id).asString();
            app.kill();
        }
        try (var app = AppProcess.start(database, Map.of())) {
            long restartedAt = System.nanoTime();
            assertEquals(planBefore, given().baseUri(app.url()).when().get("/api/plans/" + id).asString(), "the plan is intact");
            var ids = JSON.readTree(plansBefore).findValuesAsText("id");
            var after = JSON.readTree(given().baseUri(app.url()).when().get("/api/plans").asString()).findValuesAsText("id");
            assertEquals(ids.size(), after.size(), "every plan is still there");
            assertTrue(after.containsAll(ids));

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> "SOLVED".equals(status(app, id)));
            assertTrue(System.nanoTime() - restartedAt < Duration.ofSeconds(90).toNanos());
            var schedule = JSON.readTree(given().baseUri(app.url()).when().get("/api/plans/" + id + "/schedule").asString());
            double makespan = new IndependentCheck(JSON.readTree(planJson)).assertValid(schedule);
            assertTrue(makespan <= 1.1 * schedule.get("lowerBound").asDouble(), "a good schedule: " + makespan);
            var log = Files.readString(app.log());
            assertTrue(log.contains("plan=" + id + " "), "log lines name the plan they are about");
        }
    }

    @Test
    void aGracefulStopKeepsTheBestScheduleAndSaysSo() throws Exception {
        var database = Files.createTempDirectory("fanout-stop").resolve("fanout");
        var planJson = PlanReader.json().writeValueAsString(PlanGenerator.generate(PlanGenerator.Spec.of(1_000, 50, 6)));
        String id;
        try (var app = AppProcess.start(database, Map.of("fanout.seed.enabled", "false"))) {
            id = given().baseUri(app.url()).contentType("application/json").body(planJson)
                    .when().post("/api/plans").then().statusCode(201).extract().path("id");
            given().baseUri(app.url()).when().post("/api/plans/" + id + "/solve?seconds=120").then().statusCode(202);
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> "SOLVING".equals(status(app, id)));
            app.stop();
        }
        try (var app = AppProcess.start(database, Map.of("fanout.seed.enabled", "false"))) {
            var schedule = JSON.readTree(given().baseUri(app.url()).when().get("/api/plans/" + id + "/schedule").asString());
            assertEquals("SOLVED", schedule.get("status").asText(), "a graceful stop is not resumed: it finished cleanly");
            assertTrue(schedule.get("message").asText().startsWith("stopped when the service shut down"), schedule.toString());
            new IndependentCheck(JSON.readTree(planJson)).assertValid(schedule);
            assertEquals(java.util.List.of(id), given().baseUri(app.url()).when().get("/api/plans").jsonPath().getList("id"),
                    "the only plan (seeding was off)");
        }
    }
}
