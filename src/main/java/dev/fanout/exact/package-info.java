/**
 * The exact stage: OR-Tools' CP-SAT on a plan's {@link dev.fanout.analysis.Instance}, model and search, over the whole
 * plan or over a neighbourhood of a schedule ({@link dev.fanout.exact.WindowSearch}). Imports analysis only; used by
 * the service's solve (small plans) and by the benchmark's CP-SAT column.
 */
package dev.fanout.exact;
