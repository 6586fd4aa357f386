package dev.fanout.plan;

import static dev.fanout.plan.SingleQuotedPlans.onlyViolation;
import static dev.fanout.plan.SingleQuotedPlans.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The fields of CONTRACT §6: what a plan with progress becomes, and every refusal naming the field and the value. */
class ProgressValidatorTest {

    private static final String VALID = """
            {'name': 'moving', 'now': 6,
             'pools': [{'id': 'dev', 'workers': 2, 'skills': ['java']}],
             'agents': [{'id': 'ops', 'skills': ['ops'], 'speed': 2}],
             'tasks': [{'id': 'P8', 'duration': 12, 'status': 'done'},
                       {'id': 'P14', 'duration': 4, 'skills': ['java'], 'status': 'started', 'progress': 0.6, 'agent': 'dev-2', 'dependsOn': ['P8']},
                       {'id': 'D', 'duration': 3, 'skills': ['ops'], 'status': 'started', 'remaining': 1, 'agent': 'ops', 'areas': ['deploy/']},
                       {'id': 'P15', 'duration': 15, 'agent': 'dev-1', 'dependsOn': ['P14']},
                       {'id': 'Q', 'duration': 2, 'skills': ['java'], 'areas': ['deploy/x.yml']}]}
            """;

    private static String with(String from, String to) {
        return SingleQuotedPlans.replaced(VALID, from, to);
    }

    @Test
    void readsNowStatusesProgressRemainingAndPins() {
        var plan = read(VALID);
        assertEquals(BigDecimal.valueOf(6), plan.now());
        var tasks = plan.tasksById();
        assertEquals(new Plan.Progress(TaskStatus.DONE, null, null, null), tasks.get("P8").progress());
        assertEquals(new Plan.Progress(TaskStatus.STARTED, "dev-2", new BigDecimal("0.6"), null), tasks.get("P14").progress());
        assertEquals(Plan.Progress.PLANNED, tasks.get("Q").progress());
        assertTrue(tasks.get("P15").progress().isPinned(), "a planned task with an agent is pinned to it");
        assertEquals(new BigDecimal("1.6"), plan.remainingTime(tasks.get("P14")), "4 × (1 − 0.6) at speed 1");
        assertEquals(BigDecimal.ONE, plan.remainingTime(tasks.get("D")), "remaining as given: time on its agent");
        assertTrue(plan.hasProgress());
    }

    @Test
    void progressIsTimeOnTheAgentAtItsSpeed() {
        var plan = read(with("'status': 'started', 'remaining': 1, 'agent': 'ops'", "'status': 'started', 'progress': 0.5, 'agent': 'ops'"));
        assertEquals(new BigDecimal("0.75"), plan.remainingTime(plan.tasksById().get("D")), "3 × 0.5 / speed 2");
    }

    @Test
    void aPlanWithoutProgressIsOnDayZero() {
        var plan = read("{'name': 'x', 'pools': [{'id': 'p', 'workers': 1}], 'tasks': [{'id': 'A', 'duration': 1}]}");
        assertEquals(BigDecimal.ZERO, plan.now());
        assertTrue(!plan.hasProgress());
    }

    @Test
    void refusesANegativeNow() {
        var violation = onlyViolation(with("'now': 6", "'now': -1"));
        assertEquals("now", violation.field());
        assertEquals("-1", violation.value());
    }

    @Test
    void refusesAnUnknownStatusWithASuggestion() {
        var violation = onlyViolation(with("'status': 'done'", "'status': 'dome'"));
        assertEquals("tasks[0].status", violation.field());
        assertEquals("\"dome\"", violation.value());
        assertTrue(violation.message().contains("did you mean 'done'?"), violation.message());
    }

    @Test
    void refusesProgressOfOneOrMore() {
        var violation = onlyViolation(with("'progress': 0.6", "'progress': 1.5"));
        assertEquals("tasks[1].progress", violation.field());
        assertEquals("1.5", violation.value());
    }

    @Test
    void refusesAStartedTaskWithoutAgent() {
        var violation = onlyViolation(with(", 'agent': 'dev-2'", ""));
        assertEquals("tasks[1].agent", violation.field());
        assertTrue(violation.message().contains("required for a started task"), violation.message());
    }

    @Test
    void refusesAStartedTaskWithNeitherProgressNorRemaining() {
        var violation = onlyViolation(with("'progress': 0.6, ", ""));
        assertEquals("tasks[1].progress", violation.field());
    }

    @Test
    void refusesBothProgressAndRemaining() {
        var violation = onlyViolation(with("'progress': 0.6,", "'progress': 0.6, 'remaining': 2,"));
        assertEquals("tasks[1].remaining", violation.field());
    }

    @Test
    void refusesProgressOnATaskThatIsNotStarted() {
        var violation = onlyViolation(with("'status': 'done'}", "'status': 'done', 'progress': 0.5}"));
        assertEquals("tasks[0].progress", violation.field());
        assertTrue(violation.message().contains("only a started task"), violation.message());
    }

    @Test
    void refusesWorkStartedBeforeItsDependenciesAreDone() {
        var violation = onlyViolation(with("{'id': 'P8', 'duration': 12, 'status': 'done'}", "{'id': 'P8', 'duration': 12}"));
        assertEquals("tasks[1].status", violation.field());
        assertTrue(violation.message().contains("depends on 'P8', which is not done"), violation.message());
    }

    @Test
    void refusesAPinToAnAgentWithoutTheSkill() {
        var violation = onlyViolation(with("{'id': 'Q', 'duration': 2, 'skills': ['java']", "{'id': 'Q', 'duration': 2, 'skills': ['java'], 'agent': 'ops'"));
        assertEquals("tasks[4].agent", violation.field());
        assertEquals("\"ops\"", violation.value());
        assertTrue(violation.message().contains("cannot do this task"), violation.message());
    }

    @Test
    void refusesAnUnknownAgentWithASuggestion() {
        var violation = onlyViolation(with("'agent': 'dev-1'", "'agent': 'dev-l'"));
        assertEquals("tasks[3].agent", violation.field());
        assertTrue(violation.message().contains("did you mean 'dev-1'?"), violation.message());
    }

    @Test
    void refusesTwoStartedTasksOnOneAgent() {
        var violation = onlyViolation(with("{'id': 'Q', 'duration': 2, 'skills': ['java']", "{'id': 'Q', 'duration': 2, 'skills': ['java'], 'status': 'started', 'remaining': 1, 'agent': 'dev-2'"));
        assertEquals("tasks[4].agent", violation.field());
        assertTrue(violation.message().contains("already working on started task 'P14'"), violation.message());
    }

    @Test
    void refusesStartedTasksThatHoldOneAreaAtOnce() {
        var violation = onlyViolation(with("{'id': 'Q', 'duration': 2, 'skills': ['java']", "{'id': 'Q', 'duration': 2, 'skills': ['java'], 'status': 'started', 'remaining': 1, 'agent': 'dev-1'"));
        assertEquals("tasks[4].status", violation.field());
        assertTrue(violation.message().contains("'deploy/x.yml'"), violation.message());
    }

    @Test
    void refusesAStartedTaskWhoseAgentIsAwayNow() {
        var violation = onlyViolation(with("'speed': 2}", "'speed': 2, 'availableFrom': 7}"));
        assertEquals("tasks[2].agent", violation.field());
        assertTrue(violation.message().contains("not from now (6)"), violation.message());
    }

    @Test
    void refusesAStartedMilestone() {
        var violation = onlyViolation(with("{'id': 'D', 'duration': 3,", "{'id': 'D', 'duration': 0,"));
        assertEquals("tasks[2].status", violation.field());
        assertTrue(violation.message().contains("milestone"), violation.message());
    }
}
