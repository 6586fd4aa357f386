package dev.fanout.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import dev.fanout.plan.PlanDocument.ClaimDocument;

/** The author's hand-computed figures: a known metric, and one value or a range of values ≥ 0. */
final class ClaimsValidator {

    private ClaimsValidator() {
    }

    static List<Plan.Claim> check(Problems problems, List<ClaimDocument> documents) {
        if (documents == null) {
            return List.of();
        }
        var claims = new ArrayList<Plan.Claim>();
        problems.eachObject(documents, "claims", "a claim object", (field, claim) -> {
            var metric = ClaimMetric.parse(claim.metric());
            if (metric.isEmpty()) {
                problems.add(field + ".metric", claim.metric() == null ? null : Problems.quote(claim.metric()),
                        "must be one of " + ClaimMetric.keys());
            }
            problems.optionalText(field + ".source", claim.source());
            BigDecimal min = claim.min();
            BigDecimal max = claim.max();
            if (claim.value() != null) {
                if (min != null || max != null) {
                    problems.add(field + ".value", claim.value().toPlainString(), "give either value, or min and max, not both");
                    return;
                }
                min = claim.value();
                max = claim.value();
            }
            if (min == null || max == null) {
                problems.add(field, null, "needs a value, or both min and max");
                return;
            }
            if (min.signum() < 0 || max.signum() < 0) {
                problems.add(field + (min.signum() < 0 ? ".min" : ".max"),
                        (min.signum() < 0 ? min : max).toPlainString(), "must be ≥ 0");
                return;
            }
            if (min.compareTo(max) > 0) {
                problems.add(field + ".min", min.toPlainString(), "is greater than max " + max.toPlainString());
                return;
            }
            var range = new BigDecimal[] {min, max};
            metric.ifPresent(m -> claims.add(new Plan.Claim(m, range[0], range[1], claim.source())));
        });
        return claims;
    }
}
