package dev.fanout.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.fanout.TestPlans;

/**
 * The web page as a user's browser renders it: Debian's Chromium, headless, loads a solved plan's page and the DOM it
 * ends up with is checked (a Gantt bar for every task with work, the savings table, the what-if chart, labels for
 * screen readers). Screenshots are kept in target/screenshots.
 */
class BrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static AppProcess app;

    @BeforeAll
    static void startService() throws Exception {
        app = AppProcess.start(Files.createTempDirectory("fanout-browser").resolve("fanout"), Map.of());
        // The seed plans are solved at start-up; store a what-if sweep so the page has a curve to draw.
        given().baseUri(app.url()).contentType("application/json").body("{\"agentCounts\": [1, 2, 3, 4, 6, 8, 12]}")
                .when().post("/api/plans/onex-runtime-registration/what-if").then().statusCode(200);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopService() throws Exception {
        app.close();
    }

    /** Chromium from the machine's packages: a test tool's own browser download does not work here. */
    private static String chromium() {
        for (var candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no Chromium: install Debian's package (apt-get install chromium); "
                + "./fanout test and .ci/run do when they run as root");
    }

    /** Runs headless Chromium on a page until its requests and timers settle (virtual time), with extra arguments. */
    private static String chromium(String url, String... extra) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(chromium(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"), "--virtual-time-budget=15000"));
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

    @Test
    void aSolvedPlanShowsItsGanttSavingsAndWhatIfCurve() throws Exception {
        var page = render(app.url() + "/?plan=onex-runtime-registration");
        var plan = JSON.readTree(TestPlans.read(TestPlans.DATA.resolve("onex-runtime-registration.json")));

        assertEquals("ONEX runtime & registration", page.selectFirst("#plan-name").text());
        // One bar per task with work, each focusable and labelled for screen readers.
        for (var task : plan.get("tasks")) {
            if (task.get("duration").asDouble() == 0) {
                continue;
            }
            var id = task.get("id").asText();
            var bars = page.select("#gantt [data-task=\"" + id + "\"]");
            assertEquals(1, bars.size(), "one bar for " + id);
            var bar = bars.first();
            assertNotNull(bar.selectFirst("rect"), id + " is drawn as a bar");
            assertEquals("0", bar.attr("tabindex"), id + " is reachable with the keyboard");
            assertTrue(bar.attr("aria-label").startsWith(id), id + " is labelled");
        }
        assertFalse(page.select("#gantt .task.critical").isEmpty(), "the critical path is highlighted");
        assertTrue(page.selectFirst("#gantt .axis").text().contains("days"), "the time axis is in the plan's unit");

        var savings = page.selectFirst("#savings-table");
        assertTrue(savings.text().contains("Sequential"), savings.text());
        assertTrue(savings.text().contains("114 days"), "the sequential total");
        assertTrue(savings.text().contains("Optimized (Fanout)"));
        assertTrue(page.selectFirst("#progress").text().contains("proven optimal"));

        var whatIf = page.selectFirst("#whatif-section");
        var chart = whatIf.selectFirst("svg#whatif-chart");
        assertNotNull(chart.selectFirst("path.curve"), "the makespan curve");
        assertEquals(7, chart.select("circle.point").size(), "one point per agent count");
        assertNotNull(chart.selectFirst("[data-knee]"), "the knee is marked");
        assertTrue(page.selectFirst("#knee").text().startsWith("Knee: "));

        chromium(app.url() + "/?plan=onex-runtime-registration", "--window-size=1400,1000",
                "--screenshot=" + SCREENSHOTS.resolve("plan-1400x1000.png").toAbsolutePath());
        chromium(app.url() + "/?plan=onex-runtime-registration", "--window-size=1280,800",
                "--screenshot=" + SCREENSHOTS.resolve("plan-1280x800.png").toAbsolutePath());
        assertTrue(Files.size(SCREENSHOTS.resolve("plan-1400x1000.png")) > 10_000, "a screenshot was taken");
    }

    @Test
    void milestonesAreMarkedButNeedNoBar() throws Exception {
        var page = render(app.url() + "/?plan=mahavishnu-task-orchestration");
        var plan = JSON.readTree(TestPlans.read(TestPlans.DATA.resolve("mahavishnu-task-orchestration.json")));
        int withWork = 0;
        for (var task : plan.get("tasks")) {
            var element = page.selectFirst("#gantt [data-task=\"" + task.get("id").asText() + "\"]");
            assertNotNull(element, task.get("id").asText());
            if (task.get("duration").asDouble() > 0) {
                withWork++;
                assertNotNull(element.selectFirst("rect"));
            } else {
                assertTrue(element.hasClass("milestone"));
            }
        }
        assertEquals(withWork, page.select("#gantt .task rect").size(), "a bar for every task with work, no more");
        assertTrue(page.selectFirst("#claims").text().contains("Parallel duration"), "the author's claims are checked");
    }

    @Test
    void theListShowsEveryPlanAndTheFormIsLabelled() throws Exception {
        var page = render(app.url() + "/");
        var rows = page.select("#plans-table tbody tr");
        assertEquals(TestPlans.seedFiles().size(), rows.size());
        assertTrue(rows.select("a[href^=/?plan=]").size() == rows.size(), "each plan links to its page");
        assertNotNull(page.selectFirst("label[for=plan-text]"), "the plan box has a label");
        assertNotNull(page.selectFirst("#add-errors[role=alert]"), "errors are announced");
        chromium(app.url() + "/", "--window-size=1400,1000",
                "--screenshot=" + SCREENSHOTS.resolve("plans-1400x1000.png").toAbsolutePath());
    }
}
