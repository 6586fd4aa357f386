package dev.fanout.plan;

import static dev.fanout.TestPlans.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

/** Plans written with single quotes, as the validator tests write them: read, refused, or varied from a valid one. */
final class SingleQuotedPlans {

    private SingleQuotedPlans() {
    }

    static Plan read(String singleQuoted) {
        return new PlanValidator().validate(PlanReader.readJson(json(singleQuoted).getBytes(StandardCharsets.UTF_8)));
    }

    /** The one violation the plan is refused with; fails when it is accepted or refused for more than one reason. */
    static Violation onlyViolation(String singleQuoted) {
        var failure = assertThrows(PlanRejectedException.class, () -> read(singleQuoted));
        assertEquals(1, failure.violations().size(), () -> "expected one violation, got " + failure.violations());
        return failure.violations().get(0);
    }

    /** {@code plan} with {@code from} replaced by {@code to}; fails when {@code from} is not in it. */
    static String replaced(String plan, String from, String to) {
        assertTrue(plan.contains(from), from);
        return plan.replace(from, to);
    }
}
