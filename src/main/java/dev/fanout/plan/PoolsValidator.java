package dev.fanout.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.fanout.plan.PlanDocument.PoolDocument;

/** The plan's pools: ids, names, worker counts, caps, and their workers' windows and speed. */
final class PoolsValidator {

    private PoolsValidator() {
    }

    static Map<String, Plan.Pool> check(Problems problems, List<PoolDocument> documents, PlanLimits limits) {
        var pools = new LinkedHashMap<String, Plan.Pool>();
        if (documents == null) {
            return pools;
        }
        problems.eachObject(documents, "pools", "a pool object", (field, pool) -> {
            var id = problems.requireId(field + ".id", pool.id());
            problems.optionalText(field + ".name", pool.name());
            int workers = 0;
            if (pool.workers() != null) {
                workers = pool.workers();
                if (workers < 0) {
                    problems.add(field + ".workers", String.valueOf(workers), "must be an integer ≥ 0");
                    workers = 0;
                } else if (workers > limits.maxAgents()) {
                    problems.add(field + ".workers", String.valueOf(workers),
                            "exceeds the limit of " + limits.maxAgents() + " agents per plan");
                    workers = 0;
                }
            }
            var cap = CapacityRules.cap(problems, field + ".maxConcurrent", pool.maxConcurrent());
            var availability = CapacityRules.check(problems, field, pool.availableFrom(), pool.availableUntil(),
                    pool.speed(), Plan.Availability.ALWAYS);
            if (id != null) {
                if (pools.containsKey(id)) {
                    problems.add(field + ".id", Problems.quote(id), "duplicates the id of another pool");
                } else {
                    pools.put(id, new Plan.Pool(id, pool.name(), workers, PlanValidator.skillsOrEmpty(pool.skills()), cap,
                            availability));
                }
            }
        });
        return pools;
    }

    /** " (pools: core, infra)": the pools a wrong pool name could have meant. */
    static String known(Set<String> ids) {
        if (ids.isEmpty()) {
            return " (the plan declares no pools)";
        }
        return " (pools: " + String.join(", ", ids.stream().limit(10).toList()) + (ids.size() > 10 ? ", …" : "") + ")";
    }
}
