package dev.fanout.analysis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.fanout.plan.Plan;

/**
 * What bounds a plan's makespan, named in the plan's own words: the critical path (its tasks), a scarce set of
 * agents (a pool, or the holders of a skill), a chain of dependencies through scarce agents, plain total work, or a
 * shared limit: an area the tasks change one at a time, a resource, the plan's or a pool's cap.
 * It is the lower bound that binds, so it is what more agents (of the right kind) would have to beat.
 */
public record Bottleneck(Kind kind, long bound, String subject, List<String> agents, List<String> tasks, long margin) {

    public enum Kind {
        @JsonProperty("criticalPath") CRITICAL_PATH,
        @JsonProperty("agentSet") AGENT_SET,
        @JsonProperty("agentChain") AGENT_CHAIN,
        @JsonProperty("work") WORK,
        @JsonProperty("area") AREA,
        @JsonProperty("resource") RESOURCE,
        @JsonProperty("cap") CAP
    }

    public Bottleneck {
        agents = List.copyOf(agents);
        tasks = List.copyOf(tasks);
    }

    Bottleneck(Kind kind, long bound, String subject, List<String> agents, List<String> tasks) {
        this(kind, bound, subject, agents, tasks, 0);
    }

    public static Bottleneck of(PlanAnalysis analysis) {
        var instance = analysis.instance();
        var bounds = analysis.lowerBounds();
        var criticalTasks = instance.taskIds(analysis.criticalPath().tasks());
        var binding = bounds.binding();
        if (binding == LowerBounds.Kind.SKILL_SET && bounds.skillSetAgents().cardinality() == instance.agentCount()) {
            // Every agent can help: that is a total-work bound, however the arithmetic got there.
            return new Bottleneck(Kind.WORK, bounds.skillSet(), "total work", List.of(), List.of());
        }
        return switch (binding) {
            case CRITICAL_PATH -> new Bottleneck(Kind.CRITICAL_PATH, bounds.criticalPath(), "the critical path", List.of(),
                    criticalTasks);
            case SKILL_SET -> new Bottleneck(Kind.AGENT_SET, bounds.skillSet(), describe(instance, bounds.skillSetAgents()),
                    instance.agentIds(bounds.skillSetAgents()), tasksOnlyFor(instance, bounds.skillSetAgents()));
            case AGENT_CHAIN -> new Bottleneck(Kind.AGENT_CHAIN, bounds.agentChain(),
                    "the chain through " + instance.taskId(bounds.agentChainTask()), List.of(),
                    List.of(instance.taskId(bounds.agentChainTask())));
            case WORK -> new Bottleneck(Kind.WORK, bounds.work(), "total work", List.of(), List.of());
            case SHARED_LIMIT -> sharedLimit(instance, bounds.sharedLimitIndex(), bounds.sharedLimit(),
                    bounds.sharedLimit() - Math.max(Math.max(bounds.criticalPath(), bounds.work()),
                            Math.max(bounds.skillSet(), bounds.agentChain())));
        };
    }

    /** {@code margin}: how much longer than every bound that ignores shared limits. */
    private static Bottleneck sharedLimit(Instance instance, int index, long bound, long margin) {
        var limits = instance.limits();
        var shared = limits.limit(index);
        var tasks = new ArrayList<String>();
        for (int task : limits.holdersOf(index)) {
            tasks.add(instance.taskId(task));
        }
        return switch (shared.kind()) {
            case AREA -> new Bottleneck(Kind.AREA, bound, shared.describe(), List.of(), tasks, margin);
            case RESOURCE -> new Bottleneck(Kind.RESOURCE, bound, shared.describe(), List.of(), tasks, margin);
            case PLAN_CAP -> new Bottleneck(Kind.CAP, bound, shared.describe(), List.of(), tasks, margin);
            case POOL_CAP -> {
                var members = new BitSet();
                for (int a : limits.membersOf(index)) {
                    members.set(a);
                }
                yield new Bottleneck(Kind.CAP, bound, shared.describe(), instance.agentIds(members),
                        tasksOnlyFor(instance, members), margin);
            }
        };
    }

    /** "pool 'core' (5 agents)", "the agents with skill 'swift' (native-1)", or the agents by name. */
    static String describe(Instance instance, BitSet agents) {
        var plan = instance.plan();
        if (agents.cardinality() == instance.agentCount()) {
            return "all " + instance.agentCount() + " agents together";
        }
        for (var pool : plan.pools()) {
            var members = new BitSet();
            for (int a = 0; a < instance.agentCount(); a++) {
                members.set(a, pool.id().equals(instance.agentPool(a)));
            }
            if (members.equals(agents)) {
                return "pool '%s' (%d %s)".formatted(pool.id(), agents.cardinality(), agents.cardinality() == 1 ? "agent" : "agents");
            }
        }
        var skills = new TreeSet<String>();
        plan.agents().forEach(agent -> skills.addAll(agent.skills().keySet()));
        for (var skill : skills) {
            for (int level = 0; level <= 10; level++) {
                var holders = holders(plan, skill, level);
                if (holders.isEmpty()) {
                    break;
                }
                if (holders.equals(agents)) {
                    var names = String.join(", ", instance.agentIds(agents));
                    return level == 0 ? "the agents with skill '%s' (%s)".formatted(skill, names)
                            : "the agents with skill '%s' at level %d or more (%s)".formatted(skill, level, names);
                }
            }
        }
        return String.join(", ", instance.agentIds(agents));
    }

    private static BitSet holders(Plan plan, String skill, int level) {
        var holders = new BitSet();
        for (int a = 0; a < plan.agents().size(); a++) {
            holders.set(a, plan.agents().get(a).skills().getOrDefault(skill, -1) >= level);
        }
        return holders;
    }

    private static List<String> tasksOnlyFor(Instance instance, BitSet agents) {
        var tasks = new ArrayList<String>();
        for (int task = 0; task < instance.taskCount(); task++) {
            if (instance.isMilestone(task)) {
                continue;
            }
            if (AgentSets.isSubset(instance.eligibleAgents(task), agents)) {
                tasks.add(instance.taskId(task));
            }
        }
        return tasks;
    }
}
