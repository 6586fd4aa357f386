package dev.fanout.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.fanout.TestPlans;
import dev.fanout.report.Sentences;

/**
 * Start times and their reasons under CONTRACT §5, on hand-built agent sequences: each task waits for exactly the
 * area, resource, cap or window the plan states, and says so; the bounds see the same limits.
 */
class SharedLimitReasonsTest {

    /**
     * Four agents; A and B change overlapping areas (a folder and a file in it), C and D share a one-unit resource, E
     * runs on a pool capped at 1 beside F, and G's agent opens at 3.
     */
    private static final String PLAN = """
            {'name': 'limits', 'timeUnit': 'days',
             'pools': [{'id': 'py', 'workers': 2, 'maxConcurrent': 1}],
             'agents': [{'id': 'one'}, {'id': 'two'}, {'id': 'late', 'skills': ['swift'], 'availableFrom': 3}],
             'resources': [{'id': 'db'}],
             'tasks': [{'id': 'A', 'duration': 2, 'areas': ['src/']},
                       {'id': 'B', 'duration': 1, 'areas': ['src/app.py']},
                       {'id': 'C', 'duration': 2, 'uses': ['db']},
                       {'id': 'D', 'duration': 2, 'uses': {'db': 1}},
                       {'id': 'E', 'duration': 4},
                       {'id': 'F', 'duration': 1},
                       {'id': 'G', 'duration': 1, 'skills': ['swift']}]}
            """;

    private final Instance instance = PlanAnalysis.of(TestPlans.plan(PLAN)).instance();

    private int task(String id) {
        return instance.taskIndex(id);
    }

    /** one: A, C · two: B, D · py-1: E · py-2: F · late: G. */
    private Schedule schedule() {
        return Schedule.fromSequences(instance, List.of(List.of(task("A"), task("C")), List.of(task("B"), task("D")),
                List.of(task("G")), List.of(task("E")), List.of(task("F"))));
    }

    @Test
    void everyTaskWaitsForWhatItShares() {
        var schedule = schedule();
        assertEquals(List.of(), ScheduleCheck.violations(schedule, 5));
        assertEquals(2, schedule.start(task("B")) / instance.scale().ticksPerUnit(), "B waits for the folder A changes");
        // Whichever ready task can start first takes a limit first: C (after A, at 2) before D (after B, at 3).
        assertEquals(2, schedule.start(task("C")) / instance.scale().ticksPerUnit(), "C takes the database first");
        assertEquals(4, schedule.start(task("D")) / instance.scale().ticksPerUnit(), "D waits for the database C holds");
        assertEquals(4, schedule.start(task("F")) / instance.scale().ticksPerUnit(), "F waits for pool py's one place");
        assertEquals(3, schedule.start(task("G")) / instance.scale().ticksPerUnit(), "G waits for its agent");
    }

    @Test
    void theReasonsNameTheAreaTheResourceTheCapAndTheWindow() {
        var schedule = schedule();
        var reasons = StartReasons.of(schedule);
        assertEquals("B waits for area src/app.py, held by A until day 2.",
                Sentences.startReason(reasons.of(task("B")), schedule));
        assertEquals(StartReasons.Kind.RESOURCE, reasons.of(task("D")).kind());
        assertEquals("D waits for resource db, full until C ends at day 4.",
                Sentences.startReason(reasons.of(task("D")), schedule));
        assertEquals(StartReasons.Kind.CAP, reasons.of(task("F")).kind());
        assertEquals("F waits: pool py runs 1 task at once, its cap, until E ends at day 4.",
                Sentences.startReason(reasons.of(task("F")), schedule));
        assertEquals(StartReasons.Kind.AGENT_UNAVAILABLE, reasons.of(task("G")).kind());
        assertEquals("G waits for late, who is not available before day 3.",
                Sentences.startReason(reasons.of(task("G")), schedule));
    }

    @Test
    void theBoundsSeeTheSharedLimitsAndTheWindows() {
        var bounds = PlanAnalysis.of(TestPlans.plan(PLAN)).lowerBounds();
        long day = instance.scale().ticksPerUnit();
        assertEquals(4 * day, bounds.sharedLimit(), "C and D take the database one at a time: 2 + 2 days");
        assertEquals("db", instance.limits().limit(bounds.sharedLimitIndex()).name());
        assertEquals(4 * day, bounds.agentChain(), "G cannot end before its only able agent opens at 3 and works a day");
    }

    /** Each limit read the other way: the tasks that hold it with their units, or a pool cap's agents. */
    @Test
    void eachLimitNamesItsHoldersOrItsAgents() {
        var limits = instance.limits();
        var byLabel = new HashMap<String, Integer>();
        for (int l = 0; l < limits.limits().size(); l++) {
            byLabel.put(limits.limit(l).label(), l);
        }
        int area = byLabel.get("area src/app.py"); // held by A (its folder holds it) and B; "src/" alone by A, so no limit
        int database = byLabel.get("resource db");
        int pool = byLabel.get("cap of pool py");
        assertEquals(Set.of(task("A"), task("B")), holders(limits.holdersOf(area)), "the file and the folder it lies in");
        assertArrayEquals(new int[] { 1, 1 }, limits.holderUnitsOf(area));
        assertEquals(Set.of(task("C"), task("D")), holders(limits.holdersOf(database)));
        assertArrayEquals(new int[] { 1, 1 }, limits.holderUnitsOf(database));
        assertEquals(0, limits.membersOf(area).length);
        assertEquals(0, limits.holdersOf(pool).length, "a pool cap is held by the agent a task runs on, not the task");
        assertEquals(Set.of(instance.agentIndex("py-1"), instance.agentIndex("py-2")), holders(limits.membersOf(pool)));
        for (int l = 0; l < limits.limits().size(); l++) {
            var holders = limits.holdersOf(l);
            for (int i = 0; i < holders.length; i++) {
                assertEquals(limits.units(holders[i], l), limits.holderUnitsOf(l)[i], "the same units read either way");
            }
        }
    }

    private static Set<Integer> holders(int[] indexes) {
        return Arrays.stream(indexes).boxed().collect(Collectors.toSet());
    }
}
