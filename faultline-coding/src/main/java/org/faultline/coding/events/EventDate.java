package org.faultline.coding.events;

import java.time.LocalDate;
import org.faultline.model.DatePrecision;

/**
 * An event date with its precision and the text it came from.
 *
 * @param date      first day of the period
 * @param precision how precise
 * @param text      the temporal expression, or {@code null} for the article-date fallback
 */
public record EventDate(LocalDate date, DatePrecision precision, String text) {
}
