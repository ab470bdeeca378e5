package org.faultline.coding.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.faultline.coding.SharedCoder;
import org.faultline.coding.actors.Mention;
import org.faultline.coding.actors.MentionFinder;
import org.faultline.coding.lexicon.CameoCodebook;
import org.faultline.coding.lexicon.Cues;
import org.faultline.coding.lexicon.TriggerLexicon;
import org.faultline.model.EventType;
import org.faultline.model.Modality;
import org.faultline.nlp.ParsedSentence;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The type stage and the late participant stage on sentences written for this test, parsed by the shared CoreNLP
 * pipeline (loaded once per test JVM) with the bundled lexicon and knowledge base. Each test reads one trigger the way
 * {@link EventExtractor} does (participants, modality, a {@link Reading}) and checks what the stage makes of it.
 */
class RecodeStageTest {
    private static final LocalDate DATE = LocalDate.of(2024, 5, 1);
    private static TriggerStage triggers;
    private static ParticipantStage participants;
    private static ModalityStage modalities;
    private static RecodeStage stage;
    private static MentionFinder finder;

    @BeforeAll
    static void load() {
        TriggerLexicon lexicon = TriggerLexicon.bundled(CameoCodebook.bundled());
        Cues cues = Cues.bundled();
        Clauses clauses = new Clauses(cues);
        triggers = new TriggerStage(lexicon, clauses);
        participants = new ParticipantStage(clauses);
        modalities = new ModalityStage(cues, clauses);
        stage = new RecodeStage(clauses, modalities);
        finder = new MentionFinder(SharedCoder.get().knowledgeBase());
    }

    /** One sentence read up to the type stage: its parse, mentions, the trigger on {@code lemma} and its reading. */
    private record Read(ParsedSentence s, String text, List<Mention> mentions, Trigger trigger, Reading reading) {
    }

    private static Read read(String text, String lemma) {
        ParsedSentence s = SharedCoder.nlp().parse("recode", text, DATE, x -> true).sentences().get(0);
        List<Mention> mentions = finder.find(s, text, DATE).mentions();
        List<Trigger> found = triggers.find(s);
        Map<Integer, Trigger> byHead = new HashMap<>();
        for (Trigger t : found) {
            byHead.put(t.head(), t);
        }
        Trigger t = found.stream().filter(x -> s.token(x.head()).lemma().equals(lemma)).findFirst()
                .orElseThrow(() -> new AssertionError("no trigger on '" + lemma + "' in " + found));
        ParticipantStage.Participants p = participants.find(s, t, byHead, mentions);
        assertThat(p).as("participants of %s", t.entry().id()).isNotNull();
        List<Mention> actors = new ArrayList<>(p.actors());
        List<Mention> recipients = new ArrayList<>(p.recipients());
        participants.completeRecipients(s, t, mentions, actors, recipients);
        List<String> rules = new ArrayList<>(List.of(t.entry().id()));
        rules.addAll(p.rules());
        Reading r = new Reading(t.entry().type(), t.entry().cameo(), t.entry().mode(), t.entry().context(),
                modalities.modality(s, t.head(), t), null, actors, recipients, p.how(), rules);
        return new Read(s, text, mentions, t, r);
    }

    /** The reading once recoded (the trigger governed by no other). */
    private static Reading recoded(Read x) {
        return stage.recode(x.s(), x.trigger(), null, x.mentions(), x.reading());
    }

    /** The reading recoded, completed by the late participant stage in {@code country}, and the late recodes. */
    private static Reading settled(Read x, String country) {
        Reading r = FallbackStage.complete(x.s(), x.text(), x.trigger(), x.mentions(), List.of(), country, recoded(x));
        return RecodeStage.withoutSelfDyad(RecodeStage.deployment(x.trigger(), r));
    }

    private static List<String> codes(List<Mention> ms) {
        return ms.stream().map(Mention::code).toList();
    }

    private static String lastRule(Reading r) {
        return r.rules().get(r.rules().size() - 1);
    }

    @Test
    void theHostOfAVisitIsItsRecipient() {
        Read x = read("Japan hosted the president of Brazil in Tokyo.", "host");
        assertThat(codes(x.reading().actors())).containsExactly("JPN");
        Reading r = recoded(x);
        // (the title takes its country from "of Brazil" only in the late participant stage)
        assertThat(r.actors()).singleElement().satisfies(m -> assertThat(m.text()).contains("president"));
        assertThat(codes(r.recipients())).containsExactly("JPN");
        assertThat(r.type()).isEqualTo(EventType.CONSULT);
        assertThat(r.rules()).containsExactly("host.v", "host->recipient");
    }

    @Test
    void everyoneOnACallIsAnActor() {
        Reading r = recoded(read("Chile phoned Peru on Monday.", "phone"));
        assertThat(codes(r.actors())).containsExactly("CHL", "PER");
        assertThat(r.recipients()).isEmpty();
        assertThat(r.mode()).isEqualTo("phone");
        assertThat(lastRule(r)).isEqualTo("call->actors");
    }

    @Test
    void whatASpeakerSaysAnotherMustDoIsItsDemand() {
        Read x = read("Russia said that Sudan must return the prisoners.", "return");
        assertThat(x.reading().type()).isEqualTo(EventType.RETREAT);
        Reading r = recoded(x);
        assertThat(r.type()).isEqualTo(EventType.REQUEST);
        assertThat(r.cameo()).isEqualTo("10");
        assertThat(r.mode()).isNull();
        assertThat(r.modality()).isEqualTo(Modality.ASSERTED);
        assertThat(codes(r.actors())).containsExactly("RUS");
        assertThat(codes(r.recipients())).containsExactly("SDN");
        assertThat(lastRule(r)).isEqualTo("must->REQUEST");
    }

    @Test
    void anAnnouncedAttackIsAThreat() {
        Read x = read("Russia will attack Ukraine.", "attack");
        assertThat(x.reading().modality()).isEqualTo(Modality.FUTURE);
        Reading r = recoded(x);
        assertThat(r.type()).isEqualTo(EventType.THREATEN);
        assertThat(r.cameo()).isEqualTo("13");
        assertThat(r.modality()).isEqualTo(Modality.ASSERTED);
        assertThat(r.context()).contains("future");
        assertThat(codes(r.actors())).containsExactly("RUS");
        assertThat(codes(r.recipients())).containsExactly("UKR");
        assertThat(lastRule(r)).isEqualTo("future->THREATEN");
    }

    @Test
    void aStateThatProtestsAccuses() {
        Reading r = recoded(read("Lebanon protested to the United Nations on Friday.", "protest"));
        assertThat(r.type()).isEqualTo(EventType.ACCUSE);
        assertThat(r.cameo()).isEqualTo("111");
        assertThat(r.mode()).isEqualTo("disapprove");
        assertThat(lastRule(r)).isEqualTo("official-protest->ACCUSE");
    }

    @Test
    void anAttackNobodyIsNamedForIsByUnidentifiedForcesOfThePlace() {
        Reading r = settled(read("A soldier was killed on Monday.", "kill"), "UKR");
        assertThat(r.type()).isEqualTo(EventType.ASSAULT);
        assertThat(r.actors()).singleElement().satisfies(m -> {
            assertThat(m.code()).isEqualTo("UKR");
            assertThat(m.sector()).isEqualTo("UAF");
        });
        assertThat(r.how()).isEqualTo("implicit");
        assertThat(r.rules()).contains("implicit-unidentified");
    }

    @Test
    void troopsSentToNobodyAreADeployment() {
        Reading r = settled(read("Britain sent troops to the area on Monday.", "send"), null);
        assertThat(codes(r.actors())).containsExactly("GBR");
        assertThat(r.recipients()).isEmpty();
        assertThat(r.type()).isEqualTo(EventType.MOBILIZE);
        assertThat(r.cameo()).isEqualTo("154");
        assertThat(r.mode()).isEqualTo("troops");
        assertThat(lastRule(r)).isEqualTo("deployment");
    }
}
