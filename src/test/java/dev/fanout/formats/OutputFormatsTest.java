package dev.fanout.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Choosing what a route writes: {@code ?format=} first, then {@code Accept} by weight and order, a wildcard taking the
 * first format it covers; JSON without either; an unknown name is a 400, a header naming nothing written a 406.
 */
class OutputFormatsTest {

    @Test
    void jsonWithoutAFormatOrAHeaderAndForEveryType() {
        assertEquals(Representation.JSON, Representation.choose(null, null));
        assertEquals(Representation.JSON, Representation.choose(null, " "));
        assertEquals(Representation.JSON, Representation.choose(null, "*/*"));
        assertEquals(OutputFormat.JSON, ScheduleFormats.choose(null, "application/*"));
        // What a browser sends for a page: nothing it names is written, but */* takes the default.
        assertEquals(Representation.JSON,
                Representation.choose(null, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
    }

    @Test
    void theFormatParameterWinsOverTheHeader() {
        assertEquals(Representation.CSV, Representation.choose("CSV", "text/markdown"));
        assertEquals(Representation.MARKDOWN, Representation.choose("md", "application/pdf"));
        assertEquals("ics", ScheduleFormats.choose("ical", "application/json").formatName());
        assertEquals("mspdi", ScheduleFormats.choose("msproject", null).formatName());
    }

    @Test
    void theMostWantedTypeWinsThenTheHeadersOrder() {
        assertEquals(Representation.CSV, Representation.choose(null, "text/csv, text/markdown"));
        assertEquals(Representation.MARKDOWN, Representation.choose(null, "text/csv;q=0.5, text/markdown"));
        assertEquals(Representation.MARKDOWN, Representation.choose(null, "application/pdf, text/markdown;charset=UTF-8"));
        assertEquals(Representation.MARKDOWN, Representation.choose(null, "text/csv;q=0, text/*"), "q=0 refuses CSV");
    }

    @Test
    void aWildcardTakesTheFirstFormatItCovers() {
        assertEquals(Representation.MARKDOWN, Representation.choose(null, "text/*"));
        assertEquals("ics", ScheduleFormats.choose(null, "text/*").formatName());
        assertTrue(ScheduleFormats.choose(null, "application/vnd.ms-project+xml") instanceof MspdiWriter);
    }

    @Test
    void anUnknownNameIsRefusedListingTheKnownOnes() {
        assertEquals("format = pdf: must be json, mspdi (Microsoft Project XML) or ics (iCalendar)",
                assertThrows(UnknownFormat.class, () -> ScheduleFormats.choose("pdf", null)).getMessage());
        assertEquals("format = PDF: must be json, markdown or csv",
                assertThrows(UnknownFormat.class, () -> Representation.choose("PDF", "text/csv")).getMessage());
    }

    @Test
    void aHeaderNamingNothingWrittenIsRefusedListingWhatIs() {
        assertEquals("Accept: application/pdf names no type this route writes: ask for application/json, text/markdown "
                + "or text/csv (or any with */*), or name one with ?format=json|markdown|csv",
                assertThrows(NotAcceptable.class, () -> Representation.choose(null, "application/pdf")).getMessage());
        assertThrows(NotAcceptable.class, () -> ScheduleFormats.choose(null, "image/*, application/xml"));
        assertThrows(NotAcceptable.class, () -> Representation.choose(null, "text/markdown;q=0"));
    }
}
