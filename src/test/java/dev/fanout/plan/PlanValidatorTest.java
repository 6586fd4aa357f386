package dev.fanout.plan;

import static dev.fanout.TestPlans.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.fanout.TestPlans;

class PlanValidatorTest {

    private static Plan read(String singleQuoted) {
        return new PlanValidator().validate(PlanReader.readJson(json(singleQuoted).getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Violation> rejected(String singleQuoted) {
        var failure = assertThrows(PlanRejectedException.class, () -> read(singleQuoted));
        assertFalse(failure.violations().isEmpty());
        return failure.violations();
    }

    private static Violation only(List<Violation> violations) {
        assertEquals(1, violations.size(), () -> "expected one violation, got " + violations);
        return violations.get(0);
    }

    // --- What a valid plan becomes -----------------------------------------------------------------------------------

    @Test
    void generatesPoolWorkersNamedAfterThePool() {
        var plan = TestPlans.plan(TestPlans.SMALL);
        assertEquals(List.of("ux", "core-1", "core-2", "infra-1"), plan.agents().stream().map(Plan.Agent::id).toList());
        var core2 = plan.agentsById().get("core-2");
        assertEquals("core", core2.pool());
        assertEquals(Map.of("java", 1), core2.skills());
        assertTrue(core2.generated());
    }

    @Test
    void skillsAsListMeanLevelZeroAndLevelZeroIsARealLevel() {
        var plan = TestPlans.plan(TestPlans.SMALL);
        var infra = plan.agentsById().get("infra-1");
        assertEquals(Map.of("ops", 0), infra.skills());
        var ux = plan.agentsById().get("ux");
        var taskNeedingJavaZero = plan.tasksById().get("E");
        assertTrue(ux.canDo(taskNeedingJavaZero), "java level 0 satisfies a java ≥ 0 requirement");
        assertFalse(infra.canDo(taskNeedingJavaZero), "lacking java entirely does not satisfy java ≥ 0");
    }

    @Test
    void keepsDecimalDurationsExactAndMilestones() {
        var plan = TestPlans.plan(TestPlans.SMALL);
        assertEquals(new BigDecimal("2.5"), plan.tasksById().get("D").duration());
        assertTrue(plan.tasksById().get("M").isMilestone());
        assertFalse(plan.tasksById().get("A").isMilestone());
        assertEquals(TimeUnit.DAYS, plan.timeUnit());
    }

    @Test
    void agentOfAPoolHoldsThePoolSkillsAtTheHigherLevel() {
        var plan = read("""
                {'name': 'p', 'pools': [{'id': 'core', 'skills': {'java': 2, 'sql': 1}}],
                 'agents': [{'id': 'lead', 'pool': 'core', 'skills': {'java': 1, 'design': 3}}],
                 'tasks': [{'id': 'T', 'duration': 1, 'skills': {'java': 2}, 'pool': 'core'}]}
                """);
        assertEquals(Map.of("java", 2, "sql", 1, "design", 3), plan.agentsById().get("lead").skills());
    }

    @Test
    void timeUnitDefaultsToDaysAndAcceptsHoursAndWeeks() {
        assertEquals(TimeUnit.WEEKS, read("{'name': 'p', 'timeUnit': 'weeks', 'agents': [{'id': 'a'}], 'tasks': [{'id': 'T', 'duration': 1}]}").timeUnit());
        assertEquals(TimeUnit.HOURS, read("{'name': 'p', 'timeUnit': 'hours', 'agents': [{'id': 'a'}], 'tasks': [{'id': 'T', 'duration': 1}]}").timeUnit());
    }

    @Test
    void readsYamlToo() {
        var yaml = """
                name: yaml plan
                timeUnit: hours
                pools:
                  - id: core
                    workers: 2
                    skills: [java]
                tasks:
                  - id: A
                    duration: 1.5
                    skills: {java: 0}
                  - id: B
                    duration: 2
                    dependsOn: [A]
                """;
        var plan = new PlanValidator().validate(PlanReader.readYaml(yaml.getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, plan.agents().size());
        assertEquals(List.of("A"), plan.tasksById().get("B").dependsOn());
        assertEquals(new BigDecimal("1.5"), plan.tasksById().get("A").duration());
    }

    @Test
    void claimsTakeAValueOrARange() {
        var plan = read("""
                {'name': 'p', 'agents': [{'id': 'a'}], 'tasks': [{'id': 'T', 'duration': 1}],
                 'claims': [{'metric': 'parallel', 'min': 18, 'max': 22, 'source': 'summary'},
                            {'metric': 'savingsPercent', 'value': 35}]}
                """);
        assertEquals(2, plan.claims().size());
        assertTrue(plan.claims().get(0).isRange());
        assertEquals(ClaimMetric.SAVINGS_PERCENT, plan.claims().get(1).metric());
        assertEquals(0, new BigDecimal("35").compareTo(plan.claims().get(1).max()));
    }

    // --- Refusals, each naming the field and the value ---------------------------------------------------------------

    @Test
    void refusesAnUnknownFieldAndSuggestsTheKnownOne() {
        var violation = only(rejected("{'name': 'p', 'agents': [{'id': 'a'}], 'tasks': [{'id': 'T', 'durration': 3}]}"));
        assertEquals("tasks[0].durration", violation.field());
        assertTrue(violation.message().contains("unknown field 'durration'"), violation.message());
        assertTrue(violation.message().contains("did you mean 'duration'?"), violation.message());
    }

    @Test
    void refusesAnUnknownTopLevelField() {
        var violation = only(rejected("{'name': 'p', 'agents': [{'id': 'a'}], 'tasks': [{'id': 'T', 'duration': 3}], 'wave': []}"));
        assertEquals("wave", violation.field());
        assertTrue(violation.message().contains("did you mean 'waves'?"), violation.message());
    }

    @Test
    void refusesDuplicateTaskIds() {
        var violation = only(rejected("{'name': 'p', 'agents': [{'id': 'a'}], 'tasks': [{'id': 'T', 'duration': 1}, {'id': 'T', 'duration': 2}]}"));
        assertEquals("tasks[1].id", violation.field());
        assertEquals("\"T\"", violation.value());
    }

    @Test
    void refusesAnAgentIdThatClashesWithAGeneratedWorker() {
        var violation = only(rejected("""
                {'name': 'p', 'pools': [{'id': 'core', 'workers': 2}], 'agents': [{'id': 'core-2'}],
                 'tasks': [{'id': 'T', 'duration': 1}]}
                """));
        assertEquals("\"core-2\"", violation.value());
        assertTrue(violation.message().contains("generated for pool 'core'"), violation.message());
    }

    @Test
    void refusesADanglingDependencyAndSuggestsTheNearestId() {
        var violation = only(rejected("""
                {'name': 'p', 'agents': [{'id': 'a'}],
                 'tasks': [{'id': 'B1', 'duration': 1}, {'id': 'B2', 'duration': 1, 'dependsOn': ['b1']}]}
                """));
        assertEquals("tasks[1].dependsOn[0]", violation.field());
        assertEquals("\"b1\"", violation.value());
        assertTrue(violation.message().contains("did you mean 'B1'?"), violation.message());
    }

    @Test
    void refusesUnknownPoolsAndWaveMembers() {
        var violations = rejected("""
                {'name': 'p', 'pools': [{'id': 'core', 'workers': 1}], 'agents': [{'id': 'a', 'pool': 'cor'}],
                 'tasks': [{'id': 'T', 'duration': 1, 'pool': 'infra'}], 'waves': [['T', 'X']]}
                """);
        assertEquals(List.of("agents[0].pool", "tasks[0].pool", "waves[0][1]"), violations.stream().map(Violation::field).toList());
        assertEquals(List.of("\"cor\"", "\"infra\"", "\"X\""), violations.stream().map(Violation::value).toList());
    }

    @Test
    void refusesATaskListedInTwoWaves() {
        var violation = only(rejected("""
                {'name': 'p', 'agents': [{'id': 'a'}], 'tasks': [{'id': 'T', 'duration': 1}], 'waves': [['T'], ['T']]}
                """));
        assertEquals("waves[1][0]", violation.field());
        assertTrue(violation.message().contains("waves[0][0]"), violation.message());
    }

    @Test
    void refusesACycleAndNamesItsTasksInOrder() {
        var violation = only(rejected("""
                {'name': 'p', 'agents': [{'id': 'a'}],
                 'tasks': [{'id': 'A', 'duration': 1, 'dependsOn': ['C']},
                           {'id': 'B', 'duration': 1, 'dependsOn': ['A']},
                           {'id': 'C', 'duration': 1, 'dependsOn': ['B']},
                           {'id': 'D', 'duration': 1, 'dependsOn': ['A']}]}
                """));
        assertEquals("tasks[].dependsOn", violation.field());
        assertEquals("A → B → C → A", violation.value());
        assertTrue(violation.message().contains("cycle"));
    }

    @Test
    void refusesASelfDependencyAsACycle() {
        var violation = only(rejected("{'name': 'p', 'agents': [{'id': 'a'}], 'tasks': [{'id': 'A', 'duration': 1, 'dependsOn': ['A']}]}"));
        assertEquals("A → A", violation.value());
    }

    @Test
    void aDeadlineIsAnExactNumberAboveZero() {
        assertEquals(new java.math.BigDecimal("20.5"),
                read("{'name': 'x', 'deadline': 20.50, 'agents': [{'id': 'a', 'skills': ['go']}], 'tasks': [{'id': 't', 'duration': 1, 'skills': ['go']}]}").deadline());
        assertEquals(null, read("{'name': 'x', 'agents': [{'id': 'a', 'skills': ['go']}], 'tasks': [{'id': 't', 'duration': 1, 'skills': ['go']}]}").deadline());
        for (var bad : new String[] { "0", "-3", "1.23456", "2000000" }) {
            var violation = only(rejected("{'name': 'x', 'deadline': " + bad
                    + ", 'agents': [{'id': 'a', 'skills': ['go']}], 'tasks': [{'id': 't', 'duration': 1, 'skills': ['go']}]}"));
            assertEquals("deadline", violation.field(), bad);
            assertEquals(new java.math.BigDecimal(bad).toPlainString(), violation.value(), bad);
        }
        var notANumber = only(rejected("{'name': 'x', 'deadline': 'soon', 'agents': [{'id': 'a', 'skills': ['go']}], "
                + "'tasks': [{'id': 't', 'duration': 1, 'skills': ['go']}]}"));
        assertEquals("deadline", notANumber.field());
    }

    @Test
    void refusesANegativeDuration() {
        var violation = only(rejected("{'name': 'p', 'agents': [{'id': 'a'}], 'tasks': [{'id': 'T', 'duration': -2}]}"));
        assertEquals("tasks[0].duration", violation.field());
        assertEquals("-2", violation.value());
    }

    @Test
    void refusesANonFiniteDurationFromYaml() {
        var yaml = "name: p\nagents: [{id: a}]\ntasks: [{id: T, duration: .inf}]\n";
        var failure = assertThrows(PlanRejectedException.class,
                () -> new PlanValidator().validate(PlanReader.readYaml(yaml.getBytes(StandardCharsets.UTF_8))));
        assertEquals("tasks[0].duration", failure.violations().get(0).field());
        assertTrue(failure.getMessage().contains("'.inf'"), failure.getMessage());
    }

    @Test
    void refusesNaNInJsonAsMalformed() {
        var violation = only(rejected("{'name': 'p', 'tasks': [{'id': 'T', 'duration': NaN}]}"));
        assertTrue(violation.message().startsWith("malformed JSON"), violation.message());
        assertTrue(violation.message().contains("'NaN'"), violation.message());
    }

    @Test
    void refusesAHugeDurationAndTooManyDecimals() {
        var violations = rejected("""
                {'name': 'p', 'agents': [{'id': 'a'}],
                 'tasks': [{'id': 'A', 'duration': 1e12}, {'id': 'B', 'duration': 0.123456}]}
                """);
        assertEquals(List.of("tasks[0].duration", "tasks[1].duration"), violations.stream().map(Violation::field).toList());
        assertTrue(violations.get(1).message().contains("decimal places"));
    }

    @Test
    void refusesATaskNoAgentCanDoAndNamesTheSkillsItNeeds() {
        var violation = only(rejected("""
                {'name': 'p', 'pools': [{'id': 'core', 'workers': 2, 'skills': {'java': 1}}],
                 'tasks': [{'id': 'OK', 'duration': 1, 'skills': ['java']},
                           {'id': 'Swift', 'duration': 1, 'skills': {'swift': 2, 'java': 1}}]}
                """));
        assertEquals("tasks[1]", violation.field());
        assertEquals("\"Swift\"", violation.value());
        assertTrue(violation.message().contains("swift ≥ 2"), violation.message());
        assertTrue(violation.message().contains("java ≥ 1"), violation.message());
    }

    @Test
    void refusesATaskWhosePoolHasNoAgents() {
        var violation = only(rejected("""
                {'name': 'p', 'pools': [{'id': 'core', 'workers': 2}, {'id': 'native', 'workers': 0}],
                 'tasks': [{'id': 'T', 'duration': 1, 'pool': 'native'}]}
                """));
        assertTrue(violation.message().contains("pool 'native' has no agents"), violation.message());
    }

    @Test
    void aMilestoneNeedsNoAgent() {
        var plan = read("{'name': 'p', 'tasks': [{'id': 'done', 'duration': 0}]}");
        assertTrue(plan.tasks().get(0).isMilestone());
        assertTrue(plan.agents().isEmpty());
    }

    @Test
    void refusesWrongTypesWithoutCoercing() {
        assertEquals("tasks[0].duration", only(rejected("{'name': 'p', 'tasks': [{'id': 'T', 'duration': '3'}]}")).field());
        assertEquals("pools[0].workers", only(rejected("{'name': 'p', 'pools': [{'id': 'c', 'workers': 1.5}], 'tasks': [{'id': 'T', 'duration': 1}]}")).field());
        assertEquals("tasks[0].id", only(rejected("{'name': 'p', 'tasks': [{'id': 7, 'duration': 1}]}")).field());
        assertEquals("tasks[0].dependsOn", only(rejected("{'name': 'p', 'tasks': [{'id': 'T', 'duration': 1, 'dependsOn': 'A'}]}")).field());
        assertEquals("tasks", only(rejected("{'name': 'p', 'tasks': {'id': 'T'}}")).field());
    }

    @Test
    void refusesBadSkillLevels() {
        var negative = only(rejected("{'name': 'p', 'agents': [{'id': 'a', 'skills': {'java': -1}}], 'tasks': [{'id': 'T', 'duration': 1}]}"));
        assertEquals("agents[0].skills", negative.field());
        assertTrue(negative.message().contains("'java'"), negative.message());
        var fractional = only(rejected("{'name': 'p', 'agents': [{'id': 'a', 'skills': {'java': 1.5}}], 'tasks': [{'id': 'T', 'duration': 1}]}"));
        assertTrue(fractional.message().contains("1.5"), fractional.message());
        var notNames = only(rejected("{'name': 'p', 'agents': [{'id': 'a', 'skills': [1]}], 'tasks': [{'id': 'T', 'duration': 1}]}"));
        assertEquals("agents[0].skills", notNames.field());
    }

    @Test
    void refusesMissingOrBlankRequiredFields() {
        var violations = rejected("{'name': ' ', 'tasks': [{'duration': 1}]}");
        assertEquals(List.of("name", "tasks[0].id"), violations.stream().map(Violation::field).toList());
        assertEquals("tasks", only(rejected("{'name': 'p', 'tasks': []}")).field());
        assertEquals("tasks[0].duration", only(rejected("{'name': 'p', 'tasks': [{'id': 'T'}]}")).field());
    }

    @Test
    void refusesAnUnknownTimeUnitAndClaimMetric() {
        var violations = rejected("""
                {'name': 'p', 'timeUnit': 'months', 'agents': [{'id': 'a'}], 'tasks': [{'id': 'T', 'duration': 1}],
                 'claims': [{'metric': 'velocity', 'value': 3}]}
                """);
        assertEquals(List.of("timeUnit", "claims[0].metric"), violations.stream().map(Violation::field).toList());
        assertEquals("\"months\"", violations.get(0).value());
    }

    @Test
    void refusesMalformedJsonWithItsPosition() {
        var failure = assertThrows(PlanRejectedException.class,
                () -> PlanReader.readJson("{\"name\": \"p\", \"tasks\": [".getBytes(StandardCharsets.UTF_8)));
        var violation = failure.violations().get(0);
        assertTrue(violation.message().startsWith("malformed JSON"), violation.message());
        assertTrue(violation.message().contains("line: 1, column: 24"), violation.message());
        var trailing = assertThrows(PlanRejectedException.class,
                () -> PlanReader.readJson("{\"name\": \"p\"} {}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(trailing.getMessage().contains("after the object"), trailing.getMessage());
    }

    @Test
    void refusesDuplicateKeys() {
        var failure = assertThrows(PlanRejectedException.class, () -> read("{'name': 'p', 'name': 'q', 'tasks': []}"));
        assertTrue(failure.getMessage().contains("'name'"), failure.getMessage());
    }

    @Test
    void refusesHostileNesting() {
        var deep = "[".repeat(5_000) + "]".repeat(5_000);
        var failure = assertThrows(PlanRejectedException.class, () -> PlanReader.readJson(
                ("{\"name\": \"p\", \"agents\": [{\"id\": \"a\", \"skills\": " + deep + "}]}").getBytes(StandardCharsets.UTF_8)));
        assertTrue(failure.getMessage().contains("nesting depth"), failure.getMessage());
    }

    @Test
    void refusesAnEmptyBody() {
        var failure = assertThrows(PlanRejectedException.class, () -> PlanReader.readJson(new byte[0]));
        assertTrue(failure.getMessage().contains("empty"), failure.getMessage());
    }

    @Test
    void enforcesSizeLimits() {
        var validator = new PlanValidator(new PlanLimits(2, 1, 10));
        var failure = assertThrows(PlanRejectedException.class, () -> validator.validate(PlanReader.readJson(json("""
                {'name': 'p', 'pools': [{'id': 'c', 'workers': 3}],
                 'tasks': [{'id': 'A', 'duration': 1}, {'id': 'B', 'duration': 1}, {'id': 'C', 'duration': 1}]}
                """).getBytes(StandardCharsets.UTF_8))));
        var fields = failure.violations().stream().map(Violation::field).toList();
        assertEquals(List.of("pools[0].workers", "tasks"), fields);
        assertTrue(failure.violations().get(1).message().contains("limit of 2 tasks"));
    }

    @Test
    void collectsSeveralViolationsAtOnce() {
        var violations = rejected("""
                {'name': 'p', 'agents': [{'id': 'a'}, {'id': 'a'}],
                 'tasks': [{'id': 'A', 'duration': -1}, {'id': 'B', 'duration': 1, 'priority': 9999999}]}
                """);
        assertEquals(List.of("agents[1].id", "tasks[0].duration", "tasks[1].priority"),
                violations.stream().map(Violation::field).toList());
    }
}
