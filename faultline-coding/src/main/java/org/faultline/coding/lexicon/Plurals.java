package org.faultline.coding.lexicon;

import org.faultline.nlp.Token;

/** Plural nouns the lemmatizer leaves as they are ("troops" keeps its lemma "troops"). */
public final class Plurals {
    private Plurals() {
    }

    /**
     * The singular a lexicon row is written with: "troops" → "troop" for a plural noun whose lemma kept its "s";
     * any other token gives its lemma. A capitalised first word of a sentence tagged as a proper noun ("Farmers
     * blocked roads") is read as the plural common noun it usually is.
     */
    public static String singular(Token t) {
        String l = t.lemma();
        boolean keptPlural = t.isPluralNoun() || t.pos().equals("NNP") && t.index() == 0;
        return keptPlural && l.length() > 3 && l.endsWith("s") && !l.endsWith("ss") ? l.substring(0, l.length() - 1) : l;
    }

    /** Whether the token's lemma, or the singular a lexicon row writes it with, is one of {@code words}. */
    public static boolean in(java.util.Collection<String> words, Token t) {
        return words.contains(t.lemma()) || words.contains(singular(t));
    }
}
