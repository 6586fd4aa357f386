package dev.fanout.api;

import java.util.List;
import java.util.Map;

import dev.fanout.PostgresDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

/** Runs a {@code @QuarkusTest} class against a fresh PostgreSQL database instead of the in-memory H2 one. */
public class PostgresProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.db-kind", "postgresql",
                "quarkus.datasource.username", PostgresDatabase.user(),
                "quarkus.datasource.password", "");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FreshDatabase.class));
    }

    public static class FreshDatabase implements QuarkusTestResourceLifecycleManager {
        private String url;

        @Override
        public Map<String, String> start() {
            url = PostgresDatabase.create("test");
            return Map.of("quarkus.datasource.jdbc.url", url);
        }

        @Override
        public void stop() {
            if (url != null) {
                PostgresDatabase.drop(url);
            }
        }
    }
}
