package dev.fanout.formats;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.sf.mpxj.Duration;
import net.sf.mpxj.FieldType;
import net.sf.mpxj.MPXJException;
import net.sf.mpxj.ProjectFile;
import net.sf.mpxj.ProjectProperties;
import net.sf.mpxj.Relation;
import net.sf.mpxj.Resource;
import net.sf.mpxj.ResourceType;
import net.sf.mpxj.Task;
import net.sf.mpxj.mspdi.MSPDIReader;

import dev.fanout.plan.DurationDocument;
import dev.fanout.plan.PlanDocument;
import dev.fanout.plan.PlanDocument.AgentDocument;
import dev.fanout.plan.PlanDocument.PoolDocument;
import dev.fanout.plan.PlanDocument.TaskDocument;
import dev.fanout.plan.PlanRejectedException;
import dev.fanout.plan.PlanValidator;
import dev.fanout.plan.TimeUnit;
import dev.fanout.plan.Violation;

/**
 * A Microsoft Project XML (MSPDI) file as a plan: what {@link MspdiWriter} writes, and what Microsoft Project and
 * ProjectLibre save. What it decides:
 * <ul>
 * <li>A task's id is its "Fanout id" field when it has one (a file Fanout wrote), else its unique id, as text: the unique
 * id is the one number Microsoft Project never changes nor reuses when tasks are moved, inserted or renumbered (the ID
 * and the WBS code do). The task's name becomes its title.</li>
 * <li>Summary tasks are not tasks: their leaves are. A link to or from a summary task is a link to or from each of its
 * leaves.</li>
 * <li>Every link is read as finish-to-start: it implies start-to-start, finish-to-finish and start-to-finish, so the
 * plan never breaks one; a lag is dropped.</li>
 * <li>Durations are converted to the plan's unit with the file's own hours per day and per week (rounded to
 * {@value PlanValidator#MAX_DECIMALS} places); the three PERT durations, when present, become a range.</li>
 * <li>Work resources are the agents (id: the resource's name), with skills and pool from their custom fields when the
 * file has them; a pool named there is declared with no workers of its own.</li>
 * <li>A task assigned to exactly one agent is pinned to it; a task shared by several is left to the solver (an agent
 * does a task alone in a plan). 100 % complete is done, partly complete is started (then an agent is needed).</li>
 * <li>Dates are not read: Fanout schedules the plan itself. Waves, claims, a deadline and {@code now} are not in the
 * file.</li>
 * </ul>
 * A file that is not MSPDI, or a task or resource that cannot be read, is refused naming it ("task 12": its unique
 * id).
 */
public final class MspdiReader {

    private static final int DEFAULT_MINUTES_PER_DAY = 8 * 60;
    private static final int DEFAULT_MINUTES_PER_WEEK = 5 * DEFAULT_MINUTES_PER_DAY;

    /** The file as a plan, in {@code unit}; null for the file's default duration unit (days when it is another). */
    public PlanDocument read(byte[] file, TimeUnit unit) {
        var project = parse(file);
        var properties = project.getProjectProperties();
        var timeUnit = unit != null ? unit : unitOf(properties);
        var fields = new Fields(project);
        var pools = new LinkedHashSet<String>();
        var agents = agents(project, fields, pools);
        var ids = new LinkedHashMap<Task, String>();
        for (var task : leaves(project)) {
            ids.put(task, id(task, fields));
        }
        var tasks = new ArrayList<TaskDocument>();
        for (var entry : ids.entrySet()) {
            tasks.add(task(entry.getKey(), entry.getValue(), ids, agents, fields, properties, timeUnit, pools));
        }
        var name = firstText(properties.getProjectTitle(), properties.getName(), "Imported from Microsoft Project");
        return new PlanDocument(name, null, timeUnit.label(),
                pools.stream().map(pool -> new PoolDocument(pool, null, 0, null)).toList(),
                List.copyOf(agents.values()), tasks, null, null, null);
    }

    private static ProjectFile parse(byte[] file) {
        try {
            return new MSPDIReader().read(new ByteArrayInputStream(file));
        } catch (MPXJException | RuntimeException e) {
            throw new PlanRejectedException(new Violation("mspdi", null,
                    "is not a Microsoft Project XML (MSPDI) file: " + e.getMessage()));
        }
    }

    private static TimeUnit unitOf(ProjectProperties properties) {
        var units = properties.getDefaultDurationUnits();
        if (units == net.sf.mpxj.TimeUnit.HOURS) {
            return TimeUnit.HOURS;
        }
        return units == net.sf.mpxj.TimeUnit.WEEKS ? TimeUnit.WEEKS : TimeUnit.DAYS;
    }

    /** The custom fields of {@link MspdiFields} in this file (null: the file has none by that alias). */
    private record Fields(FieldType taskId, FieldType taskSkills, FieldType taskPool, FieldType taskAreas,
            FieldType optimistic, FieldType likely, FieldType pessimistic, FieldType resourceSkills,
            FieldType resourcePool, FieldType resourceName) {
        Fields(ProjectFile project) {
            this(MspdiFields.TASK_ID.in(project), MspdiFields.TASK_SKILLS.in(project),
                    MspdiFields.TASK_POOL.in(project), MspdiFields.TASK_AREAS.in(project),
                    MspdiFields.OPTIMISTIC.in(project), MspdiFields.LIKELY.in(project),
                    MspdiFields.PESSIMISTIC.in(project), MspdiFields.RESOURCE_SKILLS.in(project),
                    MspdiFields.RESOURCE_POOL.in(project), MspdiFields.RESOURCE_NAME.in(project));
        }
    }

    /** Work resources by unique id; material and cost resources do no work. */
    private static Map<Integer, AgentDocument> agents(ProjectFile project, Fields fields, Set<String> pools) {
        var agents = new LinkedHashMap<Integer, AgentDocument>();
        var names = new LinkedHashSet<String>();
        for (var resource : project.getResources()) {
            if (!isAgent(resource)) {
                continue;
            }
            var field = "resource " + resource.getUniqueID();
            var name = text(resource.getName());
            if (name == null) {
                if (resource.getTaskAssignments().isEmpty()) {
                    continue;   // a blank row of the resource sheet
                }
                throw refused(field, null, "has no name: the name is the agent's id");
            }
            if (!names.add(name)) {
                throw refused(field, name, "has the name of another resource: the name is the agent's id");
            }
            var skills = skills(resource, fields.resourceSkills(), field);
            var pool = text(resource, fields.resourcePool());
            if (pool != null) {
                pools.add(pool);
            }
            agents.put(resource.getUniqueID(),
                    new AgentDocument(name, text(resource, fields.resourceName()), pool, skills));
        }
        return agents;
    }

    private static boolean isAgent(Resource resource) {
        // Microsoft Project keeps an unnamed resource of unique id 0 for "unassigned".
        var type = resource.getType();
        return resource.getUniqueID() != null && resource.getUniqueID() != 0
                && (type == null || type == ResourceType.WORK);
    }

    /** The tasks of the plan: every task that is no summary, no blank row and not the project's own summary (id 0). */
    private static List<Task> leaves(ProjectFile project) {
        return project.getTasks().stream().filter(MspdiReader::isLeaf).toList();
    }

    private static boolean isLeaf(Task task) {
        return task.getUniqueID() != null && task.getUniqueID() != 0 && !task.getNull() && !task.getSummary()
                && task.getChildTasks().isEmpty();
    }

    private static String id(Task task, Fields fields) {
        var id = text(task, fields.taskId());
        return id != null ? id : String.valueOf(task.getUniqueID());
    }

    private static TaskDocument task(Task task, String id, Map<Task, String> ids, Map<Integer, AgentDocument> agents,
            Fields fields, ProjectProperties properties, TimeUnit unit, Set<String> pools) {
        var field = "task " + task.getUniqueID();
        var name = text(task.getName());
        var duration = time(task.getDuration(), properties, unit, field, name, "duration");
        var optimistic = time(fields.optimistic(), task, properties, unit, field);
        var likely = time(fields.likely(), task, properties, unit, field);
        var pessimistic = time(fields.pessimistic(), task, properties, unit, field);
        var estimate = optimistic != null && pessimistic != null
                ? DurationDocument.range(optimistic, likely, pessimistic) : DurationDocument.of(duration);
        var pool = text(task, fields.taskPool());
        if (pool != null) {
            pools.add(pool);
        }
        var areasText = text(task, fields.taskAreas());
        var areas = areasText == null ? null
                : Arrays.stream(areasText.split(MspdiFields.AREA_SEPARATOR)).map(String::strip)
                        .filter(area -> !area.isEmpty()).toList();
        var agent = agentOf(task, agents);
        var complete = task.getPercentageComplete() == null ? 0 : task.getPercentageComplete().doubleValue();
        String status = null;
        BigDecimal progress = null;
        if (complete >= 100) {
            status = "done";
        } else if (complete > 0) {
            if (agent == null) {
                throw refused(field, name, "is " + BigDecimal.valueOf(complete).stripTrailingZeros().toPlainString()
                        + " % complete but not assigned to one work resource: started work needs the agent doing it");
            }
            status = "started";
            progress = BigDecimal.valueOf(complete).movePointLeft(2).stripTrailingZeros();
        }
        // A planned milestone takes no agent: its assignment (Microsoft Project allows one) pins nothing.
        if (status == null && duration.signum() == 0) {
            agent = null;
        }
        return new TaskDocument(id, name == null || name.equals(id) ? null : name, text(task.getNotes()), estimate,
                skills(task, fields.taskSkills(), field), pool, dependencies(task, ids), null, null, areas, status,
                progress, null, agent);
    }

    /** The agent a task is pinned to: its one work resource's, when it has exactly one. */
    private static String agentOf(Task task, Map<Integer, AgentDocument> agents) {
        var assigned = task.getResourceAssignments().stream()
                .map(assignment -> agents.get(assignment.getResourceUniqueID()))
                .filter(agent -> agent != null).distinct().toList();
        return assigned.size() == 1 ? assigned.getFirst().id() : null;
    }

    /** The task's links and those of every summary task above it, each to the leaves of the task linked. */
    private static List<String> dependencies(Task task, Map<Task, String> ids) {
        var dependencies = new LinkedHashSet<String>();
        for (var level = task; level != null; level = level.getParentTask()) {
            for (Relation link : level.getPredecessors()) {
                for (var leaf : leavesOf(link.getPredecessorTask())) {
                    var id = ids.get(leaf);
                    if (id != null && leaf != task) {
                        dependencies.add(id);
                    }
                }
            }
        }
        return List.copyOf(dependencies);
    }

    private static List<Task> leavesOf(Task task) {
        if (task == null) {
            return List.of();
        }
        if (task.getChildTasks().isEmpty()) {
            return List.of(task);
        }
        var leaves = new ArrayList<Task>();
        for (var child : task.getChildTasks()) {
            leaves.addAll(leavesOf(child));
        }
        return leaves;
    }

    private static BigDecimal time(FieldType pert, Task task, ProjectProperties properties, TimeUnit unit,
            String field) {
        if (pert == null || !(task.get(pert) instanceof Duration duration)) {
            return null;
        }
        return time(duration, properties, unit, field, text(task.getName()), pert.getName());
    }

    /** A duration in the plan's unit, with the file's working minutes per day and per week. */
    private static BigDecimal time(Duration duration, ProjectProperties properties, TimeUnit unit, String field,
            String name, String what) {
        if (duration == null) {
            throw refused(field, name, "has no " + what.toLowerCase(java.util.Locale.ROOT));
        }
        double minutes = duration.convertUnits(net.sf.mpxj.TimeUnit.MINUTES, properties).getDuration();
        if (minutes < 0 || !Double.isFinite(minutes)) {
            throw refused(field, name, "has a negative " + what.toLowerCase(java.util.Locale.ROOT) + ": " + duration);
        }
        int perDay = positive(properties.getMinutesPerDay(), DEFAULT_MINUTES_PER_DAY);
        int perUnit = switch (unit) {
            case HOURS -> 60;
            case DAYS -> perDay;
            case WEEKS -> positive(properties.getMinutesPerWeek(), DEFAULT_MINUTES_PER_WEEK);
        };
        var value = BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(perUnit), PlanValidator.MAX_DECIMALS,
                RoundingMode.HALF_UP).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    private static int positive(Integer value, int otherwise) {
        return value == null || value <= 0 ? otherwise : value;
    }

    private static Map<String, Integer> skills(net.sf.mpxj.FieldContainer holder, FieldType column, String field) {
        var text = text(holder, column);
        if (text == null) {
            return null;
        }
        var skills = MspdiFields.skills(text);
        if (skills == null) {
            throw refused(field, text, "Skills must read skill:level, … (a level is a whole number ≥ 0)");
        }
        return skills;
    }

    private static String text(net.sf.mpxj.FieldContainer holder, FieldType column) {
        return column == null || holder.get(column) == null ? null : text(String.valueOf(holder.get(column)));
    }

    private static String text(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String firstText(String... texts) {
        for (var text : texts) {
            if (text(text) != null) {
                return text.strip();
            }
        }
        return null;
    }

    private static PlanRejectedException refused(String field, String value, String message) {
        return new PlanRejectedException(new Violation(field, value, message));
    }
}
