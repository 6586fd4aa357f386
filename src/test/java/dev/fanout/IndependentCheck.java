package dev.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a schedule returned by the API against the plan it was made for, from the JSON alone, sharing no code with
 * the service: the pools' workers are generated again here, skills and levels compared again, the critical path
 * found again by its own depth-first search. CONTRACT §5 too: each agent's window and speed (a task takes
 * duration / speed, rounded up to 4 decimals), overlapping areas never at once (pairwise), resource units, the plan's
 * and the pools' caps (by sweeping every start instant). CONTRACT §6: nothing planned starts before {@code now}, a
 * done task ends by {@code now} with the agent the plan gives it, a started task goes on from {@code now} on its agent
 * for its remaining time, a pinned task is on its agent.
 */
public final class IndependentCheck {

    private static final double EPSILON = 1e-9;

    private final Map<String, JsonNode> tasks = new LinkedHashMap<>();
    private final Map<String, Map<String, Integer>> agentSkills = new HashMap<>();
    private final Map<String, String> agentPool = new HashMap<>();
    /** Per agent: from, until (infinite when none), speed. */
    private final Map<String, double[]> agentWindow = new HashMap<>();
    private final Map<String, Integer> poolCap = new HashMap<>();
    private final Map<String, Integer> capacity = new HashMap<>();
    private final int planCap;
    private final double now;

    public IndependentCheck(JsonNode plan) {
        now = plan.path("now").asDouble(0);
        planCap = plan.path("maxConcurrent").asInt(Integer.MAX_VALUE);
        for (var resource : plan.path("resources")) {
            capacity.put(resource.get("id").asText(), resource.path("capacity").asInt(1));
        }
        var poolSkills = new HashMap<String, Map<String, Integer>>();
        for (var pool : plan.path("pools")) {
            var skills = skills(pool.path("skills"));
            poolSkills.put(pool.get("id").asText(), skills);
            if (pool.has("maxConcurrent")) {
                poolCap.put(pool.get("id").asText(), pool.get("maxConcurrent").asInt());
            }
            for (int n = 1; n <= pool.path("workers").asInt(0); n++) {
                agentSkills.put(pool.get("id").asText() + "-" + n, skills);
                agentPool.put(pool.get("id").asText() + "-" + n, pool.get("id").asText());
                agentWindow.put(pool.get("id").asText() + "-" + n, window(pool));
            }
        }
        for (var agent : plan.path("agents")) {
            agentWindow.put(agent.get("id").asText(), window(agent));
            var skills = new HashMap<>(skills(agent.path("skills")));
            if (agent.hasNonNull("pool")) {
                poolSkills.get(agent.get("pool").asText()).forEach((skill, level) -> skills.merge(skill, level, Math::max));
                agentPool.put(agent.get("id").asText(), agent.get("pool").asText());
            }
            agentSkills.put(agent.get("id").asText(), skills);
        }
        for (var task : plan.get("tasks")) {
            tasks.put(task.get("id").asText(), task);
        }
    }

    private static double[] window(JsonNode holder) {
        return new double[] { holder.path("availableFrom").asDouble(0),
                holder.has("availableUntil") ? holder.get("availableUntil").asDouble() : Double.POSITIVE_INFINITY,
                holder.path("speed").asDouble(1) };
    }

    /** The time a task takes on an agent: duration / speed, rounded up to 4 decimals when not exact. */
    public double timeOn(String task, String agent) {
        double speed = agentWindow.get(agent)[2];
        if (speed == 1) {
            return duration(task);
        }
        var exact = exactDuration(task)
                .divide(new java.math.BigDecimal(Double.toString(speed)), 4, java.math.RoundingMode.CEILING);
        return exact.doubleValue();
    }

    private static Map<String, Integer> skills(JsonNode node) {
        var skills = new HashMap<String, Integer>();
        if (node.isArray()) {
            node.forEach(skill -> skills.put(skill.asText(), 0));
        } else if (node.isObject()) {
            node.fields().forEachRemaining(field -> skills.put(field.getKey(), field.getValue().asInt()));
        }
        return skills;
    }

    private String status(String task) {
        return tasks.get(task).path("status").asText("planned");
    }

    /** A started task's remaining time on its agent: as given, or duration × (1 − progress) / speed rounded up. */
    private double remaining(String task) {
        var node = tasks.get(task);
        if (node.has("remaining")) {
            return node.get("remaining").asDouble();
        }
        double speed = agentWindow.get(node.get("agent").asText())[2];
        var left = exactDuration(task).multiply(java.math.BigDecimal.ONE.subtract(node.get("progress").decimalValue()));
        return left.divide(new java.math.BigDecimal(Double.toString(speed)), 4, java.math.RoundingMode.CEILING).doubleValue();
    }

    public double duration(String task) {
        return exactDuration(task).doubleValue();
    }

    /**
     * A number as written; a range {min, likely, max} (likely the middle when absent) by its PERT mean
     * (min + 4·likely + max) / 6, rounded half up to two decimals more than the bounds have, at most 4 (CONTRACT §7).
     */
    private java.math.BigDecimal exactDuration(String task) {
        var duration = tasks.get(task).get("duration");
        if (!duration.isObject()) {
            return new java.math.BigDecimal(duration.asText());
        }
        var min = duration.get("min").decimalValue();
        var max = duration.get("max").decimalValue();
        var likely = duration.has("likely") ? duration.get("likely").decimalValue()
                : min.add(max).divide(java.math.BigDecimal.valueOf(2));
        int decimals = 0;
        for (var bound : java.util.List.of(min, likely, max)) {
            decimals = Math.max(decimals, bound.stripTrailingZeros().scale());
        }
        return min.add(likely.multiply(java.math.BigDecimal.valueOf(4))).add(max)
                .divide(java.math.BigDecimal.valueOf(6), Math.min(4, decimals + 2), java.math.RoundingMode.HALF_UP);
    }

    public double sequential() {
        return tasks.keySet().stream().mapToDouble(this::duration).sum();
    }

    /** The longest dependency chain, by memoized depth-first search over dependsOn. */
    public double criticalPath() {
        var memo = new HashMap<String, Double>();
        double longest = 0;
        for (var id : tasks.keySet()) {
            longest = Math.max(longest, chainEndingAt(id, memo));
        }
        return longest;
    }

    private double chainEndingAt(String id, Map<String, Double> memo) {
        var known = memo.get(id);
        if (known != null) {
            return known;
        }
        double before = 0;
        for (var dependency : tasks.get(id).path("dependsOn")) {
            before = Math.max(before, chainEndingAt(dependency.asText(), memo));
        }
        memo.put(id, before + duration(id));
        return before + duration(id);
    }

    /** Fails unless the schedule is valid for the plan; returns the makespan it claims, after checking it. */
    public double assertValid(JsonNode schedule) {
        var assignments = new HashMap<String, JsonNode>();
        for (var assignment : schedule.get("assignments")) {
            var previous = assignments.put(assignment.get("task").asText(), assignment);
            assertNull(previous, "task assigned twice: " + assignment);
        }
        assertEquals(tasks.keySet(), assignments.keySet(), "one assignment per task");
        double latestEnd = 0;
        var byAgent = new HashMap<String, List<JsonNode>>();
        for (var entry : tasks.entrySet()) {
            var id = entry.getKey();
            var task = entry.getValue();
            var assignment = assignments.get(id);
            double start = assignment.get("start").asDouble();
            double end = assignment.get("end").asDouble();
            var status = status(id);
            assertEquals(status, assignment.path("status").asText(), id + ": the assignment carries the task's status");
            if (status.equals("done")) {
                assertTrue(end <= now + EPSILON, id + " is done but ends after now");
                assertEquals(task.path("agent").asText(null), assignment.path("agent").asText(null),
                        id + " is done: its agent is the one the plan gives");
                latestEnd = Math.max(latestEnd, end);
                continue;
            }
            if (task.has("agent")) {
                assertEquals(task.get("agent").asText(), assignment.path("agent").asText(null), id + " is pinned to its agent");
            }
            if (status.equals("started")) {
                assertEquals(now, start, EPSILON, id + " is started: it goes on at now");
                assertEquals(remaining(id), end - start, EPSILON, id + " is started: it takes its remaining time");
            } else if (duration(id) == 0 || !assignment.hasNonNull("agent")) {
                assertEquals(duration(id), end - start, EPSILON, id + ": end - start is the duration");
            } else {
                assertEquals(timeOn(id, assignment.get("agent").asText()), end - start, EPSILON,
                        id + ": end - start is the duration at its agent's speed");
            }
            assertTrue(start >= now - EPSILON, id + " starts before now (" + now + ")");
            double dependenciesEnd = now;
            for (var dependency : task.path("dependsOn")) {
                double dependencyEnd = assignments.get(dependency.asText()).get("end").asDouble();
                dependenciesEnd = Math.max(dependenciesEnd, dependencyEnd);
                assertTrue(start >= dependencyEnd - EPSILON, id + " starts before its dependency " + dependency + " ends");
            }
            if (duration(id) == 0) {
                assertTrue(assignment.get("agent").isNull(), "milestone " + id + " has no agent");
                assertEquals(dependenciesEnd, end, EPSILON, "milestone " + id + " ends when its dependencies end");
            } else {
                assertTrue(assignment.hasNonNull("agent"), id + " has an agent");
                var agent = assignment.get("agent").asText();
                var held = agentSkills.get(agent);
                assertNotNull(held, id + " is given to an unknown agent " + agent);
                skills(task.path("skills")).forEach((skill, level) -> assertTrue(held.getOrDefault(skill, -1) >= level,
                        id + " needs " + skill + " ≥ " + level + "; " + agent + " holds " + held));
                if (task.hasNonNull("pool")) {
                    assertEquals(task.get("pool").asText(), agentPool.get(agent), id + " must be done in its pool");
                }
                var window = agentWindow.get(agent);
                assertTrue(start >= window[0] - EPSILON, id + " starts before " + agent + " is available");
                assertTrue(end <= window[1] + EPSILON, id + " ends after " + agent + " stops being available");
                byAgent.computeIfAbsent(agent, a -> new ArrayList<>()).add(assignment);
            }
            latestEnd = Math.max(latestEnd, end);
        }
        for (var entry : byAgent.entrySet()) {
            var work = entry.getValue();
            work.sort(Comparator.comparingDouble(a -> a.get("start").asDouble()));
            for (int i = 1; i < work.size(); i++) {
                if (work.get(i).get("start").asDouble() < work.get(i - 1).get("end").asDouble() - EPSILON) {
                    fail(entry.getKey() + " does " + work.get(i - 1).get("task") + " and " + work.get(i).get("task") + " at once");
                }
            }
        }
        assertEquals(latestEnd, schedule.get("makespan").asDouble(), EPSILON, "makespan is the latest end");
        sharedLimits(assignments);
        return latestEnd;
    }

    /** At every instant a task with work starts: areas pairwise apart, resources, the plan's and pools' caps held. */
    private void sharedLimits(Map<String, JsonNode> assignments) {
        var working = tasks.keySet().stream().filter(id -> duration(id) > 0 && !status(id).equals("done")).toList();
        for (var id : working) {
            double at = assignments.get(id).get("start").asDouble();
            var running = working.stream().filter(other -> {
                var a = assignments.get(other);
                return a.get("start").asDouble() <= at + EPSILON && a.get("end").asDouble() > at + EPSILON;
            }).toList();
            assertTrue(running.size() <= planCap, "at " + at + " " + running + " run at once, over the plan's cap " + planCap);
            poolCap.forEach((pool, cap) -> {
                var inPool = running.stream().filter(other -> pool.equals(agentPool.get(assignments.get(other).get("agent").asText()))).toList();
                assertTrue(inPool.size() <= cap, "at " + at + " " + inPool + " run at once in pool " + pool + ", over its cap " + cap);
            });
            capacity.forEach((resource, units) -> {
                int used = 0;
                for (var other : running) {
                    var uses = tasks.get(other).path("uses");
                    used += uses.isArray() ? (contains(uses, resource) ? 1 : 0) : uses.path(resource).asInt(0);
                }
                assertTrue(used <= units, "at " + at + " tasks " + running + " use " + used + " of " + resource + " (capacity " + units + ")");
            });
            for (var other : running) {
                if (!other.equals(id)) {
                    for (var area : tasks.get(id).path("areas")) {
                        for (var otherArea : tasks.get(other).path("areas")) {
                            var a = area.asText();
                            var b = otherArea.asText();
                            boolean overlap = a.equals(b) || a.endsWith("/") && b.startsWith(a) || b.endsWith("/") && a.startsWith(b);
                            assertTrue(!overlap, id + " (" + a + ") and " + other + " (" + b + ") run at once at " + at);
                        }
                    }
                }
            }
        }
    }

    private static boolean contains(JsonNode list, String value) {
        for (var element : list) {
            if (element.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
