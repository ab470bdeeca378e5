package org.faultline.coding.events;

import static org.faultline.coding.events.ParseQueries.caseOf;
import static org.faultline.coding.events.ParseQueries.governingVerb;
import static org.faultline.coding.events.ParseQueries.hasCase;
import static org.faultline.coding.events.ParseQueries.objectHead;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.faultline.coding.actors.Mention;
import org.faultline.coding.actors.PlaceMention;
import org.faultline.coding.kb.ActorEntry;
import org.faultline.coding.kb.FormType;
import org.faultline.coding.lexicon.Cues;
import org.faultline.coding.lexicon.Plurals;
import org.faultline.coding.lexicon.TriggerEntry;
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
 * Finds events in one parsed sentence: verbal and nominal triggers from the lexicon, actors and recipients
 * from the dependency parse (subjects, objects, passive agents, prepositional phrases, possessives,
 * compounds, coordination), modality from negation, refusal, future, hypothetical and reporting cues, and
 * the event's date, place and quantity. Thread-safe; per-document state lives in {@link DocumentContext}.
 */
public final class EventExtractor {
    private static final Set<String> CLAUSE = Set.of("ccomp", "xcomp", "advcl", "acl", "parataxis", "csubj", "conj",
            "dep", "list");
    private static final Set<String> RECIPIENT_PREPS = Set.of("to", "against", "on", "with", "at", "toward",
            "towards", "into", "upon", "onto", "over", "for", "from", "of", "in");
    private static final Set<EventType> CONTENT_TAKERS = Set.of(EventType.AGREE, EventType.REQUEST, EventType.REJECT,
            EventType.THREATEN, EventType.ACCUSE);
    /** Types whose object is usually what is given or moved (own troops, aid), not whom it is for. */
    private static final Set<EventType> MATERIAL_TRANSFER = Set.of(EventType.AID, EventType.MOBILIZE,
            EventType.COOPERATE, EventType.RETREAT, EventType.AGREE, EventType.SUPPORT, EventType.CONCEDE);

    private final TriggerStage triggers;
    private final Clauses clauses;
    private final ModalityStage modalities;
    private final Cues cues;
    private final TemporalResolver dates = new TemporalResolver();

    public EventExtractor(TriggerLexicon lexicon, Cues cues) {
        this.cues = cues;
        this.clauses = new Clauses(cues);
        this.triggers = new TriggerStage(lexicon, clauses);
        this.modalities = new ModalityStage(cues, clauses);
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

    /** The coded mentions inside a passive subject that is a demand, request or offer ("the Israeli demand"). */
    private static List<Mention> proposalAuthors(ParsedSentence s, int v, List<Mention> mentions) {
        List<Mention> out = new ArrayList<>();
        for (int c : s.children(v, "nsubj:pass")) {
            if (PROPOSALS.contains(s.token(c).lemma())) {
                for (Mention m : mentions) {
                    if (m.head() >= 0 && m.code() != null && s.dominates(c, m.head())) {
                        out.add(m);
                    }
                }
            }
        }
        return out;
    }

    /** Nouns for what one party puts to another: demands, requests, proposals, offers. */
    private static final Set<String> PROPOSALS = WordSets.bundled().set("proposals");

    /** Nouns for a body's sitting: "a session of the OAS" is the OAS meeting. */
    private static final Set<String> GATHERINGS = WordSets.bundled().set("gatherings");

    /** Verbs whose "in" oblique names an event the subject takes part in. */
    private static final Set<String> PARTICIPATION = WordSets.bundled().set("participation");

    /** Sectors of armed forces and armed groups. */
    /** Types that use force, where "with" names the means ("struck with Iranian drones"), not a partner. */
    private static final Set<EventType> FORCE = Set.of(EventType.ASSAULT, EventType.COERCE, EventType.MOBILIZE);

    private static final Set<String> ARMED = Set.of("MIL", "REB", "PRM", "UAF", "INS");

    /** An armed sector: forces, rebels, militias (a mention with no sector is not; {@code Set.of} refuses null). */
    private static boolean armed(Mention m) {
        return m.sector() != null && ARMED.contains(m.sector());
    }

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

    /** Words for what an actor did in answer to something, verbs and nouns ("responded with", "its reaction was"). */
    private static final Set<String> RESPONSES = WordSets.bundled().set("responses");

    private static final Set<String> MEDIATION = WordSets.bundled().set("mediation");
    private static final Set<String> EXERCISES = WordSets.bundled().set("exercises");

    // ---------------------------------------------------------------- one event

    private Candidate build(ParsedSentence s, String text, LocalDate articleDate, Trigger t, Map<Integer, Trigger> byHead,
                            List<Mention> mentions, List<PlaceMention> places, DocumentContext ctx) {
        int v = t.head();
        boolean nominal = t.nounHead() == v;
        int verbForArgs = nominal ? governingVerb(s, v) : v;
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
        // actors
        List<Mention> actors = new ArrayList<>();
        List<Mention> recipients = new ArrayList<>();
        String how = "syntax";
        if (nominal) {
            nominalArguments(s, v, mentions, actors, recipients);
            if (actors.isEmpty() && verbForArgs >= 0 && (s.is(v, "obj") || s.is(v, "xcomp")
                    // "took part in the talks", "participated in a summit": who takes part holds the meeting
                    || s.relation(v).startsWith("obl") && hasCase(s, v, "in")
                    && PARTICIPATION.contains(s.token(verbForArgs).lemma())
                    && (t.entry().type() == EventType.CONSULT || t.entry().type() == EventType.COOPERATE))
                    && (!byHead.containsKey(verbForArgs) || t.head() != v)) {
                actors.addAll(subjectOf(s, verbForArgs, mentions, 0));
            }
            if (actors.isEmpty() && verbForArgs >= 0 && s.relation(v).startsWith("obl") && hasCase(s, v, "with", "by")
                    && RESPONSES.contains(s.token(verbForArgs).lemma())) {
                // "Honduras responded with a concentration of forces": the one who responds does what the noun says
                actors.addAll(subjectOf(s, verbForArgs, mentions, 0));
            }
            if (actors.isEmpty() && !s.children(v, "cop").isEmpty()) {
                // "Oman's response was a military campaign", "the major U.S. reaction was a blockade": the noun is
                // what the responder did
                for (int sub : s.children(v, "nsubj")) {
                    if (RESPONSES.contains(s.token(sub).lemma())) {
                        nominalArguments(s, sub, mentions, actors, new ArrayList<>());
                    }
                }
            }
            if (actors.isEmpty() && recipients.isEmpty() && verbForArgs >= 0 && s.is(v, "nsubj")) {
                // "clashes took place between X and Y", "fighting broke out between ..."
                for (int c : s.children(verbForArgs, "obl")) {
                    if (hasCase(s, c, "between", "among")) {
                        actors.addAll(actorsOf(s, c, mentions));
                    } else if (hasCase(s, c, "with", "against")) {
                        recipients.addAll(actorsOf(s, c, mentions));
                    }
                }
            }
            if (actors.isEmpty() && recipients.isEmpty() && verbForArgs >= 0 && t.entry().type() == EventType.CONSULT
                    && s.relation(v).startsWith("obl") && hasCase(s, v, "on", "for")) {
                travellerAndHost(s, verbForArgs, v, mentions, actors, recipients);
            }
            if (actors.isEmpty() && verbForArgs >= 0 && s.relation(v).startsWith("obl") && hasCase(s, v, "on")) {
                // "troops remained on alert", "workers are on strike": the subject is in the state the noun names
                actors.addAll(subjectOf(s, verbForArgs, mentions, 0));
            }
            if (actors.isEmpty() && recipients.isEmpty()) {
                return null;
            }
        } else {
            if (isPassive(s, v) && statePassive(s, v, t.entry().type())) {
                // "Israel is opposed to French mediation", "Tehran is committed to the deal": a stance, not a passive
                for (int c : s.children(v, "nsubj:pass")) {
                    actors.addAll(actorsOf(s, c, mentions));
                }
            } else if (isPassive(s, v)) {
                actors.addAll(passiveAgent(s, v, mentions));
                // "Assad had been granted asylum": with the theme still the verb's object, the passive subject is
                // whom it was given to
                if (t.entry().objects().isEmpty() || themeObject(s, v, t)) {
                    for (int c : s.children(v, "nsubj:pass")) {
                        recipients.addAll(actorsOf(s, c, mentions));
                    }
                }
            } else {
                actors.addAll(subjectOf(s, v, mentions, 0));
            }
            if (t.nounHead() >= 0) {
                List<Mention> nounActors = new ArrayList<>();
                nominalArguments(s, t.nounHead(), mentions, nounActors, recipients);
                if (actors.isEmpty() && isPassive(s, v) && passiveAgent(s, v, mentions).isEmpty()
                        && s.is(t.nounHead(), "nsubj:pass")) {
                    // "an agreement between Iran and Iraq was reached": with no by-agent, the noun names the parties
                    actors.addAll(nounActors);
                }
                if (recipients.isEmpty() && s.is(t.nounHead(), "compound")) {
                    // "undertook a mediation mission between Syria and the PLO": the phrase's head carries them
                    nominalArguments(s, s.head(t.nounHead()), mentions, new ArrayList<>(), recipients);
                }
            }
            if (recipients.isEmpty()) {
                recipients.addAll(verbRecipients(s, v, t.entry(), mentions, actors));
            }
            if (t.entry().type() == EventType.REJECT && recipients.stream().allMatch(r -> sameEntity(r, actors))) {
                // "reneged on his commitment to the Zambian people", "backed out of its deal with Iran": the party
                // the broken undertaking was made to
                for (int c : s.children(v, "obl")) {
                    for (int g : s.children(c)) {
                        if (s.relation(g).startsWith("nmod") && hasCase(s, g, "to", "with")) {
                            for (Mention m : actorsOf(s, g, mentions)) {
                                if (!sameEntity(m, actors)) {
                                    recipients.add(m);
                                }
                            }
                        }
                    }
                }
            }
            if (recipients.isEmpty() && t.entry().type() != null && CONTENT_TAKERS.contains(t.entry().type())) {
                // "agreed to provide aid for Romania and Poland": a stance takes the target of its content
                recipients.addAll(complementRecipients(s, v, mentions, actors, 0));
            }
        }
        if (actors.isEmpty() && !nominal) {
            // "TGB and VP members staged a protest": an unknown subject is still the actor; its country comes from
            // the place, its sector from what it did
            for (int c : s.children(v, isPassive(s, v) ? "obl" : "nsubj")) {
                Token st = s.token(c);
                boolean byAgent = !isPassive(s, v) || hasCase(s, c, "by");
                boolean agentLike = (st.pos().equals("NNS") || st.pos().equals("NNPS") || "PERSON".equals(st.ner())
                        || "ORGANIZATION".equals(st.ner()) || Set.of("group", "crowd", "mob", "gang").contains(st.lemma()))
                        && !WEAPONS_AND_ATTACKS.contains(st.lemma()); // "missiles struck": a weapon is nobody
                if (byAgent && agentLike && covering(mentions, c) == null) {
                    String sector = t.entry().type() == EventType.PROTEST ? "CVL"
                            : t.entry().type() == EventType.ASSAULT || t.entry().type() == EventType.COERCE ? "UAF"
                            : "UNK";
                    actors.add(new Mention(s.index(), c, c, c, st.start(), st.end(), st.word(), null, sector, null,
                            null, Mention.Source.AGENT, "subject:" + st.lemma()));
                    how = "subject-noun";
                    break;
                }
            }
        }
        if (actors.isEmpty()) {
            List<Mention> candidates = leftCandidates(s, mentions);
            List<Mention> authors = nominal || !isPassive(s, v) ? List.of() : proposalAuthors(s, v, mentions);
            if (!authors.isEmpty()) {
                // "the Israeli demand was refused", "a second request, made by the U.S. ambassador, was rejected":
                // with no by-agent, whoever made the proposal or demand that was answered is not who answered it
                if (recipients.isEmpty()) {
                    recipients.addAll(authors);
                }
                candidates = new ArrayList<>(candidates);
                candidates.removeAll(authors);
                rules.add("passive-patient");
            }
            int speaker = nominal || !isPassive(s, v) ? -1 : speakerOf(s, v);
            if (speaker >= 0) {
                // "Houthi officials said five fighters were killed": who reports a passive is not its agent
                candidates = candidates.stream().filter(m -> !s.dominates(speaker, m.head())).toList();
            }
            if (!nominal && isPassive(s, v) && themeObject(s, v, t)) {
                // "Assad and his family had been granted asylum" (parsed as the object of "said"): with the theme
                // still the verb's object, the phrase before the passive's auxiliaries is whom it was given to
                List<Mention> patients = passiveSubjects(s, v, mentions);
                candidates = candidates.stream().filter(m -> !patients.contains(m)).toList();
                if (recipients.isEmpty()) {
                    recipients.addAll(patients);
                }
            }
            Mention left = nearest(s, candidates, t.first(), -1, recipients);
            if (left != null) {
                actors.add(left);
                how = "nearest-left";
            }
        }
        if (recipients.isEmpty() && !nominal && t.entry().type() == EventType.ACCUSE) {
            recipients.addAll(attackersReferredTo(s, v, ctx, actors));
            if (!recipients.isEmpty()) {
                rules.add("event-anaphor");
            }
        }
        if (recipients.isEmpty() && t.entry().type() != null && (t.entry().type().requiresRecipient()
                || t.entry().type().quadClass() >= 3)) {
            Mention right = nearest(s, describing(s, v, mentions), t.last(), +1, actors);
            if (right != null && MATERIAL_TRANSFER.contains(t.entry().type()) && right.source() == Mention.Source.AGENT
                    && armed(right)) {
                right = null; // "sent two battalions to the frontier": the units sent are not whom they are for
            }
            if (right != null && !sameEntity(right, actors)) {
                recipients.add(right);
            }
        }
        recipients.removeIf(r -> sameEntity(r, actors));
        if (t.entry().phrase()) {
            // "a concentration of forces": the words of the trigger are not its participants
            recipients.removeIf(r -> r.first() >= t.first() && r.last() <= t.last());
        }
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
     * "Saddam Hussein arrived in Amman on a visit", "left for Moscow for talks": the one who travels consults
     * the host named by where the journey goes.
     */
    private void travellerAndHost(ParsedSentence s, int verb, int purpose, List<Mention> mentions,
                                  List<Mention> actors, List<Mention> recipients) {
        List<Mention> traveller = subjectOf(s, verb, mentions, 0);
        if (traveller.isEmpty()) {
            return;
        }
        for (int c : s.children(verb, "obl")) {
            if (c != purpose && hasCase(s, c, "in", "to", "for", "at")) {
                List<Mention> host = actorsOf(s, c, mentions);
                host.removeIf(m -> sameEntity(m, traveller));
                if (!host.isEmpty()) {
                    actors.addAll(traveller);
                    recipients.addAll(host);
                    return;
                }
            }
        }
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

    /**
     * Who fired the weapons a defensive verb acts on: a mention modifying them ("Houthi drones", "Iran's
     * missiles") or under "from"/"by" in a clause on them ("drones launched from Yemen"); none otherwise.
     */
    private List<Mention> weaponOwners(ParsedSentence s, int v, List<Mention> mentions, List<Mention> defenders) {
        List<Mention> out = new ArrayList<>();
        for (int w : s.children(v, "obj")) {
            for (int c : s.children(w)) {
                String rel = s.relation(c);
                List<Mention> found = new ArrayList<>();
                if (rel.equals("compound") || rel.equals("amod") || rel.equals("nmod:poss")) {
                    Mention m = covering(mentions, c);
                    if (m != null) {
                        found.add(m);
                    }
                } else if (rel.startsWith("acl")) {
                    for (int o : s.children(c)) {
                        if (s.relation(o).startsWith("obl") && hasCase(s, o, "from", "by")) {
                            found.addAll(actorsOf(s, o, mentions));
                        }
                    }
                }
                for (Mention m : found) {
                    if (m.code() != null && !sameEntity(m, defenders)) {
                        out.add(m);
                    }
                }
            }
        }
        return out;
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

    private static boolean sameEntity(Mention m, List<Mention> others) {
        for (Mention o : others) {
            if (o == m || o.first() == m.first() && o.last() == m.last()
                    || o.entry() != null && m.entry() != null && o.entry().id().equals(m.entry().id())
                    && java.util.Objects.equals(o.sector(), m.sector())) {
                return true;
            }
        }
        return false;
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


    private boolean statePassive(ParsedSentence s, int v, EventType type) {
        if (type != EventType.REJECT && type != EventType.AGREE && type != EventType.SUPPORT) {
            return false;
        }
        for (int c : s.children(v, "obl")) {
            if (hasCase(s, c, "by")) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPassive(ParsedSentence s, int v) {
        return !s.children(v, "nsubj:pass").isEmpty() || !s.children(v, "aux:pass").isEmpty()
                || s.is(v, "acl") && s.token(v).pos().equals("VBN");
    }

    private List<Mention> passiveAgent(ParsedSentence s, int v, List<Mention> mentions) {
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
    private List<Mention> subjectOf(ParsedSentence s, int v, List<Mention> mentions, int depth) {
        for (int c : s.children(v, "nsubj")) {
            String w = s.token(c).lemma();
            if ((w.equals("which") || w.equals("who") || w.equals("that")) && s.is(v, "acl") && s.head(v) >= 0) {
                return actorsOf(s, s.head(v), mentions);
            }
            List<Mention> a = actorsOf(s, c, mentions);
            if (!a.isEmpty()) {
                return a;
            }
        }
        if (depth >= 3) {
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
            if (g >= 0 && s.relation(h).startsWith("obl") && hasCase(s, h, "to") && s.children(g, "obj").stream()
                    .anyMatch(o -> STATEMENT_NOUNS.contains(s.token(o).lemma()))) {
                // "delivered a note to Sweden asking it to ...", the clause misattached to the addressee: the sender asks
                return subjectOf(s, g, mentions, depth + 1);
            }
            return actorsOf(s, h, mentions);
        }
        if (s.is(v, "xcomp") || s.is(v, "conj") || s.is(v, "advcl") || s.is(v, "dep")) {
            // for "urged X to attack", the controller is the object
            if (s.is(v, "xcomp")) {
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
            return subjectOf(s, h, mentions, depth + 1);
        }
        return List.of();
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

    /**
     * Who issued a statement noun: its own agent ("a draft resolution by Argentina", "Britain's note"), else the
     * subject of the verb that governs it ("Britain delivered a Note"), or the agent when that verb is passive
     * ("a resolution was adopted by the General Assembly").
     */
    private List<Mention> issuerOf(ParsedSentence s, int noun, List<Mention> mentions) {
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

    /** The actors a noun phrase names: its own mention or one inside it, plus coordinated ones. */
    private List<Mention> actorsOf(ParsedSentence s, int tok, List<Mention> mentions) {
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
            // "the leaders of Japan and South Korea": the countries conjoined with the one the head belongs to
            for (int c : s.children(tok)) {
                Mention of = s.relation(c).startsWith("nmod") && hasCase(s, c, "of") ? covering(mentions, c) : null;
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



    private void nominalArguments(ParsedSentence s, int noun, List<Mention> mentions, List<Mention> actors,
                                  List<Mention> recipients) {
        for (int c : s.children(noun)) {
            String rel = s.relation(c);
            if (rel.equals("nmod:poss") || rel.equals("compound") || rel.equals("amod")) {
                Mention m = covering(mentions, c);
                if (m != null && !actors.contains(m)) {
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
                if (p.equals("by") || p.equals("from")) {
                    actors.addAll(actorsOf(s, c, mentions));
                } else if (p.equals("of") && GATHERINGS.contains(s.token(noun).lemma())) {
                    // "a meeting of the contact group", "an emergency session of the OAS": the body that meets
                    for (Mention m : actorsOf(s, c, mentions)) {
                        if (m.collective()) {
                            actors.add(m);
                        }
                    }
                } else if ((p.equals("between") || p.equals("among")) && MEDIATION.contains(s.token(noun).lemma())) {
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
        // a mention right before the noun in the same phrase ("the Hezbollah rocket attacks")
        if (actors.isEmpty()) {
            for (int k = noun - 1; k >= Math.max(0, noun - 4); k--) {
                Token tk = s.token(k);
                if (!(tk.isNoun() || tk.pos().startsWith("JJ") || tk.pos().equals("POS") || tk.pos().equals("HYPH"))) {
                    break;
                }
                Mention m = covering(mentions, k);
                if (m != null) {
                    actors.add(m);
                    break;
                }
            }
        }
    }

    /** Verbs that hand a person or place over to another party, whose "to" oblique is the recipient. */
    private static final Set<String> CUSTODY_TRANSFERS = WordSets.bundled().set("custody-transfers");

    private List<Mention> verbRecipients(ParsedSentence s, int v, TriggerEntry e, List<Mention> mentions,
                                         List<Mention> actors) {
        EventType type = e.type();
        boolean transfer = type != null && MATERIAL_TRANSFER.contains(type);
        if (CUSTODY_TRANSFERS.contains(s.token(v).lemma())) {
            // "extradited a drug trafficker to the United States": the receiving state, not the person handed over
            for (int c : s.children(v, "obl")) {
                List<Mention> r = "to".equals(caseOf(s, c)) ? actorsOf(s, c, mentions) : List.of();
                if (!r.isEmpty()) {
                    return r;
                }
            }
        }
        for (int c : s.children(v, "iobj")) {
            List<Mention> r = actorsOf(s, c, mentions);
            if (!r.isEmpty()) {
                return r;
            }
        }
        for (int c : s.children(v, "obj")) {
            List<Mention> r = actorsOf(s, c, mentions);
            // "offered its troops to Lebanon": what the actor moves of its own is not whom it is for
            r.removeIf(m -> transfer && (m.generic() || sameEntity(m, actors) || m.source() == Mention.Source.AGENT
                    && m.entry() != null && actors.stream().anyMatch(a -> a.entry() != null && a.entry().equals(m.entry()))
                    // "sent two battalions to the frontier": armed units moved are what is sent
                    || m.source() == Mention.Source.AGENT && armed(m))
                    || !e.objects().isEmpty() && m.head() == c && m.generic()
                    // "suspended its trade agreement with Bolivia": the actor's own possession names no other party
                    || s.is(m.head(), "nmod:poss") && s.head(m.head()) == c && sameEntity(m, actors));
            if (!r.isEmpty()) {
                return r;
            }
            // "sent troops to Russia" parsed with the oblique under the object
            for (int cc : s.children(c)) {
                if (s.relation(cc).startsWith("nmod") && (hasCase(s, cc, "to", "against", "on", "into")
                        || type == EventType.RETREAT && hasCase(s, cc, "from")
                        // "suspended its friendship treaty with Libya", "mediated negotiations between Greece and
                        // Turkey": the party the object is shared with (not in fighting: "struck with Iranian drones")
                        || type != null && !FORCE.contains(type) && hasCase(s, cc, "with", "between", "among"))) {
                    List<Mention> r2 = actorsOf(s, cc, mentions);
                    if (!r2.isEmpty()) {
                        return r2;
                    }
                }
            }
            if (transfer) {
                List<Mention> r3 = beneficiaryUnder(s, c, mentions, 2);
                if (!r3.isEmpty()) {
                    return r3;
                }
            }
        }
        List<Integer> obls = s.children(v, "obl");
        List<String> order = type == EventType.ACCUSE
                // "complained to the UN over Israeli raids": the accused is what the complaint is about
                ? List.of("over", "about", "against", "on", "to", "with", "at", "for", "of")
                : List.of("to", "against", "on", "with", "at", "toward", "towards", "into", "upon", "onto", "over",
                "for", "from", "of");
        for (String want : order) {
            for (int c : obls) {
                String p = caseOf(s, c);
                if (p == null || !p.equals(want)) {
                    continue;
                }
                if (want.equals("from") && type != EventType.REQUEST && type != EventType.RETREAT
                        && type != EventType.SANCTION) {
                    continue;
                }
                if (want.equals("for") && type != EventType.AID && type != EventType.SUPPORT
                        && type != EventType.ACCUSE) {
                    continue;
                }
                List<Mention> r = actorsOf(s, c, mentions);
                if (!r.isEmpty()) {
                    return r;
                }
            }
        }
        // purpose clause: "sent soldiers to help Moscow", "sent troops to fight for Russia"
        for (int c : s.children(v)) {
            if ((s.is(c, "xcomp") || s.is(c, "advcl")) && s.token(c).isVerb()) {
                for (int o : s.children(c)) {
                    if (s.is(o, "obj") || s.is(o, "iobj") || s.is(o, "ccomp")
                            || transfer && s.is(o, "obl") && hasCase(s, o, "for")) {
                        List<Mention> r = actorsOf(s, o, mentions);
                        if (r.isEmpty() && s.is(o, "ccomp")) {
                            for (int sub : s.children(o, "nsubj")) {
                                r = actorsOf(s, sub, mentions);
                            }
                        }
                        r.removeIf(m -> sameEntity(m, actors));
                        if (!r.isEmpty()) {
                            return r;
                        }
                    }
                }
            }
        }
        return List.of();
    }

    /** "pledged 700 million euros in military support for Ukraine": a "for"/"to" beneficiary down the object's nmods. */
    private List<Mention> beneficiaryUnder(ParsedSentence s, int noun, List<Mention> mentions, int depth) {
        for (int c : s.children(noun)) {
            if (!s.relation(c).startsWith("nmod")) {
                continue;
            }
            if (hasCase(s, c, "for", "to")) {
                List<Mention> r = actorsOf(s, c, mentions);
                if (!r.isEmpty()) {
                    return r;
                }
            }
            if (depth > 1) {
                List<Mention> r = beneficiaryUnder(s, c, mentions, depth - 1);
                if (!r.isEmpty()) {
                    return r;
                }
            }
        }
        return List.of();
    }

    private List<Mention> complementRecipients(ParsedSentence s, int v, List<Mention> mentions, List<Mention> actors,
                                               int depth) {
        for (int c : s.children(v)) {
            if (!(s.is(c, "xcomp") || s.is(c, "ccomp")) || !s.token(c).isVerb() && !s.token(c).pos().startsWith("JJ")) {
                continue;
            }
            if (s.is(c, "ccomp")) {
                // "demanded that the US cancel the sale": whoever is asked to act is the target
                List<Mention> subject = new ArrayList<>();
                for (int sub : s.children(c, "nsubj")) {
                    subject.addAll(actorsOf(s, sub, mentions));
                }
                subject.removeIf(m -> sameEntity(m, actors));
                if (!subject.isEmpty()) {
                    return subject;
                }
            }
            List<Mention> found = new ArrayList<>();
            for (int g : s.children(c)) {
                if (s.is(g, "obj") || s.is(g, "iobj")) {
                    for (Mention m : actorsOf(s, g, mentions)) {
                        if (!m.generic()) {
                            found.add(m);
                        }
                    }
                    for (int n : s.children(g)) {
                        if (s.relation(n).startsWith("nmod") && hasCase(s, n, "to", "for", "on", "against", "with")) {
                            found.addAll(actorsOf(s, n, mentions));
                        }
                    }
                } else if (s.is(g, "obl") && hasCase(s, g, "to", "for", "on", "against", "with", "from")) {
                    found.addAll(actorsOf(s, g, mentions));
                }
            }
            found.removeIf(m -> sameEntity(m, actors));
            if (!found.isEmpty()) {
                return found;
            }
            if (depth < 1) {
                List<Mention> deeper = complementRecipients(s, c, mentions, actors, depth + 1);
                if (!deeper.isEmpty()) {
                    return deeper;
                }
            }
        }
        return List.of();
    }

    private static Mention nearest(ParsedSentence s, List<Mention> mentions, int from, int dir, List<Mention> exclude) {
        Mention best = null;
        int bestDist = Integer.MAX_VALUE;
        for (Mention m : mentions) {
            if (m.code() == null && !m.generic() || exclude.contains(m)) {
                continue;
            }
            int d = dir < 0 ? from - m.last() : m.first() - from;
            if (d > 0 && d < bestDist && d <= 12) {
                best = m;
                bestDist = d;
            }
        }
        return best;
    }

    /**
     * Mentions that may stand as the actor of a trigger whose syntax names none: not a phrase under a preposition
     * that modifies a noun ("a demonstration against the Russian invasion of Ukraine was held": Ukraine is
     * what the rally was about, not who held it).
     */
    private static List<Mention> leftCandidates(ParsedSentence s, List<Mention> mentions) {
        List<Mention> out = new ArrayList<>(mentions.size());
        for (Mention m : mentions) {
            boolean governed = false;
            // the mention itself or a phrase it modifies ("against the Russian invasion") under such a preposition
            for (int x = m.head(), depth = 0; x >= 0 && depth < 4 && !governed; x = s.head(x), depth++) {
                String rel = s.relation(x);
                if (rel == null || !(rel.startsWith("nmod") || rel.equals("amod") || rel.equals("compound"))) {
                    break;
                }
                governed = rel.startsWith("nmod") && !rel.equals("nmod:poss") && caseOf(s, x) != null
                        && !caseOf(s, x).equals("by");
            }
            if (!governed && !madeIn(s, m)) {
                out.add(m);
            }
        }
        return out;
    }

    private static final Set<String> KILL = WordSets.bundled().set("kill");

    private static final Set<String> STANDOFF_WEAPONS = WordSets.bundled().set("standoff-weapons");

    private static final Set<String> ORIGIN_PARTICIPLES = WordSets.bundled().set("origin-participles");

    /**
     * guard.weapon-origin: "Iranian-made drones", "Russian-built jets": the country a thing comes from, which is not
     * who used it unless the text says so.
     */
    private static boolean madeIn(ParsedSentence s, Mention m) {
        int k = m.last() + 1;
        if (k < s.size() && s.token(k).word().equals("-")) {
            k++;
        }
        return k < s.size() && k > m.last() + 1 && ORIGIN_PARTICIPLES.contains(s.token(k).word().toLowerCase(
                Locale.ROOT));
    }

    private static Mention covering(List<Mention> ms, int token) {
        for (Mention m : ms) {
            if (m.covers(token)) {
                return m;
            }
        }
        return null;
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

    private static List<Mention> resolvePronouns(List<Mention> raw, DocumentContext ctx, ParsedSentence s) {
        List<Mention> out = new ArrayList<>(raw.size());
        for (Mention m : raw) {
            if (m.source() == Mention.Source.PRONOUN && m.rule() != null && m.rule().startsWith("pair:")) {
                for (Mention ante : ctx.pair(out)) {
                    out.add(resolvedTo(m, ante));
                }
                continue;
            }
            if (m.source() == Mention.Source.PRONOUN || m.source() == Mention.Source.TITLE && m.code() == null) {
                Mention ante = m.source() == Mention.Source.PRONOUN ? ctx.antecedent(m, out, s) : null;
                if (ante != null) {
                    out.add(resolvedTo(m, ante));
                } else if (m.source() == Mention.Source.TITLE) {
                    out.add(m);
                }
                continue;
            }
            out.add(m);
        }
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

    private static final String UN_TITLE = "title:secretary_general";

    /** Generic agents take the country named with them, else the event's place, else the document setting. */
    private static List<Mention> withCountry(ParsedSentence s, List<Mention> ms, List<Mention> all, String fallback) {
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
                            && (inner.entry().kind() == ActorEntry.Kind.STATE || m.source() == Mention.Source.TITLE)) {
                        code = inner.code(); // (a title's body: "the Secretary-General of the Arab League")
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
            if (code == null) {
                code = fallback;
            }
            // an actor whose country cannot be told stays, with no code: "40 people demonstrated in <a hamlet>"
            out.add(code == null ? m : m.withCode(code));
        }
        return out;
    }

    // ---------------------------------------------------------------- attribution

    /** Event types whose verbs give or withhold something to someone: the types with a dative passive. */
    private static final Set<EventType> GIVING = Set.of(EventType.AID, EventType.CONCEDE, EventType.REJECT,
            EventType.AGREE, EventType.SUPPORT, EventType.COOPERATE);

    /**
     * Whether a passive verb of giving keeps the trigger's theme as its object ("had been granted asylum", "was
     * denied entry"), so that its subject is whom the theme went to (not "troops were put on alert").
     */
    private static boolean themeObject(ParsedSentence s, int v, Trigger t) {
        if (!GIVING.contains(t.entry().type())) {
            return false;
        }
        for (int o : s.children(v, "obj")) {
            if (t.entry().objects().contains(s.token(o).lemma())) {
                return true;
            }
        }
        return false;
    }

    /**
     * "Iran condemned the strikes": a definite attack noun that names nobody refers back to the document's latest
     * attack, whose attackers are the target; each comes back as a mention of the noun phrase with the attacker as its
     * antecedent, so the evidence shows why.
     */
    private static List<Mention> attackersReferredTo(ParsedSentence s, int v, DocumentContext ctx, List<Mention> actors) {
        for (int o : s.children(v, "obj")) {
            Token noun = s.token(o);
            boolean definite = s.children(o, "det").stream().anyMatch(d -> DEFINITE.contains(s.token(d).lemma()));
            boolean named = false;
            for (int c : s.children(o)) {
                String rel = s.relation(c);
                named |= rel.startsWith("nmod") || rel.equals("amod") || rel.equals("compound") || rel.startsWith("acl");
            }
            if (!ATTACK_NOUNS.contains(noun.lemma()) || !definite || named) {
                continue;
            }
            List<Mention> out = new ArrayList<>();
            for (Mention a : ctx.lastAttackers(noun.lemma())) {
                if (!sameEntity(a, actors)) {
                    out.add(new Mention(s.index(), o, o, o, noun.start(), noun.end(),
                            noun.word(), a.code(), a.sector(), a.entry(), a.form(), Mention.Source.PRONOUN,
                            a.rule(), a));
                }
            }
            return out;
        }
        return List.of();
    }

    private static final Set<String> DEFINITE = Set.of("the", "this", "these", "those");

    /** Nouns for an attack (not its weapons) that a later sentence may take up with "the strikes". */
    private static final Set<String> ATTACK_NOUNS = Set.of("attack", "strike", "airstrike", "raid", "bombing",
            "shelling", "assault", "offensive", "invasion", "incursion", "bombardment");

    /**
     * Mentions outside an "as" phrase of verb {@code v}: "condemned the strikes as a violation of Yemen's sovereignty"
     * says what the strikes were, not whom the condemnation was aimed at.
     */
    private static List<Mention> describing(ParsedSentence s, int v, List<Mention> mentions) {
        if (v < 0) {
            return mentions;
        }
        List<Mention> out = new ArrayList<>(mentions);
        for (int c : s.children(v)) {
            if (s.relation(c).startsWith("obl") && hasCase(s, c, "as")) {
                out.removeIf(m -> s.dominates(c, m.head()));
            }
        }
        return out;
    }

    /**
     * The mentions of a passive verb's subject: its nsubj:pass, or where the parser found none, the mentions
     * of the noun phrase that ends right before the verb's first auxiliary.
     */
    private static List<Mention> passiveSubjects(ParsedSentence s, int v, List<Mention> mentions) {
        List<Mention> out = new ArrayList<>();
        for (int c : s.children(v, "nsubj:pass")) {
            for (Mention m : mentions) {
                if (s.dominates(c, m.head())) {
                    out.add(m);
                }
            }
        }
        if (!out.isEmpty() || !s.children(v, "nsubj:pass").isEmpty()) {
            return out;
        }
        int aux = v;
        for (int c : s.children(v)) {
            if ((s.is(c, "aux") || s.is(c, "aux:pass")) && c < aux) {
                aux = c;
            }
        }
        if (aux == v || aux == 0) {
            return out;
        }
        int np = aux - 1;
        if (!s.token(np).pos().startsWith("NN") && !s.token(np).pos().startsWith("PRP")) {
            return out;
        }
        int top = np;
        while (s.head(top) >= 0 && s.head(top) < aux && (s.relation(top).startsWith("conj") || s.relation(top).equals("compound")
                || s.relation(top).startsWith("nmod") || s.relation(top).equals("flat"))) {
            top = s.head(top);
        }
        for (Mention m : mentions) {
            if (m.last() < aux && s.dominates(top, m.head())) {
                out.add(m);
            }
        }
        return out;
    }

    /**
     * Whether clause {@code x} is what the reporting verb {@code h} above it reports. An xcomp with a subject or a
     * tensed auxiliary of its own is a misparsed complement clause ("said Israel and Hamas had agreed").
     */
    private boolean reportedBy(ParsedSentence s, int x, int h) {
        String rel = s.relation(x);
        boolean clause = rel.startsWith("ccomp") || rel.startsWith("parataxis") || rel.startsWith("xcomp")
                && (!s.children(x, "nsubj").isEmpty() || !s.children(x, "aux").isEmpty());
        return clause && cues.is(s.token(h).lemma(), Cues.Kind.REPORT);
    }

    /** The subject of the reporting verb whose complement holds verb {@code v} (through conjuncts), or -1. */
    private int speakerOf(ParsedSentence s, int v) {
        int x = v;
        for (int depth = 0; depth < 3; depth++) {
            int h = s.head(x);
            if (h < 0) {
                return -1;
            }
            if (reportedBy(s, x, h)) {
                List<Integer> subjects = s.children(h, "nsubj");
                return subjects.isEmpty() ? -1 : subjects.get(0);
            }
            if (!s.relation(x).startsWith("conj")) {
                return -1;
            }
            x = h;
        }
        return -1;
    }

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
            if (reportedBy(s, x, h)) {
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
