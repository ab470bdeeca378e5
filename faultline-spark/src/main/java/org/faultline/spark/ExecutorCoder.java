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
import org.faultline.gate.GateSetting;
import org.faultline.gate.GatedCoders;
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
 * {@code --conf spark.executorEnv.FAULTLINE_KB=/shared/kb}). The relevance gate is the job's {@code --gate} (without
 * one, {@code FAULTLINE_GATE} in the executor's environment, else the default), and the coder is built by the command
 * line's factory ({@link GatedCoders}). One coder per overlay and gate, all over one CoreNLP pipeline and one
 * sentence encoder. Thread-safe.
 */
public final class ExecutorCoder {
    private static volatile NlpPipeline nlp;
    private static final Map<String, ArticleCoder> CODERS = new ConcurrentHashMap<>();
    private static volatile double loadSeconds = Double.NaN;

    private ExecutorCoder() {
    }

    /** The coder with the overlay and the gate the environment names ({@code FAULTLINE_KB}, {@code FAULTLINE_GATE}). */
    public static ArticleCoder get() {
        return get(null, GatedCoders.fromEnvironment(System.getenv()));
    }

    /** The coder with {@code overlay} (or {@code FAULTLINE_KB}'s when {@code null}) and the environment's gate. */
    public static ArticleCoder get(OverlayFiles overlay) {
        return get(overlay, GatedCoders.fromEnvironment(System.getenv()));
    }

    /**
     * The coder with {@code overlay} laid over the bundled knowledge base ({@code null}: the overlay
     * {@code FAULTLINE_KB} names, if any) and this gate, loading it on the first call for that pair: an overlay's
     * files are written into a scratch folder, read, and the folder deleted.
     */
    public static ArticleCoder get(OverlayFiles overlay, GateSetting gate) {
        String key = (overlay == null ? "env" : overlay.digest()) + "|" + gate;
        return CODERS.computeIfAbsent(key, k -> {
            long t0 = System.nanoTime();
            KnowledgeBase kb = overlay == null ? knowledgeBase(System.getenv()) : knowledgeBase(overlay);
            ArticleCoder c = GatedCoders.create(pipeline(), kb, gate);
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
