package org.faultline.coding;

import org.faultline.coding.kb.KnowledgeBase;
import org.faultline.nlp.CoreNlpPipeline;
import org.faultline.nlp.NlpPipeline;

/**
 * The real coder with the real CoreNLP models, built once per test JVM (loading takes 10-40 s); its pipeline is
 * shared with tests that need a real parse of their own sentences.
 */
public final class SharedCoder {
    private static volatile CoreNlpPipeline nlp;
    private static volatile RuleBasedCoder coder;

    private SharedCoder() {
    }

    /** The CoreNLP pipeline the shared coder parses with. */
    public static NlpPipeline nlp() {
        CoreNlpPipeline p = nlp;
        if (p == null) {
            synchronized (SharedCoder.class) {
                p = nlp;
                if (p == null) {
                    p = new CoreNlpPipeline();
                    nlp = p;
                }
            }
        }
        return p;
    }

    public static RuleBasedCoder get() {
        RuleBasedCoder c = coder;
        if (c == null) {
            synchronized (SharedCoder.class) {
                c = coder;
                if (c == null) {
                    c = new RuleBasedCoder(nlp(), KnowledgeBase.loadBundled());
                    coder = c;
                }
            }
        }
        return c;
    }
}
