package dev.fanout.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A validated plan: every reference resolves, the dependencies form no cycle, every task with work in it has
 * at least one agent able to do it, and the pools' workers have been generated as agents.
 * {@code deadline} is when the plan must be done, in its time unit (null when it states none);
 * {@code maxConcurrent} how many tasks may run at once whatever agents exist (null: no cap); {@code resources} what
 * tasks share that only so many may use at once (CONTRACT §5); {@code now} how far it has come (CONTRACT §6); {@code start}
 * the calendar date its time 0 falls on (null: none stated; calendar exports then start today, CONTRACT §8). Built
 * only by {@link PlanValidator}.
 */
public record Plan(
        String name,
        String description,
        TimeUnit timeUnit,
        List<Pool> pools,
        List<Agent> agents,
        List<Task> tasks,
        List<List<String>> waves,
        List<Claim> claims,
        java.math.BigDecimal deadline,
        Integer maxConcurrent,
        List<Resource> resources,
        java.math.BigDecimal now,
        java.time.LocalDate start) {

    public Plan {
        now = now == null ? java.math.BigDecimal.ZERO : now;
        pools = List.copyOf(pools);
        agents = List.copyOf(agents);
        tasks = List.copyOf(tasks);
        waves = waves.stream().map(List::copyOf).toList();
        claims = List.copyOf(claims);
        resources = List.copyOf(resources);
    }

    /** A plan without the constraints of CONTRACT §5 (no cap, no shared resources). */
    public Plan(String name, String description, TimeUnit timeUnit, List<Pool> pools, List<Agent> agents,
            List<Task> tasks, List<List<String>> waves, List<Claim> claims, java.math.BigDecimal deadline) {
        this(name, description, timeUnit, pools, agents, tasks, waves, claims, deadline, null, List.of(), null, null);
    }

    /** Whether some work has been done or started: then every figure is counted from {@code now} (CONTRACT §6). */
    public boolean hasProgress() {
        return now.signum() > 0 || tasks.stream().anyMatch(task -> task.progress().status() != TaskStatus.PLANNED);
    }

    /**
     * The time a started task still takes on its agent: {@code remaining} as given, or duration × (1 − progress) at
     * the agent's speed (rounded up like every time at a speed); its duration for any other task.
     */
    public java.math.BigDecimal remainingTime(Task task) {
        var progress = task.progress();
        if (progress.status() != TaskStatus.STARTED) {
            return task.duration();
        }
        if (progress.remaining() != null) {
            return progress.remaining();
        }
        var left = task.duration().multiply(java.math.BigDecimal.ONE.subtract(progress.fraction()));
        var speed = agentsById().get(progress.agent()).availability().speed();
        // Never less than the work needs: rounded up to the places a time may have.
        var time = left.divide(speed, PlanValidator.MAX_DECIMALS, java.math.RoundingMode.CEILING).stripTrailingZeros();
        return time.scale() < 0 ? time.setScale(0) : time;
    }

    public boolean hasDeadline() {
        return deadline != null;
    }

    public boolean hasWaves() {
        return !waves.isEmpty();
    }

    /**
     * Whether two tasks' areas overlap (CONTRACT §5): equal, or one ends in {@code /} (a folder) and the other starts
     * with it. Two tasks with overlapping areas never run at the same time.
     */
    public static boolean areasOverlap(String area, String other) {
        return area.equals(other) || area.endsWith("/") && other.startsWith(area) || other.endsWith("/") && area.startsWith(other);
    }

    public Map<String, Task> tasksById() {
        return tasks.stream().collect(Collectors.toMap(Task::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    public Map<String, Agent> agentsById() {
        return agents.stream().collect(Collectors.toMap(Agent::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    /**
     * A pool: {@code maxConcurrent} caps how many tasks its agents run at once (null: no cap); the window and speed
     * are its generated workers'.
     */
    public record Pool(String id, String name, int workers, Map<String, Integer> skills, Integer maxConcurrent,
            Availability availability) {
        public Pool {
            skills = Map.copyOf(skills);
        }

        public Pool(String id, String name, int workers, Map<String, Integer> skills) {
            this(id, name, workers, skills, null, Availability.ALWAYS);
        }
    }

    /**
     * When an agent works and how fast: every task on it starts at or after {@code from} and ends by {@code until}
     * (null: no end), and takes duration / {@code speed}.
     */
    public record Availability(java.math.BigDecimal from, java.math.BigDecimal until, java.math.BigDecimal speed) {
        public static final Availability ALWAYS = new Availability(java.math.BigDecimal.ZERO, null, java.math.BigDecimal.ONE);

        public boolean isAlways() {
            return from.signum() == 0 && until == null && speed.compareTo(java.math.BigDecimal.ONE) == 0;
        }
    }

    /** Something tasks share: at no instant do running tasks use more than {@code capacity} units of it. */
    public record Resource(String id, String name, int capacity) {
    }

    /** An agent: declared in {@code agents}, or generated from a pool's {@code workers} (then {@code generated}). */
    public record Agent(String id, String name, String pool, Map<String, Integer> skills, boolean generated,
            Availability availability) {
        public Agent {
            skills = Map.copyOf(skills);
        }

        public Agent(String id, String name, String pool, Map<String, Integer> skills, boolean generated) {
            this(id, name, pool, skills, generated, Availability.ALWAYS);
        }

        /** Holds every skill the task lists at the level asked or higher. */
        public boolean hasSkillsFor(Task task) {
            return task.skills().entrySet().stream()
                    .allMatch(required -> skills.getOrDefault(required.getKey(), -1) >= required.getValue());
        }

        /** Belongs to the task's pool, when the task names one. */
        public boolean isInPoolOf(Task task) {
            return task.pool() == null || task.pool().equals(pool);
        }

        public boolean canDo(Task task) {
            return !task.isMilestone() && hasSkillsFor(task) && isInPoolOf(task);
        }
    }

    public record Task(
            String id,
            String title,
            String description,
            java.math.BigDecimal duration,
            Map<String, Integer> skills,
            String pool,
            List<String> dependsOn,
            int priority,
            Map<String, Integer> uses,
            List<String> areas,
            Estimate estimate,
            Progress progress) {
        public Task {
            progress = progress == null ? Progress.PLANNED : progress;
            skills = Map.copyOf(skills);
            dependsOn = List.copyOf(dependsOn);
            uses = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(uses));
            areas = List.copyOf(areas);
        }

        public Task(String id, String title, String description, java.math.BigDecimal duration,
                Map<String, Integer> skills, String pool, List<String> dependsOn, int priority) {
            this(id, title, description, duration, skills, pool, dependsOn, priority, Map.of(), List.of(), null, null);
        }

        /** Whether the duration is a range with any spread: then {@code duration} is its PERT mean. */
        public boolean hasRange() {
            return estimate != null && estimate.min().compareTo(estimate.max()) < 0;
        }

        /** A milestone takes no time and needs no agent: it ends when its dependencies end. */
        public boolean isMilestone() {
            return duration.signum() == 0;
        }
    }

    /**
     * Where a task stands (CONTRACT §6): its status; {@code agent} the agent it is pinned to (a started task's, a
     * planned task's pin, or who did a done task; null for none); for a started task either {@code fraction} (the
     * share done, 0 ≤ p < 1) or {@code remaining} (the time it still takes on its agent), the other null.
     */
    public record Progress(TaskStatus status, String agent, java.math.BigDecimal fraction, java.math.BigDecimal remaining) {
        public static final Progress PLANNED = new Progress(TaskStatus.PLANNED, null, null, null);

        public boolean isDone() {
            return status == TaskStatus.DONE;
        }

        public boolean isStarted() {
            return status == TaskStatus.STARTED;
        }

        /** Whether the task must stay on {@link #agent()}: started work, and planned work pinned to an agent. */
        public boolean isPinned() {
            return agent != null && status != TaskStatus.DONE;
        }
    }

    /**
     * A duration given as a range (CONTRACT §7): at least {@code min}, at most {@code max}, most likely {@code likely}
     * (the middle of the two when the plan leaves it out). The task's {@code duration} is the PERT mean
     * (min + 4·likely + max) / 6.
     */
    public record Estimate(java.math.BigDecimal min, java.math.BigDecimal likely, java.math.BigDecimal max) {
    }

    /** A hand-computed figure: {@code min == max} for a single value. */
    public record Claim(ClaimMetric metric, java.math.BigDecimal min, java.math.BigDecimal max, String source) {
        public boolean isRange() {
            return min.compareTo(max) != 0;
        }
    }
}
