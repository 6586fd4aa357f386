package dev.fanout.formats;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.fanout.plan.DurationDocument;
import dev.fanout.plan.PlanRejectedException;
import dev.fanout.plan.Violation;

/**
 * The lines of a spec-kit {@code tasks.md}, as {@link SpecKitReader} needs them: the title, the {@code ##} sections
 * and their task lines, each with its id, checkmark, tags ({@code [P]}, an estimate, story labels), description, the
 * file paths it names and the task ids its own dependency notes name. What the lines mean together (the phases'
 * order, the links the layout gives) is {@link SpecKitReader}'s business. A line that cannot be read is refused
 * naming its number and text.
 */
final class SpecKitLines {

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

    /** A task line as read: where it is, what it says, its tags and the links it states itself. */
    record Line(int number, String text, String id, boolean done, boolean parallel, String story,
            DurationDocument estimate, String title, List<String> areas, List<String> notedIds) {
    }

    /** A {@code ##} section of the file: its heading, its task lines, the lines of checkboxes without a task id. */
    record Section(String heading, List<Line> tasks, List<Integer> checkboxesWithoutId) {
    }

    /** What a file says, before any meaning: its {@code #} title, its sections, the estimates' unit (null: none). */
    record Document(String name, List<Section> sections, String unit) {
    }

    private SpecKitLines() {
    }

    /** The file's title, its sections in file order (the first one: what comes before any heading), its unit. */
    static Document read(byte[] body) {
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
        return new Document(name, sections, unit[0]);
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

    static PlanRejectedException refused(int number, String line, String message) {
        var text = line.strip();
        return new PlanRejectedException(new Violation("line " + number,
                "\"" + (text.length() > 80 ? text.substring(0, 80) + "…" : text) + "\"", message));
    }
}
