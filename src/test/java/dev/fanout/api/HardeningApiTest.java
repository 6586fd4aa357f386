package dev.fanout.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.fanout.IndependentCheck;
import dev.fanout.PlanMutator;
import dev.fanout.RandomPlans;
import dev.fanout.TestPlans;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Hostile and heavy input: the service refuses cleanly, sheds load, and stays up. */
@QuarkusTest
class HardeningApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static void assertProblem(Response response, String context) {
        assertTrue(response.statusCode() < 500, context + " answered " + response.statusCode() + ": " + response.asString());
        if (response.statusCode() >= 400) {
            assertTrue(response.contentType().startsWith("application/problem+json"), context + ": " + response.contentType());
            assertFalse(response.jsonPath().getString("detail").isBlank(), context);
            assertEquals(response.statusCode(), response.jsonPath().getInt("status"), context);
        }
    }

    private static void serviceIsHealthy() {
        given().when().get("/q/health").then().statusCode(200);
        given().when().get("/api/plans").then().statusCode(200);
    }

    @Test
    void threeHundredMutatedPlansNeverGetA5xx() {
        var created = new ArrayList<String>();
        // The plans of the other API tests: pools, declared and generated agents, skills as maps and lists, decimal
        // durations, a milestone, waves and claims.
        var originals = java.util.stream.Stream.concat(java.util.stream.Stream.of(ReportApiTest.PLAN),
                SolveApiTest.plans().map(SolveApiTest.Case::plan)).toList();
        var mutator = new PlanMutator(20261121L);
        for (int i = 0; i < 300; i++) {
            var original = originals.get(i % originals.size());
            var mutant = mutator.mutate(original);
            var response = given().contentType("application/json").body(mutant.body().getBytes(StandardCharsets.UTF_8))
                    .when().post(i % 10 == 0 ? "/api/solve?seconds=0.2" : "/api/plans");
            assertProblem(response, "mutant " + i + " (" + mutant.mutation() + ")");
            if (response.statusCode() == 201) {
                created.add(response.jsonPath().getString("id"));
            } else if (response.statusCode() == 200) {
                // A mutant that is still a plan, solved at once: its schedule must be valid for it.
                new IndependentCheck(ApiPlans.tree(mutant.body())).assertValid(ApiPlans.tree(response.asString()).get("schedule"));
            }
        }
        created.forEach(id -> given().when().delete("/api/plans/" + id).then().statusCode(204));
        serviceIsHealthy();
    }

    @Test
    void aTenMebibyteBodyOf400000TasksIsRefusedWithTheLimit() {
        var body = new StringBuilder("{\"name\": \"huge\", \"agents\": [{\"id\": \"a\"}], \"tasks\": [");
        for (int i = 0; i < 400_000; i++) {
            body.append(i == 0 ? "" : ",").append("{\"id\": \"T").append(i).append("\", \"duration\": 1}");
        }
        var bytes = body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        assertTrue(bytes.length >= 10 * 1024 * 1024, "at least 10 MiB: " + bytes.length);
        var response = given().contentType("application/json").body(bytes).when().post("/api/plans");
        assertEquals(413, response.statusCode());
        assertProblem(response, "10 MiB");
        assertTrue(response.jsonPath().getString("detail").contains("the limit is 8,388,608 bytes"));
        serviceIsHealthy();
    }

    @Test
    void aPlanOverTheTaskLimitIsRefusedNamingTheLimit() {
        var body = new StringBuilder("{\"name\": \"many\", \"agents\": [{\"id\": \"a\"}], \"tasks\": [");
        for (int i = 0; i < 20_001; i++) {
            body.append(i == 0 ? "" : ",").append("{\"id\": \"T").append(i).append("\", \"duration\": 1}");
        }
        given().contentType("application/json").body(body.append("]}").toString())
                .when().post("/api/plans")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("exceeds the limit of 20000 tasks per plan"));
    }

    @Test
    void twentyFourConcurrentSolvesAreEachServedOrRefusedAndNoneIsLost() throws Exception {
        var planJson = RandomPlans.json(11, 300, 10);
        var check = new IndependentCheck(JSON.readTree(planJson));
        var pool = Executors.newFixedThreadPool(24);
        var start = new CountDownLatch(1);
        var calls = new ArrayList<java.util.concurrent.Future<Response>>();
        for (int i = 0; i < 24; i++) {
            Callable<Response> call = () -> {
                start.await();
                return given().contentType("application/json").body(planJson).when().post("/api/solve?seconds=1.5");
            };
            calls.add(pool.submit(call));
        }
        start.countDown();
        var statuses = new HashMap<Integer, Integer>();
        for (var call : calls) {
            var response = call.get();
            statuses.merge(response.statusCode(), 1, Integer::sum);
            assertTrue(List.of(200, 429, 503).contains(response.statusCode()), "answered " + response.statusCode());
            if (response.statusCode() == 200) {
                check.assertValid(JSON.readTree(response.asString()).get("schedule"));
            } else {
                assertProblem(response, "refused solve");
                assertNotNull(response.header("Retry-After"), "a refused client is told when to come back");
                assertTrue(Integer.parseInt(response.header("Retry-After")) >= 1);
            }
        }
        pool.shutdown();
        assertTrue(statuses.getOrDefault(200, 0) >= 2, "solves were served: " + statuses);
        assertTrue(statuses.getOrDefault(429, 0) >= 1, "the queue is bounded: " + statuses);
        serviceIsHealthy();
        // And it still solves, validly.
        ApiPlans.solveOnce(TestPlans.json(TestPlans.SMALL));
    }
}
