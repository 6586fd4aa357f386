package dev.fanout.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;

import org.apache.commons.statistics.distribution.BetaDistribution;
import org.junit.jupiter.api.Test;

import dev.fanout.TestPlans;

/**
 * The forecast against closed forms on small plans: one ranged task (its PERT-Beta distribution's own quantiles), two
 * in series (the sum's distribution by numerical convolution), two in parallel (the maximum: F²), and a shared area
 * that turns two agents' tasks into a series. Tolerances are about four standard errors of 10,000 runs.
 */
class ForecastTest {

    /** Beta(2, 4) on [2, 6]: the PERT distribution of {min 2, likely 3, max 6}. */
    private static final BetaDistribution SKEWED = BetaDistribution.of(2, 4);
    /** Beta(3, 3) on [1, 3]: {min 1, likely 2, max 3}. */
    private static final BetaDistribution SYMMETRIC = BetaDistribution.of(3, 3);

    private static Forecast forecast(String singleQuotedPlan) {
        var analysis = PlanAnalysis.of(TestPlans.plan(singleQuotedPlan));
        var schedule = ScheduleSearch.justify(analysis.instance(), analysis.paths(), analysis.startingSchedule(), Long.MAX_VALUE);
        return Forecast.of(analysis, schedule);
    }

    private static double skewed(double q) {
        return 2 + 4 * SKEWED.inverseCumulativeProbability(q);
    }

    @Test
    void oneTaskFollowsItsPertDistribution() {
        var forecast = forecast("""
                {'name': 'one', 'deadline': 3.5, 'agents': [{'id': 'a'}],
                 'tasks': [{'id': 'A', 'duration': {'min': 2, 'likely': 3, 'max': 6}}]}""");
        assertEquals(Forecast.RUNS, forecast.runs());
        assertEquals(1, forecast.ranged());
        var outcome = forecast.optimized();
        assertEquals(skewed(0.5), outcome.p50(), 0.05);
        assertEquals(skewed(0.8), outcome.p80(), 0.05);
        assertEquals(skewed(0.95), outcome.p95(), 0.08);
        assertEquals(20 / 6.0, outcome.mean(), 0.03, "the PERT mean (2 + 4·3 + 6) / 6");
        assertEquals(SKEWED.cumulativeProbability((3.5 - 2) / 4), outcome.onTime(), 0.02);
        assertEquals(1.0, forecast.criticality(0));
        assertEquals(outcome.p50(), forecast.strategies().get(Forecast.Strategy.SEQUENTIAL).p50(), 1e-9, "one task: the same");
    }

    @Test
    void twoInSeriesAddUp() {
        var forecast = forecast("""
                {'name': 'series', 'agents': [{'id': 'a'}, {'id': 'b'}],
                 'tasks': [{'id': 'A', 'duration': {'min': 1, 'likely': 2, 'max': 3}},
                           {'id': 'B', 'duration': {'min': 1, 'likely': 2, 'max': 3}, 'dependsOn': ['A']}]}""");
        var outcome = forecast.optimized();
        // X + Y, X and Y independent Beta(3, 3) on [1, 3]: P(X + Y ≤ t) = ∫ f(x) F(t − x) dx.
        DoubleUnaryOperator cdf = t -> integrate(x -> SYMMETRIC.density((x - 1) / 2) / 2
                * SYMMETRIC.cumulativeProbability(Math.clamp((t - x - 1) / 2, 0, 1)), 1, 3);
        assertEquals(4.0, outcome.p50(), 0.03, "symmetric: the sum of the medians");
        assertEquals(quantile(cdf, 0.8, 2, 6), outcome.p80(), 0.03);
        assertEquals(quantile(cdf, 0.95, 2, 6), outcome.p95(), 0.05);
        assertEquals(4.0, outcome.mean(), 0.02);
        assertEquals(1.0, forecast.criticality(0), "every run's last chain is A then B");
        assertEquals(1.0, forecast.criticality(1));
        assertNull(outcome.onTime(), "no deadline");
    }

    @Test
    void twoInParallelEndWithTheLaterOne() {
        var forecast = forecast("""
                {'name': 'parallel', 'agents': [{'id': 'a'}, {'id': 'b'}],
                 'tasks': [{'id': 'A', 'duration': {'min': 2, 'likely': 3, 'max': 6}},
                           {'id': 'B', 'duration': {'min': 2, 'likely': 3, 'max': 6}}]}""");
        var outcome = forecast.optimized();
        // max(X, Y) ≤ t when both are: F(t)², so its q-quantile is F's √q-quantile.
        assertEquals(skewed(Math.sqrt(0.5)), outcome.p50(), 0.05);
        assertEquals(skewed(Math.sqrt(0.8)), outcome.p80(), 0.05);
        assertEquals(skewed(Math.sqrt(0.95)), outcome.p95(), 0.08);
        assertEquals(0.5, forecast.criticality(0), 0.03, "each ends last in half the runs");
        assertEquals(1.0, forecast.criticality(0) + forecast.criticality(1), 1e-9);
        var sequential = forecast.strategies().get(Forecast.Strategy.SEQUENTIAL);
        assertTrue(sequential.p50() > outcome.p95(), "one agent doing both takes longer than two");
    }

    @Test
    void aSharedAreaMakesTwoAgentsWorkInSeries() {
        var forecast = forecast("""
                {'name': 'area', 'agents': [{'id': 'a'}, {'id': 'b'}],
                 'tasks': [{'id': 'A', 'duration': {'min': 1, 'likely': 2, 'max': 3}, 'areas': ['src/core/']},
                           {'id': 'B', 'duration': {'min': 1, 'likely': 2, 'max': 3}, 'areas': ['src/core/Engine.java']}]}""");
        assertEquals(4.0, forecast.optimized().p50(), 0.03, "as in series: the folder holds the file");
        assertEquals(1.0, forecast.criticality(0), "the area passes from the first to the second in every run");
    }

    @Test
    void withoutRangesOneRunGivesTheMakespan() {
        var plan = """
                {'name': 'fixed', 'agents': [{'id': 'a'}, {'id': 'b'}], 'waves': [['A', 'B'], ['C']],
                 'tasks': [{'id': 'A', 'duration': 3}, {'id': 'B', 'duration': 2},
                           {'id': 'C', 'duration': 4, 'dependsOn': ['A']}]}""";
        var forecast = forecast(plan);
        assertEquals(1, forecast.runs());
        assertEquals(0, forecast.ranged());
        assertEquals(7.0, forecast.optimized().p50());
        assertEquals(7.0, forecast.optimized().p95());
        assertEquals(7.0, forecast.strategies().get(Forecast.Strategy.WAVES).p50(), "wave 2 starts when wave 1 ends");
        assertEquals(9.0, forecast.strategies().get(Forecast.Strategy.SEQUENTIAL).p50());
        assertEquals(1.0, forecast.criticality(0), "A → C ends last");
        assertEquals(0.0, forecast.criticality(1));
    }

    /** The example plans (areas, caps, windows, speeds among them): followed with their own durations, unchanged. */
    @Test
    void aScheduleFollowedWithItsOwnDurationsEndsAtItsMakespan() {
        for (var file : TestPlans.seedFiles()) {
            var analysis = PlanAnalysis.of(new dev.fanout.plan.PlanValidator().validate(
                    dev.fanout.plan.PlanReader.readJson(TestPlans.read(file).getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            var schedule = analysis.startingSchedule();
            var forecast = Forecast.of(analysis, schedule);
            double makespan = analysis.instance().scale().toDouble(schedule.makespan());
            if (forecast.ranged() == 0) {
                assertEquals(makespan, forecast.optimized().p50(), 1e-9, file.toString());
                assertEquals(analysis.instance().scale().toDouble(analysis.tierSchedule().makespan()),
                        forecast.strategies().get(Forecast.Strategy.TIERS).p50(), 1e-9, file.toString());
            }
            assertTrue(forecast.optimized().p50() <= forecast.optimized().p80(), file.toString());
            assertTrue(forecast.optimized().p80() <= forecast.optimized().p95(), file.toString());
        }
    }

    @Test
    void theSamePlanGivesTheSameFigures() {
        var plan = """
                {'name': 'again', 'agents': [{'id': 'a'}, {'id': 'b'}],
                 'tasks': [{'id': 'A', 'duration': {'min': 1, 'max': 5}}, {'id': 'B', 'duration': {'min': 2, 'max': 3}},
                           {'id': 'C', 'duration': {'min': 1, 'likely': 1, 'max': 9}, 'dependsOn': ['A', 'B']}]}""";
        var first = forecast(plan).optimized();
        var second = forecast(plan).optimized();
        assertArrayEquals(first.sorted(), second.sorted());
        assertArrayEquals(first.histogram().counts(), second.histogram().counts());
        assertEquals(Forecast.RUNS, java.util.Arrays.stream(first.histogram().counts()).sum());
    }

    private static double integrate(DoubleUnaryOperator f, double from, double to) {
        int steps = 2_000; // Simpson's rule
        double h = (to - from) / steps;
        double sum = f.applyAsDouble(from) + f.applyAsDouble(to);
        for (int i = 1; i < steps; i++) {
            sum += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(from + i * h);
        }
        return sum * h / 3;
    }

    private static double quantile(DoubleUnaryOperator cdf, double q, double low, double high) {
        for (int i = 0; i < 60; i++) {
            double middle = (low + high) / 2;
            if (cdf.applyAsDouble(middle) < q) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return (low + high) / 2;
    }
}
