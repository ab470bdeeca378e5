package org.faultline.coding.events;

import static org.faultline.coding.events.ArgumentQueries.actorsOf;
import static org.faultline.coding.events.ArgumentQueries.covering;
import static org.faultline.coding.events.ArgumentQueries.isPassive;
import static org.faultline.coding.events.ArgumentQueries.nominalArguments;
import static org.faultline.coding.events.ArgumentQueries.passiveAgent;
import static org.faultline.coding.events.ArgumentQueries.sameEntity;
import static org.faultline.coding.events.ArgumentQueries.subjectOf;
import static org.faultline.coding.events.ParseQueries.caseOf;
import static org.faultline.coding.events.ParseQueries.governingVerb;
import static org.faultline.coding.events.ParseQueries.hasCase;
import static org.faultline.coding.events.ParseQueries.relativeAntecedent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.faultline.coding.actors.Mention;
import org.faultline.coding.lexicon.Guards;
import org.faultline.coding.lexicon.Guards.Guard;
import org.faultline.coding.lexicon.TriggerEntry;
import org.faultline.coding.lexicon.Plurals;
import org.faultline.coding.lexicon.WordSets;
import org.faultline.model.EventType;
import org.faultline.nlp.ParsedSentence;
import org.faultline.nlp.Token;

/**
 * The participant stage: who acts and who is acted on, read from the dependency parse. Needs a parsed sentence, a
 * {@link Trigger} (with the sentence's other triggers by head word), the sentence's mentions with pronouns already
 * resolved ({@link ContextStage}) and the report cues (through {@link Clauses}); provides the trigger's
 * {@link Participants}: actors from the subject (inherited through control, coordination and relative clauses), a
 * passive's by-agent, a nominal event's possessor, nationality adjective or "by"/"between" phrase; recipients from
 * the indirect object, the object, the obliques and what a stance's content clause targets; the nearest mention as a
 * last resort, and the rules that shaped the reading. Reads phrases through {@link ArgumentQueries}. It finds no
 * participant from the document (see {@link ContextStage}) and recodes no event type. Its guards (rows of
 * {@code guards.tsv}) keep weapons, goods, speakers, victims, places and a weapon's maker from being actors, and
 * units sent or the victims of a condemned attack from being recipients. Thread-safe.
 */
final class ParticipantStage {
    private static final Guard WEAPON_NOT_ACTOR = guard("guard.weapon-not-actor");
    private static final Guard INANIMATE_NOT_ACTOR = guard("guard.inanimate-not-actor");
    private static final Guard SPEAKER_NOT_AGENT = guard("guard.speaker-not-agent");
    private static final Guard VICTIM_NOT_ACTOR = guard("guard.victim-not-actor");
    private static final Guard PLACE_NOT_ACTOR = guard("guard.place-not-actor");
    private static final Guard WEAPON_ORIGIN = guard("guard.weapon-origin");
    private static final Guard UNITS_SENT = guard("guard.units-sent");
    private static final Guard CONDEMNED_VICTIMS = guard("guard.condemned-victims");

    private static Guard guard(String id) {
        return Guards.bundled().get(id, ParticipantStage.class);
    }

    private final Clauses clauses;

    ParticipantStage(Clauses clauses) {
        this.clauses = clauses;
    }

    /**
     * The participants the parse gives one trigger: its actors and recipients (in the order found), how the actor
     * was found ({@code "syntax"}, {@code "subject-noun"} for an unknown subject noun, {@code "nearest-left"}) and the
     * rule ids the reading adds.
     */
    record Participants(List<Mention> actors, List<Mention> recipients, String how, List<String> rules) {
        Participants {
            actors = List.copyOf(actors);
            recipients = List.copyOf(recipients);
            rules = List.copyOf(rules);
        }
    }

    /**
     * The actors and recipients of trigger {@code t} from the parse, or {@code null} for an event noun that names
     * neither, a verb of receiving that names no giver or one of yielding that names no taker. Recipients from the
     * document ({@link ContextStage#attackersReferredTo}) and the nearest one to the right
     * ({@link #completeRecipients}) are left to the caller, which runs them in that order.
     */
    Participants find(ParsedSentence s, Trigger t, Map<Integer, Trigger> byHead, List<Mention> mentions) {
        int v = t.head();
        // "Fighting broke out between Egypt and Libya": a gerund that is the subject of another verb, with no subject
        // of its own and the sides under that verb's "between", names an event as a noun does
        boolean nominal = t.nounHead() == v || s.token(v).pos().equals("VBG") && s.is(v, "nsubj")
                && s.children(v, "nsubj").isEmpty() && s.head(v) >= 0 && s.children(s.head(v), "obl").stream()
                .anyMatch(c -> hasCase(s, c, "between", "among"));
        int verbForArgs = nominal ? governingVerb(s, v) : v;
        List<String> rules = new ArrayList<>();
        List<Mention> actors = new ArrayList<>();
        List<Mention> recipients = new ArrayList<>();
        String how = "syntax";
        if (nominal) {
            nominalArguments(s, v, mentions, actors, recipients);
            for (int k = t.first(); k <= t.last() && actors.isEmpty() && recipients.isEmpty(); k++) {
                if (k != v && s.token(k).isNoun()) {
                    // "an exchange of notes between Peru and Ecuador": a phrase trigger's inner noun carries them
                    nominalArguments(s, k, mentions, actors, recipients);
                }
            }
            boolean undergone = actors.isEmpty() && verbForArgs >= 0 && t.entry().type() != null
                    && t.entry().type().quadClass() == 4 && (s.is(v, "obj") && UNDERGOING.contains(
                    s.token(verbForArgs).lemma()) || s.relation(v).startsWith("obl") && hasCase(s, v, "under"));
            if (undergone) {
                // "survived an assassination attempt", "repelled a Russian assault", "came under fire": the subject is
                // whom the act was aimed at, not who did it
                for (Mention m : subjectOf(s, verbForArgs, mentions, 0)) {
                    if (!recipients.contains(m)) {
                        recipients.add(m);
                    }
                }
                rules.add("undergone");
            }
            boolean received = !undergone && verbForArgs >= 0 && s.is(v, "obj")
                    && RECEIVING.contains(s.token(verbForArgs).lemma()) && !byHead.containsKey(verbForArgs)
                    && t.entry().type() != null && t.entry().type().quadClass() != 4;
            if (received) {
                // "Jordan received military aid from the United States", "had obtained Soviet assurances": whom the
                // noun's act came from did it (the noun's own possessor, adjective or "from", else the verb's "from"),
                // and the subject is whom it was given to
                if (actors.isEmpty()) {
                    actors.addAll(fromPhrases(s, verbForArgs, mentions));
                }
                for (Mention m : subjectOf(s, verbForArgs, mentions, 0)) {
                    if (!recipients.contains(m) && !sameEntity(m, actors)) {
                        recipients.add(m);
                    }
                }
                rules.add("received");
            }
            boolean answered = !received && verbForArgs >= 0 && s.is(v, "obj")
                    && ANSWERING.contains(s.token(verbForArgs).lemma())
                    && t.entry().type() != null && CONTENT_TAKERS.contains(t.entry().type());
            if (answered && actors.isEmpty()) {
                // "Kyiv asked for air defences; Israel weighed the request": the request is the asker's, made to
                // whoever answers it
                for (Trigger other : byHead.values()) {
                    if (other != t && other.nounHead() != other.head() && other.entry().type() == t.entry().type()) {
                        List<Mention> askers = subjectOf(s, other.head(), mentions, 0);
                        if (!askers.isEmpty()) {
                            actors.addAll(askers);
                            recipients.addAll(subjectOf(s, verbForArgs, mentions, 0));
                            rules.add("answered");
                            break;
                        }
                    }
                }
            }
            if (actors.isEmpty() && !undergone && !answered && !received && verbForArgs >= 0
                    && (s.is(v, "obj") || s.is(v, "xcomp")
                    // "took part in the talks", "participated in a summit": who takes part holds the meeting
                    || s.relation(v).startsWith("obl") && hasCase(s, v, "in")
                    && PARTICIPATION.contains(s.token(verbForArgs).lemma())
                    && (t.entry().type() == EventType.CONSULT || t.entry().type() == EventType.COOPERATE))
                    && !byHead.containsKey(verbForArgs)) {
                actors.addAll(subjectOf(s, verbForArgs, mentions, 0));
            }
            if (actors.isEmpty() && !answered && verbForArgs >= 0 && s.is(v, "nsubj:pass")
                    && !byHead.containsKey(verbForArgs) && !ModalityStage.prevented(s, v)) {
                // (not "hostilities were prevented by the mediation of X": who stops an act does not do it)
                // "a cease-fire was accepted by them", "a naval blockade was enforced by Turkey": the passive's
                // agent does what the noun names, as the subject does in the active; "the assault was repelled by
                // Greek forces": the agent is whom it was aimed at
                List<Mention> agents = passiveAgent(s, verbForArgs, mentions);
                boolean repelled = t.entry().type() != null && t.entry().type().quadClass() == 4
                        && UNDERGOING.contains(s.token(verbForArgs).lemma());
                (repelled ? recipients : actors).addAll(agents);
                if (!agents.isEmpty()) {
                    rules.add(repelled ? "undergone" : "passive-agent");
                }
            }
            int subjectNoun = s.is(v, "conj") && s.head(v) >= 0 ? s.head(v) : v;
            if (actors.isEmpty() && s.is(subjectNoun, "nsubj") && s.head(subjectNoun) >= 0
                    && s.token(s.head(subjectNoun)).lemma().equals("come")) {
                // "condemnations and calls for action came from the Arab League": whom they came from made them
                for (int c : s.children(s.head(subjectNoun), "obl")) {
                    if (hasCase(s, c, "from")) {
                        actors.addAll(actorsOf(s, c, mentions));
                    }
                }
            }
            if (actors.isEmpty() && verbForArgs >= 0 && s.relation(v).startsWith("obl") && hasCase(s, v, "with", "by")
                    && RESPONSES.contains(s.token(verbForArgs).lemma())) {
                // "Honduras responded with a concentration of forces": the one who responds does what the noun says
                actors.addAll(subjectOf(s, verbForArgs, mentions, 0));
            }
            if (actors.isEmpty() && verbForArgs >= 0 && ParseQueries.talksAsOccasion(s, v, t.entry().type())
                    && !isPassive(s, verbForArgs)) {
                // "pledged aid during a meeting with X", "said during talks with X": the talks are the occasion of the
                // subject's act, and the subject took part in them
                actors.addAll(subjectOf(s, verbForArgs, mentions, 0));
                if (!actors.isEmpty()) {
                    rules.add("occasion");
                }
            }
            if (actors.isEmpty()) {
                // "the Houthis claimed responsibility for a missile attack", "Hamas said it was behind the attack":
                // who claims the act did it
                List<Mention> claimants = claimants(s, v, mentions);
                if (!claimants.isEmpty()) {
                    actors.addAll(claimants);
                    rules.add("claimed");
                }
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
            if (actors.isEmpty() && recipients.isEmpty() && !s.children(v, "cop").isEmpty()) {
                // the noun as a copula's predicate under a preposition of state: "the army was in retreat",
                // "the army is on the offensive" (the subject does it); "the port was under blockade" (the subject
                // undergoes it)
                boolean undergoes = hasCase(s, v, "under") && t.entry().type() != null
                        && t.entry().type().quadClass() == 4;
                if (undergoes || hasCase(s, v, "in", "on", "at")) {
                    for (int sub : s.children(v, "nsubj")) {
                        (undergoes ? recipients : actors).addAll(actorsOf(s, sub, mentions));
                    }
                    rules.add("state-predicate");
                }
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
                if (actors.isEmpty() && MATERIAL_TRANSFER.contains(t.entry().type())) {
                    // "10,000 North Korean soldiers have been deployed to Kursk": armed units of a state, moved with
                    // no sender named, were moved by their state
                    for (int c : s.children(v, "nsubj:pass")) {
                        List<Mention> units = actorsOf(s, c, mentions);
                        if (!units.isEmpty() && units.stream().allMatch(m -> armed(m) && m.code() != null)) {
                            actors.addAll(units);
                            rules.add("units-moved");
                        }
                    }
                }
                if (actors.isEmpty()) {
                    // "were killed in an Israeli airstrike", "arrested during a police raid": who made the attack
                    actors.addAll(attackAgents(s, v, byHead, mentions));
                    if (!actors.isEmpty()) {
                        rules.add("attack-agent");
                    }
                }
                if (actors.isEmpty() && t.entry().type() == EventType.ASSAULT) {
                    // "Russian missiles were fired at Kyiv": whose weapons were used used them (not "Iranian-made
                    // drones", whose maker is not said to have launched them)
                    for (int c : s.children(v, "nsubj:pass")) {
                        if (weaponFired(s, v, c)) {
                            actors.addAll(actorsOf(s, c, mentions).stream().filter(m -> !madeIn(s, m)).toList());
                        }
                    }
                    if (!actors.isEmpty()) {
                        rules.add("weapon-user");
                    }
                }
                if (actors.isEmpty() && (t.entry().type() == EventType.RETREAT
                        || t.entry().type() == EventType.CONCEDE)) {
                    // "the U.S. announced that all attacks would be halted", "Britain declared that its troops would
                    // be withdrawn": a state that announces a stand-down or concession with no agent named makes it
                    // (not force: "the UN said 20 people were killed" is no UN killing)
                    int speaker = speakerOf(s, v);
                    if (speaker >= 0) {
                        actors.addAll(actorsOf(s, speaker, mentions));
                        if (!actors.isEmpty()) {
                            rules.add("announced-concession");
                        }
                    }
                }
                if (actors.isEmpty() && t.entry().type() == EventType.CONSULT) {
                    // "talks were held in Cape Verde among Angolan, South African and UN representatives", "a
                    // meeting was held between X and Y": the parties to a meeting with no by-agent hold it
                    for (int c : s.children(v, "obl")) {
                        if (hasCase(s, c, "between", "among")) {
                            actors.addAll(actorsOf(s, c, mentions));
                        }
                    }
                }
                // "Assad had been granted asylum": with the theme still the verb's object, the passive subject is
                // whom it was given to
                if ((t.entry().objects().isEmpty() || themeObject(s, v, t) || forcedUpon(s, v, t))
                        && !rules.contains("units-moved")) {
                    for (int c : s.children(v, "nsubj:pass")) {
                        // "Els Borst, who was murdered in 2014": a relative pronoun stands for the noun it hangs on
                        recipients.addAll(actorsOf(s, relativeAntecedent(s, v, c), mentions));
                    }
                }
            } else if (t.nounHead() < 0 && "to".equals(t.entry().particle()) && YIELDING.contains(s.token(v).lemma())) {
                // "Jehol fell to the Japanese": the "to" phrase took what fell, from whom it belonged to
                for (int c : s.children(v)) {
                    if (s.relation(c).startsWith("obl") && hasCase(s, c, "to")) {
                        actors.addAll(actorsOf(s, c, mentions));
                    }
                }
                if (actors.isEmpty()) {
                    return null; // "prices fell to 5 %": taken by nobody
                }
                recipients.addAll(subjectOf(s, v, mentions, 0));
                rules.add("taken-by");
            } else if (t.nounHead() < 0 && t.entry().type() == EventType.AID
                    && RECEIVING.contains(s.token(v).lemma())) {
                // "Egypt received arms from Czechoslovakia": the giver is in the "from" phrase, the subject was given
                actors.addAll(fromPhrases(s, v, mentions));
                if (actors.isEmpty()) {
                    return null; // "Iran acquired missiles": with no giver named, no help between two parties is told
                }
                recipients.addAll(subjectOf(s, v, mentions, 0));
                rules.add("received");
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
            if (recipients.isEmpty() && t.nounHead() < 0 && t.entry().type() == EventType.CONSULT) {
                // "served as a conduit between Syria and Israel": whom the mediator's noun is between are mediated
                for (int c : s.children(v)) {
                    if ((s.is(c, "obj") || s.relation(c).startsWith("obl"))
                            && ArgumentQueries.MEDIATION.contains(s.token(c).lemma())) {
                        for (int g : s.children(c)) {
                            if (s.relation(g).startsWith("nmod") && hasCase(s, g, "between", "among")) {
                                recipients.addAll(actorsOf(s, g, mentions));
                            }
                        }
                    }
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
            if (recipients.isEmpty() && t.entry().type() == EventType.REQUEST) {
                // "appealed for an emergency meeting of the Security Council": what a body is asked to do, asked of it
                recipients.addAll(bodyAskedToAct(s, v, mentions, actors));
            }
            if (recipients.isEmpty() && t.entry().type() != null && CONTENT_TAKERS.contains(t.entry().type())
                    && s.is(v, "acl") && s.head(v) >= 0 && s.token(s.head(v)).isNoun()) {
                // "a cable to the Norland government demanding an apology", "a note to Moscow urging ...": the
                // verbal act a message carries is addressed to whom the message went
                for (int c : s.children(s.head(v))) {
                    if (s.relation(c).startsWith("nmod") && hasCase(s, c, "to")) {
                        for (Mention m : actorsOf(s, c, mentions)) {
                            if (!sameEntity(m, actors)) {
                                recipients.add(m);
                            }
                        }
                    }
                }
                if (!recipients.isEmpty()) {
                    rules.add("message-to");
                }
            }
        }
        if (actors.isEmpty() && !nominal) {
            // "TGB and VP members staged a protest": an unknown subject is still the actor; its country comes from
            // the place, its sector from what it did
            for (int c : s.children(v, isPassive(s, v) ? "obl" : "nsubj")) {
                Token st = s.token(c);
                boolean byAgent = !isPassive(s, v) || hasCase(s, c, "by");
                boolean agentLike = (st.isPluralNoun() || "PERSON".equals(st.ner())
                        || "ORGANIZATION".equals(st.ner()) || CROWD_NOUNS.contains(st.lemma()))
                        // WEAPON_NOT_ACTOR: "missiles struck": a weapon is nobody
                        && !WEAPONS_AND_ATTACKS.contains(st.lemma())
                        // INANIMATE_NOT_ACTOR: "sales should exceed", "shares shot up": goods, money and figures
                        && !Plurals.in(INANIMATE, st)
                        // "negotiations broke off", "talks collapsed": an event noun is what happened, not who acted
                        && !(byHead.containsKey(c) && byHead.get(c).nounHead() == c);
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
        if (actors.isEmpty() && !nominal && t.entry().type() != null && SHARED_ACTS.contains(t.entry().type())) {
            // "an agreement between Turkey and Pakistan was signed", "a treaty was signed between Congo and Belgium":
            // the parties between whom it was made made it
            actors.addAll(partiesBetween(s, v, mentions));
            if (!actors.isEmpty()) {
                how = "parties-between";
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
            if (!nominal && isPassive(s, v) && FORCE_UPON_PEOPLE.contains(t.entry().type())) {
                // "two opposition journalists were arrested": whom force is done to, and the words that say who they
                // are, did not do it (unless the subject is the row's theme: "rockets were fired")
                for (int c : s.children(v, "nsubj:pass")) {
                    if (!Plurals.in(t.entry().objects(), s.token(c))) {
                        candidates = candidates.stream().filter(m -> m.head() != c && !(s.head(m.head()) == c
                                && (s.is(m.head(), "compound") || s.is(m.head(), "amod")))).toList();
                    }
                }
            }
            int speaker = nominal || !isPassive(s, v) ? -1 : speakerOf(s, v);
            if (speaker >= 0) {
                // SPEAKER_NOT_AGENT: "Houthi officials said five fighters were killed": who reports a passive is
                // not its agent
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
            // VICTIM_NOT_ACTOR: whom force was done to does not act next ("killed 209 people and injured 714";
            // "warplanes bombed Sana'a, targeting ..."); PLACE_NOT_ACTOR: nor does a city in front of a noun
            // ("despite the Minsk agreements, shelling")
            candidates = candidates.stream().filter(m -> !actedUpon(s, m, byHead)
                    && !ArgumentQueries.cityModifier(s, m)).toList();
            // "the bombing which killed 209 people and injured 714": with a weapon or attack as the clause's subject,
            // only a name inside that subject ("Saudi-led coalition air raids targeted ...") is the perpetrator
            int weapon = nominal ? -1 : weaponOrAttackSubject(s, v, 0);
            if (weapon >= 0) {
                candidates = candidates.stream().filter(m -> s.dominates(weapon, m.head())).toList();
            }
            Mention left = nearest(s, candidates, t.first(), -1, recipients);
            if (left != null) {
                actors.addAll(conjunctsEndingWith(s, left, candidates, recipients));
                how = "nearest-left";
            }
        }
        return new Participants(actors, recipients, how, rules);
    }

    /**
     * The makers of an attack named as the setting of a passive act: "were killed in an Israeli airstrike", "died
     * during a Russian missile attack", "were wounded in Israeli shelling". The attack is a trigger of force named by
     * a noun in an "in" or "during" phrase of the verb; its nationality adjective, compound or possessor is the
     * actor.
     */
    private static List<Mention> attackAgents(ParsedSentence s, int v, Map<Integer, Trigger> byHead,
                                              List<Mention> mentions) {
        for (int c : s.children(v, "obl")) {
            Trigger attack = byHead.get(c);
            if (attack != null && s.token(c).isNoun() && attack.entry().type() == EventType.ASSAULT
                    && hasCase(s, c, "in", "during")) {
                // its maker, not the sides of a clash ("injured in a clash between supporters of X and Y")
                List<Mention> makers = new ArrayList<>();
                for (int m : s.children(c)) {
                    boolean maker = s.is(m, "nmod:poss") || s.is(m, "compound") || s.is(m, "amod")
                            || s.relation(m).startsWith("nmod") && hasCase(s, m, "by");
                    Mention who = maker ? covering(mentions, m) : null;
                    if (who != null && !makers.contains(who) && !ArgumentQueries.cityModifier(s, who)) {
                        makers.add(who);
                    }
                }
                if (!makers.isEmpty()) {
                    return makers;
                }
            }
        }
        return List.of();
    }

    /**
     * Completes a trigger's recipients in place: for a type that needs one and has none, the nearest coded mention to
     * the right of the trigger (outside an "as" phrase); then drops any recipient that is one of the actors, and for a
     * phrase trigger any inside the phrase.
     */
    void completeRecipients(ParsedSentence s, Trigger t, List<Mention> mentions, List<Mention> actors,
                            List<Mention> recipients) {
        int v = t.head();
        if (recipients.isEmpty() && t.entry().type() != null && (t.entry().type().requiresRecipient()
                || t.entry().type().quadClass() >= 3)) {
            List<Mention> toRight = describing(s, v, mentions);
            if (FORCE.contains(t.entry().type())) {
                // "fighting alongside Russian forces in Kursk": whom a force fights beside is no target
                List<Integer> allies = allyPhrases(s, v);
                toRight = toRight.stream().filter(m -> allies.stream().noneMatch(a -> s.dominates(a, m.head())))
                        .toList();
            }
            int speaker = reporterOf(s, t);
            if (speaker >= 0) {
                // "troops are fighting in Kursk, South Korea's spy agency said": who reports it is not its target
                toRight = toRight.stream().filter(m -> !s.dominates(speaker, m.head())).toList();
            }
            Mention right = nearest(s, toRight, t.last(), +1, actors);
            if (right != null && MATERIAL_TRANSFER.contains(t.entry().type()) && right.source() == Mention.Source.AGENT
                    && armed(right)) {
                right = null; // UNITS_SENT: "sent two battalions to the frontier": the units are not whom they are for
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
    }

    /** Nouns of owning an act: "claimed responsibility for", "took credit for". */
    private static final Set<String> RESPONSIBILITY = WordSets.bundled().set("responsibility-nouns");

    /**
     * Who claims the act a noun names: the subject of "claimed responsibility (or credit) for the attack", or of a
     * copular "was behind the attack"; none otherwise.
     */
    private static List<Mention> claimants(ParsedSentence s, int noun, List<Mention> mentions) {
        int h = s.head(noun);
        if (h >= 0 && s.relation(noun).startsWith("nmod") && hasCase(s, noun, "for")
                && RESPONSIBILITY.contains(s.token(h).lemma()) && s.is(h, "obj") && s.head(h) >= 0) {
            return subjectOf(s, s.head(h), mentions, 0);
        }
        if (hasCase(s, noun, "behind") && !s.children(noun, "cop").isEmpty()) {
            List<Mention> out = new ArrayList<>();
            for (int c : s.children(noun, "nsubj")) {
                out.addAll(actorsOf(s, c, mentions));
            }
            return out;
        }
        return List.of();
    }

    /** Verbs whose "to" phrase takes their subject: "Jehol fell to the Japanese". */
    private static final Set<String> YIELDING = WordSets.bundled().set("yielding-verbs");

    /** Verbs of receiving: the subject of "received aid from X" is given to, X gives. */
    private static final Set<String> RECEIVING = WordSets.bundled().set("receiving-verbs");

    /** The parties named in the "from" phrases of {@code v}. */
    private static List<Mention> fromPhrases(ParsedSentence s, int v, List<Mention> mentions) {
        List<Mention> out = new ArrayList<>();
        for (int c : s.children(v)) {
            if (s.relation(c).startsWith("obl") && hasCase(s, c, "from")) {
                out.addAll(actorsOf(s, c, mentions));
            }
        }
        return out;
    }

    /** Verbs of answering a proposal or request: who weighs or rejects a request did not make it. */
    private static final Set<String> ANSWERING = WordSets.bundled().set("answering-verbs");

    /** Prepositions that name whom an act is done beside: "alongside Russian forces", "beside the army". */
    private static final Set<String> BESIDE = WordSets.bundled().set("beside-prepositions");

    /**
     * The parties named in an "alongside" or "beside" phrase of {@code v} ("fought alongside Russian troops"), and in
     * "together with" or "on the side of" ones: allies in the act, neither its targets nor its victims.
     */
    static List<Mention> allies(ParsedSentence s, int v, List<Mention> mentions) {
        List<Mention> out = new ArrayList<>();
        for (int c : allyPhrases(s, v)) {
            out.addAll(actorsOf(s, c, mentions));
        }
        return out;
    }

    /** The heads of the phrases of {@code v} that name an ally (see {@link #allies}). */
    static List<Integer> allyPhrases(ParsedSentence s, int v) {
        List<Integer> out = new ArrayList<>();
        for (int c : s.children(v)) {
            String rel = s.relation(c);
            if (!rel.startsWith("obl") && !rel.startsWith("advmod") && !rel.startsWith("nmod")) {
                continue;
            }
            boolean beside = false;
            for (int k : s.children(c, "case")) {
                String w = s.token(k).lemma().toLowerCase(java.util.Locale.ROOT);
                beside |= BESIDE.contains(w) || w.equals("with") && k > 0
                        && s.token(k - 1).lemma().equalsIgnoreCase("together");
            }
            if (beside) {
                out.add(c);
            } else if (s.token(c).lemma().equals("side") && hasCase(s, c, "on")) {
                // "on the side of the Serbs": the party hangs under "side"
                for (int g : s.children(c)) {
                    if (s.relation(g).startsWith("nmod") && hasCase(s, g, "of")) {
                        out.add(g);
                    }
                }
            }
        }
        return out;
    }

    /** Things, money and figures that business news makes the subject of verbs of acting ("sales", "shares"). */
    private static final Set<String> INANIMATE = WordSets.bundled().set("inanimate-nouns");

    /** Verbs whose subject undergoes the act their object names: "survived an attack", "repelled an assault". */
    private static final Set<String> UNDERGOING = WordSets.bundled().set("undergoing");

    /** Verbs of killing and wounding, whose object or passive subject is a victim. */
    private static final Set<String> VIOLENCE = WordSets.bundled().union("kill", "injure");

    /**
     * The verb's subject, its own or the one a conjunct or relative clause shares, when it is a weapon or an attack;
     * else -1.
     */
    static int weaponOrAttackSubject(ParsedSentence s, int v, int depth) {
        for (int c : s.children(v, "nsubj")) {
            if (s.is(c, "nsubj:pass")) {
                continue;
            }
            int h = c;
            String w = s.token(c).lemma();
            if ((w.equals("which") || w.equals("that")) && s.is(v, "acl") && s.head(v) >= 0) {
                h = s.head(v);
            }
            return Plurals.in(WEAPONS_AND_ATTACKS, s.token(h)) ? h : -1;
        }
        return depth < 3 && s.is(v, "conj") && s.head(v) >= 0 && s.token(s.head(v)).isVerb()
                ? weaponOrAttackSubject(s, s.head(v), depth + 1) : -1;
    }

    /**
     * Whether the mention is whom force was done to: the object or passive subject of a verb of killing or wounding
     * ("killed 209 people") or of another trigger of force in the sentence ("warplanes bombed Sana'a, targeting a
     * leader's house" does not make Sana'a, what was bombed, the one who targets).
     */
    private static boolean actedUpon(ParsedSentence s, Mention m, Map<Integer, Trigger> byHead) {
        int h = m.head();
        if (!(s.is(h, "obj") || s.is(h, "nsubj:pass")) || s.head(h) < 0) {
            return false;
        }
        if (VIOLENCE.contains(s.token(s.head(h)).lemma())) {
            return true;
        }
        Trigger g = byHead.get(s.head(h));
        return g != null && (g.entry().type() == EventType.ASSAULT || g.entry().type() == EventType.COERCE);
    }

    /**
     * "Ukrainian forces had been driven out of Kursk", "two soldiers were captured": the passive subject of a row of
     * force is the very object the row names, so it is whom the force was used on.
     */
    private static boolean forcedUpon(ParsedSentence s, int v, Trigger t) {
        EventType type = t.entry().type();
        if (type != EventType.ASSAULT && type != EventType.COERCE) {
            return false;
        }
        for (int c : s.children(v, "nsubj:pass")) {
            if (Plurals.in(t.entry().objects(), s.token(c)) && !weaponFired(s, v, c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * "Russian missiles were fired at Kyiv", "drones were launched at Odesa": the passive subject {@code c} of a verb
     * of firing {@code v} is the weapon used, not the target (unlike "Russian drones were downed").
     */
    private static boolean weaponFired(ParsedSentence s, int v, int c) {
        return WEAPON_USE_VERBS.contains(s.token(v).lemma()) && Plurals.in(WEAPONS_AND_ATTACKS, s.token(c));
    }

    /** Types of force done to people, whose passive subject is the people it was done to. */
    private static final Set<EventType> FORCE_UPON_PEOPLE = Set.of(EventType.ASSAULT, EventType.COERCE);

    /** Verbs whose object is the weapon used ("fired missiles", "launched drones", "dropped bombs"). */
    static final Set<String> WEAPON_USE_VERBS = WordSets.bundled().set("weapon-use-verbs");

    /** Stances whose content clause is what they are about, not an event of its own. */
    static final Set<EventType> CONTENT_TAKERS = Set.of(EventType.AGREE, EventType.REQUEST, EventType.REJECT,
            EventType.THREATEN, EventType.ACCUSE);

    /** Types whose object is usually what is given or moved (own troops, aid), not whom it is for. */
    private static final Set<EventType> MATERIAL_TRANSFER = Set.of(EventType.AID, EventType.MOBILIZE,
            EventType.COOPERATE, EventType.RETREAT, EventType.AGREE, EventType.SUPPORT, EventType.CONCEDE);

    /** Types that use force, where "with" names the means ("struck with Iranian drones"), not a partner. */
    private static final Set<EventType> FORCE = Set.of(EventType.ASSAULT, EventType.COERCE, EventType.MOBILIZE);

    /** What two parties make or hold together (agreement, treaty, talks, relations), named with "between" them. */
    private static final Set<String> BILATERAL_NOUNS = WordSets.bundled().set("bilateral-nouns");
    /** Acts that two parties do together (an agreement signed, talks held), which may name them "between" them. */
    private static final Set<EventType> SHARED_ACTS = Set.of(EventType.AGREE, EventType.SUPPORT, EventType.CONSULT,
            EventType.COOPERATE);

    /**
     * The parties named "between" them by what verb {@code v} acts on, its object or passive subject when that is
     * an agreement, talks or relations (bilateral-nouns: "signed an agreement between X and Y", "an agreement
     * between X and Y was signed"), or by a passive verb itself ("was signed in Leopoldville between Congo and
     * Belgium"); none otherwise.
     */
    private static List<Mention> partiesBetween(ParsedSentence s, int v, List<Mention> mentions) {
        List<Integer> holders = new ArrayList<>();
        for (int c : s.children(v)) {
            if (s.is(c, "obj") || s.is(c, "nsubj:pass")) {
                holders.add(c);
            }
        }
        if (isPassive(s, v)) {
            holders.add(v);
        }
        for (int h : holders) {
            if (h != v && !BILATERAL_NOUNS.contains(s.token(h).lemma())) {
                continue; // "discussed tensions between the two sides": what is discussed, not who discusses
            }
            for (int k : s.children(h)) {
                String rel = s.relation(k);
                if ((rel.startsWith("nmod") || h == v && rel.startsWith("obl")) && hasCase(s, k, "between")) {
                    List<Mention> parties = actorsOf(s, k, mentions);
                    if (parties.size() >= 2) {
                        return parties;
                    }
                }
            }
        }
        return List.of();
    }

    /** Sectors of armed forces and armed groups. */
    private static final Set<String> ARMED = Set.of("MIL", "REB", "PRM", "UAF", "INS");

    /** An armed sector: forces, rebels, militias (a mention with no sector is not; {@code Set.of} refuses null). */
    static boolean armed(Mention m) {
        return m.sector() != null && ARMED.contains(m.sector());
    }

    /** Nouns for what an international body is asked to hold, send or do: a meeting, troops, an inquiry. */
    private static final Set<String> BODY_ACTIONS = WordSets.bundled().set("body-actions");

    /**
     * The international body named as the owner of what a request asks for, in its object or "for" phrase
     * ("called for an urgent meeting of the Security Council", "appealed for troops from the UN"); empty where there
     * is none.
     */
    private static List<Mention> bodyAskedToAct(ParsedSentence s, int v, List<Mention> mentions, List<Mention> actors) {
        List<Mention> out = new ArrayList<>();
        for (int c : s.children(v)) {
            if (!(s.is(c, "obj") || s.relation(c).startsWith("obl") && hasCase(s, c, "for"))
                    || !BODY_ACTIONS.contains(Plurals.singular(s.token(c)))) {
                continue;
            }
            for (int g : s.children(c)) {
                Mention body = s.relation(g).startsWith("nmod") && hasCase(s, g, "of", "from", "by")
                        || s.is(g, "compound") ? covering(mentions, g) : null;
                if (body != null && "IGO".equals(body.code()) && body.collective() && !sameEntity(body, actors)
                        && !out.contains(body)) {
                    out.add(body);
                }
            }
        }
        return out;
    }

    /** Nouns for what one party puts to another: demands, requests, proposals, offers. */
    private static final Set<String> PROPOSALS = WordSets.bundled().set("proposals");

    /** Verbs whose "in" oblique names an event the subject takes part in. */
    private static final Set<String> PARTICIPATION = WordSets.bundled().set("participation");

    /** Words for what an actor did in answer to something, verbs and nouns ("responded with", "its reaction was"). */
    private static final Set<String> RESPONSES = WordSets.bundled().set("responses");

    /** Weapons and attacks, which are nobody: "missiles struck" names no agent. */
    private static final Set<String> WEAPONS_AND_ATTACKS = WordSets.bundled().set("weapons-and-attacks");

    /** Verbs that hand a person or place over to another party, whose "to" oblique is the recipient. */
    private static final Set<String> CUSTODY_TRANSFERS = WordSets.bundled().set("custody-transfers");

    private static final Set<String> ORIGIN_PARTICIPLES = WordSets.bundled().set("origin-participles");
    private static final Set<String> PATRON_PARTICIPLES = WordSets.bundled().set("patron-participles");
    private static final Set<String> CROWD_NOUNS = WordSets.bundled().set("crowd-nouns");
    /** Prepositions of the obliques that may name an accusation's target or an event's recipient, in that order. */
    private static final List<String> ACCUSED_OBLIQUES = WordSets.bundled().list("accused-obliques");
    private static final List<String> RECIPIENT_OBLIQUES = WordSets.bundled().list("recipient-obliques");

    /** Event types whose verbs give or withhold something to someone: the types with a dative passive. */
    private static final Set<EventType> GIVING = Set.of(EventType.AID, EventType.CONCEDE, EventType.REJECT,
            EventType.AGREE, EventType.SUPPORT, EventType.COOPERATE);

    /**
     * "Saddam Hussein arrived in Amman on a visit", "left for Moscow for talks": the one who travels consults
     * the host named by where the journey goes.
     */
    private static void travellerAndHost(ParsedSentence s, int verb, int purpose, List<Mention> mentions,
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

    /** The passive subjects of {@code v} that are a demand, request or offer ("the Israeli demand was refused"). */
    private static List<Integer> proposalSubjects(ParsedSentence s, int v) {
        return s.children(v, "nsubj:pass").stream().filter(c -> PROPOSALS.contains(s.token(c).lemma())).toList();
    }

    /**
     * The coded mentions inside a passive subject that is a demand, request or offer ("the Israeli demand"), less
     * those in a clause that tells its content ("the demand that Syria commit itself": Syria is asked).
     */
    private static List<Mention> proposalAuthors(ParsedSentence s, int v, List<Mention> mentions) {
        List<Mention> out = new ArrayList<>();
        for (int c : proposalSubjects(s, v)) {
            for (Mention m : mentions) {
                if (m.head() >= 0 && m.code() != null && s.dominates(c, m.head())
                        // "the Israeli demand that Syria commit itself": who is asked did not make it
                        && s.children(c).stream().noneMatch(k -> s.relation(k).startsWith("acl")
                        && s.dominates(k, m.head()))) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    private static boolean statePassive(ParsedSentence s, int v, EventType type) {
        // ("Chile and Argentina were engaged in negotiations": who is engaged in talks holds them)
        boolean takingPart = PARTICIPATION.contains(s.token(v).lemma());
        if (type != EventType.REJECT && type != EventType.AGREE && type != EventType.SUPPORT && !takingPart) {
            return false;
        }
        if (!proposalSubjects(s, v).isEmpty()) {
            return false; // "Egypt's offer was turned down": the offer is answered, Egypt holds no stance
        }
        for (int c : s.children(v, "obl")) {
            if (hasCase(s, c, "by")) {
                return false;
            }
        }
        return true;
    }

    static List<Mention> verbRecipients(ParsedSentence s, int v, TriggerEntry e, List<Mention> mentions,
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
        List<Integer> objects = s.children(v, "obj");
        if (objects.isEmpty() && s.is(v, "conj") && s.head(v) >= 0 && s.children(v, "nsubj").isEmpty()) {
            // "which Tehran has funded and armed": the conjuncts of a relative clause share its relative pronoun
            objects = s.children(s.head(v), "obj").stream()
                    .filter(o -> relativeAntecedent(s, s.head(v), o) != o).toList();
        }
        if (objects.isEmpty() && !e.objects().isEmpty() && isPassive(s, v) && type == EventType.REQUEST) {
            // "U.S. aid was requested by France", "German advice was sought": the passive subject is what the request
            // asks for, and its party is whom it asks, as in the active
            objects = s.children(v, "nsubj:pass");
        }
        for (int c : objects) {
            // "Hamas, which Tehran has funded and armed": the relative pronoun stands for Hamas
            List<Mention> r = actorsOf(s, relativeAntecedent(s, v, c), mentions);
            // "offered its troops to Lebanon": what the actor moves of its own is not whom it is for
            r.removeIf(m -> transfer && (m.generic() || sameEntity(m, actors) || m.source() == Mention.Source.AGENT
                    && m.entry() != null && actors.stream().anyMatch(a -> a.entry() != null && a.entry().equals(m.entry()))
                    // UNITS_SENT: "sent two battalions to the frontier": armed units moved are what is sent
                    || m.source() == Mention.Source.AGENT && armed(m)
                    // "sent a field hospital and helmets for Ukrainian rescuers": a body of people sent is sent
                    || m.source() == Mention.Source.AGENT && m.entry() == null && m.code() == null)
                    || !e.objects().isEmpty() && m.head() == c && m.generic()
                    // "suspended its trade agreement with Bolivia": the actor's own possession names no other party
                    || s.is(m.head(), "nmod:poss") && s.head(m.head()) == c && sameEntity(m, actors));
            if (!r.isEmpty()) {
                return r;
            }
            if (type == EventType.ACCUSE && ContextStage.ATTACK_NOUNS.contains(s.token(c).lemma())) {
                // CONDEMNED_VICTIMS: "condemned the strikes by the United States on Yemen": a condemnation of an
                // attack is aimed at the attackers, never at its victims; with no attacker named, "the strikes" is an
                // event anaphor
                for (int cc : s.children(c)) {
                    if (s.relation(cc).startsWith("nmod") && hasCase(s, cc, "by")) {
                        List<Mention> r2 = actorsOf(s, cc, mentions);
                        if (!r2.isEmpty()) {
                            return r2;
                        }
                    }
                }
                return List.of();
            }
            // "sent troops to Russia" parsed with the oblique under the object
            for (int cc : s.children(c)) {
                if (s.relation(cc).startsWith("nmod") && (hasCase(s, cc, "to", "against", "on", "into")
                        && !withdrawnTo(e, caseOf(s, cc))
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
        if (objects.isEmpty() && !e.objects().isEmpty() && isPassive(s, v)) {
            // "sanctions against Rhodesia were imposed by Britain", "an embargo on Libya was declared": the row's
            // theme is the passive subject, and whom its phrase is against is whom the act is aimed at, as in the
            // active (not the theme's own nationality: "Russian troops were withdrawn")
            for (int c : s.children(v, "nsubj:pass")) {
                if (!Plurals.in(e.objects(), s.token(c))) {
                    continue;
                }
                for (int cc : s.children(c)) {
                    if (s.relation(cc).startsWith("nmod") && hasCase(s, cc, "to", "against", "on", "into")) {
                        List<Mention> r = actorsOf(s, cc, mentions);
                        r.removeIf(m -> sameEntity(m, actors));
                        if (!r.isEmpty()) {
                            return r;
                        }
                    }
                }
            }
        }
        List<Integer> obls = s.children(v, "obl");
        List<String> order = type == EventType.ACCUSE
                // "complained to the UN over Israeli raids": the accused is what the complaint is about
                ? ACCUSED_OBLIQUES
                : RECIPIENT_OBLIQUES;
        for (String want : order) {
            for (int c : obls) {
                String p = caseOf(s, c);
                if (p == null || !p.equals(want)) {
                    continue;
                }
                if (want.equals("from") && type != EventType.REQUEST && type != EventType.RETREAT
                        && type != EventType.SANCTION || withdrawnTo(e, want)) {
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

    /**
     * "withdrew its troops to Chinese territory", "retreated to the city": where forces withdraw to is the place they
     * fall back on, not whom the withdrawal is aimed at (that is where they withdraw from).
     */
    private static boolean withdrawnTo(TriggerEntry e, String preposition) {
        return e.type() == EventType.RETREAT && "withdraw".equals(e.mode()) && preposition != null
                && WITHDRAWN_TO.contains(preposition);
    }

    private static final Set<String> WITHDRAWN_TO = WordSets.bundled().set("withdrawal-destinations");

    /** "pledged 700 million euros in military support for Ukraine": a "for"/"to" beneficiary down the object's nmods. */
    private static List<Mention> beneficiaryUnder(ParsedSentence s, int noun, List<Mention> mentions, int depth) {
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

    private static List<Mention> complementRecipients(ParsedSentence s, int v, List<Mention> mentions,
                                                      List<Mention> actors, int depth) {
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

    /**
     * "the DPRK and the U.S. held talks" parsed with no subject: the nearest mention on the left is the last of a
     * conjunction of parties, all of which act, first named first.
     */
    private static List<Mention> conjunctsEndingWith(ParsedSentence s, Mention last, List<Mention> candidates,
                                                     List<Mention> exclude) {
        if (!s.is(last.head(), "conj") || s.head(last.head()) < 0) {
            return List.of(last);
        }
        Mention first = covering(candidates, s.head(last.head()));
        if (first == null || first == last || exclude.contains(first) || first.code() == null) {
            return List.of(last);
        }
        List<Mention> out = new ArrayList<>(3);
        out.add(first);
        for (int c : s.children(first.head(), "conj")) {
            Mention m = covering(candidates, c);
            if (m != null && m.code() != null && !out.contains(m) && !exclude.contains(m)) {
                out.add(m);
            }
        }
        if (!out.contains(last)) {
            out.add(last);
        }
        return out;
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
            if (!governed && !madeIn(s, m) && !source(s, m)) {
                out.add(m);
            }
        }
        return out;
    }

    /** "According to the Pentagon, ...": the source a sentence cites is no party to what it reports. */
    private static boolean source(ParsedSentence s, Mention m) {
        for (int x = m.head(), depth = 0; x >= 0 && depth < 4; x = s.head(x), depth++) {
            if (hasCase(s, x, "according")) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@link #WEAPON_ORIGIN}: "Iranian-made drones", "Russian-built jets": the country a thing comes from, which is not
     * who used it unless the text says so; likewise the patron of "Iran-backed militias", "US-trained units", who
     * stands behind the actor but is not it.
     */
    private static boolean madeIn(ParsedSentence s, Mention m) {
        int k = m.last() + 1;
        if (k < s.size() && s.token(k).word().equals("-")) {
            k++;
        }
        if (k >= s.size() || k == m.last() + 1) {
            return false;
        }
        String w = s.token(k).word().toLowerCase(Locale.ROOT);
        return ORIGIN_PARTICIPLES.contains(w) || PATRON_PARTICIPLES.contains(w);
    }

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
     * The subject of the reporting verb whose complement holds verb {@code v} (through conjuncts), or of a reporting
     * verb in parataxis under it; -1 for none.
     */
    /**
     * The subject of the reporting verb that reports trigger {@code t} (see {@link #speakerOf}; for an event noun,
     * the verb that governs it), or -1.
     */
    int reporterOf(ParsedSentence s, Trigger t) {
        int clause = t.nominal() ? governingVerb(s, t.head()) : t.head();
        return clause < 0 ? -1 : speakerOf(s, clause);
    }

    int speakerOf(ParsedSentence s, int v) {
        for (int p : s.children(v)) {
            // "troops are fighting in Kursk, South Korea's spy agency said": the report hangs under what it reports
            // (as parataxis, or misparsed as its complement)
            if ((s.is(p, "parataxis") || s.is(p, "ccomp") && p > v) && clauses.reports(s, p)
                    && !s.children(p, "nsubj").isEmpty()) {
                return s.children(p, "nsubj").get(0);
            }
        }
        int x = v;
        for (int depth = 0; depth < 3; depth++) {
            int h = s.head(x);
            if (h < 0) {
                return -1;
            }
            if (clauses.reportedBy(s, x, h)) {
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

    /**
     * Who fired the weapons a defensive verb acts on, its object or passive subject: a mention modifying them
     * ("Houthi drones", "Iran's missiles", "a U.S. plane was shot down") or under "from"/"by" in a clause on them
     * ("drones launched from Yemen"); none otherwise.
     */
    static List<Mention> weaponOwners(ParsedSentence s, int v, List<Mention> mentions, List<Mention> defenders) {
        List<Mention> out = new ArrayList<>();
        List<Integer> weapons = new ArrayList<>(s.children(v, "obj"));
        weapons.addAll(s.children(v, "nsubj:pass")); // "a U.S. plane was shot down by a North Korean aircraft"
        for (int w : weapons) {
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
}
