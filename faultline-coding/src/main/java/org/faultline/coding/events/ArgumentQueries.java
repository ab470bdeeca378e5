package org.faultline.coding.events;

import static org.faultline.coding.events.ParseQueries.caseOf;
import static org.faultline.coding.events.ParseQueries.hasCase;
import static org.faultline.coding.events.ParseQueries.tensed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.faultline.coding.actors.Mention;
import org.faultline.coding.kb.FormType;
import org.faultline.coding.lexicon.Guards;
import org.faultline.coding.lexicon.Guards.Guard;
import org.faultline.coding.lexicon.WordSets;
import org.faultline.nlp.ParsedSentence;
import org.faultline.nlp.Token;

/**
 * Questions about participants that the participant stage and the later rules ask of a phrase: the actors a noun
 * phrase names (its own mention or one inside it, with coordinated and nationality ones), the subject of a verb
 * (inherited through control, coordination and relative clauses), a passive's by-agent, and the arguments of an
 * event noun. Needs a parsed sentence and its mentions (pronouns resolved); reads the "statements", "kill",
 * "gatherings" and "mediation" word sets. Pure functions of their arguments; no state.
 */
final class ArgumentQueries {
    private ArgumentQueries() {
    }

    private static final Set<String> RECIPIENT_PREPS = WordSets.bundled().set("recipient-prepositions");

    /** Nouns for a body's sitting: "a session of the OAS" is the OAS meeting. */
    private static final Set<String> GATHERINGS = WordSets.bundled().set("gatherings");
    /** Event nouns whose "of" phrase names who does the act ("the visit of the minister"), not whom it is done to. */
    private static final Set<String> DOERS_OF = WordSets.bundled().set("doer-of-nouns");

    /** Nouns of mediation and mediators, whose "between" phrase names the mediated, not the mediators. */
    static final Set<String> MEDIATION = WordSets.bundled().set("mediation");
    /** Nouns of leaving, with what their "from" phrase names: "left" (a recipient) or "place" (no party). */
    private static final Map<String, String> DEPARTURES = WordSets.bundled().map("departure-nouns");

    /** Nouns for what a speaker issues, sends or delivers: notes, letters, resolutions, proposals. */
    private static final Set<String> STATEMENT_NOUNS = WordSets.bundled().set("statements");
    /** "response", "reaction": an answer whose possessor is the issuer of what it is said to be. */
    private static final Set<String> RESPONSE_NOUNS = WordSets.bundled().set("response-nouns");

    private static final Set<String> KILL = WordSets.bundled().set("kill");
    /**
     * Prepositions whose gerund is an adjunct done by the verb's subject ("complied by withholding", "after crossing");
     * not "from" or "of", whose gerund the object does ("prevented trucks from passing").
     */
    private static final Set<String> ADJUNCT_GERUND_CASES = WordSets.bundled().set("adjunct-gerund-cases");

    /** Verbs whose object does not control the infinitive after them ("visited Washington to hold talks"). */
    private static final Set<String> SUBJECT_CONTROL = WordSets.bundled().set("subject-control-verbs");

    /** The guard that {@link #cityModifier} tests: a place named in front of an event noun is not its actor. */
    private static final Guard PLACE_NOT_ACTOR = Guards.bundled().get("guard.place-not-actor", ArgumentQueries.class);

    /** The first mention that covers a token, or {@code null}. */
    static Mention covering(List<Mention> ms, int token) {
        for (Mention m : ms) {
            if (m.covers(token)) {
                return m;
            }
        }
        return null;
    }

    /** The codes of the mentions that have one. */
    static Set<String> countries(List<Mention> ms) {
        Set<String> out = new java.util.HashSet<>();
        for (Mention m : ms) {
            if (m.code() != null) {
                out.add(m.code());
            }
        }
        return out;
    }

    /**
     * Adds to {@code out} the other mentions on {@code m}'s span with a country of their own: the second side of a
     * pair ("both sides", "the parties" resolve to two mentions on one span).
     */
    static void addTwins(Mention m, List<Mention> mentions, List<Mention> out) {
        for (Mention twin : mentions) {
            if (twin != m && twin.first() == m.first() && twin.last() == m.last() && twin.code() != null
                    && !twin.code().equals(m.code()) && !out.contains(twin)) {
                out.add(twin);
            }
        }
    }

    /**
     * Whether a mention is one of the others: the same object, the same span of the same sentence (a mention taken
     * from an earlier sentence is not the one at its token positions here), or the same entry and sector.
     */
    static boolean sameEntity(Mention m, List<Mention> others) {
        for (Mention o : others) {
            if (o == m || o.sentence() == m.sentence() && o.first() == m.first() && o.last() == m.last()
                    || o.entry() != null && m.entry() != null && o.entry().id().equals(m.entry().id())
                    && java.util.Objects.equals(o.sector(), m.sector())) {
                return true;
            }
        }
        return false;
    }

    /** A passive verb: with a passive subject or auxiliary, or a reduced relative participle ("the accord signed by"). */
    static boolean isPassive(ParsedSentence s, int v) {
        return !s.children(v, "nsubj:pass").isEmpty() || !s.children(v, "aux:pass").isEmpty()
                || s.is(v, "acl") && s.token(v).pos().equals("VBN");
    }

    /** The actors of a passive verb's "by" oblique ("was shelled by Russian forces"), or none. */
    static List<Mention> passiveAgent(ParsedSentence s, int v, List<Mention> mentions) {
        for (int c : s.children(v, "obl")) {
            for (int k : s.children(c, "case")) {
                if (s.token(k).lemma().equals("by")) {
                    return actorsOf(s, c, mentions);
                }
            }
        }
        return List.of();
    }

    /** The subject of a verb, inherited from the governing clause for xcomp/conj/advcl and relative clauses. */
    static List<Mention> subjectOf(ParsedSentence s, int v, List<Mention> mentions, int depth) {
        for (int c : s.children(v, "nsubj")) {
            int antecedent = ParseQueries.relativeAntecedent(s, v, c);
            if (antecedent != c) {
                List<Mention> a = actorsOf(s, antecedent, mentions); // "Hamas, which opened the war": Hamas
                return a.isEmpty() ? lowAttachment(s, antecedent, c, mentions) : a;
            }
            List<Mention> a = actorsOf(s, c, mentions);
            if (!a.isEmpty()) {
                return a;
            }
        }
        if (depth >= 3 || s.is(v, "dep")
                && s.children(v, "nsubj").stream().anyMatch(c -> s.token(c).pos().equals("PRP"))) {
            // "after witnessing him robbing a house" (robbing a dep of witnessing): a loose clause with a pronoun
            // subject of its own, resolved or not, inherits no other
            return List.of();
        }
        int h = s.head(v);
        if (h < 0) {
            return List.of();
        }
        if (s.is(v, "acl") && s.token(h).isNoun() && !isPassive(s, v)) {
            if (STATEMENT_NOUNS.contains(s.token(h).lemma())) {
                return issuerOf(s, h, mentions);
            }
            int g = s.head(h);
            if (g >= 0 && s.token(g).isVerb() && (ParseQueries.temporal(s.token(h))
                    || "ORDINAL".equals(s.token(h).ner()) && hasCase(s, h, "on"))) {
                // "wrote to Uganda the same evening seeking its support", "on the 5th urging it to": a participle
                // the parser hung on a date is an adjunct of the date's clause, and has that clause's subject
                return subjectOf(s, g, mentions, depth + 1);
            }
            if (g >= 0 && s.relation(h).startsWith("obl") && hasCase(s, h, "to") && s.children(g, "obj").stream()
                    .anyMatch(o -> STATEMENT_NOUNS.contains(s.token(o).lemma()))) {
                // "delivered a note to Sweden asking it to ...", the clause misattached to the addressee: the sender asks
                return subjectOf(s, g, mentions, depth + 1);
            }
            return actorsOf(s, h, mentions);
        }
        String tag = s.token(v).pos();
        if (tag.equals("VBG") && s.relation(v).startsWith("obl") && s.token(h).isVerb() && !isPassive(s, h)
                && hasCase(s, v, ADJUNCT_GERUND_CASES)) {
            // "complied by withholding the quota and breaking off relations", "after crossing the border": a gerund
            // adjunct has the verb's subject ("prevented trucks from passing", "accused X of shelling" do not: there
            // the object does it)
            return subjectOf(s, h, mentions, depth + 1);
        }
        if (s.is(v, "conj") && tensed(s, v)
                && s.token(h).pos().equals("VBG") && s.relation(h).startsWith("obl") && s.head(h) >= 0) {
            // "accused Russia of shooting down the jet and demanded an apology": a tensed verb conjoined with a
            // gerund under a preposition belongs to the clause above it
            return subjectOf(s, s.head(h), mentions, depth + 1);
        }
        if (s.is(v, "xcomp") || s.is(v, "conj") || s.is(v, "advcl") || s.is(v, "dep")) {
            // for "urged X to attack", the controller is the object; for "visited Washington to hold talks", the subject
            if (s.is(v, "xcomp") && !SUBJECT_CONTROL.contains(s.token(h).lemma())) {
                for (int o : s.children(h, "obj")) {
                    List<Mention> a = actorsOf(s, o, mentions);
                    if (!a.isEmpty()) {
                        return a;
                    }
                }
            }
            if (isPassive(s, h) && s.is(v, "conj")) {
                if (activeConjunct(s, v)) {
                    if (KILL.contains(s.token(h).lemma()) && s.head(h) >= 0 && s.is(h, "ccomp")) {
                        // "officials said five fighters were killed and vowed retaliation": the dead do not vow; the
                        // parser hung the speakers' second verb on the report
                        return subjectOf(s, s.head(h), mentions, depth + 1);
                    }
                    // "X has been indicted by the court and will resign": the conjunct shares the passive subject
                    for (int c : s.children(h, "nsubj:pass")) {
                        List<Mention> a = actorsOf(s, c, mentions);
                        if (!a.isEmpty()) {
                            return a;
                        }
                    }
                    return List.of();
                }
                List<Mention> a = passiveAgent(s, h, mentions);
                if (!a.isEmpty()) {
                    return a;
                }
            }
            List<Mention> a = subjectOf(s, h, mentions, depth + 1);
            if (a.isEmpty() && s.is(v, "conj") && tensed(s, v) && s.is(h, "ccomp") && !s.token(h).isVerb()
                    && s.head(h) >= 0) {
                // "Moscow declared that direct talks were the best path and rejected the Council's jurisdiction": a
                // tensed verb hung on a reported clause's nominal predicate, whose subject names nobody, is the
                // speaker's second verb
                return subjectOf(s, s.head(h), mentions, depth + 1);
            }
            return a;
        }
        return List.of();
    }

    /**
     * Who issued a statement noun: its own agent ("a draft resolution by Argentina", "Britain's note"), else the
     * subject of the verb that governs it ("Britain delivered a Note"), or the agent when that verb is passive
     * ("a resolution was adopted by the General Assembly").
     */
    private static List<Mention> issuerOf(ParsedSentence s, int noun, List<Mention> mentions) {
        List<Mention> actors = new ArrayList<>();
        nominalArguments(s, noun, mentions, actors, new ArrayList<>());
        if (!actors.isEmpty()) {
            return actors;
        }
        int g = s.head(noun);
        if (g < 0 || !s.token(g).isVerb()) {
            return List.of();
        }
        if (s.is(noun, "nsubj:pass")) {
            return passiveAgent(s, g, mentions);
        }
        if (s.is(noun, "obj")) {
            return subjectOf(s, g, mentions, 1);
        }
        return List.of();
    }

    /**
     * Whether a verb coordinated with a passive is itself active ("will resign", "fled"), not a second
     * participle sharing the passive's auxiliary ("was shelled by X and captured").
     */
    private static boolean activeConjunct(ParsedSentence s, int v) {
        return !s.token(v).pos().equals("VBN")
                || !s.children(v, "aux").isEmpty() && s.children(v, "aux:pass").isEmpty();
    }

    /**
     * "a crisis for Chile, which answered by": the parser hung the relative clause on the higher noun, which
     * names no actor; the noun phrase that ends just before the relative pronoun (a comma between) is the one it
     * describes.
     */
    private static List<Mention> lowAttachment(ParsedSentence s, int antecedent, int pronoun, List<Mention> mentions) {
        for (int c : s.children(antecedent)) {
            if (!s.relation(c).startsWith("nmod") || c >= pronoun) {
                continue;
            }
            int end = pronoun - 1;
            if (end >= 0 && s.token(end).word().equals(",")) {
                end--;
            }
            if (end == c || end >= 0 && s.head(end) == c && s.relation(end).equals("conj")) {
                return actorsOf(s, c, mentions);
            }
        }
        return List.of();
    }

    /** The actors a noun phrase names: its own mention or one inside it, plus coordinated ones. */
    static List<Mention> actorsOf(ParsedSentence s, int tok, List<Mention> mentions) {
        List<Mention> out = new ArrayList<>();
        Mention m = covering(mentions, tok);
        if (m == null) {
            for (int c : s.children(tok)) {
                String rel = s.relation(c);
                if (rel.equals("nmod:poss") || rel.equals("compound") || rel.equals("amod") || rel.equals("appos")
                        || rel.startsWith("nmod") && hasCase(s, c, "of", "from")) {
                    Mention inner = covering(mentions, c);
                    if (inner == null) {
                        List<Mention> deeper = actorsOf(s, c, mentions);
                        if (!deeper.isEmpty()) {
                            inner = deeper.get(0);
                        }
                    }
                    if (inner != null) {
                        m = inner;
                        break;
                    }
                }
            }
        }
        if (m != null) {
            out.add(m);
            // "both sides": a pair resolves to two mentions on one span, and both take part
            addTwins(m, mentions, out);
            // "Ukrainian and Russian forces": the other nationality hangs as a conjunct of the adjective
            for (int c : s.children(tok, "amod")) {
                Mention adj = covering(mentions, c);
                if (adj != null && adj != m && adj.code() != null && !adj.code().equals(m.code())) {
                    out.add(adj.sector() == null && m.sector() != null ? withSector(adj, m.sector()) : adj);
                }
                for (int cc : s.children(c, "conj")) {
                    Mention adj2 = covering(mentions, cc);
                    if (adj2 != null && adj2 != m && adj2.code() != null && !adj2.code().equals(m.code())) {
                        out.add(adj2.sector() == null && m.sector() != null ? withSector(adj2, m.sector()) : adj2);
                    }
                }
            }
            // "the leaders of Japan and South Korea", "officials from Pakistan and India": the countries conjoined
            // with the one the head belongs to
            for (int c : s.children(tok)) {
                Mention of = s.relation(c).startsWith("nmod") && hasCase(s, c, "of", "from") ? covering(mentions, c)
                        : null;
                if (of == null || of.code() == null || m.code() != null && !of.code().equals(m.code())) {
                    continue; // the head's own country, or none yet: a title coded later from "of Japan"
                }
                for (int cc : s.children(c, "conj")) {
                    Mention other = covering(mentions, cc);
                    if (other != null && other.code() != null && !other.code().equals(of.code())) {
                        out.add(other.sector() == null && m.sector() != null ? withSector(other, m.sector()) : other);
                    }
                }
            }
            // "US and Russian delegations": a coordinated name in front of the head, parsed as a compound
            for (int c : s.children(tok, "compound")) {
                Mention name = covering(mentions, c);
                if (name != null && name != m && name.code() != null && !name.code().equals(m.code())
                        && !s.children(c, "conj").isEmpty()) {
                    out.add(name.sector() == null && m.sector() != null ? withSector(name, m.sector()) : name);
                }
            }
        }
        for (int c : s.children(tok, "conj")) {
            for (Mention x : actorsOf(s, c, mentions)) {
                if (!out.contains(x)) {
                    out.add(x);
                }
            }
        }
        return out;
    }

    private static Mention withSector(Mention m, String sector) {
        return new Mention(m.sentence(), m.first(), m.last(), m.head(), m.start(), m.end(), m.text(), m.code(), sector,
                m.entry(), m.form(), m.source(), m.rule(), m.antecedent());
    }

    /**
     * {@link #PLACE_NOT_ACTOR}: "the Bangkok bombing", "the Geneva talks": a city named in front of an event noun says
     * where it happened; a capital stands for its government only as a subject or possessor ("Moscow said", "Moscow's
     * offensive").
     */
    static boolean cityModifier(ParsedSentence s, Mention m) {
        String ner = s.token(m.head()).ner();
        return m.form() == FormType.METONYM && s.is(m.head(), "compound")
                && ("CITY".equals(ner) || "LOCATION".equals(ner) || "STATE_OR_PROVINCE".equals(ner));
    }

    /**
     * "Anglo-Italian negotiations", "Israeli-Palestinian talks", "the US-China summit": the parties joined by hyphens
     * in front of the last one, each a state or organisation, in the order the text names them.
     */
    static void addHyphenPartners(ParsedSentence s, Mention last, List<Mention> mentions, List<Mention> out) {
        List<Mention> before = new ArrayList<>(2);
        for (Mention m = last; m.first() >= 2; ) {
            Token hyphen = s.token(m.first() - 1);
            Token prev = s.token(m.first() - 2);
            if (!hyphen.word().equals("-") || hyphen.start() != prev.end() || hyphen.end() != s.token(m.first()).start()) {
                break;
            }
            Mention p = covering(mentions, m.first() - 2);
            if (p == null || p.last() != m.first() - 2 || !p.collective() || out.contains(p) || before.contains(p)) {
                break;
            }
            before.add(0, p);
            m = p;
        }
        out.addAll(before);
    }

    /**
     * Adds the participants of an event noun: its possessor, compound or nationality adjective and "by"/"from"
     * phrase as actors ("Russia's invasion", "the Israeli strikes", "an attack by Hamas"), the parties of "between"
     * or "among" (recipients where the noun is a mediation), the body of a gathering ("a session of the OAS"), the
     * doer of a visit, withdrawal or intervention named with "of" ("the visit of the Turkish foreign minister"), the
     * "to"/"against"/"with"... phrase as recipients, and failing all, a mention just before the noun. The "from" of a
     * noun of leaving names what is left ("the withdrawal from Afghanistan"), a recipient, or a mere place.
     */
    static void nominalArguments(ParsedSentence s, int noun, List<Mention> mentions, List<Mention> actors,
                                 List<Mention> recipients) {
        String lemma = s.token(noun).lemma();
        for (int c : s.children(noun)) {
            String rel = s.relation(c);
            if (rel.equals("nmod:poss") || rel.equals("compound") || rel.equals("amod")) {
                Mention m = covering(mentions, c);
                if (m != null && !actors.contains(m) && !cityModifier(s, m)) {
                    addHyphenPartners(s, m, mentions, actors);
                    actors.add(m);
                    for (int cc : s.children(c, "conj")) {
                        Mention m2 = covering(mentions, cc);
                        if (m2 != null && !actors.contains(m2)) {
                            actors.add(m2);
                        }
                    }
                }
            } else if (rel.startsWith("nmod") || rel.startsWith("obl")) {
                String p = caseOf(s, c);
                if (p == null) {
                    continue;
                }
                if (p.equals("from") && DEPARTURES.containsKey(lemma)) {
                    // "the Soviet withdrawal from Afghanistan": what is left, not who leaves; "the evacuation of
                    // citizens from Lebanon": only a place
                    if (DEPARTURES.get(lemma).equals("left")) {
                        recipients.addAll(actorsOf(s, c, mentions));
                    }
                } else if (p.equals("by") || p.equals("from")) {
                    actors.addAll(actorsOf(s, c, mentions));
                } else if (p.equals("of") && MEDIATION.contains(lemma)) {
                    // "the mediation of Costa Rica and Venezuela", "the efforts of the OAU": who mediates
                    actors.addAll(actorsOf(s, c, mentions));
                } else if (p.equals("of") && DOERS_OF.contains(lemma)) {
                    // "the visit of the Soviet chief of staff", "the withdrawal of Iraqi forces": who does it
                    actors.addAll(actorsOf(s, c, mentions));
                } else if (p.equals("of") && GATHERINGS.contains(lemma)) {
                    // "a meeting of the contact group", "an emergency session of the OAS": the body that meets
                    for (Mention m : actorsOf(s, c, mentions)) {
                        if (m.collective()) {
                            actors.add(m);
                        }
                    }
                } else if ((p.equals("between") || p.equals("among")) && MEDIATION.contains(lemma)) {
                    // "a mediation mission between Syria and the PLO": the parties are mediated, not mediating
                    recipients.addAll(actorsOf(s, c, mentions));
                } else if (p.equals("between") || p.equals("among")) {
                    actors.addAll(actorsOf(s, c, mentions));
                } else if (RECIPIENT_PREPS.contains(p) && !p.equals("in") && !p.equals("for")) {
                    recipients.addAll(actorsOf(s, c, mentions));
                }
            } else if (rel.equals("acl")) {
                // "the accord signed by X", "the strikes carried out by X"
                if (isPassive(s, c)) {
                    actors.addAll(passiveAgent(s, c, mentions));
                }
            }
        }
        if (actors.isEmpty() && !s.children(noun, "cop").isEmpty()) {
            // "Israel's major response was a letter to France requesting arms", "Sweden's reaction was an ultimatum":
            // what an answer is said to be was done by whoever's answer it was
            for (int c : s.children(noun, "nsubj")) {
                if (RESPONSE_NOUNS.contains(s.token(c).lemma())) {
                    actors.addAll(actorsOf(s, c, mentions));
                }
            }
        }
        // a mention right before the noun in the same phrase ("the Hezbollah rocket attacks")
        if (actors.isEmpty()) {
            for (int k = noun - 1; k >= Math.max(0, noun - 4); k--) {
                Token tk = s.token(k);
                if (!(tk.isNoun() || tk.pos().startsWith("JJ") || tk.pos().equals("POS") || tk.pos().equals("HYPH"))) {
                    break;
                }
                Mention m = covering(mentions, k);
                if (m != null) {
                    if (!cityModifier(s, m)) {
                        actors.add(m);
                    }
                    break;
                }
            }
        }
    }
}
