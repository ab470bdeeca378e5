package org.faultline.gate;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.faultline.coding.ArticleCoder;
import org.faultline.coding.Coders;
import org.faultline.coding.RuleBasedCoder;
import org.faultline.coding.kb.KnowledgeBase;
import org.faultline.nlp.CoreNlpPipeline;
import org.faultline.nlp.NlpPipeline;

/**
 * The one place that builds the coder with the relevance gate's setting, for every entry point: the command line
 * ({@code code}, {@code ingest}, {@code eval}, {@code bench}, {@code serve}, {@code watch}), the server's
 * {@code /api/code} and the Spark executors. With the gate off it is {@link Coders#create(NlpPipeline, KnowledgeBase)}
 * as it was; with the gate on, the rules' coder over a {@link GatedPipeline} with the encoder's
 * {@link SecondOpinion} in each event's confidence. So one text gives the same events whichever door it comes in by,
 * as long as the doors are given the same setting ({@code --gate}, else {@value #ENV}, else {@link #DEFAULT}).
 */
public final class GatedCoders {
    /** The environment variable that sets the gate where no {@code --gate} is given (server, Spark executors). */
    public static final String ENV = "FAULTLINE_GATE";

    /** The gate when neither {@code --gate} nor {@value #ENV} says (BENCHMARKS.md, "Relevance gate", says why). */
    public static final GateSetting DEFAULT = GateSetting.OFF;

    private GatedCoders() {
    }

    /**
     * The setting {@value #ENV} names in {@code env}, else {@link #DEFAULT}.
     *
     * @throws IllegalArgumentException naming the variable when its value is not off, on or a threshold
     */
    public static GateSetting fromEnvironment(Map<String, String> env) {
        String v = env.get(ENV);
        if (v == null || v.isBlank()) {
            return DEFAULT;
        }
        try {
            return GateSetting.parse(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ENV + ": " + e.getMessage(), e);
        }
    }

    /** The coder with this setting over a new CoreNLP pipeline (loads the models: tens of seconds). */
    public static ArticleCoder create(KnowledgeBase kb, GateSetting setting) {
        return create(new CoreNlpPipeline(), kb, setting);
    }

    /** The coder with this setting over a pipeline already loaded; the encoder is the JVM's shared one. */
    public static ArticleCoder create(NlpPipeline pipeline, KnowledgeBase kb, GateSetting setting) {
        return build(pipeline, kb, setting, SentenceEncoder::shared).coder();
    }

    /**
     * The rules' coder without the gate and, when the setting is on, the coder behind it, over one pipeline (for
     * {@code eval} and {@code bench}, which report both).
     *
     * @param encoder the sentence encoder, asked for only when the gate is on
     */
    public static Built build(NlpPipeline pipeline, KnowledgeBase kb, GateSetting setting,
                              Supplier<SentenceEncoder> encoder) {
        Objects.requireNonNull(setting, "setting");
        RuleBasedCoder ungated = Coders.create(pipeline, kb);
        if (!setting.enabled()) {
            return new Built(ungated, null, null);
        }
        RelevanceHead head = RelevanceHead.bundled();
        RelevanceGate gate = new RelevanceGate(encoder.get(), head, CertainTriggers.bundled(),
                setting.thresholdFor(head));
        ArticleCoder gated = new SecondOpinion(Coders.create(new GatedPipeline(pipeline, gate), kb), gate);
        return new Built(ungated, gated, gate);
    }

    /**
     * @param ungated the coder that parses every sentence its rules' filter keeps
     * @param gated   the coder behind the relevance gate, with the encoder's second opinion in each event's
     *                confidence, or {@code null} when the gate is off
     * @param gate    the gate of {@code gated}, or {@code null}
     */
    public record Built(RuleBasedCoder ungated, ArticleCoder gated, RelevanceGate gate) {
        /** The coder the setting asks for: the gated one when the gate is on. */
        public ArticleCoder coder() {
            return gated != null ? gated : ungated;
        }
    }
}
