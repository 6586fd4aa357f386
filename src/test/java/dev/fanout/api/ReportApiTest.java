package dev.fanout.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/** The report of a seed plan that carries its author's claims: every section, the right numbers. */
@QuarkusTest
class ReportApiTest {

    private static final String PLAN = "mahavishnu-task-orchestration";
    private static final ObjectMapper JSON = new ObjectMapper();

    // Not @BeforeAll: a static method may run before Quarkus has started the application for this test class.
    @BeforeEach
    void seedIsSolved() {
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> "SOLVED".equals(given().when()
                .get("/api/plans/" + PLAN + "/schedule").then().extract().path("status")));
    }

    private static JsonNode report() throws Exception {
        return JSON.readTree(given().when().get("/api/plans/" + PLAN + "/report").then().statusCode(200).extract().asString());
    }

    @Test
    void markdownCarriesEverySection() {
        var markdown = given().accept("text/markdown").when().get("/api/plans/" + PLAN + "/report")
                .then().statusCode(200).extract().asString();
        for (var section : new String[] { "## Timeline summary", "## What bounds the plan", "## Claimed vs computed",
                "## The author's waves, run as written", "## Dependency tiers", "## Critical path", "## Agents",
                "## Why each task starts when it does", "## Schedule" }) {
            assertTrue(markdown.contains("\n" + section + "\n"), "missing " + section);
        }
        assertTrue(markdown.contains("| Sequential (one agent) | 50 | 30 | 60 % | 2.5× |"), markdown);
        assertTrue(markdown.contains("| Lower bound (critical path) | 20 |"), markdown);
        assertTrue(markdown.contains("| Parallel duration | 18–22 weeks | 20 weeks | holds |"), markdown);
        assertTrue(markdown.contains("| Pool | Agents | Tasks | Busy (weeks) | Utilization |"), markdown);
        assertTrue(markdown.contains("| session-buddy | 1 | 1 | 2 | 10 % |"), markdown);
        assertTrue(markdown.contains("```mermaid\ngantt\n"), markdown);
        assertTrue(markdown.contains("    section native-1\n    swiftui SwiftUI app (swift-expert) :crit, "), markdown);
        assertTrue(markdown.contains("    section Milestones\n"), markdown);
    }

    @Test
    void claimsAreSetAgainstComputedFiguresPolitelyWithNumbers() throws Exception {
        var claims = report().get("claims");
        assertEquals(5, claims.size());
        var sequential = claims.get(0);
        assertEquals("differs", sequential.get("verdict").asText());
        assertEquals(50.0, sequential.get("computed").asDouble());
        assertEquals("The task durations add up to 50 weeks, which is what one agent doing every task needs; the claim says 26–32 weeks.",
                sequential.get("remark").asText());
        var parallel = claims.get(1);
        assertEquals("holds", parallel.get("verdict").asText());
        assertEquals("waves", parallel.get("computedFrom").asText());
        var savings = claims.get(2);
        assertEquals("conservative", savings.get("verdict").asText(), "60 % saved, more than the claimed 30–40 %");
        assertEquals(60.0, savings.get("computed").asDouble());
        var utilization = claims.get(4);
        assertEquals("optimistic", utilization.get("verdict").asText());
        assertEquals(41.7, utilization.get("computed").asDouble(), "50 busy weeks over 6 agents × 20 weeks");
    }

    @Test
    void everyTaskSaysWhyItStartsWhenItDoes() throws Exception {
        var report = report();
        var waits = report.get("waits");
        assertEquals(report.get("tasks").asInt(), waits.size());
        for (var wait : waits) {
            if (wait.get("task").asText().equals("task-crud")) {
                assertEquals("dependency", wait.get("reason").asText());
                assertTrue(wait.get("on").asText().equals("nlp-parser") || wait.get("on").asText().equals("pg-schema"));
                assertEquals(2.0, wait.get("until").asDouble());
                assertTrue(wait.get("explanation").asText().startsWith("task-crud waits for its dependency "));
                assertTrue(wait.get("explanation").asText().endsWith(", which ends at week 2."));
            }
            if (wait.get("task").asText().equals("nlp-parser")) {
                assertEquals("free", wait.get("reason").asText());
            }
        }
        var bottleneck = report.get("bottleneck");
        assertEquals("criticalPath", bottleneck.get("kind").asText());
        assertTrue(bottleneck.get("summary").asText().startsWith("The critical path bounds the plan:"));
        var chain = bottleneck.get("chain");
        assertEquals(0.0, chain.get(0).get("start").asDouble());
        assertEquals(20.0, chain.get(chain.size() - 1).get("end").asDouble(), "the chain ends with the last task");
    }

    @Test
    void perAgentAndPerPoolLoads() throws Exception {
        var report = report();
        double busy = 0;
        for (var load : report.get("agentLoads")) {
            busy += load.get("busy").asDouble();
            assertEquals(load.get("busy").asDouble() / 20.0, load.get("utilization").asDouble(), 1e-4);
        }
        assertEquals(50.0, busy, 1e-9, "all the work is done by someone");
        var pools = report.get("poolLoads");
        assertEquals(4, pools.size());
        assertEquals("mahavishnu", pools.get(0).get("pool").asText());
        assertEquals(3, pools.get(0).get("agents").asInt());
    }

    @Test
    void assignmentsAndAgentsAsCsv() {
        var lines = given().accept("text/csv").when().get("/api/plans/" + PLAN + "/report?table=assignments")
                .then().statusCode(200).extract().asString().strip().split("\n");
        assertEquals("task,agent,start,end,time_unit,critical,starts_when,waits_for,until", lines[0]);
        assertEquals(30, lines.length, "a header and the 29 tasks");
        assertTrue(lines[1].startsWith("nlp-parser,mahavishnu-"), lines[1]);
        assertTrue(lines[1].endsWith(",0,2,weeks,true,free,,"), lines[1]);
        var agents = given().accept("text/csv").when().get("/api/plans/" + PLAN + "/report?table=agents")
                .then().statusCode(200).extract().asString().strip().split("\n");
        assertEquals("agent,pool,tasks,busy,time_unit,utilization", agents[0]);
        assertEquals(7, agents.length);
        given().accept("text/csv").when().get("/api/plans/" + PLAN + "/report?table=gantt").then().statusCode(400);
    }
}
