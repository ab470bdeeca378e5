package org.faultline.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.faultline.coding.ArticleCoder;
import org.faultline.coding.Coders;
import org.faultline.coding.RuleBasedCoder;
import org.faultline.coding.kb.KnowledgeBase;
import org.faultline.nlp.CoreNlpPipeline;
import org.faultline.nlp.NlpPipeline;

/**
 * The coders of this JVM: the same {@link RuleBasedCoder} over CoreNLP and the bundled knowledge base that the
 * command line builds, created on first use and then shared by every task that runs in the JVM (on a cluster, each
 * executor loads the models once; in local mode the driver's JVM is the executor). Loading takes tens of seconds
 * and about 1.5 GB of heap. The knowledge base has the overlay the job shipped ({@code --kb DIR},
 * {@link OverlayFiles}), else the directory that {@code FAULTLINE_KB} names in the executor's environment (e.g.
 * {@code --conf spark.executorEnv.FAULTLINE_KB=/shared/kb}). One coder per overlay, all over one CoreNLP pipeline.
 * Thread-safe.
 */
public final class ExecutorCoder {
    private static volatile NlpPipeline nlp;
    private static volatile ArticleCoder coder;
    private static final Map<String, ArticleCoder> WITH_OVERLAY = new ConcurrentHashMap<>();
    private static volatile double loadSeconds = Double.NaN;

    private ExecutorCoder() {
    }

    /** The coder with the overlay {@code FAULTLINE_KB} names, if any, loading it on the first call. */
    public static ArticleCoder get() {
        ArticleCoder c = coder;
        if (c == null) {
            synchronized (ExecutorCoder.class) {
                c = coder;
                if (c == null) {
                    long t0 = System.nanoTime();
                    c = Coders.create(pipeline(), knowledgeBase(System.getenv()));
                    loaded(t0);
                    coder = c;
                }
            }
        }
        return c;
    }

    /**
     * The coder with {@code overlay} laid over the bundled knowledge base ({@code null}: {@link #get()}), loading it
     * on the first call for that overlay: the files are written into a scratch folder, read, and the folder deleted.
     */
    public static ArticleCoder get(OverlayFiles overlay) {
        if (overlay == null) {
            return get();
        }
        return WITH_OVERLAY.computeIfAbsent(overlay.digest(), d -> {
            long t0 = System.nanoTime();
            ArticleCoder c = Coders.create(pipeline(), knowledgeBase(overlay));
            loaded(t0);
            return c;
        });
    }

    private static NlpPipeline pipeline() {
        NlpPipeline p = nlp;
        if (p == null) {
            synchronized (ExecutorCoder.class) {
                p = nlp;
                if (p == null) {
                    p = new CoreNlpPipeline();
                    nlp = p;
                }
            }
        }
        return p;
    }

    private static void loaded(long t0) {
        if (Double.isNaN(loadSeconds)) {
            loadSeconds = (System.nanoTime() - t0) / 1e9;
        }
    }

    /** The bundled knowledge base, with the overlay {@code FAULTLINE_KB} names in {@code env} when it names one. */
    static KnowledgeBase knowledgeBase(Map<String, String> env) {
        try {
            return Coders.knowledgeBase(env);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bundled knowledge base with the shipped overlay, read from a scratch copy of its files. */
    static KnowledgeBase knowledgeBase(OverlayFiles overlay) {
        Path dir = null;
        try {
            dir = overlay.writeInto(Path.of(System.getProperty("java.io.tmpdir")));
            return Coders.knowledgeBase(java.util.Optional.of(dir), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lay the knowledge-base overlay of " + overlay.source()
                    + " out on this executor", e);
        } finally {
            if (dir != null) {
                deleteTree(dir);
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the scratch copy " + dir + " of the knowledge-base overlay",
                    e);
        }
    }

    /** Seconds the first load took in this JVM, or NaN while nothing was loaded. */
    public static double loadSeconds() {
        return loadSeconds;
    }
}
