/**
 * Timefold's view of a plan, read best in this order:
 * <ol>
 * <li>{@link ScheduleSolution}, the planning solution: every lane, every task and the score;</li>
 * <li>{@link AgentLane}, the planning entity: one per agent, holding the ordered list of tasks the agent does (the
 * list variable), chosen among the tasks it is able to do;</li>
 * <li>{@link ScheduledTask}, the list element: a task with work in it, whose start is a shadow variable, the later of
 * the end of the task before it on its lane and the ends of its dependencies;</li>
 * <li>{@link ScheduleConstraints}, one method per rule, named after it;</li>
 * <li>{@link SolutionMapper}, between the analysis model and the planning solution.</li>
 * </ol>
 * Uses {@code dev.fanout.analysis} (the indexed instance and its schedules) and, through it, the plan model of
 * {@code dev.fanout.plan}. Used only by the service layer (the solving service) and the benchmark runner, both with
 * the one configuration in {@code solverConfig.xml}.
 */
package dev.fanout.solver;
