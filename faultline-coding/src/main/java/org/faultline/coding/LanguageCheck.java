package org.faultline.coding;

import java.util.Locale;
import java.util.Set;
import org.faultline.nlp.ParsedDocument;
import org.faultline.nlp.ParsedSentence;
import org.faultline.nlp.Token;

/**
 * Says when an article is written in another language than English, which the coder's models and lexicon are
 * for, so that an article yielding no events is not silently taken for one that has none. Two signs, either
 * enough: most letters are of a non-Latin script (Cyrillic, Arabic, Hebrew, CJK, ...), or the most common function
 * words of French, Spanish, Portuguese, Italian or German outnumber English ones and make up at least 5 % of the
 * words. Tables of figures and lists (earnings reports, sports results), which have few function words in any
 * language, raise no warning. Texts under 40 words are not judged.
 */
final class LanguageCheck {
    private static final Set<String> ENGLISH = org.faultline.coding.lexicon.WordSets.bundled()
            .set("english-function-words");
    /** Frequent function words of other languages written in Latin script, none of them also an English word. */
    private static final Set<String> OTHER = org.faultline.coding.lexicon.WordSets.bundled()
            .set("other-function-words");
    static final int MIN_WORDS = 40;
    static final double MIN_OTHER_SHARE = 0.05;

    private LanguageCheck() {
    }

    /** A sentence for the user when the document is not in English, else {@code null}. */
    static String problem(ParsedDocument doc) {
        int words = 0;
        int english = 0;
        int other = 0;
        long latin = 0;
        long nonLatin = 0;
        for (ParsedSentence s : doc.sentences()) {
            for (Token t : s.tokens()) {
                String w = t.word();
                if (w.isEmpty() || !Character.isLetter(w.codePointAt(0))) {
                    continue;
                }
                words++;
                for (int i = 0; i < w.length(); ) {
                    int cp = w.codePointAt(i);
                    if (Character.isLetter(cp)) {
                        if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN) {
                            latin++;
                        } else {
                            nonLatin++;
                        }
                    }
                    i += Character.charCount(cp);
                }
                String lower = w.toLowerCase(Locale.ROOT);
                if (ENGLISH.contains(lower)) {
                    english++;
                } else if (OTHER.contains(lower)) {
                    other++;
                }
            }
        }
        if (words < MIN_WORDS) {
            return null;
        }
        if (nonLatin > latin) {
            return String.format(Locale.ROOT, "the text is not in English (%d%% of its letters are not Latin): the "
                    + "coder reads English only, events may be missing", Math.round(100.0 * nonLatin / (latin + nonLatin)));
        }
        if (other > english && other >= MIN_OTHER_SHARE * words) {
            return String.format(Locale.ROOT, "the text does not look like English (%d of its %d words are common "
                    + "French, Spanish, Portuguese, Italian or German words, %d English ones): the coder reads English "
                    + "only, events may be missing", other, words, english);
        }
        return null;
    }
}
