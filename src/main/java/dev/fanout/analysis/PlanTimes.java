package dev.fanout.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import dev.fanout.plan.Plan;

/**
 * The times a plan states or implies, in its own unit: what {@link TimeScale#fitting} chooses the tick from, and the
 * time a task takes at an agent's speed.
 */
final class PlanTimes {

    private PlanTimes() {
    }

    /**
     * The time a task takes at a speed: duration / speed, rounded up to {@link dev.fanout.plan.PlanValidator#MAX_DECIMALS}
     * places when it does not come out exact (1 day at speed 3 takes 0.3334 days: never less than the work needs).
     */
    static BigDecimal timeOn(BigDecimal duration, BigDecimal speed) {
        if (speed.compareTo(BigDecimal.ONE) == 0) {
            return duration;
        }
        var time = duration.divide(speed, dev.fanout.plan.PlanValidator.MAX_DECIMALS, RoundingMode.CEILING).stripTrailingZeros();
        return time.scale() < 0 ? time.setScale(0) : time;
    }

    /** Every time the plan states or implies: durations, durations at each agent's speed, windows, now, remaining times. */
    static List<BigDecimal> all(Plan plan) {
        var times = new ArrayList<BigDecimal>();
        times.add(plan.now());
        var speeds = new java.util.TreeSet<BigDecimal>();
        for (var agent : plan.agents()) {
            var window = agent.availability();
            times.add(window.from());
            if (window.until() != null) {
                times.add(window.until());
            }
            speeds.add(window.speed());
        }
        for (var task : plan.tasks()) {
            for (var speed : speeds) {
                times.add(timeOn(task.duration(), speed));
            }
            times.add(task.duration());
            times.add(plan.remainingTime(task));
        }
        return times;
    }
}
