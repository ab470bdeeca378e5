package org.faultline.gate;

import java.util.List;
import org.faultline.coding.kb.TsvTable;
import org.faultline.coding.lexicon.CameoCodebook;
import org.faultline.coding.lexicon.TriggerEntry;
import org.faultline.coding.lexicon.TriggerLexicon;
import org.faultline.nlp.ParsedSentence;

/**
 * The sentences the trigger lexicon marks as certain, which the gate always lets through: those holding one of
 * the lexicon's multi-word event nouns ("peace talks", "military aid", "arrest warrant", "prisoner swap") as a
 * contiguous lemma sequence. Such a phrase names a political event by itself, where a single word ("fire",
 * "strike", "attack", "execute") has senses the encoder must weigh. Read through the lexicon's own loader from the
 * bundled {@code triggers.tsv}. Immutable, thread-safe.
 */
public final class CertainTriggers {
    private static final String ROOT = "/org/faultline/coding/lexicon/";
    private final TriggerLexicon lexicon;

    public CertainTriggers(TriggerLexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** The bundled lexicon, loaded as the coder loads it. */
    public static CertainTriggers bundled() {
        CameoCodebook cameo = new CameoCodebook(TsvTable.resource(ROOT + "cameo.tsv", "code", "goldstein"));
        return new CertainTriggers(new TriggerLexicon(TsvTable.resource(ROOT + "triggers.tsv", "id", "pos", "lemma",
                "object", "type", "mode", "context", "cameo"), cameo));
    }

    /** The id of the first multi-word event noun in the sentence, or {@code null} when it has none. */
    public String find(ParsedSentence s) {
        for (int i = 0; i < s.size(); i++) {
            for (TriggerEntry e : lexicon.phrasesStartingWith(s.token(i).lemma())) {
                if (!e.light() && matches(s, i, e.words())) {
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
