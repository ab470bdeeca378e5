package org.faultline.coding;

import java.util.List;
import org.faultline.model.Article;
import org.faultline.model.Event;
import org.faultline.model.Failure;

/**
 * What coding one article produced: its events, or a failure naming the stage and reason.
 *
 * @param article   the input article
 * @param events    events found (empty when none or on failure)
 * @param sentences number of sentences in the article
 * @param failure   {@code null} unless coding failed
 */
public record CodingResult(Article article, List<Event> events, int sentences, Failure failure) {
    public CodingResult {
        events = List.copyOf(events);
    }

    public boolean failed() {
        return failure != null;
    }
}
