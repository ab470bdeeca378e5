package org.faultline.model;

import java.util.Objects;

/**
 * A document that could not be read or coded. Never fatal to a batch: counted, reported, stored.
 *
 * @param origin where it came from ({@code file}, {@code file:line}, {@code -:line})
 * @param docId  the document id when known, else {@code null}
 * @param stage  the stage that failed (read, parse, code, store)
 * @param reason a sentence a user can act on
 */
public record Failure(String origin, String docId, String stage, String reason) {
    public Failure {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(reason, "reason");
    }

    /** The one-line message printed on stderr. */
    public String message() {
        return origin + ": " + reason + (docId == null ? "" : " (document " + docId + ")");
    }
}
