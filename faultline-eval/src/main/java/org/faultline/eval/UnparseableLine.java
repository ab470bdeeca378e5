package org.faultline.eval;

import java.util.Objects;

/**
 * A prediction line that could not be read: counted in the report, never silently dropped.
 *
 * @param line   1-based line number in the prediction file
 * @param reason what was wrong
 */
public record UnparseableLine(int line, String reason) {
    public UnparseableLine {
        if (line < 1) {
            throw new IllegalArgumentException("line " + line + " is not >= 1");
        }
        Objects.requireNonNull(reason, "reason");
    }
}
