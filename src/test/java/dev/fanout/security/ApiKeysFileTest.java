package dev.fanout.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Keys read from a file ({@code FANOUT_API_KEYS_FILE}): one entry a line, comments and blank lines skipped. */
@QuarkusTest
@TestProfile(ApiKeysFileTest.KeysFile.class)
class ApiKeysFileTest {

    public static class KeysFile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                var file = Files.createTempFile("fanout-keys", ".txt");
                file.toFile().deleteOnExit();
                Files.writeString(file, """
                        # Fanout's API keys: key=owner:role
                        carol-writes-Hd83=carol:write

                        dave-reads-Lq20=dave:read
                        """);
                return Map.of("fanout.security.api-keys-file", file.toString(), "fanout.seed.enabled", "false");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void theKeysOfTheFileOpenTheApi() {
        given().when().get("/api/plans").then().statusCode(401);
        given().header("Authorization", "Bearer carol-writes-Hd83").when().get("/api/plans").then().statusCode(200);
        var id = given().header("Authorization", "Bearer carol-writes-Hd83").contentType("application/json")
                .body(ApiKeysApiTest.CHAIN).when().post("/api/plans").then().statusCode(201).extract().<String>path("id");
        given().header("Authorization", "Bearer dave-reads-Lq20").when().get("/api/plans").then().statusCode(200)
                .body("size()", equalTo(0));
        given().header("Authorization", "Bearer dave-reads-Lq20").when().get("/api/plans/" + id).then().statusCode(404);
        given().header("Authorization", "Bearer dave-reads-Lq20").contentType("application/json")
                .body(ApiKeysApiTest.CHAIN).when().post("/api/plans").then().statusCode(403);
        given().header("Authorization", "Bearer # Fanout's API keys: key").when().get("/api/plans").then().statusCode(401);
    }
}
