package org.faultline.coding.events;

import static org.faultline.coding.events.ParseQueries.hasCase;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.faultline.coding.lexicon.Cues;
import org.faultline.coding.lexicon.WordSets;
import org.faultline.model.Modality;
import org.faultline.nlp.ParsedSentence;

/**
 * The modality stage: needs a parsed sentence, a trigger and the cue lexicon; provides the event's modality
 * (negation and its scope, refusal with its anchor, future and promise, hypothetical and question) and whether a
 * clause states an intent. Thread-safe.
 */
final class ModalityStage {
    private final Cues cues;
    private final Clauses clauses;

    ModalityStage(Cues cues, Clauses clauses) {
        this.cues = cues;
        this.clauses = clauses;
    }

    /**
     * "would not fire", "will not attack": whether the verb has a future auxiliary of its own (which
     * {@link #modality} does not report once the verb is negated).
     */
    boolean futureAux(ParsedSentence s, int v) {
        for (int a : s.children(v, "aux")) {
            String l = s.token(a).lemma();
            if (l.equals("will") || l.equals("would") || l.equals("shall")) {
                return true;
            }
        }
        return false;
    }

    /** The modality of the event a trigger names: negated, refused, future, hypothetical or asserted. */
    Modality modality(ParsedSentence s, int v, Trigger t) {
        if (negatedAt(s, v) || t.nounHead() >= 0 && t.nounHead() != v && negatedAt(s, t.nounHead())) {
            return Modality.NEGATED;
        }
        for (int c : s.children(v, "aux")) {
            String w = s.token(c).lemma();
            if (w.equals("will") || w.equals("shall") || w.equals("'ll")) {
                return Modality.FUTURE;
            }
            if (w.equals("would") && underReport(s, v)) {
                return Modality.FUTURE; // "X said it would withdraw": a stated intention
            }
            if (w.equals("would") || w.equals("could") || w.equals("might") || w.equals("may")) {
                return Modality.HYPOTHETICAL;
            }
        }
        for (int c : s.children(v, "mark")) {
            if (s.token(c).lemma().equals("if") || s.token(c).lemma().equals("unless")) {
                return Modality.HYPOTHETICAL;
            }
        }
        if (refusalAnchorOf(s, v) >= 0) {
            return Modality.REFUSED;
        }
        if (prevented(s, v)) {
            // "hostilities were prevented by the mediation", "a coup was foiled": what was stopped did not happen
            // (unlike "the assault was repelled", an attack all the same)
            return Modality.HYPOTHETICAL;
        }
        int x = v;
        for (int depth = 0; depth < 3; depth++) {
            int h = s.head(x);
            String rel = s.relation(x);
            if (h >= 0 && rel != null && rel.startsWith("conj") && s.is(h, "xcomp")) {
                x = h; // "agreed to disarm and surrender": the conjunct shares its sibling's "to" and governor
                continue;
            }
            if (h < 0 || rel == null || !(rel.startsWith("xcomp") || rel.startsWith("ccomp") || rel.startsWith("dep")
                    || rel.startsWith("advcl") || rel.startsWith("obj") || rel.startsWith("csubj")
                    // "plans to send troops", "permission to strike": the infinitive hangs under a noun of intent
                    || rel.equals("acl") && s.token(h).isNoun() && cues.kind(s.token(h).lemma()) != null)
                    || temporal(s, x)) {
                break;
            }
            int intent = rel.startsWith("ccomp") || rel.startsWith("xcomp") ? intentObject(s, h) : -1;
            if (intent >= 0) {
                // "had no plans to send troops", "has every intention of sending": the noun of intent is the verb's
                // object, the act its complement
                Cues.Kind ik = cues.kind(s.token(intent).lemma());
                return negatedAt(s, intent) ? Modality.NEGATED
                        : ik == Cues.Kind.FUTURE ? Modality.FUTURE : Modality.HYPOTHETICAL;
            }
            String gl = s.token(h).lemma();
            Cues.Kind k = cues.kind(gl);
            if (keptOpen(s, h) && !rel.startsWith("advcl")) {
                // "did not rule out sending troops", "would not refuse to talk": an option kept open is announced as
                // possible, not denied (the future recode makes force a threat and talks an offer)
                return Modality.FUTURE;
            }
            if (k == Cues.Kind.REFUSAL && !purposeOfRefusedObject(s, x, h)) {
                return Modality.REFUSED;
            }
            if (k == Cues.Kind.HYPOTHETICAL || k == Cues.Kind.PAST_FAILED) {
                // a consideration declined later ("weighed ... and decided against it") was caught above
                return negatedAt(s, h) ? Modality.NEGATED : Modality.HYPOTHETICAL;
            }
            if (k == Cues.Kind.FUTURE) {
                return negatedAt(s, h) ? Modality.NEGATED : Modality.FUTURE;
            }
            if (negatedAt(s, h) && !rel.startsWith("ccomp")) {
                return Modality.NEGATED;
            }
            for (int c : s.children(h, "aux")) {
                String w = s.token(c).lemma();
                if (w.equals("will") || w.equals("shall")) {
                    return Modality.FUTURE;
                }
                if (w.equals("would") && rel.startsWith("xcomp") && underReport(s, h)) {
                    return Modality.FUTURE; // "Chad said it would continue to use force": the intent reaches the act
                }
                if (w.equals("would") || w.equals("could") || w.equals("might") || w.equals("may")) {
                    if (!rel.startsWith("ccomp")) {
                        return Modality.HYPOTHETICAL;
                    }
                }
            }
            x = h;
        }
        return Modality.ASSERTED;
    }

    /** The object of verb {@code h} that is a noun of intent or possibility ("plans", "intention"), or -1. */
    private int intentObject(ParsedSentence s, int h) {
        for (int o : s.children(h, "obj")) {
            Cues.Kind k = s.token(o).isNoun() ? cues.kind(s.token(o).lemma()) : null;
            if (k == Cues.Kind.FUTURE || k == Cues.Kind.HYPOTHETICAL) {
                return o;
            }
        }
        return -1;
    }

    /** Marks of a clause that only dates another ("when Kyiv asked ..., Israel declined"). */
    private static final Set<String> TIME_MARKS = WordSets.bundled().set("time-marks");

    /** Verbs of stopping an act before it happens: "was prevented", "was averted", "was foiled". */
    private static final Set<String> PREVENTING = WordSets.bundled().set("preventing-verbs");

    /** An event noun that is the passive subject of a verb of preventing, not negated ("war was not averted"). */
    static boolean prevented(ParsedSentence s, int noun) {
        int h = s.head(noun);
        if (h < 0 || !s.is(noun, "nsubj:pass") || !PREVENTING.contains(s.token(h).lemma())) {
            return false;
        }
        for (int c : s.children(h, "advmod")) {
            String w = s.token(c).lemma();
            if (w.equals("not") || w.equals("never") || w.equals("n't")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether clause {@code x} is an adverbial clause of time: what happened when the main clause's act was refused
     * was not itself refused.
     */
    private static boolean temporal(ParsedSentence s, int x) {
        if (!s.is(x, "advcl")) {
            return false;
        }
        for (int m : s.children(x)) {
            if ((s.is(m, "mark") || s.is(m, "advmod")) && m < x && TIME_MARKS.contains(s.token(m).lemma())) {
                return true;
            }
        }
        return false;
    }

    /** "shunned work to protest", "boycotted the vote to protest": the purpose of a refusal is no refused act. */
    private static boolean purposeOfRefusedObject(ParsedSentence s, int clause, int refusal) {
        return s.is(clause, "advcl") && !s.children(refusal, "obj").isEmpty();
    }

    /** The refusing verb for a trigger or one of its governing verbs ("weighed sending ... and decided against it"). */
    int refusalAnchorOf(ParsedSentence s, int v) {
        return refusalAnchorOf(s, v, false);
    }

    /**
     * The refusing verb, conjoined after a trigger or one of its governing verbs, of another subject named in it
     * ("Hamas said it accepted the plan, but Israel rejected it"): that refusal answers the act and does not take it
     * back; or -1.
     */
    int otherRefusalOf(ParsedSentence s, int v) {
        return refusalAnchorOf(s, v, true);
    }

    private int refusalAnchorOf(ParsedSentence s, int v, boolean other) {
        int x = v;
        for (int depth = 0; depth < 4 && x >= 0; depth++) {
            int a = refusalAnchor(s, x, other);
            if (a >= 0) {
                return a;
            }
            String rel = s.relation(x);
            if (rel == null || !(rel.startsWith("xcomp") || rel.startsWith("ccomp") || rel.startsWith("dep")
                    || rel.startsWith("advcl") || rel.startsWith("obj") || rel.startsWith("csubj")) || temporal(s, x)) {
                break;
            }
            x = s.head(x);
        }
        return -1;
    }



    /** Whether a future act is announced by its actor: under a reporting verb or an intent word (willing, ready). */
    boolean statedIntent(ParsedSentence s, int v) {
        int x = v;
        for (int depth = 0; depth < 3 && x >= 0; depth++) {
            if (underReport(s, x)) {
                return true;
            }
            int h = s.head(x);
            if (h >= 0 && (s.is(x, "xcomp") || s.is(x, "ccomp")) && cues.is(s.token(h).lemma(), Cues.Kind.FUTURE)) {
                return true;
            }
            if (h >= 0 && s.is(x, "acl") && s.token(h).isNoun() && cues.is(s.token(h).lemma(), Cues.Kind.FUTURE)
                    && s.head(h) >= 0 && cues.is(s.token(s.head(h)).lemma(), Cues.Kind.REPORT)) {
                return true; // "announced their intention to remove forces": an intent stated by its holder
            }
            if (h >= 0 && s.is(x, "xcomp") && cues.is(s.token(h).lemma(), Cues.Kind.REPORT)
                    && s.children(h, "obj").stream().anyMatch(o -> cues.is(s.token(o).lemma(), Cues.Kind.FUTURE))) {
                return true; // the same, with the infinitive hung on the verb of saying
            }
            if (!(s.is(x, "xcomp") || s.is(x, "ccomp") || s.is(x, "conj"))) {
                break;
            }
            x = h;
        }
        return false;
    }

    /**
     * "announced that it did not intend to attack", "said it had no plan to invade": {@code v} is the infinitive of a
     * negated verb of intent that is itself reported.
     */
    boolean disavowedIntent(ParsedSentence s, int v) {
        int h = s.head(v);
        return h >= 0 && s.is(v, "xcomp") && cues.is(s.token(h).lemma(), Cues.Kind.FUTURE) && negatedAt(s, h)
                && underReport(s, h);
    }

    private boolean underReport(ParsedSentence s, int v) {
        int h = s.head(v);
        return h >= 0 && (s.is(v, "ccomp") || s.is(v, "parataxis")) && (cues.is(s.token(h).lemma(), Cues.Kind.REPORT)
                || cues.is(s.token(h).lemma(), Cues.Kind.FUTURE));
    }

    /**
     * An adverbial clause opened by a conjunction of reason, time or condition ("collapsed because Norland refused",
     * "collapsed when the army withdrew"): not under the scope of the verb it modifies, unlike "refrained from
     * attacking".
     */
    private static boolean reasonOrTime(ParsedSentence s, int v) {
        for (int m : s.children(v, "mark")) {
            String w = s.token(m).lemma();
            if (!w.equals("from") && !w.equals("to") && !w.equals("of")) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code h} is a refusing verb under negation: "did not rule out", "would not refuse". */
    boolean keptOpen(ParsedSentence s, int h) {
        String phrase = s.token(h).lemma() + (h + 1 < s.size() ? " " + s.token(h + 1).lemma() : "");
        return (cues.kind(s.token(h).lemma()) == Cues.Kind.REFUSAL || cues.phrase(phrase) == Cues.Kind.REFUSAL)
                && negatedAt(s, h);
    }

    /** "weighed sending tanks and decided against it", "considered it but ruled it out": the refusing verb or -1. */
    private int refusalAnchor(ParsedSentence s, int v, boolean other) {
        List<Integer> scope = new ArrayList<>(s.children(v, "conj"));
        if (s.is(v, "conj") && s.head(v) >= 0) {
            scope.add(s.head(v));
            scope.addAll(s.children(s.head(v), "conj"));
        }
        for (int c : scope) {
            if (c <= v || ownNamedSubject(s, c) != other) {
                // "vetoed the resolution and blamed the US": a refusal before the act is an act of its own; so is a
                // refusal with a subject of its own ("Hamas said it accepted the plan, but Israel rejected it"),
                // which only {@link #otherRefusalOf} asks for
                continue;
            }
            String l = s.token(c).lemma();
            if (cues.is(l, Cues.Kind.REFUSAL)) {
                return c;
            }
            if (l.equals("decide") || l.equals("opt") || l.equals("come")) {
                for (int o : s.children(c, "obl")) {
                    if (hasCase(s, o, "against")) {
                        return c;
                    }
                }
                for (int k = c + 1; k < Math.min(s.size(), c + 3); k++) {
                    if (s.token(k).lemma().equals("against")) {
                        return c;
                    }
                }
            }
            String phrase = l + (c + 1 < s.size() ? " " + s.token(c + 1).lemma() : "");
            if (cues.phrase(phrase) == Cues.Kind.REFUSAL) {
                return c;
            }
        }
        return -1;
    }

    /** Whether clause {@code c} has a subject of its own that is not a pronoun ("but Israel rejected it"). */
    private static boolean ownNamedSubject(ParsedSentence s, int c) {
        for (int k : s.children(c)) {
            if (s.relation(k).startsWith("nsubj") && !s.token(k).pos().startsWith("PRP")) {
                return true;
            }
        }
        return false;
    }

    private boolean negatedAt(ParsedSentence s, int v) {
        for (int c : s.children(v)) {
            String rel = s.relation(c);
            String w = s.token(c).lemma();
            if (rel.equals("advmod") && (w.equals("not") || w.equals("never") || w.equals("n't"))) {
                return true;
            }
            if (rel.equals("neg") || rel.equals("det") && w.equals("no") && s.token(v).isNoun()) {
                return true;
            }
            if (rel.equals("advmod") && cues.is(w, Cues.Kind.NEGATION)) {
                return true;
            }
        }
        // "failed to deliver", "refrained from attacking"
        int h = s.head(v);
        if (h >= 0 && (s.is(v, "xcomp") || s.is(v, "advcl") && !reasonOrTime(s, v))
                && cues.is(s.token(h).lemma(), Cues.Kind.NEGATION)) {
            return true;
        }
        return false;
    }

}
