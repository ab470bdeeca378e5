package org.faultline.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InfinitiveRepairTest {
    /** "word/TAG/lemma" items, as a tagger gave them. */
    private static List<Integer> pick(String... wordTagLemma) {
        return InfinitiveRepair.pick(TaggedTokens.of(wordTagLemma));
    }

    @Test
    void anInfinitivesVerbReadAsANounIsAVerbWhenAnObjectFollows() {
        // "Norland intends to annex Velmora ."
        assertThat(pick("Norland/NNP/norland", "intends/VBZ/intend", "to/IN/to", "annex/NN/annex",
                "Velmora/NNP/velmora", "././.")).containsExactly(3);
        // "the decision to blockade the port"
        assertThat(pick("the/DT/the", "decision/NN/decision", "to/TO/to", "blockade/NN/blockade", "the/DT/the",
                "port/NN/port")).containsExactly(3);
        // "Ruritania vowed once again to shell them ."
        assertThat(pick("Ruritania/NNP/ruritania", "vowed/VBD/vow", "once/RB/once", "again/RB/again", "to/TO/to",
                "shell/NN/shell", "them/PRP/they", "././.")).containsExactly(5);
    }

    @Test
    void aNounAfterToStaysWhereNoObjectFollowsOrNothingTakesAnInfinitive() {
        // "Norland agreed to peace talks ."
        assertThat(pick("Norland/NNP/norland", "agreed/VBD/agree", "to/TO/to", "peace/NN/peace", "talks/NNS/talk",
                "././.")).isEmpty();
        // "a threat to regional peace"
        assertThat(pick("a/DT/a", "threat/NN/threat", "to/TO/to", "regional/JJ/regional", "peace/NN/peace"))
                .isEmpty();
        // "his return to power the next year" ("return" takes no infinitive)
        assertThat(pick("his/PRP$/he", "return/NN/return", "to/TO/to", "power/NN/power", "the/DT/the",
                "next/JJ/next", "year/NN/year")).isEmpty();
    }
}
