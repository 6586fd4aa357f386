package dev.fanout.solver;

import java.util.Arrays;
import java.util.List;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import dev.fanout.analysis.SharedLimits;

/**
 * The rules a schedule is scored by, one method per rule, each named after it. Hard: a task on an agent that may not
 * do it, an order with no possible start time, a task outside its agent's window, and the shared limits (areas,
 * resources, caps) overused; the last four never happen to a schedule the {@link Timetable} times, and a zero hard
 * score proves it. Medium: the makespan, the figure minimised. Soft: a tiebreak that
 * makes shorter makespans findable. Start times themselves come from {@link ScheduledTask#earliestStart()}.
 */
public class ScheduleConstraints implements ConstraintProvider {

    public static final String LACKS_SKILL = "Agent lacks a skill or level the task needs";
    public static final String OUTSIDE_POOL = "Agent is outside the task's pool";
    public static final String INCONSISTENT_ORDER = "Task placed before its own dependency";
    public static final String OUTSIDE_AVAILABILITY = "Task ends after its agent stops being available";
    public static final String AREA_OVERLAP = "Tasks with overlapping areas run at the same time";
    public static final String RESOURCE_OVER_CAPACITY = "Tasks use more of a resource than its capacity";
    public static final String PLAN_CAP_EXCEEDED = "More tasks run at once than the plan's cap";
    public static final String POOL_CAP_EXCEEDED = "More tasks run at once on a pool than its cap";
    public static final String MAKESPAN = "Makespan";
    public static final String END_TIMES = "Priority-weighted squared end times";

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                agentLacksSkillOrLevel(factory),
                agentOutsidePool(factory),
                inconsistentOrder(factory),
                endsAfterAgentAvailable(factory),
                areaOverlap(factory),
                resourceOverCapacity(factory),
                planCapExceeded(factory),
                poolCapExceeded(factory),
                makespan(factory),
                priorityWeightedEndTimes(factory)
        };
    }

    /** Hard: a task on a lane whose agent lacks a skill it lists, or holds it below the level asked. */
    Constraint agentLacksSkillOrLevel(ConstraintFactory factory) {
        return factory.forEachUnfiltered(ScheduledTask.class)
                .filter(ScheduledTask::laneLacksSkill)
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint(LACKS_SKILL);
    }

    /** Hard: a task on a lane whose agent is outside the pool it names. */
    Constraint agentOutsidePool(ConstraintFactory factory) {
        return factory.forEachUnfiltered(ScheduledTask.class)
                .filter(ScheduledTask::laneOutsidePool)
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint(OUTSIDE_POOL);
    }

    /**
     * Hard: a task whose start cannot be computed because the lanes' orders and the dependencies wait for each
     * other in a loop (for example a task placed before its own dependency on one lane).
     */
    Constraint inconsistentOrder(ConstraintFactory factory) {
        return factory.forEachUnfiltered(ScheduledTask.class)
                .filter(ScheduledTask::isInconsistent)
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint(INCONSISTENT_ORDER);
    }

    /** Hard: a task ending after its agent's window closes, by how many ticks. */
    Constraint endsAfterAgentAvailable(ConstraintFactory factory) {
        return factory.forEach(ScheduledTask.class)
                .filter(task -> task.overrunOfAvailability() > 0)
                .penalize(HardMediumSoftScore.ONE_HARD, ScheduledTask::overrunOfAvailability)
                .asConstraint(OUTSIDE_AVAILABILITY);
    }

    /**
     * Hard: two tasks whose areas overlap running at the same time, on any agents (each area, folder prefixes
     * included, is a limit of capacity 1). The {@link Timetable} never times such a schedule: this proves it.
     */
    Constraint areaOverlap(ConstraintFactory factory) {
        return overuse(factory, SharedLimits.Kind.AREA, AREA_OVERLAP);
    }

    /** Hard: running tasks using more units of a resource than its capacity, by the units too many at the worst instant. */
    Constraint resourceOverCapacity(ConstraintFactory factory) {
        return overuse(factory, SharedLimits.Kind.RESOURCE, RESOURCE_OVER_CAPACITY);
    }

    /** Hard: more tasks running at once than the plan's {@code maxConcurrent}. */
    Constraint planCapExceeded(ConstraintFactory factory) {
        return overuse(factory, SharedLimits.Kind.PLAN_CAP, PLAN_CAP_EXCEEDED);
    }

    /** Hard: more tasks running at once on a pool's agents than the pool's {@code maxConcurrent}. */
    Constraint poolCapExceeded(ConstraintFactory factory) {
        return overuse(factory, SharedLimits.Kind.POOL_CAP, POOL_CAP_EXCEEDED);
    }

    /** Per limit of one kind: the most units in use at any instant beyond its capacity. */
    private static Constraint overuse(ConstraintFactory factory, SharedLimits.Kind kind, String name) {
        return factory.forEach(ScheduledTask.class)
                .filter(ScheduledTask::mayHoldLimits)
                .flattenLast(ScheduledTask::holds)
                .filter(hold -> hold.kind() == kind)
                .groupBy(LimitHold::limit, ConstraintCollectors.toList())
                .filter((limit, holds) -> overuse(holds) > 0)
                .penalize(HardMediumSoftScore.ONE_HARD, (limit, holds) -> overuse(holds))
                .asConstraint(name);
    }

    /** The most units in use at one instant beyond the capacity; 0 when it is never passed. */
    static int overuse(List<LimitHold> holds) {
        var events = new long[holds.size() * 2][];
        int e = 0;
        for (var hold : holds) {
            events[e++] = new long[] { hold.start(), hold.units() };
            events[e++] = new long[] { hold.end(), -hold.units() };
        }
        // Ends before starts at the same instant: a task may start exactly when another ends.
        Arrays.sort(events, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        long inUse = 0;
        long peak = 0;
        for (var event : events) {
            inUse += event[1];
            peak = Math.max(peak, inUse);
        }
        return (int) Math.max(0, peak - holds.get(0).capacity());
    }

    /** Medium: the latest end of any task. */
    Constraint makespan(ConstraintFactory factory) {
        return factory.forEach(ScheduledTask.class)
                .filter(task -> task.getEnd() != null)
                .groupBy(ConstraintCollectors.max(ScheduledTask::getEnd))
                .penalize(HardMediumSoftScore.ONE_MEDIUM, makespan -> makespan)
                .asConstraint(MAKESPAN);
    }

    /**
     * Soft: every task ending earlier, the late ones most (squared end), weighted by priority. Penalizing only the
     * latest end gives the search a flat landscape; pulling ends earlier, hardest near the makespan, makes room the
     * makespan can then use. Measured better than plain end times (BENCHMARKS.md).
     */
    Constraint priorityWeightedEndTimes(ConstraintFactory factory) {
        return factory.forEach(ScheduledTask.class)
                .filter(task -> task.getEnd() != null)
                .penalize(HardMediumSoftScore.ONE_SOFT, ScheduledTask::tiebreakPenalty)
                .asConstraint(END_TIMES);
    }
}
