package dev.fanout.service;

import org.jboss.logging.MDC;

/**
 * The plan a log line is about ({@code plan=…} in every line): set while a request about a plan is served, while a
 * solve of it starts, and on the solver thread that runs it. The one place that knows the key.
 */
public final class LogContext {

    private static final String PLAN = "planId";

    private LogContext() {
    }

    /** From now on, this thread's lines name {@code planId} (none when null). */
    public static void enterPlan(String planId) {
        if (planId == null) {
            MDC.remove(PLAN);
        } else {
            MDC.put(PLAN, planId);
        }
    }

    public static void leavePlan() {
        MDC.remove(PLAN);
    }

    /** Runs {@code work} with lines naming {@code planId}, then restores what the thread named before. */
    public static void withPlan(String planId, Runnable work) {
        var previous = MDC.get(PLAN);
        enterPlan(planId);
        try {
            work.run();
        } finally {
            enterPlan(previous == null ? null : previous.toString());
        }
    }

    /** {@code work}, carrying the calling thread's plan into whichever thread runs it. */
    public static Runnable carried(Runnable work) {
        var planId = MDC.get(PLAN);
        return () -> {
            enterPlan(planId == null ? null : planId.toString());
            try {
                work.run();
            } finally {
                leavePlan();
            }
        };
    }
}
