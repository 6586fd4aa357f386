package dev.fanout.formats;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.fanout.formats.SpecKitLines.Line;
import dev.fanout.formats.SpecKitLines.Section;
import dev.fanout.plan.DurationDocument;
import dev.fanout.plan.PlanDocument;
import dev.fanout.plan.PlanDocument.PoolDocument;
import dev.fanout.plan.PlanDocument.TaskDocument;
import dev.fanout.plan.PlanRejectedException;
import dev.fanout.plan.Violation;

/**
 * Reads a spec-kit {@code tasks.md} (github/spec-kit's {@code /tasks} command writes one from its tasks template) as a
 * plan. A task line is {@code - [ ] T001 [P] [US1] Description in path/to/file.py}: the id, then tags, then the
 * description, which becomes the title. {@code - [x]} is a done task. Each {@code ## } section holding tasks (in
 * spec-kit, {@code ## Phase N: …}) is a phase and one of the author's waves. The dependencies are the ones spec-kit's
 * template states in words:
 * <ul>
 * <li>phases in the template's layout (Setup, Foundational, user stories, Polish) run Setup, then Foundational, then
 * every user-story phase after Foundational but not after one another, then Polish after all stories; a file in
 * another layout runs its phases in sequence;</li>
 * <li>within a phase a task without {@code [P]} waits for the tasks listed before it, a {@code [P]} task for the last
 * task without {@code [P]} before it;</li>
 * <li>"depends on T012, T013", "after T004" (also "requires", "blocked by", "needs", ranges "T004-T007") in a line add
 * links.</li>
 * </ul>
 * The file paths a line names are the task's areas, so tasks that change the same file never run at once. The tags
 * after the id, in any order: {@code [P]}, an estimate ({@code [2h]}, {@code [1.5d]}, {@code [1w]}, a range
 * {@code [2-4d]}; 1 in the plan's unit without one; one unit per file), any other one-word tag a story label
 * ({@code [US1]}, {@code [AUTH-US1]}) kept in the description. A tasks.md names no agents: the plan gets one pool,
 * {@value #POOL}, of as many agents as the request asks for. Checkpoint lines, prose, code blocks, HTML comments and
 * checklists without task ids (spec-kit's "Validation Checklist") are not tasks.
 *
 * <p>A checked task is done; a done task may only wait for done tasks. When the layout would have a checked task wait
 * for an unchecked one, the checkmark is believed (the work was done in another order): the done task keeps no such
 * link, and the tasks that wait for it wait for those unchecked tasks instead, so the order among unfinished work is
 * unchanged. When the line itself says so ("depends on T012") and T012 is not checked, the file contradicts itself
 * and is refused with the line.
 *
 * <p>Two jobs, two classes: {@link SpecKitLines} reads the lines (the syntax of a task line, its tags, estimate, paths
 * and dependency notes); this class gives them their meaning as a plan (the phases, their order, the links of the
 * layout and of the notes, the checkmarks).
 */
public final class SpecKitReader {

    /** Agents a plan gets when the request does not say how many. */
    public static final int DEFAULT_AGENTS = 3;

    /** The pool of the plan's agents. */
    public static final String POOL = "agents";

    /** The kinds of phase spec-kit's template lays out, in their order; OTHER is any other. */
    private enum Kind {
        SETUP, FOUNDATIONAL, STORY, POLISH, OTHER
    }

    private SpecKitReader() {
    }

    /** The plan a tasks.md describes, for {@code agents} agents. */
    public static PlanDocument read(byte[] body, int agents) {
        var document = SpecKitLines.read(body);
        return plan(document.name(), document.sections(), document.unit(), agents);
    }

    private static PlanDocument plan(String name, List<Section> sections, String unit, int agents) {
        var phases = sections.stream().filter(section -> !section.tasks().isEmpty()).toList();
        for (var section : phases) {
            if (!section.checkboxesWithoutId().isEmpty()) {
                int number = section.checkboxesWithoutId().getFirst();
                throw new PlanRejectedException(new Violation("line " + number, null,
                        "a checkbox among tasks without a task id: expected '- [ ] T001 …' (task ids such as T001 "
                                + "right after the checkbox)"));
            }
        }
        if (phases.isEmpty()) {
            throw new PlanRejectedException(new Violation("", null, "no spec-kit task lines found: expected lines such "
                    + "as '- [ ] T001 [P] [US1] Create the model in src/models/user.py' under '## Phase N: …' headings"));
        }
        var byId = new LinkedHashMap<String, Line>();
        for (var section : phases) {
            for (var line : section.tasks()) {
                var earlier = byId.putIfAbsent(line.id(), line);
                if (earlier != null) {
                    throw SpecKitLines.refused(line.number(), line.text(), "task id " + line.id() + " is already used on line "
                            + earlier.number() + ": each task needs its own id");
                }
            }
        }
        var kinds = phases.stream().map(SpecKitReader::kind).toList();
        boolean layout = followsTemplate(kinds);
        var derived = derivedLinks(phases, kinds, layout);
        var dependsOn = resolveDone(byId, derived);
        addNotedLinks(byId, dependsOn);

        var tasks = new ArrayList<TaskDocument>();
        var waves = new ArrayList<List<String>>();
        for (var section : phases) {
            var wave = new ArrayList<String>();
            for (var line : section.tasks()) {
                wave.add(line.id());
                var description = (line.story() == null ? "" : "[" + line.story() + "] ") + section.heading()
                        + " (line " + line.number() + ")";
                tasks.add(new TaskDocument(line.id(), line.title(), description,
                        line.estimate() == null ? DurationDocument.of(BigDecimal.ONE) : line.estimate(), null, null,
                        List.copyOf(dependsOn.get(line.id())), null, null, line.areas().isEmpty() ? null : line.areas(),
                        line.done() ? "done" : null, null, null, null));
            }
            waves.add(wave);
        }
        long done = byId.values().stream().filter(Line::done).count();
        var description = "spec-kit tasks.md: " + tasks.size() + " tasks (" + done + " done) in " + phases.size()
                + " phases, " + (layout ? "ordered as spec-kit's template lays them out (user stories in parallel)"
                        : "run in sequence (not spec-kit's Setup, Foundational, user stories, Polish layout)")
                + "; " + agents + " agents.";
        return new PlanDocument(name == null || name.isBlank() ? "spec-kit tasks" : name, description, unit,
                List.of(new PoolDocument(POOL, "Agents", agents, null)), List.of(), tasks, waves, null, null);
    }

    private static Kind kind(Section section) {
        var title = section.heading() == null ? "" : section.heading().toLowerCase(Locale.ROOT)
                .replaceFirst("^phase\\s+[\\w.]+\\s*[:.\\-–—]\\s*", "");
        if (title.contains("user story") || title.startsWith("story")
                || section.tasks().stream().allMatch(line -> line.story() != null)) {
            return Kind.STORY;
        }
        if (title.contains("setup")) {
            return Kind.SETUP;
        }
        if (title.contains("foundation")) {
            return Kind.FOUNDATIONAL;
        }
        return title.contains("polish") ? Kind.POLISH : Kind.OTHER;
    }

    /** Setup? Foundational? Story+ Polish?, in that order: the layout of spec-kit's tasks template. */
    private static boolean followsTemplate(List<Kind> kinds) {
        var word = new StringBuilder();
        for (var kind : kinds) {
            word.append(switch (kind) {
                case SETUP -> 's';
                case FOUNDATIONAL -> 'f';
                case STORY -> 'u';
                case POLISH -> 'p';
                case OTHER -> 'o';
            });
        }
        return word.toString().matches("s?f?u+p?");
    }

    /** The links the layout gives, each task's list in file order (every one points to a task listed earlier). */
    private static Map<String, List<String>> derivedLinks(List<Section> phases, List<Kind> kinds, boolean layout) {
        var links = new LinkedHashMap<String, List<String>>();
        var sinks = new ArrayList<List<String>>();
        for (int p = 0; p < phases.size(); p++) {
            var before = new ArrayList<String>();
            for (int q : predecessors(kinds, layout, p)) {
                before.addAll(sinks.get(q));
            }
            String lastSerial = null;
            var sinceSerial = new ArrayList<String>();
            for (var line : phases.get(p).tasks()) {
                var base = lastSerial == null ? before : List.of(lastSerial);
                links.put(line.id(), List.copyOf(line.parallel() || sinceSerial.isEmpty() ? base : sinceSerial));
                if (line.parallel()) {
                    sinceSerial.add(line.id());
                } else {
                    lastSerial = line.id();
                    sinceSerial.clear();
                }
            }
            // The tasks no other task of the phase waits for: after them, the whole phase is done.
            var phaseSinks = sinceSerial.isEmpty() ? List.of(lastSerial) : List.copyOf(sinceSerial);
            sinks.add(phaseSinks);
        }
        return links;
    }

    /** The phases phase {@code p} waits for: the template's order, or the phase before it. */
    private static List<Integer> predecessors(List<Kind> kinds, boolean layout, int p) {
        if (!layout) {
            return p == 0 ? List.of() : List.of(p - 1);
        }
        var wanted = switch (kinds.get(p)) {
            case SETUP, OTHER -> Set.<Kind>of();
            case FOUNDATIONAL -> Set.of(Kind.SETUP);
            case STORY -> kinds.contains(Kind.FOUNDATIONAL) ? Set.of(Kind.FOUNDATIONAL) : Set.of(Kind.SETUP);
            case POLISH -> kinds.contains(Kind.STORY) ? Set.of(Kind.STORY)
                    : kinds.contains(Kind.FOUNDATIONAL) ? Set.of(Kind.FOUNDATIONAL) : Set.of(Kind.SETUP);
        };
        var result = new ArrayList<Integer>();
        for (int q = 0; q < p; q++) {
            if (wanted.contains(kinds.get(q))) {
                result.add(q);
            }
        }
        return result;
    }

    /**
     * The derived links with the checkmarks believed: a done task keeps its links to done tasks only; the unchecked
     * tasks it no longer waits for are waited for by the tasks that wait for it. One pass in file order suffices,
     * since every derived link points to a task listed earlier.
     */
    private static Map<String, Set<String>> resolveDone(Map<String, Line> byId, Map<String, List<String>> derived) {
        var result = new LinkedHashMap<String, Set<String>>();
        var carried = new HashMap<String, Set<String>>();
        for (var entry : derived.entrySet()) {
            var id = entry.getKey();
            var links = new LinkedHashSet<String>();
            var open = new LinkedHashSet<String>();
            for (var dependency : entry.getValue()) {
                if (byId.get(dependency).done()) {
                    links.add(dependency);
                    open.addAll(carried.getOrDefault(dependency, Set.of()));
                } else {
                    open.add(dependency);
                }
            }
            if (byId.get(id).done()) {
                carried.put(id, open);
            } else {
                links.addAll(open);
            }
            result.put(id, links);
        }
        return result;
    }

    /** The links lines state themselves; a done task's note naming an unchecked task is a contradiction, refused. */
    private static void addNotedLinks(Map<String, Line> byId, Map<String, Set<String>> dependsOn) {
        var ids = new ArrayList<>(byId.keySet());
        for (var line : byId.values()) {
            for (var noted : line.notedIds()) {
                for (var dependency : expand(noted, ids, line)) {
                    if (dependency.equals(line.id())) {
                        throw SpecKitLines.refused(line.number(), line.text(), line.id() + " cannot depend on itself");
                    }
                    var before = byId.get(dependency);
                    if (line.done() && !before.done()) {
                        throw SpecKitLines.refused(line.number(), line.text(), line.id() + " is checked but depends on "
                                + dependency + " (line " + before.number() + "), which is not: check " + dependency
                                + " too, or uncheck " + line.id());
                    }
                    dependsOn.get(line.id()).add(dependency);
                }
            }
        }
    }

    /** "T012" or a range "T004-T007" as the ids of the file's tasks it names; an id no line defines is refused. */
    private static List<String> expand(String noted, List<String> ids, Line line) {
        var ends = noted.split("-");
        for (var end : ends) {
            if (!ids.contains(end)) {
                throw SpecKitLines.refused(line.number(), line.text(), "depends on " + end + ", which no task line defines");
            }
        }
        if (ends.length == 1) {
            return List.of(ends[0]);
        }
        var from = number(ends[0]);
        var to = number(ends[1]);
        return ids.stream().filter(id -> number(id) >= from && number(id) <= to).toList();
    }

    private static int number(String id) {
        return Integer.parseInt(id.replaceAll("\\D", ""));
    }
}
