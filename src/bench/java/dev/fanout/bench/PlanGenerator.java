package dev.fanout.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import dev.fanout.plan.PlanDocument;
import dev.fanout.plan.PlanDocument.AgentDocument;
import dev.fanout.plan.PlanDocument.PoolDocument;
import dev.fanout.plan.PlanDocument.TaskDocument;

/**
 * Large plans for scale tests, seeded and reproducible, with a known optimum. The generator first plants a schedule:
 * every agent works without a break from 0 to a horizon H. Each task then asks for skills its planted agent holds
 * (at most at that agent's level; a fifth of the tasks ask for two skills), a quarter of them for that agent's pool,
 * and each depends on up to four tasks that end, in the planted schedule, before it starts: mostly just before,
 * often on other agents. The planted schedule is valid and its makespan H equals total work / agents, so the
 * optimum is exactly H, the work lower bound: a solver's gap to the bound is its gap to the optimum.
 */
public final class PlanGenerator {

    /** Parameters. {@code meanDuration} sets the horizon: H = tasks / agents × meanDuration. */
    public record Spec(int tasks, int agents, int pools, int skills, int meanDuration, long seed) {

        public static Spec of(int tasks, int agents, long seed) {
            return new Spec(tasks, agents, Math.max(2, agents / 20), 12, 10, seed);
        }

        public String name() {
            return "gen-%d-%d-s%d".formatted(tasks, agents, seed);
        }

        public long horizon() {
            return Math.round((double) tasks / agents * meanDuration);
        }
    }

    private PlanGenerator() {
    }

    public static PlanDocument generate(Spec spec) {
        var random = new Random(spec.seed());
        int m = spec.agents();
        long horizon = spec.horizon();

        // Agents: 2 to 5 skills each at levels 0 to 3, in pools round robin.
        var agentSkills = new ArrayList<Map<String, Integer>>();
        var agents = new ArrayList<AgentDocument>();
        for (int a = 0; a < m; a++) {
            var skills = new LinkedHashMap<String, Integer>();
            int held = 2 + random.nextInt(4);
            while (skills.size() < held) {
                skills.put("Q" + random.nextInt(spec.skills()), random.nextInt(4));
            }
            agentSkills.add(skills);
            agents.add(new AgentDocument("agent-%03d".formatted(a + 1), null, pool(a, spec), skills));
        }
        var pools = new ArrayList<PoolDocument>();
        for (int p = 0; p < spec.pools(); p++) {
            pools.add(new PoolDocument("pool-" + p, null, 0, null));
        }

        // The planted schedule: agent a's tasks fill [0, H) exactly, cut at random points.
        int n = spec.tasks();
        var plantedAgent = new int[n];
        var start = new long[n];
        var duration = new long[n];
        int task = 0;
        for (int a = 0; a < m; a++) {
            var bounds = Planting.bounds(Planting.share(n, m, a), horizon, 1, random);
            for (int k = 0; k + 1 < bounds.size(); k++, task++) {
                plantedAgent[task] = a;
                start[task] = bounds.get(k);
                duration[task] = bounds.get(k + 1) - bounds.get(k);
            }
        }

        // Dependencies: up to four tasks ending before this one starts, mostly within three mean durations of it.
        var endOrder = new Planting.EndOrder(start, duration);
        var ids = new ArrayList<String>();
        for (int t = 0; t < n; t++) {
            ids.add(null);
        }
        var order = new ArrayList<Integer>();
        for (int t = 0; t < n; t++) {
            order.add(t);
        }
        Collections.shuffle(order, random);
        for (int i = 0; i < n; i++) {
            ids.set(order.get(i), "T%05d".formatted(i + 1));
        }
        var tasks = new ArrayList<TaskDocument>();
        for (int t = 0; t < n; t++) {
            var dependsOn = new ArrayList<String>();
            if (endOrder.endingBy(start[t]) > 0) {
                int wanted = random.nextInt(5);
                for (int k = 0; k < wanted; k++) {
                    var dependency = ids.get(endOrder.pick(start[t], 3L * spec.meanDuration(), random));
                    if (!dependsOn.contains(dependency)) {
                        dependsOn.add(dependency);
                    }
                }
            }
            var held = new ArrayList<>(agentSkills.get(plantedAgent[t]).entrySet());
            Collections.shuffle(held, random);
            var required = new LinkedHashMap<String, Integer>();
            int skillCount = random.nextInt(5) == 0 && held.size() > 1 ? 2 : 1;
            for (int k = 0; k < skillCount; k++) {
                required.put(held.get(k).getKey(), random.nextInt(held.get(k).getValue() + 1));
            }
            String pool = random.nextInt(4) == 0 ? pool(plantedAgent[t], spec) : null;
            tasks.add(new TaskDocument(ids.get(t), null, null, BigDecimal.valueOf(duration[t]), required, pool, dependsOn,
                    null));
        }
        tasks.sort(Comparator.comparing(TaskDocument::id));
        return new PlanDocument(spec.name(), "Generated (seed %d): %d tasks on %d agents in %d pools, %d skill types; "
                .formatted(spec.seed(), n, m, spec.pools(), spec.skills())
                + "a planted schedule fills every agent up to %d hours, so the optimum is exactly %d.".formatted(horizon, horizon),
                "hours", pools, agents, tasks, null, null, null);
    }

    private static String pool(int agent, Spec spec) {
        return "pool-" + agent % spec.pools();
    }
}
