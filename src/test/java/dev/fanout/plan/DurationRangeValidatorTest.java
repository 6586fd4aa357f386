package dev.fanout.plan;

import static dev.fanout.TestPlans.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Duration ranges (CONTRACT §7): the PERT mean becomes the duration; every wrong range is refused, field named. */
class DurationRangeValidatorTest {

    private static Plan read(String duration) {
        return new PlanValidator().validate(PlanReader.readJson(json("""
                {'name': 'ranges', 'agents': [{'id': 'a'}],
                 'tasks': [{'id': 'A', 'duration': %s}, {'id': 'B', 'duration': 2}]}""".formatted(duration))
                .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aRangeIsScheduledOnItsPertMean() {
        var task = read("{'min': 7, 'likely': 7.5, 'max': 8}").tasksById().get("A");
        assertEquals(new BigDecimal("7.5"), task.duration(), "(7 + 4·7.5 + 8) / 6");
        assertTrue(task.hasRange());
        assertEquals(new BigDecimal("7.5"), task.estimate().likely());
    }

    @Test
    void theMeanIsRoundedToTwoDecimalsMoreThanTheRangeHas() {
        assertEquals(new BigDecimal("2.17"), read("{'min': 1, 'likely': 2, 'max': 4}").tasksById().get("A").duration(),
                "13 / 6 = 2.1666…");
        assertEquals(new BigDecimal("2.167"), read("{'min': 1.5, 'likely': 2, 'max': 3.5}").tasksById().get("A").duration(),
                "(1.5 + 8 + 3.5) / 6 = 2.1666…");
    }

    @Test
    void withoutLikelyTheMiddleIsTaken() {
        var task = read("{'min': 26, 'max': 32}").tasksById().get("A");
        assertEquals(new BigDecimal("29"), task.estimate().likely());
        assertEquals(new BigDecimal("29"), task.duration());
    }

    @Test
    void aRangeWithoutSpreadIsNoRange() {
        var task = read("{'min': 3, 'max': 3}").tasksById().get("A");
        assertEquals(new BigDecimal("3"), task.duration());
        assertFalse(task.hasRange());
        assertFalse(read("3").tasksById().get("A").hasRange());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{'min': 5, 'max': 4}                 | tasks[0].duration.min    | 5",
            "{'min': 1, 'likely': 9, 'max': 4}    | tasks[0].duration.likely | 9",
            "{'min': 1, 'likely': 0.5, 'max': 4}  | tasks[0].duration.likely | 0.5",
            "{'likely': 2, 'max': 4}              | tasks[0].duration.min    | ",
            "{'min': 1}                           | tasks[0].duration.max    | ",
            "{'min': -1, 'max': 4}                | tasks[0].duration.min    | -1",
            "{'min': 1, 'max': 4.123456}          | tasks[0].duration.max    | 4.123456",
            "{'min': 0, 'likely': 0, 'max': 0.0001} | tasks[0].duration.max | 0.0001",
    })
    void aWrongRangeIsRefusedNamingTheBound(String duration, String field, String value) {
        var failure = assertThrows(PlanRejectedException.class, () -> read(duration));
        assertEquals(1, failure.violations().size(), failure.violations()::toString);
        var violation = failure.violations().get(0);
        assertEquals(field, violation.field());
        assertEquals(value, violation.value());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{'min': 1, 'most': 2, 'max': 4} | most",
            "{'min': '1', 'max': 4}          | must be a number",
            "true                            | must be a number or a range",
            "[1, 2]                          | must be a number or a range",
    })
    void aRangeOfTheWrongShapeIsRefusedOnTheDuration(String duration, String message) {
        var failure = assertThrows(PlanRejectedException.class, () -> read(duration));
        var violation = failure.violations().get(0);
        assertEquals("tasks[0].duration", violation.field(), violation::toString);
        assertTrue(violation.message().contains(message), violation::toString);
    }
}
