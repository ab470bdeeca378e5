package org.faultline.coding;

import java.util.List;
import org.faultline.model.Article;
import org.faultline.model.Event;
import org.faultline.model.Failure;

/**
 * What coding one article produced: its events, or a failure naming the stage and reason, and the warnings about
 * parts of the article that were not coded (a sentence whose coding failed, a sentence too long to parse, text
 * that is not English) while the rest of it was.
 *
 * @param article   the input article
 * @param events    events found (empty when none or on failure)
 * @param sentences number of sentences in the article
 * @param failure   {@code null} unless coding the article as a whole failed
 * @param warnings  parts of the article left uncoded, each with its reason (stage {@code code-sentence},
 *                  {@code parse-sentence} or {@code language}); empty when none
 */
public record CodingResult(Article article, List<Event> events, int sentences, Failure failure,
                           List<Failure> warnings) {
    public CodingResult {
        events = List.copyOf(events);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A result with no warnings. */
    public CodingResult(Article article, List<Event> events, int sentences, Failure failure) {
        this(article, events, sentences, failure, List.of());
    }

    public boolean failed() {
        return failure != null;
    }
}
