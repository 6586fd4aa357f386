package dev.fanout.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.fanout.analysis.Listing;
import dev.fanout.analysis.StartReasons;
import dev.fanout.plan.ClaimMetric;

/** The small text functions every report shares, each figure worked out by hand. */
class TextTest {

    @Test
    void aTableCellKeepsItsPipesAndLosesItsLineBreaks() {
        assertEquals("a \\| b c d", Markdown.cell("a | b\nc\r\nd"));
    }

    @Test
    void aBlockQuoteQuotesEveryLine() {
        assertEquals("> first \\| line\n> \n> third", Markdown.quote("first | line\n\nthird"));
    }

    @Test
    void savingsAgainstALongerSchedule() {
        assertEquals(55.0, Savings.percent(40, 18), "22 / 40");
        assertEquals(2.22, Savings.speedup(40, 18), "40 / 18 = 2.222…");
        assertEquals(0, Savings.percent(0, 0));
        assertEquals(1, Savings.speedup(0, 0));
    }

    @Test
    void anAmountOfOneIsSingular() {
        assertEquals("1 day", Numbers.amount(1, "days"));
        assertEquals("1 week", Numbers.amount(1.0001, "weeks"), "1.0001 is written 1");
        assertEquals("0.5 days", Numbers.amount(0.5, "days"));
        assertEquals("0 hours", Numbers.amount(0, "hours"));
        assertEquals("2.5 weeks", Numbers.amount(2.5, "weeks"));
        assertEquals("7–8 weeks", Numbers.withUnit("7–8", "weeks"));
        assertEquals("1 week", ClaimChecks.withUnit(ClaimMetric.PARALLEL, "1", "weeks"));
        assertEquals("1×", ClaimChecks.withUnit(ClaimMetric.SPEEDUP, "1", "weeks"));
        assertEquals("1 %", ClaimChecks.withUnit(ClaimMetric.SAVINGS_PERCENT, "1", "weeks"));
    }

    @Test
    void longListsAreCut() {
        assertEquals("A, B", Listing.upTo(List.of("A", "B"), 2));
        assertEquals("A, B and 2 more", Listing.upTo(List.of("A", "B", "C", "D"), 2));
    }

    @Test
    void kindsAreNamedAsInJson() {
        assertEquals("dependency", JsonNames.of(StartReasons.Kind.DEPENDENCY));
        assertEquals("criticalPath", JsonNames.of(Report.ClaimCheck.ComputedFrom.CRITICAL_PATH));
    }
}
