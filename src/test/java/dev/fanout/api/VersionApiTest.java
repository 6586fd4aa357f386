package dev.fanout.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.fanout.IndependentCheck;
import dev.fanout.TestPlans;
import io.quarkus.test.junit.QuarkusTest;

/**
 * PATCH /api/plans/{id}/progress and the versions it makes (CONTRACT §6): each update a new version re-planned in the
 * background from now, every earlier version readable with its schedule and report, "since the last version", stable
 * agents, updates refused whole, and concurrent updates that lose nothing.
 */
@QuarkusTest
class VersionApiTest {

    /** P8 (12) → P14 (4) → P15 (15) on one chain; Q (2) and R (3, after P8) beside it; two workers. Optimum 31. */
    static final String PLAN = TestPlans.json("""
            {'name': 'moving', 'timeUnit': 'weeks',
             'pools': [{'id': 'dev', 'workers': 2, 'skills': ['java']}],
             'agents': [{'id': 'ops', 'skills': ['ops']}],
             'tasks': [{'id': 'P8', 'duration': 12},
                       {'id': 'P14', 'duration': 4, 'dependsOn': ['P8']},
                       {'id': 'P15', 'duration': 15, 'dependsOn': ['P14']},
                       {'id': 'Q', 'duration': 2, 'skills': ['java']},
                       {'id': 'R', 'duration': 3, 'dependsOn': ['P8'], 'skills': ['java']}]}
            """);

    private static String solvedPlan() {
        var id = ApiPlans.createSolvedOptimal(PLAN);
        assertEquals(31.0, ApiPlans.getJson("/api/plans/" + id + "/schedule").get("makespan").asDouble());
        return id;
    }

    private static io.restassured.response.Response patch(String id, String singleQuoted) {
        return given().contentType("application/json").body(TestPlans.json(singleQuoted))
                .when().patch("/api/plans/" + id + "/progress");
    }

    /** Waits until the current version is solved; returns its schedule, checked valid for the current version's plan. */
    private static JsonNode replanned(String id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> ApiPlans.status(id).equals("SOLVED"));
        var plan = ApiPlans.getJson("/api/plans/" + id).get("plan");
        var schedule = ApiPlans.getJson("/api/plans/" + id + "/schedule");
        new IndependentCheck(plan).assertValid(schedule);
        return schedule;
    }

    @Test
    void anUpdateMakesANewVersionReplannedFromNowAndTheOldOneStaysReadable() {
        var id = solvedPlan();
        var day0 = ApiPlans.getJson("/api/plans/" + id + "/schedule");
        var p14Agent = ApiPlans.element(day0.get("assignments"), "task", "P14").get("agent").asText();

        patch(id, "{'now': 14, 'tasks': {'P8': {'status': 'done'}, 'P14': {'status': 'started', 'progress': 0.25, 'agent': '"
                + p14Agent + "'}}}")
                .then().statusCode(202).header("Location", containsString("/api/plans/" + id + "/versions/2"))
                .header("ETag", containsString("2"))
                .body("version", equalTo(2)).body("current", equalTo(true));

        var schedule = replanned(id);
        assertEquals(14 + 3 + 15, schedule.get("makespan").asDouble(), 1e-9, "P14 has 3 weeks left, then P15");
        assertTrue(schedule.get("optimal").asBoolean());
        assertEquals(2, ApiPlans.getJson("/api/plans/" + id).get("version").asInt());

        var versions = ApiPlans.getJson("/api/plans/" + id + "/versions");
        assertEquals(2, versions.size());
        assertEquals(31.0, versions.get(0).get("makespan").asDouble(), "version 1 keeps the schedule it ended with");
        assertFalse(versions.get(0).get("current").asBoolean());
        assertEquals(List.of("P14", "P8"), sorted(versions.get(1).get("changed")));
        assertEquals(14.0, versions.get(1).get("now").asDouble());

        var first = ApiPlans.getJson("/api/plans/" + id + "/versions/1");
        new IndependentCheck(first.get("plan")).assertValid(first.get("schedule"));
        assertEquals(day0.get("assignments"), first.get("schedule").get("assignments"), "version 1 as it was");
        assertEquals(31.0, first.at("/report/optimized/makespan").asDouble());
        assertTrue(first.get("report").path("sinceLastVersion").isMissingNode(), "a first version has nothing before it");

        var second = ApiPlans.getJson("/api/plans/" + id + "/versions/2");
        var since = second.at("/report/sinceLastVersion");
        assertEquals(1, since.get("previousVersion").asInt());
        assertEquals(31.0, since.get("finishFrom").asDouble());
        assertEquals(32.0, since.get("finishTo").asDouble(), 1e-9);
        assertEquals(1.0, since.get("finishMovedBy").asDouble(), 1e-9);
        var p15 = ApiPlans.element(since.get("slipped"), "task", "P15");
        assertEquals(1.0, p15.get("by").asDouble(), 1e-9, "P15 ends at 32 instead of 31");
        assertEquals("P14", p15.get("cause").asText(), "it waits for P14, whose progress the update set");
        assertEquals(14.0, second.at("/report/now").asDouble());
        var markdown = given().accept("text/markdown").when().get("/api/plans/" + id + "/report").then().statusCode(200)
                .extract().asString();
        assertTrue(markdown.contains("## Since the last version"), markdown);
        assertTrue(markdown.contains("The finish moved from 31 to 32 (+1)"), markdown);
    }

    @Test
    void aReplanKeepsTasksOnTheirAgentsWhenMovingThemWouldNotShortenThePlan() {
        var id = solvedPlan();
        patch(id, "{'now': 12, 'tasks': {'P8': {'status': 'done'}}}").then().statusCode(202);
        replanned(id);
        var since = ApiPlans.getJson("/api/plans/" + id + "/report").get("sinceLastVersion");
        assertEquals(0, since.get("changedAgent").size(), "nothing gains by moving: " + since);
        assertEquals(31.0, since.get("finishTo").asDouble());
    }

    @Test
    void anUpdateFromAnOlderVersionIsRefusedWithTheCurrentVersion() {
        var id = solvedPlan();
        patch(id, "{'now': 1, 'version': 1}").then().statusCode(202);
        given().contentType("application/json").header("If-Match", "\"1\"").body(TestPlans.json("{'now': 2}"))
                .when().patch("/api/plans/" + id + "/progress")
                .then().statusCode(409).contentType("application/problem+json")
                .body("currentVersion", equalTo(2)).header("ETag", containsString("2"));
        patch(id, "{'now': 2, 'version': 1}").then().statusCode(409).body("currentVersion", equalTo(2));
        assertEquals(2, ApiPlans.getJson("/api/plans/" + id + "/versions").size(), "nothing applied");
    }

    @Test
    void concurrentUpdatesWithoutAVersionLoseNeither() throws Exception {
        var id = solvedPlan();
        var pool = Executors.newFixedThreadPool(2);
        try {
            var updates = new ArrayList<Callable<Integer>>();
            updates.add(() -> patch(id, "{'tasks': {'Q': {'duration': 3}}}").statusCode());
            updates.add(() -> patch(id, "{'tasks': {'P8': {'duration': 11}}}").statusCode());
            for (var result : pool.invokeAll(updates)) {
                assertEquals(202, result.get());
            }
        } finally {
            pool.shutdown();
        }
        replanned(id);
        var plan = ApiPlans.getJson("/api/plans/" + id);
        assertEquals(3, plan.get("version").asInt(), "two updates, two new versions");
        assertEquals(3, ApiPlans.element(plan.at("/plan/tasks"), "id", "Q").get("duration").asInt());
        assertEquals(11, ApiPlans.element(plan.at("/plan/tasks"), "id", "P8").get("duration").asInt());
    }

    @Test
    void anInvalidUpdateIsRefusedWholeNamingTheField() {
        var id = solvedPlan();
        patch(id, "{'tasks': {'Q': {'status': 'done'}, 'P14': {'status': 'started', 'progress': 1.5, 'agent': 'dev-1'}}}")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("tasks.P14.progress"));
        patch(id, "{'tasks': {'P99': {'status': 'done'}}}").then().statusCode(400)
                .body("errors[0].field", equalTo("tasks.P99"));
        patch(id, "{'tasks': {'P14': {'status': 'done'}}}").then().statusCode(400)
                .body("errors[0].field", equalTo("tasks.P14.status"))
                .body("errors[0].message", containsString("depends on 'P8', which is not done"));
        patch(id, "{'tasks': {'Q': {'agent': 'ops'}}}").then().statusCode(400)
                .body("errors[0].field", equalTo("tasks.Q.agent"));
        patch(id, "{'remove': ['P14']}").then().statusCode(400)
                .body("errors[0].field", equalTo("remove[0]")).body("errors[0].message", containsString("'P15' depends on it"));
        patch(id, "{'tasks': {'Q': {'progres': 0.5}}}").then().statusCode(400)
                .body("errors[0].field", equalTo("tasks.Q.progres"));
        patch(id, "{'add': [{'id': 'Q', 'duration': 1}]}").then().statusCode(400)
                .body("errors[0].field", equalTo("add[0].id"));
        var plan = ApiPlans.getJson("/api/plans/" + id);
        assertEquals(1, plan.get("version").asInt(), "nothing half-applied");
        assertEquals("SOLVED", ApiPlans.status(id));
        given().when().get("/api/plans/" + id + "/versions/9").then().statusCode(404);
        given().when().get("/api/plans/" + id + "/versions/x").then().statusCode(400);
    }

    @Test
    void addsAndRemovesTasks() {
        var id = solvedPlan();
        patch(id, "{'add': [{'id': 'S', 'duration': 1, 'dependsOn': ['Q']}], 'remove': ['R']}").then().statusCode(202);
        var schedule = replanned(id);
        var tasks = new ArrayList<String>();
        schedule.get("assignments").forEach(assignment -> tasks.add(assignment.get("task").asText()));
        assertEquals(List.of("P14", "P15", "P8", "Q", "S"), tasks.stream().sorted().toList());
    }

    private static List<String> sorted(JsonNode array) {
        var values = new ArrayList<String>();
        array.forEach(value -> values.add(value.asText()));
        return values.stream().sorted().toList();
    }
}
