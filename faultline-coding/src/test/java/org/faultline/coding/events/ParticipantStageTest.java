package org.faultline.coding.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
import org.faultline.nlp.ParsedDocument;
import org.faultline.nlp.ParsedSentence;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The participant and context stages on sentences written for this test, parsed by the shared CoreNLP pipeline
 * (loaded once per test JVM) with the bundled lexicon and knowledge base.
 */
class ParticipantStageTest {
    private static final LocalDate DATE = LocalDate.of(2024, 5, 1);
    private static TriggerStage triggers;
    private static ParticipantStage stage;
    private static MentionFinder finder;

    @BeforeAll
    static void load() {
        TriggerLexicon lexicon = TriggerLexicon.bundled(CameoCodebook.bundled());
        Clauses clauses = new Clauses(Cues.bundled());
        triggers = new TriggerStage(lexicon, clauses);
        stage = new ParticipantStage(clauses);
        finder = new MentionFinder(SharedCoder.get().knowledgeBase());
    }

    /**
     * What the stage reads for the first trigger of one type, as codes: the actors, the recipients the parse names,
     * the recipients once completed (nearest to the right, actors removed), how the actor was found and the rules.
     */
    private record Read(List<String> actors, List<String> parsed, List<String> recipients, String how,
                        List<String> rules) {
    }

    private static ParsedDocument parse(String text) {
        return SharedCoder.nlp().parse("participants", text, DATE, s -> true);
    }

    private static Read read(String text, EventType type) {
        ParsedSentence s = parse(text).sentences().get(0);
        List<Mention> mentions = finder.find(s, text, DATE).mentions();
        return read(s, mentions, type);
    }

    private static Read read(ParsedSentence s, List<Mention> mentions, EventType type) {
        List<Trigger> found = triggers.find(s);
        Map<Integer, Trigger> byHead = new HashMap<>();
        for (Trigger t : found) {
            byHead.put(t.head(), t);
        }
        Trigger t = found.stream().filter(x -> x.entry().type() == type).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " trigger in " + found));
        ParticipantStage.Participants p = stage.find(s, t, byHead, mentions);
        assertThat(p).as("participants of %s", t.entry().id()).isNotNull();
        List<Mention> recipients = new java.util.ArrayList<>(p.recipients());
        stage.completeRecipients(s, t, mentions, p.actors(), recipients);
        return new Read(codes(p.actors()), codes(p.recipients()), codes(recipients), p.how(), p.rules());
    }

    private static List<String> codes(List<Mention> ms) {
        return ms.stream().map(Mention::code).toList();
    }

    @Test
    void theSubjectActsOnTheObject() {
        Read r = read("Russia attacked Ukraine on Monday.", EventType.ASSAULT);
        assertThat(r).isEqualTo(new Read(List.of("RUS"), List.of("UKR"), List.of("UKR"), "syntax", List.of()));
    }

    @Test
    void aPassiveActsThroughItsByAgentOnItsSubject() {
        Read r = read("Ukraine was attacked by Russia on Monday.", EventType.ASSAULT);
        assertThat(r.actors()).containsExactly("RUS");
        assertThat(r.recipients()).containsExactly("UKR");
        assertThat(r.how()).isEqualTo("syntax");
    }

    @Test
    void coordinatedSubjectsAreAllActors() {
        Read r = read("France and Germany condemned Iran on Tuesday.", EventType.ACCUSE);
        assertThat(r.actors()).containsExactly("FRA", "DEU");
        assertThat(r.recipients()).containsExactly("IRN");
    }

    @Test
    void anIndirectObjectIsTheRecipient() {
        Read r = read("Russia offered Syria military help.", EventType.AGREE);
        assertThat(r.actors()).containsExactly("RUS");
        // from the parse itself, not from the nearest mention to the right
        assertThat(r.parsed()).containsExactly("SYR");
        assertThat(r.recipients()).containsExactly("SYR");
    }

    @Test
    void anEventNounTakesItsPossessorAsActor() {
        Read r = read("Russia's invasion of Ukraine shocked Europe.", EventType.ASSAULT);
        assertThat(r.actors()).containsExactly("RUS");
        assertThat(r.recipients()).containsExactly("UKR");
    }

    @Test
    void talksBetweenTwoPartiesMakeBothActors() {
        Read r = read("Talks between Armenia and Azerbaijan resumed on Sunday.", EventType.CONSULT);
        assertThat(r.actors()).containsExactly("ARM", "AZE");
        assertThat(r.recipients()).isEmpty();
    }

    @Test
    void clashesBetweenTwoPartiesMakeBothActors() {
        Read r = read("Clashes took place between Armenia and Azerbaijan on Sunday.", EventType.ASSAULT);
        assertThat(r.actors()).containsExactly("ARM", "AZE");
        assertThat(r.recipients()).isEmpty();
    }

    @Test
    void aPronounTakesItsAntecedentsActor() {
        String text = "Hezbollah fighters crossed the border. They fired rockets at Israel.";
        ParsedDocument doc = parse(text);
        DocumentContext ctx = new DocumentContext(null);
        ParsedSentence first = doc.sentences().get(0);
        ctx.remember(finder.find(first, text, DATE).mentions(), List.of(), first);
        ParsedSentence second = doc.sentences().get(1);
        List<Mention> mentions = ContextStage.resolvePronouns(finder.find(second, text, DATE).mentions(), ctx, second);
        Mention they = mentions.stream().filter(m -> m.source() == Mention.Source.PRONOUN).findFirst().orElseThrow();
        assertThat(they.text()).isEqualTo("They");
        assertThat(they.code()).isEqualTo("LBN");
        assertThat(they.antecedent()).isNotNull();
        assertThat(they.antecedent().text()).contains("Hezbollah");
        assertThat(read(second, mentions, EventType.ASSAULT).actors()).containsExactly("LBN");
    }
}
