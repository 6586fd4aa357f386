package dev.fanout.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dev.fanout.IndependentCheck;
import dev.fanout.RandomPlans;
import dev.fanout.TestPlans;
import io.quarkus.test.junit.QuarkusTest;

/**
 * CONTRACT §6 through the API: a plan some weeks in, with done, started and pinned work, solved from now to a schedule
 * the independent checker accepts, every figure of the work that remains worked out by hand; random plans with
 * progress (and areas, resources, caps, windows, speeds) checked the same way; bad progress refused naming the field.
 */
@QuarkusTest
class ProgressApiTest {

    /**
     * Six weeks in: P8 (12) is done; P14 (4) is 60 % done on dev-2, so it takes 1.6 more (6 → 7.6); P15 (15) waits for
     * it and is pinned to dev-1 (7.6 → 22.6); Q (2) and R (3, after P8) fit beside it. The chain P14 → P15 from now is
     * 16.6, so nothing ends before 22.6: the schedule is proven optimal. One by one, the work left takes 1.6 + 15 + 2 + 3
     * = 21.6, so sequential ends at 27.6.
     */
    static final String PLAN = TestPlans.json("""
            {'name': 'six weeks in', 'timeUnit': 'weeks', 'now': 6,
             'pools': [{'id': 'dev', 'workers': 2}],
             'tasks': [{'id': 'P8', 'duration': 12, 'status': 'done'},
                       {'id': 'P14', 'duration': 4, 'status': 'started', 'progress': 0.6, 'agent': 'dev-2', 'dependsOn': ['P8']},
                       {'id': 'P15', 'duration': 15, 'agent': 'dev-1', 'dependsOn': ['P14']},
                       {'id': 'Q', 'duration': 2},
                       {'id': 'R', 'duration': 3, 'dependsOn': ['P8']}]}
            """);

    @Test
    void solvesTheWorkThatRemainsFromNow() {
        var answer = ApiPlans.solveOnce(PLAN);
        var schedule = answer.get("schedule");
        assertEquals(22.6, schedule.get("makespan").asDouble(), 1e-9);
        assertEquals(22.6, schedule.get("lowerBound").asDouble(), 1e-9, "now + the chain P14 → P15 that remains");
        assertTrue(schedule.get("optimal").asBoolean());
        var started = ApiPlans.element(schedule.get("assignments"), "task", "P14");
        assertEquals("started", started.get("status").asText());
        assertEquals("dev-2", started.get("agent").asText());
        assertEquals(6.0, started.get("start").asDouble());
        assertEquals(7.6, started.get("end").asDouble(), 1e-9);
        var done = ApiPlans.element(schedule.get("assignments"), "task", "P8");
        assertEquals("done", done.get("status").asText());
        assertTrue(done.get("end").asDouble() <= 6.0);
        assertEquals("planned", ApiPlans.element(schedule.get("assignments"), "task", "Q").get("status").asText());

        var report = answer.get("report");
        assertEquals(6.0, report.get("now").asDouble());
        assertEquals(16.6, report.get("remaining").asDouble(), 1e-9, "makespan − now");
        assertEquals(27.6, report.at("/sequential/makespan").asDouble(), 1e-9, "now + the work left, one task at a time");
        assertEquals(16.6, report.at("/criticalPath/length").asDouble(), 1e-9, "the chain that remains");
        var p14Wait = ApiPlans.element(report.get("waits"), "task", "P14");
        assertEquals("started", p14Wait.get("reason").asText());
        assertEquals("P14 is under way on dev-2: it goes on from now (week 6) and takes the time it has left.",
                p14Wait.get("explanation").asText());
        assertEquals("done", ApiPlans.element(report.get("waits"), "task", "P8").get("reason").asText());
        var p15Wait = ApiPlans.element(report.get("waits"), "task", "P15");
        assertEquals("P14", p15Wait.get("on").asText());
        assertEquals(7.6, p15Wait.get("until").asDouble(), 1e-9, "P15 waits for P14 until week 7.6, since the plan began");
        var sequential = ApiPlans.element(report.get("savings"), "against", "sequential");
        assertEquals(5.0, sequential.get("saved").asDouble(), 1e-9, "21.6 − 16.6");
        assertEquals(Math.round(1000 * 21.6 / 16.6) / 1000.0, sequential.get("speedup").asDouble(), 0.01,
                "the speed-up of the work that remains");
    }

    /** A started task with no time left ends at now, still on its agent; what waits for it starts at now. */
    @Test
    void aStartedTaskWithNothingLeftEndsAtNow() {
        var answer = ApiPlans.solveOnce(PLAN.replace("\"progress\": 0.6", "\"remaining\": 0"));
        var p14 = ApiPlans.element(answer.at("/schedule/assignments"), "task", "P14");
        assertEquals("dev-2", p14.get("agent").asText());
        assertEquals(6.0, p14.get("start").asDouble());
        assertEquals(6.0, p14.get("end").asDouble());
        assertEquals(21.0, answer.at("/schedule/makespan").asDouble(), 1e-9, "P15 from week 6 for 15 weeks");
    }

    @Test
    void theMarkdownReportSaysHowFarThePlanHasCome() {
        var id = ApiPlans.createSolvedOptimal(PLAN);
        var markdown = given().accept("text/markdown").when().get("/api/plans/" + id + "/report")
                .then().statusCode(200).extract().asString();
        assertTrue(markdown.contains("6 weeks in, 16.6 weeks remain"), markdown);
    }

    /**
     * The tier plan as its author knew it (data/progress/): version 1 is day 0; version 2 has Phase 8 done and Phase 14
     * with 2 weeks left at week 12, and states "critical path 100 weeks if activated today", graded against version 2:
     * from week 12 the longest chain is Phase 17 alone, 72 weeks (the author's 100 adds the tiers' barriers).
     */
    @Test
    void theTierPlanIsSeededWithItsSecondVersionAndItsClaimGradedThere() {
        var id = "master-plan-phases";
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> ApiPlans.getJson("/api/plans/" + id).get("version").asInt() == 2 && ApiPlans.status(id).equals("SOLVED"));
        var second = ApiPlans.getJson("/api/plans/" + id + "/versions/2");
        new IndependentCheck(second.get("plan")).assertValid(second.get("schedule"));
        var p14 = ApiPlans.element(second.at("/schedule/assignments"), "task", "P14");
        assertEquals("started", p14.get("status").asText());
        assertEquals(12.0, p14.get("start").asDouble());
        assertEquals(14.0, p14.get("end").asDouble());
        assertEquals("done", ApiPlans.element(second.at("/schedule/assignments"), "task", "P8").get("status").asText());
        assertEquals(84.0, second.at("/schedule/makespan").asDouble(), "week 12 + Phase 17's 72 weeks");
        var claim = ApiPlans.element(second.at("/report/claims"), "metric", "criticalPath");
        assertEquals(100.0, claim.get("claimedMin").asDouble());
        assertEquals(72.0, claim.get("computed").asDouble(), "the chain that remains from week 12");
        var first = ApiPlans.getJson("/api/plans/" + id + "/versions/1");
        first.at("/report/claims").forEach(other -> assertTrue(!other.get("metric").asText().equals("criticalPath"),
                "day 0 does not state the 'if activated today' figure"));
        assertEquals(0.0, first.at("/report/now").asDouble());
    }

    /**
     * What-if on the plan six weeks in: the generalist variants keep P14 going (on agent-1) and every figure counts from
     * week 6; with one agent everything left runs one after another (21.6 weeks), with two the chain P14 → P15 bounds it.
     */
    @Test
    void whatIfCountsAgentsForTheWorkThatRemains() {
        var id = ApiPlans.createSolvedOptimal(PLAN);
        var result = ApiPlans.tree(given().contentType("application/json").body(TestPlans.json("{'agentCounts': [1, 2]}"))
                .when().post("/api/plans/" + id + "/what-if")
                .then().statusCode(200).extract().asString());
        var rows = result.get("rows");
        assertEquals(27.6, rows.get(0).get("makespan").asDouble(), 1e-9, "week 6 + 21.6 weeks one by one");
        assertEquals(22.6, rows.get(1).get("makespan").asDouble(), 1e-9, "week 6 + the chain of 16.6");
        assertEquals(Math.round(21.6 / 16.6 * 100) / 100.0, rows.get(1).get("speedup").asDouble(), 0.01);
    }

    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 })
    void randomPlansWithProgressSolveToValidSchedules(long seed) throws Exception {
        var document = seed % 2 == 0 ? RandomPlans.constrainedDocument(seed, 9, 3) : RandomPlans.document(seed, 9, 3);
        var json = dev.fanout.plan.PlanReader.json().writeValueAsString(RandomPlans.progressed(document, seed));
        var answer = ApiPlans.solveOnce(json);
        var plan = ApiPlans.tree(json);
        double now = plan.path("now").asDouble(0);
        assertEquals(now, answer.at("/report/now").asDouble());
        assertTrue(answer.at("/schedule/lowerBound").asDouble() >= now, "a bound counts from now");
        new IndependentCheck(plan).assertValid(answer.get("schedule"));
    }

    @Test
    void refusesProgressOfOneAndAHalfNamingTheField() {
        given().contentType("application/json").body(PLAN.replace("\"progress\": 0.6", "\"progress\": 1.5"))
                .when().post("/api/solve")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("tasks[1].progress"))
                .body("errors[0].value", equalTo("1.5"))
                .body("detail", containsString("tasks[1].progress"));
    }
}
