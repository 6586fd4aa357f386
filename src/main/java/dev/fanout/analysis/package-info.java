/**
 * Everything Fanout knows about a plan without the solver, in whole ticks: the {@link dev.fanout.analysis.Instance}
 * every algorithm works on, dependency paths, the critical path, tiers, proven lower bounds, the baseline schedules
 * (list scheduling, the author's waves, the tiers), the search that improves a schedule, the explanations read
 * off a schedule (bottleneck, start reasons, workload, utilization, latest ends with its orders kept) and the forecast
 * of a schedule followed as a policy while durations vary. {@link dev.fanout.analysis.PlanAnalysis} bundles them.
 * Imports plan only; used by the solver, report, service and what-if layers.
 */
package dev.fanout.analysis;
