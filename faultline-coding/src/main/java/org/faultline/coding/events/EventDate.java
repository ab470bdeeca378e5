package org.faultline.coding.events;

import java.time.LocalDate;
import org.faultline.model.DatePrecision;
import org.faultline.model.TextSpan;

/**
 * An event date with its precision and the words it came from.
 *
 * @param date       first day of the period
 * @param precision  how precise
 * @param expression the temporal expression with its span in the document text, or {@code null} for the
 *                   article-date fallback
 */
public record EventDate(LocalDate date, DatePrecision precision, TextSpan expression) {

    /** The temporal expression as written, or {@code null} for the article-date fallback. */
    public String text() {
        return expression == null ? null : expression.text();
    }
}
