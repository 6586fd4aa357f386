package dev.fanout.plan;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.fanout.plan.PlanDocument.AgentDocument;

/**
 * The plan's agents: those declared, then the workers generated for each pool, each holding its pool's skills, window
 * and speed. A declared agent that names a pool gains the pool's skills but keeps its own window and speed.
 */
final class AgentsValidator {

    private AgentsValidator() {
    }

    static List<Plan.Agent> check(Problems problems, List<AgentDocument> documents, Map<String, Plan.Pool> pools,
            PlanLimits limits) {
        var agents = new LinkedHashMap<String, Plan.Agent>();
        var declared = documents == null ? List.<AgentDocument>of() : documents;
        // Declared agents first: their ids are the ones users chose, so a clash names the generated one.
        problems.eachObject(declared, "agents", "an agent object", (field, agent) -> {
            var id = problems.requireId(field + ".id", agent.id());
            problems.optionalText(field + ".name", agent.name());
            var skills = new HashMap<>(PlanValidator.skillsOrEmpty(agent.skills()));
            if (agent.pool() != null) {
                var pool = pools.get(agent.pool());
                if (pool == null) {
                    problems.add(field + ".pool", Problems.quote(agent.pool()), "names no pool" + PoolsValidator.known(pools.keySet()));
                } else {
                    // An agent of a pool holds the pool's skills too, at the higher of the two levels.
                    pool.skills().forEach((skill, level) -> skills.merge(skill, level, Math::max));
                }
            }
            var availability = CapacityRules.check(problems, field, agent.availableFrom(), agent.availableUntil(),
                    agent.speed(), Plan.Availability.ALWAYS);
            if (id != null) {
                if (agents.containsKey(id)) {
                    problems.add(field + ".id", Problems.quote(id), "duplicates the id of another agent");
                } else {
                    agents.put(id, new Plan.Agent(id, agent.name(), agent.pool(), skills, false, availability));
                }
            }
        });
        for (var pool : pools.values()) {
            for (int n = 1; n <= pool.workers(); n++) {
                var id = pool.id() + "-" + n;
                if (agents.containsKey(id)) {
                    problems.add("agents", Problems.quote(id), "clashes with worker " + n + " generated for pool '"
                            + pool.id() + "' (workers are named <pool id>-1 … <pool id>-N)");
                } else {
                    agents.put(id, new Plan.Agent(id, null, pool.id(), pool.skills(), true, pool.availability()));
                }
            }
        }
        if (agents.size() > limits.maxAgents()) {
            problems.add("agents", String.valueOf(agents.size()),
                    "the plan has more agents than the limit of " + limits.maxAgents());
        }
        return List.copyOf(agents.values());
    }
}
