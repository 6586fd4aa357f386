package dev.fanout.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import net.sf.mpxj.FieldTypeClass;
import net.sf.mpxj.ProjectFile;
import net.sf.mpxj.Relation;
import net.sf.mpxj.RelationType;
import net.sf.mpxj.Task;
import net.sf.mpxj.mspdi.MSPDIReader;

import dev.fanout.TestPlans;
import dev.fanout.analysis.PlanAnalysis;
import dev.fanout.plan.Plan;
import dev.fanout.plan.PlanValidator;
import dev.fanout.plan.TaskStatus;
import dev.fanout.report.ScheduleView;
import dev.fanout.report.SolveStatus;

/**
 * Every example plan, written as MSPDI with its starting schedule, read back twice: by MPXJ's own reader (what
 * Microsoft Project would find in the file) and by {@link MspdiReader} (what Fanout plans from it).
 */
class MspdiRoundTripTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

    /** Progress and ranges, which the example plans do not have. */
    private static final String PROGRESSED = """
            {'name': 'progressed', 'timeUnit': 'days', 'now': 2,
             'pools': [{'id': 'core', 'workers': 2, 'skills': {'java': 1}}],
             'agents': [{'id': 'ux', 'name': 'Ursula', 'skills': ['design']}],
             'tasks': [
               {'id': 'A', 'title': 'Schema', 'duration': 2, 'status': 'done', 'agent': 'core-1'},
               {'id': 'B', 'duration': 4, 'status': 'started', 'progress': 0.25, 'agent': 'ux', 'skills': ['design']},
               {'id': 'C', 'duration': {'min': 1, 'likely': 2, 'max': 6}, 'dependsOn': ['A'], 'areas': ['src/a.py', 'docs/']},
               {'id': 'D', 'duration': 1.5, 'dependsOn': ['C'], 'pool': 'core', 'agent': 'core-2'},
               {'id': 'M', 'duration': 0, 'dependsOn': ['B', 'D']}
             ]}
            """;

    static Stream<String> plans() {
        return Stream.concat(TestPlans.seedFiles().stream().map(Path::toString),
                Stream.of("SMALL", "PROGRESSED"));
    }

    private static Plan plan(String name) {
        return switch (name) {
            case "SMALL" -> TestPlans.plan(TestPlans.SMALL);
            case "PROGRESSED" -> TestPlans.plan(PROGRESSED);
            default -> TestPlans.seed(Path.of(name));
        };
    }

    private static ScheduleView schedule(Plan plan) {
        var analysis = PlanAnalysis.of(plan);
        return ScheduleView.of(SolveStatus.SOLVED, analysis.startingSchedule(), analysis.lowerBound(), null);
    }

    @ParameterizedTest
    @MethodSource("plans")
    void microsoftProjectFindsEveryTaskLinkDurationAgentAndAssignment(String name) throws Exception {
        var plan = plan(name);
        var schedule = schedule(plan);
        var project = new MSPDIReader().read(new ByteArrayInputStream(new MspdiWriter().write(plan, schedule, MONDAY)));
        var calendar = new WorkingCalendar(MONDAY, plan.timeUnit());
        var idField = project.getCustomFields().getFieldTypeByAlias(FieldTypeClass.TASK, "Fanout id");
        Map<String, Task> tasks = project.getTasks().stream().filter(task -> task.getUniqueID() != 0)
                .collect(Collectors.toMap(task -> (String) task.get(idField), Function.identity()));
        assertEquals(plan.tasksById().keySet(), tasks.keySet());
        assertEquals(plan.agentsById().keySet(),
                project.getResources().stream().filter(resource -> resource.getUniqueID() != 0)
                        .map(resource -> resource.getName()).collect(Collectors.toSet()));
        var skillsField = project.getCustomFields().getFieldTypeByAlias(FieldTypeClass.RESOURCE, "Skills");
        for (var resource : project.getResources()) {
            if (resource.getUniqueID() != 0) {
                var agent = plan.agentsById().get(resource.getName());
                var skills = resource.get(skillsField);
                assertEquals(agent.skills(), skills == null ? Map.of() : MspdiFields.skills(skills.toString()));
            }
        }
        var placed = schedule.assignments().stream()
                .collect(Collectors.toMap(ScheduleView.Assignment::task, Function.identity()));
        var byTask = new HashMap<Task, String>();
        tasks.forEach((id, task) -> byTask.put(task, id));
        for (var planned : plan.tasks()) {
            var task = tasks.get(planned.id());
            var why = name + ", task " + planned.id();
            assertEquals(planned.duration().doubleValue(), inPlanUnit(task, plan, project), 1e-9, why);
            assertEquals(planned.isMilestone(), task.getMilestone(), why);
            assertEquals(Set.copyOf(planned.dependsOn()), task.getPredecessors().stream()
                    .map(link -> byTask.get(link.getPredecessorTask())).collect(Collectors.toSet()), why);
            assertTrue(task.getPredecessors().stream().map(Relation::getType).allMatch(RelationType.FINISH_START::equals));
            var assignment = placed.get(planned.id());
            var assigned = task.getResourceAssignments();
            if (assignment.agent() == null || planned.isMilestone()) {
                assertTrue(assigned.isEmpty(), why);
            } else {
                assertEquals(1, assigned.size(), why);
                assertEquals(assignment.agent(), assigned.getFirst().getResource().getName(), why);
                assertEquals(calendar.finishAt(assignment.end()), assigned.getFirst().getFinish(), why);
                if (assignment.end() > assignment.start()) {
                    assertEquals(calendar.startAt(assignment.start()), task.getStart(), why);
                }
                assertEquals(calendar.finishAt(assignment.end()), task.getFinish(), why);
            }
            var complete = task.getPercentageComplete() == null ? 0 : task.getPercentageComplete().doubleValue();
            switch (planned.progress().status()) {
                case PLANNED -> assertEquals(0, complete, why);
                case STARTED -> assertEquals(planned.progress().fraction().doubleValue() * 100, complete, 1e-9, why);
                case DONE -> assertEquals(100, complete, why);
            }
        }
    }

    private static double inPlanUnit(Task task, Plan plan, ProjectFile project) {
        return task.getDuration().convertUnits(MspdiWriter.units(plan.timeUnit()), project.getProjectProperties())
                .getDuration();
    }

    @ParameterizedTest
    @MethodSource("plans")
    void readBackThePlanValidatesWithEveryTaskLinkDurationAndAgent(String name) {
        var plan = plan(name);
        var schedule = schedule(plan);
        var document = new MspdiReader().read(new MspdiWriter().write(plan, schedule, MONDAY), null);
        var read = new PlanValidator().validate(document);

        assertEquals(plan.name(), read.name());
        assertEquals(plan.timeUnit(), read.timeUnit());
        assertEquals(plan.tasksById().keySet(), read.tasksById().keySet());
        var placed = schedule.assignments().stream()
                .collect(Collectors.toMap(ScheduleView.Assignment::task, Function.identity()));
        for (var task : plan.tasks()) {
            var again = read.tasksById().get(task.id());
            var why = name + ", task " + task.id();
            assertEquals(0, task.duration().compareTo(again.duration()), why + ": " + again.duration());
            assertEquals(task.dependsOn(), again.dependsOn(), why);
            assertEquals(task.skills(), again.skills(), why);
            assertEquals(task.pool(), again.pool(), why);
            assertEquals(task.areas(), again.areas(), why);
            assertEquals(task.title(), again.title(), why);
            assertEquals(task.description(), again.description(), why);
            assertEquals(task.progress().status(), again.progress().status(), why);
            assertEquals(estimate(task), estimate(again), why);
            if (task.progress().status() == TaskStatus.PLANNED && !task.isMilestone()) {
                // The schedule's agent pins the task: what was planned is planned again.
                assertEquals(placed.get(task.id()).agent(), again.progress().agent(), why);
            }
        }
        assertEquals(plan.agentsById().keySet(), read.agentsById().keySet());
        for (var agent : plan.agents()) {
            var again = read.agentsById().get(agent.id());
            assertEquals(agent.skills(), again.skills(), name + ", agent " + agent.id());
            assertEquals(agent.pool(), again.pool(), name + ", agent " + agent.id());
            assertEquals(agent.name(), again.name(), name + ", agent " + agent.id());
        }
    }

    private static List<BigDecimal> estimate(Plan.Task task) {
        var estimate = task.estimate();
        return estimate == null ? null : Stream.of(estimate.min(), estimate.likely(), estimate.max())
                .map(value -> value.setScale(4, RoundingMode.HALF_UP)).toList();
    }

    @Test
    void startedWorkKeepsItsShareDone() {
        var plan = plan("PROGRESSED");
        var read = new PlanValidator().validate(new MspdiReader().read(new MspdiWriter().write(plan, schedule(plan),
                MONDAY), null));
        var started = read.tasksById().get("B").progress();
        assertEquals(0, new BigDecimal("0.25").compareTo(started.fraction()));
        assertEquals("ux", started.agent());
        assertEquals("core-1", read.tasksById().get("A").progress().agent());
    }

    @Test
    void theFileSaysItsUnitAndStartDate() throws Exception {
        var plan = plan("SMALL");
        var project = new MSPDIReader().read(new ByteArrayInputStream(new MspdiWriter().write(plan, schedule(plan),
                MONDAY)));
        assertEquals(net.sf.mpxj.TimeUnit.DAYS, project.getProjectProperties().getDefaultDurationUnits());
        assertEquals(MONDAY.atTime(8, 0), project.getProjectProperties().getStartDate());
        assertNotNull(project.getDefaultCalendar());
        assertFalse(project.getDefaultCalendar().isWorkingDate(MONDAY.minusDays(1)));
    }
}
