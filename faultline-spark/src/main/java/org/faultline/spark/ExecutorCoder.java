package org.faultline.spark;

import org.faultline.coding.ArticleCoder;
import org.faultline.coding.RuleBasedCoder;
import org.faultline.coding.kb.KnowledgeBase;
import org.faultline.nlp.CoreNlpPipeline;

/**
 * The one coder of this JVM: the same {@link RuleBasedCoder} over CoreNLP and the bundled knowledge base that
 * the command line builds, created on first use and then shared by every task that runs in the JVM (on a
 * cluster, each executor loads the models once; in local mode the driver's JVM is the executor). Loading takes
 * tens of seconds and about 1.5 GB of heap. Thread-safe.
 */
public final class ExecutorCoder {
    private static volatile ArticleCoder coder;
    private static volatile double loadSeconds = Double.NaN;

    private ExecutorCoder() {
    }

    /** The coder, loading it on the first call (later callers wait for that load). */
    public static ArticleCoder get() {
        ArticleCoder c = coder;
        if (c == null) {
            synchronized (ExecutorCoder.class) {
                c = coder;
                if (c == null) {
                    long t0 = System.nanoTime();
                    c = new RuleBasedCoder(new CoreNlpPipeline(), KnowledgeBase.loadBundled());
                    loadSeconds = (System.nanoTime() - t0) / 1e9;
                    coder = c;
                }
            }
        }
        return c;
    }

    /** Seconds the load took in this JVM, or NaN while nothing was loaded. */
    public static double loadSeconds() {
        return loadSeconds;
    }
}
