package org.faultline.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One news document as read from its source, before any analysis.
 *
 * @param id     stable document id (given by the source, or derived from the file name or content hash)
 * @param date   publication date; relative dates in the text are resolved against it
 * @param text   the document text; every span offset in Faultline points into this string
 * @param title  title when known, else {@code null}
 * @param source outlet or feed name when known, else {@code null}
 * @param url    address when known, else {@code null}
 * @param origin where it was read from ({@code file}, {@code file:line} or {@code -}), for messages
 */
public record Article(String id, LocalDate date, String text, String title, String source, String url, String origin) {
    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(text, "text");
        if (id.isBlank()) {
            throw new IllegalArgumentException("article id is blank (origin " + origin + ")");
        }
    }

    public static Article of(String id, LocalDate date, String text) {
        return new Article(id, date, text, null, null, null, id);
    }
}
