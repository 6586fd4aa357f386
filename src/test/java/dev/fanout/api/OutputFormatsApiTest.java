package dev.fanout.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import dev.fanout.TestPlans;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every route that writes more than JSON chooses alike (schedule, report, what-if): an {@code Accept} header that
 * names nothing the route writes is a 406 problem naming the header and what it writes; a wildcard takes the first
 * format it covers; an unknown {@code ?format=} is a 400 listing the known names.
 */
@QuarkusTest
class OutputFormatsApiTest {

    private static final String PLAN = TestPlans.json("""
            {'name': 'negotiated', 'start': '2026-12-07', 'agents': [{'id': 'dev'}, {'id': 'ops'}],
             'tasks': [{'id': 'A', 'duration': 2}, {'id': 'B', 'duration': 1, 'dependsOn': ['A']}, {'id': 'C', 'duration': 1}]}
            """);

    @Test
    void aTypeNoWriterProducesIsNotAcceptable() {
        var id = ApiPlans.createSolvedOptimal(PLAN);
        given().contentType("application/json").body("{\"agentCounts\": [1, 2]}")
                .when().post("/api/plans/" + id + "/what-if").then().statusCode(200);
        for (var route : new String[] { "schedule", "report", "what-if" }) {
            given().accept("application/pdf").when().get("/api/plans/" + id + "/" + route)
                    .then().statusCode(406).contentType("application/problem+json")
                    .body("title", equalTo("Not Acceptable"))
                    .body("detail", startsWith("Accept: application/pdf names no type this route writes"))
                    .body("detail", containsString("application/json"));
        }
        given().accept("application/pdf").when().get("/api/plans/" + id + "/schedule")
                .then().body("detail", containsString("?format=json|mspdi|ics"));
        given().accept("application/pdf").when().get("/api/plans/" + id + "/report")
                .then().body("detail", containsString("?format=json|markdown|csv"));
    }

    @Test
    void theFormatParameterWinsOverAnAcceptHeaderNoWriterProduces() {
        var id = ApiPlans.createSolvedOptimal(PLAN);
        given().accept("application/pdf").when().get("/api/plans/" + id + "/report?format=markdown")
                .then().statusCode(200).contentType(containsString("text/markdown"));
    }

    @Test
    void aWildcardPicksTheFirstFormatItCovers() {
        var id = ApiPlans.createSolvedOptimal(PLAN);
        given().accept("text/*").when().get("/api/plans/" + id + "/report")
                .then().statusCode(200).contentType(containsString("text/markdown"));
        given().accept("text/*").when().get("/api/plans/" + id + "/schedule")
                .then().statusCode(200).contentType(containsString("text/calendar"))
                .header("Content-Disposition", equalTo("attachment; filename=\"" + id + ".ics\""));
        given().accept("*/*").when().get("/api/plans/" + id + "/report")
                .then().statusCode(200).contentType(containsString("application/json"));
        given().when().get("/api/plans/" + id + "/schedule")
                .then().statusCode(200).contentType(containsString("application/json"));
    }

    @Test
    void anUnknownFormatIsRefusedListingTheKnownNames() {
        var id = ApiPlans.createSolvedOptimal(PLAN);
        given().when().get("/api/plans/" + id + "/report?format=pdf").then().statusCode(400)
                .contentType("application/problem+json").body("title", equalTo("Invalid parameter"))
                .body("detail", equalTo("format = pdf: must be json, markdown or csv"));
        given().when().get("/api/plans/" + id + "/what-if?format=pdf").then().statusCode(400)
                .body("detail", equalTo("format = pdf: must be json, markdown or csv"));
    }
}
