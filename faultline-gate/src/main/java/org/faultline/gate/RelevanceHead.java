package org.faultline.gate;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.faultline.model.EventType;

/**
 * The trained part of the gate, a versioned resource ({@value #RESOURCE}): a logistic regression over the
 * encoder's 384-dimensional sentence embedding (probability that the sentence reports a political event) and, for
 * the second opinion, the mean embedding of each PLOVER type's training sentences. It carries its provenance: the
 * encoder it was trained on, the SHA-256 of every training file, the training settings and the command that
 * rebuilds it ({@link HeadTrainer}). Immutable, thread-safe.
 *
 * @param name       versioned name, e.g. {@code relevance-head.v1}
 * @param encoder    the encoder's Maven coordinates with version
 * @param threshold  the probability at and above which {@code --gate on} parses a sentence (chosen by measurement,
 *                   see BENCHMARKS.md)
 * @param bias       the regression's intercept
 * @param weights    one weight per embedding dimension
 * @param types      per PLOVER type, the unit-length mean embedding of its training sentences
 * @param provenance how it was made
 */
public record RelevanceHead(String name, String encoder, double threshold, double bias, double[] weights,
                            Map<EventType, float[]> types, Provenance provenance) {
    public static final String RESOURCE = "/org/faultline/gate/relevance-head.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public RelevanceHead {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(provenance, "provenance");
        if (weights == null || weights.length != SentenceEncoder.DIMENSION) {
            throw new IllegalArgumentException("head " + name + " has " + (weights == null ? 0 : weights.length)
                    + " weights; expected " + SentenceEncoder.DIMENSION);
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("head " + name + " threshold " + threshold + " is not in (0, 1)");
        }
        weights = weights.clone();
        Map<EventType, float[]> t = new EnumMap<>(EventType.class);
        for (Map.Entry<EventType, float[]> e : types.entrySet()) {
            if (e.getValue().length != SentenceEncoder.DIMENSION) {
                throw new IllegalArgumentException("head " + name + ": centroid of " + e.getKey() + " has "
                        + e.getValue().length + " dimensions; expected " + SentenceEncoder.DIMENSION);
            }
            t.put(e.getKey(), e.getValue().clone());
        }
        types = java.util.Collections.unmodifiableMap(t);
    }

    /** The bundled head. */
    public static RelevanceHead bundled() {
        try (InputStream in = RelevanceHead.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the gate's head " + RESOURCE + " is not on the class path");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + ": " + e.getMessage(), e);
        }
    }

    public static RelevanceHead read(InputStream in) throws IOException {
        Stored s = JSON.readValue(in, Stored.class);
        Map<EventType, float[]> types = new EnumMap<>(EventType.class);
        s.types.forEach((k, v) -> types.put(EventType.parse(k), v));
        return new RelevanceHead(s.name, s.encoder, s.threshold, s.bias, s.weights, types, s.provenance);
    }

    /** The JSON the resource holds (stable key order, so that a rebuild from the same inputs gives the same bytes). */
    public String toJson() {
        Stored s = new Stored();
        s.name = name;
        s.encoder = encoder;
        s.threshold = threshold;
        s.bias = bias;
        s.weights = weights;
        s.types = new TreeMap<>();
        types.forEach((k, v) -> s.types.put(k.name(), v));
        s.provenance = provenance;
        try {
            return JSON.writeValueAsString(s) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The probability that the sentence with this (unit-length) embedding reports a political event. */
    public double probability(float[] embedding) {
        double z = bias;
        for (int i = 0; i < weights.length; i++) {
            z += weights[i] * embedding[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** The PLOVER types by the similarity of their training sentences to this embedding, most similar first. */
    public List<EventType> likelyTypes(float[] embedding) {
        List<EventType> out = new ArrayList<>(types.keySet());
        out.sort(Comparator.comparingDouble((EventType t) -> -SentenceEncoder.cosine(types.get(t), embedding))
                .thenComparing(Enum::ordinal));
        return List.copyOf(out);
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /**
     * How a head was made.
     *
     * @param files          the training files (path under the gate's resource folder, SHA-256, size)
     * @param events         event sentences among them
     * @param noEvents       no-event sentences among them
     * @param l2             the L2 penalty
     * @param learningRate   the gradient step
     * @param iterations     full-batch gradient steps
     * @param rebuild        the command that rebuilds the resource from these files
     */
    public record Provenance(List<TrainingSet.SourceFile> files, int events, int noEvents, double l2,
                             @JsonProperty("learning_rate") double learningRate, int iterations, String rebuild) {
        public Provenance {
            files = List.copyOf(files);
        }
    }

    /** The resource's JSON shape. */
    static final class Stored {
        public String name;
        public String encoder;
        public double threshold;
        public double bias;
        public double[] weights;
        public Map<String, float[]> types;
        public Provenance provenance;
    }
}
