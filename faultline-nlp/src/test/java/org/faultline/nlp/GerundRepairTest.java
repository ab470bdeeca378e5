package org.faultline.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GerundRepairTest {
    private static List<Token> tokens(String... wordPosLemma) {
        List<Token> out = new ArrayList<>();
        int at = 0;
        for (int i = 0; i < wordPosLemma.length; i++) {
            String[] p = wordPosLemma[i].split("/");
            out.add(new Token(i, p[0], p[2], p[1], "O", null, at, at + p[0].length()));
            at += p[0].length() + 1;
        }
        return out;
    }

    @Test
    void aGerundAfterByBecomesTheVerbOfItsNoun() {
        // "Panama responded by requesting assistance ." as the parser reads it: requesting amod<-assistance
        List<Token> t = tokens("Panama/NNP/panama", "responded/VBD/respond", "by/IN/by", "requesting/VBG/request",
                "assistance/NN/assistance", "./././");
        List<Dependency> d = List.of(new Dependency(1, 0, "nsubj"), new Dependency(-1, 1, "root"),
                new Dependency(4, 2, "case"), new Dependency(4, 3, "amod"), new Dependency(1, 4, "obl"),
                new Dependency(1, 5, "punct"));
        ParsedSentence s = new ParsedSentence(0, 0, 40, t, GerundRepair.apply(t, d), true);
        assertThat(s.head(3)).isEqualTo(1);
        assertThat(s.relation(3)).isEqualTo("advcl");
        assertThat(s.head(4)).isEqualTo(3);
        assertThat(s.relation(4)).isEqualTo("obj");
        assertThat(s.head(2)).isEqualTo(3);
        assertThat(s.relation(2)).isEqualTo("mark");
    }

    @Test
    void aRealAdjectiveIsLeftAlone() {
        // "after the following day": a VBG adjective with a determiner between it and the preposition
        List<Token> t = tokens("left/VBD/leave", "after/IN/after", "the/DT/the", "following/VBG/follow",
                "day/NN/day");
        List<Dependency> d = List.of(new Dependency(-1, 0, "root"), new Dependency(4, 1, "case"),
                new Dependency(4, 2, "det"), new Dependency(4, 3, "amod"), new Dependency(0, 4, "obl"));
        assertThat(GerundRepair.apply(t, d)).isSameAs(d);
    }

    @Test
    void aGerundNotAfterAPrepositionStays() {
        // "rising prices": no preposition before the gerund
        List<Token> t = tokens("rising/VBG/rise", "prices/NNS/price", "hurt/VBD/hurt");
        List<Dependency> d = List.of(new Dependency(1, 0, "amod"), new Dependency(2, 1, "nsubj"),
                new Dependency(-1, 2, "root"));
        assertThat(GerundRepair.apply(t, d)).isSameAs(d);
    }

    @Test
    void aGerundAfterOfUnderAVerbBecomesTheVerbOfItsNoun() {
        // "Peru 's reply consisted of sending gunboats ." as the parser reads it: sending amod<-gunboats
        List<Token> t = tokens("reply/NN/reply", "consisted/VBD/consist", "of/IN/of", "sending/VBG/send",
                "gunboats/NNS/gunboat", "./././");
        List<Dependency> d = List.of(new Dependency(1, 0, "nsubj"), new Dependency(-1, 1, "root"),
                new Dependency(4, 2, "case"), new Dependency(4, 3, "amod"), new Dependency(1, 4, "obl"),
                new Dependency(1, 5, "punct"));
        ParsedSentence s = new ParsedSentence(0, 0, 40, t, GerundRepair.apply(t, d), true);
        assertThat(s.relation(3)).isEqualTo("advcl");
        assertThat(s.head(4)).isEqualTo(3);
        assertThat(s.relation(4)).isEqualTo("obj");
    }

    @Test
    void aGerundHungOnThePossessorOfItsNounBecomesTheVerbOfTheNoun() {
        // "Chile responded by closing Peru 's border ." as the parser reads it: closing amod<-Peru, Peru poss<-border
        List<Token> t = tokens("Chile/NNP/chile", "responded/VBD/respond", "by/IN/by", "closing/VBG/close",
                "Peru/NNP/peru", "'s/POS/'s", "border/NN/border", "./././");
        List<Dependency> d = List.of(new Dependency(1, 0, "nsubj"), new Dependency(-1, 1, "root"),
                new Dependency(6, 2, "case"), new Dependency(4, 3, "amod"), new Dependency(6, 4, "nmod:poss"),
                new Dependency(4, 5, "case"), new Dependency(1, 6, "obl"), new Dependency(1, 7, "punct"));
        ParsedSentence s = new ParsedSentence(0, 0, 40, t, GerundRepair.apply(t, d), true);
        assertThat(s.head(3)).isEqualTo(1);
        assertThat(s.relation(3)).isEqualTo("advcl");
        assertThat(s.head(6)).isEqualTo(3);
        assertThat(s.relation(6)).isEqualTo("obj");
        assertThat(s.head(4)).as("the possessor stays with its noun").isEqualTo(6);
        assertThat(s.relation(2)).isEqualTo("mark");
    }
}
