package org.faultline.model;

import java.util.Objects;

/**
 * Words of a document that a field of an event was read from.
 *
 * @param text  the words as written: the document text between {@code start} and {@code end}
 * @param start half-open character span into the document text
 * @param end   end of that span (exclusive)
 */
public record TextSpan(String text, int start, int end) {
    public TextSpan {
        Objects.requireNonNull(text, "text");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + "," + end + ") for '" + text + "'");
        }
    }
}
