package org.faultline.eval;

import java.util.List;
import java.util.Objects;

/**
 * One gold document (a sentence or short report) and the events it holds.
 *
 * @param id     document id, matched against a prediction's {@code doc_id}
 * @param date   date as written in the gold file, or {@code null}
 * @param text   the text, or {@code null}; used only in reports
 * @param events gold events; may be empty (a document with no event)
 * @param line   1-based line of the gold file it came from, or 0 when built in memory
 */
public record GoldDocument(String id, String date, String text, List<GoldEvent> events, int line) {
    public GoldDocument {
        Objects.requireNonNull(id, "id");
        events = List.copyOf(Objects.requireNonNull(events, "events of gold document " + id));
        if (line < 0) {
            throw new IllegalArgumentException("line " + line + " of gold document " + id + " is negative");
        }
    }
}
