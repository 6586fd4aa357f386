package dev.fanout.plan;

import static dev.fanout.plan.SingleQuotedPlans.onlyViolation;
import static dev.fanout.plan.SingleQuotedPlans.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The fields of CONTRACT §5: what a valid plan becomes, and every refusal naming the field and the value. */
class CapacityFieldsValidatorTest {

    private static final String VALID = """
            {'name': 'capped', 'maxConcurrent': 2,
             'pools': [{'id': 'core', 'workers': 3, 'maxConcurrent': 2, 'availableFrom': 1, 'availableUntil': 40, 'speed': 2}],
             'agents': [{'id': 'swift', 'availableFrom': 4, 'availableUntil': 16, 'speed': 0.5}],
             'resources': [{'id': 'db', 'name': 'the test database', 'capacity': 2}, {'id': 'lock'}],
             'tasks': [{'id': 'A', 'duration': 5, 'areas': ['src/models/', 'README.md'], 'uses': ['lock']},
                       {'id': 'B', 'duration': 2, 'uses': {'db': 2}}]}
            """;

    private static String with(String from, String to) {
        return SingleQuotedPlans.replaced(VALID, from, to);
    }

    @Test
    void readsCapsWindowsSpeedsResourcesUsesAndAreas() {
        var plan = read(VALID);
        assertEquals(2, plan.maxConcurrent());
        assertEquals(2, plan.pools().get(0).maxConcurrent());
        var worker = plan.agentsById().get("core-3").availability();
        assertEquals(new Plan.Availability(BigDecimal.ONE, BigDecimal.valueOf(40), BigDecimal.valueOf(2)), worker);
        var swift = plan.agentsById().get("swift").availability();
        assertEquals(new Plan.Availability(BigDecimal.valueOf(4), BigDecimal.valueOf(16), new BigDecimal("0.5")), swift);
        assertEquals(List.of(new Plan.Resource("db", "the test database", 2), new Plan.Resource("lock", null, 1)),
                plan.resources());
        assertEquals(Map.of("lock", 1), plan.tasksById().get("A").uses());
        assertEquals(Map.of("db", 2), plan.tasksById().get("B").uses());
        assertEquals(List.of("src/models/", "README.md"), plan.tasksById().get("A").areas());
    }

    @Test
    void areasOverlapWhenEqualOrOneIsAFolderHoldingTheOther() {
        assertTrue(Plan.areasOverlap("src/a.py", "src/a.py"));
        assertTrue(Plan.areasOverlap("src/", "src/a.py"));
        assertTrue(Plan.areasOverlap("src/a.py", "src/"));
        assertTrue(Plan.areasOverlap("src/", "src/models/"));
        assertTrue(!Plan.areasOverlap("src/a.py", "src/b.py"));
        assertTrue(!Plan.areasOverlap("src", "src/a.py"), "a module name is not a folder");
        assertTrue(!Plan.areasOverlap("src/", "srcs/a.py"));
    }

    @Test
    void refusesCapsBelowOne() {
        var plan = onlyViolation(with("'maxConcurrent': 2,\n", "'maxConcurrent': 0,\n"));
        assertEquals("maxConcurrent", plan.field());
        assertEquals("0", plan.value());
        var pool = onlyViolation(with("'workers': 3, 'maxConcurrent': 2", "'workers': 3, 'maxConcurrent': -1"));
        assertEquals("pools[0].maxConcurrent", pool.field());
    }

    @Test
    void refusesZeroOrNegativeSpeeds() {
        var violation = onlyViolation(with("'speed': 0.5", "'speed': 0"));
        assertEquals("agents[0].speed", violation.field());
        assertEquals("0", violation.value());
        assertEquals("pools[0].speed", onlyViolation(with("'speed': 2", "'speed': -2")).field());
    }

    @Test
    void refusesAWindowThatClosesBeforeItOpens() {
        var violation = onlyViolation(with("'availableFrom': 4, 'availableUntil': 16", "'availableFrom': 16, 'availableUntil': 16"));
        assertEquals("agents[0].availableUntil", violation.field());
        assertEquals("16", violation.value());
        assertEquals("pools[0].availableFrom",
                onlyViolation(with("'availableFrom': 1, 'availableUntil': 40", "'availableFrom': -1, 'availableUntil': 40")).field());
    }

    @Test
    void refusesAnUnknownResourceWithADidYouMean() {
        var violation = onlyViolation(with("'uses': ['lock']", "'uses': ['lok']"));
        assertEquals("tasks[0].uses", violation.field());
        assertEquals("\"lok\"", violation.value());
        assertTrue(violation.message().contains("lock"), violation.message());
    }

    @Test
    void refusesMoreUnitsThanTheCapacity() {
        var violation = onlyViolation(with("'uses': {'db': 2}", "'uses': {'db': 3}"));
        assertEquals("tasks[1].uses.db", violation.field());
        assertEquals("3", violation.value());
        assertEquals("tasks[1].uses.db", onlyViolation(with("'uses': {'db': 2}", "'uses': {'db': 0}")).field());
    }

    @Test
    void refusesBadCapacitiesAndDuplicateResources() {
        assertEquals("resources[0].capacity", onlyViolation(with("'capacity': 2}", "'capacity': 0}")).field());
        var failure = assertThrows(PlanRejectedException.class, () -> read(with("{'id': 'lock'}", "{'id': 'db'}")));
        assertEquals("resources[1].id", failure.violations().get(0).field());
    }

    @Test
    void refusesAnEmptyArea() {
        var violation = onlyViolation(with("'areas': ['src/models/', 'README.md']", "'areas': ['src/models/', ' ']"));
        assertEquals("tasks[0].areas[1]", violation.field());
    }

    @Test
    void refusesATaskNoAvailableAgentCanFitInItsWindow() {
        var violation = onlyViolation("""
                {'name': 'too late',
                 'agents': [{'id': 'part-time', 'availableFrom': 2, 'availableUntil': 6}],
                 'tasks': [{'id': 'A', 'duration': 3}, {'id': 'B', 'duration': 2, 'dependsOn': ['A']}]}
                """);
        assertEquals("tasks[1]", violation.field());
        assertEquals("\"B\"", violation.value());
        assertTrue(violation.message().contains("window"), violation.message());
    }

    @Test
    void aSlowAgentTakesLongerAndCanMissItsWindow() {
        var violation = onlyViolation("""
                {'name': 'half time',
                 'agents': [{'id': 'half', 'speed': 0.5, 'availableUntil': 5}],
                 'tasks': [{'id': 'A', 'duration': 3}]}
                """);
        assertEquals("tasks[0]", violation.field());
    }
}
