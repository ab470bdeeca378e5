package org.faultline.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Repairs one systematic error of the part-of-speech tagger, before the parse: the verb of an infinitive read as a
 * noun after a word that takes one ("Norland intends to annex the islands", "the decision to blockade the port",
 * "vowed to shell Velmora"). The tagger then makes "to" a preposition and the verb a noun, the parser hangs the
 * object on it as a compound or an oblique, and the act has no verb. Where "to" follows (adverbs between allowed) a
 * verb or noun that takes an infinitive (intend, plan, decide, agree, refuse, threaten, vow, pledge, promise, seek,
 * try, attempt, prepare, ...; plan, intention, decision, threat, attempt, bid, effort, pledge, ...) and the word
 * after "to" is tagged a singular noun and is followed by the start of an object (a determiner, a name, a pronoun, a
 * number), that word is retagged {@code VB} and "to" {@code TO}. "Agreed to peace talks", "the threat to regional
 * peace" and "a threat to the region" stay as they are: no object follows the noun, or no noun follows "to".
 * Stateless; thread-safe.
 */
public final class InfinitiveRepair {
    /** Verbs and nouns that take an infinitive: "intends to", "the decision to". */
    private static final Set<String> TAKES_INFINITIVE = Set.of("intend", "plan", "decide", "agree", "refuse",
            "threaten", "vow", "pledge", "promise", "seek", "try", "attempt", "prepare", "aim", "hope", "fail", "offer",
            "resolve", "undertake", "vote", "choose", "want", "wish", "expect", "intention", "decision", "threat",
            "bid", "effort", "readiness", "willingness", "determination", "refusal", "ultimatum");
    /** Tags that start an object right after a verb: "annex the islands", "annex Velmora", "annex it". */
    private static final Set<String> OBJECT_START = Set.of("DT", "PDT", "NNP", "NNPS", "PRP", "PRP$", "CD");

    private InfinitiveRepair() {
    }

    /**
     * The indices of the words to retag as base-form verbs (each right after a "to" that is retagged {@code TO}), in
     * order; empty when there are none. Reads the tokens' words, tags and lemmas (the cheap pass's).
     */
    public static List<Integer> pick(List<Token> tokens) {
        List<Integer> out = new ArrayList<>(0);
        int n = tokens.size();
        for (int k = 2; k + 1 < n; k++) {
            Token to = tokens.get(k - 1);
            if (!to.word().toLowerCase(Locale.ROOT).equals("to") || !tokens.get(k).pos().equals("NN")
                    || !OBJECT_START.contains(tokens.get(k + 1).pos())) {
                continue;
            }
            int gov = k - 2;
            while (gov > 0 && tokens.get(gov).pos().startsWith("RB")) {
                gov--;
            }
            Token g = tokens.get(gov);
            if ((g.pos().startsWith("VB") || g.pos().startsWith("NN")) && TAKES_INFINITIVE.contains(g.lemma())) {
                out.add(k);
            }
        }
        return out;
    }
}
