package org.faultline.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InitialNounRepairTest {
    /** "word/TAG/lemma" items, as a tagger gave them. */
    private static int pick(String... wordTagLemma) {
        return InitialNounRepair.pick(TaggedTokens.of(wordTagLemma));
    }

    @Test
    void anOpeningPluralReadAsAVerbIsANounWhenAVerbFollows() {
        // "Offers of help from Ruritania were turned down ."
        assertThat(pick("Offers/VBZ/offer", "of/IN/of", "help/NN/help", "from/IN/from", "Ruritania/NNP/ruritania",
                "were/VBD/be", "turned/VBN/turn", "down/RP/down", "././.")).isZero();
        // "Clashes erupted near the border ."
        assertThat(pick("Clashes/VBZ/clash", "erupted/VBD/erupt", "near/IN/near", "the/DT/the", "border/NN/border",
                "././.")).isZero();
    }

    @Test
    void aVerbWithItsObjectAnAuxiliaryOrASentenceWithNoOtherVerbStays() {
        // "Says the minister : talks will go on ." (a headline's verb with its subject after it)
        assertThat(pick("Says/VBZ/say", "the/DT/the", "minister/NN/minister", ":/:/:", "talks/NNS/talk",
                "will/MD/will", "go/VB/go", "on/RP/on", "././.")).isEqualTo(-1);
        // "Does Borduria want war ?"
        assertThat(pick("Does/VBZ/do", "Borduria/NNP/borduria", "want/VB/want", "war/NN/war", "?/./?"))
                .isEqualTo(-1);
        // "Offers of help from three capitals" (no finite verb: nothing to be sure of)
        assertThat(pick("Offers/VBZ/offer", "of/IN/of", "help/NN/help", "from/IN/from", "three/CD/three",
                "capitals/NNS/capital")).isEqualTo(-1);
        // a noun already
        assertThat(pick("Talks/NNS/talk", "resumed/VBD/resume", "././.")).isEqualTo(-1);
    }
}
