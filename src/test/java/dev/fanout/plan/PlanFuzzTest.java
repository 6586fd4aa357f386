package dev.fanout.plan;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.fanout.PlanMutator;
import dev.fanout.TestPlans;
import dev.fanout.analysis.PlanAnalysis;
import dev.fanout.analysis.ScheduleCheck;

/**
 * Thousands of mutated seed plans through reading, validation and analysis: each is either refused with violations
 * that name something, or accepted and analysed into a valid starting schedule. Nothing else may happen.
 */
class PlanFuzzTest {

    private static final int MUTANTS_PER_SEED = 1_000;

    @Test
    void everyMutantIsRefusedCleanlyOrHandledCorrectly() {
        int refused = 0;
        int accepted = 0;
        var validator = new PlanValidator();
        for (var file : TestPlans.seedFiles()) {
            var original = TestPlans.read(file);
            var mutator = new PlanMutator(file.getFileName().toString().hashCode());
            for (int i = 0; i < MUTANTS_PER_SEED; i++) {
                var mutant = mutator.mutate(original);
                try {
                    var plan = validator.validate(PlanReader.readJson(mutant.body().getBytes(StandardCharsets.UTF_8)));
                    var analysis = PlanAnalysis.of(plan);
                    assertTrue(ScheduleCheck.isValid(analysis.startingSchedule()), mutant.mutation());
                    assertTrue(analysis.lowerBound() <= analysis.startingSchedule().makespan(), mutant.mutation());
                    accepted++;
                } catch (PlanRejectedException e) {
                    assertFalse(e.violations().isEmpty(), mutant.mutation());
                    for (var violation : e.violations()) {
                        assertNotNull(violation.message(), mutant.mutation());
                        assertFalse(violation.describe().isBlank(), mutant.mutation());
                    }
                    refused++;
                } catch (Throwable unexpected) {
                    fail("mutant '" + mutant.mutation() + "' of " + file + " failed with " + unexpected, unexpected);
                }
            }
        }
        assertTrue(refused > 2_000, "most mutants are invalid plans: " + refused);
        assertTrue(accepted > 100, "some mutants are still valid plans (e.g. another valid number): " + accepted);
    }
}
