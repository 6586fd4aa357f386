package dev.fanout.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.fanout.TestPlans;
import io.quarkus.test.junit.QuarkusTest;

/**
 * CONTRACT §5 through the API: a plan with areas, a shared resource, a capped pool, a window and a slow agent, solved
 * by {@code POST /api/solve} to a schedule the independent checker accepts, with figures worked out by hand; the
 * report names the waits; the cap sweeps in what-if; bad values are refused naming the field.
 */
@QuarkusTest
class CapacityApiTest {

    /**
     * Three agents, any of them able to do anything: A (3 days) and B (2) change overlapping areas (src/ and a file in
     * it), so one waits for the other; C and D (2 each) share the one test database; E (2) runs on the slow agent
     * (speed 0.5: 4 days) or another. Work 11 days on 3 agents; the area takes 5 days one at a time, the database 4.
     * With A and B back to back (5 days) beside C then D (4) and E (2) on the third: makespan 5, the area's bound.
     */
    static final String PLAN = TestPlans.json("""
            {'name': 'capacity', 'timeUnit': 'days',
             'agents': [{'id': 'x'}, {'id': 'y'}, {'id': 'slow', 'speed': 0.5}],
             'resources': [{'id': 'db', 'name': 'the test database'}],
             'tasks': [{'id': 'A', 'duration': 3, 'areas': ['src/']},
                       {'id': 'B', 'duration': 2, 'areas': ['src/app.py']},
                       {'id': 'C', 'duration': 2, 'uses': ['db']},
                       {'id': 'D', 'duration': 2, 'uses': ['db']},
                       {'id': 'E', 'duration': 2}]}
            """);

    @Test
    void solvesToAValidScheduleAtTheAreasBound() {
        var answer = ApiPlans.solveOnce(PLAN);
        var schedule = answer.get("schedule");
        assertEquals(5.0, schedule.get("makespan").asDouble());
        assertEquals(5.0, schedule.get("lowerBound").asDouble());
        assertTrue(schedule.get("optimal").asBoolean());
        var report = answer.get("report");
        var parts = report.at("/lowerBounds");
        assertEquals("sharedLimit", parts.get("binding").asText(), parts.toString());
        assertEquals("area src/app.py", parts.get("sharedLimitName").asText());
        assertEquals("area", report.at("/bottleneck/kind").asText());
        assertEquals(11.0, report.at("/sequential/makespan").asDouble(), "the durations one after another, as written");
        var reasons = new ArrayList<String>();
        report.get("waits").forEach(wait -> reasons.add(wait.get("reason").asText()));
        assertTrue(reasons.contains("area"), "the second of A and B waits for the area: " + reasons);
        var areaWait = ApiPlans.element(report.get("waits"), "reason", "area");
        assertEquals("src/app.py", areaWait.get("limit").asText());
        assertTrue(areaWait.get("explanation").asText().contains("waits for area src/app.py, held by"),
                areaWait.get("explanation").asText());
    }

    @Test
    void theCsvAssignmentsNameTheLimitWaitedFor() {
        var id = ApiPlans.create(PLAN);
        ApiPlans.solve(id, PLAN);
        var rows = given().accept("text/csv").when().get("/api/plans/" + id + "/report?table=assignments")
                .then().statusCode(200).extract().asString().strip().split("\n");
        assertEquals("task,agent,start,end,time_unit,critical,starts_when,waits_for,until,limit", rows[0]);
        assertTrue(java.util.Arrays.stream(rows).anyMatch(row -> row.contains(",area,") && row.endsWith(",src/app.py")),
                String.join("\n", rows));
    }

    @Test
    void aSlowAgentTakesLongerInTheAssignment() {
        var plan = TestPlans.json("""
                {'name': 'slow', 'agents': [{'id': 'slow', 'speed': 0.5, 'availableFrom': 1}],
                 'tasks': [{'id': 'A', 'duration': 2}]}
                """);
        var schedule = ApiPlans.solveOnce(plan).get("schedule");
        var assignment = schedule.get("assignments").get(0);
        assertEquals(1.0, assignment.get("start").asDouble(), "not before the agent is available");
        assertEquals(5.0, assignment.get("end").asDouble(), "2 days of work at half speed");
        assertTrue(schedule.get("optimal").asBoolean(), "the bound counts the window and the speed");
    }

    @Test
    void theCapSweepsInWhatIf() {
        var id = ApiPlans.create(PLAN);
        var result = ApiPlans.tree(given().contentType("application/json").body(TestPlans.json("{'maxConcurrent': [3, 1, 2]}"))
                .when().post("/api/plans/" + id + "/what-if")
                .then().statusCode(200).extract().asString());
        assertEquals("maxConcurrent", result.get("kind").asText());
        var caps = new ArrayList<Integer>();
        var makespans = new ArrayList<Double>();
        for (JsonNode row : result.get("rows")) {
            caps.add(row.get("count").asInt());
            makespans.add(row.get("makespan").asDouble());
        }
        assertEquals(List.of(1, 2, 3), caps);
        // One at a time: 3 + 2 + 2 + 2 + 2 = 11 (E on x or y). Two at once: at least ⌈11 / 2⌉ = 6, and x doing A then
        // B (0–5) beside y doing C, D, E (0–6) reaches it. Three: 5, as above.
        assertEquals(11.0, makespans.get(0));
        assertEquals(6.0, makespans.get(1));
        assertEquals(5.0, makespans.get(2));
    }

    @Test
    void refusesBadCapacityValuesNamingTheField() {
        given().contentType("application/json").body(PLAN.replace("\"speed\":0.5", "\"speed\":0").replace("\"speed\": 0.5", "\"speed\": 0"))
                .when().post("/api/plans")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("agents[2].speed"));
        given().contentType("application/json").body(PLAN.replace("\"id\": \"D\", \"duration\": 2, \"uses\": [\"db\"]", "\"id\": \"D\", \"duration\": 2, \"uses\": [\"dbb\"]"))
                .when().post("/api/plans")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("tasks[3].uses")).body("detail", containsString("db"));
        var id = ApiPlans.create(PLAN);
        given().contentType("application/json").body(TestPlans.json("{'maxConcurrent': [0, 2]}"))
                .when().post("/api/plans/" + id + "/what-if")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("maxConcurrent[0]"));
    }
}
