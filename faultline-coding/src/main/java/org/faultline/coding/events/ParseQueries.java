package org.faultline.coding.events;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.faultline.model.EventType;
import org.faultline.nlp.ParsedSentence;
import org.faultline.nlp.Token;

/**
 * Questions about the dependency parse that several stages ask: the case marker of a phrase, the object of a
 * verb, the verb governing a noun. Pure functions of the parse; no state.
 */
final class ParseQueries {
    private ParseQueries() {
    }

    static boolean hasCase(ParsedSentence s, int tok, String... preps) {
        for (int k : s.children(tok, "case")) {
            String l = s.token(k).lemma();
            for (String p : preps) {
                if (l.equals(p)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a case marker of {@code tok} is one of {@code preps} (a word set's lemmas). */
    static boolean hasCase(ParsedSentence s, int tok, Set<String> preps) {
        for (int k : s.children(tok, "case")) {
            if (preps.contains(s.token(k).lemma())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether word {@code w} carries an existential "there" ({@code expl}): the "be" of "there was no agreement", or
     * the noun the parser makes the predicate of "there would be no negotiations", with "be" as its copula.
     */
    static boolean existential(ParsedSentence s, int w) {
        return s.children(w, "expl").stream().anyMatch(e -> s.token(e).lemma().equals("there"));
    }

    /** A verb with a tense of its own (past or present; "rejected", "rejects", "reject"), not a participle or infinitive. */
    static boolean tensed(ParsedSentence s, int v) {
        String tag = s.token(v).pos();
        return tag.equals("VBD") || tag.equals("VBZ") || tag.equals("VBP");
    }

    /** A word the tagger read as part of a date, time or duration ("23 March", "next May", "for three days"). */
    static boolean temporal(Token t) {
        String ner = t.ner();
        return "DATE".equals(ner) || "TIME".equals(ner) || "DURATION".equals(ner) || "SET".equals(ner);
    }

    static int objectHead(ParsedSentence s, int verb) {
        List<Integer> obj = s.children(verb, "obj");
        for (int o : obj) {
            if (!"DATE".equals(s.token(o).ner())) {
                return o; // "lifted Friday a day-old blockade": the date is no object
            }
        }
        if (!obj.isEmpty()) {
            return obj.get(0);
        }
        List<Integer> pass = s.children(verb, "nsubj:pass");
        if (!pass.isEmpty()) {
            return relativeAntecedent(s, verb, pass.get(0)); // "officers who were fired": the officers
        }
        // reduced relative: "the accord signed by", "weapons sent to Russia"
        if (s.is(verb, "acl") && s.head(verb) >= 0 && s.token(s.head(verb)).isNoun()) {
            return s.head(verb);
        }
        // "declared a ceasefire" parsed as xcomp; "launched strikes" with obl
        for (int c : s.children(verb, "xcomp")) {
            if (s.token(c).isNoun()) {
                return c;
            }
        }
        return -1;
    }

    static int governingVerb(ParsedSentence s, int noun) {
        int h = s.head(noun);
        return h >= 0 && (s.token(h).isVerb() || s.token(h).pos().startsWith("JJ")) ? h : -1;
    }

    /**
     * Whether event noun {@code v} of type {@code type} is talks with a named counterpart as the occasion of another
     * act: an oblique under "during" with a "with" or "between" phrase ("pledged aid during a meeting with X", "said
     * during talks with X"). Such talks took place and are news; a war, raid or protest "during" which something
     * happened, or a visit whose host is not named as a party, stays the setting (it may be another side's act).
     */
    static boolean talksAsOccasion(ParsedSentence s, int v, EventType type) {
        if (type != EventType.CONSULT || !s.relation(v).startsWith("obl") || !hasCase(s, v, "during")) {
            return false;
        }
        for (int c : s.children(v)) {
            if (s.relation(c).startsWith("nmod") && hasCase(s, c, "with", "between")) {
                return true;
            }
        }
        return false;
    }

    /** The case marker of a phrase ("in", "according to"), lower case, or {@code null}. */
    static String caseOf(ParsedSentence s, int tok) {
        List<Integer> k = s.children(tok, "case");
        if (k.isEmpty()) {
            return null;
        }
        String w = s.token(k.get(0)).lemma();
        if (k.size() > 1) {
            w = w + " " + s.token(k.get(1)).lemma();
        }
        return w.toLowerCase(Locale.ROOT);
    }

    /**
     * The noun a relative clause hangs on when {@code pronoun}, an argument of {@code verb}, is its relative "who",
     * "which" or "that" ("Els Borst, who was murdered in 2014"); otherwise {@code pronoun} itself.
     */
    static int relativeAntecedent(ParsedSentence s, int verb, int pronoun) {
        String w = s.token(pronoun).lemma();
        if (!(w.equals("who") || w.equals("which") || w.equals("that") || w.equals("whom"))) {
            return pronoun;
        }
        int clause = verb;
        if (s.is(clause, "conj") && s.head(clause) >= 0 && s.is(s.head(clause), "acl")) {
            clause = s.head(clause); // "which Tehran has funded and armed": the conjunct's clause
        }
        return s.is(clause, "acl") && s.head(clause) >= 0 ? s.head(clause) : pronoun;
    }
}
