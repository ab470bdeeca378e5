package org.faultline.eval;

import java.util.List;
import java.util.Objects;

/**
 * The predictions read from one JSON Lines file, with the lines that could not be read.
 *
 * @param predictions every prediction in file order, including negated ones and those for unknown
 *                    documents (the scorer decides what counts)
 * @param unparseable lines that were not a JSON object
 */
public record PredictionBatch(List<Prediction> predictions, List<UnparseableLine> unparseable) {
    public PredictionBatch {
        predictions = List.copyOf(Objects.requireNonNull(predictions, "predictions"));
        unparseable = List.copyOf(Objects.requireNonNull(unparseable, "unparseable"));
    }
}
