package dev.fanout.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.nodes.Element;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import dev.fanout.TestPlans;

/**
 * What the browser tests share: Debian's Chromium and its ChromeDriver (a test tool's own browser or driver download
 * does not work here, so both are named explicitly and nothing is fetched), the plan they load, and the reading of
 * the page's tables.
 */
final class Browsers {

    /**
     * Two python workers (pool core) and a writer. Sequential: 3 + 4 + 2 + 5 + 1 = 15 weeks. Critical path:
     * A(3) → B(4) → D(5) = 12 weeks, which the plan's agents reach (A, B, D on core; C and E on the writer), so
     * the optimum is 12: saved 3 weeks against sequential, 20 %, 15 / 12 = 1.25×. The author's waves run one after
     * another: max(3, 1) + 4 + 2 + 5 = 14 weeks. Dependency tiers {A, E}, {B, C}, {D}: 3 + 4 + 5 = 12. The deadline,
     * week 14, is met with 2 weeks to spare. Generalist agents: one does everything in 15 weeks; from two on, the
     * critical path (12) binds, so the knee is at 2 agents.
     */
    static final String RELEASE = TestPlans.json("""
            {'name': 'Browser check: a release in weeks', 'timeUnit': 'weeks',
             'pools': [{'id': 'core', 'workers': 2, 'skills': {'python': 1}}],
             'agents': [{'id': 'writer', 'skills': ['docs']}],
             'tasks': [
               {'id': 'A', 'title': 'Core model', 'duration': 3, 'skills': ['python'], 'pool': 'core', 'dependsOn': []},
               {'id': 'B', 'title': 'Service layer', 'duration': 4, 'skills': ['python'], 'dependsOn': ['A']},
               {'id': 'C', 'title': 'User guide', 'duration': 2, 'skills': ['docs'], 'dependsOn': ['A']},
               {'id': 'D', 'title': 'Integration', 'duration': 5, 'skills': ['python'], 'dependsOn': ['B', 'C']},
               {'id': 'E', 'title': 'Style sheet', 'duration': 1, 'skills': ['docs'], 'dependsOn': []}],
             'waves': [['A', 'E'], ['B'], ['C'], ['D']], 'deadline': 14}
            """);

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** For headless runs as root in a container, with nothing fetched in the background. */
    private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync");

    private Browsers() {
    }

    private static String installed(String what, List<String> candidates) {
        for (var candidate : candidates) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no " + what + " (looked for " + String.join(", ", candidates)
                + "): install Debian's packages (apt-get install chromium chromium-driver); "
                + "./fanout test and .ci/run do when they run as root");
    }

    static String chromium() {
        return installed("Chromium", List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"));
    }

    static String chromedriver() {
        return installed("ChromeDriver", List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"));
    }

    /** The command line of headless Chromium with a fresh profile, before the caller's own arguments. */
    static List<String> chromiumCommand(String headless) throws IOException {
        var command = new ArrayList<>(List.of(chromium(), headless));
        command.addAll(FLAGS);
        command.add("--user-data-dir=" + profile());
        return command;
    }

    private static Path profile() throws IOException {
        return Files.createTempDirectory(Files.createDirectories(Path.of("target", "chromium-profiles")), "profile");
    }

    /** Headless Chromium driven through ChromeDriver, its window {@code size}; ChromeDriver logs to target/it-logs. */
    static ChromeDriver driver(Dimension size) throws IOException {
        var command = chromiumCommand("--headless=new");
        var options = new ChromeOptions();
        options.setBinary(command.getFirst());
        options.addArguments(command.subList(1, command.size()));
        options.addArguments("--window-size=" + size.getWidth() + "," + size.getHeight());
        var log = Files.createDirectories(Path.of("target", "it-logs")).resolve("chromedriver.log");
        var service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(chromedriver()).toFile())
                .usingAnyFreePort().withLogFile(log.toFile()).build();
        return new ChromeDriver(service, options);
    }

    /** The texts of a table row's cells after its heading, the row found by how its heading starts. */
    static List<String> row(Element table, String headingStart) {
        var rows = table.select("tbody tr").stream()
                .filter(tr -> tr.selectFirst("th") != null && tr.selectFirst("th").text().startsWith(headingStart))
                .toList();
        assertEquals(1, rows.size(), "one row " + headingStart + " in " + table.text());
        return rows.getFirst().select("td").eachText();
    }
}
