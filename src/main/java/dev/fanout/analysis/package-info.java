/**
 * Everything Fanout knows about a plan without the solver, in whole ticks: the {@link dev.fanout.analysis.Instance}
 * every algorithm works on, dependency paths, the critical path, tiers, proven lower bounds, the baseline schedules
 * (list scheduling, the author's waves, the tiers), the search that improves a schedule, and the explanations read
 * off a schedule (bottleneck, start reasons, workload, utilization). {@link dev.fanout.analysis.PlanAnalysis} bundles
 * them. Imports plan only; used by the solver, report, service and what-if layers.
 */
package dev.fanout.analysis;
