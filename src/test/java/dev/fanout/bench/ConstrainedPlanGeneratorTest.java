package dev.fanout.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.fanout.analysis.PlanAnalysis;
import dev.fanout.analysis.SharedLimits;
import dev.fanout.plan.PlanReader;
import dev.fanout.plan.PlanValidator;

class ConstrainedPlanGeneratorTest {

    @ParameterizedTest
    @ValueSource(ints = { 60, 200, 1_000 })
    void everyKindOfLimitAndAProvenOptimum(int size) {
        var spec = ConstrainedPlanGenerator.Spec.of(size, 3);
        var plan = new PlanValidator().validate(ConstrainedPlanGenerator.generate(spec)); // proves the optimum or throws
        assertEquals(size, plan.tasks().size());
        assertTrue(plan.agents().size() > spec.cap(), "more agents than the plan's cap");
        assertTrue(plan.agents().stream().anyMatch(a -> a.availability().until() != null));
        assertTrue(plan.agents().stream().anyMatch(a -> a.availability().from().signum() > 0));
        assertEquals(3, plan.agents().stream().map(a -> a.availability().speed().stripTrailingZeros()).distinct().count());
        var areas = plan.tasks().stream().flatMap(t -> t.areas().stream()).toList();
        assertTrue(areas.stream().anyMatch(a -> a.endsWith("/")) && areas.stream().anyMatch(a -> a.startsWith("src/core/") && !a.endsWith("/")));
        assertTrue(plan.tasks().stream().anyMatch(t -> !t.uses().isEmpty()));

        var analysis = PlanAnalysis.of(plan);
        var instance = analysis.instance();
        var kinds = instance.limits().limits().stream().map(SharedLimits.Limit::kind).distinct().toList();
        assertTrue(kinds.containsAll(java.util.List.of(SharedLimits.Kind.values())), "every kind of limit: " + kinds);
        long horizon = instance.scale().ticks(BigDecimal.valueOf(spec.horizon()));
        assertEquals(horizon, analysis.lowerBound());
        assertEquals(horizon, analysis.lowerBounds().work(), "the cap's work bound alone proves it");
        assertEquals(horizon, analysis.lowerBounds().sharedLimit(), "so does an area chain or a cap's energy bound");
    }

    @ParameterizedTest
    @ValueSource(ints = { 60, 200, 1_000 })
    void holesLeaveRoomUnderTheCapAndTheAreaChainProvesTheOptimum(int size) {
        var full = ConstrainedPlanGenerator.Spec.of(size, 2);
        var spec = full.withHoles(10);
        var plan = new PlanValidator().validate(ConstrainedPlanGenerator.generate(spec)); // proves the optimum or throws
        assertEquals(size, plan.tasks().size());
        assertEquals(full.cap(), (int) plan.maxConcurrent());
        assertTrue(spec.horizon() > full.horizon(), "the same tasks spread over a longer planted schedule");

        var analysis = PlanAnalysis.of(plan);
        long horizon = analysis.instance().scale().ticks(BigDecimal.valueOf(spec.horizon()));
        assertEquals(horizon, analysis.lowerBound());
        assertEquals(horizon, analysis.lowerBounds().sharedLimit(), "src/core/'s chain proves it");
        var instance = analysis.instance();
        long work = IntStream.range(0, instance.taskCount()).mapToLong(instance::fastestDuration).sum();
        long room = full.cap() * horizon - work; // the cap's energy left over, at least the tasks left out
        assertTrue(room >= horizon * (full.cap() - 1) / 20, "room under the cap: " + room + " of " + full.cap() * horizon);
        assertTrue(analysis.lowerBounds().work() < horizon, "the cap's work bound alone no longer proves it");
    }

    @ParameterizedTest
    @ValueSource(ints = { 60 })
    void sameSeedSamePlan(int size) throws Exception {
        var json = PlanReader.json();
        var spec = ConstrainedPlanGenerator.Spec.of(size, 1);
        var plan = json.writeValueAsString(ConstrainedPlanGenerator.generate(spec));
        assertEquals(plan, json.writeValueAsString(ConstrainedPlanGenerator.generate(spec)));
        assertNotEquals(plan, json.writeValueAsString(ConstrainedPlanGenerator.generate(ConstrainedPlanGenerator.Spec.of(size, 2))));
    }
}
