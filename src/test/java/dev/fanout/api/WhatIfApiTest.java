package dev.fanout.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.fanout.TestPlans;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code POST /api/plans/{id}/what-if} in each of its three forms, on plans written here whose every row is worked
 * out by hand (each small enough to be proven optimal at once).
 */
@QuarkusTest
class WhatIfApiTest {

    /**
     * A chain A (4) → B (2) and five tasks of 2: work 16, critical path 6 days. k generalists: 1 → 16; 2 → 8
     * (⌈16 / 2⌉: A, B, one task on one agent, four on the other); 3 and more → 6 (the critical path; ⌈16 / 3⌉ = 6).
     * The knee is 3: the smallest count within 5 % of the best, 6.
     */
    static final String CHAIN = TestPlans.json("""
            {'name': 'chain', 'agents': [{'id': 'x'}, {'id': 'y'}],
             'tasks': [{'id': 'A', 'duration': 4}, {'id': 'B', 'duration': 2, 'dependsOn': ['A']},
                       {'id': 'C', 'duration': 2}, {'id': 'D', 'duration': 2}, {'id': 'E', 'duration': 2},
                       {'id': 'F', 'duration': 2}, {'id': 'G', 'duration': 2}]}
            """);

    /**
     * Four java tasks of 2 for pool core, one ops task of 4 for pool infra: work 12, critical path O1 = 4 days.
     * Core workers: 1 → 8 (all four java tasks in turn); 2 → 4; 3 → 4 (four tasks on three workers take two rounds);
     * 5 → 4 (O1). As planned (core 2, infra 1): 4.
     */
    static final String POOLS = TestPlans.json("""
            {'name': 'pools',
             'pools': [{'id': 'core', 'workers': 2, 'skills': ['java']}, {'id': 'infra', 'workers': 1, 'skills': ['ops']}],
             'tasks': [{'id': 'J1', 'duration': 2, 'skills': ['java']}, {'id': 'J2', 'duration': 2, 'skills': ['java']},
                       {'id': 'J3', 'duration': 2, 'skills': ['java']}, {'id': 'J4', 'duration': 2, 'skills': ['java']},
                       {'id': 'O1', 'duration': 4, 'skills': ['ops']}]}
            """);

    private static JsonNode whatIf(String id, String body) {
        return ApiPlans.tree(given().contentType("application/json").body(TestPlans.json(body))
                .when().post("/api/plans/" + id + "/what-if")
                .then().statusCode(200).contentType("application/json").extract().asString());
    }

    private static <T> List<T> column(JsonNode rows, java.util.function.Function<JsonNode, T> field) {
        var values = new java.util.ArrayList<T>();
        rows.forEach(row -> values.add(field.apply(row)));
        return values;
    }

    private static List<Integer> counts(JsonNode rows) {
        return column(rows, row -> row.get("count").asInt());
    }

    private static List<Double> makespans(JsonNode rows) {
        return column(rows, row -> row.get("makespan").asDouble());
    }

    /**
     * CHAIN again: k generalists cannot finish before max(6, 16 ÷ k), and reach it (see above). So by day 8, 2 agents
     * (1 cannot: 16); by day 7, 3 (2 cannot: 8); by day 20, 1; by day 5, none (the critical path takes 6).
     */
    @Test
    void fewestAgentsForADeadline() {
        var id = ApiPlans.create(CHAIN);
        var byDay8 = whatIf(id, "{'fewestAgents': {'deadline': 8}}");
        assertEquals("fewestAgents", byDay8.get("kind").asText());
        var fewest = byDay8.get("fewestAgents");
        assertEquals(8.0, fewest.get("deadline").asDouble());
        assertEquals(2, fewest.get("agents").asInt());
        assertEquals(8.0, fewest.get("makespan").asDouble());
        assertTrue(fewest.get("oneFewerProvenUnable").asBoolean());
        assertEquals("2 agents finish by 8 days (makespan 8 days); 1 cannot: their lower bound is 16 days, past the deadline.",
                fewest.get("reason").asText());
        assertEquals(List.of(2), counts(byDay8.get("rows")), "the bounds rule 1 out without solving it");
        assertEquals(0, byDay8.get("knees").size());

        var byDay7 = whatIf(id, "{'fewestAgents': {'deadline': 7}}").get("fewestAgents");
        assertEquals(3, byDay7.get("agents").asInt());
        assertEquals("3 agents finish by 7 days (makespan 6 days); 2 cannot: their lower bound is 8 days, past the deadline.",
                byDay7.get("reason").asText());

        var byDay20 = whatIf(id, "{'fewestAgents': {'deadline': 20}}").get("fewestAgents");
        assertEquals(1, byDay20.get("agents").asInt());
        assertEquals("1 agent finishes by 20 days (makespan 16 days).", byDay20.get("reason").asText());

        var byDay5 = whatIf(id, "{'fewestAgents': {'deadline': 5}}");
        assertTrue(byDay5.get("fewestAgents").path("agents").isMissingNode(), "none");
        assertFalse(byDay5.get("fewestAgents").get("oneFewerProvenUnable").asBoolean());
        assertEquals("The critical path takes 6 days, past the deadline (5 days): no number of agents meets it.",
                byDay5.get("fewestAgents").get("reason").asText());
        assertEquals(0, byDay5.get("rows").size());

        var markdown = given().accept("text/markdown").when().get("/api/plans/" + id + "/what-if")
                .then().statusCode(200).extract().asString();
        assertTrue(markdown.contains("**Fewest agents to finish by 5 days: none found.** The critical path takes 6 days"), markdown);
    }

    @Test
    void agentCountSweepWithItsKnee() {
        var result = whatIf(ApiPlans.create(CHAIN), "{'agentCounts': [6, 1, 2, 3, 4]}");
        assertEquals("agentCounts", result.get("kind").asText());
        assertEquals(16.0, result.get("sequential").asDouble(), "4 + 2 + 5 × 2");
        assertEquals(6.0, result.get("criticalPath").asDouble(), "A → B");
        var rows = result.get("rows");
        assertEquals(List.of(1, 2, 3, 4, 6), counts(rows), "sorted by count");
        assertEquals(List.of(1, 2, 3, 4, 6), column(rows, row -> row.get("agents").asInt()));
        assertEquals(List.of("1 agent", "2 agents", "3 agents", "4 agents", "6 agents"), column(rows, row -> row.get("scenario").asText()));
        assertEquals(List.of(16.0, 8.0, 6.0, 6.0, 6.0), makespans(rows));
        assertEquals(makespans(rows), column(rows, row -> row.get("lowerBound").asDouble()), "each row reaches its bound");
        assertEquals(List.of(true, true, true, true, true), column(rows, row -> row.get("optimal").asBoolean()));
        assertEquals(List.of(0.0, 8.0, 10.0, 10.0, 10.0), column(rows, row -> row.get("saved").asDouble()), "16 − makespan");
        assertEquals(List.of(0.0, 50.0, 62.5, 62.5, 62.5), column(rows, row -> row.get("savingsPercent").asDouble()),
                "saved ÷ 16");
        assertEquals(List.of(1.0, 2.0, 2.67, 2.67, 2.67), column(rows, row -> row.get("speedup").asDouble()), "16 ÷ makespan");
        // 16 busy days over k agents × the makespan: 16/16, 16/16, 16/18, 16/24, 16/36.
        assertEquals(List.of(1.0, 1.0, 0.8889, 0.6667, 0.4444), column(rows, row -> row.get("meanUtilization").asDouble()));

        assertEquals(1, result.get("knees").size());
        var knee = result.get("knees").get(0);
        assertEquals("agents", knee.get("series").asText());
        assertEquals(3, knee.get("count").asInt(), "6 is within 5 % of the best (6); 8 is not");
        assertEquals(6.0, knee.get("makespan").asDouble());
        assertEquals(6.0, knee.get("best").asDouble());
        assertEquals("From 3 agents on, adding more shortens the plan by less than 5 %. The critical path bounds the plan: "
                + "A → B takes 6 days, and no number of agents shortens it.", knee.get("reason").asText());
    }

    @Test
    void poolSweepVariesOnePoolOnly() {
        var result = whatIf(ApiPlans.create(POOLS), "{'pools': {'core': [3, 1, 2, 5]}, 'secondsPerScenario': 1}");
        assertEquals("pools", result.get("kind").asText());
        var rows = result.get("rows");
        assertEquals(List.of(1, 2, 3, 5), counts(rows), "sorted by count");
        assertEquals(List.of(2, 3, 4, 6), column(rows, row -> row.get("agents").asInt()), "the infra worker stays");
        assertEquals(List.of("pool core", "pool core", "pool core", "pool core"), column(rows, row -> row.get("series").asText()));
        assertEquals("pool core: 1 worker", rows.get(0).get("scenario").asText());
        assertEquals(List.of(8.0, 4.0, 4.0, 4.0), makespans(rows));
        assertEquals(List.of(true, true, true, true), column(rows, row -> row.get("optimal").asBoolean()));
        assertEquals(1.0, result.get("secondsPerScenario").asDouble());
        var knee = result.get("knees").get(0);
        assertEquals("pool core", knee.get("series").asText());
        assertEquals(2, knee.get("count").asInt(), "4 from 2 workers on");
        assertEquals("From 2 workers in pool core on, adding more shortens the plan by less than 5 %. The critical path "
                + "bounds the plan: O1 takes 4 days, and no number of agents shortens it.", knee.get("reason").asText());
    }

    @Test
    void namedScenariosAreComparedWithThePlanAsItIs() {
        var result = whatIf(ApiPlans.create(POOLS), """
                {'scenarios': [{'name': '+1 core', 'pools': {'core': 3}},
                               {'name': 'no core-2', 'removeAgents': ['core-2']},
                               {'name': 'a reviewer', 'addAgents': [{'id': 'reviewer', 'skills': ['java']}]}]}
                """);
        assertEquals("scenarios", result.get("kind").asText());
        var rows = result.get("rows");
        assertEquals(List.of("as planned", "+1 core", "no core-2", "a reviewer"), column(rows, row -> row.get("scenario").asText()));
        assertEquals(List.of(3, 4, 2, 4), column(rows, row -> row.get("agents").asInt()));
        // As planned and with more java hands: 4 (O1); with one core worker the four java tasks take 8.
        assertEquals(List.of(4.0, 4.0, 8.0, 4.0), makespans(rows));
        assertEquals(List.of(true, true, true, true), column(rows, row -> row.get("optimal").asBoolean()));
        assertEquals(0, result.get("knees").size(), "named scenarios have no knee");
    }

    @Test
    void aScenarioNoAgentCanCarryOutIsReportedNotRefused() {
        var result = whatIf(ApiPlans.create(POOLS), "{'scenarios': [{'name': 'no infra', 'removeAgents': ['infra-1']}]}");
        assertEquals(4.0, result.at("/rows/0/makespan").asDouble(), "as planned");
        var row = result.get("rows").get(1);
        assertEquals("no infra", row.get("scenario").asText());
        assertTrue(row.get("error").asText().startsWith("infeasible:"), row.toString());
        assertTrue(row.get("error").asText().contains("\"O1\""), "names the task only infra-1 could do: " + row);
        assertFalse(row.has("makespan"), row.toString());
    }

    @Test
    void theLastSweepIsStoredAndReadableAgainInEveryFormat() {
        var id = ApiPlans.create(CHAIN);
        var posted = whatIf(id, "{'agentCounts': [1, 2, 4]}");
        assertEquals(posted, ApiPlans.getJson("/api/plans/" + id + "/what-if"));

        var markdown = given().accept("text/markdown").when().get("/api/plans/" + id + "/what-if")
                .then().statusCode(200).contentType(containsString("text/markdown")).extract().asString();
        // 4 agents: makespan 6 = bound, proven; saves 16 − 6 = 10, 62.5 %, 16 ÷ 6 = 2.67×, 16 over 4 × 6 = 66.7 % busy.
        assertTrue(markdown.contains("| 4 agents | 4 | 6 | 6 | yes | 10 | 62.5 % | 2.67× | 66.7 % |"), markdown);
        assertTrue(markdown.contains("**Knee of agents: 4** (6 days; the best of the sweep is 6). "), markdown);
        assertTrue(markdown.contains("```mermaid\nxychart-beta"), markdown);
        assertTrue(markdown.contains("    x-axis \"agents\" [1, 2, 4]\n"), markdown);
        assertTrue(markdown.contains("    line [16, 8, 6]\n"), markdown);

        var csv = given().accept("text/csv").when().get("/api/plans/" + id + "/what-if")
                .then().statusCode(200).extract().asString().strip().split("\n");
        assertEquals("scenario,series,count,agents,makespan,lower_bound,optimal,saved,savings_percent,speedup,mean_utilization,time_unit,note,error",
                csv[0]);
        assertEquals(4, csv.length);
        assertEquals("1 agent,agents,1,1,16,16,true,0,0,1,1.0,days,,", csv[1]);
        assertEquals("2 agents,agents,2,2,8,8,true,8,50,2,1.0,days,,", csv[2]);
    }

    @Test
    void noSweepYetIsNotFound() {
        var id = given().contentType("application/json").body(TestPlans.json(TestPlans.SMALL))
                .when().post("/api/plans").then().statusCode(201).extract().path("id");
        given().when().get("/api/plans/" + id + "/what-if").then().statusCode(404).contentType("application/problem+json");
    }

    // --- Refusals ---------------------------------------------------------------------------------------------------

    @Test
    void aRefusedFormatRunsNoSweepAndStoresNothing() {
        var id = ApiPlans.create(POOLS);
        given().contentType("application/json").body("{\"agentCounts\": [1, 2]}")
                .when().post("/api/plans/" + id + "/what-if?format=pdf")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("format = pdf"));
        given().when().get("/api/plans/" + id + "/what-if").then().statusCode(404);
    }

    private static void refused(String id, String body, String... detailParts) {
        var response = given().contentType("application/json").body(TestPlans.json(body))
                .when().post("/api/plans/" + id + "/what-if")
                .then().statusCode(400).contentType("application/problem+json");
        for (var part : detailParts) {
            response.body("detail", containsString(part));
        }
    }

    @Test
    void refusesBadRequests() {
        var id = ApiPlans.create(POOLS);
        refused(id, "{'agentCounts': [1, 2], 'pools': {'core': [1]}}", "exactly one of agentCounts, pools, scenarios, maxConcurrent or fewestAgents");
        refused(id, "{}", "exactly one");
        refused(id, "{'agentCounts': [0, 3]}", "agentCounts[0]", "from 1");
        refused(id, "{'agentCounts': [1.5]}", "agentCounts[0]", "integer");
        refused(id, "{'agentCounts': []}", "agentCounts", "at least one");
        refused(id, "{'agentCount': [1, 2]}", "unknown field 'agentCount'", "did you mean 'agentCounts'?");
        refused(id, "{'pools': {'cor': [1, 2]}}", "pools.cor", "names no pool");
        refused(id, "{'scenarios': [{'name': 'x', 'removeAgent': ['core-1']}]}", "removeAgent");
        refused(id, "{'scenarios': [{'name': 'x', 'removeAgents': ['core-9']}]}", "scenarios[0].removeAgents[0]", "core-9");
        refused(id, "{'scenarios': [{'name': 'x'}]}", "changes nothing");
        refused(id, "{'scenarios': [{'name': 'x', 'pools': {'core': 1}}, {'name': 'x', 'pools': {'core': 2}}]}", "scenarios[1].name");
        refused(id, "{'agentCounts': [1], 'secondsPerScenario': 0}", "secondsPerScenario");
        refused(id, "{'agentCounts': [1,", "malformed JSON");
        refused(id, "{'fewestAgents': {'deadline': 0}}", "fewestAgents.deadline", "above 0");
        refused(id, "{'fewestAgents': {}}", "fewestAgents.deadline");
        refused(id, "{'fewestAgents': {'deadline': 5}, 'agentCounts': [1]}", "exactly one");
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
                .when().post("/api/plans/" + ApiPlans.create(POOLS) + "/what-if")
                .then().statusCode(400).body("detail", containsString("at most 50"))
                .body("status", equalTo(400));
    }
}
