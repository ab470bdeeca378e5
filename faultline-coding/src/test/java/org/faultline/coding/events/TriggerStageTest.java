package org.faultline.coding.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.faultline.coding.HandBuiltSentence;
import org.faultline.coding.lexicon.CameoCodebook;
import org.faultline.coding.lexicon.Cues;
import org.faultline.coding.lexicon.TriggerLexicon;
import org.faultline.model.EventType;
import org.faultline.nlp.ParsedSentence;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The trigger stage on hand-built parses with the bundled lexicon (no CoreNLP). */
class TriggerStageTest {
    private static TriggerStage stage;

    @BeforeAll
    static void load() {
        TriggerLexicon lexicon = TriggerLexicon.bundled(CameoCodebook.bundled());
        Cues cues = Cues.bundled();
        stage = new TriggerStage(lexicon, new Clauses(cues));
    }

    private static List<EventType> types(ParsedSentence s) {
        return stage.find(s).stream().map(t -> t.entry().type()).toList();
    }

    @Test
    void aVerbIsATrigger() {
        ParsedSentence s = HandBuiltSentence.in("Russian forces attacked Kharkiv.")
                .token("Russian", "russian", "JJ").token("forces", "force", "NNS").token("attacked", "attack", "VBD")
                .token("Kharkiv", "kharkiv", "NNP").token(".", ".", ".")
                .dep(1, 0, "amod").dep(2, 1, "nsubj").dep(-1, 2, "root").dep(2, 3, "obj").dep(2, 4, "punct").build();
        List<Trigger> found = stage.find(s);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).head()).isEqualTo(2);
        assertThat(found.get(0).nominal()).isFalse();
        assertThat(found.get(0).entry().type()).isEqualTo(EventType.ASSAULT);
        assertThat(stage.hasTriggerWord(s)).isTrue();
    }

    @Test
    void aMonthIsNoMarchButTheTalksAreAnEvent() {
        ParsedSentence s = HandBuiltSentence.in("Talks resumed in March.")
                .token("Talks", "talk", "NNS").token("resumed", "resume", "VBD").token("in", "in", "IN")
                .date("March", "March", "NNP", "2024-03").token(".", ".", ".")
                .dep(1, 0, "nsubj").dep(-1, 1, "root").dep(3, 2, "case").dep(1, 3, "obl").dep(1, 4, "punct").build();
        assertThat(types(s)).containsExactly(EventType.CONSULT);
    }

    @Test
    void aLightVerbWithALightNounIsNothing() {
        // "made a call" threw a NullPointerException further down: a light noun names no event for a light verb
        ParsedSentence s = HandBuiltSentence.in("The council made a call.")
                .token("The", "the", "DT").token("council", "council", "NN").token("made", "make", "VBD")
                .token("a", "a", "DT").token("call", "call", "NN").token(".", ".", ".")
                .dep(1, 0, "det").dep(2, 1, "nsubj").dep(-1, 2, "root").dep(4, 3, "det").dep(2, 4, "obj")
                .dep(2, 5, "punct").build();
        assertThat(stage.find(s)).allSatisfy(t -> assertThat(t.entry().type()).isNotNull());
        assertThat(stage.find(s)).isEmpty();
    }

    @Test
    void naturalHazardsStrikeNobody() {
        ParsedSentence s = HandBuiltSentence.in("An earthquake struck the city.")
                .token("An", "a", "DT").token("earthquake", "earthquake", "NN").token("struck", "strike", "VBD")
                .token("the", "the", "DT").token("city", "city", "NN").token(".", ".", ".")
                .dep(1, 0, "det").dep(2, 1, "nsubj").dep(-1, 2, "root").dep(4, 3, "det").dep(2, 4, "obj")
                .dep(2, 5, "punct").build();
        assertThat(stage.find(s)).isEmpty();
    }

    @Test
    void theTraceLearnsWhichGuardLeftAWordOut() {
        ParsedSentence quake = HandBuiltSentence.in("An earthquake struck the city.")
                .token("An", "a", "DT").token("earthquake", "earthquake", "NN").token("struck", "strike", "VBD")
                .token("the", "the", "DT").token("city", "city", "NN").token(".", ".", ".")
                .dep(1, 0, "det").dep(2, 1, "nsubj").dep(-1, 2, "root").dep(4, 3, "det").dep(2, 4, "obj")
                .dep(2, 5, "punct").build();
        List<TriggerStage.Skipped> skipped = new ArrayList<>();
        assertThat(stage.find(quake, skipped)).isEmpty();
        assertThat(skipped).extracting(k -> k.token() + " " + k.guard().id()).containsExactly("2 guard.natural-force");

        // (a lower-case lemma, so that the word is one the lexicon knows: "march", a protest)
        ParsedSentence month = HandBuiltSentence.in("Talks resumed in March.")
                .token("Talks", "talk", "NNS").token("resumed", "resume", "VBD").token("in", "in", "IN")
                .date("March", "march", "NNP", "2024-03").token(".", ".", ".")
                .dep(1, 0, "nsubj").dep(-1, 1, "root").dep(3, 2, "case").dep(1, 3, "obl").dep(1, 4, "punct").build();
        skipped.clear();
        assertThat(stage.find(month, skipped)).extracting(t -> t.entry().type()).containsExactly(EventType.CONSULT);
        assertThat(skipped).extracting(k -> k.token() + " " + k.guard().id()).containsExactly("3 guard.date-noun");
    }
}
