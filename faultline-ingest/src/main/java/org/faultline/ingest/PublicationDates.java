package org.faultline.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the publication dates that documents carry: {@code 2024-11-14}, ISO timestamps (their date part,
 * as written, without shifting time zones), {@code 2024/11/14}, {@code 14 November 2024},
 * {@code November 14, 2024}, month abbreviations, an optional leading weekday and trailing time.
 * A publication date is plausible from {@link #EARLIEST} to a year after today (UTC); readers refuse
 * others, which would otherwise stretch every date range of the store ({@code 0000-01-01}).
 * Stateless and thread-safe.
 */
public final class PublicationDates {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("january", 1),
            Map.entry("feb", 2), Map.entry("february", 2),
            Map.entry("mar", 3), Map.entry("march", 3),
            Map.entry("apr", 4), Map.entry("april", 4),
            Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("june", 6),
            Map.entry("jul", 7), Map.entry("july", 7),
            Map.entry("aug", 8), Map.entry("august", 8),
            Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("september", 9),
            Map.entry("oct", 10), Map.entry("october", 10),
            Map.entry("nov", 11), Map.entry("november", 11),
            Map.entry("dec", 12), Map.entry("december", 12));

    private static final String WEEKDAY = "(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\\.?,?\\s+)?";
    private static final String END = "(?![\\p{Alnum}])";

    private static final Pattern NUMERIC = Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})" + "(?![\\d])");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            WEEKDAY + "(\\d{1,2})(?:st|nd|rd|th)?\\s+([a-z]+)\\.?,?\\s+(\\d{4})" + END, Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            WEEKDAY + "([a-z]+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})" + END, Pattern.CASE_INSENSITIVE);

    /** The earliest plausible publication date. */
    public static final LocalDate EARLIEST = LocalDate.of(1800, 1, 1);

    private PublicationDates() {
    }

    /** The latest plausible publication date: a year after today, in UTC. */
    public static LocalDate latest() {
        return LocalDate.now(ZoneOffset.UTC).plusYears(1);
    }

    /** Why {@code date} cannot be a publication date, or empty when it is plausible. */
    public static Optional<String> implausible(LocalDate date) {
        LocalDate latest = latest();
        if (date.isBefore(EARLIEST) || date.isAfter(latest)) {
            return Optional.of("date " + date + " is implausible for a publication: give one from " + EARLIEST
                    + " to " + latest);
        }
        return Optional.empty();
    }

    /** The date in {@code text}, or empty when it is blank or not a date this class knows. */
    public static Optional<LocalDate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 1) == s.charAt(0)) {
            s = s.substring(1, s.length() - 1).strip();
        }
        Matcher m = NUMERIC.matcher(s);
        if (m.lookingAt()) {
            return date(m.group(1), Integer.parseInt(m.group(2)), m.group(3));
        }
        m = DAY_MONTH_YEAR.matcher(s);
        if (m.lookingAt()) {
            Integer month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
            return month == null ? Optional.empty() : date(m.group(3), month, m.group(1));
        }
        m = MONTH_DAY_YEAR.matcher(s);
        if (m.lookingAt()) {
            Integer month = MONTHS.get(m.group(1).toLowerCase(Locale.ROOT));
            return month == null ? Optional.empty() : date(m.group(3), month, m.group(2));
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> date(String year, int month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), month, Integer.parseInt(day)));
        } catch (DateTimeException e) {
            // 2024-02-31 and the like: a date-shaped string that names no day.
            return Optional.empty();
        }
    }
}
