/**
 * The benchmark runner ({@code ./fanout bench}, see BENCHMARKS.md) and the generators of plans with a known optimum
 * ({@link dev.fanout.bench.PlanGenerator}; {@link dev.fanout.bench.ConstrainedPlanGenerator} under the constraints of
 * CONTRACT §5). Its own source set, {@code src/bench/java}, compiled with the tests and kept out of the service's jar.
 * It may use the plan model ({@code dev.fanout.plan}), the analysis ({@code dev.fanout.analysis}), the solver's
 * planning classes ({@code dev.fanout.solver}) and the service's search ({@code dev.fanout.service.SolveSearch}, run on
 * the runner's own threads); nothing in the service depends on it. Tests use {@link dev.fanout.bench.PlanGenerator}
 * for large plans. Another solver may run beside Fanout as a {@link dev.fanout.bench.Peer}, from a source set of its
 * own ({@code dev.fanout.bench.cpsat}).
 */
package dev.fanout.bench;
