package org.faultline.coding.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.faultline.coding.actors.Mention;
import org.faultline.coding.actors.PlaceMention;
import org.faultline.coding.kb.ActorEntry;
import org.faultline.coding.kb.FormType;
import org.faultline.nlp.ParsedSentence;

/**
 * What the coder knows about the document read so far: the actors named earlier (for "they", "it", "the
 * regime", "the president"), the document's setting country and the last place named. One per document;
 * not thread-safe.
 */
public final class DocumentContext {
    private final String setting;
    private final List<Mention> history = new ArrayList<>();
    /** Titles given to named persons, by surname ({@link #titled}). */
    private final Map<String, Mention> titledPersons = new HashMap<>();
    private static final Mention AMBIGUOUS = new Mention(-1, 0, 0, 0, 0, 0, "", "", null, null, null,
            Mention.Source.TITLE, "ambiguous");
    private final java.util.Set<Mention> subjects = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    /** Nationality adjectives on a plural noun ("Israeli jets", "Russian forces"): a group "they" can take up. */
    private final java.util.Set<Mention> groups = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    /** Each earlier mention's conjuncts of other codes in its own sentence ("Ethiopia and Somalia"). */
    private final java.util.Map<Mention, List<Mention>> conjuncts = new java.util.IdentityHashMap<>();
    private PlaceMention lastPlace;
    private List<Mention> resolvedPronouns = List.of();
    private List<Mention> lastAttackers = List.of();
    private List<Mention> lastOpposed = List.of();
    private final java.util.Map<org.faultline.model.EventType, List<Mention>> makersByType =
            new java.util.EnumMap<>(org.faultline.model.EventType.class);
    private final java.util.Map<org.faultline.model.EventType, List<Mention>> addresseesByType =
            new java.util.EnumMap<>(org.faultline.model.EventType.class);
    private final java.util.Map<String, List<Mention>> attackersByWord = new java.util.HashMap<>();
    private final java.util.Map<String, Mention> adversaries = new java.util.HashMap<>();

    public DocumentContext(String setting) {
        this.setting = setting;
    }

    /**
     * The country a document is about: the most frequent country among its places and named state actors
     * (places weigh double: "in Borno state" says where more than "Nigerian troops" does); ties go to the
     * first named.
     */
    public static String settingOf(List<Mention> mentions, List<PlaceMention> places) {
        Map<String, Integer> score = new HashMap<>();
        Map<String, Integer> first = new HashMap<>();
        int order = 0;
        for (PlaceMention p : places) {
            score.merge(p.place().country(), 2, Integer::sum);
            first.putIfAbsent(p.place().country(), order++);
        }
        for (Mention m : mentions) {
            if (m.code() != null && m.entry() != null && m.entry().kind() == ActorEntry.Kind.STATE) {
                score.merge(m.code(), 1, Integer::sum);
                first.putIfAbsent(m.code(), order++);
            }
        }
        String best = null;
        for (Map.Entry<String, Integer> e : score.entrySet()) {
            if (best == null || e.getValue() > score.get(best)
                    || e.getValue().equals(score.get(best)) && first.get(e.getKey()) < first.get(best)) {
                best = e.getKey();
            }
        }
        return best;
    }

    public String setting() {
        return setting;
    }

    /**
     * Remembers a sentence's mentions for later pronouns and descriptions; with the parse, a mention that is (or
     * modifies) a clause's subject is marked as more salient than objects and obliques of the same sentence.
     */
    public void remember(List<Mention> mentions, List<PlaceMention> places, ParsedSentence parse) {
        List<Mention> kept = new ArrayList<>(mentions.size() + resolvedPronouns.size());
        for (Mention m : mentions) {
            if (m.code() != null && m.source() != Mention.Source.PRONOUN) {
                kept.add(m);
            }
        }
        for (Mention m : resolvedPronouns) {
            // "Ukraine has shown ... It has struck ... It is pressing": a resolved pronoun carries its antecedent on,
            // so the chain's subject stays the most salient candidate for the next sentence
            if (m.code() != null && m.sentence() == parse.index()) {
                kept.add(m);
            }
        }
        resolvedPronouns = List.of();
        kept.sort(java.util.Comparator.comparingInt(Mention::first));
        for (Mention m : kept) {
            history.add(m);
            if (subject(parse, m)) {
                subjects.add(m);
            }
            if (parse.parsed() && m.form() == FormType.ADJECTIVE && m.sentence() == parse.index()
                    && (parse.is(m.head(), "amod") || parse.is(m.head(), "compound")) && parse.head(m.head()) >= 0
                    && parse.token(parse.head(m.head())).pos().equals("NNS")) {
                groups.add(m);
            }
        }
        for (Mention m : kept) {
            List<Mention> others = ContextStage.conjoinedWith(parse, m, kept);
            if (!others.isEmpty()) {
                conjuncts.put(m, List.copyOf(others));
            }
        }
        for (PlaceMention p : places) {
            if (!WhereStage.subjectPlace(parse, p)) {
                lastPlace = p; // (a country that acted, "supported by the Netherlands", is no place for what follows)
            }
        }
    }

    /**
     * "The Council" after "the OAS Council", "the Assembly" after "the UN General Assembly": the latest body named in
     * full, in this sentence before the mention or earlier in the document, whose name ends in {@code word}; an
     * international or non-state body only (a state's own organs take their country the usual way), named or a generic
     * body with its organisation in front ("OAS Council"); or null.
     */
    Mention shortNamed(String word, List<Mention> earlierInSentence) {
        for (int i = earlierInSentence.size() - 1; i >= 0; i--) {
            if (fullNameEndingIn(earlierInSentence.get(i), word)) {
                return earlierInSentence.get(i);
            }
        }
        for (int i = history.size() - 1; i >= 0; i--) {
            if (fullNameEndingIn(history.get(i), word)) {
                return history.get(i);
            }
        }
        return null;
    }

    /**
     * The latest person named earlier in this sentence or the document with more words than the bare name
     * ({@code words}) and whose name ends in {@code surname} ("Anna Lindqvist" for "Lindqvist"); null when two
     * different persons of that surname were named (two Bushes, two Kennedys: the bare name is ambiguous); with none
     * named, the title a person of that surname was named under ({@link #titled}), or null.
     */
    Mention personWithSurname(String surname, int words, List<Mention> earlierInSentence) {
        Mention found = null;
        for (List<Mention> mentions : List.of(earlierInSentence, history)) { // latest first
            for (int i = mentions.size() - 1; i >= 0; i--) {
                Mention m = mentions.get(i);
                if (m.code() == null || m.entry() == null || m.entry().kind() != ActorEntry.Kind.PERSON
                        || m.source() != Mention.Source.NAME) {
                    continue;
                }
                String[] parts = m.text().trim().split("\\s+");
                if (parts.length <= words || !parts[parts.length - 1].equals(surname)) {
                    continue;
                }
                if (found == null) {
                    found = m;
                } else if (!found.entry().name().equals(m.entry().name()) || !found.code().equals(m.code())) {
                    return null; // (one person in two offices, "Nasser" as premier and as president, is one person)
                }
            }
        }
        if (found == null) {
            Mention title = titledPersons.get(surname);
            return title == AMBIGUOUS ? null : title;
        }
        return found;
    }

    /** Remembers the title a named person was given ("Norland's President Anna Lindqvist") under the surname. */
    void titled(String surname, Mention title) {
        Mention before = titledPersons.get(surname);
        if (before != null && before != AMBIGUOUS && !before.code().equals(title.code())) {
            titledPersons.put(surname, AMBIGUOUS); // two holders of one surname in two countries: neither
        } else if (before == null) {
            titledPersons.put(surname, title);
        }
    }

    private static boolean fullNameEndingIn(Mention m, String word) {
        if (m.code() == null || m.entry() == null
                || m.source() != Mention.Source.NAME && m.source() != Mention.Source.AGENT
                || m.entry().kind() != ActorEntry.Kind.IGO && m.entry().kind() != ActorEntry.Kind.NGO) {
            return false;
        }
        String t = m.text().trim();
        int sp = t.lastIndexOf(' ');
        return sp > 0 && t.substring(sp + 1).equalsIgnoreCase(word);
    }

    /** Whether the mention is a subject or sits in one ("Hezbollah fighters crossed": Hezbollah modifies it). */
    static boolean subject(ParsedSentence s, Mention m) {
        if (!s.parsed()) {
            // a sentence the filter did not parse (no trigger word): the tagger's words before the first verb
            for (int i = 0; i < m.first() && i < s.size(); i++) {
                if (s.token(i).isVerb()) {
                    return false;
                }
            }
            return true;
        }
        return subjectVerb(s, m, true) >= 0;
    }

    /**
     * The attackers of an asserted attack told with the word {@code lemma}, which a later "the strikes" refers back
     * to; a later attack replaces them.
     */
    void attacked(String lemma, List<Mention> attackers) {
        lastAttackers = List.copyOf(attackers);
        attackersByWord.put(lemma, lastAttackers);
    }

    /**
     * The two sides of the latest asserted conflictual event between two parties ("Ethiopia's troops attacked
     * Eritrean posts", "India and Pakistan clashed"), which a later "the parties" or "both sides" means.
     */
    void opposed(Mention one, Mention other) {
        lastOpposed = List.of(one, other);
    }

    /**
     * The makers of an asserted stance of this type (a demand, an offer, an accusation), which a later "the demand",
     * "the proposal" or "the charge" that is rejected or accepted refers back to; a later one of the type replaces
     * them.
     */
    void stated(org.faultline.model.EventType type, List<Mention> makers) {
        makersByType.put(type, List.copyOf(makers));
    }

    /**
     * The parties an asserted stance of this type was addressed to (the demand's addressee, the offer's), which a
     * later "the demand was refused" that names no refuser means; a later one of the type replaces them.
     */
    void addressed(org.faultline.model.EventType type, List<Mention> addressees) {
        addresseesByType.put(type, List.copyOf(addressees));
    }

    /** The addressees of the latest asserted stance of this type ({@link #addressed}), or an empty list. */
    List<Mention> lastAddressees(org.faultline.model.EventType type) {
        return addresseesByType.getOrDefault(type, List.of());
    }

    /**
     * The mentions an earlier mention was conjoined with in its own sentence, of other codes ("Ethiopia and Somalia
     * clashed. They ...": "they" is both), or an empty list.
     */
    List<Mention> conjunctsOf(Mention m) {
        return conjuncts.getOrDefault(m, List.of());
    }

    /** The makers of the latest asserted stance of this type, or an empty list. */
    List<Mention> lastMakers(org.faultline.model.EventType type) {
        return makersByType.getOrDefault(type, List.of());
    }

    /**
     * One party acted against another ("Argentina seized the islands", "Britain demanded Argentina's withdrawal"):
     * each is, until either acts against a third, the other's adversary, whom a later act by one that names nobody
     * ("London expressed deep anxiety") is aimed at.
     */
    void opposedBy(Mention actor, Mention recipient) {
        adversaries.put(actor.code(), recipient);
        adversaries.put(recipient.code(), actor);
    }

    /** The party this one last acted against or was acted against by ({@link #opposedBy}), or {@code null}. */
    Mention adversaryOf(String code) {
        return adversaries.get(code);
    }

    /** The two sides of the latest confrontation ({@link #opposed}), or an empty list. */
    List<Mention> lastOpposed() {
        return lastOpposed;
    }

    /** The attackers of the latest attack told with this word ("struck" for "the strikes"), else of the latest. */
    List<Mention> lastAttackers(String lemma) {
        return attackersByWord.getOrDefault(lemma, lastAttackers);
    }

    /** The pronouns of the sentence being coded as resolved, remembered with the sentence's other mentions. */
    void resolved(List<Mention> pronouns) {
        resolvedPronouns = List.copyOf(pronouns);
    }

    /**
     * "Kyiv says its units exchanged fire with them": a state or capital named alone in the pronoun's own sentence
     * is "it", not "they" (one conjoined with another, "Iran and Iraq ... they", is not alone).
     */
    private static boolean singularState(ParsedSentence s, Mention m, Mention pronoun) {
        if (s == null || !s.parsed() || m.sentence() != pronoun.sentence() || m.entry() == null
                || m.entry().kind() != ActorEntry.Kind.STATE || !(m.form() == FormType.NAME || m.form() == FormType.METONYM)
                || m.source() != Mention.Source.NAME) {
            return false;
        }
        return !s.is(m.head(), "conj") && s.children(m.head(), "conj").isEmpty();
    }

    /**
     * The verb whose subject the mention is or sits in (through modifiers, and with {@code throughConjuncts} through
     * conjuncts and appositions too: "Iran and Iraq", "Hamas, the group that ..."), or -1.
     */
    private static int subjectVerb(ParsedSentence s, Mention m, boolean throughConjuncts) {
        int tok = m.head();
        for (int depth = 0; depth < 3 && tok >= 0; depth++) {
            String rel = s.relation(tok);
            if (rel == null) {
                return -1;
            }
            if (rel.startsWith("nsubj")) {
                return s.head(tok);
            }
            if (!(rel.equals("compound") || rel.equals("amod") || rel.equals("nmod:poss") || rel.equals("flat")
                    || throughConjuncts && (rel.equals("conj") || rel.equals("appos")))) {
                return -1;
            }
            tok = s.head(tok);
        }
        return -1;
    }

    public PlaceMention lastPlace() {
        return lastPlace;
    }

    private static final Set<ActorEntry.Kind> PARTY_KINDS = java.util.EnumSet.of(ActorEntry.Kind.STATE,
            ActorEntry.Kind.ARMED_GROUP, ActorEntry.Kind.PARTY, ActorEntry.Kind.STATE_BODY, ActorEntry.Kind.PERSON);

    /**
     * A state, armed group, party or state body the knowledge base knows, or a person it gives a country (a leader
     * acts for his state: "Idi Amin bombed Bukoba" opposes Uganda and Tanzania; not a UN official): one that can be
     * a side.
     */
    static boolean party(Mention m) {
        return m.code() != null && m.entry() != null && PARTY_KINDS.contains(m.entry().kind())
                // (an official of the UN or of a movement is a go-between or a voice, not a side: "U Thant")
                && !(m.entry().kind() == ActorEntry.Kind.PERSON && BEYOND_STATE_CODES.contains(m.code()));
    }

    /** Codes of actors that are no state: international bodies, NGOs, international militant groups, companies. */
    private static final Set<String> BEYOND_STATE_CODES = Set.of("IGO", "NGO", "IMG", "MNC");

    /**
     * The two parties of "both sides" or "the two countries": the two most salient earlier mentions of different
     * states (or state-like bodies), or an empty list when fewer than two are known.
     */
    public List<Mention> pair(List<Mention> earlierInSentence) {
        // the two sides of the latest confrontation first: "Norway mediated between Ethiopia and Eritrea, whose troops
        // had clashed" makes "the parties" Ethiopia and Eritrea, not the subject Norway; then the most salient two
        // (a mediator or a body of states, "U Thant appealed to the parties", is never one of the two sides)
        if (lastOpposed.size() == 2 && lastOpposed.stream().allMatch(DocumentContext::party)) {
            return lastOpposed;
        }
        List<Mention> out = new ArrayList<>(2);
        for (Mention m : salienceOrder(earlierInSentence, null)) {
            if (!party(m) || m.source() == Mention.Source.PRONOUN && m.rule() != null && m.rule().startsWith("pair:")) {
                continue;
            }
            if (out.stream().noneMatch(o -> o.code().equals(m.code()))) {
                out.add(m);
            }
            if (out.size() == 2) {
                return out;
            }
        }
        return List.of();
    }

    /**
     * Candidates in the order a reader weighs them: earlier mentions of the same sentence (nearest first), then
     * each earlier sentence from the latest back, its subjects before its other mentions, later words first.
     */
    private List<Mention> salienceOrder(List<Mention> earlierInSentence, ParsedSentence parse) {
        List<Mention> out = new ArrayList<>(earlierInSentence.size() + history.size());
        // "Ukraine sent drones towards Moscow in its largest attack": the sentence's subjects come before its
        // objects, nearest first within each
        for (int i = earlierInSentence.size() - 1; i >= 0; i--) {
            if (parse != null && subject(parse, earlierInSentence.get(i))) {
                out.add(earlierInSentence.get(i));
            }
        }
        for (int i = earlierInSentence.size() - 1; i >= 0; i--) {
            if (parse == null || !subject(parse, earlierInSentence.get(i))) {
                out.add(earlierInSentence.get(i));
            }
        }
        int i = history.size() - 1;
        while (i >= 0) {
            int sentence = history.get(i).sentence();
            int j = i;
            while (j >= 0 && history.get(j).sentence() == sentence) {
                j--;
            }
            for (int k = i; k > j; k--) {
                if (subjects.contains(history.get(k))) {
                    out.add(history.get(k));
                }
            }
            for (int k = i; k > j; k--) {
                if (!subjects.contains(history.get(k))) {
                    out.add(history.get(k));
                }
            }
            i = j;
        }
        return out;
    }

    /** Generic agents that name one person ("the commander", "a spokesman"). */
    private static final Set<String> PERSON_NOUNS = org.faultline.coding.lexicon.WordSets.bundled()
            .set("person-agent-nouns");

    /** A generic agent in the singular that names one person: "the commander", not "the commanders" or "troops". */
    static boolean onePerson(Mention m) {
        String r = m.rule();
        if (m.source() != Mention.Source.AGENT || r == null || !r.startsWith("agent:") || r.lastIndexOf('.') < 6) {
            return false;
        }
        String noun = r.substring("agent:".length(), r.lastIndexOf('.')).replace('_', ' ');
        return PERSON_NOUNS.contains(noun) && m.text().toLowerCase(java.util.Locale.ROOT).endsWith(noun);
    }

    /**
     * The antecedent of a pronoun or descriptor mention among earlier mentions (and earlier mentions of the
     * same sentence, passed in), most salient first, or {@code null}.
     */
    public Mention antecedent(Mention pronoun, List<Mention> earlierInSentence, ParsedSentence parse) {
        String rule = pronoun.rule();
        if (rule.startsWith("order:")) {
            return ordered(rule.equals("order:latter"), earlierInSentence);
        }
        // a subject or possessive pronoun looks to the subjects before it ("Ukraine ... in its largest attack");
        // an object pronoun takes the nearest mention ("Clinton met South Korea's president and urged him")
        String rel = parse == null || !parse.parsed() ? null : parse.relation(pronoun.head());
        boolean subjectLike = rel != null && (rel.startsWith("nsubj") || rel.equals("nmod:poss"));
        int verb = subjectLike || rel == null ? -1 : parse.head(pronoun.head());
        for (Mention m : salienceOrder(earlierInSentence, subjectLike ? parse : null)) {
            if (m.code() == null) {
                continue;
            }
            if (verb >= 0 && m.sentence() == pronoun.sentence() && subjectVerb(parse, m, false) == verb) {
                continue; // "its units exchanged fire with them": an object pronoun is not its own clause's subject
            }
            // a person the knowledge base knows, or one named by a title or a noun of one person ("the Egyptian
            // president said his forces", "the commander of the Ethiopian army said his troops")
            boolean person = m.entry() != null && m.entry().kind() == ActorEntry.Kind.PERSON
                    || m.source() == Mention.Source.TITLE || onePerson(m);
            boolean state = m.entry() != null && m.entry().kind() == ActorEntry.Kind.STATE
                    && m.form() != FormType.ADJECTIVE;
            switch (rule) {
                case "pronoun:he", "pronoun:she", "pronoun:him", "pronoun:his", "pronoun:her" -> {
                    if (person) {
                        return m;
                    }
                }
                case "pronoun:it", "pronoun:its" -> {
                    if (m.collective() && m.form() != FormType.ADJECTIVE && m.form() != FormType.DEMONYM) {
                        return m;
                    }
                }
                case "pronoun:they", "pronoun:them", "pronoun:their" -> {
                    // ("Israeli jets struck ... The military said they hit ...": the jets' nationality)
                    if (!person && (m.form() != FormType.ADJECTIVE || m.source() == Mention.Source.AGENT
                            || groups.contains(m)) && !singularState(parse, m, pronoun)) {
                        return m;
                    }
                }
                default -> {
                    if (rule.startsWith("group-descriptor:")) {
                        if (m.entry() != null && m.entry().kind() == ActorEntry.Kind.ARMED_GROUP) {
                            return m;
                        }
                        continue;
                    }
                    if (state || m.source() == Mention.Source.AGENT && m.entry() != null
                            && m.entry().kind() == ActorEntry.Kind.STATE && "GOV".equals(m.sector())) {
                        return m;
                    }
                }
            }
        }
        return null;
    }

    /**
     * "the former", "the latter": the first or last named of the parties of the latest sentence (or of the sentence
     * so far) that named two or more, or {@code null}.
     */
    private Mention ordered(boolean latter, List<Mention> earlierInSentence) {
        List<Mention> named = named(earlierInSentence);
        for (int i = history.size() - 1; i >= 0 && named.isEmpty(); ) {
            int sentence = history.get(i).sentence();
            int j = i;
            while (j >= 0 && history.get(j).sentence() == sentence) {
                j--;
            }
            named = named(history.subList(j + 1, i + 1));
            i = j;
        }
        return named.isEmpty() ? null : latter ? named.get(named.size() - 1) : named.get(0);
    }

    /** The parties among {@code ms}, in text order, when they are of two or more states or bodies; else empty. */
    private static List<Mention> named(List<Mention> ms) {
        List<Mention> out = new ArrayList<>(ms.size());
        for (Mention m : ms) {
            if (m.code() != null && m.entry() != null && m.source() != Mention.Source.PRONOUN
                    && (party(m) || m.entry().kind() == ActorEntry.Kind.PERSON || m.collective())) {
                out.add(m);
            }
        }
        out.sort(java.util.Comparator.comparingInt(Mention::start));
        return out.stream().map(Mention::code).distinct().count() >= 2 ? out : List.of();
    }
}
