package org.faultline.coding.events;

import static org.faultline.coding.events.ArgumentQueries.actorsOf;
import static org.faultline.coding.events.ContextStage.resolvePronouns;
import static org.faultline.coding.events.ParseQueries.hasCase;
import static org.faultline.coding.events.ParticipantStage.CONTENT_TAKERS;
import static org.faultline.coding.events.ParticipantStage.armed;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.faultline.coding.actors.Mention;
import org.faultline.coding.actors.PlaceMention;
import org.faultline.coding.lexicon.Cues;
import org.faultline.coding.lexicon.Guards;
import org.faultline.coding.lexicon.Guards.Guard;
import org.faultline.coding.lexicon.TriggerLexicon;
import org.faultline.coding.lexicon.Plurals;
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
 * modality, {@link RecodeStage} the event type and the sides it implies, {@link WhereStage} the place and quantity,
 * {@link FallbackStage} the participants the place and type imply, and {@link RecodeStage} again the deployment and
 * self-dyad rules; the stages pass one {@link Reading} along. What stays here are the guards that drop a trigger's
 * event (content of a stance or a protest, purpose of a transfer, question, weak protest, incursion, nobody named;
 * rows of {@code guards.tsv}), the events a candidate implies ({@link RecodeStage#helpGiven},
 * {@link RecodeStage#refusal}) and the choice between news and background, and the date, attribution and
 * confidence. Thread-safe; per-document state lives in {@link DocumentContext}.
 */
public final class EventExtractor {
    private static final Set<String> CLAUSE = Set.of("ccomp", "xcomp", "advcl", "acl", "parataxis", "csubj", "conj",
            "dep", "list");

    private final TriggerStage triggers;
    private final Clauses clauses;
    private final ModalityStage modalities;
    private final ParticipantStage participants;
    private final RecodeStage recodes;
    private final Cues cues;
    private final TemporalResolver dates = new TemporalResolver();

    private static final Guard STANCE_CONTENT = guard("guard.stance-content");
    /** Stances a later "the demand", "the proposal", "the charge" takes up. */
    private static final Set<EventType> STANCES = java.util.EnumSet.of(EventType.AGREE, EventType.REQUEST,
            EventType.THREATEN, EventType.ACCUSE);
    /** Verbs of accepting whose object's maker is the recipient, as a rejection's is. */
    private static final Set<String> ACCEPTING = org.faultline.coding.lexicon.WordSets.bundled()
            .set("accepting-verbs");
    private static final Guard PLAN_CONTENT = guard("guard.plan-content");
    private static final Guard TRANSFER_PURPOSE = guard("guard.transfer-purpose");
    private static final Guard PROTEST_CONTENT = guard("guard.protest-content");
    private static final Guard QUESTION = guard("guard.question");
    private static final Guard WEAK_PROTEST = guard("guard.weak-protest");
    private static final Guard INCURSION = guard("guard.incursion");
    private static final Guard ARMED_VISIT = guard("guard.armed-visit");
    /** Nouns for armed units and their men: "two battalions went to Velmora" deploys, it does not visit. */
    private static final Set<String> UNIT_NOUNS = WordSets.bundled().set("unit-nouns");
    private static final Guard NOBODY = guard("guard.nobody");
    private static final Guard NO_SPEAKER = guard("guard.no-speaker");

    private static Guard guard(String id) {
        return Guards.bundled().get(id, EventExtractor.class);
    }

    public EventExtractor(TriggerLexicon lexicon, Cues cues) {
        this.cues = cues;
        this.clauses = new Clauses(cues);
        this.triggers = new TriggerStage(lexicon, clauses);
        this.modalities = new ModalityStage(cues, clauses);
        this.participants = new ParticipantStage(clauses);
        this.recodes = new RecodeStage(clauses, modalities);
    }

    /** Whether a sentence has any trigger word: half of the cheap test before the costly parse. */
    public boolean hasTriggerWord(ParsedSentence s) {
        return triggers.hasTriggerWord(s);
    }

    /**
     * Debugging aid: {@code -Dfaultline.trace=true} lists every trigger kept or dropped on stderr, as
     * {@code TRACE <kept|dropped> <trigger id> <sentence>}, tab-separated; a trigger a guard dropped has the guard's id
     * as a fifth column, and a word a guard of the trigger stage left out before its row was read is listed as
     * dropped under its lemma.
     */
    private static final boolean TRACE = Boolean.getBoolean("faultline.trace");

    /** The trace's note of the guard that dropped the trigger being built; made only when tracing. */
    private static final class DropNote {
        private Guard guard;
    }

    /** No event, for {@code guard}: noted for the trace when {@code note} is there. */
    private static Candidate dropped(DropNote note, Guard guard) {
        if (note != null) {
            note.guard = guard;
        }
        return null;
    }

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
        if (TRACE && Boolean.getBoolean("faultline.trace.parse")) {
            for (int i = 0; i < s.size(); i++) {
                System.err.println("TRACE\tparse\t" + i + "\t" + s.token(i).word() + "\t" + s.token(i).lemma() + "\t"
                        + s.token(i).pos() + "\t" + s.relation(i) + "\t" + s.head(i));
            }
        }
        List<Mention> mentions = resolvePronouns(rawMentions, ctx, s);
        ctx.resolved(mentions.stream().filter(m -> m.source() == Mention.Source.PRONOUN).toList());
        List<TriggerStage.Skipped> skipped = TRACE ? new ArrayList<>() : null;
        List<Trigger> triggers = this.triggers.find(s, skipped);
        if (TRACE) {
            for (TriggerStage.Skipped k : skipped) {
                System.err.println("TRACE\tdropped\t" + s.token(k.token()).lemma() + "\t" + sentenceText(s, text)
                        + "\t" + k.guard().id());
            }
        }
        Map<Integer, Trigger> byHead = new HashMap<>();
        for (Trigger t : triggers) {
            byHead.put(t.head(), t);
        }
        List<Candidate> main = new ArrayList<>();
        List<Candidate> background = new ArrayList<>();
        DropNote note = TRACE ? new DropNote() : null;
        for (Trigger t : triggers) {
            if (TRACE) {
                note.guard = null;
            }
            Candidate c = build(s, text, articleDate, t, byHead, mentions, places, ctx, note);
            if (TRACE) {
                System.err.println("TRACE\t" + (c == null ? "dropped" : "kept") + "\t" + t.entry().id() + "\t"
                        + sentenceText(s, text) + (note.guard == null ? "" : "\t" + note.guard.id()));
            }
            for (Candidate one : c == null ? List.<Candidate>of() : reciprocal(s, t, c)) {
                stated(one, ctx);
                (RecodeStage.background(s, t, byHead) ? background : main).add(one);
            }
            if (c != null) {
                Candidate refusal = recodes.refusal(s, c, t, byHead, mentions);
                if (refusal != null) {
                    main.add(refusal);
                }
            }
        }
        for (Candidate c : main) {
            // (an attacker the text names, not one inferred from the place or left unidentified)
            List<Mention> named = named(c);
            if (c.type() == EventType.ASSAULT && c.modality() == Modality.ASSERTED && !named.isEmpty()) {
                String word = s.token(c.triggerFirst()).lemma();
                ctx.attacked(word, named);
                if (TRACE) {
                    System.err.println("TRACE\tattackers\t" + word + "\t" + named.stream().map(Mention::code).toList());
                }
            }
        }
        for (Candidate c : main) {
            List<Mention> sides = sides(c);
            if (sides != null) {
                ctx.opposed(sides.get(0), sides.get(1));
            }
            rememberAdversaries(c, ctx);
        }
        main.replaceAll(c -> sharedAddressee(s, c, main));
        List<Candidate> helped = new ArrayList<>();
        for (Candidate c : main) {
            Candidate help = RecodeStage.helpGiven(s, c, mentions);
            if (help != null) {
                helped.add(help);
            }
            Candidate ally = RecodeStage.alongside(s, c, mentions);
            if (ally != null) {
                helped.add(ally);
            }
            Candidate retreat = RecodeStage.drivenBack(c);
            if (retreat != null) {
                helped.add(retreat); // "expelled the invaders": the invaders fall back
            }
        }
        main.addAll(helped);
        // background acts ("after a coup toppled the government", "the curfew imposed in May", "condemned the
        // attack") are left to the sentence's main event; they stand only when the sentence has nothing else
        return main.isEmpty() ? background : main;
    }

    /** Whether a mention of this sentence is an armed unit or its men by its head noun ("Indian soldiers"). */
    private static boolean unitNoun(ParsedSentence s, Mention m) {
        return m.sentence() == s.index() && m.head() >= 0 && m.head() < s.size()
                && UNIT_NOUNS.contains(Plurals.singular(s.token(m.head())));
    }

    // ---------------------------------------------------------------- one event

    /**
     * The event of trigger {@code t}, or {@code null} where a guard drops it; {@code note}, when not {@code null},
     * is told which guard.
     */
    private Candidate build(ParsedSentence s, String text, LocalDate articleDate, Trigger t, Map<Integer, Trigger> byHead,
                            List<Mention> mentions, List<PlaceMention> places, DocumentContext ctx, DropNote note) {
        int v = t.head();
        boolean nominal = t.nounHead() == v;
        // content of a verbal act ("demanded that Y withdraw", "accused X of attacking") is not a separate event
        Trigger gov = governorTrigger(s, v, byHead);
        if (gov != null && gov.entry().type() != null && CONTENT_TAKERS.contains(gov.entry().type())
                && !cues.is(s.token(gov.head()).lemma(), Cues.Kind.REFUSAL)) {
            return dropped(note, STANCE_CONTENT);
        }
        if (nominal && provisionContent(s, v)) {
            return dropped(note, PLAN_CONTENT); // "a timetable for the withdrawal", "a plan providing for a ceasefire"
        }
        if (nominal && gov == null) {
            // "refused to respond to a demand from the US": an event noun inside the complement of a stance is
            // what the stance is about, refusals included
            Trigger outer = nominalGovernor(s, v, byHead);
            if (outer != null && outer.entry().type() != null && CONTENT_TAKERS.contains(outer.entry().type())) {
                return dropped(note, STANCE_CONTENT);
            }
        }
        if (gov != null && purposeOfTransfer(s, t, gov)) {
            // "sent 12,000 troops to fight for Russia": the sending is the event, the fight its aim
            return dropped(note, TRANSFER_PURPOSE);
        }
        if (gov != null && gov.entry().type() == EventType.PROTEST && t.entry().type() != null
                && (t.entry().type() == EventType.REQUEST || t.entry().type() == EventType.ACCUSE
                || t.entry().type() == EventType.PROTEST && gov.head() != v)) {
            return dropped(note, PROTEST_CONTENT);
        }
        if (t.entry().type() == EventType.REQUEST && !nominal && asksQuestion(s, v)) {
            return dropped(note, QUESTION); // "asked why Berlin was not arming Kyiv": a question, not a demand
        }
        if (t.entry().type() == EventType.PROTEST && WEAK_PROTEST_VERBS.contains(t.entry().lemma())
                && !protestCue(s, v)) {
            return dropped(note, WEAK_PROTEST); // "fans gathered to watch the match" is no protest
        }
        List<String> rules = new ArrayList<>();
        rules.add(t.entry().id());
        // participants: what the parse names, then what the document refers back to
        ParticipantStage.Participants found = participants.find(s, t, byHead, mentions);
        List<Mention> sides = found == null ? ContextStage.sidesOfConflict(s, text, t, ctx) : List.of();
        if (!sides.isEmpty()) {
            // "clashes continued on 9 May", "negotiations took place" after a confrontation of two parties: theirs
            found = new ParticipantStage.Participants(sides, List.of(), "context", List.of("sides-of-conflict"));
        }
        if (!nominal && (found == null || found.actors().isEmpty() || found.how().equals("nearest-left"))) {
            // "an armistice was signed on 27 July", "talks were held in Geneva" after a confrontation of two parties
            List<Mention> settled = ContextStage.sidesOfPassive(s, text, t, ctx, mentions);
            if (!settled.isEmpty()) {
                found = new ParticipantStage.Participants(settled, found == null ? List.of() : found.recipients(),
                        "context", List.of("sides-of-passive"));
            }
        }
        if (!nominal && (found == null || found.actors().isEmpty()) && ArgumentQueries.isPassive(s, v)
                && (t.entry().type() == EventType.REJECT || ACCEPTING.contains(t.entry().lemma()))) {
            // "a request to the Red Cross to investigate was refused", "the demand was rejected": with no by-agent,
            // whom the request was made to answered it
            List<Mention> answering = ContextStage.addresseesAnswering(s, v, ctx, mentions);
            if (!answering.isEmpty()) {
                found = new ParticipantStage.Participants(answering, found == null ? List.of() : found.recipients(),
                        "context", List.of("addressee-answers"));
            }
        }
        if (found == null) {
            return dropped(note, NOBODY); // an event noun that names neither side
        }
        rules.addAll(found.rules());
        List<Mention> actors = new ArrayList<>(found.actors());
        List<Mention> recipients = ContextStage.withPairTwins(found.recipients(), mentions);
        if (recipients.isEmpty() && !nominal && t.entry().type() == EventType.ACCUSE) {
            recipients.addAll(ContextStage.attackersReferredTo(s, v, ctx, actors));
            if (!recipients.isEmpty()) {
                rules.add("event-anaphor");
            }
        }
        if (recipients.isEmpty() && !nominal && (t.entry().type() == EventType.REJECT
                || ACCEPTING.contains(t.entry().lemma()))) {
            // "Russia rejected the proposal", "British offers were rejected": whoever made it
            List<Mention> makers = ContextStage.makersReferredTo(s, v, ctx, actors, mentions);
            if (!makers.isEmpty()) {
                recipients.addAll(makers);
                rules.add("stance-maker");
            }
        }
        if (recipients.isEmpty() && !nominal && t.entry().type() == EventType.REJECT && !actors.isEmpty()) {
            // "Pakistan refused.": whoever last asked or offered something
            List<Mention> askers = ContextStage.askersAnswered(s, v, ctx, actors);
            if (!askers.isEmpty()) {
                recipients.addAll(askers);
                rules.add("asker");
            }
        }
        if (recipients.isEmpty()) {
            // "Waldheim offered his mediation": between the two sides of the conflict the document told
            List<Mention> mediated = ContextStage.sidesMediated(s, text, t, ctx, actors, mentions);
            if (!mediated.isEmpty()) {
                recipients.addAll(mediated);
                rules.add("sides-mediated");
            }
        }
        if (recipients.isEmpty() && t.entry().lemma().equals("veto")) {
            // "a draft resolution of the Security Council was vetoed by the U.K.": the body whose decision is blocked
            for (Mention m : mentions) {
                if ("IGO".equals(m.code()) && m.collective() && !actors.contains(m) && !recipients.contains(m)) {
                    recipients.add(m);
                    rules.add("vetoed-body");
                    break;
                }
            }
        }
        boolean answered = RecodeStage.answeredRequest(s, t);
        Modality modality = modalities.modality(s, v, t);
        Trigger answer = byHead.get(s.head(v));
        if (answered && modality == Modality.REFUSED
                && !(answer != null && answer.entry().type() == EventType.REJECT)) {
            // "Israel weighed the request and decided against it": the refusal is told by no rejecting verb of its
            // own, so the refused request stays refused and the refusal is coded from it (RecodeStage.refusal)
            answered = false;
        }
        if (recipients.isEmpty() && answered && !actors.isEmpty()) {
            // "the Soviets refused a request by the U.S.", "at the request of Finland, Germany occupied ...": the
            // request was made to whoever answers or acts on it
            for (Mention m : ArgumentQueries.subjectOf(s, s.head(v), mentions, 0)) {
                if (!ArgumentQueries.sameEntity(m, actors)) {
                    recipients.add(m);
                }
            }
            if (!recipients.isEmpty()) {
                rules.add("answered-request");
            }
        }
        participants.completeRecipients(s, t, mentions, actors, recipients);
        // modality and attribution, then the type and the sides it implies; a request answered was made, whatever
        // the answer ("refused a request" does not refuse the request's making)
        Reading reading = new Reading(t.entry().type(), t.entry().cameo(), t.entry().mode(), t.entry().context(),
                answered ? Modality.ASSERTED : modality, attribution(s, v, mentions), actors,
                recipients, found.how(), rules);
        reading = recodes.recode(s, t, gov, mentions, reading);
        // place, then the participants the place and type imply; not the place of whoever reports the event
        // ("troops are fighting in Kursk, South Korea's spy agency said" is set in Kursk)
        int speaker = participants.reporterOf(s, t);
        if (speaker >= 0) {
            places = places.stream().filter(p -> !s.dominates(speaker, p.last())).toList();
        }
        PlaceMention pm = WhereStage.place(s, v, places);
        if (pm == null && ctx.lastPlace() != null) {
            pm = ctx.lastPlace();
        }
        Location location = pm == null ? null : WhereStage.location(pm);
        String fallbackCountry = location != null && location.country() != null ? location.country() : ctx.setting();
        List<Mention> unplaced = reading.recipients().stream().filter(m -> m.code() == null).toList();
        List<Mention> titles = reading.actors().stream()
                .filter(m -> m.source() == Mention.Source.TITLE && m.code() == null).toList();
        List<Mention> named = reading.recipients().stream().filter(m -> m.code() != null).toList();
        reading = FallbackStage.complete(s, text, t, mentions, places, fallbackCountry, reading);
        if (location == null || reading.actors().stream().anyMatch(a -> a.start() <= location.start()
                && location.end() <= a.end())) {
            // (no place told but the helper's own name: "Iran sent weapons to the rebels")
            reading = helpAbroad(s, reading, mentions, fallbackCountry);
        }
        List<Mention> officials = ContextStage.titlesOfOtherSide(ctx, titles, reading.actors(), named);
        if (!officials.equals(reading.actors())) {
            reading = reading.withActors(officials, reading.how()).withRule("title-other-side");
        }
        List<Mention> perpetrator = ContextStage.counterpartActor(s, text, t, ctx, reading.actors(),
                reading.recipients(), reading.rules().contains("passive-patient"));
        if (!perpetrator.isEmpty()) {
            // "shelling of Israeli-held positions continued" after Syria and Israel clashed: Syria's
            reading = reading.withActors(perpetrator, "context").withRule("counterpart-actor");
        }
        if (homeByDefault(reading, unplaced, fallbackCountry)) {
            // "Iran called for the overthrow of the regime": a body or group of no named country, aimed at by one
            // side of the latest confrontation, is the other side's, not the setting's (rule counterpart-home)
            List<Mention> other = ContextStage.counterpart(s, text, t, ctx, reading.actors());
            if (!other.isEmpty()) {
                reading = reading.withRecipients(other).withRule("counterpart-home");
            }
        }
        reading = RecodeStage.withoutOwnUnits(reading);
        if (reading.recipients().isEmpty()) {
            // (after the place: "struck refineries deep inside Russia" is aimed at Russia whoever else it fights)
            List<Mention> other = ContextStage.counterpart(s, text, t, ctx, actors);
            if (!other.isEmpty()) {
                reading = reading.withRecipients(other).withRule("counterpart");
            }
        }
        reading = RecodeStage.armedExpulsion(t, reading);
        reading = RecodeStage.deployment(t, reading);
        if (reading.recipients().isEmpty()) {
            // "London expressed deep anxiety" after Britain demanded that Argentina withdraw: at Argentina
            List<Mention> other = ContextStage.lastAdversary(s, text, t, ctx, reading.actors(), reading.type());
            if (!other.isEmpty()) {
                reading = reading.withRecipients(other).withRule("last-adversary");
            }
        }
        reading = RecodeStage.withoutSelfDyad(reading);
        List<Mention> a = reading.actors();
        List<Mention> r = reading.recipients();
        EventType type = reading.type();
        if (t.entry().id().endsWith(".incursion") && (a.stream().noneMatch(m -> armed(m)
                && !(m.rule() != null && m.rule().startsWith("subject:")))
                || r.stream().allMatch(m -> m.rule() != null && m.rule().startsWith("implicit-target")))) {
            // "troops entered Goa" is an incursion into a named place or state; "the delegation entered the hall",
            // "gunmen entered a house" are not
            return dropped(note, INCURSION);
        }
        if (type == EventType.CONSULT && "visit".equals(reading.mode()) && !nominal
                && a.stream().anyMatch(m -> unitNoun(s, m))) {
            return dropped(note, ARMED_VISIT); // "3,000 soldiers travelled to Jaffna" is no visit
        }
        if (a.isEmpty() && r.isEmpty()) {
            return dropped(note, NOBODY); // nobody did anything to anybody: a storm "struck", a rocket "exploded"
        }
        if (a.isEmpty() && type != null && (type.quadClass() == 1 || type.quadClass() == 3)) {
            // a statement, demand or accusation by nobody in particular is not an event
            return dropped(note, NO_SPEAKER);
        }
        final int trig = v;
        EventDate date = dates.resolve(s, text, v, k -> inClause(s, trig, k), articleDate);
        Quantity quantity = WhereStage.quantity(s, v, t, text);
        String how = reading.how();
        double confidence = a.isEmpty() ? 0.35 : how.equals("syntax") ? 0.9
                : how.equals("implicit") || how.equals("subject-noun") ? 0.5 : 0.6;
        if (a.stream().anyMatch(m -> m.source() == Mention.Source.PRONOUN)) {
            confidence = Math.min(confidence, 0.75);
        }
        List<String> applied = new ArrayList<>(reading.rules());
        if (how.equals("nearest-left") || how.equals("subject-noun")) {
            applied.add(how);
        }
        return new Candidate(s.index(), t.first(), t.last(), t.entry(), type, reading.mode(), reading.context(),
                reading.cameo(), a, r, reading.modality(), reading.attribution(), date, location, quantity, confidence,
                String.join("+", applied));
    }

    /**
     * Whether every recipient is a group or body the sentence gave no country, or the place's state as an implicit
     * target, and so took the place's or setting's country, the actors' own: a self-dyad only by default ("Somoza
     * ordered general mobilization" in Nicaragua is not aimed at Nicaragua).
     */
    private static boolean homeByDefault(Reading r, List<Mention> unplaced, String fallback) {
        if (fallback == null || r.recipients().isEmpty()
                || !ArgumentQueries.countries(r.actors()).equals(Set.of(fallback))) {
            return false;
        }
        for (Mention m : r.recipients()) {
            boolean defaulted = fallback.equals(m.code()) && (unplaced.stream()
                    .anyMatch(u -> u.first() == m.first() && u.last() == m.last())
                    || m.rule() != null && m.rule().startsWith("implicit-target"));
            if (!defaulted) {
                return false;
            }
        }
        return true;
    }

    /** Types of help a state gives to others. */
    private static final Set<EventType> HELP = Set.of(EventType.AID, EventType.COOPERATE, EventType.SUPPORT);
    /** Sectors of armed groups outside a state's forces (rebels, militias), which a state does not arm at home. */
    private static final Set<String> ARMED_GROUPS = Set.of("REB", "PRM");

    /**
     * "Iran sent weapons to the rebels", "China passed satellite images to the militia": rebels or a militia of no
     * named country that a state helps, with no place told, are not of the helper's own country (the document's
     * setting, which the fallback gave them, is then the helper's): their country is left unknown rather than made a
     * self-dyad. Villagers or refugees a state helps may well be its own.
     */
    private static Reading helpAbroad(ParsedSentence s, Reading r, List<Mention> mentions, String fallback) {
        if (fallback == null || !HELP.contains(r.type())
                || !ArgumentQueries.countries(r.actors()).equals(Set.of(fallback))) {
            return r;
        }
        List<Mention> out = new ArrayList<>(r.recipients().size());
        boolean changed = false;
        for (Mention m : r.recipients()) {
            boolean defaulted = m.generic() && fallback.equals(m.code()) && ARMED_GROUPS.contains(m.sector())
                    && m.sentence() == s.index() && !nationalityNamed(s, m, mentions);
            out.add(defaulted ? m.withCode(null) : m);
            changed |= defaulted;
        }
        return changed ? r.withRecipients(out).withRule("help-abroad") : r;
    }

    /** Whether a state is named on the agent's own phrase ("Iraqi militias", "Syria's rebels"). */
    private static boolean nationalityNamed(ParsedSentence s, Mention m, List<Mention> mentions) {
        if (m.head() < 0 || m.head() >= s.size()) {
            return false;
        }
        for (int c : s.children(m.head())) {
            if (s.is(c, "amod") || s.is(c, "compound") || s.is(c, "nmod:poss")) {
                for (Mention o : mentions) {
                    if (o != m && o.sentence() == s.index() && o.covers(c) && o.code() != null) {
                        return true;
                    }
                }
            }
        }
        return m.first() < m.head() && mentions.stream().anyMatch(o -> o != m && o.sentence() == s.index()
                && o.code() != null && o.first() >= m.first() && o.last() < m.head());
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

    private static final Set<String> WEAK_PROTEST_VERBS = WordSets.bundled().set("weak-protest");
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

    private static final Set<String> QUESTION_WORDS = WordSets.bundled().set("question-words");

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

    /**
     * A gerund, bare infinitive or participle with no auxiliary and no subject of its own: a verb with no clause of
     * its own ("the proposal was rejected" has one).
     */
    private static boolean nonFinite(ParsedSentence s, int tok) {
        String pos = s.token(tok).pos();
        if (!(pos.equals("VBG") || pos.equals("VB") || pos.equals("VBN"))) {
            return false;
        }
        for (int c : s.children(tok)) {
            String rel = s.relation(c);
            if (rel.startsWith("aux") || rel.startsWith("nsubj") || rel.equals("cop")) {
                return false;
            }
        }
        return true;
    }

    /** An object or oblique: "the authorities" and "of Togo" in "accused the authorities of Togo of ...". */
    private static boolean argumentOfVerb(ParsedSentence s, int tok) {
        String rel = s.relation(tok);
        return rel != null && (rel.equals("obj") || rel.startsWith("obl"));
    }

    private Trigger governorTrigger(ParsedSentence s, int v, Map<Integer, Trigger> byHead) {
        int x = v;
        for (int depth = 0; depth < 3; depth++) {
            String rel = s.relation(x);
            int h = s.head(x);
            if (h < 0 || rel == null) {
                return null;
            }
            if (rel.startsWith("nmod") && s.token(x).pos().equals("VBG") && hasCase(s, x, "of")) {
                // "accused the authorities of Norland of sheltering the insurgents": the gerund the parser hung on the
                // object (or on a noun inside it) is still the accusation's content
                int o = h;
                for (int up = 0; up < 3 && o >= 0 && !argumentOfVerb(s, o); up++) {
                    String r = s.relation(o);
                    o = r != null && (r.startsWith("nmod") || r.equals("conj") || r.equals("appos")) ? s.head(o) : -1;
                }
                if (o >= 0 && argumentOfVerb(s, o)) {
                    Trigger g = byHead.get(s.head(o));
                    if (g != null) {
                        return g;
                    }
                }
            }
            if (rel.equals("conj") && (s.token(x).isNoun() && s.token(h).isNoun()
                    || nonFinite(s, x) && nonFinite(s, h))) {
                // "called for the cessation of the attack and the withdrawal of the forces", "accused them of
                // financing and sheltering the insurgents": a conjoined event noun, gerund, infinitive or participle
                // has the governor of the one it is conjoined with (a finite verb joined to it, "accused Norland of
                // shelling the border and recalled its envoy", is a clause of its own)
                x = h;
                continue;
            }
            if (!(rel.startsWith("xcomp") || rel.startsWith("ccomp") || rel.startsWith("advcl") || rel.equals("obj")
                    || rel.startsWith("obl") && s.token(x).isVerb()
                    // "an ultimatum to evacuate Bessarabia", "an offer to mediate": what the noun asks or offers
                    || rel.startsWith("acl") && !rel.equals("acl:relcl") && s.token(h).isNoun()
                    // "the demand that Syria commit itself to ...": a subjunctive content clause the parser took
                    // for a relative one ("the demand that Syria made" is one)
                    || rel.equals("acl:relcl") && s.token(h).isNoun() && s.token(x).pos().equals("VB"))) {
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

    /** Nouns of a text or schedule that lays down what is to happen: a plan, a treaty, a timetable. */
    private static final Set<String> PROVISION_NOUNS = org.faultline.coding.lexicon.WordSets.bundled()
            .set("provision-nouns");
    /** Verbs that lay down, propose or oversee what is to happen ("provided for", "to supervise"). */
    private static final Set<String> PROVISION_VERBS = org.faultline.coding.lexicon.WordSets.bundled()
            .set("provision-verbs");

    /**
     * Whether an event noun is what a plan, treaty, resolution or timetable provides for, or what is to be overseen,
     * rather than an event told as such: "the timetable for the withdrawal", "a resolution proposing a ceasefire and
     * withdrawals", "an agreement that provided for the following: a ceasefire; the withdrawal of forces", "a
     * commission to supervise the pullout". The noun is followed up through conjuncts, appositions, list items and
     * nouns it modifies, and into a verb only where that verb is one of the provision verbs ("provide" only with
     * "for"); any other verb ("the withdrawal began", "announced the withdrawal") ends the walk with the event kept.
     */
    static boolean provisionContent(ParsedSentence s, int noun) {
        int x = noun;
        for (int depth = 0; depth < 4; depth++) {
            int h = s.head(x);
            String rel = s.relation(x);
            if (h < 0 || rel == null) {
                return false;
            }
            Token head = s.token(h);
            boolean listed = rel.equals("appos") || rel.equals("dep") || rel.equals("list");
            boolean nounLink = listed || rel.startsWith("nmod") || rel.startsWith("acl") || rel.equals("conj");
            // what the text is "for", "of" or "on", what it is to do, or an item of its list ("an agreement through
            // talks" says how it came about, "a resolution and talks" are two things)
            if (head.isNoun() && PROVISION_NOUNS.contains(head.lemma()) && (listed || rel.startsWith("acl")
                    || rel.startsWith("nmod") && hasCase(s, x, "for", "of", "on", "concerning", "regarding", "about"))) {
                return true;
            }
            // ("provided for a ceasefire"; "provided backing" is giving it)
            if (head.isVerb() && PROVISION_VERBS.contains(head.lemma())
                    && (rel.equals("obj") || rel.startsWith("obl") || rel.equals("nsubj:pass"))
                    && (!head.lemma().equals("provide") || hasCase(s, x, "for"))) {
                return true;
            }
            if (!(nounLink && head.isNoun())) {
                return false;
            }
            x = h;
        }
        return false;
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


    /**
     * The two sides of an asserted conflictual event (quad classes 3 and 4) between parties the knowledge base knows:
     * its first actor and first recipient of another country, or, with no recipient, its first two actors of
     * different countries ("India and Pakistan clashed"); else {@code null}.
     */
    private static List<Mention> sides(Candidate c) {
        if (c.type() == null || c.modality() != Modality.ASSERTED || c.type().quadClass() < 3) {
            return null;
        }
        List<Mention> actors = c.actors().stream().filter(DocumentContext::party).toList();
        List<Mention> others = c.recipients().isEmpty() ? actors
                : c.recipients().stream().filter(DocumentContext::party).toList();
        for (Mention a : actors) {
            for (Mention b : others) {
                if (!a.code().equals(b.code())) {
                    return List.of(a, b);
                }
            }
        }
        return null;
    }

    /**
     * Remembers one party acting against another (a demand, charge, threat, force), each the other's adversary
     * ({@link DocumentContext#opposedBy}); not a protest, which a state's own people hold against it.
     */
    private static void rememberAdversaries(Candidate c, DocumentContext ctx) {
        if (c.type() == null || c.type().quadClass() < 3 || c.type() == EventType.PROTEST) {
            return;
        }
        List<Mention> actors = c.actors().stream().filter(DocumentContext::party).toList();
        List<Mention> recipients = c.recipients().stream().filter(DocumentContext::party).toList();
        if (!actors.isEmpty() && !recipients.isEmpty() && ArgumentQueries.countries(actors).size() == 1
                && ArgumentQueries.countries(recipients).size() == 1
                && !actors.get(0).code().equals(recipients.get(0).code())) {
            ctx.opposedBy(actors.get(0), recipients.get(0));
        }
    }

    /**
     * Remembers the makers of an asserted demand, offer, threat or accusation as soon as it is read, so that a later
     * "the ultimatum was rejected", also later in the same sentence ("Beijing accused Hanoi of ...; Hanoi denied the
     * charge"), names them.
     */
    private static void stated(Candidate c, DocumentContext ctx) {
        if (!STANCES.contains(c.type()) || c.modality() != Modality.ASSERTED) {
            return;
        }
        List<Mention> named = named(c);
        if (!named.isEmpty()) {
            ctx.stated(c.type(), named);
            List<Mention> addressees = c.recipients().stream().filter(r -> r.code() != null
                    && r.source() != Mention.Source.PLACE && named.stream().noneMatch(a -> a.code().equals(r.code())))
                    .toList();
            ctx.addressed(c.type(), addressees);
        }
    }

    /** The actors the text names: not one inferred from the place or left unidentified. */
    private static List<Mention> named(Candidate c) {
        return c.actors().stream().filter(a -> a.code() != null && a.source() != Mention.Source.PLACE
                && (a.rule() == null || !a.rule().startsWith("implicit"))).toList();
    }

    /** Cooperative acts that co-actors do together: a meeting, an agreement, cooperation, support. */
    private static final Set<EventType> JOINT = java.util.EnumSet.of(EventType.CONSULT, EventType.AGREE,
            EventType.COOPERATE, EventType.SUPPORT);

    private static final Set<EventType> ADDRESSED = Set.of(EventType.ACCUSE, EventType.THREATEN, EventType.REQUEST,
            EventType.COERCE, EventType.SANCTION);

    /**
     * "The council condemned South Africa and demanded an end to the raids": a demand naming nobody, made in the same
     * breath as a conjoined stance on a named party by the same speaker, is addressed to that party.
     */
    static Candidate sharedAddressee(ParsedSentence s, Candidate c, List<Candidate> all) {
        if (c.type() != EventType.REQUEST || !c.recipients().isEmpty() || c.actors().isEmpty()) {
            return c;
        }
        int v = headOf(s, c);
        Set<String> speakers = ArgumentQueries.countries(c.actors());
        for (Candidate o : all) {
            int w = headOf(s, o);
            if (o == c || o.recipients().isEmpty() || !ADDRESSED.contains(o.type())
                    || !ArgumentQueries.countries(o.actors()).equals(speakers) || !conjoined(s, v, w)) {
                continue;
            }
            return c.withParticipants(c.actors(), o.recipients(), "shared-addressee");
        }
        return c;
    }

    private static int headOf(ParsedSentence s, Candidate c) {
        int h = c.triggerFirst();
        while (s.head(h) >= c.triggerFirst() && s.head(h) <= c.triggerLast()) {
            h = s.head(h);
        }
        return h;
    }

    private static boolean conjoined(ParsedSentence s, int v, int w) {
        return s.is(v, "conj") && s.head(v) == w || s.is(w, "conj") && s.head(w) == v
                || s.is(v, "conj") && s.is(w, "conj") && s.head(v) == s.head(w);
    }

    /**
     * "Chad and Sudan accused each other", "the ships rammed one another": an act of co-actors on "each other" is
     * one act of each on the other, so one event per ordered pair of their countries, the other as recipient.
     * "Museveni and Sudan's prime minister met": a cooperative act of co-actors of two countries with nobody else as
     * recipient is an act between them, coded as the dyad it is: the first named as actor, the other as recipient
     * (rule {@code joint}; the way ICBe and CAMEO code a meeting, and one edge, not a self-edge, in the network);
     * co-mediators ("the mediation of Brazil and Chile", "Brazil and Chile made offers to mediate") are not, nor three
     * or more co-actors ("the operation was supported by Australia, Bahrain and Canada": backers of one thing, not of
     * each other). So is fighting between two sides ("clashes between X and Y", "fighting broke out" after X and Y
     * clashed): one side's act on the other, the first named as actor. Any other candidate as it is.
     */
    static List<Candidate> reciprocal(ParsedSentence s, Trigger t, Candidate c) {
        boolean mutual = false;
        for (int o : s.children(t.head())) {
            String rel = s.relation(o);
            if ((rel.equals("obj") || rel.startsWith("obl") || rel.equals("iobj")) && o > 0) {
                String w = s.token(o).lemma().toLowerCase(java.util.Locale.ROOT);
                String before = s.token(o - 1).lemma().toLowerCase(java.util.Locale.ROOT);
                mutual |= w.equals("other") && before.equals("each") || w.equals("another") && before.equals("one");
            }
        }
        Map<String, Mention> sides = new java.util.LinkedHashMap<>();
        for (Mention a : c.actors()) {
            if (a.code() != null) {
                sides.putIfAbsent(a.code(), a);
            }
        }
        if (!mutual && sides.size() == 2 && c.recipients().isEmpty()
                && (JOINT.contains(c.type()) || c.type() == EventType.ASSAULT && ContextStage.twoSidedFighting(s, t))
                && !ContextStage.mediation(t) && !ContextStage.mediationOffered(s, t)) {
            List<Mention> order = new ArrayList<>(sides.values());
            order.sort(java.util.Comparator.comparingInt(Mention::sentence).thenComparingInt(Mention::start));
            String first = order.get(0).code();
            List<Mention> act = c.actors().stream().filter(m -> first.equals(m.code())).toList();
            List<Mention> rec = c.actors().stream().filter(m -> m.code() != null && !first.equals(m.code())).toList();
            return List.of(c.withParticipants(act, rec, "joint"));
        }
        if (!mutual || sides.size() < 2) {
            return List.of(c);
        }
        List<Candidate> out = new ArrayList<>();
        for (Mention a : sides.values()) {
            for (Mention b : sides.values()) {
                if (a != b) {
                    out.add(c.withParticipants(List.of(a), List.of(b), "reciprocal"));
                }
            }
        }
        return out;
    }
}
