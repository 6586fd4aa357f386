package dev.fanout.api;

import static dev.fanout.api.ApiPlans.element;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.fanout.IndependentCheck;
import dev.fanout.TestPlans;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code POST /api/solve}: small plans written here, each with its figures worked out by hand, in; a schedule an
 * independent check accepts, proven optimal, and a report with those figures out.
 */
@QuarkusTest
class SolveApiTest {

    /**
     * A plan and its figures by hand. {@code waves} is null when the plan has none; {@code bottleneck} is the report's
     * bottleneck kind.
     */
    record Case(String name, String plan, String timeUnit, double sequential, double criticalPath, double makespan,
            double tiers, Double waves, String bottleneck) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> plans() {
        return Stream.of(
                // One agent does everything in turn: 2 + 3 + 1 = 6, against a critical path of A → B = 5.
                // Tiers: {A, C} 0–3, {B} 3–6. Waves: {A} 0–2, {B, C} 2–6.
                new Case("one agent", TestPlans.json("""
                        {'name': 'one agent', 'agents': [{'id': 'solo'}],
                         'tasks': [{'id': 'A', 'duration': 2}, {'id': 'B', 'duration': 3, 'dependsOn': ['A']},
                                   {'id': 'C', 'duration': 1}],
                         'waves': [['A'], ['B', 'C']]}
                        """), "days", 6, 5, 6, 6, 6.0, "work"),
                // TestPlans.SMALL: critical path A (2) → C (3) → M (0) → E (1.5) = 6.5; work 2 + 1 + 3 + 2.5 + 1.5 + 1 = 11.
                // Tiers {A, B, D} 0–2.5, {C, F} 2.5–5.5, {M} at 5.5, {E} 5.5–7; waves {A, B, D} 0–2.5, {C, F, M} 2.5–5.5, {E} 5.5–7.
                new Case("small", TestPlans.json(TestPlans.SMALL), "days", 11, 6.5, 6.5, 7, 7.0, "criticalPath"),
                // Four independent tasks on two agents: 3 + 2 each, the work bound ⌈10 / 2⌉ = 5; the same in one tier.
                new Case("work-bound", TestPlans.json("""
                        {'name': 'work-bound', 'timeUnit': 'hours', 'agents': [{'id': 'a'}, {'id': 'b'}],
                         'tasks': [{'id': 'T1', 'duration': 3}, {'id': 'T2', 'duration': 3},
                                   {'id': 'T3', 'duration': 2}, {'id': 'T4', 'duration': 2}]}
                        """), "hours", 10, 3, 5, 5, null, "work"),
                // Only ios can do S1–S3: 3 × 1.5 = 4.5 weeks, more than the critical path (J1, 3). dev does J1 0–3, then J2
                // (after S1, which ios does first). Sequential 4.5 + 3 + 1 = 8.5. Tiers: {S1, S2, S3, J1} 0–4.5, {J2} 4.5–5.5.
                new Case("specialist", TestPlans.json("""
                        {'name': 'specialist', 'timeUnit': 'weeks',
                         'agents': [{'id': 'ios', 'skills': {'swift': 2}}, {'id': 'dev', 'skills': {'java': 1}}],
                         'tasks': [{'id': 'S1', 'duration': 1.5, 'skills': {'swift': 1}},
                                   {'id': 'S2', 'duration': 1.5, 'skills': {'swift': 1}},
                                   {'id': 'S3', 'duration': 1.5, 'skills': {'swift': 1}},
                                   {'id': 'J1', 'duration': 3, 'skills': ['java']},
                                   {'id': 'J2', 'duration': 1, 'skills': ['java'], 'dependsOn': ['S1']}]}
                        """), "weeks", 8.5, 3, 4.5, 5.5, null, "agentSet"));
    }

    @ParameterizedTest
    @MethodSource("plans")
    void solvesToAValidProvenOptimalScheduleWithTheFiguresByHand(Case expected) {
        var answer = ApiPlans.solveOnce(expected.plan());
        var schedule = answer.get("schedule");
        var report = answer.get("report");
        assertTrue(schedule.get("feasible").asBoolean());
        assertTrue(schedule.get("optimal").asBoolean(), "small enough to be proven optimal: " + schedule);
        assertEquals(expected.makespan(), schedule.get("makespan").asDouble(), 1e-9);
        assertEquals(expected.makespan(), schedule.get("lowerBound").asDouble(), 1e-9, "optimal: the bound is reached");

        assertEquals(expected.timeUnit(), report.get("timeUnit").asText());
        assertEquals(expected.sequential(), report.at("/sequential/makespan").asDouble(), 1e-9, "the sum of durations");
        assertEquals(expected.criticalPath(), report.at("/criticalPath/length").asDouble(), 1e-9, "the longest chain");
        assertEquals(expected.makespan(), report.get("lowerBound").asDouble(), 1e-9);
        assertEquals(expected.makespan(), report.at("/optimized/makespan").asDouble(), 1e-9);
        assertTrue(report.at("/optimized/optimal").asBoolean());
        assertEquals(expected.tiers(), report.at("/tiers/makespan").asDouble(), 1e-9);
        assertEquals(expected.bottleneck(), report.at("/bottleneck/kind").asText());
        var savings = report.get("savings");
        assertSaving(element(savings, "against", "sequential"), expected.sequential(), expected.makespan());
        assertSaving(element(savings, "against", "tiers"), expected.tiers(), expected.makespan());
        // The plans with waves (a choice of this test's data, not of the answer) are graded against them too.
        if (expected.waves() == null) {
            assertFalse(report.has("waves"), "no waves in the plan, none in the report");
            assertEquals(2, savings.size(), savings.toString());
        } else {
            assertEquals(expected.waves(), report.at("/waves/makespan").asDouble(), 1e-9);
            assertSaving(element(savings, "against", "waves"), expected.waves(), expected.makespan());
            assertEquals(3, savings.size(), savings.toString());
        }
    }

    /** Saved = other − optimized; percent of the other, to 0.1; speed-up other ÷ optimized, to 0.01. */
    private static void assertSaving(JsonNode saving, double other, double makespan) {
        assertEquals(other, saving.get("makespan").asDouble(), 1e-9);
        assertEquals(other - makespan, saving.get("saved").asDouble(), 1e-9);
        assertEquals(Math.round((other - makespan) / other * 1000) / 10.0, saving.get("percent").asDouble(), 1e-9);
        assertEquals(Math.round(other / makespan * 100) / 100.0, saving.get("speedup").asDouble(), 1e-9);
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
        var sameAsJson = ApiPlans.tree(TestPlans.json("""
                {'name': 'yaml', 'agents': [{'id': 'solo'}],
                 'tasks': [{'id': 'A', 'duration': 2}, {'id': 'B', 'duration': 1, 'dependsOn': ['A']}]}
                """));
        var answer = ApiPlans.solveOnce(yaml.getBytes(StandardCharsets.UTF_8), "application/yaml", sameAsJson);
        assertEquals(3.0, answer.at("/schedule/makespan").asDouble(), "A 0–2, then B 2–3");
        assertEquals(3.0, answer.at("/report/sequential/makespan").asDouble(), "2 + 1");
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
            var answer = ApiPlans.JSON.readTree(request.when().post("/api/solve?seconds=5")
                    .then().statusCode(200).extract().asString());
            var plan = ApiPlans.JSON.readTree(dev.fanout.plan.PlanReader.json().writeValueAsString(
                    dev.fanout.formats.ImopseReader.read(definition, null)));
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

    /** A (3 weeks) then B (2 weeks) on one agent: 5 weeks, the critical path. */
    private static String chainWithDeadline(String deadline) {
        return TestPlans.json("""
                {'name': 'deadline', 'timeUnit': 'weeks', %s
                 'agents': [{'id': 'a'}],
                 'tasks': [{'id': 'A', 'duration': 3}, {'id': 'B', 'duration': 2, 'dependsOn': ['A']}]}""".formatted(deadline));
    }

    @Test
    void theReportSaysWhetherTheDeadlineIsMet() {
        var met = ApiPlans.solveOnce(chainWithDeadline("'deadline': 6,")).at("/report/deadline");
        assertEquals(6.0, met.get("at").asDouble());
        assertTrue(met.get("met").asBoolean(), "5 weeks, before week 6");
        assertEquals(1.0, met.get("margin").asDouble(), "6 − 5");
        assertFalse(met.get("provenMissed").asBoolean());

        var missed = ApiPlans.solveOnce(chainWithDeadline("'deadline': 4.5,")).at("/report/deadline");
        assertFalse(missed.get("met").asBoolean());
        assertEquals(-0.5, missed.get("margin").asDouble(), "4.5 − 5");
        assertTrue(missed.get("provenMissed").asBoolean(), "the critical path, 5 weeks, is past week 4.5");

        assertTrue(ApiPlans.solveOnce(chainWithDeadline("")).at("/report/deadline").isMissingNode(),
                "no deadline in the plan, none in the report");
        given().contentType("application/json").body(chainWithDeadline("'deadline': 0,"))
                .when().post("/api/solve")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("deadline"))
                .body("errors[0].value", equalTo("0"));
    }

    @Test
    void refusesAnUnsupportedContentType() {
        given().contentType("application/xml").body("<plan/>")
                .when().post("/api/solve")
                .then().statusCode(415).contentType("application/problem+json")
                .body("detail", containsString("application/xml"))
                .body("detail", containsString("yaml as application/yaml"));
    }

    @Test
    void refusesAnUnknownFormatListingTheKnownOnes() {
        given().contentType("application/json").body("{}")
                .when().post("/api/solve?format=pdf")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Invalid parameter"))
                .body("detail", containsString("format = pdf: must be one of json, yaml, imopse"));
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
