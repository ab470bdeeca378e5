package org.faultline.ingest;

import java.time.LocalDate;

/**
 * Settings shared by all readers.
 *
 * @param defaultDate date given to documents that carry none of their own (the CLI's {@code --date});
 *                    {@code null} when there is none, so that undated documents fail
 * @param maxBytes    largest document accepted, in bytes (for JSON Lines: largest line); the CLI's
 *                    {@code --max-bytes}
 * @param strictUtf8  {@code true} to reject input that is not valid UTF-8; {@code false} to replace
 *                    bad bytes with U+FFFD and go on
 * @param dateHint    how the caller takes a default date, for the message of an undated document
 *                    ({@code --date YYYY-MM-DD} on the command line)
 * @throws IllegalArgumentException for a limit under one byte or an implausible default date (see
 *                                  {@link PublicationDates#implausible})
 */
public record ReadOptions(LocalDate defaultDate, long maxBytes, boolean strictUtf8, String dateHint) {

    /** Five mebibytes. */
    public static final long DEFAULT_MAX_BYTES = 5L * 1024 * 1024;

    /** How the command line takes a default date. */
    public static final String CLI_DATE_HINT = "--date YYYY-MM-DD";

    public ReadOptions {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1, got " + maxBytes);
        }
        if (defaultDate != null) {
            PublicationDates.implausible(defaultDate).ifPresent(reason -> {
                throw new IllegalArgumentException(reason);
            });
        }
        java.util.Objects.requireNonNull(dateHint, "dateHint");
    }

    /** No default date, a 5 MB limit, strict UTF-8, the command line's date hint. */
    public static ReadOptions defaults() {
        return new ReadOptions(null, DEFAULT_MAX_BYTES, true, CLI_DATE_HINT);
    }

    public ReadOptions withDefaultDate(LocalDate date) {
        return new ReadOptions(date, maxBytes, strictUtf8, dateHint);
    }

    public ReadOptions withMaxBytes(long bytes) {
        return new ReadOptions(defaultDate, bytes, strictUtf8, dateHint);
    }

    public ReadOptions withStrictUtf8(boolean strict) {
        return new ReadOptions(defaultDate, maxBytes, strict, dateHint);
    }

    /** The same options for a caller that takes its default date another way (an API's {@code date} field). */
    public ReadOptions withDateHint(String hint) {
        return new ReadOptions(defaultDate, maxBytes, strictUtf8, hint);
    }

    /** "no date: give --date YYYY-MM-DD or {@code own}", the reason of an undated document. */
    String noDate(String own) {
        return "no date: give " + dateHint + " or " + own;
    }
}
