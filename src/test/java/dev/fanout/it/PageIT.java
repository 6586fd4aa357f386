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
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page driven like a user does, in Debian's headless Chromium through its ChromeDriver: typing a plan into the
 * box and adding it, pressing Solve, clicking a bar of the Gantt chart and pressing Enter on another, running a what-if
 * comparison, asking how few agents finish by a deadline, and correcting a refused plan line by line. The service starts without the example plans, so the only
 * plan is the one typed here ({@link Browsers#RELEASE}, whose figures are worked out by hand where it is written).
 * Full-page screenshots are kept in target/screenshots.
 */
class PageIT {

    private static final Dimension WINDOW = new Dimension(1400, 1000);
    private static AppProcess app;
    private static ChromeDriver driver;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        app = AppProcess.start(Files.createTempDirectory("fanout-page").resolve("fanout"), Map.of("fanout.seed.enabled", "false"));
        driver = Browsers.driver(WINDOW);
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
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
        var counts = find("#whatif-counts");
        counts.clear();
        counts.sendKeys("1, two", Keys.ENTER);
        wait.until(textToBe(By.id("whatif-status"), "Agent counts must be whole numbers of 1 or more, separated by commas."));
        counts.clear();
        counts.sendKeys("1, 2, 3");
        find("#whatif-button").click();
        wait.until(numberOfElementsToBe(By.cssSelector("#whatif-chart circle.point"), 3));
        assertEquals(List.of("1", "2", "3"), driver.findElements(By.cssSelector("#whatif-chart circle.point")).stream()
                .map(point -> point.getDomAttribute("data-agents")).toList());
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
}
