package dev.fanout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.fanout.plan.Plan;
import dev.fanout.plan.PlanReader;
import dev.fanout.plan.PlanValidator;

/** Plans for tests: written inline as JSON (single quotes allowed for readability) or read from data/. */
public final class TestPlans {

    public static final Path DATA = Path.of("data");

    private TestPlans() {
    }

    /** JSON with ' for " so plans read naturally inside Java text blocks. */
    public static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    public static Plan plan(String singleQuotedJson) {
        return new PlanValidator().validate(PlanReader.readJson(json(singleQuotedJson).getBytes(StandardCharsets.UTF_8)));
    }

    public static List<Path> seedFiles() {
        try (Stream<Path> files = Files.list(DATA)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Plan seed(Path file) {
        return new PlanValidator().validate(PlanReader.readJson(read(file).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Two pools and an explicit specialist; a dependency chain crossing agents; a milestone; decimal durations.
     * Critical path: A(2) → C(3) → M(0) → E(1.5) = 6.5; total work 2+1+3+2.5+1.5+1 = 11.
     */
    public static final String SMALL = """
            {'name': 'small', 'timeUnit': 'days',
             'pools': [{'id': 'core', 'workers': 2, 'skills': {'java': 1}},
                       {'id': 'infra', 'workers': 1, 'skills': ['ops']}],
             'agents': [{'id': 'ux', 'skills': {'design': 2, 'java': 0}}],
             'tasks': [
               {'id': 'A', 'duration': 2, 'skills': {'java': 1}},
               {'id': 'B', 'duration': 1, 'skills': ['ops']},
               {'id': 'C', 'duration': 3, 'dependsOn': ['A'], 'pool': 'core'},
               {'id': 'D', 'duration': 2.5, 'skills': {'design': 1}},
               {'id': 'M', 'duration': 0, 'dependsOn': ['C', 'B']},
               {'id': 'E', 'duration': 1.5, 'dependsOn': ['M'], 'skills': {'java': 0}},
               {'id': 'F', 'duration': 1, 'dependsOn': ['B'], 'priority': 5}
             ],
             'waves': [['A', 'B', 'D'], ['C', 'F'], ['E']]}
            """;
}
