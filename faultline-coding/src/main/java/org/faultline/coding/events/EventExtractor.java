package org.faultline.coding.events;

import static org.faultline.coding.events.ArgumentQueries.actorsOf;
import static org.faultline.coding.events.ArgumentQueries.isPassive;
import static org.faultline.coding.events.ArgumentQueries.sameEntity;
import static org.faultline.coding.events.ArgumentQueries.subjectOf;
import static org.faultline.coding.events.ContextStage.resolvePronouns;
import static org.faultline.coding.events.ContextStage.withCountry;
import static org.faultline.coding.events.ParseQueries.hasCase;
import static org.faultline.coding.events.ParseQueries.objectHead;
import static org.faultline.coding.events.ParticipantStage.CONTENT_TAKERS;
import static org.faultline.coding.events.ParticipantStage.armed;
import static org.faultline.coding.events.ParticipantStage.weaponOwners;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.faultline.coding.actors.Mention;
import org.faultline.coding.actors.PlaceMention;
import org.faultline.coding.kb.ActorEntry;
import org.faultline.coding.kb.FormType;
import org.faultline.coding.lexicon.Cues;
import org.faultline.coding.lexicon.Plurals;
import org.faultline.coding.lexicon.TriggerLexicon;
import org.faultline.coding.lexicon.WordSets;
import org.faultline.model.Attribution;
import org.faultline.model.EventType;
import org.faultline.model.Location;
import org.faultline.model.Modality;
import org.faultline.model.Quantity;
import org.faultline.nlp.ParsedSentence;
import org.faultline.nlp.Token;

/**
 * Finds events in one parsed sentence by running the stages in order: {@link ContextStage} resolves the sentence's
 * pronouns, {@link TriggerStage} finds the triggers, and for each trigger {@link ParticipantStage} reads actors and
 * recipients from the parse (with {@link ContextStage} for attacks referred back to), {@link ModalityStage} the
 * modality, and {@link WhereStage} the place and quantity; what stays here are the rules that drop, recode or add
 * events (content of a stance, help, refusal, background, future acts, guards) and the date and attribution.
 * Thread-safe; per-document state lives in {@link DocumentContext}.
 */
public final class EventExtractor {
    private static final Set<String> CLAUSE = Set.of("ccomp", "xcomp", "advcl", "acl", "parataxis", "csubj", "conj",
            "dep", "list");

    private final TriggerStage triggers;
    private final Clauses clauses;
    private final ModalityStage modalities;
    private final ParticipantStage participants;
    private final Cues cues;
    private final TemporalResolver dates = new TemporalResolver();

    public EventExtractor(TriggerLexicon lexicon, Cues cues) {
        this.cues = cues;
        this.clauses = new Clauses(cues);
        this.triggers = new TriggerStage(lexicon, clauses);
        this.modalities = new ModalityStage(cues, clauses);
        this.participants = new ParticipantStage(clauses);
    }

    /** Whether a sentence has any trigger word: half of the cheap test before the costly parse. */
    public boolean hasTriggerWord(ParsedSentence s) {
        return triggers.hasTriggerWord(s);
    }

    /** Debugging aid: {@code -Dfaultline.trace=true} lists every trigger kept or dropped on stderr. */
    private static final boolean TRACE = Boolean.getBoolean("faultline.trace");

    private static String sentenceText(ParsedSentence s, String text) {
        return text.substring(s.token(0).start(), s.token(s.size() - 1).end()).replace('\n', ' ');
    }

    /** Events of one sentence. */
    public List<Candidate> extract(ParsedSentence s, String text, LocalDate articleDate, List<Mention> rawMentions,
                                   List<PlaceMention> places, DocumentContext ctx) {
        if (!s.parsed()) {
            if (TRACE) {
                System.err.println("TRACE\tunparsed\t-\t" + sentenceText(s, text));
            }
            return List.of();
        }
        List<Mention> mentions = resolvePronouns(rawMentions, ctx, s);
        ctx.resolved(mentions.stream().filter(m -> m.source() == Mention.Source.PRONOUN).toList());
        List<Trigger> triggers = this.triggers.find(s);
        Map<Integer, Trigger> byHead = new HashMap<>();
        for (Trigger t : triggers) {
            byHead.put(t.head(), t);
        }
        List<Candidate> main = new ArrayList<>();
        List<Candidate> background = new ArrayList<>();
        for (Trigger t : triggers) {
            Candidate c = build(s, text, articleDate, t, byHead, mentions, places, ctx);
            if (TRACE) {
                System.err.println("TRACE\t" + (c == null ? "dropped" : "kept") + "\t" + t.entry().id() + "\t"
                        + sentenceText(s, text));
            }
            if (c != null) {
                (background(s, t, byHead) ? background : main).add(c);
                Candidate refusal = refusal(s, c, t, byHead);
                if (refusal != null) {
                    main.add(refusal);
                }
            }
        }
        for (Candidate c : main) {
            // (an attacker the text names, not one inferred from the place or left unidentified)
            List<Mention> named = c.actors().stream().filter(a -> a.code() != null && a.source() != Mention.Source.PLACE
                    && (a.rule() == null || !a.rule().startsWith("implicit"))).toList();
            if (c.type() == EventType.ASSAULT && c.modality() == Modality.ASSERTED && !named.isEmpty()) {
                String word = s.token(c.triggerFirst()).lemma();
                ctx.attacked(word, named);
                if (TRACE) {
                    System.err.println("TRACE\tattackers\t" + word + "\t" + named.stream().map(Mention::code).toList());
                }
            }
        }
        List<Candidate> helped = new ArrayList<>();
        for (Candidate c : main) {
            Candidate help = helpGiven(s, c, mentions);
            if (help != null) {
                helped.add(help);
            }
        }
        main.addAll(helped);
        // background acts ("after a coup toppled the government", "the curfew imposed in May", "condemned the
        // attack") are left to the sentence's main event; they stand only when the sentence has nothing else
        return main.isEmpty() ? background : main;
    }

    /** Verbs whose object is helped to do what their complement says. */
    private static final Set<String> HELPERS = WordSets.bundled().set("helpers");

    /**
     * "France helped Jordan shoot down the missiles": the helped act keeps its own actor (Jordan), and the help is
     * cooperation of the helper with it (COOPERATE FRA→JOR, military when the act is violence or deployment), not
     * hostility towards anyone. Returns {@code null} when the candidate is not the complement of such a verb or
     * the helper is not known.
     */
    private Candidate helpGiven(ParsedSentence s, Candidate c, List<Mention> mentions) {
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
        return new Candidate(c.sentence(), helpVerb, helpVerb, c.entry(), EventType.COOPERATE, null,
                military ? List.of("military") : List.of(), military ? "062" : "060", helpers, c.actors(),
                c.modality(), c.attribution(), c.date(), c.location(), null, 0.75, "help-with:" + c.rule());
    }

    /**
     * "Jerusalem weighed sending air defences to Kyiv and decided against it": the refused act is kept (refused),
     * and the decision itself is a REJECT by the same actor towards the would-be recipient.
     */
    private Candidate refusal(ParsedSentence s, Candidate c, Trigger t, Map<Integer, Trigger> byHead) {
        if (c.modality() != Modality.REFUSED || c.type() == EventType.REJECT) {
            return null;
        }
        int anchor = modalities.refusalAnchorOf(s, t.head());
        if (anchor < 0 || byHead.containsKey(anchor)) {
            return null;
        }
        return new Candidate(c.sentence(), anchor, anchor, c.entry(), EventType.REJECT, "assist", c.context(), "1211",
                c.actors(), c.recipients(), Modality.ASSERTED, c.attribution(), c.date(), c.location(), null,
                c.confidence(), "refusal-of:" + c.rule());
    }

    private static final Set<String> BACKGROUND_MARKS = Set.of("after", "before", "since", "following", "amid", "as",
            "when", "while", "until", "despite", "over");

    private static final Set<String> AGREEMENT_NOUNS = WordSets.bundled().set("agreement-nouns");

    /** Whether a trigger reports background rather than the sentence's news. */
    private static boolean background(ParsedSentence s, Trigger t, Map<Integer, Trigger> byHead) {
        int v = t.head();
        String rel = s.relation(v);
        if (t.nounHead() == v && AGREEMENT_NOUNS.contains(s.token(v).lemma())) {
            // "decried the violation of their friendship treaty", "the National Pact of 1943": a treaty named is a
            // reference to an agreement; signing, reaching or breaking it is the event, coded by its verb
            return true;
        }
        if (rel == null) {
            return false;
        }
        if (rel.startsWith("acl")) {
            // "a note asking it to withdraw", "a resolution calling on all members to ...": what a statement says
            // is the statement's news, not background
            return !statementContent(s, v, t.entry().type());
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
            // a nominal event named inside another event's arguments: "the battle against the crisis"
            int h = s.head(v);
            if (h >= 0 && byHead.containsKey(h)) {
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
        if (t.nounHead() == v && rel.equals("obj") && s.head(v) >= 0 && byHead.containsKey(s.head(v))
                && byHead.get(s.head(v)).nounHead() != v) {
            return true;
        }
        return false;
    }

    // ---------------------------------------------------------------- triggers

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

    private static final Set<String> EXERCISES = WordSets.bundled().set("exercises");

    // ---------------------------------------------------------------- one event

    private Candidate build(ParsedSentence s, String text, LocalDate articleDate, Trigger t, Map<Integer, Trigger> byHead,
                            List<Mention> mentions, List<PlaceMention> places, DocumentContext ctx) {
        int v = t.head();
        boolean nominal = t.nounHead() == v;
        // content of a verbal act ("demanded that Y withdraw", "accused X of attacking") is not a separate event
        Trigger gov = governorTrigger(s, v, byHead);
        if (gov != null && gov.entry().type() != null && CONTENT_TAKERS.contains(gov.entry().type())
                && !cues.is(s.token(gov.head()).lemma(), Cues.Kind.REFUSAL)) {
            return null;
        }
        if (nominal && gov == null) {
            // "refused to respond to a demand from the US": an event noun inside the complement of a stance is
            // what the stance is about, refusals included
            Trigger outer = nominalGovernor(s, v, byHead);
            if (outer != null && outer.entry().type() != null && CONTENT_TAKERS.contains(outer.entry().type())) {
                return null;
            }
        }
        if (gov != null && purposeOfTransfer(s, t, gov)) {
            return null; // "sent 12,000 troops to fight for Russia": the sending is the event, the fight its aim
        }
        if (gov != null && gov.entry().type() == EventType.PROTEST && t.entry().type() != null
                && (t.entry().type() == EventType.REQUEST || t.entry().type() == EventType.ACCUSE
                || t.entry().type() == EventType.PROTEST && gov.head() != v)) {
            return null;
        }
        if (t.entry().type() == EventType.REQUEST && !nominal && asksQuestion(s, v)) {
            return null; // "asked why Berlin was not arming Kyiv": a question, not a demand
        }
        if (t.entry().type() == EventType.PROTEST && WEAK_PROTEST.contains(t.entry().lemma()) && !protestCue(s, v)) {
            return null; // "fans gathered to watch the match" is no protest
        }
        List<String> rules = new ArrayList<>();
        rules.add(t.entry().id());
        // participants: what the parse names, then what the document refers back to
        ParticipantStage.Participants found = participants.find(s, t, byHead, mentions);
        if (found == null) {
            return null;
        }
        rules.addAll(found.rules());
        List<Mention> actors = new ArrayList<>(found.actors());
        List<Mention> recipients = new ArrayList<>(found.recipients());
        String how = found.how();
        if (recipients.isEmpty() && !nominal && t.entry().type() == EventType.ACCUSE) {
            recipients.addAll(ContextStage.attackersReferredTo(s, v, ctx, actors));
            if (!recipients.isEmpty()) {
                rules.add("event-anaphor");
            }
        }
        ParticipantStage.completeRecipients(s, t, mentions, actors, recipients);
        // modality and attribution
        Modality modality = modalities.modality(s, v, t);
        Attribution attribution = attribution(s, v, mentions);
        EventType type = t.entry().type();
        String cameo = t.entry().cameo();
        String mode = t.entry().mode();
        List<String> context = new ArrayList<>(t.entry().context());
        // the exercise noun: a nominal trigger, the object of "held drills", or the verb "exercised"
        int exercise = t.nounHead() >= 0 ? t.nounHead() : objectHead(s, v) >= 0 ? objectHead(s, v) : v;
        if (type == EventType.MOBILIZE && EXERCISES.contains(Plurals.singular(s.token(exercise)))
                && (actors.stream().map(Mention::code).filter(java.util.Objects::nonNull).distinct().count() > 1
                || hasJoint(s, exercise))) {
            // PLOVER: joint exercises are military cooperation, one side's exercise a show of force
            rules.add("joint->COOPERATE");
            type = EventType.COOPERATE;
            cameo = "062";
            mode = null;
        }
        if (type == EventType.CONSULT && "043".equals(cameo) && !recipients.isEmpty() && !actors.isEmpty()) {
            // PLOVER: the visitor is the actor and the host the recipient ("Biden hosted the leaders of Japan")
            rules.add("host->recipient");
            List<Mention> guests = new ArrayList<>(recipients);
            recipients.clear();
            recipients.addAll(actors);
            actors.clear();
            actors.addAll(guests);
        }
        if (type == EventType.CONSULT && ("phone".equals(mode) || remoteMedium(s, v))) {
            // PLOVER: a call has no host and no visitor, so all its participants are actors
            rules.add("call->actors");
            mode = "phone";
            actors.addAll(recipients);
            recipients.clear();
        }
        if (type == EventType.PROTEST && s.token(v).lemma().equals("protest") && !actors.isEmpty()
                && (!nominal || lodged(s, v)) && actors.stream().allMatch(EventExtractor::officialVoice)) {
            // (as a noun: "the USSR issued a mild protest", "lodged a protest with Britain")
            // "Lebanon protested to the UN", "a human rights group protested": a formal protest is an accusation
            rules.add("official-protest->ACCUSE");
            type = EventType.ACCUSE;
            cameo = "111";
            mode = "disapprove";
        }
        int demander = nominal ? -1 : clauses.demandingSpeaker(s, v);
        if (demander >= 0) {
            // "Russia said that Sudan must return the helicopter": the speaker demands the act of the subject
            List<Mention> speaker = subjectOf(s, demander, mentions, 0);
            if (!speaker.isEmpty() && !sameEntity(speaker.get(0), actors)) {
                recipients.clear();
                recipients.addAll(actors);
                actors.clear();
                actors.addAll(speaker);
                rules.add("must->REQUEST");
                type = EventType.REQUEST;
                cameo = "10";
                mode = null;
                modality = Modality.ASSERTED;
                attribution = null;
            }
        }
        if (modality == Modality.FUTURE && (gov == null || gov.entry().type() == null)) {
            // PLOVER: future CONSULT, SUPPORT, COOPERATE and AID are AGREE; announced conflict, or an act made
            // conditional on the other side's behaviour ("will withdraw ... unless"), is THREATEN
            boolean conditional = false;
            for (int c : s.children(v, "advcl")) {
                for (int m : s.children(c, "mark")) {
                    if (s.token(m).lemma().equals("unless")) {
                        conditional = true;
                    }
                }
            }
            if (conditional) {
                rules.add("conditional->THREATEN");
                type = EventType.THREATEN;
                cameo = "13";
                mode = null;
                context.add("future");
                modality = Modality.ASSERTED;
            } else if (type == EventType.CONSULT || type == EventType.SUPPORT || type == EventType.COOPERATE
                    || type == EventType.AID || type.cooperative() && type != EventType.AGREE && modalities.statedIntent(s, v)) {
                // a withdrawal or release that an actor says it will make ("Syria says it is willing to withdraw",
                // "Iraq said it would allow inspectors back") is an expressed intent: AGREE, as CAMEO's 035x codes
                rules.add("future->AGREE");
                type = EventType.AGREE;
                cameo = "03";
                mode = null;
                context.add("future");
                modality = Modality.ASSERTED;
            } else if (!type.cooperative() && type.quadClass() == 4) {
                rules.add("future->THREATEN");
                type = EventType.THREATEN;
                cameo = "13";
                mode = null;
                context.add("future");
                modality = Modality.ASSERTED;
            }
        }
        if (modality == Modality.NEGATED && !nominal && type != null && type.quadClass() == 4 && modalities.futureAux(s, v)
                && modalities.statedIntent(s, v)) {
            // "Iraq declared that it would not fire upon US patrols": a stated intent to refrain from force is a
            // promise to de-escalate (CAMEO 0356), not a negated attack
            rules.add("no-future-force->AGREE");
            type = EventType.AGREE;
            cameo = "0356";
            mode = null;
            context.add("future");
            modality = Modality.ASSERTED;
        }
        // place, date, quantity
        PlaceMention pm = WhereStage.place(s, v, places);
        if (pm == null && ctx.lastPlace() != null) {
            pm = ctx.lastPlace();
        }
        Location location = pm == null ? null : WhereStage.location(pm);
        String fallbackCountry = location != null && location.country() != null ? location.country() : ctx.setting();
        List<Mention> a = withCountry(s, actors, mentions, fallbackCountry);
        if (how.equals("subject-noun") && type != null && (type.quadClass() == 1 || type.quadClass() == 3)) {
            // "Chamorro sought U.S. advice": a person or body the knowledge base does not know, acting in diplomacy,
            // is as likely foreign as local; the place's country would be a guess, so the actor keeps no country
            List<Mention> unguessed = new ArrayList<>(a.size());
            for (Mention m : a) {
                String ner = s.token(m.head()).ner();
                boolean named = "PERSON".equals(ner) || "ORGANIZATION".equals(ner);
                unguessed.add(named && m.entry() == null && m.rule() != null && m.rule().startsWith("subject:")
                        ? m.withCode(null) : m);
            }
            a = unguessed;
        }
        List<Mention> r = withCountry(s, recipients, mentions, fallbackCountry);
        boolean weaponObject = !nominal && objectIsWeapon(s, v);
        if (weaponObject) {
            // "shot down the missiles over Amman": whoever fired them is the other side, if the text says so
            r = weaponOwners(s, v, mentions, a);
            if (!r.isEmpty()) {
                rules.add("weapon-owner");
            }
        }
        if (r.isEmpty() && type != null && type.quadClass() == 4 && t.entry().type() != EventType.PROTEST
                && !weaponObject) {
            // (a frigate that "intercepted drones" over a place does not attack the place's state)
            Mention placeTarget = WhereStage.placeTarget(s, v, places);
            if (placeTarget != null && !sameEntity(placeTarget, a) && !allyNamed(s, v, placeTarget, mentions)) {
                r = List.of(placeTarget);
            }
        }
        if (r.isEmpty() && !nominal && !weaponObject && (type == EventType.ASSAULT || type == EventType.THREATEN)) {
            // "fired rockets at an Israeli base": the target hangs under the weapon when the parser attaches it there
            for (int c : s.children(v, "obj")) {
                if (WEAPONS_AND_ATTACKS.contains(s.token(c).lemma())) {
                    for (int g : s.children(c)) {
                        if (s.relation(g).startsWith("nmod") && hasCase(s, g, "at", "on", "against", "toward",
                                "towards", "into")) {
                            List<Mention> targets = new ArrayList<>();
                            for (Mention m : withCountry(s, actorsOf(s, g, mentions), mentions, fallbackCountry)) {
                                if (m.code() != null && !sameEntity(m, a)) {
                                    targets.add(m);
                                }
                            }
                            if (!targets.isEmpty()) {
                                r = targets;
                                rules.add("target-under-weapon");
                            }
                        }
                    }
                }
            }
        }
        if (r.isEmpty() && !nominal && fallbackCountry != null && (type == EventType.ASSAULT
                || type == EventType.COERCE)) {
            // "shot a former member of a JAC", "abducted 40 wedding guests": unnamed victims are civilians of the place
            for (int c : s.children(v)) {
                if (c != t.nounHead() && (s.is(c, "obj") || s.is(c, "nsubj:pass")) && (s.token(c).pos().equals("NN")
                        || s.token(c).pos().equals("NNS") || s.token(c).pos().equals("CD"))
                        && !WEAPONS_AND_ATTACKS.contains(s.token(c).lemma())
                        // "exchanged fire with them": the object that makes the trigger is nobody hit
                        && !t.entry().objects().contains(s.token(c).lemma())
                        && places.stream().noneMatch(p -> p.first() <= c && c <= p.last())) {
                    Token tv = s.token(c);
                    r = List.of(new Mention(s.index(), c, c, c, tv.start(), tv.end(), tv.word(), fallbackCountry,
                            "CVL", null, null, Mention.Source.AGENT, "victim:" + tv.lemma()));
                    rules.add("victim-noun");
                    break;
                }
            }
        }
        if (a.isEmpty() && fallbackCountry != null && (type == EventType.ASSAULT || type == EventType.COERCE)
                && (nominal || isPassive(s, v) || weaponSubject(s, v))) {
            // "a man was killed in Villagran": an unnamed perpetrator, coded as unidentified armed forces of the place;
            // guard.weapon-origin: when a weapon fired from afar is the subject ("Iranian-made drones hit Odesa",
            // "missiles struck Kharkiv") whoever fired it may well be abroad, so the perpetrator keeps no country,
            // neither the place's nor the weapon's maker's (a roadside bomb keeps the place's)
            boolean weapon = !nominal && !isPassive(s, v) && s.children(v, "nsubj").stream()
                    .anyMatch(c -> STANDOFF_WEAPONS.contains(Plurals.singular(s.token(c))));
            a = List.of(implicitAgent(s, t, weapon ? null : fallbackCountry, "UAF", "implicit-unidentified"));
            rules.add(weapon ? "implicit-unidentified+guard.weapon-origin" : "implicit-unidentified");
            how = "implicit";
        }
        if (a.isEmpty() && fallbackCountry != null && type == EventType.PROTEST && t.entry().type() == EventType.PROTEST) {
            // "a demonstration was held in Oulu": a protest nobody is named for is held by people of the place
            a = List.of(implicitAgent(s, t, fallbackCountry, "CVL", "implicit-protesters"));
            rules.add("implicit-protesters");
            how = "implicit";
        }
        if (r.isEmpty() && !a.isEmpty() && fallbackCountry != null && type != null && domesticTarget(type)
                && !weaponObject && a.stream().noneMatch(m -> fallbackCountry.equals(m.code()) && stateItself(m))) {
            // (not a state itself, acting at home: "Honduras massed forces along the border" targets nobody there)
            // a protest, strike, curfew or concession with no named target is aimed at the state where it happens
            Token tv = s.token(t.first());
            int end = s.token(t.last()).end();
            r = List.of(new Mention(s.index(), t.first(), t.last(), t.first(), tv.start(), end,
                    text.substring(tv.start(), end), fallbackCountry, null, null, null,
                    Mention.Source.PLACE, "implicit-target:" + fallbackCountry));
            rules.add("implicit-target");
        }
        if (r.isEmpty() && type == EventType.AID && t.entry().id().equals("send.v.troops")) {
            // "sent naval forces to the area", "sent 10,000 troops to reinforce the frontier": troops sent to no
            // party they are to help are a deployment, not military aid
            type = EventType.MOBILIZE;
            mode = "troops";
            cameo = "154";
            rules.add("deployment");
        }
        if (!a.isEmpty() && !r.isEmpty() && selfDyad(a, r)) {
            // guard.self-dyad: "Ukraine" acting on "Ukraine" with no sector to tell them apart says nothing
            r = List.of();
            rules.add("guard.self-dyad");
        }
        if (t.entry().id().endsWith(".incursion") && (a.stream().noneMatch(m -> armed(m)
                && !(m.rule() != null && m.rule().startsWith("subject:")))
                || r.stream().allMatch(m -> m.rule() != null && m.rule().startsWith("implicit-target")))) {
            // guard.incursion: "troops entered Goa" is an incursion into a named place or state; "the delegation
            // entered the hall", "gunmen entered a house" are not
            return null;
        }
        if (a.isEmpty() && r.isEmpty()) {
            return null; // nobody did anything to anybody: a storm "struck", a rocket "exploded"
        }
        if (a.isEmpty() && type != null && (type.quadClass() == 1 || type.quadClass() == 3)) {
            return null; // a statement, demand or accusation by nobody in particular is not an event
        }
        final int trig = v;
        EventDate date = dates.resolve(s, text, v, k -> inClause(s, trig, k), articleDate);
        Quantity quantity = WhereStage.quantity(s, v, t, text);
        double confidence = a.isEmpty() ? 0.35 : how.equals("syntax") ? 0.9
                : how.equals("implicit") || how.equals("subject-noun") ? 0.5 : 0.6;
        if (a.stream().anyMatch(m -> m.source() == Mention.Source.PRONOUN)) {
            confidence = Math.min(confidence, 0.75);
        }
        if (how.equals("nearest-left") || how.equals("subject-noun")) {
            rules.add(how);
        }
        return new Candidate(s.index(), t.first(), t.last(), t.entry(), type, mode, List.copyOf(context), cameo, a, r,
                modality, attribution, date, location, quantity, confidence, String.join("+", rules));
    }

    /**
     * Whether a trigger is the "to" purpose clause of a trigger that sends or gives troops, arms or aid (used for
     * fighting: "sent troops to fight for Russia"; "sent experts to investigate" keeps its investigation).
     */
    private static boolean purposeOfTransfer(ParsedSentence s, Trigger t, Trigger gov) {
        int v = t.head();
        EventType g = gov.entry().type();
        if (t.entry().type() == null || t.entry().type().quadClass() != 4
                || g != EventType.AID && g != EventType.MOBILIZE || s.head(v) != gov.head()
                || !(s.is(v, "xcomp") || s.is(v, "advcl"))) {
            return false;
        }
        for (int m : s.children(v, "mark")) {
            if (s.token(m).lemma().equals("to")) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> WEAK_PROTEST = WordSets.bundled().set("weak-protest");
    private static final Set<String> PROTEST_CUES = WordSets.bundled().set("protest-cues");

    /** Whether a sentence says a gathering is a protest (its purpose, slogans, banners, a target). */
    private static boolean protestCue(ParsedSentence s, int v) {
        for (Token t : s.tokens()) {
            if (t.index() != v && PROTEST_CUES.contains(t.lemma())) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> WEAPONS_AND_ATTACKS = WordSets.bundled().set("weapons-and-attacks");

    private static final Set<String> QUESTION_WORDS = Set.of("why", "whether", "if", "how", "what", "when", "where",
            "who", "which");

    /** The verb's complement is an indirect question: "asked why ...", "asked whether ...". */
    private static boolean asksQuestion(ParsedSentence s, int v) {
        for (int c : s.children(v)) {
            if (!(s.is(c, "ccomp") || s.is(c, "advcl") || s.is(c, "xcomp"))) {
                continue;
            }
            for (int k = v + 1; k <= c && k < s.size(); k++) {
                if (QUESTION_WORDS.contains(s.token(k).lemma()) && (s.head(k) == c || s.token(k).pos().startsWith("W"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Verbs that stop incoming fire. */
    private static final Set<String> DEFENSIVE = WordSets.bundled().set("defensive");

    /** "shot down the missiles", "intercepted drones": a defensive verb acting on a weapon, not on a party. */
    private static boolean objectIsWeapon(ParsedSentence s, int v) {
        if (!DEFENSIVE.contains(s.token(v).lemma())) {
            return false; // "fired rockets into Sderot" does attack the place
        }
        for (int c : s.children(v, "obj")) {
            if (WEAPONS_AND_ATTACKS.contains(s.token(c).lemma())
                    || WEAPONS_AND_ATTACKS.contains(Plurals.singular(s.token(c)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * "fought for Russia in the Kursk region", "fighting alongside Russian troops": the state the actor fights for
     * is named, and the place's state is that ally, not the target.
     */
    private boolean allyNamed(ParsedSentence s, int v, Mention placeTarget, List<Mention> mentions) {
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

    /** A state, organisation or office holder speaking as such (not a crowd of its people). */
    /** Verbs by which a protest note is issued, and words that make a protest a formal one. */
    private static final Set<String> LODGING = WordSets.bundled().set("lodging");

    /** "issued a protest", "lodged a formal protest", "an official protest from France": a diplomatic protest. */
    private static boolean lodged(ParsedSentence s, int noun) {
        int g = s.head(noun);
        if (g >= 0 && s.is(noun, "obj") && LODGING.contains(s.token(g).lemma())) {
            return true;
        }
        return s.children(noun, "amod").stream().anyMatch(c -> LODGING.contains(s.token(c).lemma()));
    }

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

    private static final Set<String> REMOTE_MEDIA = WordSets.bundled().set("remote-media");

    private static boolean hasJoint(ParsedSentence s, int noun) {
        for (int c : s.children(noun)) {
            String l = s.token(c).lemma();
            if (l.equals("joint") || l.equals("combined") || l.equals("bilateral") || l.equals("trilateral")) {
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

    private Trigger governorTrigger(ParsedSentence s, int v, Map<Integer, Trigger> byHead) {
        int x = v;
        for (int depth = 0; depth < 3; depth++) {
            String rel = s.relation(x);
            int h = s.head(x);
            if (h < 0 || rel == null) {
                return null;
            }
            if (!(rel.startsWith("xcomp") || rel.startsWith("ccomp") || rel.startsWith("advcl") || rel.equals("obj")
                    || rel.startsWith("obl") && s.token(x).isVerb()
                    // "an ultimatum to evacuate Bessarabia", "an offer to mediate": what the noun asks or offers
                    || rel.startsWith("acl") && !rel.equals("acl:relcl") && s.token(h).isNoun())) {
                return null;
            }
            Trigger g = byHead.get(h);
            if (g != null) {
                return g;
            }
            x = h;
        }
        return null;
    }

    /** For an event noun: the trigger that governs the clause the noun is an argument of, or {@code null}. */
    private Trigger nominalGovernor(ParsedSentence s, int noun, Map<Integer, Trigger> byHead) {
        String rel = s.relation(noun);
        int h = s.head(noun);
        if (h < 0 || rel == null || !(rel.startsWith("obl") || rel.startsWith("obj")) || !s.token(h).isVerb()) {
            return null;
        }
        if (byHead.containsKey(h)) {
            return null; // the noun's own verb: handled as its object elsewhere
        }
        return governorTrigger(s, h, byHead);
    }

    /** Nouns for what a speaker issues, sends or delivers: notes, letters, resolutions, proposals. */
    private static final Set<String> STATEMENT_NOUNS = WordSets.bundled().set("statements");
    private static final Set<EventType> SPEECH = Set.of(EventType.REQUEST, EventType.ACCUSE, EventType.THREATEN,
            EventType.REJECT, EventType.AGREE, EventType.SUPPORT);

    /** "a Note asking it to withdraw": a speech act that is what a statement noun says. */
    private static boolean statementContent(ParsedSentence s, int v, EventType type) {
        int h = s.head(v);
        return type != null && SPEECH.contains(type) && h >= 0 && s.is(v, "acl") && !isPassive(s, v)
                && s.token(h).isNoun() && STATEMENT_NOUNS.contains(s.token(h).lemma());
    }

    private static final Set<String> STANDOFF_WEAPONS = WordSets.bundled().set("standoff-weapons");

    // ---------------------------------------------------------------- attribution

    private Attribution attribution(ParsedSentence s, int v, List<Mention> mentions) {
        int x = v;
        for (int depth = 0; depth < 3; depth++) {
            // "according to Western officials" (CoreNLP may lemmatise the preposition's "according" as "accord")
            for (int c : s.children(x, "obl")) {
                if (hasCase(s, c, "according", "accord")) {
                    return attributionFrom(s, c, mentions, "according to");
                }
            }
            int h = s.head(x);
            if (h < 0) {
                break;
            }
            if (clauses.reportedBy(s, x, h)) {
                for (int sub : s.children(h, "nsubj")) {
                    return attributionFrom(s, sub, mentions, s.token(h).lemma());
                }
                return new Attribution(null, null, s.token(h).lemma());
            }
            String rel = s.relation(x);
            if (!(rel.startsWith("ccomp") || rel.startsWith("xcomp") || rel.startsWith("conj"))) {
                break;
            }
            x = h;
        }
        // "X attacked Y, officials said": the reporting verb heads the sentence, or hangs anywhere as parataxis
        for (int w = 0; w < s.size(); w++) {
            if (w == v || !cues.is(s.token(w).lemma(), Cues.Kind.REPORT) || !s.token(w).isVerb()) {
                continue;
            }
            if (s.is(w, "parataxis") || s.is(w, "root") && s.dominates(w, v) && w > v) {
                for (int sub : s.children(w, "nsubj")) {
                    return attributionFrom(s, sub, mentions, s.token(w).lemma());
                }
            }
        }
        for (int c : s.children(v)) {
            if ((s.is(c, "parataxis") || s.is(c, "ccomp")) && cues.is(s.token(c).lemma(), Cues.Kind.REPORT)) {
                for (int sub : s.children(c, "nsubj")) {
                    return attributionFrom(s, sub, mentions, s.token(c).lemma());
                }
            }
        }
        return null;
    }

    private Attribution attributionFrom(ParsedSentence s, int tok, List<Mention> mentions, String verb) {
        int lo = tok;
        int hi = tok;
        for (int k = 0; k < s.size(); k++) {
            if (s.dominates(tok, k) && !s.is(k, "case")) {
                lo = Math.min(lo, k);
                hi = Math.max(hi, k);
            }
        }
        String t = s.token(lo).word();
        StringBuilder b = new StringBuilder();
        for (int k = lo; k <= hi; k++) {
            if (k > lo) {
                b.append(' ');
            }
            b.append(s.token(k).word());
        }
        List<Mention> who = actorsOf(s, tok, mentions);
        String code = who.isEmpty() ? null : who.get(0).code();
        return new Attribution(b.length() > 0 ? b.toString() : t, code, verb);
    }

    // ---------------------------------------------------------------- place, quantity

    /** Whether token k hangs under the trigger without crossing into another clause. */
    static boolean inClause(ParsedSentence s, int trigger, int k) {
        int guard = 0;
        for (int x = k; x >= 0 && guard++ <= s.size(); x = s.head(x)) {
            if (x == trigger) {
                return true;
            }
            String rel = s.relation(x);
            if (rel == null) {
                return false;
            }
            String base = rel.contains(":") && !rel.startsWith("acl:relcl") ? rel.substring(0, rel.indexOf(':')) : rel;
            if (x != k && CLAUSE.contains(base) && s.token(x).isVerb()) {
                return false;
            }
        }
        return false;
    }

}
