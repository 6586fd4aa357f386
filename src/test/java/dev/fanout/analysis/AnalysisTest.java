package dev.fanout.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.fanout.TestPlans;

/** Figures for {@link TestPlans#SMALL}, computed by hand (1 tick = 0.1 day). */
class AnalysisTest {

    private final PlanAnalysis analysis = PlanAnalysis.of(TestPlans.plan(TestPlans.SMALL));
    private final Instance instance = analysis.instance();

    private int task(String id) {
        return instance.taskIndex(id);
    }

    private List<String> ids(List<Integer> tasks) {
        return tasks.stream().map(instance::taskId).toList();
    }

    @Test
    void scalesDecimalDurationsToWholeTicks() {
        assertEquals(10, instance.scale().ticksPerUnit());
        assertEquals(25, instance.duration(task("D")));
        assertEquals(0, instance.duration(task("M")));
        assertEquals(110, analysis.sequential(), "2 + 1 + 3 + 2.5 + 0 + 1.5 + 1 days");
    }

    @Test
    void eligibilityFollowsSkillsLevelsAndPools() {
        assertEquals(List.of("core-1", "core-2"), agents(task("A")));
        assertEquals(List.of("infra-1"), agents(task("B")));
        assertEquals(List.of("core-1", "core-2"), agents(task("C")), "pool core");
        assertEquals(List.of("ux"), agents(task("D")));
        assertEquals(List.of(), agents(task("M")), "a milestone needs no agent");
        assertEquals(List.of("ux", "core-1", "core-2"), agents(task("E")), "java ≥ 0");
        assertEquals(List.of("ux", "core-1", "core-2", "infra-1"), agents(task("F")));
    }

    private List<String> agents(int task) {
        return instance.eligibleAgents(task).stream().mapToObj(instance::agentId).toList();
    }

    @Test
    void headsAndTails() {
        var paths = analysis.paths();
        assertEquals(0, paths.head(task("A")));
        assertEquals(20, paths.head(task("C")));
        assertEquals(50, paths.head(task("M")));
        assertEquals(50, paths.head(task("E")));
        assertEquals(10, paths.head(task("F")));
        assertEquals(45, paths.tail(task("A")), "C (3) then E (1.5) after A");
        assertEquals(15, paths.tail(task("B")), "M then E (1.5) beats F (1)");
        assertEquals(0, paths.tail(task("E")));
    }

    @Test
    void criticalPathAndSlack() {
        var criticalPath = analysis.criticalPath();
        assertEquals(65, criticalPath.length());
        assertEquals(List.of("A", "C", "M", "E"), ids(criticalPath.tasks()));
        assertEquals(0, criticalPath.slack()[task("C")]);
        assertEquals(40, criticalPath.slack()[task("B")]);
        assertEquals(40, criticalPath.slack()[task("D")]);
        assertEquals(45, criticalPath.slack()[task("F")]);
    }

    @Test
    void tiersAreOneDeeperThanTheDeepestDependency() {
        var levels = analysis.tiers().levels().stream().map(this::ids).toList();
        assertEquals(List.of(List.of("A", "B", "D"), List.of("C", "F"), List.of("M"), List.of("E")), levels);
    }

    @Test
    void lowerBounds() {
        var bounds = analysis.lowerBounds();
        assertEquals(65, bounds.criticalPath());
        assertEquals(28, bounds.work(), "⌈110 / 4⌉ ticks");
        // A and C, only the two core agents can do them. From 0: ⌈50 / 2⌉ + least tail 15 = 40; from C's head 20:
        // C alone, 20 + 30 + its tail 15 = 65.
        assertEquals(65, bounds.skillSet());
        assertEquals(65, analysis.lowerBound());
        assertEquals(LowerBounds.Kind.CRITICAL_PATH, bounds.binding());
    }

    @Test
    void tierBarrierScheduleWaitsForEachTierToEnd() {
        var tiers = analysis.tierSchedule().schedule();
        assertEquals(List.of(), ScheduleCheck.violations(tiers, 10));
        assertEquals(25, tiers.start(task("C")), "tier 1 starts when D, the longest of tier 0, ends");
        assertEquals(55, tiers.start(task("M")));
        assertEquals(70, tiers.makespan());
        // Tier 0 (A, B, D) ends with D at 2.5; tier 1 (C, F) with C at 5.5; tier 2 is the milestone M; tier 3 E.
        var phases = analysis.tierSchedule().phases().stream().map(p -> List.of(p.start(), p.end())).toList();
        assertEquals(List.of(List.of(0L, 25L), List.of(25L, 55L), List.of(55L, 55L), List.of(55L, 70L)), phases);
    }

    @Test
    void authorsWavesRunAsWrittenWithTheMilestonePlacedWhereItsDependenciesAllow() {
        var waves = analysis.wavePlan().orElseThrow();
        assertEquals(3, waves.count());
        assertEquals(java.util.Set.of("C", "F", "M"), java.util.Set.copyOf(ids(waves.waves().phases().get(1).tasks())));
        assertEquals(List.of(), waves.findings(), "the waves agree with the dependencies");
        assertEquals(70, waves.schedule().makespan());
        assertEquals(25, waves.waves().phases().get(0).end());
        assertEquals(55, waves.waves().phases().get(1).end());
    }

    @Test
    void startingScheduleIsValidAndNoLongerThanAnyBaseline() {
        var starting = analysis.startingSchedule();
        assertEquals(List.of(), ScheduleCheck.violations(starting, 10));
        assertTrue(starting.makespan() <= analysis.tierSchedule().makespan());
        assertTrue(starting.makespan() <= analysis.wavePlan().orElseThrow().schedule().makespan());
        assertTrue(starting.makespan() >= analysis.lowerBound());
    }

    @Test
    void leftShiftNeverStartsATaskLater() {
        var tiers = analysis.tierSchedule().schedule();
        var shifted = tiers.leftShifted();
        for (int t = 0; t < instance.taskCount(); t++) {
            assertTrue(shifted.start(t) <= tiers.start(t), instance.taskId(t));
            assertEquals(tiers.agentOf(t), shifted.agentOf(t));
        }
        assertEquals(65, shifted.makespan(), "without barriers this order meets the critical path");
    }

    @Test
    void utilizationPerAgentAndPool() {
        // core-1: A then C (5 days); infra-1: B (1); ux: D then E (4); core-2: F (1). Makespan 6.5 days.
        var sequences = List.of(List.of(task("D"), task("E")), List.of(task("A"), task("C")), List.of(task("F")),
                List.of(task("B")));
        var schedule = Schedule.fromSequences(instance, sequences);
        assertEquals(List.of(), ScheduleCheck.violations(schedule, 10));
        assertEquals(65, schedule.makespan());
        var utilization = Utilization.of(schedule);
        assertEquals(0.6154, utilization.agents().get("ux"), 1e-4, "4 / 6.5");
        assertEquals(0.7692, utilization.agents().get("core-1"), 1e-4, "5 / 6.5");
        assertEquals(0.4615, utilization.pools().get("core"), 1e-4, "6 / 13");
        assertEquals(0.1538, utilization.pools().get("infra"), 1e-4);
        assertEquals(0.4231, utilization.mean(), 1e-4, "11 / 26");

        var workload = Workload.of(schedule);
        var ux = workload.agents().get(instance.agentIndex("ux"));
        assertEquals(List.of(2, 40L), List.of(ux.tasks(), ux.busy()), "D and E: 2.5 + 1.5 days");
        assertEquals(List.of(new Workload.PoolLoad("core", 2, 3, 60), new Workload.PoolLoad("infra", 1, 1, 10)),
                workload.pools(), "core: A, C and F (2 + 3 + 1 days); infra: B");
        assertEquals(110, workload.totalBusy());
    }

    @Test
    void scheduleCheckReportsEachKindOfViolation() {
        var agentOf = new int[instance.taskCount()];
        var start = new long[instance.taskCount()];
        java.util.Arrays.fill(agentOf, Schedule.NO_AGENT);
        int ux = instance.agentIndex("ux");
        int core1 = instance.agentIndex("core-1");
        agentOf[task("A")] = ux;        // lacks java ≥ 1
        agentOf[task("B")] = core1;     // lacks ops
        agentOf[task("C")] = ux;        // outside pool core (and lacks nothing else: C needs no skill)
        agentOf[task("D")] = ux;        // overlaps A and C on ux
        agentOf[task("E")] = core1;     // starts before M (its dependency) ends
        agentOf[task("F")] = core1;
        start[task("M")] = 50;
        start[task("F")] = 5;           // before B ends (B: 0..1 day)
        var problems = ScheduleCheck.violations(new Schedule(instance, agentOf, start), 50);
        var text = String.join("\n", problems);
        assertTrue(text.contains("A is given to ux, who lacks a skill"), text);
        assertTrue(text.contains("B is given to core-1, who lacks a skill"), text);
        assertTrue(text.contains("C is given to ux, who is outside its pool"), text);
        assertTrue(text.contains("C starts before its dependency A ends"), text);
        assertTrue(text.contains("E starts before its dependency M ends"), text);
        assertTrue(text.contains("F starts before its dependency B ends"), text);
        assertTrue(text.contains("ux works on"), text);
    }
}
