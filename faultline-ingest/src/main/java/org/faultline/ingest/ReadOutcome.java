package org.faultline.ingest;

import java.util.Objects;
import org.faultline.model.Article;
import org.faultline.model.Failure;

/**
 * What reading one document gave: either an {@link Article} or a {@link Failure} with stage {@code read}.
 * Bad input never stops a batch; it becomes a {@code Failed} outcome in the same stream.
 */
public sealed interface ReadOutcome permits ReadOutcome.Read, ReadOutcome.Failed {

    /** Where the document came from ({@code file}, {@code file:line} or {@code -}). */
    String origin();

    /** A document that was read. */
    record Read(Article article) implements ReadOutcome {
        public Read {
            Objects.requireNonNull(article, "article");
        }

        @Override
        public String origin() {
            return article.origin();
        }
    }

    /** A document, file or line that could not be read. */
    record Failed(Failure failure) implements ReadOutcome {
        public Failed {
            Objects.requireNonNull(failure, "failure");
        }

        @Override
        public String origin() {
            return failure.origin();
        }
    }

    /** The stage name readers put on their failures. */
    String STAGE = "read";

    static ReadOutcome failed(String origin, String docId, String reason) {
        return new Failed(new Failure(origin, docId, STAGE, reason));
    }
}
