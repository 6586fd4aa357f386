package dev.fanout.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Choosing a plan's reader: {@code ?format=} first, then Content-Type, JSON without either; unknown ones listed. */
class PlanFormatsTest {

    @Test
    void theFormatParameterWinsOverTheContentType() {
        assertEquals("yaml", PlanFormats.forRequest("YAML", "application/json").name());
        assertEquals("imopse", PlanFormats.forRequest("def", "application/octet-stream").name());
    }

    @Test
    void withoutAFormatTheContentTypeChooses() {
        assertEquals("json", PlanFormats.forRequest(null, null).name());
        assertEquals("json", PlanFormats.forRequest(null, "*/*").name());
        assertEquals("json", PlanFormats.forRequest(null, "application/json; charset=UTF-8").name());
        assertEquals("yaml", PlanFormats.forRequest(null, "text/x-yaml").name());
        assertEquals("imopse", PlanFormats.forRequest(null, "text/plain").name());
    }

    @Test
    void anUnknownFormatIsRefusedListingTheKnownOnes() {
        var refused = assertThrows(UnknownFormat.class, () -> PlanFormats.forRequest("pdf", null));
        assertEquals("format = pdf: must be one of " + String.join(", ", PlanFormats.names()), refused.getMessage());
        assertTrue(PlanFormats.names().containsAll(java.util.List.of("json", "yaml", "imopse", "def")));
    }

    @Test
    void anUnknownContentTypeIsRefusedListingWhatIsRead() {
        var refused = assertThrows(UnsupportedPlanFormat.class, () -> PlanFormats.forRequest(null, "application/xml"));
        assertTrue(refused.getMessage().startsWith("Content-Type application/xml is not a plan format"), refused.getMessage());
        for (var format : PlanFormats.ALL) {
            assertTrue(refused.getMessage().contains(format.name() + " as "), refused.getMessage());
        }
        assertTrue(refused.getMessage().contains("application/yaml"), refused.getMessage());
    }
}
