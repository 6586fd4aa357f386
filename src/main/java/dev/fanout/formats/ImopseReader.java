package dev.fanout.formats;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.fanout.plan.PlanDocument;
import dev.fanout.plan.PlanDocument.AgentDocument;
import dev.fanout.plan.PlanDocument.TaskDocument;
import dev.fanout.plan.PlanRejectedException;
import dev.fanout.plan.Violation;

/**
 * Reads an iMOPSE MS-RCPSP {@code .def} file, the standard multi-skill scheduling benchmark format, as a plan: each
 * resource an agent holding its skills ({@code Q3: 2} is skill {@code Q3} at level 2), each task needing one skill at a
 * minimum level, with its predecessors as dependencies. Ids are kept as written ("1", "2", …) so schedules can be
 * compared with published {@code .sol} files. Time is in hours, as in the benchmark. Salaries are ignored: Fanout
 * minimizes the makespan.
 */
public final class ImopseReader {

    /** The two tables of a {@code .def} file that Fanout reads; what each of their lines is called in messages. */
    private enum Section {
        RESOURCES("resource"), TASKS("task");

        final String line;

        Section(String line) {
            this.line = line;
        }
    }

    private ImopseReader() {
    }

    public static PlanDocument read(byte[] body, String name) {
        var text = new String(body, StandardCharsets.ISO_8859_1);
        Section section = null;
        var agents = new ArrayList<AgentDocument>();
        var tasks = new ArrayList<TaskDocument>();
        String fileName = null;
        var lines = text.split("\r?\n");
        for (int number = 1; number <= lines.length; number++) {
            var line = lines[number - 1].strip();
            if (line.startsWith("File name:")) {
                fileName = line.substring("File name:".length()).strip().replaceAll(".*[\\\\/]", "");
                continue;
            }
            if (line.startsWith("ResourceID")) {
                section = Section.RESOURCES;
                continue;
            }
            if (line.startsWith("TaskID")) {
                section = Section.TASKS;
                continue;
            }
            if (line.isEmpty() || line.startsWith("=") || section == null || !Character.isDigit(line.charAt(0))) {
                continue;
            }
            var parts = line.split("\\s+");
            try {
                switch (section) {
                    case RESOURCES -> agents.add(resource(parts));
                    case TASKS -> tasks.add(task(parts));
                }
            } catch (RuntimeException e) {
                throw new PlanRejectedException(new Violation("line " + number, "\"" + shorten(line) + "\"",
                        "not a valid iMOPSE " + section.line + " line: "
                                + e.getMessage()));
            }
        }
        if (tasks.isEmpty()) {
            throw new PlanRejectedException(new Violation("", null,
                    "no iMOPSE task table found: expected a 'TaskID' header followed by task lines"));
        }
        var planName = name != null ? name : fileName != null ? fileName.replaceFirst("\\.def$", "") : "iMOPSE instance";
        return new PlanDocument(planName, "iMOPSE MS-RCPSP instance" + (fileName == null ? "" : " " + fileName)
                + ": " + tasks.size() + " tasks, " + agents.size() + " resources; times in hours.",
                "hours", List.of(), agents, tasks, null, null, null);
    }

    /** {@code 1  56.2  Q4: 1  Q0: 0 …}: id, salary, then skill/level pairs. */
    private static AgentDocument resource(String[] parts) {
        if (parts.length < 2) {
            throw new IllegalArgumentException("expected an id and a salary");
        }
        Double.parseDouble(parts[1]);
        var skills = new LinkedHashMap<String, Integer>();
        for (int i = 2; i < parts.length; i += 2) {
            skills.put(skill(parts[i]), level(parts, i + 1));
        }
        return new AgentDocument(parts[0], "Resource " + parts[0], null, skills);
    }

    /** {@code 2  36  Q0: 1  1 5}: id, duration, skill and level, then predecessor ids. */
    private static TaskDocument task(String[] parts) {
        if (parts.length < 4) {
            throw new IllegalArgumentException("expected an id, a duration, a skill and a level");
        }
        var duration = new BigDecimal(parts[1]);
        Map<String, Integer> skills = Map.of(skill(parts[2]), level(parts, 3));
        var predecessors = new ArrayList<String>();
        for (int i = 4; i < parts.length; i++) {
            Integer.parseInt(parts[i]);
            predecessors.add(parts[i]);
        }
        return new TaskDocument(parts[0], null, null, duration, skills, null, predecessors, null);
    }

    private static String skill(String token) {
        if (!token.matches("Q\\d+:")) {
            throw new IllegalArgumentException("expected a skill such as 'Q3:', got '" + token + "'");
        }
        return token.substring(0, token.length() - 1);
    }

    private static int level(String[] parts, int index) {
        if (index >= parts.length) {
            throw new IllegalArgumentException("a skill without a level");
        }
        return Integer.parseInt(parts[index]);
    }

    private static String shorten(String line) {
        return line.length() > 80 ? line.substring(0, 80) + "…" : line;
    }
}
