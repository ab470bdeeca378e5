package org.faultline.coding;

import org.faultline.coding.kb.KnowledgeBase;
import org.faultline.nlp.CoreNlpPipeline;

/** The real coder with the real CoreNLP models, built once per test JVM (loading takes 10-40 s). */
public final class SharedCoder {
    private static volatile RuleBasedCoder coder;

    private SharedCoder() {
    }

    public static RuleBasedCoder get() {
        RuleBasedCoder c = coder;
        if (c == null) {
            synchronized (SharedCoder.class) {
                c = coder;
                if (c == null) {
                    c = new RuleBasedCoder(new CoreNlpPipeline(), KnowledgeBase.loadBundled());
                    coder = c;
                }
            }
        }
        return c;
    }
}
