package dev.fanout.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.fanout.analysis.PlanAnalysis;
import dev.fanout.analysis.Schedule;
import dev.fanout.analysis.ScheduleCheck;
import dev.fanout.plan.Plan;
import dev.fanout.plan.PlanRejectedException;
import dev.fanout.plan.PlanValidator;
import dev.fanout.plan.TimeUnit;

/** Reading iMOPSE .def files, checked on instance 100_5_20_9_D3 of the d36 set and its public reference schedule. */
class ImopseReaderTest {

    private static byte[] resource(String name) throws IOException {
        try (var in = ImopseReaderTest.class.getResourceAsStream("/imopse/" + name)) {
            return in.readAllBytes();
        }
    }

    private static Plan instance() throws IOException {
        return new PlanValidator().validate(ImopseReader.read(resource("100_5_20_9_D3.def"), null));
    }

    @Test
    void readsResourcesTasksSkillsAndPredecessors() throws IOException {
        var plan = instance();
        assertEquals("100_5_20_9_D3", plan.name());
        assertEquals(TimeUnit.HOURS, plan.timeUnit());
        assertEquals(78, plan.tasks().size());
        assertEquals(5, plan.agents().size());
        assertEquals(Map.of("Q2", 1, "Q4", 1, "Q3", 0, "Q8", 1, "Q1", 1, "Q6", 1), plan.agentsById().get("1").skills());
        var task2 = plan.tasksById().get("2");
        assertEquals(new java.math.BigDecimal("36"), task2.duration());
        assertEquals(Map.of("Q0", 1), task2.skills());
        assertEquals(List.of("1"), task2.dependsOn());
    }

    @Test
    void ourLowerBoundIsAtLeastThePublishedOne() throws IOException {
        // imopse_d36_bounds.csv: lb 387 (critical path 142, work 387, skill set 387), public_ub 392.
        assertTrue(PlanAnalysis.of(instance()).lowerBound() >= 387);
    }

    @Test
    void thePublicReferenceScheduleIsValidInOurModelWithItsPublishedMakespan() throws IOException {
        var instance = PlanAnalysis.of(instance()).instance();
        var agentOf = new int[instance.taskCount()];
        var start = new long[instance.taskCount()];
        var lines = new String(resource("100_5_20_9_D3.sol"), StandardCharsets.ISO_8859_1).split("\n");
        // "<hour> <resource>-<task> …" with hour = start + 1.
        for (var line : Arrays.asList(lines).subList(1, lines.length)) {
            var parts = new ArrayList<>(List.of(line.strip().split("\\s+")));
            if (parts.size() < 2) {
                continue;
            }
            long hour = Long.parseLong(parts.remove(0));
            for (var assignment : parts) {
                var pair = assignment.split("-");
                int task = instance.taskIndex(pair[1]);
                agentOf[task] = instance.agentIndex(pair[0]);
                start[task] = hour - 1;
            }
        }
        var schedule = new Schedule(instance, agentOf, start);
        assertEquals(List.of(), ScheduleCheck.violations(schedule, 5));
        assertEquals(392, schedule.makespan());
    }

    @Test
    void refusesAMalformedLineNamingIt() {
        var text = """
                TaskID 	 Duration 	 Skill 	 Predecessor IDs
                1	 	 	ten	 Q4: 1
                """;
        var failure = assertThrows(PlanRejectedException.class, () -> ImopseReader.read(text.getBytes(StandardCharsets.UTF_8), null));
        assertEquals("line 2", failure.violations().get(0).field());
        assertThrows(PlanRejectedException.class, () -> ImopseReader.read("just text".getBytes(StandardCharsets.UTF_8), null));
    }
}
