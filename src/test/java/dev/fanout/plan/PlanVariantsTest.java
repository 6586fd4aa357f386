package dev.fanout.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.fanout.TestPlans;

class PlanVariantsTest {

    private final PlanDocument document = PlanReader.readJson(TestPlans.json(TestPlans.SMALL).getBytes(StandardCharsets.UTF_8));
    private final Plan plan = new PlanValidator().validate(document);

    @Test
    void generalistsHoldEverySkillAtTheHighestLevelAskedAndIgnorePools() {
        var variant = new PlanValidator().validate(PlanVariants.generalists(document, 3));
        assertEquals(List.of("agent-1", "agent-2", "agent-3"), variant.agents().stream().map(Plan.Agent::id).toList());
        assertEquals(Map.of("java", 1, "ops", 0, "design", 1), variant.agents().get(0).skills());
        assertTrue(variant.tasks().stream().allMatch(task -> task.pool() == null));
        assertTrue(variant.tasks().stream().filter(t -> !t.isMilestone()).allMatch(t -> variant.agents().get(2).canDo(t)));
        assertTrue(variant.waves().isEmpty(), "waves belong to the plan as written");
    }

    @Test
    void resizesOnePool() {
        var variant = new PlanValidator().validate(PlanVariants.withPoolWorkers(document, "core", 5));
        assertEquals(5, variant.agents().stream().filter(a -> "core".equals(a.pool())).count());
        assertEquals(1, variant.agents().stream().filter(a -> "infra".equals(a.pool())).count());
    }

    @Test
    void removingAGeneratedWorkerShrinksItsPool() {
        var variant = new PlanValidator().validate(PlanVariants.withoutAgents(document, plan, List.of("core-2"), "removeAgents"));
        assertEquals(List.of("ux", "core-1", "infra-1"), variant.agents().stream().map(Plan.Agent::id).toList());
    }

    @Test
    void removingADeclaredAgentTakesItOut() {
        var variant = PlanVariants.withoutAgents(document, plan, List.of("ux"), "removeAgents");
        assertEquals(List.of(), variant.agents());
        assertEquals(2, variant.pools().get(0).workers(), "pools untouched");
    }

    @Test
    void removingTheOnlyAgentForATaskMakesTheVariantInfeasible() {
        var variant = PlanVariants.withoutAgents(document, plan, List.of("infra-1"), "removeAgents");
        var failure = assertThrows(PlanRejectedException.class, () -> new PlanValidator().validate(variant));
        assertTrue(failure.getMessage().contains("\"B\""), failure.getMessage());
    }

    @Test
    void refusesAnUnknownAgent() {
        var failure = assertThrows(PlanRejectedException.class,
                () -> PlanVariants.withoutAgents(document, plan, List.of("core-9"), "scenarios[0].removeAgents"));
        assertEquals("scenarios[0].removeAgents[0]", failure.violations().get(0).field());
    }

    @Test
    void addsAgents() {
        var variant = new PlanValidator().validate(PlanVariants.withAgents(document,
                List.of(new PlanDocument.AgentDocument("ops-2", null, "infra", Map.of()))));
        var added = variant.agentsById().get("ops-2");
        assertEquals(Map.of("ops", 0), added.skills(), "an agent of a pool holds the pool's skills");
        assertNull(variant.agentsById().get("ops-2").name());
    }
}
