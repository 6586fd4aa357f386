package dev.fanout.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.fanout.IndependentCheck;
import dev.fanout.RandomPlans;
import dev.fanout.TestPlans;
import io.quarkus.test.junit.QuarkusTest;

/** Health, metrics and the API description, as operators and client authors use them. */
@QuarkusTest
class OperationsApiTest {

    @Test
    void healthIsLiveAndReadyWithTheDatabase() {
        given().when().get("/q/health/live").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Solver"));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.find { it.name == 'Jobs' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Jobs' }.data.instancesAlive", equalTo(1))
                .body("checks.find { it.name == 'Jobs' }.data.instance", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyString()));
    }

    @Test
    void metricsCarrySolverFigures() {
        var plan = RandomPlans.json(3, 60, 4);
        var schedule = given().contentType("application/json").body(plan)
                .when().post("/api/solve?seconds=0.5").then().statusCode(200).extract().asString();
        new IndependentCheck(ApiPlans.tree(plan)).assertValid(ApiPlans.tree(schedule).get("schedule"));
        var metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        for (var name : new String[] { "fanout_solves_running ", "fanout_solves_queued ", "fanout_solves_capacity 10.0",
                "fanout_solves_refused_total ", "fanout_solve_duration_seconds_count ", "fanout_solve_gap_percent_count " }) {
            assertTrue(metrics.contains(name), "missing " + name);
        }
    }

    @Test
    void aRunningSolveShowsItsBestMakespan() {
        var id = given().contentType("application/json").body(RandomPlans.json(8, 400, 12))
                .when().post("/api/plans").then().statusCode(201).extract().<String>path("id");
        given().when().post("/api/plans/" + id + "/solve?seconds=60").then().statusCode(202);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().when().get("/q/metrics").then()
                .body(containsString("fanout_solve_best_makespan{plan=\"" + id + "\"}"))
                .body(containsString("fanout_solve_lower_bound{plan=\"" + id + "\"}")));
        given().when().delete("/api/plans/" + id + "/solve").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().when().get("/q/metrics").then()
                .body(org.hamcrest.Matchers.not(containsString("plan=\"" + id + "\""))));
    }

    @Test
    void everyRouteIsDescribed() {
        var openapi = given().when().get("/q/openapi").then().statusCode(200).extract().asString();
        for (var route : new String[] { "/api/solve:", "/api/plans:", "/api/plans/{id}:", "/api/plans/{id}/solve:",
                "/api/plans/{id}/schedule:", "/api/plans/{id}/report:", "/api/plans/{id}/what-if:" }) {
            assertTrue(openapi.contains(route), "undocumented " + route);
        }
        assertTrue(openapi.contains("\"429\"") || openapi.contains("'429'") || openapi.contains("429:"), "refusals are documented");
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    /** The routes that read a plan list every format they read; those that write several list what they write. */
    @Test
    void theDocumentListsEachRoutesFormats() {
        var document = ApiPlans.tree(given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        for (var route : new String[] { "/api/plans", "/api/solve" }) {
            var types = new java.util.ArrayList<String>();
            document.at("/paths/" + route.replace("/", "~1") + "/post/requestBody/content").fieldNames().forEachRemaining(types::add);
            assertTrue(types.containsAll(java.util.List.of("application/json", "application/yaml", "text/markdown",
                    "text/plain", "application/vnd.ms-project+xml")), route + " reads " + types);
        }
        var written = new java.util.ArrayList<String>();
        document.at("/paths/~1api~1plans~1{id}~1schedule/get/responses/200/content").fieldNames().forEachRemaining(written::add);
        assertTrue(written.containsAll(java.util.List.of("application/json", "application/vnd.ms-project+xml", "text/calendar")),
                "the schedule is written as " + written);
        for (var route : new String[] { "report/get", "what-if/get", "what-if/post" }) {
            var types = new java.util.ArrayList<String>();
            document.at("/paths/~1api~1plans~1{id}~1" + route + "/responses/200/content").fieldNames().forEachRemaining(types::add);
            assertEquals(java.util.List.of("application/json", "text/markdown", "text/csv"), types, route + " is written as " + types);
        }
    }

    @Test
    void problemsAreDocumentedByTheirStatus() {
        given().contentType("application/json").body(TestPlans.json("{'name': 'x'}"))
                .when().post("/api/plans").then().statusCode(400).contentType("application/problem+json");
    }
}
