package org.faultline.nlp;

import java.util.List;
import java.util.Set;

/**
 * Repairs one systematic error of the part-of-speech tagger, before the parse: a plural noun that opens a sentence
 * read as a verb in the third person ({@code VBZ}): "Offers of help were turned down", "Talks between the two sides
 * resumed", "Clashes erupted along the border". The parser then makes the noun the sentence's verb and the real verb
 * a dependent, so the offer has no agent and the talks no sides. A sentence does not open with a finite verb other
 * than an auxiliary ("Does ...", "Has ..."); where the first word is tagged {@code VBZ}, is capitalised, is no
 * auxiliary, is followed by a word that cannot be its object (a preposition, "to", a conjunction, an adverb, a comma
 * or a finite verb, not a name, pronoun or determiner: "Says the minister" stays a verb) and a finite verb follows
 * later in the sentence, it is retagged {@code NNS}. Stateless; thread-safe.
 */
public final class InitialNounRepair {
    private static final Set<String> AUXILIARIES = Set.of("be", "have", "do");
    /** Tags that may follow a plural noun subject but not start a verb's object. */
    private static final Set<String> AFTER_NOUN = Set.of("IN", "TO", "CC", "RB", ",", "VBD", "VBZ", "VBP", "MD");

    private InitialNounRepair() {
    }

    /** The index of the sentence-opening word to retag as a plural noun (always 0), or -1. */
    public static int pick(List<Token> tokens) {
        int n = tokens.size();
        if (n < 3) {
            return -1;
        }
        Token first = tokens.get(0);
        if (!first.pos().equals("VBZ") || AUXILIARIES.contains(first.lemma()) || first.word().isEmpty()
                || !Character.isUpperCase(first.word().charAt(0)) || !first.word().endsWith("s")
                || !AFTER_NOUN.contains(tokens.get(1).pos())) {
            return -1;
        }
        for (int k = 1; k < n; k++) {
            if (FiniteVerbRepair.FINITE.contains(tokens.get(k).pos())) {
                return 0;
            }
        }
        return -1;
    }
}
