package org.faultline.coding.events;

import static org.faultline.coding.events.ArgumentQueries.actorsOf;
import static org.faultline.coding.events.ArgumentQueries.isPassive;
import static org.faultline.coding.events.ArgumentQueries.sameEntity;
import static org.faultline.coding.events.ContextStage.withCountry;
import static org.faultline.coding.events.ParseQueries.hasCase;
import static org.faultline.coding.events.ParticipantStage.weaponOwners;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.faultline.coding.actors.Mention;
import org.faultline.coding.actors.PlaceMention;
import org.faultline.coding.kb.ActorEntry;
import org.faultline.coding.kb.FormType;
import org.faultline.coding.lexicon.Guards;
import org.faultline.coding.lexicon.Guards.Guard;
import org.faultline.coding.lexicon.Plurals;
import org.faultline.coding.lexicon.WordSets;
import org.faultline.model.EventType;
import org.faultline.nlp.ParsedSentence;
import org.faultline.nlp.Token;

/**
 * The late participant stage: the participants a reading gets once its type and place are known. Needs a parsed
 * sentence and its text, a {@link Trigger}, the sentence's resolved mentions and place mentions, the country the
 * event is placed in (its location's, else the document's setting; may be {@code null}) and a {@link Reading}
 * recoded by {@link RecodeStage#recode}; provides the reading with, in this order: actors and recipients given the
 * country their mentions imply ({@link ContextStage#withCountry}), the unguessed country of an unknown subject noun
 * in diplomacy, the owner of a weapon a defensive verb stops, the place as target, the target hung under the weapon,
 * the unnamed victim noun, the implicit perpetrator or protesters of the place, and the implicit target (the state
 * where the act happens). Each rule that adds or drops a participant appends its id to the reading's rules. Pure
 * functions; no state.
 */
final class FallbackStage {
    private static final Set<String> WEAPONS_AND_ATTACKS = WordSets.bundled().set("weapons-and-attacks");
    /** Nouns naming a fight itself ("a war", "a campaign"), never its victim. */
    private static final Set<String> COMBAT_NOUNS = WordSets.bundled().set("combat-nouns");
    /** Verbs that stop incoming fire. */
    private static final Set<String> DEFENSIVE = WordSets.bundled().set("defensive");
    private static final Set<String> STANDOFF_WEAPONS = WordSets.bundled().set("standoff-weapons");
    /** Ships, whose country is their flag's, not the place's: no victims of the place. */
    private static final Set<String> VESSELS = WordSets.bundled().set("vessels");

    private static final Guard WEAPON_OBJECT = guard("guard.weapon-object");
    private static final Guard ALLY_NOT_TARGET = guard("guard.ally-not-target");
    private static final Guard HOME_TARGET = guard("guard.home-target");
    private static final Guard UNGUESSED_COUNTRY = guard("guard.unguessed-country");
    /** The unnamed launcher of a stand-off weapon takes no country; the guard's id joins the rule recorded. */
    private static final Guard WEAPON_ORIGIN = guard("guard.weapon-origin");

    private static Guard guard(String id) {
        return Guards.bundled().get(id, FallbackStage.class);
    }

    private FallbackStage() {
    }

    /** The reading of trigger {@code t} with the late participant rules applied in order. */
    static Reading complete(ParsedSentence s, String text, Trigger t, List<Mention> mentions, List<PlaceMention> places,
                            String fallbackCountry, Reading reading) {
        int v = t.head();
        Reading r = reading.withActors(withCountry(s, reading.actors(), mentions, fallbackCountry), reading.how());
        r = unguessedCountry(s, r);
        r = r.withRecipients(withCountry(s, r.recipients(), mentions, fallbackCountry));
        // WEAPON_OBJECT: a defensive verb on weapons attacks nobody at the place (no place or implicit target)
        boolean weaponObject = !t.nominal() && objectIsWeapon(s, v);
        if (weaponObject) {
            // "shot down the missiles over Amman": whoever fired them is the other side, if the text says so
            List<Mention> owners = weaponOwners(s, v, mentions, r.actors());
            r = r.withRecipients(owners);
            if (!owners.isEmpty()) {
                r = r.withRule("weapon-owner");
            }
        }
        if (!weaponObject) {
            // (a frigate that "intercepted drones" over a place does not attack the place's state)
            r = placeTarget(s, t, mentions, places, r);
            r = targetUnderWeapon(s, t, mentions, fallbackCountry, r);
        }
        r = borderTarget(s, t, mentions, r);
        r = missionHost(s, t, places, r);
        if (!weaponObject) {
            r = victimNoun(s, t, places, fallbackCountry, r); // ("20 of the drones were shot down": no victims)
        }
        r = implicitPerpetrator(s, t, fallbackCountry, r);
        r = implicitProtesters(s, t, fallbackCountry, r);
        return weaponObject ? r : implicitTarget(s, text, t, mentions, fallbackCountry, r);
    }

    /**
     * {@link #UNGUESSED_COUNTRY}: "Chamorro sought U.S. advice": a person or body the knowledge base does not know,
     * acting in diplomacy, is as likely foreign as local; the place's country would be a guess, so the actor keeps no
     * country.
     */
    static Reading unguessedCountry(ParsedSentence s, Reading r) {
        EventType type = r.type();
        if (!r.how().equals("subject-noun") || type == null || type.quadClass() != 1 && type.quadClass() != 3) {
            return r;
        }
        List<Mention> unguessed = new ArrayList<>(r.actors().size());
        for (Mention m : r.actors()) {
            String ner = s.token(m.head()).ner();
            boolean named = "PERSON".equals(ner) || "ORGANIZATION".equals(ner);
            unguessed.add(named && m.entry() == null && m.rule() != null && m.rule().startsWith("subject:")
                    ? m.withCode(null) : m);
        }
        return r.withActors(unguessed, r.how());
    }

    /**
     * An attack with no recipient yet aims at the place it is aimed at ("shelled Kharkiv"), unless that is an ally
     * ({@link #ALLY_NOT_TARGET}).
     */
    private static Reading placeTarget(ParsedSentence s, Trigger t, List<Mention> mentions, List<PlaceMention> places,
                                       Reading r) {
        if (r.recipients().isEmpty() && r.type() != null && r.type().quadClass() == 4
                && t.entry().type() != EventType.PROTEST) {
            Mention placeTarget = WhereStage.placeTarget(s, t.head(), places);
            if (placeTarget != null && !sameEntity(placeTarget, r.actors())
                    && !allyNamed(s, t.head(), placeTarget, mentions)) {
                return r.withRecipients(List.of(placeTarget));
            }
        }
        return r;
    }

    /**
     * "closed its embassy in Tripoli", "withdrew its diplomats from Caracas": a diplomatic sanction that names nobody
     * it is aimed at is aimed at the state of the city or country that hosts the mission, a place in an "in", "from"
     * or "at" phrase of the verb or its object (rule {@code mission-host}); never the actor's own state ("expelled
     * the diplomats from London").
     */
    private static Reading missionHost(ParsedSentence s, Trigger t, List<PlaceMention> places, Reading r) {
        if (!r.recipients().isEmpty() || r.type() != EventType.SANCTION || t.nominal()
                || !r.context().contains("diplomatic")) {
            return r;
        }
        List<Integer> heads = new ArrayList<>(s.children(t.head(), "obj"));
        heads.add(t.head());
        for (PlaceMention p : places) {
            String country = p.place().country();
            if (country == null || r.actors().stream().anyMatch(a -> country.equals(a.code()))) {
                continue;
            }
            for (int k = p.first(); k <= p.last(); k++) {
                String rel = s.relation(k);
                if (rel != null && heads.contains(s.head(k)) && (rel.startsWith("obl") || rel.startsWith("nmod"))
                        && hasCase(s, k, "in", "from", "at")) {
                    return r.withRecipients(List.of(WhereStage.placeParty(s, p))).withRule("mission-host");
                }
            }
        }
        return r;
    }

    /** "fired rockets at an Israeli base": the target hangs under the weapon when the parser attaches it there. */
    private static Reading targetUnderWeapon(ParsedSentence s, Trigger t, List<Mention> mentions,
                                             String fallbackCountry, Reading r) {
        if (!r.recipients().isEmpty() || t.nominal()
                || r.type() != EventType.ASSAULT && r.type() != EventType.THREATEN) {
            return r;
        }
        for (int c : s.children(t.head(), "obj")) {
            if (WEAPONS_AND_ATTACKS.contains(s.token(c).lemma())) {
                for (int g : s.children(c)) {
                    if (s.relation(g).startsWith("nmod") && hasCase(s, g, "at", "on", "against", "toward",
                            "towards", "into")) {
                        List<Mention> targets = new ArrayList<>();
                        for (Mention m : withCountry(s, actorsOf(s, g, mentions), mentions, fallbackCountry)) {
                            if (m.code() != null && !sameEntity(m, r.actors())) {
                                targets.add(m);
                            }
                        }
                        if (!targets.isEmpty()) {
                            r = r.withRecipients(targets).withRule("target-under-weapon");
                        }
                    }
                }
            }
        }
        return r;
    }

    /** Nouns for a line between states: "along the Nicaraguan border", "across the frontier with Iraq". */
    private static final Set<String> BORDERS = WordSets.bundled().set("borders");

    /**
     * "massed troops along the Nicaraguan border", "shelled positions across the frontier with Iraq": force used or
     * shown at a border with no recipient named is aimed at the state on the other side of it, named by an adjective
     * or a "with"/"of" phrase under the border noun (the actor's own side, "its border", is not a target).
     */
    private static Reading borderTarget(ParsedSentence s, Trigger t, List<Mention> mentions, Reading r) {
        EventType type = r.type();
        if (!r.recipients().isEmpty() || r.actors().isEmpty() || type != EventType.MOBILIZE
                && type != EventType.ASSAULT && type != EventType.THREATEN && type != EventType.COERCE) {
            return r;
        }
        List<Integer> heads = new ArrayList<>(s.children(t.head()));
        for (int k = t.first(); k <= t.last(); k++) {
            if (k != t.head()) {
                heads.addAll(s.children(k)); // "a concentration of forces along ...": under any word of the phrase
            }
        }
        if (t.nounHead() >= 0 && (t.nounHead() < t.first() || t.nounHead() > t.last())) {
            heads.addAll(s.children(t.nounHead()));
        }
        for (int c : heads) {
            if (!(s.relation(c).startsWith("obl") || s.relation(c).startsWith("nmod"))
                    || !BORDERS.contains(s.token(c).lemma())) {
                continue;
            }
            List<Mention> targets = new ArrayList<>();
            for (Mention m : mentions) {
                if (m.code() != null && m.head() != c && s.dominates(c, m.head()) && m.source() != Mention.Source.PRONOUN
                        && r.actors().stream().noneMatch(a -> m.code().equals(a.code()))) {
                    targets.add(m);
                }
            }
            if (!targets.isEmpty()) {
                return r.withRecipients(targets).withRule("border-target");
            }
        }
        return r;
    }

    /**
     * "shot a former member of a JAC", "abducted 40 wedding guests": unnamed victims of an attack or coercion are
     * civilians of the place.
     */
    private static Reading victimNoun(ParsedSentence s, Trigger t, List<PlaceMention> places, String fallbackCountry,
                                      Reading r) {
        if (!r.recipients().isEmpty() || t.nominal() || fallbackCountry == null
                || r.type() != EventType.ASSAULT && r.type() != EventType.COERCE) {
            return r;
        }
        for (int c : s.children(t.head())) {
            if (c != t.nounHead() && (s.is(c, "obj") || s.is(c, "nsubj:pass")) && (s.token(c).pos().equals("NN")
                    || s.token(c).pos().equals("NNS") || s.token(c).pos().equals("CD"))
                    && !WEAPONS_AND_ATTACKS.contains(s.token(c).lemma())
                    // "fought a war", "waged a campaign": the fight itself is nobody hit
                    && !COMBAT_NOUNS.contains(s.token(c).lemma())
                    // "attacked another tanker": a ship at sea flies a flag the place does not tell
                    && !Plurals.in(VESSELS, s.token(c))
                    // "exchanged fire with them": the object that makes the trigger is nobody hit
                    // ("declared a state of emergency": nor is the head of a several-word object)
                    && t.entry().objects().stream().noneMatch(o -> o.equals(s.token(c).lemma())
                    || o.startsWith(s.token(c).lemma() + " "))
                    && places.stream().noneMatch(p -> p.first() <= c && c <= p.last())) {
                Token tv = s.token(c);
                return r.withRecipients(List.of(new Mention(s.index(), c, c, c, tv.start(), tv.end(), tv.word(),
                        fallbackCountry, "CVL", null, null, Mention.Source.AGENT, "victim:" + tv.lemma())))
                        .withRule("victim-noun");
            }
        }
        return r;
    }

    /**
     * "a man was killed in Villagran": an unnamed perpetrator, coded as unidentified armed forces of the place;
     * {@link #WEAPON_ORIGIN}: when a weapon fired from afar is the subject ("Iranian-made drones hit Odesa", "missiles
     * struck Kharkiv") whoever fired it may well be abroad, so the perpetrator keeps no country, neither the place's
     * nor the weapon's maker's (a roadside bomb keeps the place's).
     */
    private static Reading implicitPerpetrator(ParsedSentence s, Trigger t, String fallbackCountry, Reading r) {
        int v = t.head();
        boolean nominal = t.nominal();
        if (r.actors().isEmpty() && fallbackCountry != null
                && (r.type() == EventType.ASSAULT || r.type() == EventType.COERCE)
                && (nominal || isPassive(s, v) || weaponSubject(s, v))) {
            boolean weapon = !nominal && !isPassive(s, v) && s.children(v, "nsubj").stream()
                    .anyMatch(c -> STANDOFF_WEAPONS.contains(Plurals.singular(s.token(c))));
            return r.withActors(List.of(implicitAgent(s, t, weapon ? null : fallbackCountry, "UAF",
                            "implicit-unidentified")), "implicit")
                    .withRule(weapon ? "implicit-unidentified+" + WEAPON_ORIGIN.id() : "implicit-unidentified");
        }
        return r;
    }

    /** "a demonstration was held in Oulu": a protest nobody is named for is held by people of the place. */
    private static Reading implicitProtesters(ParsedSentence s, Trigger t, String fallbackCountry, Reading r) {
        if (r.actors().isEmpty() && fallbackCountry != null && r.type() == EventType.PROTEST
                && t.entry().type() == EventType.PROTEST) {
            return r.withActors(List.of(implicitAgent(s, t, fallbackCountry, "CVL", "implicit-protesters")),
                    "implicit").withRule("implicit-protesters");
        }
        return r;
    }

    /**
     * A protest, strike, curfew or concession with no named target is aimed at the state where it happens; not so
     * for a state itself acting at home ({@link #HOME_TARGET}: "Honduras massed forces along the border" targets
     * nobody there).
     */
    private static Reading implicitTarget(ParsedSentence s, String text, Trigger t, List<Mention> mentions,
                                          String fallbackCountry,
                                          Reading r) {
        if (r.recipients().isEmpty() && !r.actors().isEmpty() && fallbackCountry != null && r.type() != null
                && domesticTarget(r.type())
                && r.actors().stream().noneMatch(m -> fallbackCountry.equals(m.code()) && stateItself(m))
                // "clashes continued" between the two sides the document told: they fight or talk with each other
                && r.actors().stream().noneMatch(m -> m.rule() != null && m.rule().startsWith("sides-of-"))
                // "attacked another tanker": a ship's country is its flag's, not the place's
                && s.children(t.head(), "obj").stream().noneMatch(o -> Plurals.in(VESSELS, s.token(o)))
                // "fighting alongside Russian forces in Kursk": the ally's own country is no target
                && ParticipantStage.allies(s, t.head(), mentions).stream()
                .noneMatch(m -> fallbackCountry.equals(m.code()))) {
            Token tv = s.token(t.first());
            int end = s.token(t.last()).end();
            return r.withRecipients(List.of(new Mention(s.index(), t.first(), t.last(), t.first(), tv.start(), end,
                    text.substring(tv.start(), end), fallbackCountry, null, null, null,
                    Mention.Source.PLACE, "implicit-target:" + fallbackCountry))).withRule("implicit-target");
        }
        return r;
    }

    /**
     * "shot down the missiles", "intercepted drones", "drones were shot down": a defensive verb acting on a weapon,
     * not on a party.
     */
    static boolean objectIsWeapon(ParsedSentence s, int v) {
        if (!DEFENSIVE.contains(s.token(v).lemma())) {
            return false; // "fired rockets into Sderot" does attack the place
        }
        boolean shotDown = s.token(v).lemma().equals("shoot") && s.children(v).stream()
                .anyMatch(p -> (s.is(p, "compound:prt") || s.is(p, "advmod")) && s.token(p).lemma().equals("down"));
        for (int c : s.children(v)) {
            // "shot down the missiles", and "35 drones were shot down"
            if (!s.is(c, "obj") && !s.is(c, "nsubj:pass")) {
                continue;
            }
            if (Plurals.in(WEAPONS_AND_ATTACKS, s.token(c))) {
                return true;
            }
            if (shotDown && !"PERSON".equals(s.token(c).ner())) {
                return true; // what is shot down flew: "shot down many of them", "shot down a Russian jet"
            }
            for (int of : s.children(c, "nmod")) {
                // "20 of the drones were shot down": the weapons hang under the number
                if (hasCase(s, of, "of") && Plurals.in(WEAPONS_AND_ATTACKS, s.token(of))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * "fought for Russia in the Kursk region", "fighting alongside Russian troops": the state the actor fights for
     * is named, and the place's state is that ally, not the target.
     */
    static boolean allyNamed(ParsedSentence s, int v, Mention placeTarget, List<Mention> mentions) {
        for (int c : s.children(v)) {
            if ((s.relation(c).startsWith("obl") || s.relation(c).startsWith("advmod"))
                    && (hasCase(s, c, "for", "alongside", "beside") || behalfOf(s, c))) {
                for (Mention m : actorsOf(s, c, mentions)) {
                    if (placeTarget.code() != null && placeTarget.code().equals(m.code())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** "on behalf of Moscow": the oblique's noun is "behalf" and the party hangs under it. */
    private static boolean behalfOf(ParsedSentence s, int c) {
        return s.token(c).lemma().equals("behalf");
    }

    /** "A roadside bombing killed one soldier": the subject is the weapon, the perpetrator is unnamed. */
    private static boolean weaponSubject(ParsedSentence s, int v) {
        for (int c : s.children(v, "nsubj")) {
            if (WEAPONS_AND_ATTACKS.contains(s.token(c).lemma())) {
                return true;
            }
        }
        return false;
    }

    /** An actor the text implies but does not name, standing at the trigger's first word. */
    private static Mention implicitAgent(ParsedSentence s, Trigger t, String code, String sector, String rule) {
        Token tf = s.token(t.first());
        return new Mention(s.index(), t.first(), t.first(), t.first(), tf.start(), tf.end(), tf.word(), code, sector,
                null, null, Mention.Source.AGENT, rule);
    }

    /** The state as such ("Honduras", "the Kremlin"), not its people ("Algerians") or one of its bodies. */
    private static boolean stateItself(Mention m) {
        return m.sector() == null && m.entry() != null && m.entry().kind() == ActorEntry.Kind.STATE
                && (m.form() == FormType.NAME || m.form() == FormType.METONYM || m.form() == FormType.EPITHET);
    }

    private static boolean domesticTarget(EventType type) {
        return type == EventType.PROTEST || type == EventType.CONCEDE || type == EventType.COERCE
                || type == EventType.RETREAT || type == EventType.MOBILIZE || type == EventType.ASSAULT;
    }
}
