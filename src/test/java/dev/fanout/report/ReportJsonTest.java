package dev.fanout.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.fanout.TestPlans;
import dev.fanout.analysis.PlanAnalysis;

/** The report's JSON on {@link TestPlans#SMALL}: its sections are one object, its kinds named as in CONTRACT §3. */
class ReportJsonTest {

    private static JsonNode json() {
        var analysis = PlanAnalysis.of(TestPlans.plan(TestPlans.SMALL));
        var report = ReportBuilder.build(analysis, analysis.startingSchedule(), SolveStatus.SOLVED);
        return new ObjectMapper().valueToTree(report);
    }

    @Test
    void fieldsInTheirOrder() {
        var names = new ArrayList<String>();
        json().fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("plan", "timeUnit", "tasks", "agents", "now", "remaining", "sequential", "waves", "tiers", "optimized",
                "lowerBound", "lowerBounds", "criticalPath", "savings", "forecast", "utilization", "agentLoads", "poolLoads", "slack",
                "claims", "bottleneck", "waits"), names);
    }

    @Test
    void kindsByTheirJsonNames() {
        var json = json();
        var against = new ArrayList<String>();
        json.get("savings").forEach(saving -> against.add(saving.get("against").asText()));
        assertEquals(List.of("sequential", "waves", "tiers"), against);
        assertEquals("criticalPath", json.get("lowerBounds").get("binding").asText(), "6.5 days, the most of the bounds");
        assertEquals("criticalPath", json.get("bottleneck").get("kind").asText());
        assertEquals("free", json.get("waits").get(0).get("reason").asText(), "A starts at 0");
    }

    @Test
    void figuresOfTheSmallPlan() {
        var json = json();
        assertEquals(11.0, json.get("sequential").get("makespan").asDouble(), "2 + 1 + 3 + 2.5 + 1.5 + 1");
        assertEquals(6.5, json.get("lowerBound").asDouble(), "A → C → M → E");
        assertEquals(7.0, json.get("tiers").get("makespan").asDouble(), "tiers end at 2.5, 5.5, 5.5 and 7");
        assertEquals(3, json.get("waves").get("count").asInt());
    }
}
