/**
 * The benchmark's CP-SAT peer ({@code ./fanout bench ... --peer cpsat}): Google OR-Tools' CP-SAT solver on the same
 * instances as Fanout, for a side-by-side column. Its own source set, {@code src/bench-cpsat/java}, compiled only with
 * the Maven profile {@code cpsat} (which brings OR-Tools, in test scope); it may use the analysis
 * ({@code dev.fanout.analysis}) and the runner's {@link dev.fanout.bench.Peer}; nothing depends on it.
 */
package dev.fanout.bench.cpsat;
