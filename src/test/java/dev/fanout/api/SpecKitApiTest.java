package dev.fanout.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.fanout.formats.SpecKitReader;
import dev.fanout.plan.PlanReader;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A spec-kit tasks.md posted as it is ({@code text/markdown}, or {@code ?format=spec-kit}): solved, and the schedule
 * checked by the independent checker against the same plan written as JSON.
 */
@QuarkusTest
class SpecKitApiTest {

    private static byte[] tasksMd() throws IOException {
        try (var in = SpecKitApiTest.class.getResourceAsStream("/spec-kit/tasks.md")) {
            return in.readAllBytes();
        }
    }

    private static JsonNode asJson(byte[] tasksMd, int agents) throws IOException {
        return ApiPlans.JSON.readTree(PlanReader.json().writeValueAsString(SpecKitReader.read(tasksMd, agents)));
    }

    @Test
    void solvesATasksMdSentAsMarkdownOrNamedByFormat() throws IOException {
        var body = tasksMd();
        var plan = asJson(body, SpecKitReader.DEFAULT_AGENTS);
        var byType = ApiPlans.solveOnce(body, "text/markdown; charset=UTF-8", plan);
        var byName = ApiPlans.solveOnce(body, "application/octet-stream", "&format=spec-kit", plan);
        for (var answer : new JsonNode[] { byType, byName }) {
            assertEquals("days", answer.at("/report/timeUnit").asText());
            var merges = new double[2][];
            int i = 0;
            for (var assignment : answer.at("/schedule/assignments")) {
                var task = assignment.path("task").asText();
                if (task.equals("T015") || task.equals("T016")) {
                    merges[i++] = new double[] { assignment.path("start").asDouble(), assignment.path("end").asDouble() };
                }
            }
            assertEquals(2, i, "both merge tasks scheduled: " + answer.at("/schedule/assignments"));
            assertTrue(merges[0][1] <= merges[1][0] || merges[1][1] <= merges[0][0],
                    "T015 and T016 change src/services/merge.py: never at once");
        }
    }

    @Test
    void agentsSayHowManyAgentsTheTasksMdIsPlannedWith() throws IOException {
        var body = tasksMd();
        ApiPlans.solveOnce(body, "text/markdown", "&agents=1", asJson(body, 1));
        var id = given().contentType("text/markdown").body(body)
                .when().post("/api/plans?agents=2")
                .then().statusCode(201).body("agents", equalTo(2)).body("name", equalTo("Offline Bookmark Sync"))
                .extract().<String>path("id");
        ApiPlans.delete(id);
        given().contentType("text/markdown").body(body).when().post("/api/solve?agents=0")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("agents = 0: must be a whole number from 1 to"));
        given().contentType("application/json").body("{}").when().post("/api/solve?agents=2")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("agents = 2: is for formats whose files name no agents"));
    }

    @Test
    void aMalformedTasksMdIsRefusedNamingTheLine() {
        given().contentType("text/markdown").body("# Tasks: x\n## Phase 1: Setup\n- [ ] T001 Init\n- [ ] T002 [P]\n")
                .when().post("/api/solve")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Invalid plan"))
                .body("errors[0].field", equalTo("line 4"))
                .body("errors[0].message", containsString("expected a description"));
    }
}
