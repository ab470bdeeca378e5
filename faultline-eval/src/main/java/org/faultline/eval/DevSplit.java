package org.faultline.eval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The fixed halves of a development set: rules are tuned looking only at the <em>tune</em> half and kept only if
 * the <em>check</em> half does not drop, so that a rule fitted to sentences rather than to language shows itself.
 * A document's half is the parity of the first byte of the SHA-256 of its group: its id, less a trailing
 * sentence number {@code -sNNN}, so that all sentences of one narrative ({@code icbe-c002-s005},
 * {@code icbe-c002-s006}) fall in the same half. Even: tune; odd: check. Never changes, so figures of different
 * versions compare.
 */
public enum DevSplit {
    /** Every document. */
    ALL,
    /** The half whose misses may be read while writing rules. */
    TUNE,
    /** The half that only measures. */
    CHECK;

    private static final Pattern SENTENCE_SUFFIX = Pattern.compile("-s\\d+$");

    /** Whether the document with this id belongs to this split. */
    public boolean contains(String id) {
        return this == ALL || halfOf(id) == this;
    }

    /** {@link #TUNE} or {@link #CHECK} for a document id. */
    public static DevSplit halfOf(String id) {
        String group = SENTENCE_SUFFIX.matcher(id).replaceFirst("");
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(group.getBytes(StandardCharsets.UTF_8));
            return (d[0] & 1) == 0 ? TUNE : CHECK;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads "all", "tune" or "check" (any case); throws IllegalArgumentException naming the choices. */
    public static DevSplit parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown split '" + s + "'; expected all, tune or check", e);
        }
    }
}
