package org.faultline.server;

import org.faultline.coding.ArticleCoder;
import org.faultline.coding.RuleBasedCoder;
import org.faultline.coding.kb.KnowledgeBase;
import org.faultline.nlp.CoreNlpPipeline;

/** The real coder, loaded once per test JVM (seconds, about 1.5 GB) and shared by the integration tests. */
final class RealCoder {
    private static final LazyCoder CODER = new LazyCoder(
            () -> new RuleBasedCoder(new CoreNlpPipeline(), KnowledgeBase.loadBundled()));

    private RealCoder() {
    }

    static ArticleCoder get() {
        return CODER.get();
    }
}
