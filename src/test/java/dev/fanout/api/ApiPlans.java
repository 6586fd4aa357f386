package dev.fanout.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.fanout.IndependentCheck;

/**
 * Plans written inline in the API tests: stored, solved in the background until SOLVED, or solved at once, each
 * schedule that comes back checked by {@link IndependentCheck} against the plan it was made for.
 */
final class ApiPlans {

    static final ObjectMapper JSON = new ObjectMapper();

    private ApiPlans() {
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    /** {@code GET path} answered 200 with JSON. */
    static JsonNode getJson(String path) {
        return tree(given().when().get(path).then().statusCode(200).extract().asString());
    }

    /** Stores a plan: 201, a Location header, and its id. */
    static String create(String planJson) {
        return given().contentType("application/json").body(planJson)
                .when().post("/api/plans")
                .then().statusCode(201)
                .header("Location", containsString("/api/plans/"))
                .extract().path("id");
    }

    static String status(String id) {
        return given().when().get("/api/plans/" + id + "/schedule").then().statusCode(200).extract().path("status");
    }

    /**
     * Solves a stored plan in the background until it is SOLVED and returns its schedule, checked valid for the plan.
     * The plans of these tests are small enough to be proven optimal at once, so the time limit is never reached.
     */
    static JsonNode solve(String id, String planJson) {
        given().when().post("/api/plans/" + id + "/solve?seconds=10").then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> status(id).equals("SOLVED"));
        var schedule = getJson("/api/plans/" + id + "/schedule");
        new IndependentCheck(tree(planJson)).assertValid(schedule);
        return schedule;
    }

    /** Stores a plan and solves it: its id, once its schedule is SOLVED, valid and proven optimal. */
    static String createSolvedOptimal(String planJson) {
        var id = create(planJson);
        var schedule = solve(id, planJson);
        assertTrue(schedule.get("optimal").asBoolean(), "proven optimal, so the figures are the optimum's: " + schedule);
        return id;
    }

    /** {@code POST /api/solve} of a JSON plan: the schedule and the report, the schedule checked valid for the plan. */
    static JsonNode solveOnce(String planJson) {
        return solveOnce(planJson.getBytes(StandardCharsets.UTF_8), "application/json", tree(planJson));
    }

    /** {@code POST /api/solve} of a plan in any format, {@code plan} being the same plan as JSON. */
    static JsonNode solveOnce(byte[] body, String contentType, JsonNode plan) {
        return solveOnce(body, contentType, "", plan);
    }

    /** The same, with more query parameters ({@code "&format=spec-kit"}). */
    static JsonNode solveOnce(byte[] body, String contentType, String query, JsonNode plan) {
        var answer = tree(given().contentType(contentType).body(body)
                .when().post("/api/solve?seconds=10" + query)
                .then().statusCode(200).contentType("application/json")
                .extract().asString());
        assertEquals("SOLVED", answer.at("/schedule/status").asText());
        new IndependentCheck(plan).assertValid(answer.get("schedule"));
        return answer;
    }

    /** The element of a JSON array whose {@code field} is {@code value}; fails when there is none. */
    static JsonNode element(JsonNode array, String field, String value) {
        for (var element : array) {
            if (element.path(field).asText().equals(value)) {
                return element;
            }
        }
        throw new AssertionError("no element with " + field + " = " + value + " in " + array);
    }

    static void delete(String id) {
        given().when().delete("/api/plans/" + id).then().statusCode(204);
    }
}
