package dev.fanout.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.fanout.TestPlans;
import dev.fanout.report.Sentences;

class BottleneckTest {

    @Test
    void criticalPathBoundPlanNamesItsTasks() {
        var analysis = PlanAnalysis.of(TestPlans.plan(TestPlans.SMALL));
        var bottleneck = Bottleneck.of(analysis);
        assertEquals(Bottleneck.Kind.CRITICAL_PATH, bottleneck.kind());
        assertEquals(List.of("A", "C", "M", "E"), bottleneck.tasks());
        assertEquals("The critical path bounds the plan: A → C → M → E takes 6.5 days, and no number of agents shortens it.",
                Sentences.bottleneck(bottleneck, analysis.instance()));
    }

    @Test
    void scarceSkillIsNamed() {
        // Only the coder holds python at level 1: Tracks B, C and G (11 tasks, 12.5 days) are its alone, and
        // Track D cannot start before C is done.
        var analysis = PlanAnalysis.of(TestPlans.seed(Path.of("data/orchestrator-platform-tracks.json")));
        var bottleneck = Bottleneck.of(analysis);
        assertEquals(Bottleneck.Kind.AGENT_SET, bottleneck.kind());
        assertEquals("the agents with skill 'python' at level 1 or more (coder-agent)", bottleneck.subject());
        assertEquals(List.of("coder-agent"), bottleneck.agents());
        assertEquals(240, bottleneck.bound());
        assertTrue(Sentences.bottleneck(bottleneck, analysis.instance()).startsWith(
                "The work only the agents with skill 'python' at level 1 or more (coder-agent) can do bounds the plan: "
                        + "12.5 days of it in 11 tasks"), Sentences.bottleneck(bottleneck, analysis.instance()));
    }

    @Test
    void scarcePoolIsNamed() {
        var analysis = PlanAnalysis.of(TestPlans.plan("""
                {'name': 'p', 'pools': [{'id': 'core', 'workers': 4}, {'id': 'infra', 'workers': 1}],
                 'tasks': [{'id': 'I1', 'duration': 4, 'pool': 'infra'}, {'id': 'I2', 'duration': 4, 'pool': 'infra'},
                           {'id': 'I3', 'duration': 4, 'pool': 'infra'}, {'id': 'C1', 'duration': 5}]}
                """));
        var bottleneck = Bottleneck.of(analysis);
        assertEquals(Bottleneck.Kind.AGENT_SET, bottleneck.kind());
        assertEquals("pool 'infra' (1 agent)", bottleneck.subject());
        assertEquals(12, bottleneck.bound());
    }

    @Test
    void plentifulWorkOnFewAgentsIsAWorkBound() {
        var analysis = PlanAnalysis.of(TestPlans.plan("""
                {'name': 'p', 'agents': [{'id': 'a'}, {'id': 'b'}],
                 'tasks': [{'id': 'T1', 'duration': 3}, {'id': 'T2', 'duration': 3}, {'id': 'T3', 'duration': 2},
                           {'id': 'T4', 'duration': 2}]}
                """));
        var bottleneck = Bottleneck.of(analysis);
        assertEquals(Bottleneck.Kind.WORK, bottleneck.kind());
        assertEquals(5, bottleneck.bound());
        assertEquals("Total work bounds the plan: 10 days over 2 agents needs at least 5 days; more agents would shorten it.",
                Sentences.bottleneck(bottleneck, analysis.instance()));
    }
}
