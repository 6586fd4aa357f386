/**
 * The exact stage: OR-Tools' CP-SAT on a plan's {@link dev.fanout.analysis.Instance}, model and search. Imports analysis
 * only; used by the service's solve (small plans) and by the benchmark's CP-SAT column.
 */
package dev.fanout.exact;
