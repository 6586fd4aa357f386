package dev.fanout.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.fanout.analysis.PlanAnalysis;
import dev.fanout.analysis.ScheduleCheck;
import dev.fanout.plan.PlanReader;
import dev.fanout.plan.PlanValidator;

class PlanGeneratorTest {

    private static final PlanGenerator.Spec SPEC = PlanGenerator.Spec.of(1_000, 50, 7);

    @Test
    void sameSeedSamePlan() throws Exception {
        var json = PlanReader.json();
        assertEquals(json.writeValueAsString(PlanGenerator.generate(SPEC)), json.writeValueAsString(PlanGenerator.generate(SPEC)));
        var other = PlanGenerator.Spec.of(1_000, 50, 8);
        assertTrue(!json.writeValueAsString(PlanGenerator.generate(SPEC)).equals(json.writeValueAsString(PlanGenerator.generate(other))));
    }

    @Test
    void aValidDenseMultiSkillPlanWhoseLowerBoundIsTheHorizon() {
        var plan = new PlanValidator().validate(PlanGenerator.generate(SPEC));
        assertEquals(1_000, plan.tasks().size());
        assertEquals(50, plan.agents().size());
        assertEquals(2, plan.pools().size());
        int dependencies = plan.tasks().stream().mapToInt(t -> t.dependsOn().size()).sum();
        assertTrue(dependencies > 1_500, "about two dependencies per task: " + dependencies);
        assertTrue(plan.tasks().stream().anyMatch(t -> t.skills().size() == 2));
        assertTrue(plan.tasks().stream().anyMatch(t -> t.pool() != null));
        var analysis = PlanAnalysis.of(plan);
        assertEquals(SPEC.horizon(), analysis.instance().totalWork() / 50, "every agent is busy until the horizon");
        assertEquals(SPEC.horizon(), analysis.lowerBound(), "the planted schedule shows the work bound is the optimum");
        assertTrue(ScheduleCheck.isValid(analysis.startingSchedule()));
    }
}
