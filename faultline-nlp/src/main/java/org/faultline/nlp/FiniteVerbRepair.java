package org.faultline.nlp;

import java.util.List;
import java.util.Set;

/**
 * Repairs one systematic error of the part-of-speech tagger, before the parse: a past-tense main verb tagged as a
 * past participle ({@code VBN}) in a sentence that then has no finite verb at all. The tagger does this most where a
 * long subject or a parenthesis stands between subject and verb ("Thailand, on 15 July, proposed negotiations",
 * "Amal, under Syria's pressure, freed 600 prisoners") and with verbs whose participle is common ("called for",
 * "fired upon"); the parser then reads the verb as a participle modifying its subject ("forces fired upon ...") and the
 * sentence has no clause. A sentence needs a finite verb; where it has none, the first participle that stands where a
 * finite verb would is retagged {@code VBD}: after its subject (a noun or pronoun, adverbs between allowed) or after
 * the comma closing a parenthesis, with no "be", "have" or "get" before it, not inside a "with ..." absolute phrase
 * ("with the situation stalemated"), and followed by an object or particle; or followed by a preposition or adverb in a
 * sentence that ends with a full stop, not "by" (a headline, "Five soldiers killed in ambush", and "treaties signed by
 * Moscow" are passives and stay). Stateless; thread-safe.
 */
public final class FiniteVerbRepair {
    /** The tags of a finite verb or modal. */
    static final Set<String> FINITE = Set.of("VBD", "VBZ", "VBP", "MD");
    private static final Set<String> AUXILIARIES = Set.of("be", "have", "get");
    /** Tags that start an object or particle right after the verb ("freed 600 prisoners", "handed over"). */
    private static final Set<String> OBJECT_START = Set.of("DT", "PDT", "CD", "NN", "NNS", "NNP", "NNPS", "JJ", "JJR",
            "JJS", "PRP", "PRP$", "RP");
    /** Tags after which a participle modifies the noun that follows ("the blockaded port", "through UN-authorized"). */
    private static final Set<String> BEFORE_MODIFIER = Set.of("DT", "PDT", "JJ", "JJR", "JJS", "PRP$", "POS", "CD",
            "IN", "TO", "CC", "HYPH", "VBN");

    private FiniteVerbRepair() {
    }

    /**
     * The index of the participle to retag as a past-tense verb, or -1 when the sentence has a finite verb or no
     * participle stands where its verb would. Reads the tokens' words, tags and lemmas (the cheap pass's).
     */
    public static int pick(List<Token> tokens) {
        int n = tokens.size();
        for (Token t : tokens) {
            if (FINITE.contains(t.pos())) {
                return -1;
            }
        }
        boolean fullStop = n > 0 && tokens.get(n - 1).word().equals(".");
        boolean absolute = false;
        for (int k = 0; k < n; k++) {
            String w = tokens.get(k).word().toLowerCase(java.util.Locale.ROOT);
            if (tokens.get(k).pos().equals(",")) {
                absolute = false;
            } else if (w.equals("with") || w.equals("without")) {
                absolute = true;
            }
            if (!tokens.get(k).pos().equals("VBN") || k == 0 || absolute) {
                continue;
            }
            int prev = k - 1;
            while (prev > 0 && tokens.get(prev).pos().startsWith("RB")) {
                prev--;
            }
            String p = tokens.get(prev).pos();
            if (AUXILIARIES.contains(tokens.get(prev).lemma()) || BEFORE_MODIFIER.contains(p)) {
                continue;
            }
            boolean afterSubject = p.startsWith("NN") || p.equals("PRP") || p.equals(",")
                    || p.equals("VBG") && prev == 0; // "Fighting subsided"
            if (!afterSubject) {
                continue;
            }
            String next = k + 1 < n ? tokens.get(k + 1).pos() : ".";
            boolean object = OBJECT_START.contains(next);
            boolean oblique = fullStop && (next.equals("IN") || next.equals("TO") || next.startsWith("RB"))
                    && !tokens.get(k + 1).word().equalsIgnoreCase("by");
            if (object || oblique) {
                return k;
            }
        }
        return -1;
    }
}
