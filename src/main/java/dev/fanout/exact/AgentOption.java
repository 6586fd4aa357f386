package dev.fanout.exact;

import com.google.ortools.sat.BoolVar;

/**
 * One agent a task may go to in a CP-SAT model: the literal that says it does, the agent, and the ticks the task takes
 * there (its speed and the task's work).
 */
record AgentOption(BoolVar doesIt, int agent, long duration) {
}
