package org.faultline.store;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** A calendar bucket for time series; weeks start on Monday (ISO), as SQL {@code date_trunc('week')}. */
public enum Period {
    WEEK, MONTH, YEAR;

    /** The first day of the period containing {@code d}. */
    public LocalDate start(LocalDate d) {
        switch (this) {
            case WEEK:
                return d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH:
                return d.withDayOfMonth(1);
            default:
                return d.withDayOfYear(1);
        }
    }

    String sqlUnit() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Period parse(String s) {
        for (Period p : values()) {
            if (p.name().equalsIgnoreCase(s.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown period '" + s + "'; expected week, month or year");
    }
}
