package org.faultline.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FiniteVerbRepairTest {
    /** "word/TAG/lemma" items, as a tagger gave them. */
    private static int pick(String... wordTagLemma) {
        return FiniteVerbRepair.pick(TaggedTokens.of(wordTagLemma));
    }

    @Test
    void aParticipleAfterAParenthesisIsTheVerb() {
        // "Ruritania, on 3 May, offered talks to Borduria ."
        assertThat(pick("Ruritania/NNP/ruritania", ",/,/,", "on/IN/on", "3/CD/3", "May/NNP/may", ",/,/,",
                "offered/VBN/offer", "talks/NNS/talk", "to/IN/to", "Borduria/NNP/borduria", "././.")).isEqualTo(6);
    }

    @Test
    void aParticipleAfterItsSubjectWithAPrepositionIsTheVerbInAFullSentence() {
        // "Borduran gunboats fired upon the ferry ."
        assertThat(pick("Borduran/JJ/borduran", "gunboats/NNS/gunboat", "fired/VBN/fire", "upon/IN/upon",
                "the/DT/the", "ferry/NN/ferry", "././.")).isEqualTo(2);
    }

    @Test
    void anAbsolutePhraseIsSkippedForTheVerbAfterIt() {
        // "With talks stalled , the envoy proposed a truce ."
        assertThat(pick("With/IN/with", "talks/NNS/talk", "stalled/VBN/stall", ",/,/,", "the/DT/the",
                "envoy/NN/envoy", "proposed/VBN/propose", "a/DT/a", "truce/NN/truce", "././.")).isEqualTo(6);
    }

    @Test
    void aHeadlineOrAPassiveWithByStaysAParticiple() {
        // a headline with no full stop: "Five soldiers killed in ambush"
        assertThat(pick("Five/CD/five", "soldiers/NNS/soldier", "killed/VBN/kill", "in/IN/in", "ambush/NN/ambush"))
                .isEqualTo(-1);
        // "A treaty signed by both ministers ."
        assertThat(pick("A/DT/a", "treaty/NN/treaty", "signed/VBN/sign", "by/IN/by", "both/DT/both",
                "ministers/NNS/minister", "././.")).isEqualTo(-1);
    }

    @Test
    void aSentenceWithAFiniteVerbOrAPrenominalParticipleIsLeftAlone() {
        // "The blockaded port reopened ." has its verb
        assertThat(pick("The/DT/the", "blockaded/VBN/blockade", "port/NN/port", "reopened/VBD/reopen", "././."))
                .isEqualTo(-1);
        // "through UN-authorized sanctions ." : a participle after a preposition modifies its noun
        assertThat(pick("through/IN/through", "UN-authorized/VBN/un-authorize", "sanctions/NNS/sanction", "././."))
                .isEqualTo(-1);
        // "the fleet had sailed to the gulf ." as a tagger may leave it: an auxiliary before the participle
        assertThat(pick("the/DT/the", "fleet/NN/fleet", "had/VBN/have", "sailed/VBN/sail", "to/TO/to",
                "the/DT/the", "gulf/NN/gulf", "././.")).isEqualTo(-1);
    }
}
