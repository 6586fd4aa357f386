package dev.fanout.it;

import static dev.fanout.it.Browsers.RELEASE;
import static dev.fanout.it.Browsers.SCREENSHOTS;
import static dev.fanout.it.Browsers.row;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.fanout.TestPlans;

/**
 * The web page as a user's browser renders it: Debian's Chromium, headless, loads a solved plan's page and the DOM it
 * ends up with is checked (a Gantt bar for every task with work, the savings table, the what-if chart, the author's
 * claims, labels for screen readers). The plans are written here, small enough that every figure the page shows can
 * be worked out by hand and that the solver proves its schedule optimal at once. Screenshots are kept in
 * target/screenshots.
 */
class BrowserIT {

    /**
     * Two milestones (kickoff at the start, release at the end) and four tasks with work on two agents. Sequential:
     * 2 + 3 + 1 + 2 = 8 days. Critical path: design(2) → build(3) → test(1) = 6 days, reached by the two agents (docs
     * beside build), so the parallel duration is 6 (the claim of 6 holds) and the speed-up 8 / 6 = 1.33× (the claim
     * of 2× is optimistic). The release milestone ends when test ends: day 6.
     */
    private static final String MILESTONES = TestPlans.json("""
            {'name': 'Browser check: milestones', 'timeUnit': 'days',
             'pools': [{'id': 'team', 'workers': 2, 'skills': ['code']}],
             'tasks': [
               {'id': 'kickoff', 'duration': 0, 'dependsOn': []},
               {'id': 'design', 'duration': 2, 'skills': ['code'], 'dependsOn': ['kickoff']},
               {'id': 'build', 'duration': 3, 'skills': ['code'], 'dependsOn': ['design']},
               {'id': 'test', 'duration': 1, 'skills': ['code'], 'dependsOn': ['build']},
               {'id': 'docs', 'duration': 2, 'skills': ['code'], 'dependsOn': ['design']},
               {'id': 'release', 'duration': 0, 'dependsOn': ['test', 'docs']}],
             'claims': [
               {'metric': 'parallel', 'value': 6, 'source': 'the kickoff slides: six days in parallel'},
               {'metric': 'speedup', 'value': 2, 'source': 'the kickoff slides: twice as fast'}]}
            """);

    private static final List<Integer> AGENT_COUNTS = List.of(1, 2, 3, 4, 6, 8, 12);
    private static AppProcess app;
    private static String releaseId;
    private static String milestonesId;

    @BeforeAll
    static void startService() throws Exception {
        app = AppProcess.start(Files.createTempDirectory("fanout-browser").resolve("fanout"), Map.of());
        releaseId = createSolvedOptimal(RELEASE);
        milestonesId = createSolvedOptimal(MILESTONES);
        // A stored what-if sweep, so the page has a curve to draw.
        given().baseUri(app.url()).contentType("application/json").body("{\"agentCounts\": " + AGENT_COUNTS + "}")
                .when().post("/api/plans/" + releaseId + "/what-if").then().statusCode(200);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopService() throws Exception {
        app.close();
    }

    /** Stores a plan and solves it in the background until SOLVED; its id, once the schedule is proven optimal. */
    private static String createSolvedOptimal(String planJson) {
        String id = given().baseUri(app.url()).contentType("application/json").body(planJson)
                .when().post("/api/plans").then().statusCode(201).extract().path("id");
        given().baseUri(app.url()).when().post("/api/plans/" + id + "/solve?seconds=10").then().statusCode(202);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> "SOLVED".equals(
                given().baseUri(app.url()).when().get("/api/plans/" + id + "/schedule").then().statusCode(200)
                        .extract().path("status")));
        boolean optimal = given().baseUri(app.url()).when().get("/api/plans/" + id + "/schedule").then()
                .statusCode(200).extract().path("optimal");
        assertTrue(optimal, "proven optimal, so the page shows the optimum's figures");
        return id;
    }

    /** Runs headless Chromium on a page until its requests and timers settle (virtual time), with extra arguments. */
    private static String chromium(String url, String... extra) throws IOException, InterruptedException {
        var command = Browsers.chromiumCommand("--headless");
        command.add("--virtual-time-budget=15000");
        command.addAll(List.of(extra));
        command.add(url);
        var output = Files.createTempFile("chromium", ".out");
        var process = new ProcessBuilder(command).redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "Chromium finished");
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    private static Document render(String pageUrl) throws IOException, InterruptedException {
        return Jsoup.parse(chromium(pageUrl, "--window-size=1400,1000", "--dump-dom"));
    }

    private static String planPage(String id) {
        return app.url() + "/?plan=" + id;
    }

    /** The Gantt element of a task: exactly one. */
    private static Element task(Document page, String id) {
        var elements = page.select("#gantt [data-task=\"" + id + "\"]");
        assertEquals(1, elements.size(), "one element for " + id);
        return elements.first();
    }

    @Test
    void aSolvedPlanShowsItsGanttSavingsAndWhatIfCurve() throws Exception {
        var page = render(planPage(releaseId));

        assertEquals("Browser check: a release in weeks", page.selectFirst("#plan-name").text());
        // One bar per task with work, each focusable and labelled for screen readers.
        for (var id : List.of("A", "B", "C", "D", "E")) {
            var bar = task(page, id);
            assertNotNull(bar.selectFirst("rect"), id + " is drawn as a bar");
            assertEquals("0", bar.attr("tabindex"), id + " is reachable with the keyboard");
            assertTrue(bar.attr("aria-label").startsWith(id + " "), id + " is labelled: " + bar.attr("aria-label"));
        }
        assertEquals(5, page.select("#gantt .task rect").size(), "a bar for every task, no more");
        // The critical path, and the times it forces in a 12-week schedule: A 0–3, B 3–7, D 7–12.
        assertEquals(Set.of("A", "B", "D"), page.select("#gantt .task.critical").stream()
                .map(bar -> bar.attr("data-task")).collect(Collectors.toSet()), "the critical path is highlighted");
        assertTrue(task(page, "A").attr("aria-label").endsWith("weeks 0 to 3, critical"), task(page, "A").attr("aria-label"));
        assertTrue(task(page, "B").attr("aria-label").endsWith("weeks 3 to 7, critical"), task(page, "B").attr("aria-label"));
        assertTrue(task(page, "D").attr("aria-label").endsWith("weeks 7 to 12, critical"), task(page, "D").attr("aria-label"));
        var axis = page.select("#gantt .axis text").eachText();
        assertTrue(axis.contains("weeks"), "the time axis is in the plan's unit: " + axis);
        assertTrue(axis.contains("12"), "the time axis reaches the makespan: " + axis);

        var savings = page.selectFirst("#savings-table");
        // Columns: duration, saved, saved %, speed-up; each worked out where RELEASE is written (Browsers).
        assertEquals(List.of("15 weeks", "3 weeks", "20 %", "1.25×"), row(savings, "Sequential"), "the sequential total");
        assertEquals(List.of("14 weeks", "2 weeks", "14.3 %", "1.17×"), row(savings, "Author's waves (4 waves)"));
        assertEquals(List.of("12 weeks", "0 weeks", "0 %", "1×"), row(savings, "Dependency tiers (3 tiers)"));
        assertEquals("12 weeks", row(savings, "Optimized (Fanout)").getFirst());
        assertEquals("12 weeks", row(savings, "Lower bound").getFirst());
        var progress = page.selectFirst("#progress").text();
        assertTrue(progress.contains("proven optimal"), progress);
        assertTrue(progress.contains("Makespan: 12 weeks"), progress);
        // The deadline, week 14, against the optimized 12 weeks.
        var deadline = page.selectFirst("#deadline");
        assertFalse(deadline.hasAttr("hidden"), "a plan with a deadline shows it");
        assertTrue(deadline.hasClass("met"), deadline.outerHtml());
        assertEquals("Deadline: 14 weeks. The optimized schedule meets it with 2 weeks to spare.", deadline.text());

        // The sweep's generalists: one agent does everything (15 weeks); from two on, the critical path (12) binds,
        // so the knee is at 2 agents.
        var whatIf = page.selectFirst("#whatif-section");
        var chart = whatIf.selectFirst("svg#whatif-chart");
        assertNotNull(chart.selectFirst("path.curve"), "the makespan curve");
        assertEquals(AGENT_COUNTS.size(), chart.select("circle.point").size(), "one point per agent count");
        assertEquals(AGENT_COUNTS.stream().map(String::valueOf).toList(), chart.select("circle.point").eachAttr("data-agents"));
        assertEquals("1 agents: 15 weeks; 2 agents: 12 weeks; 3 agents: 12 weeks; 4 agents: 12 weeks; "
                + "6 agents: 12 weeks; 8 agents: 12 weeks; 12 agents: 12 weeks. The knee is at 2 agents.",
                page.selectFirst("#whatif-chart-desc").text());
        assertEquals("2", chart.selectFirst("[data-knee]").attr("data-knee"), "the knee is marked");
        assertTrue(page.selectFirst("#knee").text().startsWith("Knee: 2 agents."), page.selectFirst("#knee").text());

        chromium(planPage(releaseId), "--window-size=1400,1000",
                "--screenshot=" + SCREENSHOTS.resolve("plan-1400x1000.png").toAbsolutePath());
        chromium(planPage(releaseId), "--window-size=1280,800",
                "--screenshot=" + SCREENSHOTS.resolve("plan-1280x800.png").toAbsolutePath());
        assertTrue(Files.size(SCREENSHOTS.resolve("plan-1400x1000.png")) > 10_000, "a screenshot was taken");
    }

    @Test
    void milestonesAreMarkedButNeedNoBar() throws Exception {
        var page = render(planPage(milestonesId));
        assertEquals("Browser check: milestones", page.selectFirst("#plan-name").text());
        for (var id : List.of("design", "build", "test", "docs")) {
            assertNotNull(task(page, id).selectFirst("rect"), id + " is drawn as a bar");
        }
        for (var id : List.of("kickoff", "release")) {
            var milestone = task(page, id);
            assertTrue(milestone.hasClass("milestone"), id + " is marked as a milestone");
            assertNull(milestone.selectFirst("rect"), id + " has no bar");
            assertNotNull(milestone.selectFirst("path"), id + " is drawn as a diamond");
        }
        assertTrue(task(page, "release").attr("aria-label").contains("milestone, days 6 to 6"),
                task(page, "release").attr("aria-label"));
        assertEquals(4, page.select("#gantt .task rect").size(), "a bar for every task with work, no more");

        // The author's claims, checked: columns claimed, computed, verdict; worked out above MILESTONES.
        var claims = page.selectFirst("#claims");
        assertEquals(List.of("6", "6", "holds"), row(claims.selectFirst("table"), "Parallel duration"));
        assertEquals(List.of("2", "1.33", "optimistic"), row(claims.selectFirst("table"), "Speed-up"));
    }

    @Test
    void theListShowsEveryPlanAndTheFormIsLabelled() throws Exception {
        int listed = given().baseUri(app.url()).when().get("/api/plans").then().statusCode(200)
                .extract().jsonPath().getList("$").size();
        var page = render(app.url() + "/");
        var rows = page.select("#plans-table tbody tr");
        assertEquals(listed, rows.size(), "a row for every plan the API lists");
        assertEquals(rows.size(), rows.select("a[href^=/?plan=]").size(), "each plan links to its page");
        assertEquals(1, rows.select("a[href=/?plan=" + releaseId + "]").size(), "the plan added here is listed");
        assertNotNull(page.selectFirst("label[for=plan-text]"), "the plan box has a label");
        assertNotNull(page.selectFirst("#add-errors[role=alert]"), "errors are announced");
        chromium(app.url() + "/", "--window-size=1400,1000",
                "--screenshot=" + SCREENSHOTS.resolve("plans-1400x1000.png").toAbsolutePath());
    }
}
