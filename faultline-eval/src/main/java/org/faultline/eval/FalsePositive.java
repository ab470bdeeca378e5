package org.faultline.eval;

import java.util.Objects;

/**
 * A counted prediction that matched no gold event of its document at tuple level. On sentence-level gold
 * some of these are real events the gold record does not list.
 *
 * @param docId      its document
 * @param snippet    the start of the document's text (empty when gold has none)
 * @param prediction the prediction
 */
public record FalsePositive(String docId, String snippet, Prediction prediction) {
    public FalsePositive {
        Objects.requireNonNull(docId, "docId");
        Objects.requireNonNull(snippet, "snippet");
        Objects.requireNonNull(prediction, "prediction");
    }
}
