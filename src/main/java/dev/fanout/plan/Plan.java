package dev.fanout.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A validated plan: every reference resolves, the dependencies form no cycle, every task with work in it has
 * at least one agent able to do it, and the pools' workers have been generated as agents.
 * {@code deadline} is when the plan must be done, in its time unit (null when it states none). Built only by
 * {@link PlanValidator}.
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
        java.math.BigDecimal deadline) {

    public Plan {
        pools = List.copyOf(pools);
        agents = List.copyOf(agents);
        tasks = List.copyOf(tasks);
        waves = waves.stream().map(List::copyOf).toList();
        claims = List.copyOf(claims);
    }

    public boolean hasDeadline() {
        return deadline != null;
    }

    public boolean hasWaves() {
        return !waves.isEmpty();
    }

    public Map<String, Task> tasksById() {
        return tasks.stream().collect(Collectors.toMap(Task::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    public Map<String, Agent> agentsById() {
        return agents.stream().collect(Collectors.toMap(Agent::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    public record Pool(String id, String name, int workers, Map<String, Integer> skills) {
        public Pool {
            skills = Map.copyOf(skills);
        }
    }

    /** An agent: declared in {@code agents}, or generated from a pool's {@code workers} (then {@code generated}). */
    public record Agent(String id, String name, String pool, Map<String, Integer> skills, boolean generated) {
        public Agent {
            skills = Map.copyOf(skills);
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
            int priority) {
        public Task {
            skills = Map.copyOf(skills);
            dependsOn = List.copyOf(dependsOn);
        }

        /** A milestone takes no time and needs no agent: it ends when its dependencies end. */
        public boolean isMilestone() {
            return duration.signum() == 0;
        }
    }

    /** A hand-computed figure: {@code min == max} for a single value. */
    public record Claim(ClaimMetric metric, java.math.BigDecimal min, java.math.BigDecimal max, String source) {
        public boolean isRange() {
            return min.compareTo(max) != 0;
        }
    }
}
