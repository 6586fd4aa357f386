package dev.fanout;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;

import dev.fanout.plan.Plan;
import dev.fanout.plan.PlanDocument;
import dev.fanout.plan.PlanValidator;

/**
 * Small random plans for property tests: a random DAG (edges only forward, so no cycles), skills with levels, one
 * or two pools, the odd milestone and half-unit durations. Every task is made doable by giving some agent its skill.
 */
public final class RandomPlans {

    private RandomPlans() {
    }

    public static Plan generate(long seed, int taskCount, int agentCount) {
        return new PlanValidator().validate(document(seed, taskCount, agentCount));
    }

    /**
     * A random plan with the constraints of CONTRACT §5 on top: areas drawn from a few files and folders (so some
     * overlap by prefix), a resource of capacity 1 or 2, sometimes a plan cap, a pool cap, agents' windows (wide
     * enough that every task fits) and speeds.
     */
    public static Plan generateConstrained(long seed, int taskCount, int agentCount) {
        return new PlanValidator().validate(constrainedDocument(seed, taskCount, agentCount));
    }

    public static String constrainedJson(long seed, int taskCount, int agentCount) {
        try {
            return dev.fanout.plan.PlanReader.json().writeValueAsString(constrainedDocument(seed, taskCount, agentCount));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PlanDocument constrainedDocument(long seed, int taskCount, int agentCount) {
        var plain = document(seed, taskCount, agentCount);
        var random = new Random(seed * 31 + 7);
        var areas = List.of("src/", "src/a.py", "src/b.py", "docs/", "docs/x.md", "README.md");
        int capacity = 1 + random.nextInt(2);
        var tasks = new ArrayList<PlanDocument.TaskDocument>();
        for (var task : plain.tasks()) {
            var taskAreas = new ArrayList<String>();
            if (random.nextInt(3) > 0) {
                taskAreas.add(areas.get(random.nextInt(areas.size())));
            }
            var uses = new LinkedHashMap<String, Integer>();
            if (random.nextInt(3) == 0) {
                uses.put("db", 1 + random.nextInt(capacity));
            }
            tasks.add(new PlanDocument.TaskDocument(task.id(), null, null, task.duration(), task.skills(), task.pool(),
                    task.dependsOn(), task.priority(), uses, taskAreas));
        }
        var agents = new ArrayList<PlanDocument.AgentDocument>();
        for (var agent : plain.agents()) {
            var from = random.nextInt(3) == 0 ? BigDecimal.valueOf(random.nextInt(3)) : null;
            var speed = random.nextInt(3) == 0 ? new BigDecimal(random.nextBoolean() ? "2" : "0.5") : null;
            agents.add(new PlanDocument.AgentDocument(agent.id(), null, agent.pool(), agent.skills(), from, null, speed));
        }
        var pools = List.of(new PlanDocument.PoolDocument("even", null, 0, null, random.nextBoolean() ? 1 : null, null, null, null),
                new PlanDocument.PoolDocument("odd", null, 0, null));
        Integer cap = random.nextInt(3) == 0 ? 1 + random.nextInt(Math.max(1, agentCount - 1)) : null;
        return new PlanDocument(plain.name(), null, plain.timeUnit(), pools, agents, tasks, null, null, null, cap,
                List.of(new PlanDocument.ResourceDocument("db", "test database", capacity)));
    }

    /** The same plan as JSON, for the API. */
    public static String json(long seed, int taskCount, int agentCount) {
        try {
            return dev.fanout.plan.PlanReader.json().writeValueAsString(document(seed, taskCount, agentCount));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PlanDocument document(long seed, int taskCount, int agentCount) {
        var random = new Random(seed);
        var skills = List.of("java", "ops", "ux");
        var agents = new ArrayList<PlanDocument.AgentDocument>();
        for (int a = 0; a < agentCount; a++) {
            var held = new LinkedHashMap<String, Integer>();
            for (var skill : skills) {
                if (random.nextInt(3) > 0) {
                    held.put(skill, random.nextInt(3));
                }
            }
            agents.add(new PlanDocument.AgentDocument("agent-" + a, null, a % 2 == 0 ? "even" : "odd", held));
        }
        var tasks = new ArrayList<PlanDocument.TaskDocument>();
        for (int t = 0; t < taskCount; t++) {
            var dependsOn = new ArrayList<String>();
            if (taskCount <= 10) {
                for (int p = 0; p < t; p++) {
                    if (random.nextInt(100) < 30) {
                        dependsOn.add("T" + p);
                    }
                }
            } else if (t > 0) {
                // Larger plans: up to two dependencies each, on any earlier task.
                for (int k = random.nextInt(3); k > 0; k--) {
                    var dependency = "T" + random.nextInt(t);
                    if (!dependsOn.contains(dependency)) {
                        dependsOn.add(dependency);
                    }
                }
            }
            boolean milestone = random.nextInt(10) == 0;
            var duration = milestone ? BigDecimal.ZERO : BigDecimal.valueOf(1 + random.nextInt(12), 1).multiply(BigDecimal.valueOf(5));
            // Require a skill some agent holds, at a level it holds: the task stays doable.
            var holder = agents.get(random.nextInt(agentCount));
            var required = new LinkedHashMap<String, Integer>();
            if (!holder.skills().isEmpty() && random.nextBoolean()) {
                var skill = new ArrayList<>(holder.skills().keySet()).get(random.nextInt(holder.skills().size()));
                required.put(skill, random.nextInt(holder.skills().get(skill) + 1));
            }
            String pool = random.nextInt(5) == 0 ? holder.pool() : null;
            tasks.add(new PlanDocument.TaskDocument("T" + t, null, null, duration, required, pool, dependsOn,
                    random.nextInt(3)));
        }
        return new PlanDocument("random " + seed, null, "hours",
                List.of(new PlanDocument.PoolDocument("even", null, 0, null), new PlanDocument.PoolDocument("odd", null, 0, null)),
                agents, tasks, null, null, null);
    }

    /**
     * The plan some time later (CONTRACT §6): {@code now} of 0 to 3 hours, and, in dependency order, some tasks done,
     * some started on an able agent (with progress or remaining time) and some planned ones pinned to an able agent.
     * Each change is kept only when the plan stays valid (an agent busy with another started task, a window, or an area
     * another started task holds would refuse it), so every plan returned is one a team could really send.
     */
    public static PlanDocument progressed(PlanDocument document, long seed) {
        var random = new Random(seed * 17 + 3);
        var plan = new PlanValidator().validate(document);
        var tasks = new ArrayList<>(document.tasks());
        var now = BigDecimal.valueOf(random.nextInt(7), 1).multiply(BigDecimal.valueOf(5));
        var current = document.progressed(now, tasks, document.claims());
        if (!valid(current)) {
            now = BigDecimal.ZERO;
            current = document.progressed(now, tasks, document.claims());
        }
        for (int t = 0; t < tasks.size(); t++) {
            var task = tasks.get(t);
            var planned = plan.tasks().get(t);
            var able = plan.agents().stream().filter(agent -> agent.canDo(planned)).map(Plan.Agent::id).toList();
            var agent = able.isEmpty() ? null : able.get(random.nextInt(able.size()));
            PlanDocument.TaskDocument changed = switch (random.nextInt(5)) {
                case 0, 1 -> task.withProgress("done", null, null, random.nextBoolean() ? agent : null);
                case 2 -> agent == null ? null : random.nextBoolean()
                        ? task.withProgress("started", BigDecimal.valueOf(random.nextInt(4), 1).multiply(BigDecimal.valueOf(2)), null, agent)
                        : task.withProgress("started", null, BigDecimal.valueOf(1 + random.nextInt(6), 1).multiply(BigDecimal.valueOf(5)), agent);
                case 3 -> agent == null ? null : task.withProgress(null, null, null, agent);
                default -> null;
            };
            if (changed == null) {
                continue;
            }
            tasks.set(t, changed);
            var candidate = document.progressed(now, tasks, document.claims());
            if (valid(candidate)) {
                current = candidate;
            } else {
                tasks.set(t, task);
            }
        }
        return current;
    }

    private static boolean valid(PlanDocument document) {
        try {
            new PlanValidator().validate(document);
            return true;
        } catch (dev.fanout.plan.PlanRejectedException rejected) {
            return false;
        }
    }
}
