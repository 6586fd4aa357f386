package dev.fanout.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import dev.fanout.analysis.ScheduleSearch.Built;

/**
 * The schedules a genetic search keeps ({@link ScheduleSearch}): each with the priority list it was built from, so
 * that two of them can be crossed. A child enters in place of the worst member when it is better than that member
 * and not already there; parents are chosen by binary tournament.
 *
 * <p>Schedules of equal makespan are common (a thousand-task plan's best lists mostly end at the same hour), and
 * "better" must still say which is closer to a shorter one: first inside the windows, then shorter, then less work
 * in the last {@value #NEAR_END_PERCENT} % of the makespan (what would have to move for a shorter one), then the
 * earlier sum of ends (more compact).
 *
 * <p>Its size follows the search's speed: a genetic search needs its population replaced many times over, so it
 * aims at {@value #TURNOVERS} turnovers in the time it has, with {@value #MIN_SIZE} to {@value #MAX_SIZE} members
 * (a 1,000-task plan without shared limits builds about 500 schedules a second on one core here: 300 members; the
 * same size with areas, resources and caps about 50: some 50 members). Measured in BENCHMARKS.md (2026-12-05).
 */
final class Population {

    static final int MIN_SIZE = 20;
    static final int MAX_SIZE = 300;
    private static final int TURNOVERS = 40;
    private static final int NEAR_END_PERCENT = 5;

    private final List<Member> members = new ArrayList<>();
    private final Random random;
    private final long began;
    private final long deadline;
    private long built;

    /** A schedule, its list, and the two figures that order schedules of equal makespan. */
    private record Member(Built built, long workNearEnd, long sumOfEnds) {

        static Member of(Built built) {
            var schedule = built.schedule();
            long cut = schedule.makespan() - Math.max(1, schedule.makespan() * NEAR_END_PERCENT / 100);
            long nearEnd = 0;
            long ends = 0;
            for (int task = 0; task < schedule.instance().taskCount(); task++) {
                nearEnd += Math.max(0, schedule.end(task) - Math.max(cut, schedule.start(task)));
                ends += schedule.end(task);
            }
            return new Member(built, nearEnd, ends);
        }

        Schedule schedule() {
            return built.schedule();
        }

        boolean isBetterThan(Member other) {
            return BETTER_FIRST.compare(this, other) < 0;
        }
    }

    /** The schedules' own order ({@link Schedule#BETTER_FIRST}), then the two figures for equal makespans. */
    private static final Comparator<Member> BETTER_FIRST = Comparator.comparing(Member::schedule, Schedule.BETTER_FIRST)
            .thenComparingLong(Member::workNearEnd)
            .thenComparingLong(Member::sumOfEnds);

    /** A population for a search that began at {@code began} and ends at {@code deadline} (System.nanoTime()). */
    Population(Random random, long began, long deadline) {
        this.random = random;
        this.began = began;
        this.deadline = deadline;
    }

    /**
     * Whether the population should grow before it breeds: fewer than {@value #MIN_SIZE} members, or fewer than the
     * schedules built so far, spread over the whole time, allow for {@value #TURNOVERS} turnovers.
     */
    boolean wantsMore() {
        if (members.size() < MIN_SIZE) {
            return true;
        }
        long now = System.nanoTime();
        double expected = built * (double) (deadline - began) / Math.max(1, now - began);
        return members.size() < Math.min(MAX_SIZE, Math.round(expected / TURNOVERS));
    }

    /** Adds a member, as a fresh schedule does while the population grows. */
    void add(Built schedule) {
        built++;
        members.add(Member.of(schedule));
    }

    /** A bred child: in place of the worst member if better than it and not a copy of a member. */
    void offer(Built child) {
        built++;
        replaceWorst(child);
    }

    /**
     * A schedule from another island of the search, taken in as a child would be, but not counted among the schedules
     * this island built (the population's size follows this island's own speed).
     */
    void immigrate(Built schedule) {
        replaceWorst(schedule);
    }

    private void replaceWorst(Built schedule) {
        var candidate = Member.of(schedule);
        int worst = 0;
        for (int i = 1; i < members.size(); i++) {
            if (members.get(worst).isBetterThan(members.get(i))) {
                worst = i;
            }
        }
        if (!candidate.isBetterThan(members.get(worst))) {
            return;
        }
        for (var member : members) {
            if (BETTER_FIRST.compare(member, candidate) == 0) {
                return; // the same schedule again, most likely: it would crowd out the others
            }
        }
        members.set(worst, candidate);
    }

    /** The list of the better of two members drawn at random. */
    int[] parent() {
        var first = members.get(random.nextInt(members.size()));
        var second = members.get(random.nextInt(members.size()));
        return (second.isBetterThan(first) ? second : first).built().list();
    }

    int size() {
        return members.size();
    }

    /** The members' schedules, in no particular order. */
    List<Schedule> schedules() {
        return members.stream().map(Member::schedule).toList();
    }
}
