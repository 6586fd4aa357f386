package dev.fanout.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.fanout.TestPlans;

/** Plans, their latest schedule and the solve status survive a restart of the service (H2 file database). */
class RestartIT {

    interface Launcher {
        AppProcess start() throws Exception;
    }

    @Test
    void planScheduleAndStatusSurviveARestart() throws Exception {
        var database = Files.createTempDirectory("fanout-restart").resolve("fanout");
        survivesARestart(() -> AppProcess.start(database, Map.of()));
    }

    @Test
    void planScheduleAndStatusSurviveARestartOnPostgreSql() throws Exception {
        var url = dev.fanout.PostgresDatabase.create("restart");
        try {
            survivesARestart(() -> AppProcess.startOnPostgres(url, Map.of()));
        } finally {
            dev.fanout.PostgresDatabase.drop(url);
        }
    }

    private static void survivesARestart(Launcher launcher) throws Exception {
        String id;
        String scheduleBefore;
        String planBefore;
        try (var app = launcher.start()) {
            // The seed plans were loaded into the empty database.
            given().baseUri(app.url()).when().get("/api/plans").then().statusCode(200)
                    .body("id", hasItems("onex-runtime-registration", "master-plan-phases"));
            id = given().baseUri(app.url()).contentType("application/json").body(TestPlans.json(TestPlans.SMALL))
                    .when().post("/api/plans").then().statusCode(201).extract().path("id");
            given().baseUri(app.url()).when().post("/api/plans/" + id + "/solve").then().statusCode(202);
            await().atMost(Duration.ofSeconds(30)).until(() -> "SOLVED".equals(given().baseUri(app.url())
                    .when().get("/api/plans/" + id + "/schedule").then().extract().path("status")));
            scheduleBefore = given().baseUri(app.url()).when().get("/api/plans/" + id + "/schedule").asString();
            planBefore = given().baseUri(app.url()).when().get("/api/plans/" + id).asString();
            app.stop();
        }
        try (var app = launcher.start()) {
            assertEquals(planBefore, given().baseUri(app.url()).when().get("/api/plans/" + id).asString());
            assertEquals(scheduleBefore, given().baseUri(app.url()).when().get("/api/plans/" + id + "/schedule").asString());
            given().baseUri(app.url()).when().get("/api/plans/" + id + "/report").then().statusCode(200)
                    .body("optimized.makespan", equalTo(6.5f));
            // Seeds are loaded into an empty database only: still exactly one copy each.
            given().baseUri(app.url()).when().get("/api/plans").then()
                    .body("findAll { it.id == 'master-plan-phases' }.size()", equalTo(1));
        }
    }
}
