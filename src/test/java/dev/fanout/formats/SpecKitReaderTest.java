package dev.fanout.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.fanout.plan.DurationDocument;
import dev.fanout.plan.PlanDocument;
import dev.fanout.plan.PlanDocument.TaskDocument;
import dev.fanout.plan.PlanRejectedException;
import dev.fanout.plan.PlanValidator;
import dev.fanout.plan.TaskStatus;

/**
 * Reading spec-kit's tasks.md: a file in the layout of spec-kit's tasks template (Setup, Foundational, two user
 * stories, Polish, with the template's prose, comment, checkpoints, example block and checklist around the tasks).
 */
class SpecKitReaderTest {

    static byte[] tasksMd() throws IOException {
        try (var in = SpecKitReaderTest.class.getResourceAsStream("/spec-kit/tasks.md")) {
            return in.readAllBytes();
        }
    }

    private static Map<String, TaskDocument> tasks(PlanDocument plan) {
        return plan.tasks().stream().collect(Collectors.toMap(TaskDocument::id, task -> task));
    }

    private static List<String> dependsOn(PlanDocument plan, String id) {
        return tasks(plan).get(id).dependsOn();
    }

    @Test
    void readsTheTasksTheirPhasesAndTheirTags() throws IOException {
        var plan = SpecKitReader.read(tasksMd(), 3);
        assertEquals("Offline Bookmark Sync", plan.name());
        assertEquals(19, plan.tasks().size(), "T001–T019; nothing from the comment, the example or the checklists");
        assertEquals(List.of(List.of("T001", "T002", "T003"), List.of("T004", "T005", "T006", "T007"),
                List.of("T008", "T009", "T010", "T011", "T012", "T013"), List.of("T014", "T015", "T016", "T017"),
                List.of("T018", "T019")), plan.waves(), "one wave per phase");
        var t012 = tasks(plan).get("T012");
        assertEquals("Implement SyncService in src/services/sync_service.py (depends on T010, T011)", t012.title());
        assertTrue(t012.description().startsWith("[US1] Phase 3: User Story 1 - Bookmarks follow me"), t012.description());
        assertEquals("days", plan.timeUnit());
        assertEquals(DurationDocument.of(new BigDecimal("2")), tasks(plan).get("T004").duration());
        assertEquals(DurationDocument.range(BigDecimal.ONE, null, new BigDecimal("3")), tasks(plan).get("T011").duration());
        assertEquals(DurationDocument.of(BigDecimal.ONE), tasks(plan).get("T012").duration(), "1 without an estimate");
        assertEquals("agents", plan.pools().getFirst().id());
        assertEquals(3, plan.pools().getFirst().workers());
        assertTrue(plan.agents().isEmpty());
    }

    @Test
    void checkedTasksAreDone() throws IOException {
        var plan = SpecKitReader.read(tasksMd(), 3);
        assertEquals(List.of("T001", "T002", "T004"), plan.tasks().stream()
                .filter(task -> "done".equals(task.status())).map(TaskDocument::id).toList(), "[x] and [X]");
        assertNull(tasks(plan).get("T003").status(), "planned");
        var validated = new PlanValidator().validate(plan);
        assertEquals(TaskStatus.DONE, validated.tasksById().get("T004").progress().status());
    }

    @Test
    void filePathsAreAreas() throws IOException {
        var plan = SpecKitReader.read(tasksMd(), 3);
        assertEquals(List.of("src/services/merge.py"), tasks(plan).get("T015").areas());
        assertEquals(List.of("src/services/merge.py"), tasks(plan).get("T016").areas(), "[P], yet never at once");
        assertEquals(List.of("pyproject.toml"), tasks(plan).get("T002").areas(), "a file name in backticks");
        assertEquals(List.of("tests/contract/test_sync_post.py"), tasks(plan).get("T008").areas(),
                "POST /api/sync is a route, not a file");
        assertEquals(List.of("src/", "tests/"), tasks(plan).get("T001").areas(), "folders");
        assertNull(tasks(plan).get("T019").areas(), "a bare name outside backticks is prose");
    }

    @Test
    void withinAPhaseTasksWithoutPWaitForWhatIsListedBeforeThem() throws IOException {
        var plan = SpecKitReader.read(tasksMd(), 3);
        assertEquals(List.of(), dependsOn(plan, "T001"));
        assertEquals(List.of("T001"), dependsOn(plan, "T003"), "[P]: the last task without [P] before it");
        assertEquals(List.of("T005", "T006"), dependsOn(plan, "T007"), "after the [P] tasks since T004, so after T004");
        assertEquals(List.of("T012"), dependsOn(plan, "T013"));
    }

    @Test
    void phasesAreOrderedAsSpecKitsTemplateSays() throws IOException {
        var plan = SpecKitReader.read(tasksMd(), 3);
        assertEquals(List.of("T007"), dependsOn(plan, "T008"), "user story 1 after Foundational");
        assertEquals(List.of("T007"), dependsOn(plan, "T014"), "user story 2 after Foundational, not after story 1");
        assertEquals(List.of("T013", "T017"), dependsOn(plan, "T018"), "Polish after every story");
        assertEquals(List.of("T018"), dependsOn(plan, "T019"));
        assertTrue(plan.description().contains("ordered as spec-kit's template lays them out"), plan.description());
    }

    @Test
    void dependencyNotesAddLinks() throws IOException {
        var plan = SpecKitReader.read(tasksMd(), 3);
        assertEquals(List.of("T008", "T009", "T010", "T011"), dependsOn(plan, "T012"), "(depends on T010, T011)");
        assertEquals(List.of("T014", "T015", "T016", "T013"), dependsOn(plan, "T017"), "after T013, across stories");
    }

    @Test
    void aCheckedTaskWaitsForDoneWorkOnlyAndPassesTheRestOn() throws IOException {
        var plan = SpecKitReader.read(tasksMd(), 3);
        assertEquals(List.of("T002"), dependsOn(plan, "T004"), "checked, so not after the unchecked T003");
        assertEquals(List.of("T004", "T003"), dependsOn(plan, "T005"), "T003 still comes before Foundational's work");
        assertEquals(List.of("T004", "T003"), dependsOn(plan, "T006"));
    }

    /** What real tasks.md files do beyond the template: prefixed story labels, [X], routes, bracketed paths, order. */
    @Test
    void readsWhatRealFilesWrite() {
        var plan = SpecKitReader.read(bytes("""
                # Tasks: Todo web app
                ## Phase 1: Setup
                - [X] T001 Create backend project structure (backend/src with models, services)
                - [X] T002 [P] Initialize Next.js 16 project with TypeScript in frontend/ directory
                ## Phase 2: Foundational
                - [X] T003 Configure the database engine in backend/src/core/database.py
                ## Phase 3: User Story AUTH-US1 - Registration (Priority: P1) 🎯 MVP
                **Spec References**:
                - @specs/001/features/authentication.md (User Story 1)
                - [x] T004 [P] [AUTH-US1] Create the User model in backend/src/models/user.py
                - [ ] T005 [P] [AUTH-US1] Create the auth schemas in backend/src/schemas/auth.py
                - [ ] T006 [AUTH-US1] Implement PATCH /api/tasks/{id}/complete in backend/src/api/tasks.py
                - [x] T007 [AUTH-US1] Create the detail page in frontend/src/app/tasks/[id]/page.tsx
                - [ ] T008 [AUTH-US1] Register the routes in backend/src/main.py
                ## Phase 4: User Story TASK-US1 - Create a task (Priority: P1)
                - [ ] T009 [TASK-US1] Create TaskForm in frontend/src/components/tasks/TaskForm.tsx
                """), 3);
        assertTrue(tasks(plan).get("T004").description().startsWith("[AUTH-US1] Phase 3: User Story AUTH-US1"));
        assertNull(tasks(plan).get("T001").areas(), "backend/src names no file");
        assertEquals(List.of("frontend/"), tasks(plan).get("T002").areas(), "a folder, not Next.js");
        assertEquals(List.of("backend/src/api/tasks.py"), tasks(plan).get("T006").areas(), "not the route");
        assertEquals(List.of("frontend/src/app/tasks/[id]/page.tsx"), tasks(plan).get("T007").areas());
        assertEquals(List.of(), dependsOn(plan, "T007"), "checked after the unchecked T006: done in another order");
        assertEquals(List.of("T007", "T006"), dependsOn(plan, "T008"), "still after T006");
        assertEquals(List.of("T003"), dependsOn(plan, "T009"), "stories in parallel");
        new PlanValidator().validate(plan);
    }

    @Test
    void anotherLayoutRunsItsPhasesInSequence() {
        var plan = SpecKitReader.read(bytes("""
                # Tasks: Older layout
                ## Phase 3.1: Setup
                - [ ] T001 Create project structure
                ## Phase 3.2: Tests First (TDD)
                - [ ] T002 [P] Contract test in tests/contract/test_users.py
                - [ ] T003 [P] Integration test in tests/integration/test_auth.py
                ## Phase 3.3: Core Implementation
                - [ ] T004 [P] User model in src/models/user.py
                ## Phase 3.4: Polish
                - [ ] T005 [3h] Update docs/api.md
                """), 2);
        assertEquals(List.of("T001"), dependsOn(plan, "T002"));
        assertEquals(List.of("T002", "T003"), dependsOn(plan, "T004"), "the phase before it, whatever its name");
        assertEquals(List.of("T004"), dependsOn(plan, "T005"));
        assertEquals("hours", plan.timeUnit());
        assertEquals(2, plan.pools().getFirst().workers());
        assertTrue(plan.description().contains("run in sequence"), plan.description());
    }

    @Test
    void aMalformedFileIsRefusedNamingTheLine() {
        refused("""
                # Tasks: x
                ## Phase 1: Setup
                - [ ] T001 Create project structure
                - [ ] T002 [P]
                """, "line 4", "expected a description after the task id");
        refused("""
                ## Phase 1: Setup
                - [ ] T001 Create project structure
                - [ ] Configure linting
                """, "line 3", "without a task id");
        refused("""
                ## Phase 1: Setup
                - [~] T001 Create project structure
                """, "line 2", "expected '[ ]' (to do) or '[x]' (done)");
        refused("""
                ## Phase 1: Setup
                - [ ] T001 Create project structure
                - [ ] T002 Add the parser in src/parse.py (depends on T099)
                """, "line 3", "depends on T099, which no task line defines");
        refused("""
                ## Phase 1: Setup
                - [ ] T001 Create project structure
                - [x] T002 [P] Add the parser in src/parse.py (depends on T001)
                """, "line 3", "T002 is checked but depends on T001 (line 2), which is not");
        refused("""
                ## Phase 1: Setup
                - [ ] T001 [2d] Create project structure
                - [ ] T002 [4h] Add the parser
                """, "line 3", "this estimate is in hours but the one on line 2 is in days");
        refused("""
                ## Phase 1: Setup
                - [ ] T001 [2x] Create project structure
                """, "line 2", "'[2x]' is no estimate");
        refused("""
                ## Phase 1: Setup
                - [ ] T001 Create project structure
                - [ ] T001 Add the parser
                """, "line 3", "task id T001 is already used on line 2");
        var empty = assertThrows(PlanRejectedException.class, () -> SpecKitReader.read(bytes("# Tasks: x\n\nprose\n"), 3));
        assertTrue(empty.getMessage().contains("no spec-kit task lines found"), empty.getMessage());
    }

    private static void refused(String text, String field, String message) {
        var failure = assertThrows(PlanRejectedException.class, () -> SpecKitReader.read(bytes(text), 3));
        var violation = failure.violations().getFirst();
        assertEquals(field, violation.field(), failure.getMessage());
        assertTrue(violation.message().contains(message), violation.message());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
