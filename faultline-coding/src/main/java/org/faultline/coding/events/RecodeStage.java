package org.faultline.coding.events;

import static org.faultline.coding.events.ArgumentQueries.isPassive;
import static org.faultline.coding.events.ArgumentQueries.sameEntity;
import static org.faultline.coding.events.ArgumentQueries.subjectOf;
import static org.faultline.coding.events.ParseQueries.existential;
import static org.faultline.coding.events.ParseQueries.hasCase;
import static org.faultline.coding.events.ParseQueries.objectHead;
import static org.faultline.coding.events.ParseQueries.tensed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.faultline.coding.actors.Mention;
import org.faultline.coding.kb.ActorEntry;
import org.faultline.coding.kb.FormType;
import org.faultline.coding.lexicon.Guards;
import org.faultline.coding.lexicon.Guards.Guard;
import org.faultline.coding.lexicon.Plurals;
import org.faultline.coding.lexicon.Recodes;
import org.faultline.coding.lexicon.Recodes.Recode;
import org.faultline.coding.lexicon.WordSets;
import org.faultline.model.EventType;
import org.faultline.model.Modality;
import org.faultline.nlp.ParsedSentence;
import org.faultline.nlp.Token;

/**
 * The type stage: what kind of event a reading is, and who stands on which side of it once the kind is known. Needs
 * a parsed sentence, a {@link Trigger} (with the trigger that governs it, if any), the sentence's resolved mentions,
 * the report and intent cues (through {@link Clauses} and {@link ModalityStage}) and a {@link Reading} with the
 * participants and modality already read; provides
 * <ul>
 *   <li>{@link #recode}: the reading recoded in a fixed order (joint exercise → COOPERATE, host →
 *       recipient, call → all actors, official protest → ACCUSE, "X said Y must" → REQUEST by X, future or
 *       conditional acts → AGREE or THREATEN, a stated intent not to use force → AGREE);</li>
 *   <li>{@link #deployment} and {@link #withoutSelfDyad}: the two rules that run after {@link FallbackStage} has
 *       settled the recipients (troops sent to nobody are a deployment; the guard against a state acting on
 *       itself, {@link #SELF_DYAD});</li>
 *   <li>{@link #helpGiven} and {@link #refusal}: the events a coded candidate implies (the help given to its actor,
 *       the decision against a refused act), and {@link #background}: whether a trigger is background to the
 *       sentence's news.</li>
 * </ul>
 * Every rule that changes a reading appends its id to the reading's rules; the type, CAMEO code and mode a rule gives
 * are read from {@code recodes.tsv} under that id ({@link Recodes}). Thread-safe.
 */
final class RecodeStage {
    private static final Set<String> EXERCISES = WordSets.bundled().set("exercises");
    private static final Set<String> REMOTE_MEDIA = WordSets.bundled().set("remote-media");
    /** Verbs by which a protest note is issued, and words that make a protest a formal one. */
    private static final Set<String> LODGING = WordSets.bundled().set("lodging");
    /** Verbs whose object is helped to do what their complement says. */
    private static final Set<String> HELPERS = WordSets.bundled().set("helpers");
    private static final Set<String> BACKGROUND_MARKS = WordSets.bundled().set("background-marks");
    private static final Set<String> AGREEMENT_NOUNS = WordSets.bundled().set("agreement-nouns");
    private static final Set<String> ANSWERED_REQUESTS = WordSets.bundled().set("answered-request-nouns");
    /** Nouns for what a speaker issues, sends or delivers: notes, letters, resolutions, proposals. */
    private static final Set<String> STATEMENT_NOUNS = WordSets.bundled().set("statements");
    private static final Set<EventType> SPEECH = Set.of(EventType.REQUEST, EventType.ACCUSE, EventType.THREATEN,
            EventType.REJECT, EventType.AGREE, EventType.SUPPORT);

    private static final Recodes RECODES = Recodes.bundled();
    private static final Recode JOINT = RECODES.get("joint->COOPERATE");
    /** Not a recode: the reading (a hosted visit) whose parties {@link #hostToRecipient} swaps. */
    private static final Recode HOST = RECODES.get("host->recipient");
    private static final Recode OFFICIAL_PROTEST = RECODES.get("official-protest->ACCUSE");
    /** Adjectives that make a protest noun a state's formal act ("a formal protest", "a diplomatic protest"). */
    private static final Set<String> FORMAL_MODIFIERS = WordSets.bundled().set("formal-modifiers");
    private static final Recode LABOUR_STRIKE = RECODES.get("labour-strike->PROTEST");
    /** What workers do with a strike: join, call, hold, end one, go on one. */
    private static final Set<String> LABOUR_STRIKE_VERBS = WordSets.bundled().set("labour-strike-verbs");
    /** Words that only a work stoppage takes: a general, nationwide, indefinite strike. */
    private static final Set<String> LABOUR_STRIKE_MODIFIERS = WordSets.bundled().set("labour-strike-modifiers");
    private static final Recode MUST = RECODES.get("must->REQUEST");
    private static final Recode CONDITIONAL = RECODES.get("conditional->THREATEN");
    private static final Recode FUTURE_AGREE = RECODES.get("future->AGREE");
    private static final Recode FUTURE_THREATEN = RECODES.get("future->THREATEN");
    private static final Recode NO_FUTURE_FORCE = RECODES.get("no-future-force->AGREE");
    private static final Recode NO_FUTURE_TALKS = RECODES.get("no-future-talks->REJECT");
    private static final Recode NO_FUTURE_HELP = RECODES.get("no-future-help->REJECT");
    private static final Recode NO_FUTURE_YIELD = RECODES.get("no-future-yield->REJECT");
    private static final Recode NO_FUTURE_AGREEMENT = RECODES.get("no-future-agreement->REJECT");
    private static final Recode DEPLOYMENT = RECODES.get("deployment");
    private static final Recode SEA_LAUNCH = RECODES.get("launch-into-sea->MOBILIZE");
    /** Open water, into which a weapon fired hits nobody ("into the sea", "into the Sea of Japan"). */
    private static final Set<String> OPEN_WATERS = Set.of("sea", "ocean", "water", "waters");
    private static final Recode HELP = RECODES.get("help-with");
    private static final Recode MILITARY_HELP = RECODES.get("help-with.military");
    private static final Recode ALONGSIDE = RECODES.get("fight-alongside");
    private static final Recode REFUSAL = RECODES.get("refusal-of");
    private static final Recode ARMED_EXPULSION = RECODES.get("armed-expulsion");
    private static final Recode DRIVEN_BACK = RECODES.get("driven-back");
    private static final Set<String> DRIVING_BACK = WordSets.bundled().set("driving-back-verbs");

    /** A state acting on itself at country level keeps no recipient; the guard's id is the rule recorded. */
    static final Guard SELF_DYAD = Guards.bundled().get("guard.self-dyad", RecodeStage.class);

    private final Clauses clauses;
    private final ModalityStage modalities;

    RecodeStage(Clauses clauses, ModalityStage modalities) {
        this.clauses = clauses;
        this.modalities = modalities;
    }

    /**
     * The reading of trigger {@code t} after every recode that needs only the parse, in this order: joint exercise,
     * host, call, official protest, "must", future, no future force. {@code gov} is the trigger whose content or
     * complement {@code t} is, or {@code null}.
     */
    Reading recode(ParsedSentence s, Trigger t, Trigger gov, List<Mention> mentions, Reading r) {
        r = jointExercise(s, t, r);
        r = seaLaunch(s, t, r);
        r = hostToRecipient(r);
        r = callToActors(s, t, r);
        r = officialProtest(s, t, r);
        r = labourStrike(s, t, mentions, r);
        r = mustRequest(s, t, mentions, r);
        r = future(s, t, gov, r);
        r = noFutureCooperation(s, t, r);
        return noFutureForce(s, t, r);
    }

    /** PLOVER: joint exercises are military cooperation, one side's exercise a show of force. */
    static Reading jointExercise(ParsedSentence s, Trigger t, Reading r) {
        int v = t.head();
        // the exercise noun: a nominal trigger, the object of "held drills", or the verb "exercised"
        int exercise = t.nounHead() >= 0 ? t.nounHead() : objectHead(s, v) >= 0 ? objectHead(s, v) : v;
        if (r.type() == EventType.MOBILIZE && EXERCISES.contains(Plurals.singular(s.token(exercise)))
                && (r.actors().stream().map(Mention::code).filter(Objects::nonNull).distinct().count() > 1
                || hasJoint(s, exercise))) {
            return r.recoded(JOINT);
        }
        return r;
    }

    /**
     * "North Korea launched a ballistic missile into the sea": force fired into open water at no target the text
     * names (but the water's own name) is a test or a show of force (MOBILIZE, CAMEO 150), not an attack.
     */
    static Reading seaLaunch(ParsedSentence s, Trigger t, Reading r) {
        int v = t.head();
        if (r.type() != EventType.ASSAULT || t.nominal()
                || !ParticipantStage.WEAPON_USE_VERBS.contains(s.token(v).lemma())) {
            return r;
        }
        for (int c : s.children(v)) {
            // (a country the sea is named after is no target: "into the Sea of Japan")
            if (s.relation(c).startsWith("obl") && hasCase(s, c, "into")
                    && OPEN_WATERS.contains(s.token(c).lemma())
                    && r.recipients().stream().allMatch(m -> m.sentence() == s.index() && s.dominates(c, m.head()))) {
                return r.recoded(SEA_LAUNCH).withRecipients(List.of());
            }
        }
        return r;
    }

    /** PLOVER: the visitor is the actor and the host the recipient ("Biden hosted the leaders of Japan"). */
    static Reading hostToRecipient(Reading r) {
        if (r.type() == HOST.type() && HOST.cameo().equals(r.cameo()) && !r.recipients().isEmpty()
                && !r.actors().isEmpty()) {
            return r.withParties(r.recipients(), r.actors()).withRule(HOST.id());
        }
        return r;
    }

    /** PLOVER: a call has no host and no visitor, so all its participants are actors. */
    static Reading callToActors(ParsedSentence s, Trigger t, Reading r) {
        if (r.type() == EventType.CONSULT && ("phone".equals(r.mode()) || remoteMedium(s, t.head()))) {
            List<Mention> all = new ArrayList<>(r.actors());
            all.addAll(r.recipients());
            return r.recoded("call->actors", r.type(), r.cameo(), "phone").withParties(all, List.of());
        }
        return r;
    }

    /**
     * "Lebanon protested to the UN", "a human rights group protested": a formal protest is an accusation (as a
     * noun: "the USSR issued a mild protest", "lodged a protest with Britain").
     */
    static Reading officialProtest(ParsedSentence s, Trigger t, Reading r) {
        int v = t.head();
        if (r.type() != EventType.PROTEST || !s.token(v).lemma().equals("protest") || r.actors().isEmpty()) {
            return r;
        }
        boolean formalNoun = t.nominal() && formal(s, v);
        if ((!t.nominal() || lodged(s, v) || formalNoun) && r.actors().stream().allMatch(m -> officialVoice(m)
                // "a formal Swedish protest": the adjective names the state, not Swedes in the street
                || formalNoun && m.form() == FormType.ADJECTIVE)) {
            return r.recoded(OFFICIAL_PROTEST);
        }
        return r;
    }

    /** "a formal Swedish protest", "an official protest from France": a noun marked as a state's formal act. */
    private static boolean formal(ParsedSentence s, int noun) {
        return s.children(noun, "amod").stream()
                .anyMatch(c -> FORMAL_MODIFIERS.contains(s.token(c).lemma().toLowerCase(java.util.Locale.ROOT)));
    }

    /**
     * "the teachers' strike", "a doctors strike", "the union's strike": a strike whose holders are named by a plural
     * noun of people who are not armed, or by a union, is a labour strike (PLOVER PROTEST, CAMEO 143), not a military
     * strike; "drone strikes", "Israeli strikes" and "rebel strikes" stay attacks.
     */
    static Reading labourStrike(ParsedSentence s, Trigger t, List<Mention> mentions, Reading r) {
        int n = t.nounHead();
        if (r.type() != EventType.ASSAULT || n < 0 || !s.token(n).lemma().equals("strike")) {
            return r;
        }
        // "joined the strike", "called a general strike", "went on strike": what workers do with a strike, and the
        // words that only a stoppage takes
        int verb = s.head(n);
        if (verb >= 0 && s.token(verb).isVerb() && LABOUR_STRIKE_VERBS.contains(s.token(verb).lemma())
                && (s.is(n, "obj") || s.relation(n).startsWith("obl") && hasCase(s, n, "on"))) {
            return r.recoded(LABOUR_STRIKE);
        }
        for (int c : s.children(n, "amod")) {
            if (LABOUR_STRIKE_MODIFIERS.contains(s.token(c).lemma().toLowerCase(java.util.Locale.ROOT))) {
                return r.recoded(LABOUR_STRIKE);
            }
        }
        for (int c : s.children(n)) {
            if (!(s.is(c, "nmod:poss") || s.is(c, "compound"))) {
                continue;
            }
            Token h = s.token(c);
            Mention m = ArgumentQueries.covering(mentions, c);
            boolean people = h.pos().equals("NNS") && (m == null || !ParticipantStage.armed(m)
                    && (m.entry() == null || m.entry().kind() != ActorEntry.Kind.STATE));
            if (people || h.lemma().equals("union")) {
                return r.recoded(LABOUR_STRIKE);
            }
        }
        return r;
    }

    /**
     * "Russia said that Sudan must return the helicopter": the speaker demands the act of the subject, so the
     * speaker is the actor, the subject the recipient, and the demand itself is asserted and unattributed.
     */
    Reading mustRequest(ParsedSentence s, Trigger t, List<Mention> mentions, Reading r) {
        int demander = t.nominal() ? -1 : clauses.demandingSpeaker(s, t.head());
        if (demander < 0) {
            return r;
        }
        List<Mention> speaker = subjectOf(s, demander, mentions, 0);
        if (speaker.isEmpty() || sameEntity(speaker.get(0), r.actors())) {
            return r;
        }
        List<String> rules = new ArrayList<>(r.rules());
        rules.add(MUST.id());
        return new Reading(MUST.type(), MUST.cameo(), MUST.mode(), r.context(), Modality.ASSERTED, null, speaker,
                r.actors(), r.how(), rules);
    }

    /**
     * PLOVER: future CONSULT, SUPPORT, COOPERATE and AID are AGREE; announced conflict, or an act made conditional on
     * the other side's behaviour ("will withdraw ... unless"), is THREATEN. Only for a trigger that is no other
     * trigger's content.
     */
    Reading future(ParsedSentence s, Trigger t, Trigger gov, Reading r) {
        if (r.modality() != Modality.FUTURE
                || gov != null && gov.entry().type() != null && !modalities.keptOpen(s, gov.head())) {
            return r;
        }
        int v = t.head();
        boolean conditional = false;
        for (int c : s.children(v, "advcl")) {
            for (int m : s.children(c, "mark")) {
                if (s.token(m).lemma().equals("unless")) {
                    conditional = true;
                }
            }
        }
        EventType type = r.type();
        if (conditional) {
            return r.announced(CONDITIONAL);
        } else if (type == EventType.CONSULT || type == EventType.SUPPORT || type == EventType.COOPERATE
                || type == EventType.AID || type.cooperative() && type != EventType.AGREE && modalities.statedIntent(s, v)) {
            // a withdrawal or release that an actor says it will make ("Syria says it is willing to withdraw",
            // "Iraq said it would allow inspectors back") is an expressed intent: AGREE, as CAMEO's 035x codes
            return r.announced(FUTURE_AGREE);
        } else if (!type.cooperative() && type.quadClass() == 4) {
            return r.announced(FUTURE_THREATEN);
        }
        return r;
    }

    /**
     * "Iraq declared that it would not fire upon US patrols": a stated intent to refrain from force is a promise to
     * de-escalate (CAMEO 0356), not a negated attack; so is "Damascus announced that it did not intend to attack".
     */
    Reading noFutureForce(ParsedSentence s, Trigger t, Reading r) {
        int v = t.head();
        if (r.modality() == Modality.NEGATED && !t.nominal() && r.type() != null && r.type().quadClass() == 4
                && intentNotToAct(s, v)) {
            return r.announced(NO_FUTURE_FORCE);
        }
        return r;
    }

    /**
     * Whether the negated act at {@code v} is an intent its holder states ("said it would not ...") or disavows ("did
     * not intend to ..."), not a negation of what happened.
     */
    private boolean intentNotToAct(ParsedSentence s, int v) {
        return modalities.futureAux(s, v) && modalities.statedIntent(s, v) || modalities.disavowedIntent(s, v);
    }

    /**
     * "China said it would not negotiate with Japan", "Belgium announced that it would not withdraw its troops", "the
     * U.S. replied that there would be no negotiations with Iraq": an actor's stated intent not to meet, help, yield or
     * agree is a rejection (CAMEO 12x) of that act towards the same recipient, where a negated act would be no event.
     * Only for an intent its holder states (the future auxiliary under a verb of saying or intending, or "did not
     * intend to"), not for a negation in the past ("did not attend the meeting") nor for a passive ("parties will not
     * be allowed to campaign" is a restriction imposed on them, not their refusal).
     */
    Reading noFutureCooperation(ParsedSentence s, Trigger t, Reading r) {
        if (r.modality() != Modality.NEGATED || r.type() == null || !r.type().cooperative()) {
            return r;
        }
        int v = t.nominal() ? existentialVerb(s, t) : t.head();
        if (v < 0 || !s.children(v, "aux:pass").isEmpty() || !intentNotToAct(s, v)) {
            return r;
        }
        Recode recode = switch (r.type()) {
            case CONSULT -> NO_FUTURE_TALKS;
            case AID, COOPERATE -> NO_FUTURE_HELP;
            case RETREAT, CONCEDE -> NO_FUTURE_YIELD;
            default -> NO_FUTURE_AGREEMENT;
        };
        return r.announced(recode);
    }

    /**
     * For an event noun in an existential clause ("there would be no negotiations"), the word that carries the clause's
     * auxiliaries: the noun itself where "be" is its copula, as the parser reads it, else the "be" it is the subject
     * of; -1 for a noun in no existential clause.
     */
    private static int existentialVerb(ParsedSentence s, Trigger t) {
        int n = t.nounHead() >= 0 ? t.nounHead() : t.head();
        if (existential(s, n)) {
            return n;
        }
        int h = s.head(n);
        return h >= 0 && s.is(n, "nsubj") && s.token(h).lemma().equals("be") && existential(s, h) ? h : -1;
    }

    /**
     * "sent naval forces to the area", "sent 10,000 troops to reinforce the frontier": troops sent to no party they
     * are to help are a deployment, not military aid. Runs once the recipients are settled.
     */
    static Reading deployment(Trigger t, Reading r) {
        if (r.recipients().isEmpty() && r.type() == EventType.AID && t.entry().id().equals("send.v.troops")) {
            return r.recoded(DEPLOYMENT);
        }
        return r;
    }

    /**
     * "Polish forces expelled the Russians from Polish territory", "the Vietcong were expelled from the towns": an
     * expulsion by armed forces, or of them, is fighting that drives them out (ASSAULT), not the expulsion of
     * diplomats or nationals the bare verb otherwise means. Runs once the participants have their sectors.
     */
    static Reading armedExpulsion(Trigger t, Reading r) {
        if (!t.entry().id().equals("expel.v") || r.type() != EventType.SANCTION) {
            return r;
        }
        boolean armed = r.actors().stream().anyMatch(ParticipantStage::armed)
                || r.recipients().stream().anyMatch(ParticipantStage::armed);
        return armed ? r.recoded(ARMED_EXPULSION) : r;
    }

    /** Sectors of a state acting as such: its government and its armed forces. */
    private static final Set<String> STATE_SECTORS = Set.of("GOV", "MIL");

    /**
     * "placed 155,000 ground troops on alert", "the deployment of more troops": the units a state moves, alerts or
     * pulls back are what it moves, not whom the move is aimed at. A deployment or withdrawal by a state, its
     * government or forces whose recipients are all military units of its own country has none (rule
     * {@code own-units}), so that the document can tell whom it faces.
     */
    static Reading withoutOwnUnits(Reading r) {
        if (r.type() != EventType.MOBILIZE && r.type() != EventType.RETREAT || r.recipients().isEmpty()) {
            return r;
        }
        Set<String> own = ArgumentQueries.countries(r.actors());
        // (the state or its government and armed forces; rebels who surrender to the police do face them)
        boolean state = r.actors().stream().allMatch(m -> m.sector() == null || STATE_SECTORS.contains(m.sector()));
        boolean units = state && r.recipients().stream().allMatch(m -> m.source() == Mention.Source.AGENT
                && "MIL".equals(m.sector()) && m.code() != null && own.contains(m.code()));
        return units ? r.withRecipients(List.of()).withRule("own-units") : r;
    }

    /** {@link #SELF_DYAD}: "Ukraine" acting on "Ukraine" with no sector to tell them apart says nothing. */
    static Reading withoutSelfDyad(Reading r) {
        if (!r.actors().isEmpty() && !r.recipients().isEmpty() && selfDyad(r.actors(), r.recipients())) {
            return r.withRecipients(List.of()).withRule(SELF_DYAD.id());
        }
        return r;
    }

    /**
     * Whether every recipient is one of the actors over again: the same state named at country level on both
     * sides, with no sector or organisation to tell them apart, as in ASSAULT UKR→UKR read from a country and its
     * own adjective. Groups of one country (gangs, students and police) stay.
     */
    static boolean selfDyad(List<Mention> actors, List<Mention> recipients) {
        for (Mention r : recipients) {
            boolean same = false;
            for (Mention a : actors) {
                if (a.code() != null && a.code().equals(r.code())
                        && a.sector() == null && r.sector() == null && countryLevel(a) && countryLevel(r)) {
                    same = true;
                }
            }
            if (!same) {
                return false;
            }
        }
        return true;
    }

    /** The state itself, named or referred to, not a group of its people ("gang members", "students"). */
    private static boolean countryLevel(Mention m) {
        return m.source() != Mention.Source.AGENT && m.source() != Mention.Source.PLACE
                && (m.entry() == null || m.entry().kind() == ActorEntry.Kind.STATE);
    }

    // ---------------------------------------------------------------- events a coded candidate implies

    /**
     * "France helped Jordan shoot down the missiles": the helped act keeps its own actor (Jordan), and the help is
     * cooperation of the helper with it (COOPERATE FRA→JOR, military when the act is violence or deployment), not
     * hostility towards anyone. Returns {@code null} when the candidate is not the complement of such a verb or
     * the helper is not known.
     */
    static Candidate helpGiven(ParsedSentence s, Candidate c, List<Mention> mentions) {
        int v = -1;
        for (int k = c.triggerFirst(); k <= c.triggerLast(); k++) {
            if ((s.is(k, "xcomp") || s.is(k, "ccomp")) && s.head(k) >= 0
                    && HELPERS.contains(s.token(s.head(k)).lemma())) {
                v = k;
            }
        }
        if (v < 0 || c.actors().isEmpty()) {
            return null;
        }
        int helpVerb = s.head(v);
        List<Mention> helpers = new ArrayList<>();
        for (Mention m : subjectOf(s, helpVerb, mentions, 0)) {
            if (m.code() != null && !sameEntity(m, c.actors())) {
                helpers.add(m);
            }
        }
        if (helpers.isEmpty()) {
            return null;
        }
        boolean military = c.type() == EventType.ASSAULT || c.type() == EventType.COERCE
                || c.type() == EventType.MOBILIZE;
        Recode help = military ? MILITARY_HELP : HELP;
        return new Candidate(c.sentence(), helpVerb, helpVerb, c.entry(), help.type(), help.mode(),
                military ? List.of("military") : List.of(), help.cameo(), helpers, c.actors(),
                c.modality(), c.attribution(), c.date(), c.location(), null, 0.75, "help-with:" + c.rule());
    }

    /**
     * "North Korean troops are fighting alongside Russian forces": fighting beside a party is military cooperation
     * with it (COOPERATE, CAMEO 062), whoever the fight is against. Returns {@code null} when the candidate is no act
     * of force with an ally named in an "alongside" or "beside" phrase ({@link ParticipantStage#allies}), or has no
     * actor.
     */
    static Candidate alongside(ParsedSentence s, Candidate c, List<Mention> mentions) {
        if (c.type() != EventType.ASSAULT || c.actors().isEmpty()) {
            return null;
        }
        List<Mention> allies = new ArrayList<>();
        for (int k = c.triggerFirst(); k <= c.triggerLast(); k++) {
            for (Mention m : ParticipantStage.allies(s, k, mentions)) {
                if (m.code() != null && !sameEntity(m, c.actors()) && !allies.contains(m)) {
                    allies.add(m);
                }
            }
        }
        if (allies.isEmpty()) {
            return null;
        }
        return new Candidate(c.sentence(), c.triggerFirst(), c.triggerLast(), c.entry(), ALONGSIDE.type(),
                ALONGSIDE.mode(), List.of("military"), ALONGSIDE.cameo(), c.actors(), allies, c.modality(),
                c.attribution(), c.date(), c.location(), null, 0.75, "alongside:" + c.rule());
    }

    /**
     * "Polish forces expelled the Russians", "drove the invaders back across the border", "pushed back the
     * attackers": armed forces driven from ground they held fall back, a retreat of their own (RETREAT of the driven
     * party towards the drivers, CAMEO 0874) beside the act of force. Returns {@code null} unless the candidate is an
     * asserted act of force told by a driving-back verb (or an expulsion read as fighting) with actors and
     * recipients of different countries; a repelled attack, which may simply fail, is none.
     */
    static Candidate drivenBack(Candidate c) {
        if (c.type() != EventType.ASSAULT || c.modality() != Modality.ASSERTED || c.actors().isEmpty()
                || c.recipients().isEmpty() || !(!c.entry().noun() && DRIVING_BACK.contains(c.entry().wording())
                || java.util.Arrays.asList(c.rule().split("\\+")).contains(ARMED_EXPULSION.id()))) {
            return null;
        }
        Set<String> drivers = ArgumentQueries.countries(c.actors());
        Set<String> driven = ArgumentQueries.countries(c.recipients());
        if (drivers.isEmpty() || driven.isEmpty() || !java.util.Collections.disjoint(drivers, driven)) {
            return null;
        }
        return new Candidate(c.sentence(), c.triggerFirst(), c.triggerLast(), c.entry(), DRIVEN_BACK.type(),
                DRIVEN_BACK.mode(), List.of("military"), DRIVEN_BACK.cameo(), c.recipients(), c.actors(),
                c.modality(), c.attribution(), c.date(), c.location(), null, 0.75, "driven-back:" + c.rule());
    }

    /**
     * "Jerusalem weighed sending air defences to Kyiv and decided against it": the refused act is kept (refused),
     * and the decision itself is a REJECT by the same actor towards the would-be recipient; "Britain proposed a
     * committee, but Japan declined": the act stands and another subject's refusal is a REJECT towards its actor.
     * Returns {@code null} when there is no such refusal, or it has no word of its own or is a trigger itself.
     */
    Candidate refusal(ParsedSentence s, Candidate c, Trigger t, Map<Integer, Trigger> byHead,
                      List<Mention> mentions) {
        if (c.type() == EventType.REJECT || c.modality() != Modality.REFUSED && c.modality() != Modality.ASSERTED) {
            return null;
        }
        // an asserted act may still be refused by another subject named in a later conjunct ("Britain proposed a
        // committee, but Japan declined"): the act stands, the refusal answers it
        boolean answered = c.modality() == Modality.ASSERTED;
        int anchor = answered ? modalities.otherRefusalOf(s, t.head()) : modalities.refusalAnchorOf(s, t.head());
        if (anchor < 0 || byHead.containsKey(anchor)) {
            return null;
        }
        // who decided against it: the deciding verb's subject; when that is not the act's actor ("Kyiv asked ...;
        // Israel weighed the request and decided against it"), the refuser turns down the actor
        List<Mention> actors = c.actors();
        List<Mention> recipients = c.recipients();
        List<Mention> refusers = subjectOf(s, anchor, mentions, 0);
        if (!refusers.isEmpty() && refusers.stream().noneMatch(m -> sameEntity(m, c.actors()))) {
            actors = refusers;
            recipients = c.actors();
        } else if (answered) {
            return null;
        }
        return new Candidate(c.sentence(), anchor, anchor, c.entry(), REFUSAL.type(), REFUSAL.mode(), c.context(),
                REFUSAL.cameo(), actors, recipients, Modality.ASSERTED, c.attribution(), c.date(),
                c.location(), null, c.confidence(), "refusal-of:" + c.rule());
    }

    /** Whether a trigger reports background rather than the sentence's news. */
    static boolean background(ParsedSentence s, Trigger t, Map<Integer, Trigger> byHead) {
        int v = t.head();
        String rel = s.relation(v);
        if (t.nounHead() == v && AGREEMENT_NOUNS.contains(s.token(v).lemma())) {
            // "decried the violation of their friendship treaty", "the National Pact of 1943": a treaty named is a
            // reference to an agreement; signing, reaching or breaking it is the event, coded by its verb
            return true;
        }
        if (rel == null || answeredRequest(s, t)) {
            return false;
        }
        if (rel.startsWith("acl")) {
            // "a note asking it to withdraw", "a resolution calling on all members to ...": what a statement says
            // is the statement's news, not background; nor is what a relative clause tells its own named subject
            // doing ("the protocol, which France and Britain pressed Austria to accept")
            return !statementContent(s, v, t.entry().type()) && !ownSubjectClause(s, v);
        }
        if (rel.startsWith("advcl")) {
            for (int m : s.children(v, "mark")) {
                if (BACKGROUND_MARKS.contains(s.token(m).lemma())) {
                    return true;
                }
            }
        }
        if (t.nounHead() == v && rel.startsWith("nmod")) {
            // "after 12 days of battles": the background marker sits on the phrase above
            int x = v;
            for (int depth = 0; depth < 3 && x >= 0 && s.relation(x) != null && s.relation(x).startsWith("nmod"); depth++) {
                x = s.head(x);
            }
            if (x >= 0 && x != v && s.relation(x) != null && s.relation(x).startsWith("obl")) {
                for (int c : s.children(x, "case")) {
                    if (BACKGROUND_MARKS.contains(s.token(c).lemma())) {
                        return true;
                    }
                }
            }
        }
        if (t.nounHead() == v && (rel.startsWith("obl") || rel.startsWith("nmod"))) {
            for (int c : s.children(v, "case")) {
                if (BACKGROUND_MARKS.contains(s.token(c).lemma()) || s.token(c).lemma().equals("in")
                        && s.size() > c + 2 && s.token(c + 1).lemma().equals("the")
                        && s.token(c + 2).lemma().equals("wake")) {
                    return true;
                }
            }
            // a nominal event named inside another event's arguments: "the battle against the crisis"; not talks as
            // the occasion of an act ("promised aid during a meeting with X": the meeting took place, it is no
            // argument)
            int h = s.head(v);
            if (h >= 0 && byHead.containsKey(h) && !ParseQueries.talksAsOccasion(s, v, t.entry().type())) {
                return true;
            }
            // what a protest is against, also when the protest noun is the object of a verb row ("a demonstration
            // against the invasion was held"); a reprisal's cause ("vowed retaliation for the strikes") stays news
            if (h >= 0 && byHead.values().stream().anyMatch(o -> o.entry().type() == EventType.PROTEST
                    && (o.nounHead() == h || o.head() == s.head(h) && (s.is(h, "obj") || s.is(h, "nsubj:pass"))))) {
                return true;
            }
        }
        if (t.nounHead() == v && rel.startsWith("nsubj") && s.head(v) >= 0 && s.relation(s.head(v)) != null
                && s.relation(s.head(v)).startsWith("advcl")) {
            // "since the Russian invasion began, ...": the noun is the subject of a background clause
            for (int m : s.children(s.head(v), "mark")) {
                if (BACKGROUND_MARKS.contains(s.token(m).lemma())) {
                    return true;
                }
            }
        }
        // ("all air, naval, and artillery attacks would be halted": a noun conjoined to the argument is one too)
        int arg = rel.equals("conj") && s.head(v) >= 0 && s.token(s.head(v)).isNoun() ? s.head(v) : v;
        String argRel = s.relation(arg);
        Trigger governor = t.nounHead() == v && argRel != null && s.head(arg) >= 0 ? byHead.get(s.head(arg)) : null;
        if (governor != null && governor.nounHead() != v && (argRel.equals("obj") || argRel.equals("nsubj:pass")
                && (governor.entry().type() == EventType.RETREAT || governor.entry().type() == EventType.CONCEDE))) {
            // "halted the attacks", "the attacks would be halted": the attacks are what the halting is about ("the
            // Israeli attack was condemned by Saudi Arabia" still reports the attack)
            return true;
        }
        return false;
    }

    /**
     * "The Soviets refused a request by the U.S. ambassador", "occupied the islands at the request of Finland",
     * "did not accept Lumumba's demands": a request that another verb answers, acts on or turns down was made,
     * whatever became of it; its own event, asserted, not background to the answer.
     */
    static boolean answeredRequest(ParsedSentence s, Trigger t) {
        int v = t.head();
        if (t.nounHead() != v || t.entry().type() != EventType.REQUEST
                || !ANSWERED_REQUESTS.contains(s.token(v).lemma())) {
            return false;
        }
        int h = s.head(v);
        String rel = s.relation(v);
        String hrel = h >= 0 ? s.relation(h) : null;
        // (not a request named in a clause that only describes or gives a purpose: "the state of exception
        // approved at the request of the president", "talked to solve their requests")
        return h >= 0 && rel != null && s.token(h).isVerb() && (rel.equals("obj") || rel.startsWith("obl"))
                && (hrel == null || hrel.equals("root") || hrel.equals("conj") || hrel.equals("ccomp")
                || hrel.equals("parataxis") || hrel.equals("xcomp"));
    }

    /**
     * A finite relative clause with a subject of its own, a name or a personal pronoun: "which France and Britain
     * pressed Austria to accept" tells an act of France and Britain, where "which killed five" elaborates its noun
     * and "whose fourth article commits each side to ..." tells what a treaty says.
     */
    private static boolean ownSubjectClause(ParsedSentence s, int v) {
        if (!s.is(v, "acl:relcl")) {
            return false;
        }
        if (!tensed(s, v)) {
            return false;
        }
        for (int c : s.children(v, "nsubj")) {
            // a name or a personal pronoun: someone who acts, not "whose fourth article commits each side to ..."
            String tg = s.token(c).pos();
            if (tg.startsWith("NNP") || tg.equals("PRP") && !s.token(c).lemma().equals("it")) {
                return true;
            }
        }
        return false;
    }

    /** "a Note asking it to withdraw": a speech act that is what a statement noun says. */
    private static boolean statementContent(ParsedSentence s, int v, EventType type) {
        int h = s.head(v);
        return type != null && SPEECH.contains(type) && h >= 0 && s.is(v, "acl") && !isPassive(s, v)
                && s.token(h).isNoun() && STATEMENT_NOUNS.contains(s.token(h).lemma());
    }

    // ---------------------------------------------------------------- parse tests of the recodes

    /** "issued a protest", "lodged a formal protest", "an official protest from France": a diplomatic protest. */
    private static boolean lodged(ParsedSentence s, int noun) {
        int g = s.head(noun);
        if (g >= 0 && s.is(noun, "obj") && LODGING.contains(s.token(g).lemma())) {
            return true;
        }
        return s.children(noun, "amod").stream().anyMatch(c -> LODGING.contains(s.token(c).lemma()));
    }

    /** A state, organisation or office holder speaking as such (not a crowd of its people). */
    private static boolean officialVoice(Mention m) {
        if (m.entry() == null) {
            return m.generic() && "GOV".equals(m.sector());
        }
        return m.form() != FormType.DEMONYM && m.form() != FormType.ADJECTIVE
                && m.entry().kind() != ActorEntry.Kind.ARMED_GROUP && m.entry().kind() != ActorEntry.Kind.PARTY;
    }

    /** "spoke by phone with", "talked via video link": a consultation over a remote medium. */
    private static boolean remoteMedium(ParsedSentence s, int verb) {
        for (int c : s.children(verb, "obl")) {
            if (REMOTE_MEDIA.contains(s.token(c).lemma()) && hasCase(s, c, "by", "over", "via")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasJoint(ParsedSentence s, int noun) {
        for (int c : s.children(noun)) {
            String l = s.token(c).lemma();
            if (l.equals("joint") || l.equals("combined") || l.equals("bilateral") || l.equals("trilateral")) {
                return true;
            }
        }
        return false;
    }
}
