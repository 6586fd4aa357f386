package dev.fanout.api;

import static dev.fanout.api.ApiPlans.element;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.fanout.TestPlans;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The report of a small plan written here, whose every figure is worked out by hand below: every section, every
 * claim verdict, the waves and tiers, the loads, the CSV tables and why each task starts when it does.
 */
@QuarkusTest
class ReportApiTest {

    /**
     * Each task has exactly one agent able to do it, so the assignment is forced; only studio-1 has two tasks.
     * <pre>
     * alice    (pool dev, backend):  API 0–3, CLIENT 3–5 (after API)        busy 5
     * bob      (pool dev, frontend): UI 2–6 (after SKETCH)                  busy 4
     * studio-1 (pool studio, design): SKETCH 0–2, ICONS 2–3 (agent busy)    busy 3
     * RELEASE (milestone) after UI, CLIENT, ICONS: at 6
     * </pre>
     * Critical path SKETCH (2) → UI (4) → RELEASE (0) = 6 weeks. ICONS first would start SKETCH at 1 and end UI at 7,
     * so the optimum, 6 = the critical path, is unique and proven at once. Sequential = 3 + 2 + 1 + 4 + 2 = 12 weeks.
     * <p>
     * The author's waves, run as written: wave 1 SKETCH 0–2, ICONS 2–3; wave 2 (from 3) UI 3–7, API 3–6; wave 3
     * (from 7) CLIENT 7–9, with the milestone RELEASE (in no wave) at 9. Waves: 9 weeks.
     * <p>
     * Tiers: 0 = API, SKETCH, ICONS (API 0–3, SKETCH 0–2, ICONS 2–3: ends 3); 1 = UI, CLIENT (UI 3–7, CLIENT 3–5:
     * ends 7); 2 = RELEASE at 7. Tiers: 7 weeks.
     */
    static final String PLAN = TestPlans.json("""
            {'name': 'release', 'timeUnit': 'weeks',
             'pools': [{'id': 'dev', 'workers': 0},
                       {'id': 'studio', 'workers': 1, 'skills': ['design']}],
             'agents': [{'id': 'alice', 'pool': 'dev', 'skills': ['backend']},
                        {'id': 'bob', 'pool': 'dev', 'skills': {'frontend': 2}}],
             'tasks': [
               {'id': 'API', 'title': 'Server API', 'duration': 3, 'skills': ['backend']},
               {'id': 'SKETCH', 'title': 'Sketch the screens', 'duration': 2, 'skills': ['design']},
               {'id': 'ICONS', 'duration': 1, 'skills': ['design']},
               {'id': 'UI', 'duration': 4, 'skills': {'frontend': 1}, 'dependsOn': ['SKETCH']},
               {'id': 'CLIENT', 'duration': 2, 'skills': ['backend'], 'dependsOn': ['API']},
               {'id': 'RELEASE', 'duration': 0, 'dependsOn': ['UI', 'CLIENT', 'ICONS']}
             ],
             'waves': [['SKETCH', 'ICONS'], ['API', 'UI'], ['CLIENT']],
             'claims': [
               {'metric': 'sequential', 'value': 10, 'source': 'kick-off slide'},
               {'metric': 'parallel', 'min': 4, 'max': 5, 'source': 'kick-off slide'},
               {'metric': 'criticalPath', 'value': 6},
               {'metric': 'savingsPercent', 'min': 10, 'max': 20},
               {'metric': 'speedup', 'value': 1.3},
               {'metric': 'utilizationPercent', 'min': 80, 'max': 100}
             ]}
            """);

    private String id;

    @BeforeEach
    void storeAndSolve() {
        id = ApiPlans.createSolvedOptimal(PLAN);
    }

    @AfterEach
    void deletePlan() {
        ApiPlans.delete(id);
    }

    private JsonNode report() {
        return ApiPlans.getJson("/api/plans/" + id + "/report");
    }

    private String reportAs(String mediaType, String query) {
        return given().accept(mediaType).when().get("/api/plans/" + id + "/report" + query)
                .then().statusCode(200).extract().asString();
    }

    @Test
    void strategiesBoundsAndSavings() {
        var report = report();
        assertEquals("weeks", report.get("timeUnit").asText());
        assertEquals(6, report.get("tasks").asInt());
        assertEquals(3, report.get("agents").asInt(), "alice, bob and the generated studio-1");
        assertEquals(12.0, report.at("/sequential/makespan").asDouble(), "sequential = 3 + 2 + 1 + 4 + 2 + 0 = 12");
        assertEquals(9.0, report.at("/waves/makespan").asDouble(), "waves end at 3, 7 and 9");
        assertEquals(3, report.at("/waves/count").asInt());
        assertEquals(7.0, report.at("/tiers/makespan").asDouble(), "tiers end at 3, 7 and 7");
        assertEquals(6.0, report.at("/optimized/makespan").asDouble(), "SKETCH 0–2, UI 2–6");
        assertTrue(report.at("/optimized/optimal").asBoolean());
        assertEquals(6.0, report.get("lowerBound").asDouble());
        assertEquals("criticalPath", report.at("/lowerBounds/binding").asText());
        assertEquals(6.0, report.at("/lowerBounds/criticalPath").asDouble());
        assertEquals(4.0, report.at("/lowerBounds/work").asDouble(), "⌈12 / 3 agents⌉ = 4");
        assertEquals(6.0, report.at("/criticalPath/length").asDouble());
        assertEquals(List.of("SKETCH", "UI", "RELEASE"), texts(report.at("/criticalPath/tasks")));
        assertEquals(1.0, report.at("/slack/API").asDouble(), "API 3 + CLIENT 2 = 5, one week short of 6");
        assertEquals(0.0, report.at("/slack/UI").asDouble());

        var savings = report.get("savings");
        assertEquals(3, savings.size());
        assertSaving(element(savings, "against", "sequential"), 12, 6, 50.0, 2.0); // 6 of 12 saved; 12 / 6 = 2
        assertSaving(element(savings, "against", "waves"), 9, 3, 33.3, 1.5); // 3 / 9 = 33.3 %; 9 / 6 = 1.5
        assertSaving(element(savings, "against", "tiers"), 7, 1, 14.3, 1.17); // 1 / 7 = 14.3 %; 7 / 6 = 1.17
    }

    private static void assertSaving(JsonNode saving, double makespan, double saved, double percent, double speedup) {
        assertEquals(makespan, saving.get("makespan").asDouble(), saving.toString());
        assertEquals(saved, saving.get("saved").asDouble(), saving.toString());
        assertEquals(percent, saving.get("percent").asDouble(), saving.toString());
        assertEquals(speedup, saving.get("speedup").asDouble(), saving.toString());
    }

    private static List<String> texts(JsonNode array) {
        var texts = new java.util.ArrayList<String>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }

    @Test
    void wavesAndTiersAreRunAsWritten() {
        var report = report();
        var waves = report.at("/waves/spans");
        assertSpan(waves.get(0), 1, List.of("SKETCH", "ICONS"), 0, 3);
        assertSpan(waves.get(1), 2, List.of("API", "UI"), 3, 7);
        assertSpan(waves.get(2), 3, List.of("CLIENT", "RELEASE"), 7, 9); // the milestone joins its dependencies' wave
        assertEquals(0, report.at("/waves/findings").size(), "a milestone in no wave is no finding");

        assertEquals(List.of(List.of("API", "SKETCH", "ICONS"), List.of("UI", "CLIENT"), List.of("RELEASE")),
                List.of(texts(report.at("/tiers/levels/0")), texts(report.at("/tiers/levels/1")), texts(report.at("/tiers/levels/2"))));
        var tiers = report.at("/tiers/spans");
        assertSpan(tiers.get(0), 0, List.of("API", "SKETCH", "ICONS"), 0, 3);
        assertSpan(tiers.get(1), 1, List.of("UI", "CLIENT"), 3, 7);
        assertSpan(tiers.get(2), 2, List.of("RELEASE"), 7, 7);
    }

    private static void assertSpan(JsonNode span, int number, List<String> tasks, double start, double end) {
        assertEquals(number, span.get("number").asInt(), span.toString());
        assertEquals(tasks, texts(span.get("tasks")), span.toString());
        assertEquals(start, span.get("start").asDouble(), span.toString());
        assertEquals(end, span.get("end").asDouble(), span.toString());
    }

    @Test
    void claimsAreSetAgainstComputedFiguresWithEachVerdict() {
        var claims = report().get("claims");
        assertEquals(6, claims.size());

        var sequential = element(claims, "metric", "sequential");
        assertClaim(sequential, 12, "sequential", null, "differs"); // 12 is not within 5 % of the claimed 10
        assertEquals("The task durations add up to 12 weeks, which is what one agent doing every task needs; the claim says 10 weeks.",
                sequential.get("remark").asText());
        assertEquals("kick-off slide", sequential.get("source").asText());

        // Checked against the author's waves (9), the optimized 6 beside it; the critical path alone is past the claim.
        var parallel = element(claims, "metric", "parallel");
        assertClaim(parallel, 9, "waves", 6.0, "optimistic");
        assertEquals("With the plan's 3 agents and its dependencies, the author's wave plan, run as written, takes 9 weeks, "
                + "longer than the claimed 4–5 weeks. The longest dependency chain alone is 6 weeks, so no number of agents "
                + "can meet the claim. Fanout's optimized schedule: 6 weeks.", parallel.get("remark").asText());

        var criticalPath = element(claims, "metric", "criticalPath");
        assertClaim(criticalPath, 6, "criticalPath", null, "holds");
        assertEquals("Checks out: the longest dependency chain is 6 weeks (claimed 6).", criticalPath.get("remark").asText());

        // Waves save (12 - 9) / 12 = 25 %, more than the claimed 10–20 %; the optimized schedule saves 6 / 12 = 50 %.
        var savings = element(claims, "metric", "savingsPercent");
        assertClaim(savings, 25, "waves", 50.0, "conservative");
        assertTrue(savings.get("remark").asText().startsWith("More than claimed: "), savings.toString());

        // 12 / 9 = 1.33, within 5 % of the claimed 1.3; optimized 12 / 6 = 2.
        assertClaim(element(claims, "metric", "speedup"), 1.33, "waves", 2.0, "holds");

        // Waves: 12 busy weeks over 3 agents × 9 weeks = 44.4 %; optimized: 12 over 3 × 6 = 66.7 %.
        var utilization = element(claims, "metric", "utilizationPercent");
        assertClaim(utilization, 44.4, "waves", 66.7, "optimistic");
        assertEquals("Less than claimed: the author's wave plan, run as written, keeps agents busy 44.4 % of the time on "
                + "average; the claim says 80–100 %. Fanout's optimized schedule: 66.7 %.", utilization.get("remark").asText());
    }

    private static void assertClaim(JsonNode claim, double computed, String computedFrom, Double optimized, String verdict) {
        assertEquals(computed, claim.get("computed").asDouble(), claim.toString());
        assertEquals(computedFrom, claim.get("computedFrom").asText(), claim.toString());
        if (optimized == null) {
            assertFalse(claim.has("optimized"), claim.toString());
        } else {
            assertEquals(optimized, claim.get("optimized").asDouble(), claim.toString());
        }
        assertEquals(verdict, claim.get("verdict").asText(), claim.toString());
    }

    @Test
    void everyTaskSaysWhyItStartsWhenItDoes() {
        var report = report();
        var waits = report.get("waits");
        assertEquals(6, waits.size(), "one per task");
        assertWait(element(waits, "task", "API"), "alice", 0, 3, "free", null, null,
                "API starts at 0: it depends on nothing and is first for alice.");
        assertWait(element(waits, "task", "SKETCH"), "studio-1", 0, 2, "free", null, null,
                "SKETCH starts at 0: it depends on nothing and is first for studio-1.");
        assertWait(element(waits, "task", "ICONS"), "studio-1", 2, 3, "agent", "SKETCH", 2.0,
                "ICONS is ready earlier, but studio-1 is busy with SKETCH until week 2.");
        assertWait(element(waits, "task", "UI"), "bob", 2, 6, "dependency", "SKETCH", 2.0,
                "UI waits for its dependency SKETCH, which ends at week 2.");
        // alice is free at 3 too: on a tie the dependency is the reason.
        assertWait(element(waits, "task", "CLIENT"), "alice", 3, 5, "dependency", "API", 3.0,
                "CLIENT waits for its dependency API, which ends at week 3.");
        assertWait(element(waits, "task", "RELEASE"), null, 6, 6, "dependency", "UI", 6.0,
                "RELEASE waits for its dependency UI, which ends at week 6.");

        var bottleneck = report.get("bottleneck");
        assertEquals("criticalPath", bottleneck.get("kind").asText());
        assertEquals(6.0, bottleneck.get("bound").asDouble());
        assertEquals(List.of("SKETCH", "UI", "RELEASE"), texts(bottleneck.get("tasks")));
        assertEquals("The critical path bounds the plan: SKETCH → UI → RELEASE takes 6 weeks, and no number of agents shortens it.",
                bottleneck.get("summary").asText());
        // The schedule's own chain back from the last task with work (UI ends at 6): UI waited for SKETCH, which started at 0.
        var chain = bottleneck.get("chain");
        assertEquals(2, chain.size(), chain.toString());
        assertWait(chain.get(0), "studio-1", 0, 2, "free", null, null,
                "SKETCH starts at 0: it depends on nothing and is first for studio-1.");
        assertWait(chain.get(1), "bob", 2, 6, "dependency", "SKETCH", 2.0,
                "UI waits for its dependency SKETCH, which ends at week 2.");
    }

    private static void assertWait(JsonNode wait, String agent, double start, double end, String reason, String on,
            Double until, String explanation) {
        if (agent == null) {
            assertTrue(wait.path("agent").isMissingNode() || wait.get("agent").isNull(), wait.toString());
        } else {
            assertEquals(agent, wait.get("agent").asText(), wait.toString());
        }
        assertEquals(start, wait.get("start").asDouble(), wait.toString());
        assertEquals(end, wait.get("end").asDouble(), wait.toString());
        assertEquals(reason, wait.get("reason").asText(), wait.toString());
        if (on == null) {
            assertNull(wait.get("on"), wait.toString());
            assertNull(wait.get("until"), wait.toString());
        } else {
            assertEquals(on, wait.get("on").asText(), wait.toString());
            assertEquals(until, wait.get("until").asDouble(), wait.toString());
        }
        assertEquals(explanation, wait.get("explanation").asText());
    }

    @Test
    void perAgentAndPerPoolLoads() {
        var report = report();
        var agents = report.get("agentLoads");
        assertEquals(3, agents.size());
        assertLoad(element(agents, "agent", "alice"), "dev", 2, 5, 0.8333); // API 3 + CLIENT 2 = 5 of 6 weeks
        assertLoad(element(agents, "agent", "bob"), "dev", 1, 4, 0.6667); // UI 4 of 6
        assertLoad(element(agents, "agent", "studio-1"), "studio", 2, 3, 0.5); // SKETCH 2 + ICONS 1 = 3 of 6
        assertEquals(0.6667, report.at("/utilization/mean").asDouble(), "12 busy weeks over 3 agents × 6 weeks");
        assertEquals(0.8333, report.at("/utilization/agents/alice").asDouble());

        var pools = report.get("poolLoads");
        assertEquals(2, pools.size());
        var dev = element(pools, "pool", "dev");
        assertLoad(dev, null, 3, 9, 0.75); // alice 5 + bob 4 = 9 over 2 agents × 6 weeks
        assertEquals(2, dev.get("agents").asInt());
        var studio = element(pools, "pool", "studio");
        assertLoad(studio, null, 2, 3, 0.5);
        assertEquals(1, studio.get("agents").asInt());
        assertEquals(0.75, report.at("/utilization/pools/dev").asDouble());
    }

    private static void assertLoad(JsonNode load, String pool, int tasks, double busy, double utilization) {
        if (pool != null) {
            assertEquals(pool, load.get("pool").asText(), load.toString());
        }
        assertEquals(tasks, load.get("tasks").asInt(), load.toString());
        assertEquals(busy, load.get("busy").asDouble(), load.toString());
        assertEquals(utilization, load.get("utilization").asDouble(), load.toString());
    }

    @Test
    void markdownCarriesEverySectionWithTheFigures() {
        var markdown = reportAs("text/markdown", "");
        for (var section : new String[] { "## Timeline summary", "## What bounds the plan", "## Claimed vs computed",
                "## The author's waves, run as written", "## Dependency tiers", "## Critical path", "## Agents",
                "## Why each task starts when it does", "## Schedule" }) {
            assertTrue(markdown.contains("\n" + section + "\n"), "missing " + section);
        }
        for (var line : new String[] {
                "# release\n",
                "6 tasks · 3 agents · times in weeks · the optimized schedule is **proven optimal** (it equals the lower bound).\n",
                // Timeline summary: makespan, optimized saves, saving, speed-up (see strategiesBoundsAndSavings).
                "| Sequential (one agent) | 12 | 6 | 50 % | 2× |\n",
                "| Author's waves (3 waves) | 9 | 3 | 33.3 % | 1.5× |\n",
                "| Dependency tiers (3 tiers) | 7 | 1 | 14.3 % | 1.17× |\n",
                "| **Optimized (Fanout)** | **6** | — | — | — |\n",
                "| Lower bound (critical path) | 6 | | | |\n",
                // What bounds the plan, and the schedule's critical chain.
                "The critical path bounds the plan: SKETCH → UI → RELEASE takes 6 weeks, and no number of agents shortens it.\n",
                "| SKETCH | studio-1 | 0 | 2 | at once |\n| UI | bob | 2 | 6 | dependency SKETCH ends |\n",
                // Claims, one of each verdict.
                "| Sequential duration | 10 weeks | 12 weeks | differs | kick-off slide |\n",
                "| Parallel duration | 4–5 weeks | 9 weeks | optimistic | kick-off slide |\n",
                "| Critical path | 6 weeks | 6 weeks | holds |  |\n",
                "| Savings (%) | 10–20 % | 25 % | conservative |  |\n",
                "| Speed-up (×) | 1.3× | 1.33× | holds |  |\n",
                "| Agent utilization (%) | 80–100 % | 44.4 % | optimistic |  |\n",
                // Waves and tiers: number, tasks, start, end, length.
                "| 1 | SKETCH, ICONS | 0 | 3 | 3 |\n| 2 | API, UI | 3 | 7 | 4 |\n| 3 | CLIENT, RELEASE | 7 | 9 | 2 |\n",
                "| 0 | API, SKETCH, ICONS | 0 | 3 | 3 |\n| 1 | UI, CLIENT | 3 | 7 | 4 |\n| 2 | RELEASE | 7 | 7 | 0 |\n",
                "6 weeks: SKETCH → UI → RELEASE.\n",
                // Agents and pools.
                "| Agent | Pool | Tasks | Busy (weeks) | Utilization |\n",
                "| alice | dev | 2 | 5 | 83.3 % |\n| bob | dev | 1 | 4 | 66.7 % |\n| studio-1 | studio | 2 | 3 | 50 % |\n",
                "Mean utilization: 66.7 %.\n",
                "| Pool | Agents | Tasks | Busy (weeks) | Utilization |\n",
                "| dev | 2 | 3 | 9 | 75 % |\n| studio | 1 | 2 | 3 | 50 % |\n",
                // Why each task starts when it does.
                "| ICONS | studio-1 | 2 | 3 | ICONS is ready earlier, but studio-1 is busy with SKETCH until week 2. |\n",
                "| RELEASE | — | 6 | 6 | RELEASE waits for its dependency UI, which ends at week 6. |\n",
                // The Gantt chart: one section per agent, critical tasks marked, the milestone apart.
                "```mermaid\ngantt\n    title release (optimized)\n",
                "    section studio-1\n    SKETCH Sketch the screens :crit, t1, 0, 2\n    ICONS :t2, 2, 3\n",
                "    section alice\n    API Server API :t0, 0, 3\n    CLIENT :t4, 3, 5\n",
                "    section bob\n    UI :crit, t3, 2, 6\n",
                "    section Milestones\n    RELEASE :milestone, t5, 6, 6\n" }) {
            assertTrue(markdown.contains(line), "missing " + line + " in\n" + markdown);
        }
    }

    @Test
    void csvTables() {
        var timeline = reportAs("text/csv", "").strip().split("\n");
        // No ranges here: every forecast percentile is the strategy's own makespan.
        assertEquals(List.of("strategy,makespan,time_unit,optimized_saves,saving_percent,speedup,p50,p80,p95",
                "sequential,12,weeks,6,50,2,12,12,12", "waves,9,weeks,3,33.3,1.5,9,9,9", "tiers,7,weeks,1,14.3,1.17,7,7,7",
                "optimized,6,weeks,0,0,1,6,6,6", "lower_bound,6,weeks,,,,,,"), List.of(timeline));
        assertEquals(List.of(timeline), List.of(reportAs("*/*", "?format=csv&table=timeline").strip().split("\n")));

        // Critical: SKETCH, UI and RELEASE (no slack). The reasons are those of everyTaskSaysWhyItStartsWhenItDoes.
        var assignments = reportAs("text/csv", "?table=assignments").strip().split("\n");
        assertEquals(List.of("task,agent,start,end,time_unit,critical,starts_when,waits_for,until,limit",
                "API,alice,0,3,weeks,false,free,,,",
                "SKETCH,studio-1,0,2,weeks,true,free,,,",
                "ICONS,studio-1,2,3,weeks,false,agent,SKETCH,2,",
                "UI,bob,2,6,weeks,true,dependency,SKETCH,2,",
                "CLIENT,alice,3,5,weeks,false,dependency,API,3,",
                "RELEASE,,6,6,weeks,true,dependency,UI,6,"), List.of(assignments));

        var agents = reportAs("text/csv", "?table=agents").strip().split("\n");
        assertEquals(List.of("agent,pool,tasks,busy,time_unit,utilization",
                "alice,dev,2,5,weeks,0.8333", "bob,dev,1,4,weeks,0.6667", "studio-1,studio,2,3,weeks,0.5"), List.of(agents));

        given().accept("text/csv").when().get("/api/plans/" + id + "/report?table=gantt").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("gantt"));
    }
}
