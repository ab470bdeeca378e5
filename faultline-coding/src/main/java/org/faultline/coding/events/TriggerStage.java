package org.faultline.coding.events;

import static org.faultline.coding.events.ParseQueries.existential;
import static org.faultline.coding.events.ParseQueries.hasCase;
import static org.faultline.coding.events.ParseQueries.objectHead;
import static org.faultline.coding.events.ParseQueries.temporal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.faultline.coding.lexicon.Guards;
import org.faultline.coding.lexicon.Guards.Guard;
import org.faultline.coding.lexicon.Plurals;
import org.faultline.coding.lexicon.TriggerEntry;
import org.faultline.coding.lexicon.TriggerLexicon;
import org.faultline.coding.lexicon.WordSets;
import org.faultline.model.EventType;
import org.faultline.nlp.ParsedSentence;
import org.faultline.nlp.Token;

/**
 * The trigger stage: needs a parsed sentence and the trigger lexicon; provides the sentence's {@link Trigger}s.
 * Verbs (with particles and object constraints, light verbs resolved to their event noun), reported obligations
 * ("X said Y must ..."), multi-word event nouns and single event nouns; words that name no political act here are
 * left out by the guards of {@code guards.tsv} (natural hazards as subjects, the dead of accidents, play in sport,
 * dates, adjectival participles). Thread-safe.
 */
public final class TriggerStage {
    private final TriggerLexicon lexicon;
    private final Clauses clauses;

    TriggerStage(TriggerLexicon lexicon, Clauses clauses) {
        this.lexicon = lexicon;
        this.clauses = clauses;
    }

    private static final Set<String> NOMINAL_RELS = Set.of("nsubj", "nsubj:pass", "obj", "obl", "nmod", "root", "conj",
            "appos", "dep", "iobj", "obl:tmod", "obl:npmod");

    private static final Set<String> QUANTITY_NOUNS = WordSets.bundled().set("quantity-nouns");
    /** "efforts", "campaign", "mission": nouns that name only the carrying out of the event noun compounded with them. */
    private static final Set<String> FRAME_NOUNS = WordSets.bundled().set("frame-nouns");
    /** "threat": nouns of an act made or of a danger perceived ({@link #dangerSense} tells which). */
    private static final Set<String> DANGER_NOUNS = WordSets.bundled().set("danger-nouns");
    /** "perceive", "face", "counter": verbs whose object is a danger, not an act. */
    private static final Set<String> DANGER_PERCEIVERS = WordSets.bundled().set("danger-perceivers");
    /** "perceived", "potential": modifiers that make a danger noun a danger. */
    private static final Set<String> DANGER_MARKS = WordSets.bundled().set("danger-marks");

    private static final Guard PARTICIPLE_MODIFIER = guard("guard.participle-modifier");
    private static final Guard NATURAL_FORCE = guard("guard.natural-force");
    private static final Guard SPORT = guard("guard.sport");
    private static final Guard ACCIDENT = guard("guard.accident");
    private static final Guard DATE_NOUN = guard("guard.date-noun");
    private static final Guard DANGER_SENSE = guard("guard.danger-sense");
    private static final Guard RECEPTION = guard("guard.reception");
    private static final Guard UNDONE = guard("guard.undone");
    /** "lifting", "suspension": nouns that undo what is named under their "of" ({@link #UNDONE}). */
    private static final Set<String> REVERSAL_NOUNS = WordSets.bundled().set("reversal-nouns");
    /** Nouns of how something was received, as in "met with opposition". */
    private static final Set<String> RECEPTION_NOUNS = WordSets.bundled().set("reception-nouns");

    private static Guard guard(String id) {
        return Guards.bundled().get(id, TriggerStage.class);
    }

    /**
     * A trigger word a guard left out before the lexicon was read for it: what the debug trace lists.
     *
     * @param token the word's index in the sentence
     * @param guard the guard that left it out
     */
    record Skipped(int token, Guard guard) {
    }

    /** Whether a sentence has any trigger word: half of the cheap test before the costly parse. */
    public boolean hasTriggerWord(ParsedSentence s) {
        for (int i = 0; i < s.size(); i++) {
            if (lexicon.mayTrigger(s.token(i).lemma()) || lexicon.mayTrigger(hyphenated(s, i))) {
                return true;
            }
        }
        return false;
    }

    /** The triggers of a parsed sentence, in the order the rules rely on: verbs, obligations, phrases, nouns. */
    public List<Trigger> find(ParsedSentence s) {
        return find(s, null);
    }

    /**
     * {@link #find(ParsedSentence)}, also adding to {@code skipped}, unless it is {@code null} (the debug trace asks
     * for them, nothing else does), each word of the lexicon that a guard left out.
     */
    List<Trigger> find(ParsedSentence s, List<Skipped> skipped) {
        List<Trigger> out = new ArrayList<>();
        Set<Integer> consumedNouns = new java.util.HashSet<>();
        for (int i = 0; i < s.size(); i++) {
            Token t = s.token(i);
            if (!t.isVerb() && !(t.pos().equals("JJ") && s.is(i, "root"))) {
                continue;
            }
            if (s.is(i, "amod") || s.is(i, "compound")) {
                // "the occupied West Bank", "the besieged town", "Syrian-backed militia"
                skip(skipped, t, i, PARTICIPLE_MODIFIER);
                continue;
            }
            if (hasNaturalForceSubject(s, i)) {
                // "an earthquake struck southern Turkey": nature does not act politically
                skip(skipped, t, i, NATURAL_FORCE);
                continue;
            }
            if (PLAY_VERBS.contains(t.lemma()) && sport(s)) {
                // "Ireland attacked relentlessly and won the match" is play, not force
                skip(skipped, t, i, SPORT);
                continue;
            }
            if (CASUALTY_VERBS.contains(t.lemma()) && accident(s, i)) {
                // "a boat sank off Malaysia, killing 15": the dead of a wreck are no attack
                skip(skipped, t, i, ACCIDENT);
                continue;
            }
            if (t.lemma().equals("meet") && metWithReception(s, i)) {
                // "the plan met with stiff opposition": a reception, not a meeting
                skip(skipped, t, i, RECEPTION);
                continue;
            }
            for (TriggerEntry e : lexicon.verb(t.lemma())) {
                int particle = e.particle() == null ? -1 : findParticle(s, i, e.particle());
                if (e.particle() != null && particle < 0) {
                    continue;
                }
                int obj = objectHead(s, i);
                boolean noObject = obj < 0;
                if (noObject) {
                    obj = nextNoun(s, i); // a misparse ("prevented the demonstration staged by ...") keeps its object
                }
                if (particle >= 0 && s.is(particle, "case") && s.head(particle) >= 0) {
                    obj = s.head(particle); // "called for sanctions": the object of the phrasal verb
                }
                boolean bySubject = false;
                if (e.objects().contains(TriggerEntry.TO_CLAUSE)) {
                    if (!hasToClause(s, i)) {
                        continue; // "pressed Finland to accept", not "pressed the button"
                    }
                } else if (!e.objects().isEmpty() && (obj < 0 || !objectMatches(s, obj, e.objects()))) {
                    // "German forces moved to the border": with no object, the subject may be what the row asks for
                    // ("seized Salal and advanced south": a conjunct's subject is its first verb's)
                    int clause = s.children(i, "nsubj").isEmpty() && s.is(i, "conj") && s.head(i) >= 0
                            ? s.head(i) : i;
                    bySubject = e.objects().contains(TriggerEntry.SUBJECT) && noObject
                            && s.children(clause, "nsubj").stream().anyMatch(c -> objectMatches(s, c, e.objects()));
                    if (!bySubject) {
                        continue;
                    }
                }
                if (e.light()) {
                    if (obj < 0) {
                        continue;
                    }
                    if (QUANTITY_NOUNS.contains(s.token(obj).lemma())) {
                        // "carried out hundreds of air strikes": the event noun hangs under the quantity
                        for (int c : s.children(obj, "nmod")) {
                            if (hasCase(s, c, "of")) {
                                obj = c;
                                break;
                            }
                        }
                    }
                    TriggerEntry noun = nounEntry(s, obj);
                    if (noun != null && noun.light()) {
                        noun = null; // "made a call", "gives orders": a light noun names no event for a light verb
                    }
                    if (noun == null) {
                        // "launched a mediation effort", "undertook a mediation mission": the event is the modifier
                        for (int c : s.children(obj, "compound")) {
                            TriggerEntry inner = nounEntry(s, c);
                            if (inner != null && !inner.light()) {
                                noun = inner;
                                obj = c;
                                break;
                            }
                        }
                    }
                    if (noun == null) {
                        if (!e.objects().isEmpty()) {
                            break; // "fired its chief executive": a light row's object that names no event blocks the verb
                        }
                        continue;
                    }
                    consumedNouns.add(obj);
                    out.add(new Trigger(i, Math.min(i, obj), Math.max(i, obj), noun, obj));
                } else {
                    if (obj >= 0 && !e.objects().isEmpty() && !bySubject) {
                        consumedNouns.add(obj);
                    }
                    int last = particle > i ? particle : i;
                    out.add(new Trigger(i, i, last, e, -1));
                }
                break;
            }
        }
        reportedObligations(s, out);
        for (int i = 0; i < s.size(); i++) {
            for (TriggerEntry e : lexicon.phrasesStartingWith(s.token(i).lemma())) {
                int k = e.words().size();
                if (i + k > s.size() || !matchesWords(s, i, e.words())) {
                    continue;
                }
                int head = i;
                for (int j = i; j < i + k; j++) {
                    int h = s.head(j);
                    if (h < i || h >= i + k) {
                        head = j;
                        break;
                    }
                }
                if (consumedNouns.contains(head)) {
                    break;
                }
                for (int j = i; j < i + k; j++) {
                    consumedNouns.add(j);
                }
                if (!e.light()) {
                    out.add(new Trigger(head, i, i + k - 1, e, head));
                }
                break;
            }
        }
        for (int i = 0; i < s.size(); i++) {
            Token t = s.token(i);
            if (!t.isNoun() || consumedNouns.contains(i)) {
                continue;
            }
            if (temporal(t)) {
                skip(skipped, t, i, DATE_NOUN); // "on 23 March", "in May": a month is no march
                continue;
            }
            String rel = s.relation(i);
            int frame = s.head(i);
            if ("compound".equals(rel) && frame >= 0 && FRAME_NOUNS.contains(s.token(frame).lemma())
                    && !consumedNouns.contains(frame) && nounEntry(s, frame) == null && !s.is(frame, "obj")) {
                // "the mediation efforts by the OAU": the modifier is the event, its arguments the frame noun's; the
                // object of a verb is the verb's to tell ("launched a mediation effort" through the light verb, "may
                // halt its mediation efforts" not at all)
                TriggerEntry e = nounEntry(s, i);
                if (e != null && !e.light() && !e.phrase()) {
                    consumedNouns.add(frame);
                    out.add(new Trigger(frame, i, i, e, frame));
                }
                continue;
            }
            // a complement noun names an event only as the predicate of an existential clause ("said there would be
            // no negotiations", "reported that there had been clashes": the parser makes "be" its copula)
            if (rel == null || !NOMINAL_RELS.contains(rel) && !rel.startsWith("obl") && !rel.startsWith("nmod")
                    && !rel.startsWith("nsubj") && !(s.is(i, "ccomp") && existential(s, i))) {
                continue;
            }
            TriggerEntry e = nounEntry(s, i);
            if (e != null && !e.light() && undone(s, i)) {
                skip(skipped, t, i, UNDONE); // "the lifting of sanctions": no sanction imposed
                continue;
            }
            if (e != null && !e.light() && DANGER_NOUNS.contains(t.lemma()) && dangerSense(s, i)) {
                skip(skipped, t, i, DANGER_SENSE); // "perceived a threat to its security": a danger, not a threat made
                continue;
            }
            if (e != null && !e.light()) {
                int first = i;
                if (e.phrase()) {
                    first = Math.max(0, i - e.words().size() + 1);
                }
                out.add(new Trigger(i, first, i, e, i));
            }
        }
        return out;
    }

    /**
     * Whether danger noun {@code n} names a danger perceived or faced rather than a threat made: the object of a verb
     * of seeing, fearing or countering (danger-perceivers), modified by a danger mark ("a perceived threat"), in an
     * "as" phrase ("condemned the tests as a threat to stability"), or with a "to" phrase on a common noun and no act
     * of its own ("a threat to its security"; not "a threat to close the border", nor "a threat to Norland").
     */
    private static boolean dangerSense(ParsedSentence s, int n) {
        int h = s.head(n);
        String rel = s.relation(n);
        if (h >= 0 && rel != null && (rel.equals("obj") || rel.equals("nsubj:pass")) && s.token(h).isVerb()
                && DANGER_PERCEIVERS.contains(s.token(h).lemma())) {
            return true;
        }
        boolean toThing = false;
        for (int c : s.children(n)) {
            String r = s.relation(c);
            if (r.equals("amod") && DANGER_MARKS.contains(s.token(c).lemma())) {
                return true;
            }
            if ((r.startsWith("acl") || r.equals("xcomp")) && s.token(c).isVerb()) {
                return false; // "a threat to close the border": the act threatened
            }
            if (r.startsWith("nmod") && hasCase(s, c, "to") && !s.token(c).isProperNoun()
                    && "O".equals(s.token(c).ner())) {
                toThing = true;
            }
        }
        return hasCase(s, n, "as") || toThing;
    }

    /** Notes for the trace that a guard left out word {@code i}, when the trace asks and the lexicon knows the word. */
    private void skip(List<Skipped> skipped, Token t, int i, Guard guard) {
        if (skipped != null && lexicon.mayTrigger(t.lemma())) {
            skipped.add(new Skipped(i, guard));
        }
    }

    /**
     * "Russia said that Sudan must return the helicopter": a speaker's "must" or "should" on a verb that names no
     * event of its own is a demand on the clause's subject (the lexicon's modal rows); event verbs are turned into
     * demands in {@link #build}.
     */
    private void reportedObligations(ParsedSentence s, List<Trigger> out) {
        Set<Integer> heads = new java.util.HashSet<>();
        out.forEach(t -> heads.add(t.head()));
        for (int i = 0; i < s.size(); i++) {
            int verb = s.head(i);
            if (!s.is(i, "aux") || verb < 0 || heads.contains(verb) || clauses.demandingSpeaker(s, verb) < 0) {
                continue;
            }
            for (TriggerEntry e : lexicon.verb(s.token(i).lemma())) {
                if (e.type() == EventType.REQUEST) {
                    out.add(new Trigger(verb, i, i, e, -1));
                    heads.add(verb);
                    break;
                }
            }
        }
    }

    private static boolean matchesWords(ParsedSentence s, int from, List<String> words) {
        for (int k = 0; k < words.size(); k++) {
            String l = s.token(from + k).lemma();
            if (!l.equals(words.get(k)) && !s.token(from + k).word().toLowerCase(Locale.ROOT).equals(words.get(k))) {
                return false;
            }
        }
        return true;
    }

    private TriggerEntry nounEntry(ParsedSentence s, int i) {
        // a multi-word noun ending here is the longer match ("organized a general strike" is no air strike)
        for (int from = Math.max(0, i - 3); from < i; from++) {
            for (TriggerEntry e : lexicon.phrasesStartingWith(s.token(from).lemma())) {
                if (from + e.words().size() - 1 == i && matchesWords(s, from, e.words())) {
                    return e;
                }
            }
        }
        String lemma = s.token(i).lemma();
        String joined = hyphenated(s, i);
        if (!joined.isEmpty() && !lexicon.noun(joined).isEmpty()) {
            lemma = joined; // "cease - fire": the tokenizer splits what the lexicon lists hyphenated
        }
        for (TriggerEntry e : lexicon.noun(lemma)) {
            if (!e.objects().isEmpty()) {
                boolean ok = false;
                for (int c : s.children(i)) {
                    if ((s.is(c, "nmod") || s.is(c, "compound")) && e.objects().contains(s.token(c).lemma())) {
                        ok = true;
                    }
                }
                if (!ok) {
                    continue;
                }
            }
            return e;
        }
        return null;
    }

    /** "advised Poland to be reasonable": the verb governs an infinitive clause with "to". */
    private static boolean hasToClause(ParsedSentence s, int verb) {
        for (int c : s.children(verb, "xcomp")) {
            for (int m : s.children(c, "mark")) {
                if (s.token(m).lemma().equals("to")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int findParticle(ParsedSentence s, int verb, String particle) {
        if (particle.contains(" ")) {
            List<String> words = List.of(particle.split(" "));
            for (int k = verb + 1; k + words.size() <= Math.min(s.size(), verb + 4 + words.size()); k++) {
                if (matchesWords(s, k, words)) {
                    return k + words.size() - 1;
                }
            }
            return -1;
        }
        for (int c : s.children(verb)) {
            Token t = s.token(c);
            if (t.lemma().equals(particle) && (s.is(c, "compound") || s.is(c, "obj") || s.is(c, "advmod")
                    || s.is(c, "obl") || s.is(c, "xcomp"))) {
                return c;
            }
            // "call for sanctions": "for" is the case marker of the oblique
            for (int g : s.children(c, "case")) {
                if (s.token(g).lemma().equals(particle)) {
                    return g;
                }
            }
            for (int g : s.children(c, "mark")) {
                if (s.token(g).lemma().equals(particle)) {
                    return g;
                }
            }
        }
        for (int k = verb + 1; k < Math.min(s.size(), verb + 3); k++) {
            if (s.token(k).lemma().equals(particle)) {
                return k;
            }
        }
        return -1;
    }

    /** Storms, earthquakes and other natural hazards that "strike", "kill" or "hit" without any political actor. */
    private static final Set<String> NATURAL_FORCES = WordSets.bundled().set("natural-forces");

    /** Words of sport that no war report uses ("goalkeeper", "wicket", "tournament", "match"). */
    private static final Set<String> SPORTS_CUES = WordSets.bundled().set("sports-cues");

    /** Verbs of force that sport uses for play: "attacked down the flanks", "struck twice", "fired home", "beat". */
    private static final Set<String> PLAY_VERBS = WordSets.bundled().set("play-verbs");

    /** Whether a noun of the sentence is a word of sport. */
    static boolean sport(ParsedSentence s) {
        for (int k = 0; k < s.size(); k++) {
            Token w = s.token(k);
            if (w.isNoun() && inAnyCase(SPORTS_CUES, w)) {
                return true;
            }
        }
        return false;
    }

    /** Verbs that report deaths, injuries or a blast, which an accident as well as an attack can cause. */
    private static final Set<String> CASUALTY_VERBS = WordSets.bundled().union("kill", "injure", "blasts");

    /** Verbs of a wreck or a structure's failure: "sank", "crashed", "collapsed", "derailed", "veered off". */
    private static final Set<String> ACCIDENT_VERBS = WordSets.bundled().set("accident-verbs");

    /**
     * Whether a verb of casualties belongs to an accident: the clause it hangs under is a wreck ("sank off the coast,
     * killing 15"; "the school collapsed with four students killed"), or it is told as what followed one ("180 were
     * killed after a fuel truck veered off the road and exploded"). A shooting-down that ends in a crash keeps its
     * own trigger; only the casualties of the crash are not an attack.
     */
    static boolean accident(ParsedSentence s, int verb) {
        if (siteBlast(s, verb)) {
            return true;
        }
        int x = verb;
        for (int depth = 0; depth < 3 && s.head(x) >= 0; depth++) {
            x = s.head(x);
            if (s.token(x).isVerb() && (ACCIDENT_VERBS.contains(s.token(x).lemma()) || siteBlast(s, x))) {
                return true;
            }
        }
        for (int c : s.children(verb, "advcl")) {
            if (ACCIDENT_VERBS.contains(s.token(c).lemma())) {
                return true;
            }
            for (int cc : s.children(c, "conj")) {
                if (ACCIDENT_VERBS.contains(s.token(cc).lemma())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Verbs of a blast ("explode", "blow up"). */
    private static final Set<String> BLASTS = WordSets.bundled().set("blasts");

    /** Plants, refineries, pipelines: works whose blast is an industrial accident unless the text says otherwise. */
    private static final Set<String> WORKS = WordSets.bundled().set("industrial-works");

    /** "a chemical plant exploded", "a gas pipeline blew up": a blast whose subject is a works, not a weapon. */
    private static boolean siteBlast(ParsedSentence s, int v) {
        if (!BLASTS.contains(s.token(v).lemma())) {
            return false;
        }
        for (int c : s.children(v, "nsubj")) {
            if (Plurals.in(WORKS, s.token(c))) {
                return true;
            }
        }
        return false;
    }

    /** A hazard word, whatever its case or number ("Bushfires destroyed 400 homes"; "a cold snap"). */
    private static boolean naturalForce(Token t) {
        return inAnyCase(NATURAL_FORCES, t);
    }

    /** Whether the token's lemma or its singular, lower-cased, is one of {@code words}. */
    private static boolean inAnyCase(Set<String> words, Token t) {
        return words.contains(t.lemma().toLowerCase(Locale.ROOT))
                || words.contains(Plurals.singular(t).toLowerCase(Locale.ROOT));
    }

    /** Whether the verb's subject (or a passive's agent) is a natural hazard: "Hurricane Beryl struck the coast". */
    private static boolean hasNaturalForceSubject(ParsedSentence s, int verb) {
        if (s.is(verb, "advcl") || s.is(verb, "xcomp") || s.is(verb, "conj") || s.is(verb, "dep")) {
            // "Typhoon Yagi hit the Philippines, killing dozens": the participle's subject is the clause's
            int gov = s.head(verb);
            // ("the floods led the minister to recall the envoy": an infinitive under an object is the
            // object's act, not the subject's)
            boolean objectControl = s.is(verb, "xcomp") && gov >= 0 && !s.children(gov, "obj").isEmpty();
            if (gov >= 0 && !objectControl && s.children(verb, "nsubj").isEmpty() && hasNaturalForceSubject(s, gov)) {
                return true;
            }
        }
        for (String rel : List.of("nsubj", "obl:agent")) {
            for (int c : s.children(verb, rel)) {
                if (naturalForce(s.token(c))) {
                    return true;
                }
                for (int m : s.children(c, "compound")) {
                    if (naturalForce(s.token(m))) {
                        return true; // "Hurricane Beryl": the hazard is the name's modifier
                    }
                }
            }
        }
        return false;
    }

    /**
     * The first noun right after a verb, past determiners, numbers, adjectives, dates ("lifted Friday a blockade")
     * and nouns modifying the next one ("a day-old blockade"); -1 if something else comes first.
     */
    private static int nextNoun(ParsedSentence s, int verb) {
        for (int k = verb + 1; k < Math.min(s.size(), verb + 7); k++) {
            Token t = s.token(k);
            boolean modifier = s.head(k) > k && s.token(s.head(k)).isNoun() || s.head(k) > k + 1
                    && s.token(s.head(k)).pos().startsWith("JJ");
            if (t.isNoun() && !"DATE".equals(t.ner()) && !modifier) {
                return k;
            }
            if (!(t.isNoun() || t.pos().equals("DT") || t.pos().equals("CD") || t.pos().startsWith("JJ")
                    || t.pos().equals("PRP$") || t.pos().equals("HYPH"))) {
                return -1;
            }
        }
        return -1;
    }

    /** CoreNLP's tags for a place name. */
    private static final Set<String> PLACE_NER = Set.of("LOCATION", "COUNTRY", "STATE_OR_PROVINCE", "CITY");

    /**
     * A place name: tagged as one, or a singular proper noun the tagger could not place ("evacuated Sinai") that is
     * no person, organisation or nationality ("evacuated Americans").
     */
    private static boolean placeName(Token t) {
        String ner = t.ner() == null ? "O" : t.ner();
        return PLACE_NER.contains(ner) || t.pos().equals("NNP") && ner.equals("O");
    }

    /** Whether noun {@code n} is named under "of" as what a reversal noun undoes ("the suspension of talks"). */
    private static boolean undone(ParsedSentence s, int n) {
        int h = s.head(n);
        return h >= 0 && s.relation(n).startsWith("nmod") && hasCase(s, n, "of")
                && REVERSAL_NOUNS.contains(s.token(h).lemma());
    }

    /** "political support", "humanitarian aid": an adjective right before the noun makes it a kind of its own. */
    private static boolean kindOf(ParsedSentence s, int noun, Set<String> lemmas) {
        for (int c : s.children(noun, "amod")) {
            if (c == noun - 1 && lemmas.contains(s.token(c).word().toLowerCase(Locale.ROOT) + " "
                    + s.token(noun).lemma())) {
                return true;
            }
        }
        return false;
    }

    private static boolean objectMatches(ParsedSentence s, int obj, Set<String> lemmas) {
        if (lemmas.contains(TriggerEntry.PLACE) && placeName(s.token(obj))
                || lemmas.contains(TriggerEntry.ORGANISATION) && "ORGANIZATION".equals(s.token(obj).ner())) {
            return true;
        }
        if (lemmas.contains(s.token(obj).lemma()) || lemmas.contains(compoundPhrase(s, obj))
                || lemmas.contains(Plurals.singular(s.token(obj))) || lemmas.contains(hyphenated(s, obj))
                || lemmas.contains(hyphenatedModifier(s, obj))) {
            return true;
        }
        if (kindOf(s, obj, lemmas)) {
            return true;
        }
        if (REVERSAL_NOUNS.contains(s.token(obj).lemma())) {
            return false; // "called for the lifting of sanctions" (guard.undone): the object is the lifting
        }
        // "thousands of soldiers", "a batch of missiles", "a state of martial law": the noun under "of"
        for (int c : s.children(obj, "nmod")) {
            if (Plurals.in(lemmas, s.token(c)) || lemmas.contains(compoundPhrase(s, c)) || kindOf(s, c, lemmas)) {
                return true;
            }
        }
        for (int c : s.children(obj, "conj")) {
            if (Plurals.in(lemmas, s.token(c))) {
                return true;
            }
        }
        return false;
    }

    /**
     * "Chinese troops met with stiff opposition", "the proposal was met with silence": "meet" with a noun of
     * reception (reception-nouns) as its "with" phrase, object or passive agent is how something was received.
     */
    private static boolean metWithReception(ParsedSentence s, int v) {
        for (int c : s.children(v)) {
            String rel = s.relation(c);
            if ((rel.startsWith("obl") || rel.equals("obj")) && Plurals.in(RECEPTION_NOUNS, s.token(c))
                    // "met with the opposition", "met with its opposition": the political opposition, a party met
                    && !(s.token(c).lemma().equals("opposition") && (!s.children(c, "nmod:poss").isEmpty()
                    || s.children(c, "det").stream().anyMatch(d -> s.token(d).lemma().equals("the"))))) {
                return true;
            }
        }
        return false;
    }

    /** "sit-in", which the tokenizer splits into "sit - in": the head joined to the word hyphenated to it, or "". */
    private static String hyphenated(ParsedSentence s, int head) {
        return head >= 2 && s.token(head - 1).word().equals("-")
                ? s.token(head - 2).lemma() + "-" + s.token(head).lemma() : "";
    }

    /** "a no - fly zone" → "no-fly zone": a hyphenated modifier the tokenizer split, with the head's lemma. */
    private static String hyphenatedModifier(ParsedSentence s, int head) {
        String modifier = head >= 1 ? hyphenated(s, head - 1) : "";
        return modifier.isEmpty() ? "" : modifier.toLowerCase(Locale.ROOT) + " " + s.token(head).lemma();
    }

    /**
     * "air defences" → "air defence", "coast guard vessels" → "coast guard vessel": the compound modifiers before a
     * head, theirs before them, with the head's lemma.
     */
    private static String compoundPhrase(ParsedSentence s, int head) {
        StringBuilder b = new StringBuilder();
        for (int c : s.children(head, "compound")) {
            if (c < head) {
                b.append(compoundPhrase(s, c)).append(' ');
            }
        }
        return b.append(s.token(head).lemma()).toString();
    }
}
