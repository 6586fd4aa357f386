package dev.fanout.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.fanout.plan.Plan;
import dev.fanout.plan.PlanRejectedException;
import dev.fanout.plan.PlanValidator;
import dev.fanout.plan.TaskStatus;
import dev.fanout.plan.TimeUnit;
import dev.fanout.plan.Violation;

/**
 * A file as Microsoft Project and ProjectLibre write it (resources/mspdi/website-relaunch.xml, no Fanout fields), and
 * files refused.
 */
class MspdiReaderTest {

    private static byte[] resource(String name) throws IOException {
        try (var in = MspdiReaderTest.class.getResourceAsStream("/mspdi/" + name)) {
            return in.readAllBytes();
        }
    }

    private static Plan websiteRelaunch(TimeUnit unit) throws IOException {
        return new PlanValidator().validate(new MspdiReader().read(resource("website-relaunch.xml"), unit));
    }

    @Test
    void leavesAreTasksNamedByUniqueIdInTheFilesUnit() throws IOException {
        var plan = websiteRelaunch(null);
        assertEquals("Website relaunch", plan.name());
        assertEquals(TimeUnit.DAYS, plan.timeUnit());
        assertEquals(List.of("2", "3", "5", "6", "8", "7"), plan.tasks().stream().map(Plan.Task::id).toList());
        var tasks = plan.tasksById();
        assertEquals("Wireframes", tasks.get("2").title());
        assertEquals("Low-fidelity, every page template", tasks.get("2").description());
        assertEquals(List.of("5", "10", "4.5", "2", "0"),
                List.of("3", "5", "6", "8", "7").stream().map(id -> tasks.get(id).duration().toPlainString()).toList());
        assertEquals(0, new BigDecimal("3").compareTo(tasks.get("2").duration()));
        assertEquals(true, tasks.get("7").isMilestone());
    }

    @Test
    void linksToSummaryTasksLinkTheirLeavesAndEveryLinkIsFinishToStart() throws IOException {
        var tasks = websiteRelaunch(null).tasksById();
        assertEquals(List.of(), tasks.get("2").dependsOn());
        assertEquals(List.of("2"), tasks.get("3").dependsOn());
        // Build (4) follows Design (1): each of Build's leaves follows each of Design's.
        assertEquals(List.of("2", "3"), tasks.get("5").dependsOn());
        assertEquals(List.of("2", "3"), tasks.get("6").dependsOn());
        // Launch follows Frontend finish-to-start and Backend start-to-start with a lag: both read as finish-to-start.
        assertEquals(List.of("5", "6"), tasks.get("7").dependsOn());
    }

    @Test
    void workResourcesAreAgentsAndOneAssignmentPinsATask() throws IOException {
        var plan = websiteRelaunch(null);
        assertEquals(List.of("Alice", "Bob"), plan.agents().stream().map(Plan.Agent::id).toList());
        var tasks = plan.tasksById();
        assertEquals("Alice", tasks.get("3").progress().agent());
        assertEquals("Bob", tasks.get("6").progress().agent());
        // Frontend is shared by Alice and Bob: the solver chooses.
        assertNull(tasks.get("5").progress().agent());
        assertNull(tasks.get("7").progress().agent());
    }

    @Test
    void percentCompleteIsDoneOrStarted() throws IOException {
        var tasks = websiteRelaunch(null).tasksById();
        assertEquals(TaskStatus.DONE, tasks.get("2").progress().status());
        assertEquals("Alice", tasks.get("2").progress().agent());
        var started = tasks.get("8").progress();
        assertEquals(TaskStatus.STARTED, started.status());
        assertEquals(0, new BigDecimal("0.5").compareTo(started.fraction()));
        // Its material resource (test devices) does no work: Bob is its agent.
        assertEquals("Bob", started.agent());
    }

    @Test
    void durationsConvertToTheUnitAsked() throws IOException {
        var tasks = websiteRelaunch(TimeUnit.HOURS).tasksById();
        assertEquals(0, new BigDecimal("36").compareTo(tasks.get("6").duration()));
        tasks = websiteRelaunch(TimeUnit.WEEKS).tasksById();
        assertEquals(0, new BigDecimal("0.9").compareTo(tasks.get("6").duration()));
    }

    @Test
    void aFileThatIsNoMspdiIsRefused() {
        var refused = assertThrows(PlanRejectedException.class,
                () -> new MspdiReader().read("name: not a project".getBytes(StandardCharsets.UTF_8), null));
        assertEquals("mspdi", refused.violations().getFirst().field());
    }

    @Test
    void aStartedTaskNoOneWorksOnIsRefusedByItsUniqueId() throws IOException {
        var file = new String(resource("website-relaunch.xml"), StandardCharsets.UTF_8)
                .replace("<TaskUID>8</TaskUID><ResourceUID>2</ResourceUID>", "<TaskUID>8</TaskUID><ResourceUID>3</ResourceUID>");
        var refused = assertThrows(PlanRejectedException.class,
                () -> new MspdiReader().read(file.getBytes(StandardCharsets.UTF_8), null));
        Violation violation = refused.violations().getFirst();
        assertEquals("task 8", violation.field());
        assertEquals("Content migration", violation.value());
    }

    @Test
    void unreadableSkillsAreRefusedByTheResource() throws IOException {
        var file = new String(resource("website-relaunch.xml"), StandardCharsets.UTF_8)
                .replace("<Resources>", """
                        <ExtendedAttributes><ExtendedAttribute><FieldID>205520904</FieldID><FieldName>Text1</FieldName>\
                        <Alias>Skills</Alias></ExtendedAttribute></ExtendedAttributes><Resources>""")
                .replace("<Initials>A</Initials>", """
                        <Initials>A</Initials><ExtendedAttribute><FieldID>205520904</FieldID><Value>python:high</Value>\
                        </ExtendedAttribute>""");
        var refused = assertThrows(PlanRejectedException.class,
                () -> new MspdiReader().read(file.getBytes(StandardCharsets.UTF_8), null));
        assertEquals(new Violation("resource 1", "python:high",
                "Skills must read skill:level, … (a level is a whole number ≥ 0)"), refused.violations().getFirst());
    }
}
