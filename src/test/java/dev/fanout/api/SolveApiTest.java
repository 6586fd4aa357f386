package dev.fanout.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.fanout.IndependentCheck;
import dev.fanout.TestPlans;
import io.quarkus.test.junit.QuarkusTest;

/** {@code POST /api/solve}: every seed plan in, a schedule an independent check accepts and a report out. */
@QuarkusTest
class SolveApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> seedPlans() {
        return TestPlans.seedFiles().stream();
    }

    @ParameterizedTest
    @MethodSource("seedPlans")
    void solvesEverySeedPlanToAValidProvenOptimalSchedule(Path file) throws Exception {
        var planText = TestPlans.read(file);
        var plan = JSON.readTree(planText);
        var body = given().contentType("application/json").body(planText)
                .when().post("/api/solve?seconds=10")
                .then().statusCode(200).contentType("application/json")
                .extract().asString();
        var answer = JSON.readTree(body);
        var schedule = answer.get("schedule");
        var report = answer.get("report");

        var check = new IndependentCheck(plan);
        double makespan = check.assertValid(schedule);
        assertEquals("SOLVED", schedule.get("status").asText());
        assertTrue(schedule.get("feasible").asBoolean());

        assertEquals(check.sequential(), report.at("/sequential/makespan").asDouble(), 1e-9, "sequential = sum of durations");
        assertEquals(check.criticalPath(), report.at("/criticalPath/length").asDouble(), 1e-9, "the longest dependency chain");
        double lowerBound = schedule.get("lowerBound").asDouble();
        assertEquals(lowerBound, report.get("lowerBound").asDouble(), 1e-9);
        assertTrue(lowerBound >= check.criticalPath() - 1e-9 && lowerBound <= makespan + 1e-9,
                "critical path ≤ lower bound ≤ makespan");
        assertEquals(makespan, report.at("/optimized/makespan").asDouble(), 1e-9);
        assertTrue(makespan <= report.at("/sequential/makespan").asDouble() + 1e-9);
        assertTrue(makespan <= report.at("/tiers/makespan").asDouble() + 1e-9);
        if (plan.has("waves")) {
            assertEquals(plan.get("waves").size(), report.at("/waves/count").asInt(), "every author's wave is graded");
            assertTrue(makespan <= report.at("/waves/makespan").asDouble() + 1e-9);
        }
        assertTrue(schedule.get("optimal").asBoolean(), file + " is proven optimal: makespan " + makespan
                + ", lower bound " + lowerBound);
        assertSavingsAgainst(report, "sequential", makespan);
    }

    private static void assertSavingsAgainst(JsonNode report, String strategy, double makespan) {
        for (var saving : report.get("savings")) {
            if (saving.get("against").asText().equals(strategy)) {
                double other = saving.get("makespan").asDouble();
                assertEquals(other - makespan, saving.get("saved").asDouble(), 1e-9);
                assertEquals(Math.round((other - makespan) / other * 1000) / 10.0, saving.get("percent").asDouble(), 1e-9);
                assertEquals(Math.round(other / makespan * 100) / 100.0, saving.get("speedup").asDouble(), 1e-9);
                return;
            }
        }
        throw new AssertionError("no saving against " + strategy);
    }

    @Test
    void acceptsYaml() {
        var yaml = """
                name: yaml
                agents: [{id: solo}]
                tasks:
                  - {id: A, duration: 2}
                  - {id: B, duration: 1, dependsOn: [A]}
                """;
        given().contentType("application/yaml").body(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/solve")
                .then().statusCode(200)
                .body("schedule.makespan", equalTo(3.0f))
                .body("report.sequential.makespan", equalTo(3.0f));
    }

    @Test
    void acceptsAnImopseDefinitionAsPlainText() throws Exception {
        byte[] definition;
        try (var in = SolveApiTest.class.getResourceAsStream("/imopse/100_5_20_9_D3.def")) {
            definition = in.readAllBytes();
        }
        for (var request : new io.restassured.specification.RequestSpecification[] {
                given().contentType("text/plain").body(definition),
                given().contentType("application/octet-stream").queryParam("format", "imopse").body(definition) }) {
            var answer = JSON.readTree(request.when().post("/api/solve?seconds=5")
                    .then().statusCode(200).extract().asString());
            var plan = JSON.readTree(dev.fanout.plan.PlanReader.json().writeValueAsString(
                    dev.fanout.plan.ImopseReader.read(definition, null)));
            double makespan = new IndependentCheck(plan).assertValid(answer.get("schedule"));
            assertEquals("hours", answer.at("/report/timeUnit").asText());
            assertTrue(makespan <= 392, "no worse than the public reference schedule (392): " + makespan);
            assertTrue(makespan >= 387, "the lower bound is 387");
        }
    }

    // --- Refusals: 400 application/problem+json naming the field and value ----------------------------------------

    private static void refused(String body, String... detailParts) {
        var response = given().contentType("application/json").body(body)
                .when().post("/api/solve")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Invalid plan"));
        for (var part : detailParts) {
            response.body("detail", containsString(part));
        }
    }

    @Test
    void refusesACycleNamingIt() {
        refused(TestPlans.json("""
                {'name': 'p', 'agents': [{'id': 'a'}],
                 'tasks': [{'id': 'A', 'duration': 1, 'dependsOn': ['B']}, {'id': 'B', 'duration': 1, 'dependsOn': ['A']}]}
                """), "A → B → A", "cycle");
    }

    @Test
    void refusesAnUnknownField() {
        refused(TestPlans.json("{'name': 'p', 'agents': [{'id': 'a'}], 'tasks': [{'id': 'A', 'duraton': 1}]}"),
                "tasks[0].duraton", "unknown field 'duraton'", "did you mean 'duration'?");
    }

    @Test
    void refusesATaskNoAgentCanDo() {
        refused(TestPlans.json("""
                {'name': 'p', 'agents': [{'id': 'a', 'skills': {'python': 1}}],
                 'tasks': [{'id': 'Swift UI', 'duration': 1, 'skills': {'swift': 1}}]}
                """), "tasks[0]", "\"Swift UI\"", "swift ≥ 1");
    }

    @Test
    void refusesADanglingDependency() {
        refused(TestPlans.json("{'name': 'p', 'agents': [{'id': 'a'}], 'tasks': [{'id': 'A', 'duration': 1, 'dependsOn': ['Z']}]}"),
                "tasks[0].dependsOn[0]", "\"Z\"", "names no task");
    }

    @Test
    void refusesANegativeDuration() {
        refused(TestPlans.json("{'name': 'p', 'agents': [{'id': 'a'}], 'tasks': [{'id': 'A', 'duration': -3}]}"),
                "tasks[0].duration", "-3", "≥ 0");
    }

    @Test
    void refusesMalformedJson() {
        refused("{\"name\": \"p\", \"tasks\": [{\"id\": \"A\", \"duration\": 1,]}", "malformed JSON");
    }

    @Test
    void listsEveryViolationInErrors() {
        given().contentType("application/json")
                .body(TestPlans.json("{'name': '', 'agents': [{'id': 'a'}], 'tasks': [{'id': 'A', 'duration': -1}]}"))
                .when().post("/api/solve")
                .then().statusCode(400)
                .body("errors.size()", equalTo(2))
                .body("errors[0].field", equalTo("name"))
                .body("errors[1].field", equalTo("tasks[0].duration"))
                .body("errors[1].value", equalTo("-1"));
    }

    @Test
    void refusesAnUnsupportedContentType() {
        given().contentType("application/xml").body("<plan/>")
                .when().post("/api/solve")
                .then().statusCode(415).contentType("application/problem+json")
                .body("detail", containsString("application/xml"));
    }

    @Test
    void refusesABadTimeLimit() {
        for (var seconds : new String[] { "abc", "0", "-1", "100000", "NaN" }) {
            given().contentType("application/json")
                    .body(TestPlans.json("{'name': 'p', 'agents': [{'id': 'a'}], 'tasks': [{'id': 'A', 'duration': 1}]}"))
                    .when().post("/api/solve?seconds=" + seconds)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("seconds = " + seconds));
        }
    }

    @Test
    void unknownRoutesAndMethodsAreProblemsToo() {
        given().when().get("/api/nowhere").then().statusCode(404).contentType("application/problem+json");
        given().when().put("/api/solve").then().statusCode(405).contentType("application/problem+json");
    }
}
