package dev.fanout.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Without API keys (the tests' default configuration) the service listens on 127.0.0.1 only, by the default of
 * {@link LoopbackByDefault}, and every request is answered as before keys existed.
 */
@QuarkusTest
class LoopbackByDefaultTest {

    @Test
    void withoutKeysTheServiceListensOnTheLoopbackInterface() {
        var host = ConfigProvider.getConfig().getConfigValue("quarkus.http.host");
        assertEquals(LoopbackByDefault.LOOPBACK, host.getValue());
        assertEquals(LoopbackByDefault.NAME, host.getSourceName());
    }

    @Test
    void withoutKeysNoRouteAsksForOne() {
        io.restassured.RestAssured.given().when().get("/api/plans").then().statusCode(200);
        io.restassured.RestAssured.given().header("Authorization", "Bearer anything").when().get("/api/plans").then().statusCode(200);
    }
}
