package dev.fanout.solver;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;

/**
 * The rules a schedule is scored by, one method per rule, each named after it. Hard: a task on an agent that may not
 * do it, or an order with no possible start time. Medium: the makespan, the figure minimised. Soft: a tiebreak that
 * makes shorter makespans findable. Start times themselves come from {@link ScheduledTask#earliestStart()}.
 */
public class ScheduleConstraints implements ConstraintProvider {

    public static final String LACKS_SKILL = "Agent lacks a skill or level the task needs";
    public static final String OUTSIDE_POOL = "Agent is outside the task's pool";
    public static final String INCONSISTENT_ORDER = "Task placed before its own dependency";
    public static final String MAKESPAN = "Makespan";
    public static final String END_TIMES = "Priority-weighted squared end times";

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                agentLacksSkillOrLevel(factory),
                agentOutsidePool(factory),
                inconsistentOrder(factory),
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
