package org.faultline.gate;

import java.util.List;
import org.faultline.coding.lexicon.CameoCodebook;
import org.faultline.coding.lexicon.TriggerEntry;
import org.faultline.coding.lexicon.TriggerLexicon;
import org.faultline.nlp.ParsedSentence;

/**
 * The sentences the trigger lexicon marks as certain, which the gate always lets through: those holding one of
 * the lexicon's multi-word event nouns ("peace talks", "military aid", "arrest warrant", "prisoner swap") as a
 * contiguous lemma sequence; a verb of the lexicon followed, within its object's noun phrase, by one of the objects
 * its row asks for ("accepted the American proposal", "signed a ceasefire agreement", "called for talks", "sent
 * troops"), the row being the lexicon's own statement that the pair is an event; or one of the few single words of
 * {@link #WORDS} that in news have no sense but a demonstration. Such a phrase or pair names a political event by
 * itself, where most single words ("fire", "strike", "attack", "execute", "rally", "proposal") have senses the
 * encoder must weigh. Read through the lexicon's own loader from the bundled {@code triggers.tsv}; the cheap pass has
 * no parse, so the object is found by position, not by relation. Immutable, thread-safe.
 */
public final class CertainTriggers {

    /**
     * Lemmas that mark a demonstration whoever holds it: a protest by employees, parents or residents over a local
     * grievance is a PLOVER protest, but the head, trained to tell political events from everyday news, scored such
     * sentences low (on the tune halves, most of the events a stricter gate lost were these). The words' other
     * senses ("the study demonstrates") are rare in news and cost one parse.
     */
    static final java.util.Set<String> WORDS = java.util.Set.of("demonstrate", "demonstration", "demonstrator",
            "protester", "protestor");
    /** Tags a noun phrase's words may have between its verb and its head (no verb, preposition or comma). */
    private static final java.util.Set<String> NOUN_PHRASE_TAGS = java.util.Set.of("DT", "PDT", "JJ", "JJR", "JJS",
            "NN", "NNS", "NNP", "NNPS", "CD", "POS", "PRP$", "HYPH", "VBN", "VBG");
    /** How far after the verb (and its particle) the object's head may lie. */
    private static final int OBJECT_WINDOW = 6;
    private final TriggerLexicon lexicon;

    public CertainTriggers(TriggerLexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** The bundled lexicon, loaded as the coder loads it. */
    public static CertainTriggers bundled() {
        return new CertainTriggers(TriggerLexicon.bundled(CameoCodebook.bundled()));
    }

    /**
     * The id of the first multi-word event noun in the sentence, else of the first verb row whose object follows it,
     * else {@code word:LEMMA} for the first word of {@link #WORDS}, or {@code null} when it has none.
     */
    public String find(ParsedSentence s) {
        String word = null;
        String pair = null;
        for (int i = 0; i < s.size(); i++) {
            String lemma = s.token(i).lemma().toLowerCase(java.util.Locale.ROOT);
            if (word == null && WORDS.contains(lemma)) {
                word = "word:" + lemma;
            }
            for (TriggerEntry e : lexicon.phrasesStartingWith(s.token(i).lemma())) {
                if (!e.light() && matches(s, i, e.words())) {
                    return e.id();
                }
            }
            if (pair == null && s.token(i).pos().startsWith("VB")) {
                pair = verbWithObject(s, i);
            }
        }
        return pair != null ? pair : word;
    }

    /**
     * The id of a verb row for the verb at {@code v} (with its particle next, for a phrasal verb) one of whose
     * one-word objects follows within the noun phrase; else {@code null}. An object of several words ("aid package")
     * is not looked for: its last word is usually an object of the same row too.
     */
    private String verbWithObject(ParsedSentence s, int v) {
        for (TriggerEntry e : lexicon.verb(s.token(v).lemma())) {
            if (e.light() || e.objects().isEmpty()) {
                continue;
            }
            int from = v + 1;
            if (e.particle() != null) {
                if (from >= s.size() || !s.token(from).lemma().equals(e.particle())) {
                    continue;
                }
                from++;
            }
            for (int j = from; j < s.size() && j < from + OBJECT_WINDOW; j++) {
                if (!NOUN_PHRASE_TAGS.contains(s.token(j).pos())) {
                    break;
                }
                String object = s.token(j).lemma();
                if (e.objects().contains(object)) {
                    return e.id();
                }
            }
        }
        return null;
    }

    private static boolean matches(ParsedSentence s, int from, List<String> words) {
        if (from + words.size() > s.size()) {
            return false;
        }
        for (int k = 0; k < words.size(); k++) {
            if (!s.token(from + k).lemma().equals(words.get(k))) {
                return false;
            }
        }
        return true;
    }

    public String sha256() {
        return lexicon.sha256();
    }
}
