package dev.fanout.plan;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.fanout.plan.PlanDocument.AgentDocument;
import dev.fanout.plan.PlanDocument.ClaimDocument;
import dev.fanout.plan.PlanDocument.PoolDocument;
import dev.fanout.plan.PlanDocument.TaskDocument;

/**
 * Turns a {@link PlanDocument} into a {@link Plan}, or refuses it with every {@link Violation} found, each naming
 * the field and the value (CONTRACT §1). Checks run in layers: fields, then references, then the dependency graph
 * (cycles), then feasibility (every task has an agent able to do it); a later layer runs only when the earlier ones
 * passed, so that one typo does not cascade into a dozen confusing messages.
 */
public final class PlanValidator {

    /** Durations above this are almost surely a unit mistake, and would overflow the solver's arithmetic. */
    public static final BigDecimal MAX_DURATION = BigDecimal.valueOf(1_000_000);
    /** Durations are exact decimals; more places than this would only slow the solver down. */
    public static final int MAX_DECIMALS = 4;
    public static final int MAX_PRIORITY = 1_000_000;
    static final int MAX_ID_LENGTH = 200;
    static final int MAX_TEXT_LENGTH = 20_000;

    private final PlanLimits limits;

    public PlanValidator(PlanLimits limits) {
        this.limits = limits;
    }

    public PlanValidator() {
        this(PlanLimits.DEFAULT);
    }

    public Plan validate(PlanDocument document) {
        var problems = new Problems();
        if (document == null) {
            throw new PlanRejectedException(new Violation("", null, "the plan must be a JSON object"));
        }
        var name = requireText(problems, "name", document.name());
        optionalText(problems, "description", document.description());
        var timeUnit = timeUnit(problems, document.timeUnit());
        var pools = pools(problems, document.pools());
        var agents = agents(problems, document.agents(), pools);
        var tasks = tasks(problems, document.tasks(), pools);
        var waves = waves(problems, document.waves(), tasks);
        var claims = claims(problems, document.claims());
        problems.throwIfAny();

        dependencies(problems, tasks);
        problems.throwIfAny();

        cycles(problems, tasks);
        problems.throwIfAny();

        var plan = new Plan(name, document.description(), timeUnit, List.copyOf(pools.values()), agents,
                List.copyOf(tasks.values()), waves, claims);
        feasibility(problems, plan, document.tasks());
        problems.throwIfAny();
        return plan;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Fields

    private TimeUnit timeUnit(Problems problems, String text) {
        if (text == null) {
            return TimeUnit.DAYS;
        }
        return TimeUnit.parse(text).orElseGet(() -> {
            problems.add("timeUnit", quote(text), "must be one of hours, days, weeks");
            return TimeUnit.DAYS;
        });
    }

    private Map<String, Plan.Pool> pools(Problems problems, List<PoolDocument> documents) {
        var pools = new LinkedHashMap<String, Plan.Pool>();
        if (documents == null) {
            return pools;
        }
        for (int i = 0; i < documents.size(); i++) {
            var field = "pools[" + i + "]";
            var pool = documents.get(i);
            if (pool == null) {
                problems.add(field, "null", "must be a pool object");
                continue;
            }
            var id = requireId(problems, field + ".id", pool.id());
            optionalText(problems, field + ".name", pool.name());
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
            if (id != null) {
                if (pools.containsKey(id)) {
                    problems.add(field + ".id", quote(id), "duplicates the id of another pool");
                } else {
                    pools.put(id, new Plan.Pool(id, pool.name(), workers, skillsOrEmpty(pool.skills())));
                }
            }
        }
        return pools;
    }

    private List<Plan.Agent> agents(Problems problems, List<AgentDocument> documents, Map<String, Plan.Pool> pools) {
        var agents = new LinkedHashMap<String, Plan.Agent>();
        var declared = documents == null ? List.<AgentDocument>of() : documents;
        // Declared agents first: their ids are the ones users chose, so a clash names the generated one.
        for (int i = 0; i < declared.size(); i++) {
            var field = "agents[" + i + "]";
            var agent = declared.get(i);
            if (agent == null) {
                problems.add(field, "null", "must be an agent object");
                continue;
            }
            var id = requireId(problems, field + ".id", agent.id());
            optionalText(problems, field + ".name", agent.name());
            var skills = new HashMap<>(skillsOrEmpty(agent.skills()));
            if (agent.pool() != null) {
                var pool = pools.get(agent.pool());
                if (pool == null) {
                    problems.add(field + ".pool", quote(agent.pool()), "names no pool" + known(pools.keySet()));
                } else {
                    // An agent of a pool holds the pool's skills too, at the higher of the two levels.
                    pool.skills().forEach((skill, level) -> skills.merge(skill, level, Math::max));
                }
            }
            if (id != null) {
                if (agents.containsKey(id)) {
                    problems.add(field + ".id", quote(id), "duplicates the id of another agent");
                } else {
                    agents.put(id, new Plan.Agent(id, agent.name(), agent.pool(), skills, false));
                }
            }
        }
        for (var pool : pools.values()) {
            for (int n = 1; n <= pool.workers(); n++) {
                var id = pool.id() + "-" + n;
                if (agents.containsKey(id)) {
                    problems.add("agents", quote(id), "clashes with worker " + n + " generated for pool '"
                            + pool.id() + "' (workers are named <pool id>-1 … <pool id>-N)");
                } else {
                    agents.put(id, new Plan.Agent(id, null, pool.id(), pool.skills(), true));
                }
            }
        }
        if (agents.size() > limits.maxAgents()) {
            problems.add("agents", String.valueOf(agents.size()),
                    "the plan has more agents than the limit of " + limits.maxAgents());
        }
        return List.copyOf(agents.values());
    }

    private Map<String, Plan.Task> tasks(Problems problems, List<TaskDocument> documents, Map<String, Plan.Pool> pools) {
        var tasks = new LinkedHashMap<String, Plan.Task>();
        if (documents == null || documents.isEmpty()) {
            problems.add("tasks", documents == null ? null : "[]", "a plan needs at least one task");
            return tasks;
        }
        if (documents.size() > limits.maxTasks()) {
            problems.add("tasks", documents.size() + " tasks", "exceeds the limit of " + limits.maxTasks() + " tasks per plan");
            return tasks;
        }
        int dependencyCount = 0;
        for (int i = 0; i < documents.size(); i++) {
            var field = "tasks[" + i + "]";
            var task = documents.get(i);
            if (task == null) {
                problems.add(field, "null", "must be a task object");
                continue;
            }
            var id = requireId(problems, field + ".id", task.id());
            optionalText(problems, field + ".title", task.title());
            optionalText(problems, field + ".description", task.description());
            var duration = duration(problems, field + ".duration", task.duration());
            if (task.pool() != null && !pools.containsKey(task.pool())) {
                problems.add(field + ".pool", quote(task.pool()), "names no pool" + known(pools.keySet()));
            }
            var dependsOn = new ArrayList<String>();
            if (task.dependsOn() != null) {
                for (int d = 0; d < task.dependsOn().size(); d++) {
                    var dependency = task.dependsOn().get(d);
                    if (dependency == null || dependency.isBlank()) {
                        problems.add(field + ".dependsOn[" + d + "]", String.valueOf(dependency), "must be a task id");
                    } else if (!dependsOn.contains(dependency)) {
                        dependsOn.add(dependency);
                    }
                }
                dependencyCount += dependsOn.size();
            }
            int priority = 0;
            if (task.priority() != null) {
                priority = task.priority();
                if (Math.abs((long) priority) > MAX_PRIORITY) {
                    problems.add(field + ".priority", String.valueOf(priority),
                            "must be an integer from -" + MAX_PRIORITY + " to " + MAX_PRIORITY);
                    priority = 0;
                }
            }
            if (id != null && duration != null) {
                if (tasks.containsKey(id)) {
                    problems.add(field + ".id", quote(id), "duplicates the id of another task");
                } else {
                    tasks.put(id, new Plan.Task(id, task.title(), task.description(), duration,
                            skillsOrEmpty(task.skills()), task.pool(), dependsOn, priority));
                }
            } else if (id != null && tasks.containsKey(id)) {
                problems.add(field + ".id", quote(id), "duplicates the id of another task");
            }
        }
        if (dependencyCount > limits.maxDependencies()) {
            problems.add("tasks[].dependsOn", dependencyCount + " dependencies",
                    "exceeds the limit of " + limits.maxDependencies() + " dependencies per plan");
        }
        return tasks;
    }

    private BigDecimal duration(Problems problems, String field, BigDecimal duration) {
        if (duration == null) {
            problems.add(field, null, "is required: a number ≥ 0 (0 makes the task a milestone)");
            return null;
        }
        if (duration.signum() < 0) {
            problems.add(field, duration.toPlainString(), "must be a number ≥ 0");
            return null;
        }
        if (duration.compareTo(MAX_DURATION) > 0) {
            problems.add(field, duration.toString(), "must be at most " + MAX_DURATION.toPlainString()
                    + " (is the time unit right?)");
            return null;
        }
        var normalized = duration.stripTrailingZeros();
        if (normalized.scale() > MAX_DECIMALS) {
            problems.add(field, duration.toPlainString(), "has more than " + MAX_DECIMALS + " decimal places");
            return null;
        }
        return normalized.scale() < 0 ? normalized.setScale(0) : normalized;
    }

    private List<List<String>> waves(Problems problems, List<List<String>> waves, Map<String, Plan.Task> tasks) {
        if (waves == null) {
            return List.of();
        }
        var seen = new HashMap<String, String>();
        var result = new ArrayList<List<String>>();
        for (int w = 0; w < waves.size(); w++) {
            var wave = waves.get(w);
            var field = "waves[" + w + "]";
            if (wave == null || wave.isEmpty()) {
                problems.add(field, wave == null ? "null" : "[]", "a wave must list at least one task id");
                continue;
            }
            var members = new ArrayList<String>();
            for (int m = 0; m < wave.size(); m++) {
                var id = wave.get(m);
                var memberField = field + "[" + m + "]";
                if (id == null || !tasks.containsKey(id)) {
                    problems.add(memberField, id == null ? "null" : quote(id), "names no task");
                } else if (seen.containsKey(id)) {
                    problems.add(memberField, quote(id), "is already listed at " + seen.get(id)
                            + ": a task belongs to one wave only");
                } else {
                    seen.put(id, memberField);
                    members.add(id);
                }
            }
            result.add(members);
        }
        return result;
    }

    private List<Plan.Claim> claims(Problems problems, List<ClaimDocument> documents) {
        if (documents == null) {
            return List.of();
        }
        var claims = new ArrayList<Plan.Claim>();
        for (int i = 0; i < documents.size(); i++) {
            var field = "claims[" + i + "]";
            var claim = documents.get(i);
            if (claim == null) {
                problems.add(field, "null", "must be a claim object");
                continue;
            }
            var metric = ClaimMetric.parse(claim.metric());
            if (metric.isEmpty()) {
                problems.add(field + ".metric", claim.metric() == null ? null : quote(claim.metric()),
                        "must be one of " + ClaimMetric.keys());
            }
            optionalText(problems, field + ".source", claim.source());
            BigDecimal min = claim.min();
            BigDecimal max = claim.max();
            if (claim.value() != null) {
                if (min != null || max != null) {
                    problems.add(field + ".value", claim.value().toPlainString(), "give either value, or min and max, not both");
                    continue;
                }
                min = claim.value();
                max = claim.value();
            }
            if (min == null || max == null) {
                problems.add(field, null, "needs a value, or both min and max");
                continue;
            }
            if (min.signum() < 0 || max.signum() < 0) {
                problems.add(field + (min.signum() < 0 ? ".min" : ".max"),
                        (min.signum() < 0 ? min : max).toPlainString(), "must be ≥ 0");
                continue;
            }
            if (min.compareTo(max) > 0) {
                problems.add(field + ".min", min.toPlainString(), "is greater than max " + max.toPlainString());
                continue;
            }
            var range = new BigDecimal[] {min, max};
            metric.ifPresent(m -> claims.add(new Plan.Claim(m, range[0], range[1], claim.source())));
        }
        return claims;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // References, graph, feasibility

    private void dependencies(Problems problems, Map<String, Plan.Task> tasks) {
        int index = 0;
        for (var task : tasks.values()) {
            for (int d = 0; d < task.dependsOn().size(); d++) {
                var dependency = task.dependsOn().get(d);
                if (!tasks.containsKey(dependency)) {
                    problems.add("tasks[" + index + "].dependsOn[" + d + "]", quote(dependency),
                            "names no task" + suggestion(dependency, tasks.keySet()));
                }
            }
            index++;
        }
    }

    /** Finds dependency cycles with an iterative depth-first search and names the tasks in each. */
    private void cycles(Problems problems, Map<String, Plan.Task> tasks) {
        var state = new HashMap<String, Integer>(); // 1 = on the current path, 2 = done
        var reported = new HashSet<Set<String>>();
        for (var root : tasks.keySet()) {
            if (state.containsKey(root)) {
                continue;
            }
            var path = new ArrayList<String>();
            var iterators = new ArrayDeque<java.util.Iterator<String>>();
            path.add(root);
            state.put(root, 1);
            iterators.push(tasks.get(root).dependsOn().iterator());
            while (!iterators.isEmpty()) {
                var next = iterators.peek();
                if (!next.hasNext()) {
                    iterators.pop();
                    state.put(path.remove(path.size() - 1), 2);
                    continue;
                }
                var dependency = next.next();
                var seen = state.get(dependency);
                if (seen == null) {
                    state.put(dependency, 1);
                    path.add(dependency);
                    iterators.push(tasks.get(dependency).dependsOn().iterator());
                } else if (seen == 1) {
                    var cycle = new ArrayList<>(path.subList(path.indexOf(dependency), path.size()));
                    if (reported.add(new HashSet<>(cycle)) && reported.size() <= 5) {
                        // The path runs from a task to what it depends on; print it in execution order, starting
                        // from the task that comes first in the plan.
                        java.util.Collections.reverse(cycle);
                        var order = new ArrayList<>(tasks.keySet());
                        var first = cycle.stream().min(java.util.Comparator.comparingInt(order::indexOf)).orElseThrow();
                        java.util.Collections.rotate(cycle, -cycle.indexOf(first));
                        cycle.add(cycle.get(0));
                        problems.add("tasks[].dependsOn", String.join(" → ", cycle),
                                "dependencies form a cycle: these tasks wait for each other and can never start");
                    }
                }
            }
        }
    }

    private void feasibility(Problems problems, Plan plan, List<TaskDocument> documents) {
        var indexOf = new HashMap<String, Integer>();
        for (int i = 0; i < documents.size(); i++) {
            if (documents.get(i) != null && documents.get(i).id() != null) {
                indexOf.putIfAbsent(documents.get(i).id().strip(), i);
            }
        }
        for (var task : plan.tasks()) {
            if (task.isMilestone() || plan.agents().stream().anyMatch(agent -> agent.canDo(task))) {
                continue;
            }
            var needs = new ArrayList<String>();
            if (!task.skills().isEmpty()) {
                needs.add("skills " + task.skills().entrySet().stream()
                        .map(e -> e.getKey() + " ≥ " + e.getValue()).collect(Collectors.joining(", ", "{", "}")));
            }
            if (task.pool() != null) {
                needs.add("an agent of pool '" + task.pool() + "'");
            }
            String why;
            if (plan.agents().isEmpty()) {
                why = "the plan has no agents: add pools with workers, or agents";
            } else if (task.pool() != null && plan.agents().stream().noneMatch(a -> task.pool().equals(a.pool()))) {
                why = "pool '" + task.pool() + "' has no agents";
            } else {
                why = "no agent has " + String.join(" and ", needs);
            }
            problems.add("tasks[" + indexOf.getOrDefault(task.id(), -1) + "]", quote(task.id()),
                    "no agent can do this task: it needs " + (needs.isEmpty() ? "an agent" : String.join(" in ", needs))
                            + ", and " + why);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Helpers

    private static Map<String, Integer> skillsOrEmpty(Map<String, Integer> skills) {
        return skills == null ? Map.of() : skills;
    }

    private static String requireText(Problems problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(field, value == null ? null : quote(value), "is required and must not be blank");
            return null;
        }
        if (value.length() > MAX_TEXT_LENGTH) {
            problems.add(field, value.length() + " characters", "must be at most " + MAX_TEXT_LENGTH + " characters");
            return null;
        }
        return value.strip();
    }

    private static void optionalText(Problems problems, String field, String value) {
        if (value != null && value.length() > MAX_TEXT_LENGTH) {
            problems.add(field, value.length() + " characters", "must be at most " + MAX_TEXT_LENGTH + " characters");
        }
    }

    private static String requireId(Problems problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(field, value == null ? null : quote(value), "is required and must not be blank");
            return null;
        }
        if (value.length() > MAX_ID_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
            problems.add(field, quote(value.length() > 40 ? value.substring(0, 40) + "…" : value),
                    "must be at most " + MAX_ID_LENGTH + " characters without control characters");
            return null;
        }
        return value.strip();
    }

    private static String known(Set<String> ids) {
        if (ids.isEmpty()) {
            return " (the plan declares no pools)";
        }
        return " (pools: " + String.join(", ", ids.stream().limit(10).toList()) + (ids.size() > 10 ? ", …" : "") + ")";
    }

    /** "did you mean 'B1'?" for a near miss: same text ignoring case, or one edit away. */
    static String suggestion(String wrong, Set<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (var candidate : candidates) {
            int distance = candidate.equalsIgnoreCase(wrong) ? 0 : editDistance(wrong, candidate, 2);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        return best != null && bestDistance <= 2 && wrong.length() > bestDistance ? " (did you mean '" + best + "'?)" : "";
    }

    /** Levenshtein distance, stopping early once it exceeds {@code limit}. */
    static int editDistance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        var previous = new int[b.length() + 1];
        var current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            var swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }

    /** Collects violations in the order they are found. */
    private static final class Problems {
        private final Set<Violation> violations = new LinkedHashSet<>();

        void add(String field, String value, String message) {
            violations.add(new Violation(field, value, message));
        }

        void throwIfAny() {
            if (!violations.isEmpty()) {
                throw new PlanRejectedException(List.copyOf(violations));
            }
        }
    }
}
