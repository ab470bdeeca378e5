package org.faultline.coding.events;

import static org.faultline.coding.events.ArgumentQueries.covering;
import static org.faultline.coding.events.ArgumentQueries.sameEntity;
import static org.faultline.coding.events.ParseQueries.hasCase;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.faultline.coding.actors.Mention;
import org.faultline.coding.kb.ActorEntry;
import org.faultline.model.EventType;
import org.faultline.nlp.ParsedSentence;
import org.faultline.nlp.Token;

/**
 * The context stage: what a sentence takes from the document around it. Needs a sentence's raw mentions, its parse and
 * the article's {@link DocumentContext}; provides the mentions with pronouns and descriptions resolved to their
 * antecedents ({@link Mention.Source#PRONOUN}, the antecedent kept for the evidence), the attackers a definite attack
 * noun refers back to ("condemned the strikes"), and a country for generic agents and titles (the one named with
 * them, else the event's place, else the document's setting). Reads and writes no state of its own; the
 * {@link DocumentContext} it is given is per document and not thread-safe.
 */
final class ContextStage {
    private ContextStage() {
    }

    /**
     * A pronoun or description at its own span, standing for its antecedent's actor; the antecedent kept is the
     * named mention at the end of the chain ("they" after "they" after "Hezbollah fighters").
     */
    private static Mention resolvedTo(Mention m, Mention ante) {
        Mention root = ante.antecedent() != null ? ante.antecedent() : ante;
        return new Mention(m.sentence(), m.first(), m.last(), m.head(), m.start(), m.end(), m.text(), ante.code(),
                ante.sector(), ante.entry(), ante.form(), Mention.Source.PRONOUN,
                m.rule() + "->" + (ante.entry() == null ? ante.rule() : ante.entry().id()), root);
    }

    private static final java.util.Set<String> TWO_SIDED = org.faultline.coding.lexicon.WordSets.bundled()
            .set("two-sided-nouns");
    private static final java.util.Set<String> MEDIATION = org.faultline.coding.lexicon.WordSets.bundled()
            .set("mediation-words");
    private static final java.util.Set<String> SETTLEMENT = org.faultline.coding.lexicon.WordSets.bundled()
            .set("settlement-nouns");

    /**
     * Fighting or talks told by a two-sided noun that names nobody ("clashes continued on 9 May", "negotiations took
     * place in October") in a document that has told a confrontation between two parties: those two, as co-actors at
     * the noun's span with their earlier mentions as antecedents; else an empty list.
     */
    static List<Mention> sidesOfConflict(ParsedSentence s, String text, Trigger t, DocumentContext ctx) {
        if (!t.nominal() || !TWO_SIDED.contains(t.entry().wording())) {
            return List.of();
        }
        return sidesAt(s, text, t, ctx, "sides-of-conflict");
    }

    /** Acts both sides of a war do together in making peace: meeting, agreeing, standing down. */
    private static final Set<EventType> SETTLING = java.util.EnumSet.of(EventType.CONSULT, EventType.AGREE,
            EventType.SUPPORT, EventType.COOPERATE, EventType.RETREAT, EventType.CONCEDE);

    /**
     * A passive verb of meeting, agreeing or standing down with no agent, whose subject is a two-sided noun or one of
     * ending a war (settlement-nouns: "an armistice agreement was signed on 27 July", "talks were held in Geneva"), in
     * a document that has told a confrontation between two parties: those two, as co-actors at the trigger's span
     * (rule {@code sides-of-passive}); else an empty list. Nothing where the verb or its subject names the parties
     * ("was signed between X and Y", "the Soviet-Iranian agreement").
     */
    static List<Mention> sidesOfPassive(ParsedSentence s, String text, Trigger t, DocumentContext ctx,
                                        List<Mention> mentions) {
        int v = t.head();
        if (t.nominal() || !SETTLING.contains(t.entry().type()) || !ArgumentQueries.isPassive(s, v)
                || !ArgumentQueries.passiveAgent(s, v, mentions).isEmpty()) {
            return List.of();
        }
        for (int c : s.children(v)) {
            if (s.relation(c).startsWith("obl") && ParseQueries.hasCase(s, c, "between", "among")) {
                return List.of();
            }
        }
        List<Integer> subjects = new ArrayList<>(s.children(v, "nsubj:pass"));
        if (s.is(v, "acl") && s.head(v) >= 0) {
            subjects.add(s.head(v)); // "a cease-fire agreement, concluded in Khartoum"
        }
        for (int subject : subjects) {
            boolean twoSided = sided(s.token(subject).lemma());
            for (int c : s.children(subject)) {
                String rel = s.relation(c);
                if (rel.startsWith("nmod") && ParseQueries.hasCase(s, c, "between", "among") || rel.equals("nmod:poss")
                        || rel.equals("amod") && ArgumentQueries.covering(mentions, c) != null) {
                    return List.of(); // "an agreement between X and Y", "the Soviet-Iranian agreement": named
                }
                twoSided |= rel.equals("compound") && sided(s.token(c).lemma());
            }
            if (twoSided) {
                return sidesAt(s, text, t, ctx, "sides-of-passive");
            }
        }
        return List.of();
    }

    /** A two-sided noun or one of ending a war (settlement-nouns). */
    private static boolean sided(String lemma) {
        return TWO_SIDED.contains(lemma) || SETTLEMENT.contains(lemma);
    }

    /**
     * Mediation that names nobody it is between ("Waldheim offered mediation", "Gabon mediated"): the two other states
     * the sentence names, where there are exactly two ("Oman and South Yemen signed a cease-fire under Saudi
     * mediation"), else the two sides of the latest confrontation, unless the mediator is one of them; else an empty
     * list.
     */
    static List<Mention> sidesMediated(ParsedSentence s, String text, Trigger t, DocumentContext ctx,
                                       List<Mention> mediators, List<Mention> mentions) {
        if (!mediation(t) || mediators.isEmpty()) {
            return List.of();
        }
        // "South Yemen and Oman signed a cease-fire under the auspices of Saudi mediation": the two other states the
        // sentence names are the sides
        Set<String> own = ArgumentQueries.countries(mediators);
        Map<String, Mention> others = new LinkedHashMap<>();
        for (Mention m : mentions) {
            if (m.code() != null && !own.contains(m.code()) && m.entry() != null
                    && m.entry().kind() == ActorEntry.Kind.STATE) {
                others.putIfAbsent(m.code(), m);
            }
        }
        if (others.size() == 2) {
            return new ArrayList<>(others.values());
        }
        if (ctx.lastOpposed().stream()
                .anyMatch(side -> mediators.stream().anyMatch(m -> side.code().equals(m.code())))) {
            return List.of();
        }
        return sidesAt(s, text, t, ctx, "sides-mediated");
    }

    /**
     * Acts aimed at someone that a narrative often tells without naming whom (offers, demands, refusals, charges,
     * threats, force and its moves, withdrawals and concessions): not meetings or help, which need a party named.
     */
    private static final Set<EventType> COUNTERPART_TYPES = java.util.EnumSet.of(EventType.AGREE, EventType.REJECT,
            EventType.REQUEST, EventType.THREATEN, EventType.ACCUSE, EventType.MOBILIZE, EventType.RETREAT,
            EventType.CONCEDE, EventType.SANCTION, EventType.COERCE, EventType.ASSAULT);

    /**
     * An appeal for material help or an offer of it (CAMEO 103x, 033x: "asked for arms", "sought aid", "offered
     * economic assistance"): help is asked of and offered to partners, so such an act that names nobody is not aimed at
     * the actor's adversary.
     */
    static boolean materialHelp(Trigger t) {
        String cameo = t.entry().cameo();
        return cameo != null && (cameo.startsWith("103") || cameo.startsWith("033"));
    }

    /**
     * "Ecuador proposed a joint boundary commission" after Ecuador and Peru clashed: an offer, demand, refusal or
     * use of force aimed at nobody the sentence names, or a truce or peace signed with nobody named ("China signed a
     * truce"), by one side of the document's latest confrontation
     * ({@link DocumentContext#lastOpposed}), is aimed at the other side; the recipient is a mention on the trigger's
     * span with that side's mention as antecedent (rule {@code counterpart}). Nothing where the actors are not exactly
     * one of the two sides.
     */
    static List<Mention> counterpart(ParsedSentence s, String text, Trigger t, DocumentContext ctx,
                                     List<Mention> actors) {
        boolean settling = t.entry().type() == EventType.SUPPORT && settles(s, t);
        if (!COUNTERPART_TYPES.contains(t.entry().type()) && !settling || actors.isEmpty()
                || ctx.lastOpposed().size() != 2 || materialHelp(t)) {
            return List.of();
        }
        Set<String> own = ArgumentQueries.countries(actors);
        List<Mention> sides = sidesAt(s, text, t, ctx, "counterpart");
        List<Mention> other = sides.stream().filter(m -> !own.contains(m.code())).toList();
        return own.size() == 1 && other.size() == 1 ? other : List.of();
    }

    /**
     * A verb whose object is a noun of ending a war ("signed a truce", "concluded an armistice agreement",
     * "signed the peace treaty"): made with the other side.
     */
    private static boolean settles(ParsedSentence s, Trigger t) {
        if (t.nominal()) {
            return false;
        }
        for (int o : s.children(t.head(), "obj")) {
            if (SETTLEMENT.contains(s.token(o).lemma())) {
                return true;
            }
            for (int c : s.children(o, "compound")) {
                if (SETTLEMENT.contains(s.token(c).lemma())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Acts aimed at someone, told without naming whom, that may be aimed at the actor's adversary: those a counterpart
     * takes, and talks ("continued negotiations").
     */
    private static final Set<EventType> AT_ADVERSARY_TYPES = java.util.EnumSet.of(EventType.CONSULT,
            COUNTERPART_TYPES.toArray(EventType[]::new));

    /**
     * "London expressed deep anxiety", "Finland preferred to continue negotiations" in a narrative that told Britain
     * and Argentina, or Finland and the Soviet Union, acting against each other: a demand, charge, offer, talks or use
     * of force aimed at nobody the sentence names, by one party alone, is aimed at the party it last acted against or
     * was acted against by ({@link DocumentContext#adversaryOf}), a mention on the trigger's span with that party's
     * mention as antecedent (rule {@code last-adversary}); else an empty list. Not help or support, which go to
     * partners, nor mediation, which is between others.
     */
    static List<Mention> lastAdversary(ParsedSentence s, String text, Trigger t, DocumentContext ctx,
                                       List<Mention> actors, EventType type) {
        Set<String> own = ArgumentQueries.countries(actors);
        if (!AT_ADVERSARY_TYPES.contains(type) || own.size() != 1 || mediation(t) || materialHelp(t)
                || actors.stream().noneMatch(DocumentContext::party)) {
            return List.of();
        }
        Mention side = ctx.adversaryOf(own.iterator().next());
        if (side == null || own.contains(side.code())) {
            return List.of();
        }
        return List.of(onTrigger(s, text, t, side, "last-adversary"));
    }

    /**
     * "Shelling of Israeli-held positions continued", "Romanian forces were attacked" after a confrontation of two
     * parties: force by an unnamed perpetrator (rule {@code implicit-unidentified}: the place's unidentified armed
     * forces) aimed at exactly one side of the document's latest confrontation is the other side's (rule
     * {@code counterpart-actor}), with that side's earlier mention as antecedent; else an empty list. A weapon fired
     * from afar ("missiles struck Kharkiv"), which the place and the weapon's maker do not attribute, is attributed so
     * too: by the confrontation the text told, not by where it fell. So is the answer to a proposal or demand of one
     * side by nobody named ({@code answered}: "Vietnam's proposal for negotiations was rejected" after China and
     * Vietnam fought is China's refusal).
     */
    static List<Mention> counterpartActor(ParsedSentence s, String text, Trigger t, DocumentContext ctx,
                                          List<Mention> actors, List<Mention> recipients, boolean answered) {
        if (recipients.isEmpty() || ctx.lastOpposed().size() != 2 || !(actors.isEmpty() && answered
                || !actors.isEmpty() && actors.stream().allMatch(m -> "implicit-unidentified".equals(m.rule())))) {
            return List.of();
        }
        Set<String> hit = ArgumentQueries.countries(recipients);
        List<Mention> sides = sidesAt(s, text, t, ctx, "counterpart-actor");
        List<Mention> other = sides.stream().filter(m -> !hit.contains(m.code())).toList();
        return hit.size() == 1 && other.size() == 1 ? other : List.of();
    }

    /**
     * "Prime Minister Cunha called upon the Indian government", told in a narrative of Portugal against India: an
     * official named by a title alone ({@code titles}, the actors that had no country before the setting lent its
     * own) who acts on a state named in the sentence is not taken to be that state's own official; where the setting's
     * state is one side of the document's latest confrontation and the named recipient is that side, the official is
     * the other side's (rule {@code title-other-side}). {@code named}: the recipients the sentence gave a country
     * before the setting lent its own. Returns the actors, changed or not.
     */
    static List<Mention> titlesOfOtherSide(DocumentContext ctx, List<Mention> titles, List<Mention> actors,
                                           List<Mention> named) {
        if (titles.isEmpty() || ctx.lastOpposed().size() != 2) {
            return actors;
        }
        List<Mention> out = new ArrayList<>(actors.size());
        for (Mention a : actors) {
            Mention other = null;
            boolean title = titles.stream().anyMatch(m -> m.first() == a.first() && m.last() == a.last());
            boolean facing = a.code() != null && named.stream().anyMatch(r -> a.code().equals(r.code()));
            if (title && facing && ctx.lastOpposed().stream().anyMatch(side -> a.code().equals(side.code()))) {
                for (Mention side : ctx.lastOpposed()) {
                    if (!a.code().equals(side.code())) {
                        other = side;
                    }
                }
            }
            out.add(other == null ? a : a.withCode(other.code()));
        }
        return out;
    }

    /**
     * Fighting told as between two sides: a two-sided noun of fighting ("clashes", "a battle", "fighting broke
     * out"), not talks.
     */
    static boolean twoSidedFighting(ParsedSentence s, Trigger t) {
        return t.entry().type() == EventType.ASSAULT && (TWO_SIDED.contains(t.entry().wording())
                || TWO_SIDED.contains(s.token(t.head()).word().toLowerCase(java.util.Locale.ROOT)));
    }

    /** Whether a trigger names mediation ("mediated", "its mediation", "offered mediation", "served as mediator"). */
    static boolean mediation(Trigger t) {
        return MEDIATION.contains(t.entry().wording()) || t.entry().id().endsWith(".mediation")
                || t.entry().id().endsWith(".mediator");
    }

    /**
     * An offer, promise or request whose content is mediation: "offered to mediate", "offers of mediation", "made
     * offers to mediate" (under the light verb or its noun).
     */
    static boolean mediationOffered(ParsedSentence s, Trigger t) {
        for (int head : new int[] {t.head(), t.nounHead()}) {
            if (head < 0) {
                continue;
            }
            for (int c : s.children(head)) {
                String rel = s.relation(c);
                if ((rel.equals("xcomp") || rel.startsWith("acl") || rel.startsWith("nmod")) && c > head
                        && MEDIATION.contains(s.token(c).lemma())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Mention> sidesAt(ParsedSentence s, String text, Trigger t, DocumentContext ctx, String rule) {
        if (ctx.lastOpposed().size() != 2) {
            return List.of();
        }
        List<Mention> out = new ArrayList<>(2);
        for (Mention side : ctx.lastOpposed()) {
            out.add(onTrigger(s, text, t, side, rule));
        }
        return out;
    }

    /** A mention on the trigger's span standing for a party told earlier, that party's mention its antecedent. */
    private static Mention onTrigger(ParsedSentence s, String text, Trigger t, Mention side, String rule) {
        int start = s.token(t.first()).start();
        int end = s.token(t.last()).end();
        Mention root = side.antecedent() != null ? side.antecedent() : side;
        return new Mention(s.index(), t.first(), t.last(), t.head(), start, end, text.substring(start, end),
                side.code(), side.sector(), side.entry(), side.form(), Mention.Source.PRONOUN,
                rule + "->" + side.entry().id(), root);
    }

    /**
     * The mentions with the second side of each pair among them ("urged both sides", "appealed to the parties"
     * resolve to two mentions on one span; a rule that takes one mention for the span takes both).
     */
    static List<Mention> withPairTwins(List<Mention> chosen, List<Mention> mentions) {
        List<Mention> out = new ArrayList<>(chosen);
        for (Mention m : chosen) {
            if (m.source() != Mention.Source.PRONOUN || m.rule() == null || !m.rule().startsWith("pair:")) {
                continue;
            }
            ArgumentQueries.addTwins(m, mentions, out);
        }
        return out;
    }

    static List<Mention> resolvePronouns(List<Mention> found, DocumentContext ctx, ParsedSentence s) {
        List<Mention> raw = servedBy(found, s);
        List<Mention> out = new ArrayList<>(raw.size());
        List<Mention> pairs = new ArrayList<>(0);
        for (Mention m : raw) {
            if (m.source() == Mention.Source.PRONOUN && m.rule() != null && m.rule().startsWith("pair:")) {
                List<Mention> both = ctx.pair(out);
                for (Mention ante : both) {
                    out.add(resolvedTo(m, ante));
                }
                if (!both.isEmpty()) {
                    pairs.add(m);
                }
                continue;
            }
            if (m.source() == Mention.Source.PRONOUN || m.source() == Mention.Source.TITLE && m.code() == null) {
                Mention ante = m.source() == Mention.Source.PRONOUN ? ctx.antecedent(m, out, s) : null;
                if (ante != null) {
                    out.add(resolvedTo(m, ante));
                    if (s.token(m.head()).lemma().equals("they")) {
                        // "Uganda and Tanzania announced their intention": "their" is both
                        List<Mention> partners = ante.sentence() == s.index() ? conjoinedWith(s, ante, out)
                                : ctx.conjunctsOf(ante.antecedent() != null ? ante.antecedent() : ante);
                        for (Mention other : partners) {
                            out.add(resolvedTo(m, other));
                        }
                    }
                } else if (m.source() == Mention.Source.TITLE) {
                    out.add(m);
                }
                continue;
            }
            if (m.source() == Mention.Source.AGENT && m.code() == null && bareNoun(s, m)) {
                // "the Council" after "the OAS Council": that body (the antecedent goes into the evidence)
                Mention ante = ctx.shortNamed(s.token(m.head()).word(), out);
                if (ante != null) {
                    out.add(resolvedTo(m, ante));
                    continue;
                }
            }
            out.add(m);
        }
        addSurnames(s, ctx, out);
        // "the two leaders" resolved to the pair is no longer the generic leaders of the setting's country
        out.removeIf(m -> m.source() != Mention.Source.PRONOUN
                && pairs.stream().anyMatch(p -> p.first() <= m.first() && m.last() <= p.last()));
        // "Israel condemned the visit. Its foreign ministry called ...": a generic body owned by a resolved possessive
        // pronoun is that actor's, whatever country the document's setting lent it
        for (int i = 0; i < out.size(); i++) {
            Mention m = out.get(i);
            if (m.source() != Mention.Source.AGENT || !s.parsed()) {
                continue;
            }
            for (int c : s.children(m.head(), "nmod:poss")) {
                for (Mention p : out) {
                    if (p.source() == Mention.Source.PRONOUN && p.covers(c) && p.code() != null
                            && !p.code().equals(m.code())) {
                        out.set(i, m.withCode(p.code()));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The mentions with a person named by a generic noun given the code of whom an "of" or "for" phrase on it names:
     * "the commander of the Ethiopian army", "a spokesman for Hamas" serve them (not the country the document's setting
     * would lend), so that "his troops" after them are theirs too.
     */
    private static List<Mention> servedBy(List<Mention> found, ParsedSentence s) {
        if (!s.parsed()) {
            return found;
        }
        List<Mention> out = new ArrayList<>(found);
        for (int i = 0; i < out.size(); i++) {
            Mention m = out.get(i);
            if (m.code() != null || !DocumentContext.onePerson(m)) {
                continue;
            }
            for (int c : s.children(m.head(), "nmod")) {
                Mention served = ParseQueries.hasCase(s, c, "of", "for") ? served(found, m, c) : null;
                if (served != null) {
                    out.set(i, m.withCode(served.code()));
                    break;
                }
            }
        }
        return out;
    }

    private static Mention served(List<Mention> found, Mention person, int phrase) {
        for (Mention p : found) {
            if (p != person && p.source() != Mention.Source.PRONOUN && p.covers(phrase) && p.code() != null) {
                return p;
            }
        }
        return null;
    }

    /**
     * The other conjuncts of an antecedent in this sentence ("Tanzania" for "Uganda" in "Uganda and Tanzania
     * announced"), each a mention already found; none for an antecedent of another sentence.
     */
    static List<Mention> conjoinedWith(ParsedSentence s, Mention ante, List<Mention> found) {
        if (!s.parsed() || ante.sentence() != s.index() || ante.source() == Mention.Source.PRONOUN) {
            return List.of();
        }
        int first = s.is(ante.head(), "conj") && s.head(ante.head()) >= 0 ? s.head(ante.head()) : ante.head();
        List<Integer> heads = new ArrayList<>();
        heads.add(first);
        heads.addAll(s.children(first, "conj"));
        List<Mention> out = new ArrayList<>(heads.size());
        for (int h : heads) {
            for (Mention f : found) {
                if (f != ante && f.source() != Mention.Source.PRONOUN && f.covers(h) && f.code() != null
                        && !f.code().equals(ante.code()) && !out.contains(f)) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    /**
     * "Norland's foreign minister, Anna Lindqvist, ... Lindqvist flew to Oslo": a person's name the knowledge base
     * does not know alone (a run of the tagger's PERSON tokens that no mention covers), whose last word is the surname
     * of a person named in full earlier in the document (or earlier in the sentence), is that person; the full mention
     * goes into the evidence as the antecedent. So is the surname of a name that followed a title with a country
     * earlier ("Ruritanian President Marek Havel ... Havel warned"), with the title as the antecedent.
     */
    static void addSurnames(ParsedSentence s, DocumentContext ctx, List<Mention> out) {
        for (int i = 0; i < s.size(); i++) {
            if (!"PERSON".equals(s.token(i).ner())) {
                continue;
            }
            int last = i;
            while (last + 1 < s.size() && "PERSON".equals(s.token(last + 1).ner())) {
                last++;
            }
            int first = i;
            i = last;
            Token tail = s.token(last);
            boolean covered = false;
            boolean titled = false;
            List<Mention> earlier = new ArrayList<>();
            for (Mention m : out) {
                covered |= m.first() <= last && first <= m.last();
                if (m.code() != null && m.source() == Mention.Source.TITLE
                        && (m.last() == first - 1 || m.first() <= first && last <= m.last())) {
                    // "Ruritanian President Marek Havel": the title's holder, for a later bare "Havel"
                    ctx.titled(tail.word(), m);
                    titled = true;
                }
                if (m.last() < first) {
                    earlier.add(m);
                }
            }
            if (covered || titled || !tail.isProperNoun()) {
                continue;
            }
            Mention ante = ctx.personWithSurname(tail.word(), last - first + 1, earlier);
            if (ante != null) {
                Token head = s.token(first);
                Mention bare = new Mention(s.index(), first, last, last, head.start(), tail.end(),
                        joinWords(s, first, last), null, null, null, null, Mention.Source.NAME, "surname");
                out.add(resolvedTo(bare, ante));
            }
        }
        out.sort(java.util.Comparator.comparingInt(Mention::first));
    }

    private static String joinWords(ParsedSentence s, int first, int last) {
        StringBuilder b = new StringBuilder(s.token(first).word());
        for (int k = first + 1; k <= last; k++) {
            b.append(' ').append(s.token(k).word());
        }
        return b.toString();
    }

    /**
     * Whether a mention is a single definite noun with at most determiners before it ("the Council", "these troops"):
     * a body named again. An indefinite or counted noun ("sent 10,000 troops", "troops were sent") brings in a new
     * party, not the body last named with that noun.
     */
    private static boolean bareNoun(ParsedSentence s, Mention m) {
        if (!s.parsed() || m.head() != m.last() || !s.children(m.head(), "nummod").isEmpty()) {
            return false;
        }
        for (int i = m.first(); i < m.last(); i++) {
            if (!s.token(i).pos().equals("DT")) {
                return false;
            }
        }
        return s.children(m.head(), "det").stream()
                .anyMatch(d -> DEFINITE.contains(s.token(d).lemma().toLowerCase(java.util.Locale.ROOT)));
    }

    private static final String UN_TITLE = "title:secretary_general";
    private static final java.util.Set<String> BEYOND_STATES = org.faultline.coding.lexicon.WordSets.bundled()
            .set("beyond-states");

    /**
     * "Western leaders", "world powers", "international mediators": a plural generic agent whose adjective places it
     * beyond any one state takes no country from the setting.
     */
    private static boolean beyondStates(ParsedSentence s, Mention m) {
        if (!s.parsed() || !s.token(m.head()).isPluralNoun()) {
            return false; // (a singular title is an office: "the Foreign Minister", "the International Court")
        }
        for (int c : s.children(m.head())) {
            if ((s.is(c, "amod") || s.is(c, "compound")) && BEYOND_STATES.contains(s.token(c).lemma().toLowerCase(
                    java.util.Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** Nouns for a government that a leader's name in front identifies: "the Biden administration". */
    private static final Set<String> GOVERNMENTS = org.faultline.coding.lexicon.WordSets.bundled()
            .set("government-nouns");

    /** Generic agents take the country named with them, else the event's place, else the document setting. */
    static List<Mention> withCountry(ParsedSentence s, List<Mention> ms, List<Mention> all, String fallback) {
        List<Mention> out = new ArrayList<>(ms.size());
        for (Mention m : ms) {
            if (m.code() != null) {
                out.add(m);
                continue;
            }
            String code = null;
            for (int c : s.children(m.head(), "compound")) {
                // "British Defence Secretary Tom King": the title in front of the name says whose official it is
                Mention title = covering(all, c);
                if (title != null && title != m && title.code() != null && title.source() == Mention.Source.TITLE) {
                    code = title.code();
                }
            }
            for (int c : s.children(m.head())) {
                // "the Biden administration", "Netanyahu's government": the leader named in front says whose
                // ("Assad's forces" too; but a name compounded with any noun may be no one's: "the Correa gang")
                Mention leader = code == null && (s.is(c, "nmod:poss") || s.is(c, "compound")
                        && GOVERNMENTS.contains(s.token(m.head()).lemma())) ? covering(all, c) : null;
                ActorEntry.Kind kind = leader == null || leader.entry() == null ? null : leader.entry().kind();
                if (leader != m && leader != null && leader.code() != null
                        && (kind == ActorEntry.Kind.PERSON || kind == ActorEntry.Kind.STATE
                        // "NATO's Supreme Commander", "the OAU's envoys": the organisation whose they are
                        || s.is(c, "nmod:poss") && leader.collective())) {
                    code = leader.code();
                }
            }
            for (int c : s.children(m.head())) {
                if (code == null && s.relation(c).startsWith("nmod") && hasCase(s, c, "of", "from")) {
                    Mention inner = covering(all, c);
                    if (inner == null) {
                        // "inhabitants of the Syrian Golan Heights": the nationality sits on the place's name
                        for (int g : s.children(c)) {
                            Mention mod = (s.is(g, "amod") || s.is(g, "compound")) ? covering(all, g) : null;
                            if (mod != null && mod.entry() != null && mod.entry().kind() == ActorEntry.Kind.STATE) {
                                inner = mod;
                            }
                        }
                    }
                    if (inner != null && inner.code() != null && inner.entry() != null
                            && (inner.entry().kind() == ActorEntry.Kind.STATE || m.source() == Mention.Source.TITLE
                            || inner.entry().kind() == ActorEntry.Kind.IGO)) {
                        // (a title's body: "the Secretary-General of the Arab League"; an international body's organ:
                        // "the Council of the OAU". Not a party's or a group's members: the party's name may be one
                        // the knowledge base gives another country, "supporters of the PDP")
                        code = inner.code();
                    }
                }
            }
            if (code == null && s.is(m.head(), "conj") && s.head(m.head()) >= 0) {
                // "Burkina Faso planes and soldiers", "Syrian troops and militiamen": the nationality in front of the
                // first conjunct covers the others
                for (int g : s.children(s.head(m.head()))) {
                    Mention mod = s.is(g, "compound") || s.is(g, "amod") || s.is(g, "nmod:poss") ? covering(all, g) : null;
                    if (mod != null && mod != m && mod.code() != null && mod.entry() != null
                            && mod.entry().kind() == ActorEntry.Kind.STATE) {
                        code = mod.code();
                    }
                }
            }
            if (code == null && m.source() == Mention.Source.TITLE && UN_TITLE.equals(m.rule())) {
                code = "IGO"; // "the Secretary-General" with no body named is the UN's, wherever he speaks
            }
            if (code == null && !beyondStates(s, m)) {
                code = fallback;
            }
            // an actor whose country cannot be told stays, with no code: "40 people demonstrated in <a hamlet>"
            out.add(code == null ? m : m.withCode(code));
        }
        return out;
    }

    /**
     * "Iran condemned the strikes": a definite attack noun that names nobody refers back to the document's latest
     * attack, whose attackers are the target; each comes back as a mention of the noun phrase with the attacker as its
     * antecedent, so the evidence shows why.
     */
    static List<Mention> attackersReferredTo(ParsedSentence s, int v, DocumentContext ctx, List<Mention> actors) {
        for (int o : s.children(v, "obj")) {
            Token noun = s.token(o);
            boolean definite = definite(s, o);
            boolean named = false;
            for (int c : s.children(o)) {
                String rel = s.relation(c);
                // "the strikes on Yemen" names the victims, not who struck
                named |= rel.startsWith("nmod") && !hasCase(s, c, "on", "against", "in", "at")
                        || rel.equals("amod") || rel.equals("compound") || rel.startsWith("acl");
            }
            if (!ATTACK_NOUNS.contains(noun.lemma()) || !definite || named) {
                continue;
            }
            List<Mention> out = new ArrayList<>();
            for (Mention a : ctx.lastAttackers(noun.lemma())) {
                if (!sameEntity(a, actors)) {
                    out.add(nounFor(s, o, a));
                }
            }
            return out;
        }
        return List.of();
    }

    private static final Set<String> PROPOSAL_NOUNS = org.faultline.coding.lexicon.WordSets.bundled()
            .set("proposal-nouns");
    private static final Set<String> DEMAND_NOUNS = org.faultline.coding.lexicon.WordSets.bundled()
            .set("demand-nouns");
    private static final Set<String> CHARGE_NOUNS = org.faultline.coding.lexicon.WordSets.bundled()
            .set("charge-nouns");

    /** The stance types a noun of a proposal, demand or charge takes up, or an empty list. */
    static List<EventType> stanceTypes(String lemma) {
        if (PROPOSAL_NOUNS.contains(lemma)) {
            return List.of(EventType.AGREE);
        }
        if (DEMAND_NOUNS.contains(lemma)) {
            return List.of(EventType.REQUEST, EventType.THREATEN);
        }
        if (CHARGE_NOUNS.contains(lemma)) {
            return List.of(EventType.ACCUSE);
        }
        return List.of();
    }

    /**
     * "Russia rejected the proposal", "the ultimatum was rejected by the Chinese", "denied the charge": whoever made
     * the proposal, demand or charge that is rejected or accepted. Where the noun names its maker ("British offers of
     * mediation", "Israel's demand") that mention; where it is definite and names nobody, the makers of the document's
     * latest stance of that kind, as mentions of the noun with the maker as antecedent; never the rejecter itself.
     */
    static List<Mention> makersReferredTo(ParsedSentence s, int v, DocumentContext ctx, List<Mention> actors,
                                          List<Mention> mentions) {
        for (int o : s.children(v)) {
            String rel = s.relation(o);
            if (!rel.equals("obj") && !rel.equals("nsubj:pass")) {
                continue;
            }
            Token noun = s.token(o);
            List<EventType> types = stanceTypes(noun.lemma());
            if (types.isEmpty()) {
                continue;
            }
            List<Mention> own = new ArrayList<>();
            for (int c : s.children(o)) {
                String r = s.relation(c);
                boolean maker = r.equals("nmod:poss") || r.equals("amod") || r.equals("compound")
                        || r.startsWith("nmod") && hasCase(s, c, "of", "from", "by");
                for (Mention m : maker ? mentions : List.<Mention>of()) {
                    if (m.code() != null && m.first() <= c && c <= m.last() && !sameEntity(m, actors)
                            && !own.contains(m)) {
                        own.add(m);
                    }
                }
            }
            if (!own.isEmpty()) {
                return own;
            }
            boolean definite = definite(s, o);
            if (!definite) {
                return List.of();
            }
            for (EventType type : types) {
                List<Mention> out = new ArrayList<>();
                for (Mention a : ctx.lastMakers(type)) {
                    // (never the rejecter's own country: "Hanoi denied the charge" after Hanoi charged others)
                    if (actors.stream().noneMatch(x -> a.code().equals(x.code()))) {
                        out.add(nounFor(s, o, a));
                    }
                }
                if (!out.isEmpty()) {
                    return out;
                }
            }
            return List.of();
        }
        return List.of();
    }

    /**
     * "Pakistan refused.", "Hanoi declined": a refusal that names nothing refused answers the maker of the
     * document's latest request, else of its latest offer, unless that maker is the refuser's own country; each
     * comes back as a mention on the refusing verb with the maker as antecedent (rule {@code asker}).
     */
    static List<Mention> askersAnswered(ParsedSentence s, int v, DocumentContext ctx, List<Mention> actors) {
        for (int c : s.children(v)) {
            String rel = s.relation(c);
            if (rel.equals("obj") || rel.startsWith("xcomp") || rel.startsWith("ccomp") || rel.startsWith("obl")
                    || rel.equals("nsubj:pass")) {
                return List.of(); // what is refused is named: other rules read it
            }
        }
        for (EventType type : List.of(EventType.REQUEST, EventType.AGREE)) {
            List<Mention> makers = ctx.lastMakers(type);
            if (makers.isEmpty()) {
                continue;
            }
            if (makers.stream().anyMatch(a -> actors.stream().anyMatch(x -> a.code().equals(x.code())))) {
                return List.of();
            }
            List<Mention> out = new ArrayList<>();
            for (Mention a : makers) {
                out.add(nounFor(s, v, a));
            }
            return out;
        }
        return List.of();
    }

    /**
     * "A request to the Red Cross to investigate was refused", "the demand was rejected" after a demand to Bolivia: a
     * passive answer (verb {@code v}) to a request, demand or offer that names no one answering was given by whom the
     * request was made to, named on the noun ("to ...") or, for "the demand", the addressees of the document's latest
     * stance of the noun's kind (as mentions on the noun, the addressee's mention their antecedent); else an empty
     * list.
     */
    static List<Mention> addresseesAnswering(ParsedSentence s, int v, DocumentContext ctx, List<Mention> mentions) {
        for (int o : s.children(v, "nsubj:pass")) {
            List<EventType> types = stanceTypes(s.token(o).lemma());
            if (types.isEmpty()) {
                continue;
            }
            List<Mention> makers = new ArrayList<>();
            for (int c : s.children(o)) {
                if (s.relation(c).startsWith("nmod") && hasCase(s, c, "to")) {
                    return ArgumentQueries.actorsOf(s, c, mentions);
                }
                if (s.relation(c).equals("nmod:poss") || s.relation(c).equals("amod")
                        || s.relation(c).startsWith("nmod") && hasCase(s, c, "of", "from", "by")) {
                    makers.addAll(ArgumentQueries.actorsOf(s, c, mentions));
                }
            }
            boolean definite = definite(s, o);
            if (!definite || !makers.isEmpty()) {
                return List.of();
            }
            for (EventType type : types) {
                List<Mention> out = new ArrayList<>();
                for (Mention a : ctx.lastAddressees(type)) {
                    out.add(nounFor(s, o, a));
                }
                if (!out.isEmpty()) {
                    return out;
                }
            }
        }
        return List.of();
    }

    /** The noun at token {@code o} ("the strikes", "the ultimatum") standing for an earlier mention, its antecedent. */
    private static Mention nounFor(ParsedSentence s, int o, Mention a) {
        Token noun = s.token(o);
        return new Mention(s.index(), o, o, o, noun.start(), noun.end(), noun.word(), a.code(), a.sector(), a.entry(),
                a.form(), Mention.Source.PRONOUN, a.rule(), a);
    }

    private static final Set<String> DEFINITE = org.faultline.coding.lexicon.WordSets.bundled()
            .set("definite-determiners");

    /** Whether the noun at token {@code o} has a definite determiner ("the demand", "this proposal"). */
    private static boolean definite(ParsedSentence s, int o) {
        return s.children(o, "det").stream().anyMatch(d -> DEFINITE.contains(s.token(d).lemma()));
    }

    /** Nouns for an attack (not its weapons) that a later sentence may take up with "the strikes". */
    static final Set<String> ATTACK_NOUNS = org.faultline.coding.lexicon.WordSets.bundled().set("attack-nouns");
}
