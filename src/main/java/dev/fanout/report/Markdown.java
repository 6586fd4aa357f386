package dev.fanout.report;

import java.util.stream.Collectors;

/** Text placed in Markdown so that it reads as written: the one escaping every Markdown answer uses. */
public final class Markdown {

    private Markdown() {
    }

    /**
     * One line of text for a table cell, a heading or a list item: a '|' would split the cell, a line break would end
     * the row (or the item), so it becomes a space.
     */
    public static String cell(String text) {
        return text.replace("|", "\\|").replaceAll("\\R", " ");
    }

    /** Text as a block quote, each of its lines quoted and escaped as a {@link #cell}. */
    public static String quote(String text) {
        return text.lines().map(Markdown::cell).collect(Collectors.joining("\n> ", "> ", ""));
    }
}
