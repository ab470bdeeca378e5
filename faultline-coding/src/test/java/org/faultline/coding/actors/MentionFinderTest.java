package org.faultline.coding.actors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.faultline.coding.HandBuiltSentence;
import org.faultline.coding.kb.ActorEntry;
import org.faultline.coding.kb.FormType;
import org.faultline.coding.kb.KnowledgeBase;
import org.faultline.nlp.ParsedSentence;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Mentions found in hand-tagged sentences (no CoreNLP), asserted as whole records. */
class MentionFinderTest {
    private static final LocalDate DAY = LocalDate.of(2023, 6, 1);

    static KnowledgeBase kb;
    static MentionFinder finder;

    @BeforeAll
    static void load() {
        kb = KnowledgeBase.loadBundled();
        finder = new MentionFinder(kb);
    }

    private static MentionFinder.Found find(HandBuiltSentence b, LocalDate date) {
        ParsedSentence s = b.build();
        return finder.find(s, b.text(), date);
    }

    @Test
    void adjectiveJoinsTheAgentNoun() {
        MentionFinder.Found f = find(HandBuiltSentence.in("Belarusian troops crossed the border.")
                .token("Belarusian", "belarusian", "JJ")
                .token("troops", "troop", "NNS")
                .token("crossed", "cross", "VBD")
                .token("the", "the", "DT")
                .token("border", "border", "NN")
                .token(".", ".", "."), DAY);

        assertThat(f.mentions()).containsExactly(new Mention(0, 0, 1, 1, 0, 17, "Belarusian troops", "BLR", "MIL",
                kb.state("BLR"), FormType.ADJECTIVE, Mention.Source.AGENT, "agent:troop.mil@country:BLR"));
        assertThat(f.places()).isEmpty();
    }

    @Test
    void titleWithNationalityIsTheOfficeHolderOnTheDate() {
        MentionFinder.Found f = find(HandBuiltSentence.in("the Russian president spoke")
                .token("the", "the", "DT")
                .token("Russian", "russian", "JJ")
                .token("president", "president", "NN")
                .token("spoke", "speak", "VBD"), DAY);

        ActorEntry putin = kb.holder("RUS", "president", DAY);
        assertThat(putin.id()).startsWith("office:RUS:president:");
        assertThat(putin.name()).isEqualTo("Vladimir Putin");
        assertThat(f.mentions()).containsExactly(new Mention(0, 1, 2, 2, 4, 21, "Russian president", "RUS", "GOV",
                putin, FormType.NAME, Mention.Source.TITLE, putin.id()));
    }

    @Test
    void titleResolvesToWhoeverHeldTheOfficeThen() {
        LocalDate day = LocalDate.of(2010, 6, 1);
        MentionFinder.Found f = find(HandBuiltSentence.in("the Russian president spoke")
                .token("the", "the", "DT")
                .token("Russian", "russian", "JJ")
                .token("president", "president", "NN")
                .token("spoke", "speak", "VBD"), day);

        assertThat(f.mentions()).singleElement().satisfies(m -> {
            assertThat(m.entry().id()).isEqualTo("office:RUS:president:medvedev-2008");
            assertThat(m.rule()).isEqualTo("office:RUS:president:medvedev-2008");
        });
    }

    @Test
    void capitalStandsForTheGovernment() {
        MentionFinder.Found f = find(HandBuiltSentence.in("Pyongyang refused.")
                .token("Pyongyang", "Pyongyang", "NNP")
                .token("refused", "refuse", "VBD")
                .token(".", ".", "."), DAY);

        assertThat(f.mentions()).containsExactly(new Mention(0, 0, 0, 0, 0, 9, "Pyongyang", "PRK", "GOV",
                kb.state("PRK"), FormType.METONYM, Mention.Source.NAME, "country:PRK"));
        assertThat(f.places()).singleElement().satisfies(p -> {
            assertThat(p.text()).isEqualTo("Pyongyang");
            assertThat(p.place().country()).isEqualTo("PRK");
            assertThat(p.place().kind()).isEqualTo("CAPITAL");
        });
    }

    @Test
    void armedGroupGivesItsCountryAndSectorToItsFighters() {
        MentionFinder.Found f = find(HandBuiltSentence.in("Hezbollah fighters fired.")
                .token("Hezbollah", "Hezbollah", "NNP")
                .token("fighters", "fighter", "NNS")
                .token("fired", "fire", "VBD")
                .token(".", ".", "."), DAY);

        assertThat(f.mentions()).containsExactly(new Mention(0, 0, 1, 1, 0, 18, "Hezbollah fighters", "LBN", "REB",
                kb.entry("group:HEZBOLLAH"), FormType.ADJECTIVE, Mention.Source.AGENT,
                "agent:fighter.reb@group:HEZBOLLAH"));
        assertThat(f.places()).isEmpty();
    }

    @Test
    void bareAgentHasNoCountryYet() {
        MentionFinder.Found f = find(HandBuiltSentence.in("Troops crossed.")
                .token("Troops", "troop", "NNS")
                .token("crossed", "cross", "VBD")
                .token(".", ".", "."), DAY);

        Mention m = new Mention(0, 0, 0, 0, 0, 6, "Troops", null, "MIL", null, null, Mention.Source.AGENT,
                "agent:troop.mil");
        assertThat(f.mentions()).containsExactly(m);
        assertThat(m.generic()).isTrue();
    }

    @Test
    void pronounIsLeftForTheDocumentContext() {
        MentionFinder.Found f = find(HandBuiltSentence.in("They fired.")
                .token("They", "they", "PRP")
                .token("fired", "fire", "VBD")
                .token(".", ".", "."), DAY);

        assertThat(f.mentions()).containsExactly(new Mention(0, 0, 0, 0, 0, 4, "They", null, null, null, null,
                Mention.Source.PRONOUN, "pronoun:they"));
    }

    @Test
    void noActorsInAnOrdinarySentence() {
        MentionFinder.Found f = find(HandBuiltSentence.in("It rained.")
                .token("It", "it", "PRP")
                .token("rained", "rain", "VBD")
                .token(".", ".", "."), DAY);

        assertThat(f.mentions()).extracting(Mention::source).containsExactly(Mention.Source.PRONOUN);
        assertThat(f.places()).isEmpty();
    }

    @Test
    void spansPointIntoTheText() {
        String text = "Yesterday the Russian president met Hezbollah fighters in Kharkiv.";
        HandBuiltSentence b = HandBuiltSentence.in(text)
                .token("Yesterday", "yesterday", "NN")
                .token("the", "the", "DT")
                .token("Russian", "russian", "JJ")
                .token("president", "president", "NN")
                .token("met", "meet", "VBD")
                .token("Hezbollah", "Hezbollah", "NNP")
                .token("fighters", "fighter", "NNS")
                .token("in", "in", "IN")
                .token("Kharkiv", "Kharkiv", "NNP")
                .token(".", ".", ".");
        MentionFinder.Found f = find(b, DAY);

        assertThat(f.mentions()).extracting(Mention::text).containsExactly("Russian president", "Hezbollah fighters");
        for (Mention m : f.mentions()) {
            assertThat(text.substring(m.start(), m.end())).isEqualTo(m.text());
        }
        assertThat(f.places()).singleElement().satisfies(p -> {
            assertThat(text.substring(p.start(), p.end())).isEqualTo("Kharkiv");
            assertThat(p.place().country()).isEqualTo("UKR");
        });
    }
}
