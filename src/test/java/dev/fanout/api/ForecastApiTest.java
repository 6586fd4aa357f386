package dev.fanout.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.fanout.TestPlans;
import io.quarkus.test.junit.QuarkusTest;

/**
 * CONTRACT §7 through the API: ranged durations scheduled on their PERT means (checked by the independent checker),
 * the forecast in the report's JSON, Markdown and CSV, the author's range claim graded against the forecast of the
 * author's waves, and bad ranges refused naming the bound.
 */
@QuarkusTest
class ForecastApiTest {

    /**
     * A and B (ranges, means 3 and 2) side by side, then C (fixed 4) after A; two agents. Optimized: A and B at once,
     * C from A's end: 7 weeks on the means. The author's waves ([A], [B, C]) end with A + 4 in every run too, as B
     * (at most 3) never outlasts C; the claim "7 to 8 weeks" is about them.
     */
    static final String PLAN = TestPlans.json("""
            {'name': 'ranged', 'timeUnit': 'weeks', 'deadline': 7.5,
             'agents': [{'id': 'x'}, {'id': 'y'}],
             'waves': [['A'], ['B', 'C']],
             'claims': [{'metric': 'parallel', 'min': 7, 'max': 8, 'source': 'roadmap: 7-8 weeks'}],
             'tasks': [{'id': 'A', 'duration': {'min': 2, 'likely': 3, 'max': 4}},
                       {'id': 'B', 'duration': {'min': 1, 'max': 3}},
                       {'id': 'C', 'duration': 4, 'dependsOn': ['A']}]}
            """);

    @Test
    void theReportForecastsEveryStrategy() {
        var answer = ApiPlans.solveOnce(PLAN);
        assertEquals(7.0, answer.at("/schedule/makespan").asDouble(), "on the PERT means");
        var forecast = answer.at("/report/forecast");
        assertEquals(10_000, forecast.get("runs").asInt());
        assertEquals(2, forecast.get("ranged").asInt());
        double p50 = forecast.get("p50").asDouble();
        assertTrue(p50 > 6.9 && p50 < 7.1, "A (symmetric, 2–4) then C (4): P50 near 7, got " + p50);
        assertTrue(forecast.get("p80").asDouble() >= p50 && forecast.get("p95").asDouble() >= forecast.get("p80").asDouble());
        double onTime = forecast.get("onTime").asDouble();
        assertTrue(onTime > 0.8 && onTime < 1, "P(A ≤ 3.5) for Beta(3, 3) on [2, 4] is 0.896: " + onTime);
        assertEquals(1.0, forecast.at("/criticality/A").asDouble(), "A → C ends last in every run");
        assertEquals(1.0, forecast.at("/criticality/C").asDouble());
        assertEquals(0.0, forecast.at("/criticality/B").asDouble(), "B (at most 3) never outlasts A then C");
        int runs = 0;
        for (var count : forecast.at("/histogram/counts")) {
            runs += count.asInt();
        }
        assertEquals(10_000, runs);
        assertEquals(9.0, forecast.at("/strategies/sequential/mean").asDouble(), 0.05, "3 + 2 + 4");
        assertEquals(p50, forecast.at("/strategies/waves/p50").asDouble(),
                "the same durations in each run: wave 2 waits for A, and B (at most 3) never outlasts C (4)");
        assertTrue(forecast.has("strategies") && forecast.at("/strategies/tiers").has("p95"));

        var claim = answer.at("/report/claims/0");
        assertEquals("waves", claim.get("computedFrom").asText());
        assertEquals(forecast.at("/strategies/waves/p50").asDouble(), claim.get("computed").asDouble());
        assertEquals("holds", claim.get("verdict").asText(), claim.toString());
        assertTrue(claim.get("byClaimedMax").asDouble() > 0.5, claim.toString());
        assertTrue(claim.get("remark").asText().contains("at P50"), claim.toString());
    }

    @Test
    void theSamePlanGivesTheSameForecast() {
        var first = ApiPlans.solveOnce(PLAN).at("/report/forecast");
        var second = ApiPlans.solveOnce(PLAN).at("/report/forecast");
        assertEquals(first, second);
    }

    @Test
    void markdownAndCsvCarryThePercentiles() {
        var id = ApiPlans.createSolvedOptimal(PLAN);
        var forecast = ApiPlans.getJson("/api/plans/" + id + "/report").get("forecast");
        var markdown = given().accept("text/markdown").when().get("/api/plans/" + id + "/report")
                .then().statusCode(200).extract().asString();
        assertTrue(markdown.contains("## Forecast"), markdown);
        assertTrue(markdown.contains("| **Optimized (Fanout)** | %s | %s | %s |".formatted(text(forecast.get("p50").asDouble()),
                text(forecast.get("p80").asDouble()), text(forecast.get("p95").asDouble()))), markdown);
        var csv = given().accept("text/csv").when().get("/api/plans/" + id + "/report")
                .then().statusCode(200).extract().asString().strip().split("\n");
        assertEquals("strategy,makespan,time_unit,optimized_saves,saving_percent,speedup,p50,p80,p95", csv[0]);
        assertTrue(csv[4].startsWith("optimized,7,weeks,0,0,1," + text(forecast.get("p50").asDouble()) + ","), csv[4]);
        ApiPlans.delete(id);
    }

    @Test
    void aBadRangeIsRefusedNamingTheBound() {
        given().contentType("application/json").body(PLAN.replace("\"min\": 1, \"max\": 3", "\"min\": 3, \"max\": 1"))
                .when().post("/api/solve")
                .then().statusCode(400).contentType("application/problem+json")
                .body(containsString("tasks[1].duration.min"));
        given().contentType("application/json").body(PLAN.replace("\"min\": 1, \"max\": 3", "\"min\": 1, \"most\": 2"))
                .when().post("/api/solve")
                .then().statusCode(400).contentType("application/problem+json")
                .body(containsString("tasks[1].duration"), containsString("most"));
    }

    private static String text(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    @Test
    void aPlanWithoutRangesSaysOneRunIsEnough() {
        var answer = ApiPlans.solveOnce(CapacityApiTest.PLAN);
        var forecast = answer.at("/report/forecast");
        assertEquals(1, forecast.get("runs").asInt());
        assertEquals(answer.at("/schedule/makespan").asDouble(), forecast.get("p95").asDouble());
        assertTrue(forecast.get("note").asText().contains("one run"), forecast.toString());
        assertFalse(forecast.has("onTime"), "no deadline");
    }
}
