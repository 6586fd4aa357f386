package dev.fanout.formats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import net.sf.mpxj.Duration;
import net.sf.mpxj.ProjectFile;
import net.sf.mpxj.Relation;
import net.sf.mpxj.RelationType;
import net.sf.mpxj.Resource;
import net.sf.mpxj.ResourceType;
import net.sf.mpxj.Task;
import net.sf.mpxj.mspdi.MSPDIWriter;

import dev.fanout.plan.Plan;
import dev.fanout.plan.TaskStatus;
import dev.fanout.plan.TimeUnit;
import dev.fanout.report.ScheduleView;

/**
 * A plan and its schedule as Microsoft Project XML (MSPDI), what Microsoft Project, ProjectLibre and GanttProject open.
 * Every task becomes a task (its title as name; id, skills, pool and areas in custom fields, see {@link MspdiFields}),
 * every dependency a finish-to-start link, every agent a work resource, and every task the schedule gives an agent an
 * assignment to it, with start and finish on the {@link WorkingCalendar} from {@code start}. Durations are in the
 * plan's unit (the project's default duration unit says which). Milestones are milestones; done tasks are 100 %
 * complete, started ones as complete as the plan says. The project uses the standard calendar, so a file opened and
 * rescheduled in Microsoft Project keeps the same dates.
 */
public final class MspdiWriter implements ScheduleWriter {

    @Override
    public String formatName() {
        return "mspdi";
    }

    @Override
    public List<String> aliases() {
        return List.of("msproject", "xml");
    }

    @Override
    public String mediaType() {
        return "application/vnd.ms-project+xml";
    }

    @Override
    public String label() {
        return "mspdi (Microsoft Project XML)";
    }

    @Override
    public String extension() {
        return "xml";
    }

    /** The plan's id and the time of writing are not in the file: MSPDI has no place that needs them. */
    @Override
    public byte[] write(Plan plan, ScheduleView schedule, LocalDate start, String planId, Instant madeAt) {
        return write(plan, schedule, start);
    }

    public byte[] write(Plan plan, ScheduleView schedule, LocalDate start) {
        var calendar = new WorkingCalendar(start, plan.timeUnit());
        var project = new ProjectFile();
        project.setDefaultCalendar(project.addDefaultBaseCalendar());
        var properties = project.getProjectProperties();
        properties.setName(plan.name());
        properties.setProjectTitle(plan.name());
        properties.setStartDate(calendar.startAt(0));
        properties.setMinutesPerDay(WorkingCalendar.MINUTES_PER_DAY);
        properties.setMinutesPerWeek(WorkingCalendar.MINUTES_PER_DAY * WorkingCalendar.DAYS_PER_WEEK);
        properties.setDefaultDurationUnits(units(plan.timeUnit()));
        if (plan.hasProgress()) {
            properties.setStatusDate(calendar.startAt(plan.now().doubleValue()));
        }
        for (var alias : new MspdiFields.Alias[] {MspdiFields.TASK_ID, MspdiFields.TASK_SKILLS, MspdiFields.TASK_POOL,
                MspdiFields.TASK_AREAS, MspdiFields.RESOURCE_SKILLS, MspdiFields.RESOURCE_POOL,
                MspdiFields.RESOURCE_NAME}) {
            alias.declare(project);
        }
        if (plan.tasks().stream().anyMatch(Plan.Task::hasRange)) {
            MspdiFields.OPTIMISTIC.declare(project);
            MspdiFields.LIKELY.declare(project);
            MspdiFields.PESSIMISTIC.declare(project);
        }

        var resources = new HashMap<String, Resource>();
        for (var agent : plan.agents()) {
            var resource = project.addResource();
            resource.setType(ResourceType.WORK);
            resource.setName(agent.id());
            resource.set(MspdiFields.RESOURCE_SKILLS.field(), MspdiFields.skills(agent.skills()));
            resource.set(MspdiFields.RESOURCE_POOL.field(), agent.pool());
            resource.set(MspdiFields.RESOURCE_NAME.field(), agent.name());
            resources.put(agent.id(), resource);
        }

        Map<String, ScheduleView.Assignment> placed = schedule.assignments().stream()
                .collect(Collectors.toMap(ScheduleView.Assignment::task, assignment -> assignment));
        var tasks = new HashMap<String, Task>();
        for (var planned : plan.tasks()) {
            var task = project.addTask();
            tasks.put(planned.id(), task);
            task.setName(planned.title() == null ? planned.id() : planned.title());
            task.setNotes(planned.description());
            task.setOutlineLevel(1);
            task.set(MspdiFields.TASK_ID.field(), planned.id());
            if (!planned.skills().isEmpty()) {
                task.set(MspdiFields.TASK_SKILLS.field(), MspdiFields.skills(planned.skills()));
            }
            task.set(MspdiFields.TASK_POOL.field(), planned.pool());
            if (!planned.areas().isEmpty()) {
                task.set(MspdiFields.TASK_AREAS.field(), String.join(MspdiFields.AREA_SEPARATOR, planned.areas()));
            }
            task.setDuration(duration(planned.duration(), plan.timeUnit()));
            if (planned.hasRange()) {
                var estimate = planned.estimate();
                task.set(MspdiFields.OPTIMISTIC.field(), duration(estimate.min(), plan.timeUnit()));
                task.set(MspdiFields.LIKELY.field(), duration(estimate.likely(), plan.timeUnit()));
                task.set(MspdiFields.PESSIMISTIC.field(), duration(estimate.max(), plan.timeUnit()));
            }
            task.setMilestone(planned.isMilestone());
            var assignment = placed.get(planned.id());
            // A milestone (and a task of no length) sits where the work before it ends, not the next morning.
            var ends = calendar.finishAt(assignment.end());
            var begins = assignment.end() > assignment.start() ? calendar.startAt(assignment.start()) : ends;
            task.setStart(begins);
            task.setFinish(ends);
            progress(plan, planned, task);
            if (assignment.agent() != null && !planned.isMilestone()) {
                var work = task.addResourceAssignment(resources.get(assignment.agent()));
                work.setUnits(100);
                work.setStart(begins);
                work.setFinish(ends);
                work.setWork(Duration.getInstance(
                        (double) calendar.minutes(assignment.end() - assignment.start()) / 60, net.sf.mpxj.TimeUnit.HOURS));
            }
        }
        for (var planned : plan.tasks()) {
            for (var dependency : planned.dependsOn()) {
                tasks.get(planned.id()).addPredecessor(new Relation.Builder().predecessorTask(tasks.get(dependency))
                        .type(RelationType.FINISH_START));
            }
        }
        return bytes(project);
    }

    private static void progress(Plan plan, Plan.Task planned, Task task) {
        var progress = planned.progress();
        if (progress.status() == TaskStatus.PLANNED) {
            return;
        }
        task.setActualStart(task.getStart());
        if (progress.isDone()) {
            task.setPercentageComplete(100);
            task.setActualFinish(task.getFinish());
            return;
        }
        // Started: the share done as given, or what the time remaining leaves of the duration.
        var fraction = progress.fraction() != null ? progress.fraction()
                : planned.duration().signum() == 0 ? BigDecimal.ZERO
                : BigDecimal.ONE.subtract(plan.remainingTime(planned).divide(planned.duration(), 4,
                        java.math.RoundingMode.HALF_UP)).max(BigDecimal.ZERO);
        task.setPercentageComplete(fraction.movePointRight(2).doubleValue());
    }

    private static Duration duration(BigDecimal time, TimeUnit unit) {
        return Duration.getInstance(time.doubleValue(), units(unit));
    }

    static net.sf.mpxj.TimeUnit units(TimeUnit unit) {
        return switch (unit) {
            case HOURS -> net.sf.mpxj.TimeUnit.HOURS;
            case DAYS -> net.sf.mpxj.TimeUnit.DAYS;
            case WEEKS -> net.sf.mpxj.TimeUnit.WEEKS;
        };
    }

    private static byte[] bytes(ProjectFile project) {
        var out = new ByteArrayOutputStream();
        try {
            new MSPDIWriter().write(project, out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing MSPDI to memory", e);
        }
        return out.toByteArray();
    }
}
