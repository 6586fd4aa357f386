package dev.fanout.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.fanout.plan.PlanDocument.AgentDocument;
import dev.fanout.plan.PlanDocument.PoolDocument;
import dev.fanout.plan.PlanDocument.TaskDocument;

/**
 * Variants of a plan for what-if questions, made on the document so that each one is validated like any plan.
 * Waves and claims belong to the plan as written and are dropped from variants.
 */
public final class PlanVariants {

    private PlanVariants() {
    }

    /**
     * {@code count} generalist agents, {@code agent-1} … {@code agent-N}, each holding every skill the tasks ask for at
     * the highest level asked; pools (and so their caps) are dropped (a generalist works anywhere, always, at speed 1).
     * The plan's own cap, resources and areas stay: they bind whoever does the work. With one agent the makespan is
     * the sequential total. Work in progress (CONTRACT §6) stays so: the k started tasks go on, on {@code agent-1} …
     * {@code agent-k} in plan order; planned tasks lose their pins, done tasks their agents.
     *
     * @throws PlanRejectedException when fewer agents than started tasks are asked for
     */
    public static PlanDocument generalists(PlanDocument document, int count) {
        int started = fewestGeneralists(document);
        if (started > 1 && count < started) {
            throw new PlanRejectedException(new Violation("agentCounts", String.valueOf(count), started
                    + " tasks are started, each going on on its own agent: ask for at least " + started + " agents"));
        }
        var skills = new TreeMap<String, Integer>();
        for (var task : document.tasks()) {
            if (task.skills() != null) {
                task.skills().forEach((skill, level) -> skills.merge(skill, level, Math::max));
            }
        }
        var agents = new ArrayList<AgentDocument>();
        for (int n = 1; n <= count; n++) {
            agents.add(new AgentDocument("agent-" + n, "Generalist " + n, null, skills));
        }
        var tasks = new ArrayList<TaskDocument>();
        int next = 1;
        for (var task : document.tasks()) {
            var general = task.withoutPool();
            if ("started".equals(task.status())) {
                general = general.withProgress(task.status(), task.progress(), task.remaining(), "agent-" + next++);
            } else if (general.agent() != null) {
                general = general.withProgress(general.status(), general.progress(), general.remaining(), null);
            }
            tasks.add(general);
        }
        return document.variant(List.of(), agents, tasks);
    }

    /** The fewest generalists a variant can have: one per started task, and at least one. */
    public static int fewestGeneralists(PlanDocument document) {
        return (int) Math.max(1, document.tasks().stream().filter(task -> task != null && "started".equals(task.status())).count());
    }

    /** The plan with pool {@code pool} given {@code workers} generated workers; everything else unchanged. */
    public static PlanDocument withPoolWorkers(PlanDocument document, String pool, int workers) {
        return withPools(document, Map.of(pool, workers));
    }

    /** The plan with the given pools resized. */
    public static PlanDocument withPools(PlanDocument document, Map<String, Integer> workers) {
        var pools = pools(document).stream()
                .map(pool -> workers.containsKey(pool.id())
                        ? pool.withWorkers(workers.get(pool.id()))
                        : pool)
                .toList();
        return document.variant(pools, document.agents(), document.tasks());
    }

    /**
     * Removes agents by id. A declared agent leaves the agent list; a generated worker ({@code core-2}) makes its pool
     * one worker smaller (workers are identical, so which one goes makes no difference).
     *
     * @throws PlanRejectedException naming an id that is no agent of the plan
     */
    public static PlanDocument withoutAgents(PlanDocument document, Plan plan, List<String> agentIds, String field) {
        var byId = plan.agentsById();
        var smaller = new LinkedHashMap<String, Integer>();
        pools(document).forEach(pool -> smaller.put(pool.id(), pool.workers() == null ? 0 : pool.workers()));
        var removedDeclared = new ArrayList<String>();
        for (int i = 0; i < agentIds.size(); i++) {
            var id = agentIds.get(i);
            var agent = byId.get(id);
            if (agent == null) {
                throw new PlanRejectedException(new Violation(field + "[" + i + "]", "\"" + id + "\"",
                        "names no agent of the plan" + Suggestion.of(String.valueOf(id), byId.keySet())));
            }
            if (agent.generated()) {
                smaller.merge(agent.pool(), -1, Integer::sum);
            } else {
                removedDeclared.add(id);
            }
        }
        var agents = document.agents() == null ? List.<AgentDocument>of()
                : document.agents().stream().filter(agent -> !removedDeclared.contains(agent.id())).toList();
        var resized = withPools(document, smaller);
        return resized.variant(resized.pools(), agents, resized.tasks());
    }

    /** Adds declared agents. */
    public static PlanDocument withAgents(PlanDocument document, List<AgentDocument> added) {
        var agents = new ArrayList<AgentDocument>(document.agents() == null ? List.of() : document.agents());
        agents.addAll(added);
        return document.variant(document.pools(), agents, document.tasks());
    }

    /** The plan with another cap on tasks running at once; its waves and claims dropped like every variant's. */
    public static PlanDocument withMaxConcurrent(PlanDocument document, int cap) {
        return document.variant(document.pools(), document.agents(), document.tasks()).withMaxConcurrent(cap);
    }

    private static List<PoolDocument> pools(PlanDocument document) {
        return document.pools() == null ? List.of() : document.pools();
    }
}
