package org.faultline.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.faultline.nlp.NlpPipeline;
import org.faultline.nlp.ParsedDocument;
import org.faultline.nlp.ParsedSentence;
import org.junit.jupiter.api.Test;

class GatedPipelineTest {
    /** A pipeline without CoreNLP: one shallow sentence per line; "parsed" marks the ones the filter keeps. */
    private static final class LinesPipeline implements NlpPipeline {
        @Override
        public ParsedDocument parse(String docId, String text, LocalDate date, Predicate<ParsedSentence> worthParsing) {
            List<ParsedSentence> out = new ArrayList<>();
            int start = 0;
            for (String line : text.split("\n")) {
                ParsedSentence s = GateFixture.shallow(line);
                ParsedSentence placed = new ParsedSentence(out.size(), start, start + line.length(),
                        s.tokens().stream().map(t -> new org.faultline.nlp.Token(t.index(), t.word(), t.lemma(), t.pos(),
                                t.ner(), t.normalized(), t.start() + 0, t.end())).toList(), List.of(), false);
                out.add(new ParsedSentence(placed.index(), placed.start(), placed.end(), placed.tokens(), List.of(),
                        worthParsing.test(placed)));
                start += line.length() + 1;
            }
            return new ParsedDocument(docId, text, date, out);
        }

        @Override
        public String description() {
            return "lines";
        }
    }

    @Test
    void theGateIsAskedOnlyAboutSentencesTheRulesFilterKeepsAndRefusedOnesStayUnparsed() {
        RelevanceGate gate = new RelevanceGate(GateFixture.ENCODER, GateFixture.HEAD, GateFixture.CERTAIN,
                GateFixture.HEAD.threshold());
        GatedPipeline gated = new GatedPipeline(new LinesPipeline(), gate);
        String text = "Government troops attacked rebel positions near the border, killing twelve fighters.\n"
                + "The striker fired the ball into the net after a corner.\n"
                + "The weather was mild.";
        // the rules' filter: a sentence with a trigger word (here: "attacked" or "fired")
        ParsedDocument doc = gated.parse("d1", text, LocalDate.of(2024, 1, 1),
                s -> s.tokens().stream().anyMatch(t -> t.word().equals("attacked") || t.word().equals("fired")));
        assertThat(doc.sentences()).extracting(ParsedSentence::parsed).containsExactly(true, false, false);
        assertThat(gate.counts()).isEqualTo(new RelevanceGate.Counts(2, 1, 0));
        assertThat(gated.description()).isEqualTo("lines|" + gate.description());
        assertThat(gate.description()).matches("gate\\(relevance-head\\.v\\d+@0\\.\\d\\d,all-minilm-l6-v2-q:.+\\)");
    }
}
