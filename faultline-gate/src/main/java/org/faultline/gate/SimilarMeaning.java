package org.faultline.gate;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether two evidence texts say the same thing in other words: the cosine similarity of their sentence embeddings
 * at or above a threshold. For story merging it stands beside the store's shared place and shared words (the store
 * takes it as an {@code EvidenceSimilarity}); it is only asked about reports that already agree on type, actors,
 * recipients, date window, country and status. Embeddings are cached by text (up to {@value #CACHE} texts).
 * Thread-safe, deterministic.
 */
public final class SimilarMeaning {
    /**
     * The default threshold: paraphrases of one incident written for the tests score 0.59-0.69 with this encoder,
     * other incidents of the same type and dyad within a week 0.20-0.47 (a handful of our own sentences, not a
     * corpus measurement).
     */
    public static final double DEFAULT_THRESHOLD = 0.55;
    static final int CACHE = 20_000;

    private final SentenceEncoder encoder;
    private final double threshold;
    private final Map<String, float[]> cache = new ConcurrentHashMap<>();

    public SimilarMeaning(SentenceEncoder encoder, double threshold) {
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("similarity threshold " + threshold + " is not in (0, 1)");
        }
        this.threshold = threshold;
    }

    /** The cosine similarity of the two texts' embeddings. */
    public double similarity(String a, String b) {
        return SentenceEncoder.cosine(embedding(a), embedding(b));
    }

    /** Whether the two texts are at least {@link #threshold()} alike. */
    public boolean similar(String a, String b) {
        return similarity(a, b) >= threshold;
    }

    public double threshold() {
        return threshold;
    }

    private float[] embedding(String text) {
        float[] e = cache.get(text);
        if (e == null) {
            e = encoder.embed(text);
            if (cache.size() >= CACHE) {
                cache.clear();
            }
            cache.put(text, e);
        }
        return e;
    }
}
