package dev.fanout.formats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import dev.fanout.plan.TimeUnit;

/**
 * Plan time on calendar dates: a plan counts time in its unit from when it began; a calendar needs dates. Work happens
 * on MPXJ's (and Microsoft Project's) standard calendar: Monday to Friday, 08:00–12:00 and 13:00–17:00, so a day is 8
 * working hours and a week 5 working days. The plan begins at 08:00 on {@code start}, or on the Monday after it when
 * it falls on a weekend. Times are local (no time zone): a schedule is made of working days, wherever they are.
 */
public record WorkingCalendar(LocalDate start, TimeUnit unit) {

    public static final int HOURS_PER_DAY = 8;
    public static final int DAYS_PER_WEEK = 5;
    static final int MINUTES_PER_DAY = HOURS_PER_DAY * 60;
    private static final LocalTime MORNING = LocalTime.of(8, 0);
    private static final LocalTime AFTERNOON = LocalTime.of(13, 0);
    private static final int MORNING_MINUTES = 4 * 60;

    /** Working minutes in one unit of plan time. */
    public int minutesPerUnit() {
        return switch (unit) {
            case HOURS -> 60;
            case DAYS -> MINUTES_PER_DAY;
            case WEEKS -> MINUTES_PER_DAY * DAYS_PER_WEEK;
        };
    }

    /** Working minutes in {@code time} of the plan's unit, to the nearest minute (a calendar shows no finer). */
    public long minutes(double time) {
        return BigDecimal.valueOf(time).multiply(BigDecimal.valueOf(minutesPerUnit()))
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /**
     * When work that starts at plan time {@code time} begins: at a boundary between working periods, the start of the
     * next one (work starting after 4 hours starts at 13:00, not at 12:00).
     */
    public LocalDateTime startAt(double time) {
        long minutes = minutes(time);
        return at(minutes / MINUTES_PER_DAY, minutes % MINUTES_PER_DAY, false);
    }

    /**
     * When work that ends at plan time {@code time} ends: at a boundary between working periods, the end of the one
     * before (a day's work ends at 17:00 that day, not at 08:00 the next).
     */
    public LocalDateTime finishAt(double time) {
        long minutes = minutes(time);
        if (minutes > 0 && minutes % MINUTES_PER_DAY == 0) {
            return at(minutes / MINUTES_PER_DAY - 1, MINUTES_PER_DAY, true);
        }
        return at(minutes / MINUTES_PER_DAY, minutes % MINUTES_PER_DAY, true);
    }

    private LocalDateTime at(long workingDay, long minuteOfDay, boolean finish) {
        var date = day(workingDay);
        boolean morning = finish ? minuteOfDay <= MORNING_MINUTES : minuteOfDay < MORNING_MINUTES;
        var time = morning ? MORNING.plusMinutes(minuteOfDay) : AFTERNOON.plusMinutes(minuteOfDay - MORNING_MINUTES);
        return date.atTime(time);
    }

    /** The date of working day {@code n} (0: the first). */
    LocalDate day(long n) {
        var date = start;
        while (isWeekend(date)) {
            date = date.plusDays(1);
        }
        // Whole weeks at once, then day by day: a long plan does not walk every day.
        date = date.plusWeeks(n / DAYS_PER_WEEK);
        for (long left = n % DAYS_PER_WEEK; left > 0; left--) {
            date = date.plusDays(1);
            while (isWeekend(date)) {
                date = date.plusDays(1);
            }
        }
        return date;
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
