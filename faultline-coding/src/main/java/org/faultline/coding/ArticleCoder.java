package org.faultline.coding;

import org.faultline.model.Article;

/**
 * Codes one article into PLOVER events. Implementations are thread-safe after construction and load
 * their models and dictionaries once; a bad article gives a failed {@link CodingResult}, never an exception.
 */
public interface ArticleCoder {
    CodingResult code(Article article);

    /**
     * Codes an article that continues a narrative whose earlier part, {@code preceding}, is read for who is who but
     * not coded (see {@link RuleBasedCoder#code(Article, String)}). A coder that keeps no document context codes
     * the article alone.
     */
    default CodingResult code(Article article, String preceding) {
        return code(article);
    }

    /** Version string recorded on every event: coder version plus resource hashes. */
    String version();
}
