package dev.fanout.formats;

import java.util.List;

/**
 * What {@code GET /api/plans/{id}/schedule} writes (CONTRACT §8): the API's own JSON (the default), Microsoft Project
 * XML and iCalendar, chosen by {@code ?format=} or {@code Accept} ({@link OutputFormats}). {@code text/*} picks
 * iCalendar, {@code application/*} JSON.
 */
public final class ScheduleFormats {

    public static final OutputFormats<OutputFormat> CHOICES =
            new OutputFormats<>(List.of(OutputFormat.JSON, new MspdiWriter(), new IcsWriter()));

    private ScheduleFormats() {
    }

    /** JSON, or the {@link ScheduleWriter} of a file format. */
    public static OutputFormat choose(String format, String accept) {
        return CHOICES.choose(format, accept);
    }
}
