package dev.fanout.report;

/** Where a plan's solving stands (CONTRACT §2). */
public enum SolveStatus {
    NOT_SOLVED, SOLVING, SOLVED, FAILED
}
