package dev.fanout.formats;

import java.util.List;

/**
 * How a report or a what-if comparison is written out: the API's own JSON (by Jackson, where the answer is made),
 * Markdown or CSV (by the report's and the comparison's own renderers). A route that writes these chooses through
 * {@link #CHOICES}; the order there makes {@code text/*} pick Markdown.
 */
public enum Representation implements OutputFormat {
    JSON(OutputFormat.JSON.formatName(), List.of(), OutputFormat.JSON.mediaType()),
    MARKDOWN("markdown", List.of("md"), Representation.MARKDOWN_TYPE),
    CSV("csv", List.of(), Representation.CSV_TYPE);

    public static final String MARKDOWN_TYPE = "text/markdown";
    public static final String CSV_TYPE = "text/csv";

    /** JSON first: the default. */
    public static final OutputFormats<Representation> CHOICES = new OutputFormats<>(List.of(values()));

    private final String formatName;
    private final List<String> aliases;
    private final String mediaType;

    Representation(String formatName, List<String> aliases, String mediaType) {
        this.formatName = formatName;
        this.aliases = aliases;
        this.mediaType = mediaType;
    }

    /** What {@code ?format=} or {@code Accept} ask for: see {@link OutputFormats#choose}. */
    public static Representation choose(String format, String accept) {
        return CHOICES.choose(format, accept);
    }

    @Override
    public String formatName() {
        return formatName;
    }

    @Override
    public List<String> aliases() {
        return aliases;
    }

    @Override
    public String mediaType() {
        return mediaType;
    }

    /** The media type of the answer, with the charset of a text answer. */
    public String contentType() {
        return this == JSON ? mediaType : mediaType + ";charset=UTF-8";
    }
}
