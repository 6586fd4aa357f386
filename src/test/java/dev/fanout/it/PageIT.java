package dev.fanout.it;

import static dev.fanout.it.Browsers.RELEASE;
import static dev.fanout.it.Browsers.SCREENSHOTS;
import static dev.fanout.it.Browsers.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.numberOfElementsToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.fanout.TestPlans;

/**
 * The web page driven like a user does, in Debian's headless Chromium through its ChromeDriver: typing a plan into the
 * box and adding it, pressing Solve, clicking a bar of the Gantt chart and pressing Enter on another, running a what-if
 * comparison, asking how few agents finish by a deadline, and correcting a refused plan line by line; then a plan whose
 * tasks share files, with capped pools and an agent's window, shows its waits and sweeps its cap; and a plan with
 * ranged durations and a deadline shows its forecast, strategy by strategy. The service starts without the example
 * plans, so the plans are the ones typed here ({@link Browsers#RELEASE}, {@link #SHARED_FILES} and {@link #RANGES},
 * whose figures are worked out by hand where they are written, but for the forecast's random draws, read from the
 * report); the first test runs first, as it starts from an empty list. The last one starts a second service, with
 * API keys, whose page asks for a key. Full-page screenshots are kept in target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PageIT {

    /**
     * A (4 days) changes the folder src/api/, which holds B's file src/api/routes.py, so A and B never run at once; E
     * (1 day) follows A. A and E need python (pool py: 2 workers, at most 1 task at once), B needs docs (the writer,
     * available from day 2). The plan runs at most 2 tasks at once. Optimum: A 0–4, then E and B 4–5, makespan 5 (the
     * critical path A → E); B first would push A to 3–7 and E to 8. So B, ready on day 2 when the writer comes, waits
     * from day 2 to day 4 for the area A holds. Sequential: 4 + 1 + 1 = 6 days. Caps swept: with 1 task at once the
     * three run one after another, 6 days, the sequential figure; from 2 on, 5 days, so the knee is at a cap of 2.
     * The author's waves, A and B then E, cannot run A and B side by side (they take turns: A 0–4, B 4–5, E 5–6).
     */
    static final String SHARED_FILES = TestPlans.json("""
            {'name': 'Browser check: shared files', 'timeUnit': 'days', 'maxConcurrent': 2,
             'pools': [{'id': 'py', 'workers': 2, 'skills': ['python'], 'maxConcurrent': 1}],
             'agents': [{'id': 'writer', 'skills': ['docs'], 'availableFrom': 2}],
             'resources': [{'id': 'db', 'name': 'the test database', 'capacity': 2}],
             'tasks': [
               {'id': 'A', 'title': 'API models', 'duration': 4, 'skills': ['python'], 'areas': ['src/api/'], 'uses': ['db']},
               {'id': 'B', 'title': 'Route docs', 'duration': 1, 'skills': ['docs'], 'areas': ['src/api/routes.py', 'docs/api.md']},
               {'id': 'E', 'title': 'Migration', 'duration': 1, 'skills': ['python'], 'dependsOn': ['A'], 'uses': {'db': 2}}],
             'waves': [['A', 'B'], ['E']]}
            """);

    /**
     * Three durations are ranges, scheduled on their PERT means (min + 4·likely + max) / 6: A 2 to 6 days, most likely
     * 3 (mean 20 / 6 = 3.33); B 3 to 5, no most likely figure, so the middle, 4 (mean 4); D 1 to 3, most likely 1
     * (mean 8 / 6 = 1.33). C (4) and E (2) are fixed. Two workers: A, then B and C side by side, then D, with E beside
     * A: 3.33 + 4 + 1.33 = 8.66 days, the critical path. The author's waves run E after A, not beside it: 3.33 + 2 +
     * 4 + 1.33 = 10.66 days on the means. The deadline, day 10, lies inside the optimized schedule's spread: A, B and D
     * at their maximum take 6 + 5 + 3 = 14 days. The forecast's figures are random draws (from a fixed seed), so the
     * test reads them from the report and checks the page against them.
     */
    static final String RANGES = TestPlans.json("""
            {'name': 'Browser check: ranged durations', 'timeUnit': 'days',
             'pools': [{'id': 'team', 'workers': 2}],
             'tasks': [
               {'id': 'A', 'title': 'Schema', 'duration': {'min': 2, 'likely': 3, 'max': 6}},
               {'id': 'B', 'title': 'API', 'duration': {'min': 3, 'max': 5}, 'dependsOn': ['A']},
               {'id': 'C', 'title': 'Client', 'duration': 4, 'dependsOn': ['A']},
               {'id': 'D', 'title': 'Release', 'duration': {'min': 1, 'likely': 1, 'max': 3}, 'dependsOn': ['B', 'C']},
               {'id': 'E', 'title': 'Docs', 'duration': 2}],
             'waves': [['A'], ['E'], ['B', 'C'], ['D']], 'deadline': 10}
            """);

    /**
     * A chain A (2 days) → B (3) → C (4) and a side task S (2), on two workers: A, B and C one after another on one,
     * S beside A on the other, 9 days, the critical path. On day 3, A done: nothing planned starts before now, so B
     * 3–6, C 6–10 and S 3–5, 10 days (+1: B, C and S slipped, now having moved). On day 4, B started and half done,
     * 1.5 of its 3 days to go on its worker: B 4–5.5, C 5.5–9.5, S 4–6, 9.5 days (−0.5: S slipped by 1).
     */
    static final String PROGRESS = TestPlans.json("""
            {'name': 'Browser check: progress', 'timeUnit': 'days',
             'pools': [{'id': 'team', 'workers': 2}],
             'tasks': [
               {'id': 'A', 'title': 'Design', 'duration': 2},
               {'id': 'B', 'title': 'Build', 'duration': 3, 'dependsOn': ['A']},
               {'id': 'C', 'title': 'Ship', 'duration': 4, 'dependsOn': ['B']},
               {'id': 'S', 'title': 'Side docs', 'duration': 2}]}
            """);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Dimension WINDOW = new Dimension(1400, 1000);
    private static AppProcess app;
    private static ChromeDriver driver;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        app = AppProcess.start(Files.createTempDirectory("fanout-page").resolve("fanout"), Map.of("fanout.seed.enabled", "false"));
        driver = Browsers.driver(WINDOW);
        // The page redraws lists (the version picker, the tables) as a re-plan lands: an element read mid-redraw is
        // read again, not a failure.
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            app.close();
        }
    }

    private static WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    private static List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    /** The page as it is now, to read its tables. */
    private static Document dom() {
        return Jsoup.parse(driver.getPageSource());
    }

    /** The tasks of the Gantt chart carrying {@code className}. */
    private static Set<String> tasksWith(String className) {
        return driver.findElements(By.cssSelector("#gantt .task." + className)).stream()
                .map(bar -> bar.getDomAttribute("data-task")).collect(Collectors.toSet());
    }

    /**
     * A sweep asked for in its box: a refused entry first (Enter submits), which the page turns down with
     * {@code refusal}; then 1, 2 and 3 with the button. The drawn points' {@code attribute}, in order.
     */
    private static List<String> sweep(String box, String refused, String refusal, String button, String attribute) {
        var input = find(box);
        input.clear();
        input.sendKeys(refused, Keys.ENTER);
        wait.until(textToBe(By.id("whatif-status"), refusal));
        input.clear();
        input.sendKeys("1, 2, 3");
        find(button).click();
        wait.until(numberOfElementsToBe(By.cssSelector("#whatif-chart circle.point"), 3));
        return driver.findElements(By.cssSelector("#whatif-chart circle.point")).stream()
                .map(point -> point.getDomAttribute(attribute)).toList();
    }

    /** The plan's report as the API gives it, read the way any client reads it. */
    private static JsonNode report(String id) throws IOException, InterruptedException {
        try (var client = HttpClient.newHttpClient()) {
            var response = client.send(HttpRequest.newBuilder(URI.create(app.url() + "/api/plans/" + id + "/report"))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            return JSON.readTree(response.body());
        }
    }

    /** The plan id in the page's address. */
    private static String planId() {
        var url = driver.getCurrentUrl();
        return url.substring(url.indexOf("?plan=") + "?plan=".length());
    }

    /** A figure as the page writes it: rounded to two decimals, no trailing zeros (49, 6.5, 40.91). */
    private static String figure(double value) {
        double rounded = Math.round(value * 100) / 100.0;
        return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded);
    }

    /** A figure in days, singular for exactly 1, as the page writes it. */
    private static String days(JsonNode value) {
        var figure = figure(value.asDouble());
        return figure + (figure.equals("1") ? " day" : " days");
    }

    /** A share of runs as the page writes it: 0.71 → "71 %". */
    private static String percent(JsonNode fraction) {
        return figure(fraction.asDouble() * 100) + " %";
    }

    /** The whole page from its top, the window made as tall as the page for the shot. */
    private static void screenshot(String name) throws IOException {
        long height = (Long) driver.executeScript("window.scrollTo(0, 0); "
                + "return document.documentElement.scrollHeight + window.outerHeight - window.innerHeight");
        driver.manage().window().setSize(new Dimension(WINDOW.getWidth(), (int) Math.max(height, WINDOW.getHeight())));
        Files.write(SCREENSHOTS.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
        driver.manage().window().setSize(WINDOW);
        assertTrue(Files.size(SCREENSHOTS.resolve(name)) > 10_000, "a screenshot was taken: " + name);
    }

    @Test
    @Order(1)
    void aPlanTypedIntoTheBoxIsAddedSolvedAndExplored() throws Exception {
        driver.get(app.url() + "/");
        assertEquals("No plans yet: add one below.", wait.until(visibilityOfElementLocated(By.id("plans-empty"))).getText());

        // Typing the plan, then the button: the page goes to the new plan's own address.
        find("label[for=plan-text]");
        find("#plan-text").sendKeys(RELEASE);
        find("#add-form button[type=submit]").click();
        wait.until(urlContains("/?plan="));
        var id = driver.getCurrentUrl().substring(driver.getCurrentUrl().indexOf("?plan=") + "?plan=".length());
        wait.until(textToBe(By.id("plan-name"), "Browser check: a release in weeks"));
        wait.until(textToBePresentInElementLocated(By.id("progress"), "Not solved yet: press Solve."));
        assertEquals("Solve the plan to compare it with doing it one by one.", find("#savings-table tbody").getText());
        assertTrue(driver.findElements(By.cssSelector("#gantt .task")).isEmpty(), "no schedule before solving");
        assertFalse(find("#deadline").isDisplayed(), "the deadline is judged once there is a schedule");

        // Solve: the solver proves 12 weeks optimal (the critical path A → B → D) at once.
        find("#solve-button").click();
        wait.until(textToBePresentInElementLocated(By.id("progress"), "proven optimal"));
        var deadline = wait.until(visibilityOfElementLocated(By.id("deadline")));
        assertEquals("proven optimal Makespan: 12 weeks · lower bound 12 weeks · nothing shorter exists",
                find("#progress").getText());
        assertEquals("Deadline: 14 weeks. The optimized schedule meets it with 2 weeks to spare.", deadline.getText());
        for (var task : List.of("A", "B", "C", "D", "E")) {
            assertEquals(1, driver.findElements(By.cssSelector("#gantt [data-task='" + task + "'] rect")).size(),
                    "one bar for " + task);
        }
        assertEquals(5, driver.findElements(By.cssSelector("#gantt .task rect")).size(), "a bar for every task, no more");
        assertEquals(Set.of("A", "B", "D"), tasksWith("critical"), "the critical path is highlighted");
        var savings = dom().selectFirst("#savings-table");
        assertEquals(List.of("15 weeks", "3 weeks", "20 %", "1.25×"), row(savings, "Sequential"), "3 + 4 + 2 + 5 + 1");
        assertEquals("12 weeks", row(savings, "Optimized (Fanout)").getFirst());

        // No duration is a range: every run of the forecast takes the makespan, and the page says so in the report's
        // words instead of drawing a chart.
        var forecast = report(id).get("forecast");
        assertEquals(1, forecast.get("runs").asInt());
        assertEquals(forecast.get("note").asText(), find("#forecast-note").getText());
        assertFalse(find("#forecast-body").isDisplayed(), "no chart when every run takes the makespan");

        // Clicking B's bar: B starts when A ends (week 3); its only dependency, A, stays lit and gets an arrow.
        find("#gantt [data-task='B'] rect").click();
        wait.until(textToBe(By.cssSelector("#task-details h3"), "B — Service layer"));
        var details = texts("#task-details p");
        assertEquals(3, details.size(), details.toString());
        assertTrue(details.get(0).endsWith(" · weeks 3 to 7 · slack 0 weeks"), details.get(0));
        assertEquals("Why then: B waits for its dependency A, which ends at week 3.", details.get(1));
        assertEquals("Depends on: A", details.get(2));
        assertEquals(Set.of("B"), tasksWith("selected"));
        assertEquals(Set.of("C", "D", "E"), tasksWith("dimmed"));
        assertEquals(1, driver.findElements(By.cssSelector("#dependency-lines path.dependency")).size(), "an arrow from A");

        // Escape clears the selection; Enter on D's bar selects D, which waits for B (ends at week 7), not for C
        // (ends at week 5: the writer is free when A ends at 3, and C takes 2 weeks).
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        wait.until(textToBePresentInElementLocated(By.id("task-details"), "Select a task"));
        assertTrue(tasksWith("dimmed").isEmpty(), "nothing is dimmed without a selection");
        find("#gantt [data-task='D']").sendKeys(Keys.ENTER);
        wait.until(textToBe(By.cssSelector("#task-details h3"), "D — Integration"));
        details = texts("#task-details p");
        assertTrue(details.get(0).endsWith(" · weeks 7 to 12 · slack 0 weeks"), details.get(0));
        assertEquals("Why then: D waits for its dependency B, which ends at week 7.", details.get(1));
        assertEquals("Depends on: B, C", details.get(2));
        assertEquals(Set.of("A", "E"), tasksWith("dimmed"));
        assertEquals(2, driver.findElements(By.cssSelector("#dependency-lines path.dependency")).size(), "arrows from B and C");

        // What if: a count that is not a number is refused on the page (Enter submits); then 1, 2 and 3 generalists
        // with the button. One does everything (15 weeks); from two on, the critical path binds (12): the knee is 2.
        assertEquals(List.of("1", "2", "3"), sweep("#whatif-counts", "1, two",
                "Agent counts must be whole numbers of 1 or more, separated by commas.", "#whatif-button", "data-agents"));
        assertEquals("2", find("#whatif-chart [data-knee]").getDomAttribute("data-knee"), "the knee is marked");
        assertTrue(find("#knee").getText().startsWith("Knee: 2 agents."), find("#knee").getText());
        assertEquals("1 agents: 15 weeks; 2 agents: 12 weeks; 3 agents: 12 weeks. The knee is at 2 agents.",
                dom().selectFirst("#whatif-chart-desc").text());
        assertEquals(List.of("15 weeks", "12 weeks", "12 weeks"), texts("#whatif-table tbody tr td:nth-child(2)"));
        screenshot("page-plan-1400.png");

        // Fewest agents by a deadline. The box starts at the plan's own deadline; 0 is refused on the page (Enter
        // submits), and nothing is sent: no request to the what-if address, the sweep above still shown.
        var whatIfRequests = "return performance.getEntriesByType('resource')"
                + ".filter(entry => entry.name.endsWith('/what-if')).length";
        var sent = (Long) driver.executeScript(whatIfRequests);
        find("label[for=fewest-deadline]");
        assertEquals("weeks", find("#fewest-unit").getText());
        var deadlineBox = find("#fewest-deadline");
        assertEquals("14", deadlineBox.getDomProperty("value"));
        deadlineBox.clear();
        deadlineBox.sendKeys("0", Keys.ENTER);
        wait.until(textToBe(By.id("whatif-status"), "The deadline must be a number above 0, in weeks."));
        assertEquals(sent, driver.executeScript(whatIfRequests), "a refused deadline is not sent");
        assertEquals("", find("#fewest").getText());
        assertEquals(3, driver.findElements(By.cssSelector("#whatif-chart circle.point")).size(), "the sweep stays");

        // 10 weeks, with the button: the critical path A → B → D alone takes 12, so no number of agents meets it
        // and none is solved. The curve and the knee belong to sweeps: they go, and the empty table with them.
        deadlineBox.clear();
        deadlineBox.sendKeys("10");
        find("#fewest-button").click();
        wait.until(textToBe(By.id("fewest"),
                "The critical path takes 12 weeks, past the deadline (10 weeks): no number of agents meets it."));
        assertEquals("", find("#whatif-status").getText());
        assertEquals("", find("#knee").getText());
        assertFalse(find("#whatif-chart").isDisplayed(), "no curve for a fewest-agents answer");
        assertFalse(find("#whatif-table").isDisplayed(), "no count was solved");

        // 12 weeks: k generalists are bounded by max(critical path 12, work 15 ÷ k). One is bounded by 15, past
        // the deadline; the first count the work bound allows is ⌈15 ÷ 12⌉ = 2, bounded by max(12, 7.5) = 12, and
        // solved to 12 (A, B, D on one agent, C and E on the other). One row: 2 agents, saving 3 of 15 weeks (20 %,
        // 1.25×), busy 15 of 2 × 12 agent-weeks (62.5 %).
        var fewest = "2 agents finish by 12 weeks (makespan 12 weeks); 1 cannot: their lower bound is 15 weeks, past the deadline.";
        var tried = List.of("2", "12 weeks", "12 weeks", "yes", "20 %", "1.25×", "62.5 %");
        deadlineBox.clear();
        deadlineBox.sendKeys("12");
        find("#fewest-button").click();
        wait.until(textToBe(By.id("fewest"), fewest));
        assertEquals("2 agents", find("#fewest strong").getText(), "the answer leads, in bold");
        assertEquals(tried, texts("#whatif-table tbody tr td"));
        assertFalse(find("#whatif-chart").isDisplayed());
        screenshot("page-fewest-1400.png");

        // Loaded again, the plan shows its last what-if, this answer, the same way.
        driver.navigate().refresh();
        wait.until(textToBe(By.id("fewest"), fewest));
        assertEquals(tried, texts("#whatif-table tbody tr td"));
        assertFalse(find("#whatif-chart").isDisplayed());
        assertEquals("12", find("#fewest-deadline").getDomProperty("value"));

        // Back to the list: the plan is there, solved to its proven optimum.
        driver.findElement(By.linkText("← All plans")).click();
        wait.until(numberOfElementsToBe(By.cssSelector("#plans-table tbody tr"), 1));
        var link = find("#plans-table tbody tr th a");
        assertEquals("Browser check: a release in weeks", link.getText());
        assertEquals("/?plan=" + id, link.getDomAttribute("href"));
        assertEquals(List.of("5", "3", "proven optimal", "12", "12"), texts("#plans-table tbody tr td"));
    }

    @Test
    @Order(2)
    void aRefusedPlanNamesEachFieldAndTheLineToCorrect() throws Exception {
        driver.get(app.url() + "/");
        var box = wait.until(visibilityOfElementLocated(By.id("plan-text")));
        // Line 4 has a negative duration; line 5 depends on a task Z that does not exist. Fields are checked before
        // references, so the duration is named first, and the missing task once the duration is corrected.
        box.sendKeys("""
                {"name": "A broken plan",
                 "pools": [{"id": "team", "workers": 2}],
                 "tasks": [
                  {"id": "A", "duration": -2},
                  {"id": "B", "duration": 1, "dependsOn": ["A", "Z"]}]}""");
        find("#add-form button[type=submit]").click();
        wait.until(visibilityOfElementLocated(By.cssSelector("#add-errors li")));
        assertEquals("Invalid plan", find("#add-errors strong").getText());
        assertEquals(List.of("tasks[0].duration = -2 must be a number ≥ 0 (line 4)"), texts("#add-errors li"));
        assertEquals(List.of("4"), texts("#gutter .bad"), "the line is marked in the margin");
        screenshot("page-refused-1400.png");

        // "line 4" selects that line in the box; typing replaces it.
        find("#add-errors li button").click();
        new Actions(driver).sendKeys("  {\"id\": \"A\", \"duration\": 2},").perform();
        assertEquals("  {\"id\": \"A\", \"duration\": 2},", box.getDomProperty("value").split("\n")[3]);
        find("#add-form button[type=submit]").click();
        wait.until(textToBePresentInElementLocated(By.id("add-errors"), "tasks[1]"));
        assertEquals(List.of("tasks[1].dependsOn[1] = \"Z\" names no task (line 5)"), texts("#add-errors li"));
        assertEquals(List.of("5"), texts("#gutter .bad"));
        assertTrue(driver.getCurrentUrl().endsWith("/"), "a refused plan stays on the list: " + driver.getCurrentUrl());
    }

    /** Types a plan into the list page's box and adds it, as a user does; returns once the plan's own view shows. */
    private static void addPlan(String plan, String name) {
        driver.get(app.url() + "/");
        wait.until(visibilityOfElementLocated(By.id("plan-text"))).sendKeys(plan);
        find("#add-form button[type=submit]").click();
        wait.until(textToBe(By.id("plan-name"), name));
    }

    /** An SVG element's numeric attribute. */
    private static double number(WebElement element, String attribute) {
        return Double.parseDouble(element.getDomAttribute(attribute));
    }

    @Test
    @Order(3)
    void sharedFilesAreWaitedForAndTheCapIsSwept() throws Exception {
        addPlan(SHARED_FILES, "Browser check: shared files");
        // Two workers of pool py and the writer, before the solver's report counts them too.
        wait.until(textToBe(By.id("plan-facts"), "3 tasks · 3 agents · times in days · at most 2 tasks at once (the plan's cap)"));
        find("#solve-button").click();
        wait.until(textToBePresentInElementLocated(By.id("progress"), "proven optimal"));
        assertEquals("proven optimal Makespan: 5 days · lower bound 5 days · nothing shorter exists", find("#progress").getText());

        // The author's waves: wave 1's A and B change overlapping files, so they take turns, and the page says so.
        var findings = wait.until(visibilityOfElementLocated(By.id("wave-findings")));
        assertEquals(List.of("sharedAreaInsideWave"), driver.findElements(By.cssSelector("#wave-findings li")).stream()
                .map(item -> item.getDomAttribute("data-kind")).toList());
        var finding = find("#wave-findings li").getText();
        assertTrue(finding.startsWith("Wave 1 is not parallel for tasks that change the same area: ") && finding.contains("(A, B)"),
                finding);
        assertEquals(List.of("6 days", "1 day", "16.7 %", "1.2×"), row(dom().selectFirst("#savings-table"), "Author's waves (2 waves)"),
                "A 0–4, B 4–5, E 5–6: a day longer than the optimized 5");

        // The rows, once the report is in (it lists py-2 too, which has no task): py's workers carry their pool's
        // cap; the writer's row is shaded until day 2, when it comes.
        wait.until(numberOfElementsToBe(By.cssSelector("#gantt .agent-label"), 3));
        assertEquals(List.of("writer", "py-1", "py-2"), texts("#gantt .agent-label .row-label"));
        assertEquals(List.of("pool cap 1", "pool cap 1"), texts("#gantt .agent-label .row-facts"), "under py-1 and py-2");
        assertTrue(driver.findElements(By.cssSelector("#gantt .agent-label[data-agent='writer'] .row-facts")).isEmpty());
        assertEquals("writer: available from day 2", find("#gantt .agent-label[data-agent='writer']").getDomAttribute("aria-label"));
        assertEquals("py-1: pool py runs at most 1 task at once",
                find("#gantt .agent-label[data-agent='py-1']").getDomAttribute("aria-label"));
        var unavailable = driver.findElements(By.cssSelector("#gantt rect.unavailable"));
        assertEquals(List.of("writer"), unavailable.stream().map(shade -> shade.getDomAttribute("data-agent")).toList(),
                "only the writer has time outside its window");

        // B's wait for the area A holds: hatched from day 2 (the writer comes; B has no dependency) to day 4, where
        // its bar starts. The only wait drawn: E waits for its dependency, which its bar's place says already.
        var waits = driver.findElements(By.cssSelector("#gantt .wait"));
        assertEquals(1, waits.size(), "one drawn wait");
        var areaWait = find("#gantt rect.wait.area-wait[data-wait='B']");
        assertEquals("src/api/routes.py", areaWait.getDomAttribute("data-limit"));
        assertEquals("B waits for area src/api/routes.py, held by A: days 2 to 4",
                dom().selectFirst("#gantt rect.area-wait[data-wait=B] > title").text());
        var shade = unavailable.getFirst();
        var bar = find("#gantt [data-task='B'] rect");
        assertEquals(number(shade, "x") + number(shade, "width"), number(areaWait, "x"), 0.01, "the wait starts on day 2");
        assertEquals(number(areaWait, "x") + number(areaWait, "width"), number(bar, "x"), 0.01, "and ends where B starts");
        assertEquals(number(bar, "y"), number(areaWait, "y"), 0.01, "on B's row");
        var legend = find("#legend").getText();
        assertTrue(legend.contains("waiting for an area another task changes"), legend);
        assertTrue(legend.contains("agent not available"), legend);
        assertFalse(legend.contains("resource"), "no resource wait, no legend for it: " + legend);

        // The bars' hover titles name the files changed and the resources used.
        var page = dom();
        assertEquals("B Route docs: writer, days 4 to 5. B waits for area src/api/routes.py, held by A until day 4. "
                + "Changes: src/api/routes.py, docs/api.md.", page.selectFirst("#gantt [data-task=B] > title").text());
        var title = page.selectFirst("#gantt [data-task=E] > title").text();
        assertTrue(title.endsWith(", days 4 to 5, critical. E waits for its dependency A, which ends at day 4. Uses: db (2 units)."),
                title);

        // The details of B, then of A (clicked, then Enter): what each changes and uses.
        find("#gantt [data-task='B'] rect").click();
        wait.until(textToBe(By.cssSelector("#task-details h3"), "B — Route docs"));
        var details = texts("#task-details p");
        assertTrue(details.getFirst().startsWith("writer · days 4 to 5"), details.getFirst());
        assertEquals(List.of("Why then: B waits for area src/api/routes.py, held by A until day 4.",
                "Depends on: nothing", "Changes: src/api/routes.py, docs/api.md"), details.subList(1, details.size()));
        find("#gantt [data-task='A']").sendKeys(Keys.ENTER);
        wait.until(textToBe(By.cssSelector("#task-details h3"), "A — API models"));
        details = texts("#task-details p");
        assertEquals(List.of("Depends on: nothing", "Changes: src/api/", "Uses: db (1 unit)"), details.subList(2, details.size()));

        // The cap swept: a cap that is not a number is refused on the page (Enter submits); then caps 1, 2 and 3 with
        // the button. Cap 1 runs the three tasks one after another: the sequential 6 days of the savings table.
        find("label[for=whatif-caps]");
        assertEquals(List.of("1", "2", "3"), sweep("#whatif-caps", "1, 2.5",
                "Caps must be whole numbers of 1 or more, separated by commas.", "#caps-button", "data-cap"));
        assertEquals("", find("#whatif-status").getText());
        assertEquals("2", find("#whatif-chart [data-knee]").getDomAttribute("data-knee"), "the knee is marked");
        assertTrue(find("#knee").getText().startsWith("Knee: a cap of 2 tasks at once. From a cap of 2 tasks at once on,"),
                find("#knee").getText());
        assertEquals("cap 1: 6 days; cap 2: 5 days; cap 3: 5 days. The knee is at a cap of 2 tasks at once.",
                dom().selectFirst("#whatif-chart-desc").text());
        assertEquals("Cap", find("#whatif-count-header").getText());
        assertEquals(List.of("1", "2", "3"), texts("#whatif-table tbody tr td:nth-child(1)"));
        assertEquals(List.of("6 days", "5 days", "5 days"), texts("#whatif-table tbody tr td:nth-child(2)"));
        assertEquals(row(dom().selectFirst("#savings-table"), "Sequential").getFirst(),
                texts("#whatif-table tbody tr td:nth-child(2)").getFirst(), "cap 1 is the sequential figure");
        screenshot("page-shared-files-1400.png");
    }

    @Test
    @Order(4)
    void rangedDurationsAreForecastAndComparedAcrossStrategies() throws Exception {
        addPlan(RANGES, "Browser check: ranged durations");
        var id = planId();
        assertFalse(find("#forecast").isDisplayed(), "no forecast before there is a schedule");
        find("#solve-button").click();
        wait.until(textToBePresentInElementLocated(By.id("progress"), "proven optimal"));
        wait.until(visibilityOfElementLocated(By.id("forecast-chart")));
        var forecast = report(id).get("forecast");
        int runs = forecast.get("runs").asInt();
        assertTrue(runs > 1, "ranged durations are drawn many times: " + forecast);
        assertEquals(3, forecast.get("ranged").asInt());
        assertEquals(forecast.get("note").asText(), find("#forecast-note").getText());
        assertTrue(find("#forecast-lead").getText().startsWith("P50, P80 and P95: the makespan that half, 80 % and 95 % of the runs"),
                find("#forecast-lead").getText());

        // The table: the optimized schedule, then the strategies of the savings table, each with the report's
        // P50, P80, P95, mean and share of runs on time.
        var strategies = List.of("optimized", "sequential", "waves", "tiers");
        assertEquals(strategies, driver.findElements(By.cssSelector("#forecast-table tbody tr")).stream()
                .map(row -> row.getDomAttribute("data-strategy")).toList());
        for (var strategy : strategies) {
            var spread = strategy.equals("optimized") ? forecast : forecast.get("strategies").get(strategy);
            assertEquals(List.of(days(spread.get("p50")), days(spread.get("p80")), days(spread.get("p95")),
                    days(spread.get("mean")), percent(spread.get("onTime"))),
                    texts("#forecast-table tr[data-strategy=" + strategy + "] td"), strategy);
        }
        assertEquals(days(forecast.get("p50")), find("#forecast-table tr[data-strategy=optimized] .forecast-p50").getText());

        // The chart of the optimized schedule: P50, P80 and P95 marked, a bar per bin that holds runs, every run in
        // one, and the deadline drawn with the share of runs that meet it.
        var page = dom();
        assertEquals("optimized", page.selectFirst("#forecast-chart").attr("data-strategy"));
        for (var percentile : List.of("p50", "p80", "p95")) {
            assertEquals(percentile.toUpperCase() + " " + figure(forecast.get(percentile).asDouble()),
                    page.selectFirst("#forecast-chart .marker-" + percentile + " text").text());
        }
        var bars = page.select("#forecast-chart rect.bar");
        assertTrue(bars.size() > 1, "the runs spread over several bars: " + bars.size());
        assertEquals(runs, bars.stream().mapToInt(bar -> Integer.parseInt(bar.attr("data-count"))).sum(), "every run in a bar");
        assertEquals(1, page.select("#forecast-chart line.deadline-line").size(), "the deadline is drawn");
        assertEquals("deadline 10", page.selectFirst("#forecast-chart .deadline-label").text());
        assertEquals(percent(forecast.get("onTime")) + " of runs meet the deadline (10 days) with the optimized schedule.",
                find("#forecast-ontime").getText());

        // The tasks most often on the chain that ends last, most often first, at most five.
        var ranked = StreamSupport.stream(forecast.get("criticality").properties().spliterator(), false)
                .filter(entry -> entry.getValue().asDouble() > 0)
                .sorted((a, b) -> a.getValue().asDouble() != b.getValue().asDouble()
                        ? Double.compare(b.getValue().asDouble(), a.getValue().asDouble()) : a.getKey().compareTo(b.getKey()))
                .limit(5).toList();
        assertEquals(ranked.stream().map(entry -> entry.getKey() + " lies on the chain that ends last in "
                + (entry.getValue().asDouble() >= 1 ? "every run." : percent(entry.getValue()) + " of runs.")).toList(),
                texts("#forecast-critical li"));
        screenshot("page-forecast-1400.png");

        // Sequential picked: its own runs drawn, its percentiles marked, its share of runs on time said.
        find("#forecast-strategies [data-strategy=sequential]").click();
        wait.until(shown -> "sequential".equals(find("#forecast-chart").getDomAttribute("data-strategy")));
        var sequential = forecast.get("strategies").get("sequential");
        assertEquals("true", find("#forecast-strategies [data-strategy=sequential]").getDomAttribute("aria-pressed"));
        assertEquals("false", find("#forecast-strategies [data-strategy=optimized]").getDomAttribute("aria-pressed"));
        assertEquals("P50 " + figure(sequential.get("p50").asDouble()), dom().selectFirst("#forecast-chart .marker-p50 text").text());
        assertEquals(percent(sequential.get("onTime")) + " of runs meet the deadline (10 days) with one agent doing everything.",
                find("#forecast-ontime").getText());
        assertFalse(driver.findElements(By.cssSelector("#forecast-chart rect.bar")).isEmpty(), "the sequential runs have bars");
        find("#forecast-strategies [data-strategy=optimized]").click();
        wait.until(shown -> "optimized".equals(find("#forecast-chart").getDomAttribute("data-strategy")));

        // A task in the list selects it in the schedule, with its range.
        find("#forecast-critical li[data-task=A] button").click();
        wait.until(textToBe(By.cssSelector("#task-details h3"), "A — Schema"));
        assertTrue(texts("#task-details p").contains("Duration: 2 to 6 days, most likely 3; the schedule uses its PERT mean."),
                texts("#task-details p").toString());
    }

    /** A progress update sent as another client would, past the page; returns the version it made. */
    private static int patchProgress(String id, String update) throws IOException, InterruptedException {
        try (var client = HttpClient.newHttpClient()) {
            var response = client.send(HttpRequest.newBuilder(URI.create(app.url() + "/api/plans/" + id + "/progress"))
                    .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(update)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(202, response.statusCode(), response.body());
            return JSON.readTree(response.body()).get("version").asInt();
        }
    }

    /** The agent a bar of the Gantt chart is on, from its label: "A Design: team-1, days 0 to 2" → team-1. */
    private static String agentOf(String task) {
        var label = find("#gantt [data-task='" + task + "']").getDomAttribute("aria-label");
        return label.substring(label.indexOf(": ") + 2, label.indexOf(','));
    }

    /**
     * Waits until the version picker lists these versions: it is drawn last, once the schedule, the report and the
     * changes since the last version are.
     */
    private static void versionsListed(String... versions) {
        wait.until(listed -> texts("#version-select option").equals(List.of(versions)));
    }

    /** Chooses a task, its status and the other boxes of the progress form, as a user does; null leaves a box as it is. */
    private static void fillProgress(String task, String status, String progress, String now) {
        new Select(find("#update-task")).selectByValue(task);
        new Select(find("#update-status")).selectByValue(status);
        for (var box : new String[][] {{"#update-progress", progress}, {"#update-now", now}}) {
            if (box[1] != null) {
                find(box[0]).clear();
                find(box[0]).sendKeys(box[1]);
            }
        }
    }

    @Test
    @Order(5)
    void progressIsMarkedOnThePageAndEveryVersionStaysReadable() throws Exception {
        addPlan(PROGRESS, "Browser check: progress");
        var id = planId();
        find("#solve-button").click();
        versionsListed("Version 1 (current) · now 0 · finish 9 days");
        assertEquals("proven optimal Makespan: 9 days · lower bound 9 days · nothing shorter exists", find("#progress").getText());
        assertTrue(driver.findElements(By.cssSelector("#gantt .now-marker")).isEmpty(), "no now line on day 0");
        assertFalse(find("#since-last").isDisplayed(), "nothing to compare a first version with");
        var worker = agentOf("A");

        // Day 3, A done: the form gives A the agent the schedule gives it, asks no progress of a done task, starts
        // from the plan's now; the page sends it and follows the re-plan.
        find("label[for=update-task]");
        find("label[for=update-progress]");
        find("label[for=update-now]");
        assertEquals("0", find("#update-now").getDomProperty("value"));
        fillProgress("A", "done", null, "3");
        assertFalse(find("#update-progress").isEnabled(), "progress is asked of a started task only");
        assertEquals(worker, new Select(find("#update-agent")).getFirstSelectedOption().getText());
        find("#update-button").click();
        versionsListed("Version 1 · now 0 · finish 9 days", "Version 2 (current) · now 3 · finish 10 days");
        assertEquals("proven optimal Makespan: 10 days · lower bound 10 days · nothing shorter exists · now day 3: 7 days to go",
                find("#progress").getText());
        assertEquals("Version 2 stored (now day 3); the schedule is re-planned from it.", find("#update-message").getText());
        var marker = find("#gantt .now-marker");
        assertEquals("3", marker.getDomAttribute("data-now"));
        assertEquals("now: day 3", marker.getText());
        assertEquals(number(find("#gantt .now-line"), "x1"), number(find("#gantt [data-task='B'] rect"), "x"), 0.01,
                "B starts at now, on the line");
        assertEquals(Set.of("A"), tasksWith("done"));
        assertEquals("✓ A", find("#gantt .task.done text").getText());
        assertEquals("A Design: done by " + worker, find("#gantt [data-task='A']").getDomAttribute("aria-label"));
        assertTrue(find("#legend").getText().contains("done"), find("#legend").getText());
        assertEquals("The finish moved from 9 to 10 (+1). 0 tasks changed agent; 3 slipped.", find("#since-summary").getText());
        assertEquals(Set.of("B", "C", "S"), tasksWith("slipped"));

        // Day 4, B started and half done, on the agent the schedule gives it.
        var builder = agentOf("B");
        fillProgress("B", "started", "0.5", "4");
        assertEquals(builder, new Select(find("#update-agent")).getFirstSelectedOption().getText());
        find("#update-button").click();
        versionsListed("Version 1 · now 0 · finish 9 days", "Version 2 · now 3 · finish 10 days",
                "Version 3 (current) · now 4 · finish 9.5 days");
        assertEquals("proven optimal Makespan: 9.5 days · lower bound 9.5 days · nothing shorter exists · now day 4: 5.5 days to go",
                find("#progress").getText());
        assertEquals(Set.of("B"), tasksWith("started"));
        var started = find("#gantt [data-task='B'] rect");
        assertTrue(started.getDomAttribute("fill").startsWith("url(#started-"), "B is striped: " + started.getDomAttribute("fill"));
        assertEquals(number(find("#gantt .now-line"), "x1"), number(started, "x"), 0.01, "B goes on from now");
        assertEquals(number(started, "x") + number(started, "width"), number(find("#gantt [data-task='C'] rect"), "x"), 0.01,
                "C follows B's 1.5 days that remain");
        assertTrue(find("#legend").getText().contains("started (goes on from now)"), find("#legend").getText());
        assertEquals("The finish moved from 10 to 9.5 (-0.5). 0 tasks changed agent; 1 slipped.", find("#since-summary").getText());
        assertEquals("The update changed B.", find("#since-touched").getText());
        assertEquals(List.of("slipped", "ends day 5", "ends day 6", "+1 day", "now moved from 3 to 4, and no work is planned before now"),
                row(dom().selectFirst("#since-table"), "S"));
        assertEquals(Set.of("S"), tasksWith("slipped"));
        assertEquals("+1", find("#gantt [data-task='S'] .change-mark").getText());
        find("#gantt [data-task='B'] rect").click();
        wait.until(textToBe(By.cssSelector("#task-details .standing"), "Started on " + builder + ", 50 % done; 1.5 days to go."));
        screenshot("page-progress-1400.png");

        // Version 1, as it was on day 0: its schedule, no now line, and the form read-only.
        new Select(find("#version-select")).selectByValue("1");
        wait.until(textToBe(By.id("progress"), "proven optimal Makespan: 9 days · lower bound 9 days · nothing shorter exists"));
        assertTrue(driver.findElements(By.cssSelector("#gantt .now-marker")).isEmpty(), "no now line on day 0");
        assertTrue(tasksWith("started").isEmpty() && tasksWith("done").isEmpty(), "everything planned on day 0");
        assertFalse(find("#update-button").isEnabled(), "an earlier version is read-only");
        assertFalse(find("#update-task").isEnabled());
        assertFalse(find("#solve-button").isEnabled(), "and is not solved again");
        assertEquals("Version 1 as it was, read-only: choose the current version to update progress.", find("#version-note").getText());
        assertFalse(find("#since-last").isDisplayed());

        // Version 2: its own changes since version 1; then the current version again, live.
        new Select(find("#version-select")).selectByValue("2");
        wait.until(textToBe(By.id("since-summary"), "The finish moved from 9 to 10 (+1). 0 tasks changed agent; 3 slipped."));
        assertEquals(Set.of("B", "C", "S"), tasksWith("slipped"));
        assertEquals("3", find("#gantt .now-marker").getDomAttribute("data-now"));
        new Select(find("#version-select")).selectByValue("3");
        wait.until(live -> find("#update-button").isEnabled()); // the current version takes updates
        assertEquals("proven optimal Makespan: 9.5 days · lower bound 9.5 days · nothing shorter exists · now day 4: 5.5 days to go",
                find("#progress").getText());
        assertEquals("", find("#version-note").getText());

        // A progress of 1.5 is refused, the field named beside the form; nothing is stored.
        fillProgress("B", "started", "1.5", null);
        find("#update-button").click();
        wait.until(visibilityOfElementLocated(By.cssSelector("#update-errors li")));
        assertEquals(List.of("tasks.B.progress = 1.5 must be a number from 0 up to but not including 1 (a finished task has status done)"),
                texts("#update-errors li"));
        assertEquals("true", find("#update-progress").getDomAttribute("aria-invalid"));
        assertEquals(3, driver.findElements(By.cssSelector("#version-select option")).size());

        // Another client marks S done meanwhile: the page's update, made from version 3, is refused, and the page
        // shows version 4 to check the form against.
        assertEquals(4, patchProgress(id, "{\"tasks\": {\"S\": {\"status\": \"done\"}}}"));
        fillProgress("B", "started", "0.75", null);
        find("#update-button").click();
        wait.until(textToBe(By.id("update-message"), "Not applied: this page showed version 3, but another update made version 4 "
                + "meanwhile. The current version is shown now: check the form and update again."));
        wait.until(numberOfElementsToBe(By.cssSelector("#version-select option"), 4));
        assertEquals("4", new Select(find("#version-select")).getFirstSelectedOption().getDomAttribute("value"));
        wait.until(shown -> tasksWith("done").equals(Set.of("A", "S")));
        assertEquals("0.5", find("#update-progress").getDomProperty("value"), "the form shows B as version 4 has it");
    }

    /** A test resource's absolute path, for the file input to upload it. */
    private static String resource(String path) {
        return java.nio.file.Path.of("src/test/resources", path).toAbsolutePath().toString();
    }

    /** Chooses a file in the list page's file input and uploads it, as a user does. */
    private static void upload(String path, String format) {
        driver.get(app.url() + "/");
        find("label[for=plan-file]");
        wait.until(visibilityOfElementLocated(By.id("plan-file"))).sendKeys(resource(path));
        assertEquals(format, new Select(find("#plan-format")).getFirstSelectedOption().getDomAttribute("value"),
                "the format follows the file's extension");
        find("#upload-button").click();
    }

    /** The tasks the Gantt chart draws, each once. */
    private static List<String> drawnTasks() {
        return driver.findElements(By.cssSelector("#gantt .task")).stream().map(bar -> bar.getDomAttribute("data-task"))
                .sorted().toList();
    }

    /** A download fetched as the browser would: its status, Content-Type and body. */
    private static HttpResponse<String> download(String href) throws IOException, InterruptedException {
        try (var client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create(href)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    @Order(6)
    void planFilesAreUploadedSolvedAndTheirSchedulesDownloaded() throws Exception {
        // A spec-kit tasks.md (resources/page/tasks.md), shared by two agents: named by its heading, solved at once,
        // a bar for each of its five tasks.
        driver.get(app.url() + "/");
        var agents = wait.until(visibilityOfElementLocated(By.id("plan-agents")));
        find("label[for=plan-agents]");
        assertEquals("3", agents.getDomProperty("value"), "spec-kit's default");
        agents.clear();
        agents.sendKeys("2");
        assertFalse(find("#upload-button").isEnabled(), "nothing to upload before a file is chosen");
        find("#plan-file").sendKeys(resource("page/tasks.md"));
        assertEquals("spec-kit", new Select(find("#plan-format")).getFirstSelectedOption().getDomAttribute("value"));
        find("#upload-button").click();
        wait.until(textToBe(By.id("plan-name"), "Browser upload check"));
        wait.until(textToBePresentInElementLocated(By.id("progress"), "Makespan: "));
        wait.until(drawn -> drawnTasks().equals(List.of("T001", "T002", "T003", "T004", "T005")));
        assertEquals(5, driver.findElements(By.cssSelector("#gantt .task rect")).size(), "a bar for every task, no more");
        assertTrue(find("#plan-facts").getText().startsWith("5 tasks · 2 agents · times in days"), find("#plan-facts").getText());

        // A Microsoft Project file (resources/mspdi/website-relaunch.xml): its leaf tasks by unique id, Wireframes (2)
        // done, Content migration (8) started, Launch (7) a milestone; its resources Alice and Bob the agents.
        upload("mspdi/website-relaunch.xml", "mspdi");
        wait.until(textToBe(By.id("plan-name"), "Website relaunch"));
        wait.until(textToBePresentInElementLocated(By.id("progress"), "Makespan: "));
        wait.until(drawn -> drawnTasks().equals(List.of("2", "3", "5", "6", "7", "8")));
        assertEquals(Set.of("2"), tasksWith("done"));
        assertEquals(Set.of("8"), tasksWith("started"));
        assertEquals(Set.of("7"), tasksWith("milestone"));
        assertEquals(List.of("Alice", "Bob"), texts("#gantt .agent-label .row-label").stream().sorted().toList());

        // The downloads, named after the plan, point at the API's exports; each answers 200 with its type.
        var links = wait.until(visibilityOfElementLocated(By.id("downloads")));
        var id = planId();
        var expected = Map.of(
                "mspdi", List.of("/api/plans/" + id + "/schedule?format=mspdi", "website-relaunch.xml",
                        "application/vnd.ms-project+xml", "<Project"),
                "ics", List.of("/api/plans/" + id + "/schedule?format=ics", "website-relaunch.ics", "text/calendar",
                        "BEGIN:VCALENDAR"),
                "markdown", List.of("/api/plans/" + id + "/report?format=markdown", "website-relaunch-report.md",
                        "text/markdown", "# Website relaunch"),
                "csv", List.of("/api/plans/" + id + "/report?format=csv&table=assignments", "website-relaunch-assignments.csv",
                        "text/csv", "task,agent,start,end"));
        assertEquals(4, links.findElements(By.cssSelector("a[download]")).size());
        for (var entry : expected.entrySet()) {
            var link = find("#download-" + entry.getKey());
            var want = entry.getValue();
            assertEquals(want.get(0), link.getDomAttribute("href"), entry.getKey());
            assertEquals(want.get(1), link.getDomAttribute("download"), entry.getKey());
            var response = download(link.getDomProperty("href"));
            assertEquals(200, response.statusCode(), entry.getKey() + ": " + response.body());
            var type = response.headers().firstValue("Content-Type").orElse("");
            assertTrue(type.startsWith(want.get(2)), entry.getKey() + ": " + type);
            assertTrue(response.body().contains(want.get(3)), entry.getKey() + ": " + response.body());
        }
        screenshot("page-upload-1400.png");

        // A tasks.md with a checkbox line that has no task id (line 6) between tasks: refused, the line named and
        // marked in the box, which holds the file; the page stays on the list.
        upload("page/tasks-refused.md", "spec-kit");
        wait.until(visibilityOfElementLocated(By.cssSelector("#add-errors li")));
        var refusal = texts("#add-errors li");
        assertEquals(1, refusal.size(), refusal.toString());
        assertTrue(refusal.getFirst().startsWith("line 6 a checkbox among tasks without a task id"), refusal.getFirst());
        assertTrue(refusal.getFirst().endsWith("(line 6)"), refusal.getFirst());
        assertEquals(List.of("6"), texts("#gutter .bad"), "the line is marked in the margin");
        assertEquals("- [ ] Write the contributor guide in docs/contributing.md [2d]",
                find("#plan-text").getDomProperty("value").split("\n")[5]);
        assertTrue(driver.getCurrentUrl().endsWith("/"), "a refused file stays on the list: " + driver.getCurrentUrl());
    }

    /**
     * A second service, with API keys: the page loads without a key, its first API call is refused (401), so it asks
     * for one; with erin's read key the list shows her plan (stored here through the API), and adding a plan is
     * refused with the 403's words; after "Forget API key", her write key adds it.
     */
    @Test
    @Order(7)
    void withApiKeysThePageAsksForAKeyAndShowsARefusedChange() throws Exception {
        var writeKey = "erin-writes-Vb47";
        var readKey = "erin-reads-Nm19";
        try (var secured = AppProcess.start(Files.createTempDirectory("fanout-page-keys").resolve("fanout"),
                Map.of("fanout.seed.enabled", "false", "fanout.security.api-keys", writeKey + "=erin:write," + readKey + "=erin:read"));
                var client = HttpClient.newHttpClient()) {
            var stored = client.send(HttpRequest.newBuilder(URI.create(secured.url() + "/api/plans"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + writeKey)
                    .POST(HttpRequest.BodyPublishers.ofString(RELEASE)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, stored.statusCode(), stored.body());

            driver.get(secured.url() + "/");
            var key = wait.until(visibilityOfElementLocated(By.id("api-key")));
            assertEquals("This service needs an API key for its plans.", find("#key-message").getText());
            key.sendKeys(readKey, Keys.ENTER);
            wait.until(textToBePresentInElementLocated(By.cssSelector("#plans-table tbody"), "Browser check: a release in weeks"));
            assertFalse(find("#forget-key").getDomProperty("hidden").equals("true"), "the key can be forgotten");
            screenshot("page-api-key-1400.png");

            find("#plan-text").sendKeys(PROGRESS);
            find("#add-form button[type=submit]").click();
            wait.until(textToBePresentInElementLocated(By.id("notice"), "role is read"));
            assertTrue(find("#notice").getText().startsWith("Forbidden: this key's role is read"), find("#notice").getText());

            find("#forget-key").click();
            wait.until(visibilityOfElementLocated(By.id("api-key"))).sendKeys(writeKey, Keys.ENTER);
            wait.until(visibilityOfElementLocated(By.id("plan-text"))).sendKeys(PROGRESS);
            find("#add-form button[type=submit]").click();
            wait.until(textToBe(By.id("plan-name"), "Browser check: progress"));
        }
    }
}
