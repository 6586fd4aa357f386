package dev.fanout.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        // Only coder holds python at level 1: P1, P2 and P3 (6 days) are its alone. The other bounds are lower:
        // critical path 3 (the longest task), work ⌈8 / 3⌉ = 3.
        var analysis = PlanAnalysis.of(TestPlans.plan("""
                {'name': 'p', 'agents': [{'id': 'coder', 'skills': {'python': 1}}, {'id': 'a1', 'skills': ['python']},
                                         {'id': 'a2', 'skills': ['python']}],
                 'tasks': [{'id': 'P1', 'duration': 3, 'skills': {'python': 1}},
                           {'id': 'P2', 'duration': 2, 'skills': {'python': 1}},
                           {'id': 'P3', 'duration': 1, 'skills': {'python': 1}},
                           {'id': 'G1', 'duration': 1}, {'id': 'G2', 'duration': 1}]}
                """));
        var bottleneck = Bottleneck.of(analysis);
        assertEquals(Bottleneck.Kind.AGENT_SET, bottleneck.kind());
        assertEquals("the agents with skill 'python' at level 1 or more (coder)", bottleneck.subject());
        assertEquals(List.of("coder"), bottleneck.agents());
        assertEquals(List.of("P1", "P2", "P3"), bottleneck.tasks());
        assertEquals(6, bottleneck.bound());
        assertEquals("The work only the agents with skill 'python' at level 1 or more (coder) can do bounds the plan: "
                + "6 days of it in 3 tasks, which needs at least 6 days with the tasks before and after it.",
                Sentences.bottleneck(bottleneck, analysis.instance()));
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
