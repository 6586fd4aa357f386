package dev.fanout.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.fanout.TestPlans;
import dev.fanout.report.Sentences;

/** Why tasks start when they do, on a hand-built schedule of {@link TestPlans#SMALL}. */
class StartReasonsTest {

    private final Instance instance = PlanAnalysis.of(TestPlans.plan(TestPlans.SMALL)).instance();

    private int task(String id) {
        return instance.taskIndex(id);
    }

    /** ux: D (0–2.5) then E; core-1: A (0–2) then C (2–5); core-2: F (1–2); infra-1: B (0–1). E waits for M at 5. */
    private Schedule schedule() {
        return Schedule.fromSequences(instance, List.of(List.of(task("D"), task("E")), List.of(task("A"), task("C")),
                List.of(task("F")), List.of(task("B"))));
    }

    @Test
    void aTaskThatWaitsForADependency() {
        var schedule = schedule();
        var reason = StartReasons.of(schedule).of(task("C"));
        assertEquals(StartReasons.Kind.DEPENDENCY, reason.kind());
        assertEquals("A", instance.taskId(reason.on()));
        assertEquals(20, reason.until());
        assertEquals("C waits for its dependency A, which ends at day 2.", Sentences.startReason(reason, schedule));
    }

    @Test
    void aTaskThatWaitsForItsAgent() {
        // F and B both on infra-1, B first: F is ready at 1 (B ends) ... put D before F on ux to make ux busy instead.
        var schedule = Schedule.fromSequences(instance, List.of(List.of(task("D"), task("F"), task("E")),
                List.of(task("A"), task("C")), List.of(), List.of(task("B"))));
        var reason = StartReasons.of(schedule).of(task("F"));
        assertEquals(StartReasons.Kind.AGENT, reason.kind(), "F's dependency B ends at 1, but ux does D until 2.5");
        assertEquals("D", instance.taskId(reason.on()));
        assertEquals(25, reason.until());
        assertEquals("F is ready earlier, but ux is busy with D until day 2.5.", Sentences.startReason(reason, schedule));
    }

    @Test
    void aTaskFreeFromTheStart() {
        var schedule = schedule();
        var reason = StartReasons.of(schedule).of(task("A"));
        assertEquals(StartReasons.Kind.FREE, reason.kind());
        assertEquals("A starts at 0: it depends on nothing and is first for core-1.", Sentences.startReason(reason, schedule));
    }

    @Test
    void aMilestoneWaitsForItsLastDependency() {
        var reason = StartReasons.of(schedule()).of(task("M"));
        assertEquals(StartReasons.Kind.DEPENDENCY, reason.kind());
        assertEquals("C", instance.taskId(reason.on()), "C ends at 5, after B at 1");
    }

    @Test
    void criticalChainRunsFromTimeZeroToTheLastTask() {
        var chain = StartReasons.of(schedule()).criticalChain().stream().map(r -> instance.taskId(r.task())).toList();
        assertEquals(List.of("A", "C", "M", "E"), chain);
    }
}
