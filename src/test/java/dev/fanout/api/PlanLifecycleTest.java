package dev.fanout.api;

import static dev.fanout.api.ApiPlans.create;
import static dev.fanout.api.ApiPlans.status;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.fanout.IndependentCheck;
import dev.fanout.RandomPlans;
import dev.fanout.TestPlans;
import io.quarkus.test.junit.QuarkusTest;

/** Stored plans: create, list, read, solve in the background, poll, stop early, report, delete. */
@QuarkusTest
class PlanLifecycleTest {

    private static final ObjectMapper JSON = ApiPlans.JSON;

    @Test
    void seedPlansAreLoadedAndSolvedOnFirstStart() {
        var seeds = TestPlans.seedFiles().stream().map(f -> f.getFileName().toString().replace(".json", "")).toList();
        given().when().get("/api/plans").then().statusCode(200).body("id", hasItems(seeds.toArray()));
        for (var id : seeds) {
            await().atMost(Duration.ofSeconds(30)).until(() -> status(id).equals("SOLVED"));
            // Seeding starts after the resume of interrupted solves: a seed's own solve is never taken for one.
            given().when().get("/api/plans/" + id + "/schedule").then()
                    .body("message", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("cut off by a restart")));
        }
    }

    @Test
    void storesReadsSolvesReportsAndDeletesAPlan() throws Exception {
        var planJson = TestPlans.json(TestPlans.SMALL);
        var id = create(planJson);

        given().when().get("/api/plans").then().statusCode(200).body("id", hasItem(id));
        given().when().get("/api/plans/" + id).then().statusCode(200)
                .body("id", equalTo(id))
                .body("status", equalTo("NOT_SOLVED"))
                .body("plan.name", equalTo("small"))
                .body("plan.tasks.size()", equalTo(7));
        given().when().get("/api/plans/" + id + "/schedule").then().statusCode(200)
                .body("status", equalTo("NOT_SOLVED"))
                .body("assignments.size()", equalTo(0));
        given().accept("text/markdown").when().get("/api/plans/" + id + "/report").then().statusCode(409)
                .contentType("application/problem+json");

        given().when().post("/api/plans/" + id + "/solve?seconds=5").then().statusCode(202)
                .header("Location", endsWith("/api/plans/" + id + "/schedule"));
        await().atMost(Duration.ofSeconds(15)).until(() -> status(id).equals("SOLVED"));

        // TestPlans.SMALL: critical path A (2) → C (3) → M (0) → E (1.5) = 6.5 days, the optimum;
        // sequential 2 + 1 + 3 + 2.5 + 0 + 1.5 + 1 = 11; waves [A B D] [C F] [E]; tiers {A B D} {C F} {M} {E}.
        var schedule = ApiPlans.getJson("/api/plans/" + id + "/schedule");
        var check = new IndependentCheck(JSON.readTree(planJson));
        assertEquals(6.5, check.assertValid(schedule), 1e-9);
        assertTrue(schedule.get("optimal").asBoolean());
        assertEquals("days", schedule.get("timeUnit").asText());

        given().when().get("/api/plans/" + id + "/report").then().statusCode(200).contentType("application/json")
                .body("optimized.makespan", equalTo(6.5f))
                .body("sequential.makespan", equalTo(11.0f))
                .body("waves.count", equalTo(3))
                .body("tiers.levels.size()", equalTo(4))
                .body("criticalPath.tasks", equalTo(java.util.List.of("A", "C", "M", "E")));

        var markdown = given().accept("text/markdown").when().get("/api/plans/" + id + "/report")
                .then().statusCode(200).contentType(containsString("text/markdown")).extract().asString();
        assertTrue(markdown.contains("| Strategy | Makespan (days) |"), markdown);
        // 11 − 6.5 = 4.5 saved, 4.5 / 11 = 40.9 %, 11 / 6.5 = 1.69×.
        assertTrue(markdown.contains("| Sequential (one agent) | 11 | 4.5 | 40.9 % | 1.69× |"), markdown);
        assertTrue(markdown.contains("```mermaid\ngantt\n"), markdown);
        // A and C are critical and only core's two workers can do them (which one is the solver's choice).
        assertTrue(markdown.contains("section core-1") || markdown.contains("section core-2"), markdown);
        assertTrue(markdown.contains(":crit, "), markdown);

        var csv = given().accept("text/csv").when().get("/api/plans/" + id + "/report")
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        var lines = csv.strip().split("\n");
        assertEquals("strategy,makespan,time_unit,optimized_saves,saving_percent,speedup,p50,p80,p95", lines[0]);
        assertEquals("sequential,11,days,4.5,40.9,1.69,11,11,11", lines[1]);
        given().when().get("/api/plans/" + id + "/report?format=csv").then().statusCode(200)
                .contentType(containsString("text/csv"));

        given().when().delete("/api/plans/" + id).then().statusCode(204);
        given().when().get("/api/plans/" + id).then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString(id));
        given().when().delete("/api/plans/" + id).then().statusCode(404);
    }

    @Test
    void stopsARunningSolveKeepingTheBestScheduleSoFar() throws Exception {
        var planJson = RandomPlans.json(7, 400, 12);
        var id = create(planJson);
        given().when().post("/api/plans/" + id + "/solve?seconds=120").then().statusCode(202)
                .body("status", equalTo("SOLVING"));
        // While solving, the best schedule so far is readable and valid.
        var check = new IndependentCheck(JSON.readTree(planJson));
        var during = JSON.readTree(given().when().get("/api/plans/" + id + "/schedule").then().statusCode(200).extract().asString());
        assertEquals("SOLVING", during.get("status").asText());
        double makespanWhileSolving = check.assertValid(during);
        given().when().post("/api/plans/" + id + "/solve").then().statusCode(409).contentType("application/problem+json");

        given().when().delete("/api/plans/" + id + "/solve").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> status(id).equals("SOLVED"));
        var after = JSON.readTree(given().when().get("/api/plans/" + id + "/schedule").then().statusCode(200).extract().asString());
        assertTrue(check.assertValid(after) <= makespanWhileSolving + 1e-9, "stopping keeps the best schedule");
        given().when().delete("/api/plans/" + id + "/solve").then().statusCode(409);
    }

    @Test
    void refusesAnInvalidPlanWithoutStoringIt() {
        int before = given().when().get("/api/plans").then().extract().path("size()");
        given().contentType("application/json").body("{\"name\": \"x\", \"tasks\": [{\"id\": \"A\", \"duration\": -1}]}")
                .when().post("/api/plans")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("tasks[0].duration"));
        given().when().get("/api/plans").then().body("size()", equalTo(before));
    }

    @Test
    void unknownPlansAreNotFound() {
        for (var path : new String[] { "", "/schedule", "/report" }) {
            given().when().get("/api/plans/nope" + path).then().statusCode(404).contentType("application/problem+json");
        }
        given().when().post("/api/plans/nope/solve").then().statusCode(404);
        given().when().delete("/api/plans/nope/solve").then().statusCode(404);
    }

    @Test
    void refusesAnUnknownReportFormat() {
        var id = create(TestPlans.json(TestPlans.SMALL));
        given().when().get("/api/plans/" + id + "/report?format=pdf").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("format = pdf"));
    }
}
