package org.faultline.coding.events;

import static org.faultline.coding.events.ParseQueries.governingVerb;

import java.util.Set;
import org.faultline.coding.lexicon.Cues;
import org.faultline.coding.lexicon.WordSets;
import org.faultline.nlp.ParsedSentence;

/**
 * Clause-level reading shared by the trigger, modality and participant stages: who, in a report, lays an obligation
 * on the clause ("Russia said that Sudan must return the helicopter"), and whether a clause is what a reporting verb
 * reports. Thread-safe.
 */
final class Clauses {
    private final Cues cues;

    Clauses(Cues cues) {
        this.cues = cues;
    }

    /** Nouns for what a speaker issues, sends or delivers ("a stern reminder to Iraq that it must ..."). */
    private static final Set<String> STATEMENTS = WordSets.bundled().set("statements");

    /** The reporting verb whose content says the trigger's subject "must" or "should" act, or -1. */
    int demandingSpeaker(ParsedSentence s, int v) {
        boolean obligation = false;
        for (int c : s.children(v, "aux")) {
            String w = s.token(c).lemma();
            if (w.equals("must") || w.equals("should")) {
                obligation = true;
            }
        }
        // "must be ready to mediate": the modal sits on the adjective that governs the trigger
        int x = v;
        if (!obligation && s.is(v, "xcomp") && s.head(v) >= 0) {
            x = s.head(v);
            for (int c : s.children(x, "aux")) {
                String w = s.token(c).lemma();
                if (w.equals("must") || w.equals("should")) {
                    obligation = true;
                }
            }
        }
        if (!obligation) {
            return -1;
        }
        int h = s.head(x);
        if (h < 0 || !s.is(x, "ccomp") && !s.is(x, "acl")) {
            return -1;
        }
        if (s.token(h).isNoun() && STATEMENTS.contains(s.token(h).lemma())) {
            return governingVerb(s, h); // "issued a reminder that Iraq must cooperate": the issuer speaks
        }
        boolean statementObject = s.children(h, "obj").stream().anyMatch(o -> STATEMENTS.contains(s.token(o).lemma()));
        return s.is(x, "ccomp") && (cues.is(s.token(h).lemma(), Cues.Kind.REPORT) || statementObject) ? h : -1;
    }

    /**
     * Whether clause {@code x} is what the reporting verb {@code h} above it reports. An xcomp with a subject or a
     * tensed auxiliary of its own is a misparsed complement clause ("said Israel and Hamas had agreed").
     */
    boolean reportedBy(ParsedSentence s, int x, int h) {
        String rel = s.relation(x);
        boolean clause = rel.startsWith("ccomp") || rel.startsWith("parataxis") || rel.startsWith("xcomp")
                && (!s.children(x, "nsubj").isEmpty() || !s.children(x, "aux").isEmpty());
        return clause && cues.is(s.token(h).lemma(), Cues.Kind.REPORT);
    }

    /** Whether {@code h} is a verb of reporting ("said", "told", "reported"). */
    boolean reports(ParsedSentence s, int h) {
        return cues.is(s.token(h).lemma(), Cues.Kind.REPORT);
    }
}
