package org.faultline.coding;

import java.util.Locale;
import java.util.Set;
import org.faultline.nlp.ParsedDocument;
import org.faultline.nlp.ParsedSentence;
import org.faultline.nlp.Token;

/**
 * Says when an article does not look like English, which the coder's models and lexicon are for: English prose
 * has one of its most common function words ("the", "of", "and", "to", ...) in about every third to fifth word;
 * French, German, Spanish, Russian or Arabic text has almost none of them. A text with fewer than 4 % of its
 * words among them (and at least 40 words, so that headlines and lists are not judged) gets a warning, so that
 * an article that yields no events is not silently taken for one that has none.
 */
final class LanguageCheck {
    private static final Set<String> FUNCTION_WORDS = Set.of("the", "of", "and", "to", "in", "a", "is", "was",
            "that", "for", "on", "with", "as", "by", "it", "at", "from", "his", "her", "their", "are", "were", "has",
            "have", "had", "be", "been", "this", "which", "an", "not", "but", "or", "they", "he", "she", "said",
            "will", "would", "after", "its");
    static final int MIN_WORDS = 40;
    static final double MIN_SHARE = 0.04;

    private LanguageCheck() {
    }

    /** A sentence for the user when the document does not look like English, else {@code null}. */
    static String problem(ParsedDocument doc) {
        int words = 0;
        int common = 0;
        for (ParsedSentence s : doc.sentences()) {
            for (Token t : s.tokens()) {
                String w = t.word();
                if (w.isEmpty() || !Character.isLetter(w.codePointAt(0))) {
                    continue;
                }
                words++;
                if (FUNCTION_WORDS.contains(w.toLowerCase(Locale.ROOT))) {
                    common++;
                }
            }
        }
        if (words < MIN_WORDS) {
            return null;
        }
        double share = (double) common / words;
        if (share >= MIN_SHARE) {
            return null;
        }
        return String.format(Locale.ROOT, "the text does not look like English (%.1f%% of its %d words are common "
                + "English words, expected at least %.0f%%): the coder reads English only, events may be missing",
                100 * share, words, 100 * MIN_SHARE);
    }
}
