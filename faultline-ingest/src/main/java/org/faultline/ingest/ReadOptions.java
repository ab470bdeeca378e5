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
 */
public record ReadOptions(LocalDate defaultDate, long maxBytes, boolean strictUtf8) {

    /** Five mebibytes. */
    public static final long DEFAULT_MAX_BYTES = 5L * 1024 * 1024;

    public ReadOptions {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1, got " + maxBytes);
        }
    }

    /** No default date, a 5 MB limit, strict UTF-8. */
    public static ReadOptions defaults() {
        return new ReadOptions(null, DEFAULT_MAX_BYTES, true);
    }

    public ReadOptions withDefaultDate(LocalDate date) {
        return new ReadOptions(date, maxBytes, strictUtf8);
    }

    public ReadOptions withMaxBytes(long bytes) {
        return new ReadOptions(defaultDate, bytes, strictUtf8);
    }

    public ReadOptions withStrictUtf8(boolean strict) {
        return new ReadOptions(defaultDate, maxBytes, strict);
    }
}
