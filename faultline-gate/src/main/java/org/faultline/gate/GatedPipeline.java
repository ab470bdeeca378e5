package org.faultline.gate;

import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Predicate;
import org.faultline.nlp.NlpPipeline;
import org.faultline.nlp.ParsedDocument;
import org.faultline.nlp.ParsedSentence;

/**
 * The gate's one hook into coding: an {@link NlpPipeline} that asks the {@link RelevanceGate} about each sentence
 * the caller's filter keeps after the cheap pass (tokens, POS, lemmas) and before the costly NER and dependency
 * parse. A sentence the gate refuses keeps its tokens only, exactly as one the caller's filter refuses. The
 * coder itself is unchanged: wrap its pipeline ({@code Coders.create(new GatedPipeline(pipeline, gate), kb)}).
 * Thread-safe when the wrapped pipeline is.
 */
public final class GatedPipeline implements NlpPipeline {
    private final NlpPipeline inner;
    private final RelevanceGate gate;

    public GatedPipeline(NlpPipeline inner, RelevanceGate gate) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    @Override
    public ParsedDocument parse(String docId, String text, LocalDate date, Predicate<ParsedSentence> worthParsing) {
        // the rules' cheap filter first: the encoder only sees sentences that would otherwise be parsed
        gate.startDocument();
        return inner.parse(docId, text, date,
                s -> worthParsing.test(s) && gate.admits(text.substring(s.start(), s.end()), s));
    }

    @Override
    public String description() {
        return inner.description() + "|" + gate.description();
    }

    public RelevanceGate gate() {
        return gate;
    }
}
