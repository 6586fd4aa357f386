package dev.fanout.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A file Microsoft Project itself saved (2007, from MPXJ's test data: see {@code src/test/resources/mspdi/README.md}),
 * not one Fanout or a test wrote: posted with {@code ?format=mspdi}, it is read as the plan Microsoft Project shows
 * (leaf tasks with their durations in the file's days, the link, the work resources as agents, a task with one
 * resource pinned to it, the complete task done) and solved, the schedule checked independently.
 */
@QuarkusTest
class MicrosoftProjectFileApiTest {

    @Test
    void aFileMicrosoftProjectSavedIsReadAsThePlanItShowsAndSolved() throws IOException {
        byte[] file;
        try (var in = MicrosoftProjectFileApiTest.class.getResourceAsStream("/mspdi/mspdiresource.xml")) {
            file = in.readAllBytes();
        }
        String id = given().contentType("application/xml").body(file).when().post("/api/plans?format=mspdi")
                .then().statusCode(201).extract().path("id");
        var plan = ApiPlans.getJson("/api/plans/" + id).get("plan");

        assertEquals("days", plan.get("timeUnit").asText(), "the file's default duration unit");
        // Work resources are agents; the material one (Concrete) and the unnamed "unassigned" one are not.
        assertEquals(List.of("Wade Golden", "Jon Iles", "Brian Leach"), texts(plan.get("agents"), "id"));
        // The project summary (unique id 0) is no task; the unique ids are the tasks' ids, the names their titles.
        assertEquals(List.of("2", "3", "4"), texts(plan.get("tasks"), "id"));
        assertEquals(List.of("Task A", "Contoured Task", "Completed Task"), texts(plan.get("tasks"), "title"));

        var taskA = plan.at("/tasks/0");
        assertEquals(6.0, taskA.get("duration").asDouble(), "48 hours of 8-hour days");
        assertTrue(taskA.path("agent").isMissingNode() || taskA.get("agent").isNull(),
                "three resources share it: left to the solver");
        assertTrue(taskA.path("dependsOn").isEmpty());

        var contoured = plan.at("/tasks/1");
        assertEquals(7.1425, contoured.get("duration").asDouble(), 1e-9, "57 h 8 min 24 s in 8-hour days");
        assertEquals(List.of("2"), texts(contoured.get("dependsOn"), null), "its finish-to-start link to Task A");
        assertEquals("Wade Golden", contoured.get("agent").asText(), "its one resource");

        var completed = plan.at("/tasks/2");
        assertEquals(2.0, completed.get("duration").asDouble());
        assertEquals("done", completed.get("status").asText(), "100 % complete");

        var answer = ApiPlans.solveOnce(file, "application/octet-stream", "&format=mspdi", plan);
        var assignments = answer.at("/schedule/assignments");
        assertEquals(3, assignments.size());
        var contouredPlaced = ApiPlans.element(assignments, "task", "3");
        assertEquals("Wade Golden", contouredPlaced.get("agent").asText());
        assertTrue(contouredPlaced.get("start").asDouble() >= ApiPlans.element(assignments, "task", "2").get("end").asDouble(),
                "Contoured Task after Task A");
    }

    private static List<String> texts(JsonNode array, String field) {
        var texts = new ArrayList<String>();
        array.forEach(element -> texts.add(field == null ? element.asText() : element.get(field).asText()));
        return texts;
    }
}
