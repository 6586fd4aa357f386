package dev.fanout.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import dev.fanout.TestPlans;
import io.quarkus.test.junit.QuarkusTest;

/** A query parameter a route does not take is refused, naming it, never answered as if it had not been sent. */
@QuarkusTest
class UnknownParametersTest {

    private static final String PLAN = TestPlans.json("""
            {'name': 'p', 'agents': [{'id': 'a'}], 'tasks': [{'id': 'A', 'duration': 1}]}""");

    @Test
    void aRouteWithoutParametersRefusesAFormat() {
        var id = ApiPlans.create(PLAN);
        given().when().get("/api/plans/" + id + "/versions?format=ics")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Invalid parameter"))
                .body("detail", equalTo("format = ics: is not a parameter of this route, which takes none"));
        given().when().get("/api/plans/" + id + "/versions").then().statusCode(200);
    }

    @Test
    void aFormatNoWriterServesIsRefusedWithTheOnesThatAre() {
        var id = ApiPlans.createSolvedOptimal(PLAN);
        given().when().get("/api/plans/" + id + "/schedule?format=pdf")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("format = pdf: must be json, mspdi (Microsoft Project XML) or ics (iCalendar)"));
    }

    @Test
    void aMisspelledParameterIsNamedWithTheOneMeant() {
        var id = ApiPlans.createSolvedOptimal(PLAN);
        given().when().get("/api/plans/" + id + "/report?formt=csv")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("formt = csv: is not a parameter of this route; it takes format, table "
                        + "(did you mean 'format'?)"));
        given().when().get("/api/plans/" + id + "/report?format=csv&table=agents").then().statusCode(200);
    }

    @Test
    void theOneShotSolveTakesSecondsFormatAndAgentsOnly() {
        given().contentType("application/json").body(PLAN).when().post("/api/solve?second=3")
                .then().statusCode(400)
                .body("detail", equalTo("second = 3: is not a parameter of this route; it takes agents, format, seconds "
                        + "(did you mean 'seconds'?)"));
        given().contentType("application/json").body(PLAN).when().post("/api/solve?seconds=3&format=json")
                .then().statusCode(200);
    }
}
