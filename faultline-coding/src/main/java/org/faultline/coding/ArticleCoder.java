package org.faultline.coding;

import org.faultline.model.Article;

/**
 * Codes one article into PLOVER events. Implementations are thread-safe after construction and load
 * their models and dictionaries once; a bad article gives a failed {@link CodingResult}, never an exception.
 */
public interface ArticleCoder {
    CodingResult code(Article article);

    /** Version string recorded on every event: coder version plus resource hashes. */
    String version();
}
