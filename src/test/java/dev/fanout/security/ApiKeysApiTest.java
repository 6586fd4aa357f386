package dev.fanout.security;

import static dev.fanout.security.WithApiKeys.ALICE;
import static dev.fanout.security.WithApiKeys.ALICE_READ;
import static dev.fanout.security.WithApiKeys.BOB;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;

/**
 * The API with keys configured ({@link WithApiKeys}): no key or a wrong one is 401 on every route; bob finds none of
 * alice's plans, on any route, and changes none; alice's read key reads her plans and gets 403 on every change; her
 * write key does everything; health, metrics, the page and the API's description need no key.
 */
@QuarkusTest
@TestProfile(WithApiKeys.class)
class ApiKeysApiTest {

    /** A (2 days) then B (1 day) on one agent: proven optimal at once, makespan 3. */
    static final String CHAIN = """
            {"name": "chain", "agents": [{"id": "dev"}],
             "tasks": [{"id": "A", "duration": 2}, {"id": "B", "duration": 1, "dependsOn": ["A"]}]}""";

    private static final String PROGRESS = "{\"now\": 2, \"tasks\": {\"A\": {\"status\": \"done\"}}}";
    private static final String WHAT_IF = "{\"agentCounts\": [1, 2], \"secondsPerScenario\": 1}";

    static RequestSpecification as(String key) {
        return given().header("Authorization", "Bearer " + key);
    }

    /** Alice's plan, solved: every route about it has something to show. */
    static String alicesSolvedPlan() {
        var id = as(ALICE).contentType("application/json").body(CHAIN).when().post("/api/plans")
                .then().statusCode(201).extract().<String>path("id");
        as(ALICE).when().post("/api/plans/" + id + "/solve?seconds=5").then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> "SOLVED".equals(as(ALICE).when()
                .get("/api/plans/" + id + "/schedule").then().statusCode(200).extract().path("status")));
        return id;
    }

    @Test
    void withoutAKeyOrWithAWrongOneEveryRouteIs401() {
        var id = alicesSolvedPlan();
        for (var caller : new RequestSpecification[] { given(), given().header("Authorization", "Bearer not-a-key"),
                given().header("Authorization", "Basic YWxpY2U6c2VjcmV0"), given().header("Authorization", "Bearer ") }) {
            unauthorized(caller.when().get("/api/plans"));
            unauthorized(given().spec(caller).when().get("/api/plans/" + id));
            unauthorized(given().spec(caller).when().get("/api/plans/" + id + "/report"));
            unauthorized(given().spec(caller).contentType("application/json").body(CHAIN).when().post("/api/plans"));
            unauthorized(given().spec(caller).contentType("application/json").body(CHAIN).when().post("/api/solve"));
            unauthorized(given().spec(caller).when().delete("/api/plans/" + id));
            unauthorized(given().spec(caller).contentType("application/json").accept("application/json, text/event-stream")
                    .body("{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"tools/list\"}").when().post("/mcp"));
        }
        as(ALICE).when().get("/api/plans/" + id).then().statusCode(200).body("version", equalTo(1));
    }

    private static void unauthorized(io.restassured.response.Response response) {
        response.then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"))
                .contentType("application/problem+json").body("status", equalTo(401)).body("detail", containsString("Bearer <key>"))
                .body("detail", not(containsString("not-a-key")));
    }

    @Test
    void healthMetricsThePageAndTheApiDescriptionNeedNoKey() {
        given().when().get("/q/health").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("fanout_solves_running"));
        given().when().get("/").then().statusCode(200).body(containsString("<html"));
        given().when().get("/app.js").then().statusCode(200);
        given().when().get("/q/openapi?format=json").then().statusCode(200).body(containsString("/api/plans"))
                .body("components.securitySchemes.apiKey.scheme", equalTo("bearer"))
                .body("paths.'/api/plans'.get.security[0]", org.hamcrest.Matchers.hasKey("apiKey"));
    }

    @Test
    void anotherOwnersPlanIsNotFoundOnEveryRoute() {
        var id = alicesSolvedPlan();
        as(ALICE).contentType("application/json").body(WHAT_IF).when().post("/api/plans/" + id + "/what-if").then().statusCode(200);
        var plan = "/api/plans/" + id;
        as(BOB).when().get("/api/plans").then().statusCode(200).body("id", not(hasItem(id)));
        as(ALICE).when().get("/api/plans").then().statusCode(200).body("id", hasItem(id));
        notFound(as(BOB).when().get(plan));
        notFound(as(BOB).when().get(plan + "/schedule"));
        notFound(as(BOB).when().get(plan + "/schedule?format=ics"));
        notFound(as(BOB).when().get(plan + "/schedule?format=mspdi"));
        notFound(as(BOB).when().get(plan + "/report"));
        notFound(as(BOB).accept("text/markdown").when().get(plan + "/report"));
        notFound(as(BOB).when().get(plan + "/what-if"));
        notFound(as(BOB).contentType("application/json").body(WHAT_IF).when().post(plan + "/what-if"));
        notFound(as(BOB).when().get(plan + "/versions"));
        notFound(as(BOB).when().get(plan + "/versions/1"));
        notFound(as(BOB).when().post(plan + "/solve?seconds=1"));
        notFound(as(BOB).when().delete(plan + "/solve"));
        notFound(as(BOB).contentType("application/json").body(PROGRESS).when().patch(plan + "/progress"));
        notFound(as(BOB).when().delete(plan));
        // Nothing bob asked for happened: the plan is still there, at version 1, solved.
        as(ALICE).when().get(plan).then().statusCode(200).body("version", equalTo(1)).body("status", equalTo("SOLVED"));
        as(ALICE).when().get(plan + "/versions").then().statusCode(200).body("size()", equalTo(1));
    }

    private static void notFound(io.restassured.response.Response response) {
        response.then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aReadKeyReadsItsOwnersPlansAndGets403OnEveryChange() {
        var id = alicesSolvedPlan();
        var plan = "/api/plans/" + id;
        as(ALICE_READ).when().get("/api/plans").then().statusCode(200).body("id", hasItem(id));
        as(ALICE_READ).when().get(plan).then().statusCode(200);
        as(ALICE_READ).when().get(plan + "/report").then().statusCode(200);
        as(ALICE_READ).when().get(plan + "/versions").then().statusCode(200);
        forbidden(as(ALICE_READ).contentType("application/json").body(CHAIN).when().post("/api/plans"));
        forbidden(as(ALICE_READ).contentType("application/json").body(CHAIN).when().post("/api/solve"));
        forbidden(as(ALICE_READ).when().post(plan + "/solve"));
        forbidden(as(ALICE_READ).when().delete(plan + "/solve"));
        forbidden(as(ALICE_READ).contentType("application/json").body(WHAT_IF).when().post(plan + "/what-if"));
        forbidden(as(ALICE_READ).contentType("application/json").body(PROGRESS).when().patch(plan + "/progress"));
        forbidden(as(ALICE_READ).when().delete(plan));
        as(ALICE).when().get(plan).then().statusCode(200).body("version", equalTo(1));
    }

    private static void forbidden(io.restassured.response.Response response) {
        response.then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403))
                .body("detail", containsString("role is read"));
    }

    @Test
    void aWriteKeyDoesEverythingWithItsOwnersPlans() {
        var id = alicesSolvedPlan();
        var plan = "/api/plans/" + id;
        as(ALICE).when().get(plan + "/report").then().statusCode(200).contentType("application/json");
        as(ALICE).accept("text/calendar").when().get(plan + "/schedule?format=ics").then().statusCode(200);
        as(ALICE).contentType("application/json").body(WHAT_IF).when().post(plan + "/what-if").then().statusCode(200);
        as(ALICE).when().get(plan + "/what-if").then().statusCode(200);
        as(ALICE).contentType("application/json").body(PROGRESS).when().patch(plan + "/progress").then().statusCode(202)
                .body("version", equalTo(2));
        as(ALICE).when().get(plan + "/versions/2").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> !"SOLVING".equals(as(ALICE).when()
                .get(plan + "/schedule").then().statusCode(200).extract().path("status")));
        as(ALICE).when().delete(plan + "/solve").then().statusCode(409);
        as(ALICE).contentType("application/json").body(CHAIN).when().post("/api/solve").then().statusCode(200);
        as(ALICE).when().delete(plan).then().statusCode(204);
        as(ALICE).when().get(plan).then().statusCode(404);
    }
}
