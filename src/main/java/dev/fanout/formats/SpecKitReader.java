package dev.fanout.formats;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 */
public final class SpecKitReader {

    /** Agents a plan gets when the request does not say how many. */
    public static final int DEFAULT_AGENTS = 3;

    /** The pool of the plan's agents. */
    public static final String POOL = "agents";

    private static final Pattern CHECKBOX = Pattern.compile("^(\\s*)[-*+]\\s+\\[(.)]\\s*(.*)$");
    private static final Pattern TASK_ID = Pattern.compile("^\\*{0,2}(T\\d+[a-z]?)\\*{0,2}[:.]?(?=\\s|$)(.*)$");
    private static final Pattern TAG = Pattern.compile("^\\[([^\\]\\s]+)](?=\\s|$)\\s*(.*)$");
    private static final Pattern ESTIMATE = Pattern.compile(
            "^(\\d+(?:\\.\\d+)?)(?:-(\\d+(?:\\.\\d+)?))?([a-zA-Z]+)$");
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern PHASE_HEADING = Pattern.compile("(?i)^phase\\s+[\\w.]+\\s*[:.\\-–—]");
    private static final Pattern DEPENDENCY_NOTE = Pattern.compile(
            "(?i)\\b(?:depends\\s+on|dependent\\s+on|after|requires|blocked\\s+by|needs)\\s*:?\\s*"
                    + "(T\\d+[a-z]?(?:\\s*(?:,|and|&|/|-|–)\\s*T\\d+[a-z]?)*)");
    private static final Pattern REFERENCE = Pattern.compile("(T\\d+[a-z]?)(?:\\s*[-–]\\s*(T\\d+[a-z]?))?");
    private static final Pattern EXTENSION = Pattern.compile(".*[^./]\\.[A-Za-z][A-Za-z0-9]{0,9}$");

    /** The kinds of phase spec-kit's template lays out, in their order; OTHER is any other. */
    private enum Kind {
        SETUP, FOUNDATIONAL, STORY, POLISH, OTHER
    }

    /** A task line as read: where it is, what it says, its tags and the links it states itself. */
    private record Line(int number, String text, String id, boolean done, boolean parallel, String story,
            DurationDocument estimate, String title, List<String> areas, List<String> notedIds) {
    }

    /** A {@code ##} section of the file: its heading, its task lines, the lines of checkboxes without a task id. */
    private record Section(String heading, List<Line> tasks, List<Integer> checkboxesWithoutId) {
    }

    private SpecKitReader() {
    }

    /** The plan a tasks.md describes, for {@code agents} agents. */
    public static PlanDocument read(byte[] body, int agents) {
        var text = new String(body, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        var lines = text.split("\r?\n", -1);
        String name = null;
        var sections = new ArrayList<Section>();
        var current = new Section(null, new ArrayList<>(), new ArrayList<>());
        sections.add(current);
        var unit = new String[2]; // the estimates' unit, and the line that set it
        boolean fenced = false;
        boolean comment = false;
        int first = frontMatterEnd(lines);
        for (int index = first; index < lines.length; index++) {
            int number = index + 1;
            var line = lines[index];
            var stripped = line.strip();
            if (comment) {
                comment = !stripped.contains("-->");
                continue;
            }
            if (stripped.startsWith("```") || stripped.startsWith("~~~")) {
                fenced = !fenced;
                continue;
            }
            if (fenced) {
                continue;
            }
            if (stripped.startsWith("<!--")) {
                comment = !stripped.contains("-->");
                continue;
            }
            var heading = HEADING.matcher(stripped);
            if (heading.matches()) {
                int level = heading.group(1).length();
                var title = heading.group(2);
                if (level == 1) {
                    if (name == null) {
                        name = title.replaceFirst("(?i)^tasks\\s*:\\s*", "").strip();
                    }
                } else if (level == 2 || PHASE_HEADING.matcher(title).find()) {
                    current = new Section(title, new ArrayList<>(), new ArrayList<>());
                    sections.add(current);
                }
                continue;
            }
            var checkbox = CHECKBOX.matcher(line);
            if (!checkbox.matches()) {
                continue;
            }
            var mark = checkbox.group(2);
            var rest = checkbox.group(3);
            var id = TASK_ID.matcher(rest);
            if (!id.matches()) {
                if (checkbox.group(1).isEmpty() && (mark.equals(" ") || mark.equalsIgnoreCase("x"))) {
                    current.checkboxesWithoutId().add(number);
                }
                continue;
            }
            if (!mark.equals(" ") && !mark.equalsIgnoreCase("x")) {
                throw refused(number, line, "expected '[ ]' (to do) or '[x]' (done) before the task id, got '["
                        + mark + "]'");
            }
            current.tasks().add(task(number, line, id.group(1), !mark.equals(" "), id.group(2), unit));
        }
        return plan(name, sections, unit[0], agents);
    }

    /** The index of the first line after a YAML front matter block ({@code ---} … {@code ---}), 0 without one. */
    private static int frontMatterEnd(String[] lines) {
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            return 0;
        }
        for (int index = 1; index < lines.length; index++) {
            if (lines[index].strip().equals("---")) {
                return index + 1;
            }
        }
        return 0;
    }

    private static Line task(int number, String line, String id, boolean done, String afterId, String[] unit) {
        var rest = afterId.strip();
        boolean parallel = false;
        String story = null;
        DurationDocument estimate = null;
        Matcher tag;
        while ((tag = TAG.matcher(rest)).matches()) {
            var label = tag.group(1);
            rest = tag.group(2);
            if (label.equalsIgnoreCase("P")) {
                parallel = true;
            } else if (Character.isDigit(label.charAt(0))) {
                if (estimate != null) {
                    throw refused(number, line, "two estimates: give one, such as [2h] or [1.5d]");
                }
                estimate = estimate(number, line, label, unit);
            } else {
                story = story == null ? label : story + " " + label;
            }
        }
        if (rest.isBlank()) {
            throw refused(number, line, "expected a description after the task id and its tags, as in "
                    + "'- [ ] T001 [P] [US1] Create the model in src/models/user.py'");
        }
        return new Line(number, line, id, done, parallel, story, estimate, rest, areas(rest), notedIds(rest));
    }

    /** {@code 2h}, {@code 1.5d}, {@code 1w}, {@code 2-4d}: a duration or a range, in one unit for the whole file. */
    private static DurationDocument estimate(int number, String line, String label, String[] unit) {
        var matcher = ESTIMATE.matcher(label);
        var written = matcher.matches() ? switch (matcher.group(3).toLowerCase(Locale.ROOT)) {
            case "h" -> "hours";
            case "d" -> "days";
            case "w" -> "weeks";
            default -> null;
        } : null;
        if (written == null) {
            throw refused(number, line, "'[" + label + "]' is no estimate: write a number of hours, days or weeks "
                    + "such as [2h], [1.5d] or [1w], or a range such as [2-4d]");
        }
        if (unit[0] == null) {
            unit[0] = written;
            unit[1] = String.valueOf(number);
        } else if (!unit[0].equals(written)) {
            throw refused(number, line, "this estimate is in " + written + " but the one on line " + unit[1]
                    + " is in " + unit[0] + ": write every estimate of a file in one unit");
        }
        var low = new BigDecimal(matcher.group(1));
        if (matcher.group(2) == null) {
            return DurationDocument.of(low);
        }
        var high = new BigDecimal(matcher.group(2));
        if (low.compareTo(high) > 0) {
            throw refused(number, line, "the range [" + label + "] runs backwards: write the shorter time first");
        }
        return DurationDocument.range(low, null, high);
    }

    /**
     * The files a description names: a word with a slash that ends in a file name with an extension or in a slash (a
     * folder), or any file name in backticks. Routes ({@code /api/tasks}), URLs, globs and {@code @} references are not
     * files.
     */
    private static List<String> areas(String description) {
        var areas = new LinkedHashSet<String>();
        for (var word : description.split("\\s+")) {
            boolean quoted = word.startsWith("`");
            var path = word.replace("\\_", "_").replaceFirst("^[(\"'`*<]+", "").replaceFirst("[)\"'`*>,;:.!?]+$", "")
                    .replaceFirst("^\\./", "");
            if (path.isEmpty() || path.contains("://") || path.contains("*") || path.contains("{")
                    || path.contains("\\") || "/~@$".indexOf(path.charAt(0)) >= 0) {
                continue;
            }
            boolean folder = path.endsWith("/") && path.length() > 1;
            boolean file = EXTENSION.matcher(path).matches();
            if (path.contains("/") ? folder || file : quoted && file) {
                areas.add(path);
            }
        }
        return List.copyOf(areas);
    }

    /** The task ids a line's own dependency notes name, ranges as written ("T004-T007"). */
    private static List<String> notedIds(String description) {
        var ids = new ArrayList<String>();
        var note = DEPENDENCY_NOTE.matcher(description);
        while (note.find()) {
            var reference = REFERENCE.matcher(note.group(1));
            while (reference.find()) {
                ids.add(reference.group(2) == null ? reference.group(1) : reference.group(1) + "-" + reference.group(2));
            }
        }
        return ids;
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
                    throw refused(line.number(), line.text(), "task id " + line.id() + " is already used on line "
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
                        throw refused(line.number(), line.text(), line.id() + " cannot depend on itself");
                    }
                    var before = byId.get(dependency);
                    if (line.done() && !before.done()) {
                        throw refused(line.number(), line.text(), line.id() + " is checked but depends on "
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
                throw refused(line.number(), line.text(), "depends on " + end + ", which no task line defines");
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

    private static PlanRejectedException refused(int number, String line, String message) {
        var text = line.strip();
        return new PlanRejectedException(new Violation("line " + number,
                "\"" + (text.length() > 80 ? text.substring(0, 80) + "…" : text) + "\"", message));
    }
}
