package dev.fanout.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import dev.fanout.plan.TimeUnit;

/** Plan time on working days: Monday to Friday, 08:00–12:00 and 13:00–17:00. */
class WorkingCalendarTest {

    private static final LocalDate FRIDAY = LocalDate.of(2026, 12, 4);

    private static LocalDateTime at(int month, int day, int hour) {
        return LocalDateTime.of(2026, month, day, hour, 0);
    }

    @Test
    void aDayEndsAtFiveAndTheNextStartsOnMonday() {
        var days = new WorkingCalendar(FRIDAY, TimeUnit.DAYS);
        assertEquals(at(12, 4, 8), days.startAt(0));
        assertEquals(at(12, 4, 17), days.finishAt(1));
        assertEquals(at(12, 7, 8), days.startAt(1));
        assertEquals(at(12, 14, 8), days.startAt(6));
    }

    @Test
    void halfADayEndsAtNoonAndTheOtherHalfStartsAfterLunch() {
        var days = new WorkingCalendar(FRIDAY, TimeUnit.DAYS);
        assertEquals(at(12, 4, 12), days.finishAt(0.5));
        assertEquals(at(12, 4, 13), days.startAt(0.5));
        assertEquals(LocalDateTime.of(2026, 12, 7, 15, 0), days.finishAt(1.75));
    }

    @Test
    void aWeekIsFiveWorkingDaysAndAnHourAnHour() {
        var weeks = new WorkingCalendar(FRIDAY, TimeUnit.WEEKS);
        assertEquals(at(12, 10, 17), weeks.finishAt(1));
        assertEquals(at(12, 11, 8), weeks.startAt(1));
        var hours = new WorkingCalendar(FRIDAY, TimeUnit.HOURS);
        assertEquals(at(12, 7, 9), hours.finishAt(9));
        assertEquals(LocalDateTime.of(2026, 12, 4, 8, 30), hours.startAt(0.5));
    }

    @Test
    void aPlanStartingOnAWeekendStartsOnMonday() {
        var days = new WorkingCalendar(LocalDate.of(2026, 12, 5), TimeUnit.DAYS);
        assertEquals(at(12, 7, 8), days.startAt(0));
        assertEquals(at(12, 11, 17), days.finishAt(5));
    }
}
