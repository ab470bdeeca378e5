package org.faultline.gate;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import org.faultline.model.EventType;
import org.faultline.nlp.ParsedSentence;

/**
 * Decides from a sentence's text whether it may hold a political event and so deserves the parse: sentences the
 * lexicon marks as {@link CertainTriggers certain} always, others when the head's probability reaches the
 * threshold. Counts its decisions. Thread-safe.
 */
public final class RelevanceGate {
    private final SentenceEncoder encoder;
    private final RelevanceHead head;
    private final CertainTriggers certain;
    private final double threshold;
    private final LongAdder asked = new LongAdder();
    private final LongAdder certainPassed = new LongAdder();
    private final LongAdder passed = new LongAdder();
    /**
     * The embeddings this thread computed for the document it codes now: the second opinion asks about the
     * evidence sentences of the same document right after, and need not run the encoder on them again.
     */
    private final ThreadLocal<java.util.Map<String, float[]>> document = ThreadLocal.withInitial(java.util.HashMap::new);

    /**
     * @throws IllegalArgumentException when the head was trained on another encoder than this one, or the threshold
     *                                  is not in (0, 1)
     */
    public RelevanceGate(SentenceEncoder encoder, RelevanceHead head, CertainTriggers certain, double threshold) {
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.head = Objects.requireNonNull(head, "head");
        this.certain = Objects.requireNonNull(certain, "certain");
        if (!head.encoder().equals(encoder.version())) {
            throw new IllegalArgumentException("gate head " + head.name() + " was trained on " + head.encoder()
                    + " but the encoder on the class path is " + encoder.version() + "; rebuild it: "
                    + head.provenance().rebuild());
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("gate threshold " + threshold + " is not in (0, 1)");
        }
        this.threshold = threshold;
    }

    /** Whether the sentence (its text and its tokens) goes on to the parse. */
    public boolean admits(String sentenceText, ParsedSentence s) {
        asked.increment();
        if (certain.find(s) != null) {
            certainPassed.increment();
            passed.increment();
            return true;
        }
        float[] e = encoder.embed(sentenceText);
        document.get().put(sentenceText, e);
        if (head.probability(e) >= threshold) {
            passed.increment();
            return true;
        }
        return false;
    }

    /** The head's view of one sentence: probability of a political event and the likely types, best first. */
    public View view(String sentenceText) {
        float[] e = document.get().get(sentenceText);
        if (e == null) {
            e = encoder.embed(sentenceText);
        }
        return new View(head.probability(e), head.likelyTypes(e));
    }

    /** Forgets the embeddings this thread kept for its previous document; called as a new document starts. */
    void startDocument() {
        document.get().clear();
    }

    public double threshold() {
        return threshold;
    }

    public RelevanceHead head() {
        return head;
    }

    public SentenceEncoder encoder() {
        return encoder;
    }

    /** Decisions so far. */
    public Counts counts() {
        return new Counts(asked.sum(), passed.sum(), certainPassed.sum());
    }

    /** "gate(relevance-head.v2@0.30,minilm-l6-v2-q:1.19.0-beta29)": recorded in the coder's version. */
    public String description() {
        String enc = encoder.version().substring(encoder.version().lastIndexOf(':') + 1);
        return String.format(Locale.ROOT, "gate(%s@%.2f,all-minilm-l6-v2-q:%s)", head.name(), threshold, enc);
    }

    /**
     * @param probability the head's probability that the sentence reports a political event
     * @param types       PLOVER types by similarity, most similar first
     */
    public record View(double probability, List<EventType> types) {
        public View {
            types = List.copyOf(types);
        }
    }

    /**
     * @param asked   sentences the rules' filter kept and the gate was asked about
     * @param passed  of those, sentences let through to the parse
     * @param certain of those, sentences let through because of a certain trigger
     */
    public record Counts(long asked, long passed, long certain) {
    }
}
