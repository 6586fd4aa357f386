package dev.fanout.analysis;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The second island of a genetic search on a spare core ({@link ScheduleSearch#improve} given {@code spareCore}):
 * started on a thread of its own while a core is spare, stopped as soon as none is (another solve has started), and
 * started again, from the best schedule so far, once one is spare again (the other solve has ended), so that a solve
 * left alone on the machine gets both cores for the rest of its time, not only when it began alone. The two islands
 * hand each other their best schedules through two {@link Migration}s; each sees them as an {@link Exchange}.
 */
final class SecondIsland {

    /** The name of the second island's thread. */
    static final String THREAD_NAME = "fanout-search-island";

    /**
     * What one island sees of the other: where its best schedules come from and go to, and what to do between two
     * children with its best schedule (the first island: start the second one if it should run and does not).
     */
    record Exchange(Migration inbox, Migration outbox, Consumer<Schedule> keepUp) {

        /** A search's with no other island: nothing ever arrives, what it posts is never taken, it starts nothing. */
        static Exchange none() {
            return new Exchange(new Migration(), new Migration(), best -> {
            });
        }
    }

    /** The second island's search: from {@code best} until {@code stopped}, its {@code run}-th start (1, 2, …). */
    @FunctionalInterface
    interface Search {
        void run(Schedule best, BooleanSupplier stopped, int run, Exchange exchange);
    }

    private final Migration toSecond = new Migration();
    private final Migration fromSecond = new Migration();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final BooleanSupplier spareCore;
    private final BooleanSupplier stopped;
    private final Search search;
    /** The second island's thread, if it was ever started; read and written by the first island's thread only. */
    private Thread thread;
    private int starts;

    /**
     * @param spareCore whether a core is spare now (asked between two children, and by the second island as often as
     *        it asks whether to stop)
     * @param stopped whether the whole search has been asked to stop
     */
    SecondIsland(BooleanSupplier spareCore, BooleanSupplier stopped, Search search) {
        this.spareCore = spareCore;
        this.stopped = stopped;
        this.search = search;
    }

    /** The first island's side: it starts the second one. */
    Exchange first() {
        return new Exchange(fromSecond, toSecond, this::startIfSpare);
    }

    /** The second island's side: it starts nothing. */
    private Exchange second() {
        return new Exchange(toSecond, fromSecond, best -> {
        });
    }

    private void startIfSpare(Schedule best) {
        if (thread != null && thread.isAlive() || mustNotRun()) {
            return;
        }
        int run = ++starts;
        thread = Thread.ofPlatform().daemon().name(THREAD_NAME)
                .start(() -> search.run(best, this::mustNotRun, run, second()));
    }

    /** Whether the second island must stop, or not start: the first has ended, the search is stopped, no core spare. */
    private boolean mustNotRun() {
        return ended.get() || stopped.getAsBoolean() || !spareCore.getAsBoolean();
    }

    /**
     * The first island has ended: the second one stops too (within 256 placements, as often as its generation asks;
     * not waited for, since nothing it finds from now on is used) and is never started again.
     */
    void end() {
        ended.set(true);
    }
}
