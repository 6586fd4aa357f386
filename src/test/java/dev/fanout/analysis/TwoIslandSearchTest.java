package dev.fanout.analysis;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.fanout.RandomPlans;
import dev.fanout.analysis.ScheduleSearch.Built;

/** The heuristic search as two islands: what they hand each other, and that the second one ends with the first. */
class TwoIslandSearchTest {

    private static final String ISLAND = SecondIsland.THREAD_NAME;

    @Test
    void aMigrationKeepsTheBetterOfTwoPostsUntilTaken() {
        var analysis = PlanAnalysis.of(RandomPlans.generate(3, 12, 3));
        var instance = analysis.instance();
        var shorter = new Built(analysis.startingSchedule(), instance.topologicalOrder());
        var longer = new Built(later(analysis.startingSchedule(), 5), instance.topologicalOrder());
        assertTrue(shorter.schedule().isBetterThan(longer.schedule()), "the test needs two schedules, one shorter");

        var migration = new Migration();
        assertNull(migration.take(), "nothing posted yet");
        migration.post(longer);
        migration.post(shorter);
        assertSame(shorter, migration.take(), "the better of the two");
        assertNull(migration.take(), "taken, it waits no more");
        migration.post(shorter);
        migration.post(longer);
        assertSame(shorter, migration.take(), "a worse post does not replace a better one waiting");
    }

    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 3, 4 })
    void twoIslandsReturnAValidScheduleNoWorseThanTheStartAndTheSecondEndsWithTheFirst(long seed) {
        var analysis = PlanAnalysis.of(seed % 2 == 0 ? RandomPlans.generateConstrained(seed, 40, 5)
                : RandomPlans.generate(seed, 40, 5));
        var before = islandThreads();
        var asked = new AtomicInteger();
        var improvements = Collections.synchronizedList(new ArrayList<Schedule>());
        var reporters = Collections.synchronizedSet(new HashSet<String>());
        var improved = ScheduleSearch.improve(analysis.instance(), analysis.paths(), analysis.startingSchedule(),
                analysis.lowerBound(), System.nanoTime() + 300_000_000L, () -> false, seed, schedule -> {
                    improvements.add(schedule);
                    reporters.add(Thread.currentThread().getName());
                }, () -> asked.incrementAndGet() > 0);

        assertTrue(asked.get() > 0, "the spare core is asked for");
        assertEquals(List.of(), ScheduleCheck.violations(improved, 5));
        assertTrue(!analysis.startingSchedule().isBetterThan(improved), "never worse than the start");
        assertTrue(improved.makespan() >= analysis.lowerBound());
        improvements.forEach(schedule -> assertEquals(List.of(), ScheduleCheck.violations(schedule, 5)));
        var caller = Thread.currentThread().getName();
        assertTrue(reporters.stream().allMatch(caller::equals), () -> "only the calling thread reports: " + reporters);
        await().atMost(Duration.ofSeconds(10)).until(() -> before.containsAll(islandThreads()));
    }

    @Test
    void theSecondIslandStopsAsSoonAsNoCoreIsSpare() throws InterruptedException {
        var analysis = PlanAnalysis.of(RandomPlans.generateConstrained(6, 200, 8));
        var before = islandThreads();
        var spare = new AtomicBoolean(true);
        var stop = new AtomicBoolean();
        var search = searchInBackground(analysis, stop, spare::get);
        await().atMost(Duration.ofSeconds(10)).until(() -> !before.containsAll(islandThreads()));
        var island = newIsland(before);
        spare.set(false); // another solve has started
        await().atMost(Duration.ofSeconds(10)).until(() -> !island.isAlive());
        assertTrue(search.isAlive(), "the first island goes on until its deadline");
        stopAndJoin(search, stop);
    }

    /**
     * No second island while no core is spare; one once a core is (the other solve has ended); it stops when none is
     * again, and another one starts when one is spare once more, until the search is stopped.
     */
    @Test
    void theSecondIslandStartsAgainOnceACoreIsSpareAgain() throws InterruptedException {
        var analysis = PlanAnalysis.of(RandomPlans.generateConstrained(6, 200, 8));
        var before = islandThreads();
        var spare = new AtomicBoolean(false);
        var asked = new AtomicInteger();
        var stop = new AtomicBoolean();
        var search = searchInBackground(analysis, stop, () -> {
            asked.incrementAndGet();
            return spare.get();
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> asked.get() >= 20);
        assertTrue(before.containsAll(islandThreads()), "asked 20 times with no core spare, and no second island");

        spare.set(true); // the other solve has ended
        await().atMost(Duration.ofSeconds(10)).until(() -> !before.containsAll(islandThreads()));
        var first = newIsland(before);
        spare.set(false); // another solve has started
        await().atMost(Duration.ofSeconds(10)).until(() -> !first.isAlive());
        spare.set(true); // and ended
        await().atMost(Duration.ofSeconds(10)).until(() -> islandThreads().stream()
                .anyMatch(thread -> !before.contains(thread) && thread != first));

        assertTrue(search.isAlive(), "the first island goes on all along");
        stopAndJoin(search, stop);
        await().atMost(Duration.ofSeconds(10)).until(() -> before.containsAll(islandThreads()));
    }

    @Test
    void aGenerationIsAbandonedWhenTheSearchIsStopped() {
        var instance = PlanAnalysis.of(RandomPlans.generate(1, 600, 10)).instance();
        var order = instance.topologicalOrder();
        assertNotNull(new InsertionScheduler(instance, false).schedule(order, Long.MAX_VALUE, () -> false));
        assertNull(new InsertionScheduler(instance, false).schedule(order, Long.MAX_VALUE, () -> true),
                "asked every 256 placements: a 600-task pass stops at the first question");
    }

    /**
     * A two-island search on {@code analysis}'s plan on a thread of its own, with no lower bound to reach (it goes on
     * until {@code stop} says so, or a minute has passed), asking {@code spareCore} whether a core is spare.
     */
    private static Thread searchInBackground(PlanAnalysis analysis, AtomicBoolean stop, BooleanSupplier spareCore) {
        return Thread.ofPlatform().start(() -> ScheduleSearch.improve(analysis.instance(), analysis.paths(),
                analysis.startingSchedule(), 0, System.nanoTime() + Duration.ofSeconds(60).toNanos(), stop::get, 1,
                schedule -> {
                }, spareCore));
    }

    /** Asks the search to stop, and checks that it has within ten seconds. */
    private static void stopAndJoin(Thread search, AtomicBoolean stop) throws InterruptedException {
        stop.set(true);
        search.join(Duration.ofSeconds(10));
        assertTrue(!search.isAlive(), "the search stops when asked");
    }

    /** A second island's thread alive now that was not among {@code before}. */
    private static Thread newIsland(Set<Thread> before) {
        return islandThreads().stream().filter(thread -> !before.contains(thread)).findFirst().orElseThrow();
    }

    /** The second islands' threads alive now. */
    private static Set<Thread> islandThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().equals(ISLAND))
                .collect(Collectors.toSet());
    }

    /** {@code schedule} with every task {@code ticks} later. */
    private static Schedule later(Schedule schedule, long ticks) {
        var instance = schedule.instance();
        var agents = new int[instance.taskCount()];
        var starts = new long[instance.taskCount()];
        for (int task = 0; task < agents.length; task++) {
            agents[task] = schedule.agentOf(task);
            starts[task] = schedule.start(task) + ticks;
        }
        return new Schedule(instance, agents, starts);
    }
}
