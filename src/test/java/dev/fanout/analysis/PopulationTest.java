package dev.fanout.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.fanout.TestPlans;
import dev.fanout.analysis.ScheduleSearch.Built;

/** Who enters the genetic search's population, and how large it grows. */
class PopulationTest {

    /** A and B take 5 days each; "one" and "two" can do both. */
    private final Instance instance = PlanAnalysis.of(TestPlans.plan("""
            {'name': 'two tasks', 'timeUnit': 'days',
             'agents': [{'id': 'one'}, {'id': 'two'}],
             'tasks': [{'id': 'A', 'duration': 5}, {'id': 'B', 'duration': 5}]}
            """)).instance();
    private final long day = instance.scale().ticksPerUnit();
    private final int a = instance.taskIndex("A");
    private final int b = instance.taskIndex("B");

    /** A on "one" from day {@code startOfA}, B on {@code agentOfB} from day {@code startOfB}. */
    private Built schedule(long startOfA, String agentOfB, long startOfB) {
        var agents = new int[2];
        var starts = new long[2];
        agents[a] = instance.agentIndex("one");
        agents[b] = instance.agentIndex(agentOfB);
        starts[a] = startOfA * day;
        starts[b] = startOfB * day;
        return new Built(new Schedule(instance, agents, starts), new int[] { a, b });
    }

    /** Each member as "makespan/sum of ends", in days, sorted. */
    private List<String> members(Population population) {
        return population.schedules().stream()
                .map(s -> s.makespan() / day + "/" + (s.end(a) + s.end(b)) / day)
                .sorted()
                .toList();
    }

    @Test
    void aChildReplacesTheWorstMemberOnlyWhenBetterAndNew() {
        var population = new Population(new Random(1), System.nanoTime(), Long.MAX_VALUE);
        population.add(schedule(0, "one", 5));
        population.add(schedule(0, "one", 6));
        population.add(schedule(0, "one", 7));
        assertEquals(List.of("10/15", "11/16", "12/17"), members(population));

        population.offer(schedule(0, "one", 8));
        assertEquals(List.of("10/15", "11/16", "12/17"), members(population), "worse than every member");
        population.offer(schedule(0, "two", 4));
        assertEquals(List.of("10/15", "11/16", "9/14"), members(population), "in place of the worst");
        population.offer(schedule(0, "two", 5));
        assertEquals(List.of("10/15", "11/16", "9/14"), members(population), "the same figures as a member: a copy");
        population.offer(schedule(2, "two", 5));
        assertEquals(List.of("10/15", "10/17", "9/14"), members(population), "shorter than the worst");
        population.offer(schedule(1, "two", 5));
        assertEquals(List.of("10/15", "10/16", "9/14"), members(population), "as long as the worst, ends earlier in sum");
        population.offer(schedule(2, "two", 5));
        assertEquals(List.of("10/15", "10/16", "9/14"), members(population), "as long as the worst, ends later in sum");
    }

    @Test
    void aScheduleFromTheOtherIslandEntersAsAChildWould() {
        var population = new Population(new Random(1), System.nanoTime(), Long.MAX_VALUE);
        population.add(schedule(0, "one", 5));
        population.add(schedule(0, "one", 6));
        population.immigrate(schedule(0, "one", 8));
        assertEquals(List.of("10/15", "11/16"), members(population), "worse than every member");
        population.immigrate(schedule(0, "two", 4));
        assertEquals(List.of("10/15", "9/14"), members(population), "in place of the worst");
        population.immigrate(schedule(0, "two", 5));
        assertEquals(List.of("10/15", "9/14"), members(population), "a copy of a member");
    }

    @Test
    void thePopulationGrowsWithTheTimeItHas() {
        long now = System.nanoTime();
        var hurried = new Population(new Random(1), now, now + 1);
        for (int i = 0; i < Population.MIN_SIZE; i++) {
            assertTrue(hurried.wantsMore(), "always the minimum");
            hurried.add(schedule(0, "one", 5 + i));
        }
        assertFalse(hurried.wantsMore(), "no time for more turnovers");

        var patient = new Population(new Random(1), now, now + Duration.ofHours(1).toNanos());
        while (patient.wantsMore()) {
            patient.add(schedule(0, "one", 5 + patient.size()));
        }
        assertEquals(Population.MAX_SIZE, patient.size());
    }
}
