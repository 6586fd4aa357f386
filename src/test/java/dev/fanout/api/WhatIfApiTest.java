package dev.fanout.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.fanout.IndependentCheck;
import dev.fanout.TestPlans;
import io.quarkus.test.junit.QuarkusTest;

/** {@code POST /api/plans/{id}/what-if} in each of its three forms. */
@QuarkusTest
class WhatIfApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> seedIds() {
        return TestPlans.seedFiles().stream().map(f -> f.getFileName().toString().replace(".json", ""));
    }

    private static JsonNode whatIf(String id, String body) throws Exception {
        return JSON.readTree(given().contentType("application/json").body(TestPlans.json(body))
                .when().post("/api/plans/" + id + "/what-if")
                .then().statusCode(200).contentType("application/json").extract().asString());
    }

    @ParameterizedTest
    @MethodSource("seedIds")
    void agentCountSweepOfEverySeedPlan(String id) throws Exception {
        var check = new IndependentCheck(JSON.readTree(TestPlans.read(TestPlans.DATA.resolve(id + ".json"))));
        var result = whatIf(id, "{'agentCounts': [1, 2, 3, 4, 6, 8, 12]}");
        var rows = result.get("rows");
        assertEquals(7, rows.size());
        assertEquals(check.sequential(), rows.get(0).get("makespan").asDouble(), 1e-9, "one agent does everything in turn");
        double previous = Double.MAX_VALUE;
        for (var row : rows) {
            int agents = row.get("count").asInt();
            double makespan = row.get("makespan").asDouble();
            assertEquals(agents, row.get("agents").asInt());
            assertTrue(makespan >= check.criticalPath() - 1e-9, "never below the critical path");
            assertTrue(makespan >= check.sequential() / agents - 1e-9, "never below total work / k");
            assertTrue(row.get("lowerBound").asDouble() <= makespan + 1e-9);
            assertTrue(makespan <= previous + 1e-9, "more agents never give a longer makespan");
            assertEquals(check.sequential() - makespan, row.get("saved").asDouble(), 1e-6);
            previous = makespan;
        }
        var knee = result.get("knees").get(0);
        assertEquals("agents", knee.get("series").asText());
        assertTrue(knee.get("reason").asText().contains(" bounds the plan"), knee.get("reason").asText());
        double best = previous;
        for (var row : rows) {
            if (row.get("count").asInt() < knee.get("count").asInt()) {
                assertTrue(row.get("makespan").asDouble() > best * 1.05, "the knee is the smallest count within 5 %");
            }
        }
    }

    @Test
    void kneeNamesTheCriticalPathWhenItBounds() throws Exception {
        var result = whatIf("onex-runtime-registration", "{'agentCounts': [1, 4, 8, 12]}");
        var knee = result.get("knees").get(0);
        assertEquals(4, knee.get("count").asInt());
        assertTrue(knee.get("reason").asText().contains("The critical path bounds the plan: A1 → A2"), knee.get("reason").asText());
    }

    @Test
    void poolSweepVariesOnePoolOnly() throws Exception {
        var result = whatIf("onex-runtime-registration", "{'pools': {'core': [3, 1, 2, 5]}, 'secondsPerScenario': 1}");
        assertEquals("pools", result.get("kind").asText());
        var rows = result.get("rows");
        assertEquals(List.of(1, 2, 3, 5), counts(rows), "sorted by count");
        for (var row : rows) {
            assertEquals("pool core", row.get("series").asText());
            assertEquals(row.get("count").asInt() + 4, row.get("agents").asInt(), "the 4 infra workers stay");
        }
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i).get("makespan").asDouble() <= rows.get(i - 1).get("makespan").asDouble());
        }
        assertEquals(1.0, result.get("secondsPerScenario").asDouble());
        assertNotNull(result.get("knees").get(0).get("reason"));
    }

    private static List<Integer> counts(JsonNode rows) {
        var counts = new java.util.ArrayList<Integer>();
        rows.forEach(row -> counts.add(row.get("count").asInt()));
        return counts;
    }

    @Test
    void namedScenariosAreComparedWithThePlanAsItIs() throws Exception {
        var result = whatIf("onex-runtime-registration", """
                {'scenarios': [{'name': '+1 infra', 'pools': {'infra': 5}},
                               {'name': 'no core-5', 'removeAgents': ['core-5']},
                               {'name': 'a reviewer', 'addAgents': [{'id': 'reviewer', 'pool': 'infra'}]}]}
                """);
        var rows = result.get("rows");
        assertEquals(List.of("as planned", "+1 infra", "no core-5", "a reviewer"),
                List.of(rows.get(0).get("scenario").asText(), rows.get(1).get("scenario").asText(),
                        rows.get(2).get("scenario").asText(), rows.get(3).get("scenario").asText()));
        assertEquals(List.of(9, 10, 8, 10), List.of(rows.get(0).get("agents").asInt(), rows.get(1).get("agents").asInt(),
                rows.get(2).get("agents").asInt(), rows.get(3).get("agents").asInt()));
        assertEquals(49.0, rows.get(0).get("makespan").asDouble(), "the plan as it is: its critical path");
        assertEquals(0, result.get("knees").size(), "named scenarios have no knee");
    }

    @Test
    void aScenarioNoAgentCanCarryOutIsReportedNotRefused() throws Exception {
        var result = whatIf("mahavishnu-task-orchestration", "{'scenarios': [{'name': 'no native', 'removeAgents': ['native-1']}]}");
        var row = result.get("rows").get(1);
        assertEquals("no native", row.get("scenario").asText());
        assertTrue(row.get("error").asText().startsWith("infeasible:"), row.toString());
        assertTrue(row.get("error").asText().contains("\"swiftui\""), row.toString());
        assertTrue(row.get("makespan") == null || row.get("makespan").isNull());
    }

    @Test
    void theLastSweepIsStoredAndReadableAgainInEveryFormat() throws Exception {
        var posted = whatIf("omoi-os-workflow-streams", "{'agentCounts': [1, 2, 4]}");
        var read = JSON.readTree(given().when().get("/api/plans/omoi-os-workflow-streams/what-if")
                .then().statusCode(200).extract().asString());
        assertEquals(posted, read);

        var markdown = given().accept("text/markdown").when().get("/api/plans/omoi-os-workflow-streams/what-if")
                .then().statusCode(200).contentType(containsString("text/markdown")).extract().asString();
        assertTrue(markdown.contains("| 4 agents | 4 | 14 |"), markdown);
        assertTrue(markdown.contains("**Knee of agents: "), markdown);
        assertTrue(markdown.contains("```mermaid\nxychart-beta"), markdown);
        assertTrue(markdown.contains("line [53, 27, 14]"), markdown);

        var csv = given().accept("text/csv").when().get("/api/plans/omoi-os-workflow-streams/what-if")
                .then().statusCode(200).extract().asString().strip().split("\n");
        assertEquals("scenario,series,count,agents,makespan,lower_bound,optimal,saved,savings_percent,speedup,mean_utilization,time_unit,note,error",
                csv[0]);
        assertEquals(4, csv.length);
        assertTrue(csv[1].startsWith("1 agent,agents,1,1,53,53,true,0,0,1,"), csv[1]);
    }

    @Test
    void noSweepYetIsNotFound() {
        var id = given().contentType("application/json").body(TestPlans.json(TestPlans.SMALL))
                .when().post("/api/plans").then().statusCode(201).extract().path("id");
        given().when().get("/api/plans/" + id + "/what-if").then().statusCode(404).contentType("application/problem+json");
    }

    // --- Refusals ---------------------------------------------------------------------------------------------------

    private static void refused(String body, String... detailParts) {
        var response = given().contentType("application/json").body(TestPlans.json(body))
                .when().post("/api/plans/onex-runtime-registration/what-if")
                .then().statusCode(400).contentType("application/problem+json");
        for (var part : detailParts) {
            response.body("detail", containsString(part));
        }
    }

    @Test
    void refusesBadRequests() {
        refused("{'agentCounts': [1, 2], 'pools': {'core': [1]}}", "exactly one of agentCounts, pools or scenarios");
        refused("{}", "exactly one");
        refused("{'agentCounts': [0, 3]}", "agentCounts[0]", "from 1");
        refused("{'agentCounts': [1.5]}", "agentCounts[0]", "integer");
        refused("{'agentCounts': []}", "agentCounts", "at least one");
        refused("{'agentCount': [1, 2]}", "unknown field 'agentCount'", "did you mean 'agentCounts'?");
        refused("{'pools': {'cor': [1, 2]}}", "pools.cor", "names no pool");
        refused("{'scenarios': [{'name': 'x', 'removeAgent': ['core-1']}]}", "removeAgent");
        refused("{'scenarios': [{'name': 'x', 'removeAgents': ['core-9']}]}", "scenarios[0].removeAgents[0]", "core-9");
        refused("{'scenarios': [{'name': 'x'}]}", "changes nothing");
        refused("{'scenarios': [{'name': 'x', 'pools': {'core': 1}}, {'name': 'x', 'pools': {'core': 2}}]}", "scenarios[1].name");
        refused("{'agentCounts': [1], 'secondsPerScenario': 0}", "secondsPerScenario");
        refused("{'agentCounts': [1,", "malformed JSON");
    }

    @Test
    void refusesAnUnknownPlan() {
        given().contentType("application/json").body("{\"agentCounts\": [1]}")
                .when().post("/api/plans/nope/what-if")
                .then().statusCode(404).contentType("application/problem+json").body("detail", containsString("nope"));
    }

    @Test
    void refusesTooManyRows() {
        var counts = java.util.stream.IntStream.rangeClosed(1, 60).mapToObj(String::valueOf).toList();
        given().contentType("application/json").body("{\"agentCounts\": [" + String.join(",", counts) + "]}")
                .when().post("/api/plans/onex-runtime-registration/what-if")
                .then().statusCode(400).body("detail", containsString("at most 50"))
                .body("status", equalTo(400));
    }
}
