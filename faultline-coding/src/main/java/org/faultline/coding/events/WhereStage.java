package org.faultline.coding.events;

import static org.faultline.coding.events.ParseQueries.caseOf;
import static org.faultline.coding.events.ParseQueries.hasCase;
import static org.faultline.coding.events.ParseQueries.temporal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.faultline.coding.actors.Mention;
import org.faultline.coding.actors.PlaceMention;
import org.faultline.coding.kb.FormType;
import org.faultline.coding.kb.Place;
import org.faultline.coding.lexicon.WordSets;
import org.faultline.model.Location;
import org.faultline.model.Quantity;
import org.faultline.nlp.ParsedSentence;
import org.faultline.nlp.Token;

/**
 * Where and how much: the place an event is located at, the place that stands for the target of an attack
 * ("shelled Kharkiv"), and the quantity it names (casualties, troops). Needs the parse, the trigger and the
 * sentence's place mentions; provides a {@link PlaceMention} and the {@link Location} the event records of it, a
 * place-as-target {@link Mention} and a {@link Quantity}. Pure functions; no state.
 */
final class WhereStage {
    private static final Set<String> PLACE_PREPS = WordSets.bundled().set("place-prepositions");
    private static final Set<String> KILL = WordSets.bundled().set("kill");
    private static final Set<String> INJURE = WordSets.bundled().set("injure");

    private WhereStage() {
    }

    /** The place of the event: one the trigger's clause locates it at ("in", "near", "the town of"), else the first. */
    static PlaceMention place(ParsedSentence s, int v, List<PlaceMention> places) {
        PlaceMention attached = null;
        for (PlaceMention p : places) {
            if (EventExtractor.inClause(s, v, p.last()) || EventExtractor.inClause(s, v, p.first())) {
                boolean prep = false;
                for (int k = p.first(); k <= p.last(); k++) {
                    String c = caseOf(s, k);
                    if (c != null && PLACE_PREPS.contains(c.split(" ")[0])) {
                        prep = true;
                    }
                }
                if (prep || p.first() > 0 && PLACE_PREPS.contains(s.token(p.first() - 1).lemma())
                        || namedPlaceOf(s, p.first())) {
                    if (attached == null || !"COUNTRY".equals(p.place().kind())) {
                        attached = p;
                    }
                }
            }
        }
        if (attached != null) {
            return attached;
        }
        for (PlaceMention p : places) {
            if (p.first() > 0 && PLACE_PREPS.contains(s.token(p.first() - 1).lemma())) {
                return p;
            }
        }
        for (PlaceMention p : places) {
            // "Moscow denied it, citing reports from Bakhmut": a capital that speaks or acts is the actor, and
            // another place the sentence names is the better guess
            if (!subjectPlace(s, p)) {
                return p;
            }
        }
        // "Iran denied any role": with no other place, the actor's own country still beats a place inherited
        // from an earlier sentence
        return places.isEmpty() ? null : places.get(0);
    }

    /**
     * Whether a place name stands as an actor: a subject ("Kyiv says"), a passive's by-agent ("supported by Canada
     * and the Netherlands"), or a conjunct of one.
     */
    static boolean subjectPlace(ParsedSentence s, PlaceMention p) {
        if (!s.parsed()) {
            return false;
        }
        for (int k = p.first(); k <= p.last(); k++) {
            if (s.head(k) >= p.first() && s.head(k) <= p.last()) {
                continue;
            }
            int x = k;
            for (int depth = 0; depth < 4 && x >= 0 && s.is(x, "conj"); depth++) {
                x = s.head(x);
            }
            String rel = x < 0 ? null : s.relation(x);
            if (rel != null && (rel.startsWith("nsubj") || rel.equals("obl:agent")
                    || rel.startsWith("obl") && hasCase(s, x, "by"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The place as the event records it: the chosen gazetteer place, the span of the words it was read from (in
     * this sentence or the earlier one it came from), and how many gazetteer places bore the name.
     */
    static Location location(PlaceMention pm) {
        Place p = pm.place();
        return new Location(pm.text(), p.country(), p.admin1(), p.lat(), p.lon(), pm.start(), pm.end(),
                pm.alternatives());
    }

    private static final Set<String> PLACE_NOUNS = WordSets.bundled().set("place-nouns");




    /** "the capital city of Algiers", "the town of Bakhmut": the place named after "of". */
    private static boolean namedPlaceOf(ParsedSentence s, int first) {
        return first >= 2 && s.token(first - 1).lemma().equals("of") && PLACE_NOUNS.contains(s.token(first - 2).lemma());
    }


    /** An attacked place stands for its country: "shelled Kharkiv" → UKR. */
    static Mention placeTarget(ParsedSentence s, int v, List<PlaceMention> places) {
        for (PlaceMention p : places) {
            boolean object = false;
            for (int k = p.first(); k <= p.last(); k++) {
                if (s.head(k) == v && (s.is(k, "obj") || s.is(k, "nsubj:pass")) || s.head(k) == v && s.is(k, "obl")
                        && hasCase(s, k, "on", "at", "against", "into")) {
                    object = true;
                }
            }
            if (object) {
                return placeParty(s, p);
            }
        }
        return null;
    }

    /**
     * The place at {@code p} as a party: its state, at the place's own span ("shelled Kharkiv", "closed its embassy in
     * Tripoli").
     */
    static Mention placeParty(ParsedSentence s, PlaceMention p) {
        return new Mention(s.index(), p.first(), p.last(), p.last(), p.start(), p.end(), p.text(), p.place().country(),
                null, null, FormType.METONYM, Mention.Source.PLACE, "place:" + p.text());
    }

    /** How many: the number on the trigger's noun or one of its arguments; casualties for killing and wounding. */
    static Quantity quantity(ParsedSentence s, int v, Trigger t, String text) {
        Set<Integer> heads = new LinkedHashSet<>();
        if (t.nounHead() >= 0) {
            heads.add(t.nounHead());
        }
        for (int c : s.children(v)) {
            if (s.is(c, "obj") || s.is(c, "nsubj:pass") || s.is(c, "nsubj") || s.is(c, "obl")) {
                heads.add(c);
                heads.addAll(s.children(c, "nmod"));
            }
        }
        String lemma = s.token(v).lemma();
        for (int h : heads) {
            for (int n : s.children(h, "nummod")) {
                if (temporal(s.token(n)) || temporal(s.token(h))) {
                    continue; // "on 27 March 1920", "for three days": a date or a span of time counts nothing
                }
                Long value = number(s.token(n));
                if (value == null) {
                    continue;
                }
                int lo = n;
                for (int m : s.children(n)) {
                    lo = Math.min(lo, m);
                }
                String kind = KILL.contains(lemma) ? "casualties_killed" : INJURE.contains(lemma) ? "casualties_injured"
                        : "count";
                return new Quantity(text.substring(s.token(lo).start(), s.token(Math.max(h, n)).end()), value,
                        s.token(h).lemma(), kind);
            }
            // "killing at least one of them": the number is the object itself
            if (s.token(h).pos().equals("CD")) {
                Long value = number(s.token(h));
                if (value != null && (KILL.contains(lemma) || INJURE.contains(lemma))) {
                    return new Quantity(s.token(h).word(), value, null,
                            KILL.contains(lemma) ? "casualties_killed" : "casualties_injured");
                }
            }
        }
        return null;
    }

    private static Long number(Token t) {
        String norm = t.normalized();
        String raw = norm != null ? norm.replaceAll("[^0-9.]", "") : t.word().replace(",", "");
        try {
            double d = Double.parseDouble(raw);
            return d >= 0 && d < 1e12 ? (long) d : null;
        } catch (NumberFormatException e) {
            return switch (t.lemma()) {
                case "one" -> 1L;
                case "two" -> 2L;
                case "three" -> 3L;
                case "dozen" -> 12L;
                case "hundred" -> 100L;
                case "thousand" -> 1000L;
                default -> null;
            };
        }
    }
}
