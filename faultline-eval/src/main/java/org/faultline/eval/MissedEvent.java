package org.faultline.eval;

import java.util.List;
import java.util.Objects;

/**
 * A gold event that no prediction matched at tuple level.
 *
 * @param docId     its document
 * @param snippet   the start of the document's text (empty when gold has none)
 * @param event     the gold event
 * @param predicted every counted prediction for the document, to show what the coder said instead
 */
public record MissedEvent(String docId, String snippet, GoldEvent event, List<Prediction> predicted) {
    public MissedEvent {
        Objects.requireNonNull(docId, "docId");
        Objects.requireNonNull(snippet, "snippet");
        Objects.requireNonNull(event, "event");
        predicted = List.copyOf(predicted);
    }
}
