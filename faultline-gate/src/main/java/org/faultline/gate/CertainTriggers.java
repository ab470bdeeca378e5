package org.faultline.gate;

import java.util.List;
import org.faultline.coding.lexicon.CameoCodebook;
import org.faultline.coding.lexicon.TriggerEntry;
import org.faultline.coding.lexicon.TriggerLexicon;
import org.faultline.nlp.ParsedSentence;

/**
 * The sentences the trigger lexicon marks as certain, which the gate always lets through: those holding one of
 * the lexicon's multi-word event nouns ("peace talks", "military aid", "arrest warrant", "prisoner swap") as a
 * contiguous lemma sequence, or one of the few single words of {@link #WORDS} that in news have no sense but a
 * demonstration. Such a phrase or word names a political event by itself, where most single words ("fire",
 * "strike", "attack", "execute", "rally") have senses the encoder must weigh. Read through the lexicon's own loader
 * from the bundled {@code triggers.tsv}. Immutable, thread-safe.
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
    private final TriggerLexicon lexicon;

    public CertainTriggers(TriggerLexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** The bundled lexicon, loaded as the coder loads it. */
    public static CertainTriggers bundled() {
        return new CertainTriggers(TriggerLexicon.bundled(CameoCodebook.bundled()));
    }

    /**
     * The id of the first multi-word event noun in the sentence, else {@code word:LEMMA} for the first word of
     * {@link #WORDS}, or {@code null} when it has neither.
     */
    public String find(ParsedSentence s) {
        String word = null;
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
        }
        return word;
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
