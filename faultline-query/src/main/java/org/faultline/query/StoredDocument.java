package org.faultline.query;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A stored document.
 *
 * @param contentHash its identity, the {@link ContentHash} of its text
 * @param docId       the id it was read with
 * @param date        publication date
 * @param title       title or {@code null}
 * @param source      outlet or {@code null}
 * @param url         address or {@code null}
 * @param origin      where it was read from or {@code null}
 * @param status      {@code coded}
 * @param eventCount  events coded from it
 * @param text        the text, or {@code null} in listings
 * @param ingestedAt  when it was stored (UTC; stores written before schema 4 hold the server's local time)
 */
public record StoredDocument(String contentHash, String docId, LocalDate date, String title, String source, String url,
                             String origin, String status, int eventCount, String text,
                             LocalDateTime ingestedAt) {
    public StoredDocument {
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(docId, "docId");
        Objects.requireNonNull(date, "date of document " + docId);
    }
}
