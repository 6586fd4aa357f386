package dev.fanout.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.IntStream;

import dev.fanout.analysis.PlanAnalysis;
import dev.fanout.analysis.Schedule;
import dev.fanout.analysis.ScheduleCheck;
import dev.fanout.plan.PlanDocument;
import dev.fanout.plan.PlanDocument.AgentDocument;
import dev.fanout.plan.PlanDocument.PoolDocument;
import dev.fanout.plan.PlanDocument.ResourceDocument;
import dev.fanout.plan.PlanDocument.TaskDocument;
import dev.fanout.plan.PlanValidator;

/**
 * Plans under the constraints of CONTRACT §5 with a known optimum. The generator plants a schedule first: the plan's
 * cap c is the number of <em>slots</em>, and each slot is busy without a break from 0 to a horizon H, cut into tasks
 * at even hours. A slot is served by one to three agents in turn (a relay), each agent's window around its turn,
 * sometimes exactly its turn. Agents work at speed ½, 1 or 2 and a task's duration is its planted time × its agent's
 * speed, so it takes exactly its planted time there. Then it adds only constraints the planted schedule satisfies:
 * <ul>
 * <li>the plan's cap c, with more agents than c (spare workers of a slow pool that opens late among them);</li>
 * <li>pools of two slots' agents (three or more agents) capped at 2, a share of those slots' tasks tied to the pool;</li>
 * <li>a skill level per speed ({@code rigor}: 2 at speed ½, 1 at speed 1, 0 at speed 2) asked by every task at its
 * planted agent's level, so that no agent able to do a task is faster than its planted agent, and one domain skill;</li>
 * <li>areas and one-unit resources given to tasks whose planted intervals never overlap ({@link PlantedConflicts}):
 * slot 0 is an area chain, every task on it holds {@code src/core/Engine.java} or the folder {@code src/core/};</li>
 * <li>up to three dependencies per task, on tasks that end before it starts.</li>
 * </ul>
 * Every task then takes at least its planted time on any agent able to do it, so the work is c × H on at most c
 * tasks at once: Fanout's work bound is H, and so is the area chain's energy bound. The planted schedule is valid and
 * ends at H, so the optimum is exactly H. {@link #generate} checks both with the service's own analysis and fails
 * if either does not hold.
 */
public final class ConstrainedPlanGenerator {

    /**
     * {@code cap} slots, each busy over [0, H] with H about 10 hours × tasks / cap; with {@code holes} (a percentage,
     * 0 for none) that share of the tasks of slots 1 and up is planted and then left out, so that the cap has room to
     * spare while slot 0, the area chain, stays busy from 0 to H and still proves the optimum.
     */
    public record Spec(int tasks, int cap, long seed, int holes) {

        public static Spec of(int tasks, long seed) {
            return new Spec(tasks, Math.max(3, (int) Math.round(Math.sqrt(tasks) * 0.8)), seed, 0);
        }

        /** The same plan's size and cap with {@code percent} of the other slots' planted tasks left out. */
        public Spec withHoles(int percent) {
            return new Spec(tasks, cap, seed, percent);
        }

        public String name() {
            return holes == 0 ? "con-%d-s%d".formatted(tasks, seed) : "con-%d-h%d-s%d".formatted(tasks, holes, seed);
        }

        /** The tasks planted before the holes are left out: {@link #tasks()} of them remain. */
        int planted() {
            double left = holes / 100.0 * (cap - 1) / cap;
            return (int) Math.round(tasks / (1 - left));
        }

        /** In hours, even: every planted time is a whole number of 2-hour steps. */
        public long horizon() {
            return 2 * Math.round(5.0 * planted() / cap);
        }
    }

    private static final String[] DOMAINS = { "java", "sql", "ui", "infra", "docs", "ml" };
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    /** One planted agent: the slot it serves, its speed, its window (null ends: open) and its skills. */
    private record Agent(int slot, BigDecimal speed, Long from, Long until, Map<String, Integer> skills) {
    }

    private ConstrainedPlanGenerator() {
    }

    public static PlanDocument generate(Spec spec) {
        var random = new Random(spec.seed());
        int c = spec.cap();
        int n = spec.planted();
        long horizon = spec.horizon();
        int teams = Math.max(1, c / 5); // pools of two slots each: slots 1–2, 3–4, …

        // The planted schedule: each slot's tasks fill [0, H], handed from agent to agent at task boundaries.
        var agents = new ArrayList<Agent>();
        var agentOf = new int[n];
        var start = new long[n];
        var time = new long[n];
        int task = 0;
        for (int slot = 0; slot < c; slot++) {
            int count = Planting.share(n, c, slot);
            var bounds = Planting.bounds(count, horizon, 2, random);
            boolean teamLead = slot % 2 == 1 && slot < 2 * teams + 1;
            int relay = Math.min(count, 1 + (teamLead || random.nextDouble() < 0.45 ? 1 : 0) + (random.nextDouble() < 0.2 ? 1 : 0));
            var handoffs = new TreeSet<Integer>(); // indexes into bounds where the next agent takes over
            while (handoffs.size() < relay - 1) {
                handoffs.add(1 + random.nextInt(count - 1));
            }
            handoffs.add(count);
            int first = 0;
            for (int handoff : handoffs) {
                long from = bounds.get(first);
                long until = bounds.get(handoff);
                agents.add(agent(random, slot, from, until, horizon));
                for (int k = first; k < handoff; k++, task++) {
                    agentOf[task] = agents.size() - 1;
                    start[task] = bounds.get(k);
                    time[task] = bounds.get(k + 1) - bounds.get(k);
                }
                first = handoff;
            }
        }

        if (n > spec.tasks()) {
            // Holes: left out after planting, with their own random numbers so that the rest is drawn as without.
            var kept = holes(agentOf, agents, n - spec.tasks(), new Random(spec.seed() * 1_000 + spec.holes()));
            n = kept.length;
            for (int k = 0; k < n; k++) { // kept is ascending: each task moves down, never over one still to move
                agentOf[k] = agentOf[kept[k]];
                start[k] = start[kept[k]];
                time[k] = time[kept[k]];
            }
            agentOf = Arrays.copyOf(agentOf, n);
            start = Arrays.copyOf(start, n);
            time = Arrays.copyOf(time, n);
        }

        // Documents: agents in a random order under neutral names, pools, then the tasks.
        var agentIds = ids(agents.size(), "agent-%03d", random);
        var agentDocs = new ArrayList<AgentDocument>();
        for (int a = 0; a < agents.size(); a++) {
            var agent = agents.get(a);
            int slot = agent.slot();
            String pool = slot >= 1 && slot <= 2 * teams ? team(slot) : null;
            agentDocs.add(new AgentDocument(agentIds.get(a), null, pool, agent.skills(), decimal(agent.from()),
                    decimal(agent.until()), agent.speed()));
        }
        agentDocs.sort(Comparator.comparing(AgentDocument::id));
        var pools = new ArrayList<PoolDocument>();
        for (int t = 0; t < teams; t++) {
            pools.add(new PoolDocument(team(2 * t + 1), null, 0, null, 2, null, null, null));
        }
        var spare = new LinkedHashMap<String, Integer>(Map.of("rigor", 2));
        for (var domain : DOMAINS) {
            spare.put(domain, 1);
        }
        pools.add(new PoolDocument("night", "slow spare workers, from a quarter of the horizon", Math.max(1, c / 6), spare,
                null, BigDecimal.valueOf(2 * (horizon / 8)), null, HALF));

        var taskIds = ids(n, "C%05d", random);
        var slotOf = Arrays.stream(agentOf).map(a -> agents.get(a).slot()).toArray();
        var conflicts = PlantedConflicts.of(slotOf, start, time, c, random);
        var dependencies = dependencies(start, time, random);
        var tasks = new ArrayList<TaskDocument>();
        for (int t = 0; t < n; t++) {
            var agent = agents.get(agentOf[t]);
            var skills = new LinkedHashMap<String, Integer>();
            var domains = agent.skills().keySet().stream().filter(skill -> !skill.equals("rigor")).toList();
            var domain = domains.get(random.nextInt(domains.size()));
            skills.put(domain, random.nextInt(agent.skills().get(domain) + 1));
            if (agent.skills().get("rigor") > 0) {
                skills.put("rigor", agent.skills().get("rigor"));
            }
            int slot = agent.slot();
            String pool = slot >= 1 && slot <= 2 * teams && random.nextDouble() < 0.4 ? team(slot) : null;
            tasks.add(new TaskDocument(taskIds.get(t), null, null,
                    dev.fanout.plan.DurationDocument.of(BigDecimal.valueOf(time[t]).multiply(agent.speed()).stripTrailingZeros()), skills, pool,
                    dependencies.get(t).stream().map(taskIds::get).toList(), null, conflicts.uses(t), conflicts.areas(t)));
        }
        tasks.sort(Comparator.comparing(TaskDocument::id));
        var resources = Arrays.stream(PlantedConflicts.RESOURCES).map(id -> new ResourceDocument(id, null, 1)).toList();
        var planted = spec.holes() == 0 ? "a planted schedule keeps %d tasks running from 0 to %d hours".formatted(c, horizon)
                : ("a planted schedule keeps src/core/ busy from 0 to %d hours, %d tasks at once at most (%d %% of the other "
                        + "tasks planted beside it left out)").formatted(horizon, c, spec.holes());
        var document = new PlanDocument(spec.name(), ("Generated under CONTRACT §5 (seed %d): %d tasks, %d agents, at most %d "
                + "at once; %s, so the optimum is exactly %d.")
                .formatted(spec.seed(), n, agentDocs.size() + Math.max(1, c / 6), c, planted, horizon),
                "hours", pools, agentDocs, tasks, null, null, null, c, resources);
        proveOptimum(document, horizon, agentOf, start, agentIds, taskIds);
        return document;
    }

    /** The planted tasks that remain, in order, once {@code count} tasks of slots 1 and up are left out at random. */
    private static int[] holes(int[] agentOf, List<Agent> agents, int count, Random random) {
        var others = new ArrayList<Integer>();
        for (int t = 0; t < agentOf.length; t++) {
            if (agents.get(agentOf[t]).slot() > 0) {
                others.add(t);
            }
        }
        Collections.shuffle(others, random);
        var left = new HashSet<>(others.subList(0, count));
        return IntStream.range(0, agentOf.length).filter(t -> !left.contains(t)).toArray();
    }

    /** An agent serving [from, until) of its slot: a window around that turn, a speed and skills to match. */
    private static Agent agent(Random random, int slot, long from, long until, long horizon) {
        Long windowFrom = from == 0 ? null : random.nextBoolean() ? from : 2 * (long) random.nextInt((int) from / 2 + 1);
        Long windowUntil = until == horizon ? null
                : random.nextBoolean() ? until : until + 2 * (1 + (long) random.nextInt((int) ((horizon - until) / 2)));
        double draw = random.nextDouble();
        int rigor = draw < 0.2 ? 2 : draw < 0.65 ? 1 : 0; // the slower, the more thorough
        var speed = rigor == 2 ? HALF : rigor == 1 ? BigDecimal.ONE : TWO;
        var skills = new LinkedHashMap<String, Integer>();
        skills.put("rigor", rigor);
        int held = 2 + random.nextInt(2);
        var domains = new ArrayList<>(List.of(DOMAINS));
        Collections.shuffle(domains, random);
        for (int k = 0; k < held; k++) {
            skills.put(domains.get(k), 1 + random.nextInt(3));
        }
        return new Agent(slot, speed, windowFrom, windowUntil, skills);
    }

    /** Up to three tasks ending before each task starts in the planted schedule, mostly within 30 hours of it. */
    private static List<List<Integer>> dependencies(long[] start, long[] time, Random random) {
        var endOrder = new Planting.EndOrder(start, time);
        var dependencies = new ArrayList<List<Integer>>();
        for (int t = 0; t < start.length; t++) {
            var chosen = new ArrayList<Integer>();
            int wanted = endOrder.endingBy(start[t]) == 0 ? 0 : random.nextInt(4);
            for (int k = 0; k < wanted; k++) {
                int dependency = endOrder.pick(start[t], 30, random);
                if (!chosen.contains(dependency)) {
                    chosen.add(dependency);
                }
            }
            dependencies.add(chosen);
        }
        return dependencies;
    }

    /**
     * Checks what the plan's description promises, with the service's own code: the planted schedule is valid and
     * ends at H, and Fanout's lower bound is H, so H is the proven optimum.
     *
     * @throws IllegalStateException if not: the benchmark would otherwise measure gaps to a wrong optimum
     */
    private static void proveOptimum(PlanDocument document, long horizon, int[] plantedAgent, long[] plantedStart,
            List<String> agentIds, List<String> taskIds) {
        var analysis = PlanAnalysis.of(new PlanValidator().validate(document));
        var instance = analysis.instance();
        var scale = instance.scale();
        var agentOf = new int[instance.taskCount()];
        var start = new long[instance.taskCount()];
        for (int t = 0; t < taskIds.size(); t++) {
            int index = instance.taskIndex(taskIds.get(t));
            agentOf[index] = instance.agentIndex(agentIds.get(plantedAgent[t]));
            start[index] = scale.ticks(BigDecimal.valueOf(plantedStart[t]));
        }
        var planted = new Schedule(instance, agentOf, start);
        long optimum = scale.ticks(BigDecimal.valueOf(horizon));
        var violations = ScheduleCheck.violations(planted, 5);
        if (!violations.isEmpty() || planted.makespan() != optimum) {
            throw new IllegalStateException(document.name() + ": the planted schedule is not a valid schedule of makespan "
                    + horizon + ": makespan " + scale.toDouble(planted.makespan()) + ", " + violations);
        }
        if (analysis.lowerBound() != optimum) {
            throw new IllegalStateException(document.name() + ": the lower bound is " + scale.toDouble(analysis.lowerBound())
                    + ", not the planted makespan " + horizon + " (" + analysis.lowerBounds() + "): the optimum is not proven");
        }
    }

    /** {@code count} ids from a format, in a random order (so that ids say nothing about the planted schedule). */
    private static List<String> ids(int count, String format, Random random) {
        var ids = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            ids.add(format.formatted(i + 1));
        }
        Collections.shuffle(ids, random);
        return ids;
    }

    private static String team(int slot) {
        return "team-" + (slot + 1) / 2;
    }

    private static BigDecimal decimal(Long value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }
}
