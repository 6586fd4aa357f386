package dev.fanout.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.fanout.TestPlans;
import io.quarkus.test.junit.QuarkusTest;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.component.VEvent;
import net.sf.mpxj.mspdi.MSPDIReader;

/**
 * {@code GET /api/plans/{id}/schedule?format=mspdi|ics} (CONTRACT §8): the stored plan's schedule as Microsoft Project
 * XML (read back with MPXJ's own reader) and as iCalendar (valid by ical4j's validator), on working days from the
 * plan's {@code start} date; a plan without a schedule gets 409, a bad start date 400 naming the field.
 */
@QuarkusTest
class ScheduleExportApiTest {

    /** A (2 days) then B (1 day) on one agent, from Monday 2026-12-07: A Mon–Tue, B Wed. */
    private static final String PLAN = TestPlans.json("""
            {'name': 'exported', 'start': '2026-12-07', 'agents': [{'id': 'dev', 'skills': ['java']}],
             'tasks': [{'id': 'A', 'duration': 2, 'skills': ['java']}, {'id': 'B', 'duration': 1, 'dependsOn': ['A']}]}
            """);

    @Test
    void microsoftProjectReadsTheTasksLinksResourceAndAssignments() throws Exception {
        var id = ApiPlans.createSolvedOptimal(PLAN);
        var body = given().when().get("/api/plans/" + id + "/schedule?format=mspdi")
                .then().statusCode(200).contentType(containsString("application/vnd.ms-project+xml"))
                .header("Content-Disposition", containsString(id + ".xml")).extract().asByteArray();
        var project = new MSPDIReader().read(new ByteArrayInputStream(body));
        var tasks = project.getTasks().stream().filter(task -> task.getName() != null && !task.getSummary()).toList();
        assertEquals(List.of("A", "B"), tasks.stream().map(task -> task.getName()).toList());
        var b = tasks.get(1);
        assertEquals(1, b.getPredecessors().size());
        assertEquals("A", b.getPredecessors().get(0).getTargetTask().getName());
        assertEquals(LocalDateTime.parse("2026-12-09T08:00"), b.getStart(), "B on Wednesday, after A's two days");
        assertEquals("dev", project.getResources().stream().filter(r -> r.getName() != null).findFirst().orElseThrow().getName());
        assertEquals(2, project.getResourceAssignments().size());
    }

    @Test
    void iCalendarHasOneValidEventPerTaskOnItsAgent() throws Exception {
        var id = ApiPlans.createSolvedOptimal(PLAN);
        var body = given().accept("text/calendar").when().get("/api/plans/" + id + "/schedule")
                .then().statusCode(200).contentType(containsString("text/calendar")).extract().asByteArray();
        var calendar = new CalendarBuilder().build(new ByteArrayInputStream(body));
        assertFalse(calendar.validate().hasErrors(), calendar.validate().toString());
        List<VEvent> events = calendar.getComponents(VEvent.VEVENT);
        assertEquals(2, events.size());
        assertEquals(List.of("dev", "dev"), events.stream()
                .map(event -> event.getProperty("RESOURCES").orElseThrow().getValue()).toList());
    }

    /** A file in the shape Microsoft Project saves, written for these tests, is a plan too: posted as MSPDI, solved,
     * checked independently (one Microsoft Project itself saved: {@link MicrosoftProjectFileApiTest}). */
    @Test
    void anMspdiFileIsReadAsAPlan() throws Exception {
        byte[] file;
        try (var in = ScheduleExportApiTest.class.getResourceAsStream("/mspdi/website-relaunch.xml")) {
            file = in.readAllBytes();
        }
        var plan = ApiPlans.tree(dev.fanout.plan.PlanReader.json().writeValueAsString(
                new dev.fanout.formats.MspdiReader().read(file, null)));
        var answer = ApiPlans.solveOnce(file, "application/vnd.ms-project+xml", plan);
        assertEquals(plan.get("tasks").size(), answer.at("/schedule/assignments").size());
        given().contentType("application/octet-stream").body(file).when().post("/api/plans?format=mspdi")
                .then().statusCode(201);
    }

    /** A schedule exported as MSPDI and posted back is the same plan: every task, link and agent. */
    @Test
    void anExportPostedBackIsTheSamePlan() {
        var id = ApiPlans.createSolvedOptimal(PLAN);
        var body = given().when().get("/api/plans/" + id + "/schedule?format=mspdi").then().statusCode(200)
                .extract().asByteArray();
        var copy = given().contentType("application/vnd.ms-project+xml").body(body).when().post("/api/plans")
                .then().statusCode(201).extract().path("id");
        var read = ApiPlans.getJson("/api/plans/" + copy).get("plan");
        assertEquals(List.of("A", "B"), List.of(read.at("/tasks/0/id").asText(), read.at("/tasks/1/id").asText()));
        assertEquals("A", read.at("/tasks/1/dependsOn/0").asText());
        assertEquals(2.0, read.at("/tasks/0/duration").asDouble());
        assertEquals("dev", read.at("/agents/0/id").asText());
    }

    @Test
    void aFileThatIsNoProjectIsRefusedNamingTheFormat() {
        given().contentType("application/vnd.ms-project+xml").body("<not-a-project/>").when().post("/api/plans")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("mspdi"));
    }

    @Test
    void aPlanWithoutAScheduleHasNothingToExport() {
        var id = ApiPlans.create(PLAN);
        given().when().get("/api/plans/" + id + "/schedule?format=ics").then().statusCode(409)
                .contentType("application/problem+json");
        given().when().get("/api/plans/" + id + "/schedule").then().statusCode(200).body("status", equalTo("NOT_SOLVED"));
    }

    @Test
    void aStartThatIsNoDateIsRefusedNamingTheField() {
        given().contentType("application/json").body(PLAN.replace("2026-12-07", "next monday"))
                .when().post("/api/plans")
                .then().statusCode(400).body("errors[0].field", equalTo("start"))
                .body("errors[0].value", equalTo("\"next monday\""));
    }
}
