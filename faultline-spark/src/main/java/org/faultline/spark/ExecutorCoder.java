package org.faultline.spark;

import org.faultline.coding.ArticleCoder;
import org.faultline.coding.RuleBasedCoder;
import org.faultline.coding.kb.KbOverlay;
import org.faultline.coding.kb.KnowledgeBase;
import org.faultline.nlp.CoreNlpPipeline;

/**
 * The one coder of this JVM: the same {@link RuleBasedCoder} over CoreNLP and the bundled knowledge base that
 * the command line builds (with the overlay directory that {@code FAULTLINE_KB} names in the executor's
 * environment, e.g. {@code --conf spark.executorEnv.FAULTLINE_KB=/shared/kb}), created on first use and then shared by every task that runs in the JVM (on a
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
                    c = new RuleBasedCoder(new CoreNlpPipeline(), knowledgeBase(System.getenv()));
                    loadSeconds = (System.nanoTime() - t0) / 1e9;
                    coder = c;
                }
            }
        }
        return c;
    }

    /** The bundled knowledge base, with the overlay {@code FAULTLINE_KB} names in {@code env} when it names one. */
    static KnowledgeBase knowledgeBase(java.util.Map<String, String> env) {
        try {
            return KnowledgeBase.load(KbOverlay.fromEnvironment(env).map(KbOverlay::read).orElse(null),
                    java.util.List.of());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Seconds the load took in this JVM, or NaN while nothing was loaded. */
    public static double loadSeconds() {
        return loadSeconds;
    }
}
