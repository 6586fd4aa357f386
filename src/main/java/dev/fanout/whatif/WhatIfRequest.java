package dev.fanout.whatif;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.fanout.plan.Plan;
import dev.fanout.plan.PlanDocument.AgentDocument;
import dev.fanout.plan.PlanRejectedException;
import dev.fanout.plan.PlanValidator;
import dev.fanout.plan.Unmodifiable;
import dev.fanout.plan.Violation;
import dev.fanout.report.JsonNames;

/**
 * A what-if question, one of three forms:
 * <ul>
 * <li>{@code {"agentCounts": [1, 2, 4, 8]}}: k generalist agents holding every skill the plan needs;</li>
 * <li>{@code {"pools": {"core": [1, 2, 3, 5]}}}: one pool's worker count varied, all else unchanged (several pools
 * give one series each);</li>
 * <li>{@code {"scenarios": [{"name": "+1 infra", "pools": {"infra": 5}}, {"name": "no native", "removeAgents":
 * ["native-1"]}]}}: named variants, compared with the plan as it is;</li>
 * <li>{@code {"maxConcurrent": [1, 2, 3, 4, 6]}}: the plan's cap on tasks running at once varied, all else
 * unchanged;</li>
 * <li>{@code {"fewestAgents": {"deadline": 20}}}: the fewest generalist agents whose schedule finishes by then.</li>
 * </ul>
 * A scenario may also set the plan's cap ({@code {"name": "budget 2", "maxConcurrent": 2}}).
 * {@code secondsPerScenario} caps each scenario's solve.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WhatIfRequest(List<Integer> agentCounts, Map<String, List<Integer>> pools, List<Scenario> scenarios,
        List<Integer> maxConcurrent, FewestAgents fewestAgents, BigDecimal secondsPerScenario) {

    /** Copies as given, nulls included: {@link #validate} names them. */
    public WhatIfRequest {
        agentCounts = Unmodifiable.list(agentCounts);
        maxConcurrent = Unmodifiable.list(maxConcurrent);
        pools = pools == null ? null : Unmodifiable.map(copyValues(pools));
        scenarios = Unmodifiable.list(scenarios);
    }

    private static Map<String, List<Integer>> copyValues(Map<String, List<Integer>> pools) {
        var copy = new LinkedHashMap<String, List<Integer>>();
        pools.forEach((pool, counts) -> copy.put(pool, Unmodifiable.list(counts)));
        return copy;
    }

    /** Most rows one request may ask for. */
    public static final int MAX_ROWS = 50;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Scenario(String name, Map<String, Integer> pools, List<String> removeAgents,
            List<AgentDocument> addAgents, Integer maxConcurrent) {
        public Scenario {
            pools = Unmodifiable.map(pools);
            removeAgents = Unmodifiable.list(removeAgents);
            addAgents = Unmodifiable.list(addAgents);
        }
    }

    /** "How few agents can still finish by {@code deadline}?", in the plan's time unit. */
    public record FewestAgents(BigDecimal deadline) {
    }

    /** Which of the four forms the question takes, named in JSON as the request field that asks it. */
    public enum Kind {
        @JsonProperty("agentCounts") AGENT_COUNTS,
        @JsonProperty("pools") POOLS,
        @JsonProperty("scenarios") SCENARIOS,
        @JsonProperty("maxConcurrent") MAX_CONCURRENT,
        @JsonProperty("fewestAgents") FEWEST_AGENTS
    }

    public Kind kind() {
        return agentCounts != null ? Kind.AGENT_COUNTS : pools != null ? Kind.POOLS
                : maxConcurrent != null ? Kind.MAX_CONCURRENT
                : fewestAgents != null ? Kind.FEWEST_AGENTS : Kind.SCENARIOS;
    }

    /** Refuses a request that does not fit the plan, naming the field and the value. */
    public void validate(Plan plan, int maxAgents, double maxSeconds) {
        var problems = new ArrayList<Violation>();
        int forms = (agentCounts != null ? 1 : 0) + (pools != null ? 1 : 0) + (scenarios != null ? 1 : 0)
                + (maxConcurrent != null ? 1 : 0) + (fewestAgents != null ? 1 : 0);
        if (forms != 1) {
            throw new PlanRejectedException(new Violation("", null,
                    "give exactly one of agentCounts, pools, scenarios, maxConcurrent or fewestAgents (" + forms + " given)"));
        }
        var poolIds = plan.pools().stream().map(Plan.Pool::id).toList();
        int rows = 0;
        if (agentCounts != null) {
            rows = counts(problems, "agentCounts", agentCounts, 1, maxAgents);
        }
        if (pools != null) {
            if (pools.isEmpty()) {
                problems.add(new Violation("pools", "{}", "name at least one pool and the worker counts to try"));
            }
            for (var entry : pools.entrySet()) {
                var field = "pools." + entry.getKey();
                if (!poolIds.contains(entry.getKey())) {
                    problems.add(new Violation(field, "\"" + entry.getKey() + "\"", "names no pool of the plan " + poolIds));
                } else {
                    rows += counts(problems, field, entry.getValue(), 0, maxAgents);
                }
            }
        }
        if (scenarios != null) {
            rows = scenarios(problems, plan, poolIds, maxAgents) + 1;
        }
        if (maxConcurrent != null) {
            rows = counts(problems, "maxConcurrent", maxConcurrent, 1, maxAgents);
        }
        if (fewestAgents != null) {
            var deadline = fewestAgents.deadline();
            if (deadline == null || deadline.signum() <= 0 || deadline.compareTo(PlanValidator.MAX_DURATION) > 0) {
                problems.add(new Violation("fewestAgents.deadline", deadline == null ? null : deadline.toPlainString(),
                        "must be a number above 0 and at most " + PlanValidator.MAX_DURATION.toPlainString()
                                + ", in the plan's time unit"));
            }
        }
        if (rows > MAX_ROWS) {
            problems.add(new Violation(JsonNames.of(kind()),
                    rows + " rows", "at most " + MAX_ROWS + " scenarios per request"));
        }
        if (secondsPerScenario != null
                && (secondsPerScenario.signum() <= 0 || secondsPerScenario.doubleValue() > maxSeconds)) {
            problems.add(new Violation("secondsPerScenario", secondsPerScenario.toPlainString(),
                    "must be more than 0 and at most " + maxSeconds));
        }
        if (!problems.isEmpty()) {
            throw new PlanRejectedException(problems);
        }
    }

    private static int counts(List<Violation> problems, String field, List<Integer> counts, int min, int max) {
        if (counts == null || counts.isEmpty()) {
            problems.add(new Violation(field, counts == null ? "null" : "[]", "give at least one count"));
            return 0;
        }
        for (int i = 0; i < counts.size(); i++) {
            var count = counts.get(i);
            if (count == null || count < min || count > max) {
                problems.add(new Violation(field + "[" + i + "]", String.valueOf(count),
                        "must be an integer from " + min + " to " + max));
            }
        }
        return (int) counts.stream().distinct().count();
    }

    private int scenarios(List<Violation> problems, Plan plan, List<String> poolIds, int maxAgents) {
        if (scenarios.isEmpty()) {
            problems.add(new Violation("scenarios", "[]", "give at least one scenario"));
        }
        var names = new HashSet<String>();
        var agentIds = plan.agentsById().keySet();
        for (int i = 0; i < scenarios.size(); i++) {
            var field = "scenarios[" + i + "]";
            var scenario = scenarios.get(i);
            if (scenario == null) {
                problems.add(new Violation(field, "null", "must be a scenario object"));
                continue;
            }
            if (scenario.name() == null || scenario.name().isBlank()) {
                problems.add(new Violation(field + ".name", null, "is required"));
            } else if (!names.add(scenario.name()) || scenario.name().equals(WhatIfService.AS_PLANNED)) {
                problems.add(new Violation(field + ".name", "\"" + scenario.name() + "\"", "is already taken"));
            }
            if (scenario.pools() != null) {
                scenario.pools().forEach((pool, workers) -> {
                    if (!poolIds.contains(pool)) {
                        problems.add(new Violation(field + ".pools." + pool, "\"" + pool + "\"", "names no pool of the plan " + poolIds));
                    } else if (workers == null || workers < 0 || workers > maxAgents) {
                        problems.add(new Violation(field + ".pools." + pool, String.valueOf(workers),
                                "must be an integer from 0 to " + maxAgents));
                    }
                });
            }
            if (scenario.removeAgents() != null) {
                for (int r = 0; r < scenario.removeAgents().size(); r++) {
                    var id = scenario.removeAgents().get(r);
                    if (id == null || !agentIds.contains(id)) {
                        problems.add(new Violation(field + ".removeAgents[" + r + "]", "\"" + id + "\"", "names no agent of the plan"));
                    }
                }
            }
            if (scenario.addAgents() != null) {
                for (int a = 0; a < scenario.addAgents().size(); a++) {
                    var agent = scenario.addAgents().get(a);
                    var agentField = field + ".addAgents[" + a + "]";
                    if (agent == null || agent.id() == null || agent.id().isBlank()) {
                        problems.add(new Violation(agentField + ".id", null, "is required"));
                    } else if (agent.pool() != null && !poolIds.contains(agent.pool())) {
                        problems.add(new Violation(agentField + ".pool", "\"" + agent.pool() + "\"", "names no pool of the plan " + poolIds));
                    }
                }
            }
            if (scenario.maxConcurrent() != null && (scenario.maxConcurrent() < 1 || scenario.maxConcurrent() > maxAgents)) {
                problems.add(new Violation(field + ".maxConcurrent", String.valueOf(scenario.maxConcurrent()),
                        "must be an integer from 1 to " + maxAgents + " (how many tasks may run at once)"));
            }
            if (scenario.pools() == null && scenario.removeAgents() == null && scenario.addAgents() == null
                    && scenario.maxConcurrent() == null) {
                problems.add(new Violation(field, scenario.name() == null ? null : "\"" + scenario.name() + "\"",
                        "changes nothing: give pools, removeAgents, addAgents or maxConcurrent"));
            }
        }
        return scenarios.size();
    }
}
