package org.faultline.query;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** A calendar bucket for time series; weeks start on Monday (ISO), as SQL {@code date_trunc('week')}. */
public enum Period {
    WEEK, MONTH, QUARTER, YEAR;

    /** The first day of the period containing {@code d}. */
    public LocalDate start(LocalDate d) {
        switch (this) {
            case WEEK:
                return d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH:
                return d.withDayOfMonth(1);
            case QUARTER:
                return LocalDate.of(d.getYear(), (d.getMonthValue() - 1) / 3 * 3 + 1, 1);
            default:
                return d.withDayOfYear(1);
        }
    }

    /** The first day of the next period after the one starting on {@code start}. */
    public LocalDate next(LocalDate start) {
        switch (this) {
            case WEEK:
                return start.plusWeeks(1);
            case MONTH:
                return start.plusMonths(1);
            case QUARTER:
                return start.plusMonths(3);
            default:
                return start.plusYears(1);
        }
    }

    /** A short label of the period starting on {@code start}: the day (weeks), 2024-03, 2024 Q1 or 2024. */
    public String label(LocalDate start) {
        switch (this) {
            case WEEK:
                return start.toString();
            case MONTH:
                return start.toString().substring(0, 7);
            case QUARTER:
                return start.getYear() + " Q" + ((start.getMonthValue() - 1) / 3 + 1);
            default:
                return Integer.toString(start.getYear());
        }
    }

    public static Period parse(String s) {
        for (Period p : values()) {
            if (p.name().equalsIgnoreCase(s.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown period '" + s + "'; expected week, month, quarter or year");
    }
}
