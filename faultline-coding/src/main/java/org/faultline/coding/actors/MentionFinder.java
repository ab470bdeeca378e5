package org.faultline.coding.actors;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.faultline.coding.kb.ActorEntry;
import org.faultline.coding.kb.Diacritics;
import org.faultline.coding.kb.FormType;
import org.faultline.coding.kb.KnowledgeBase;
import org.faultline.coding.kb.Place;
import org.faultline.coding.kb.SurfaceForm;
import org.faultline.coding.lexicon.Plurals;
import org.faultline.coding.lexicon.WordSets;
import org.faultline.nlp.ParsedSentence;
import org.faultline.nlp.Token;

/**
 * Finds actor and place mentions in a sentence from its tokens, POS tags and lemmas (no parse needed), using
 * the knowledge base: longest match first, case-sensitive names, adjectives joined with the agent or title
 * noun they modify ("Belarusian troops" → BLR MIL, "the Russian president" → whoever held the office on the
 * date). Thread-safe.
 */
public final class MentionFinder {
    private static final Set<String> PRONOUNS = WordSets.bundled().set("actor-pronouns");
    /** Capitalised words that make the name after them a lake, a mountain or a cape, not the town or state named so. */
    private static final Set<String> FEATURE_WORDS = WordSets.bundled().set("feature-words");
    /** Nouns that, after "both" or "the two", stand for the two parties named before. */
    private static final Set<String> PAIR_NOUNS = WordSets.bundled().set("pair-nouns");

    private static final Set<String> PARTY_NOUNS = WordSets.bundled().set("party-nouns");

    /**
     * Whether token {@code i} opens or ends a description that only the document context can resolve to a party, and
     * that step 3 of {@link #find} makes a mention to be resolved: "both sides", "the two countries", "the parties",
     * "the latter", "the regime", "the group". The cheap test before the parse asks it, so that a sentence whose
     * only actor is such a description ("Both sides agreed to a ceasefire") is parsed at all. Personal pronouns are
     * the caller's own cue.
     */
    public static boolean contextCue(List<Token> toks, int i) {
        return orderWord(toks, i) || pairNoun(toks, i) || stateDescriptor(toks, i) || groupDescriptor(toks, i);
    }

    private static boolean afterThe(List<Token> toks, int i) {
        return i > 0 && toks.get(i - 1).lemma().equals("the");
    }

    /** "the former", "the latter" (step 3 also asks that no noun follow: "the former president" is a title). */
    private static boolean orderWord(List<Token> toks, int i) {
        String w = toks.get(i).word().toLowerCase(Locale.ROOT);
        return (w.equals("former") || w.equals("latter")) && afterThe(toks, i);
    }

    /** The noun of "both sides", "the two countries", "the parties". */
    private static boolean pairNoun(List<Token> toks, int i) {
        Token t = toks.get(i);
        return t.isNoun() && PAIR_NOUNS.contains(Plurals.singular(t)) && pairStart(toks, i) >= 0;
    }

    /** The noun of "the regime", "the country". */
    private static boolean stateDescriptor(List<Token> toks, int i) {
        Token t = toks.get(i);
        return t.isNoun() && STATE_DESCRIPTORS.contains(t.lemma()) && afterThe(toks, i);
    }

    /** The noun of "the group", "the militia" (singular only). */
    private static boolean groupDescriptor(List<Token> toks, int i) {
        Token t = toks.get(i);
        return t.isNoun() && t.pos().equals("NN") && GROUP_DESCRIPTORS.contains(t.lemma()) && afterThe(toks, i);
    }

    /**
     * The first token of "both N", "each N" (singular) or "the two N" ending at token i, or of "the parties", "the
     * warring parties", "all (the) parties" (a plural of party-nouns), or -1.
     */
    private static int pairStart(List<Token> toks, int i) {
        if (i > 0 && (toks.get(i - 1).lemma().equalsIgnoreCase("both")
                || toks.get(i - 1).lemma().equalsIgnoreCase("each") && !toks.get(i).isPluralNoun())) {
            return i - 1;
        }
        if (i > 1 && toks.get(i - 1).word().equalsIgnoreCase("two") && toks.get(i - 2).lemma().equalsIgnoreCase("the")) {
            return i - 2;
        }
        if (toks.get(i).pos().equals("NNS") && PARTY_NOUNS.contains(Plurals.singular(toks.get(i)))) {
            int k = i - 1;
            if (k >= 0 && toks.get(k).word().equalsIgnoreCase("warring")) {
                k--;
            }
            if (k >= 0 && toks.get(k).lemma().equalsIgnoreCase("the")) {
                return k > 0 && toks.get(k - 1).word().equalsIgnoreCase("all") ? k - 1 : k;
            }
            if (k >= 0 && toks.get(k).word().equalsIgnoreCase("all")) {
                return k;
            }
        }
        return -1;
    }

    private static final Set<String> STATE_DESCRIPTORS = WordSets.bundled().set("state-descriptors");
    private static final Set<String> GROUP_DESCRIPTORS = WordSets.bundled().set("group-descriptors");

    private final KnowledgeBase kb;

    public MentionFinder(KnowledgeBase kb) {
        this.kb = kb;
    }

    /** Mentions and places of one sentence. */
    public record Found(List<Mention> mentions, List<PlaceMention> places) {
    }

    public Found find(ParsedSentence s, String text, LocalDate date) {
        List<Mention> out = new ArrayList<>();
        List<PlaceMention> places = new ArrayList<>();
        List<Token> toks = s.tokens();
        int n = toks.size();
        boolean[] used = new boolean[n];
        // 1. knowledge-base names, longest first
        for (int i = 0; i < n; i++) {
            Match m = matchName(s, text, i, date);
            if (m != null && designation(s, m.last)) {
                m = null; // "an EC-121 reconnaissance plane", "a B-29 raid": a model's designation, not the body
            }
            if (m == null) {
                Mention combining = combiningForm(s, text, i);
                if (combining != null) {
                    used[i] = true;
                    out.add(combining);
                }
                continue;
            }
            for (int k = i; k <= m.last; k++) {
                used[k] = true;
            }
            out.add(fromForm(s, text, i, m.last, m.form));
            i = m.last;
        }
        // 2. titles and generic agents, joined with a preceding adjective / name mention
        for (int i = 0; i < n; i++) {
            if (used[i] || !toks.get(i).isNoun() && !toks.get(i).pos().equals("JJ")) {
                continue;
            }
            int[] title = phrase(s, i, kb.maxTitleWords(), true);
            // "Tom King", "Martin Luther King": a capitalised title word right after a first name is a surname
            boolean surname = title != null && i > 0 && toks.get(i).isProperNoun() && toks.get(i - 1).isProperNoun()
                    && covering(out, i - 1) == null && kb.office(toks.get(i - 1).lemma()) == null;
            if (title != null && !surname && toks.get(title[0]).isNoun()) {
                String office = kb.office(lemmas(s, i, title[0]));
                Mention m = titleMention(s, text, i, title[0], office, out, date);
                if (m != null) {
                    replaceJoined(out, used, m);
                    pairReading(s, text, m, out);
                    i = m.last();
                    continue;
                }
            }
            int[] agent = phrase(s, i, kb.maxAgentWords(), false);
            // "the military shot ...": taggers often make a bare "military" an adjective
            boolean nominalAdjective = agent != null && toks.get(agent[0]).pos().equals("JJ") && i > 0
                    && toks.get(i - 1).pos().equals("DT") && (agent[0] + 1 >= n || !toks.get(agent[0] + 1).isNoun()
                    || s.relation(agent[0] + 1) != null && !s.is(agent[0], "amod"));
            // "the first official offer", "an official visit": a singular "official" in front of another noun is the
            // adjective the tagger took for a noun, not an official
            boolean officialAdjective = agent != null && agent[0] == i && i + 1 < n
                    && toks.get(i).word().equals("official") && toks.get(i + 1).isNoun()
                    && s.head(i) > i && (s.is(i, "compound") || s.is(i, "amod"));
            if (agent != null && !officialAdjective && (toks.get(agent[0]).isNoun() || nominalAdjective)) {
                String phrase = lemmas(s, i, agent[0]);
                Mention m = agentMention(s, text, i, agent[0], phrase, out);
                replaceJoined(out, used, m);
                pairReading(s, text, m, out);
                i = m.last();
            }
        }
        // 3. pronouns and state descriptors, to be resolved by the document context
        for (int i = 0; i < n; i++) {
            if (used[i]) {
                continue;
            }
            Token t = toks.get(i);
            String w = t.word().toLowerCase(Locale.ROOT);
            if ((t.pos().startsWith("PRP")) && PRONOUNS.contains(w)) {
                out.add(new Mention(s.index(), i, i, i, t.start(), t.end(), t.word(), null, null, null, null,
                        Mention.Source.PRONOUN, "pronoun:" + w));
            } else if (orderWord(toks, i)
                    && (i + 1 >= n || !toks.get(i + 1).isNoun() || toks.get(i + 1).pos().equals("POS"))) {
                // "the latter denied any involvement": the first or last of the two parties named just before
                out.add(new Mention(s.index(), i - 1, i, i, toks.get(i - 1).start(), t.end(),
                        text.substring(toks.get(i - 1).start(), t.end()), null, null, null, null,
                        Mention.Source.PRONOUN, "order:" + w));
            } else if (pairNoun(toks, i)) {
                // "both sides", "the two countries", "each side": the two parties named before, resolved by the
                // document context
                int first = pairStart(toks, i);
                out.add(new Mention(s.index(), first, i, i, toks.get(first).start(), t.end(),
                        text.substring(toks.get(first).start(), t.end()), null, null, null, null,
                        Mention.Source.PRONOUN, "pair:" + Plurals.singular(t)));
            } else if (stateDescriptor(toks, i)) {
                out.add(new Mention(s.index(), i - 1, i, i, toks.get(i - 1).start(), t.end(),
                        text.substring(toks.get(i - 1).start(), t.end()), null, null, null, null,
                        Mention.Source.PRONOUN, "descriptor:" + t.lemma()));
            } else if (groupDescriptor(toks, i)) {
                // "the group's attack on southern Israel" after "Hamas": the armed group named before
                out.add(new Mention(s.index(), i - 1, i, i, toks.get(i - 1).start(), t.end(),
                        text.substring(toks.get(i - 1).start(), t.end()), null, null, null, null,
                        Mention.Source.PRONOUN, "group-descriptor:" + t.lemma()));
            }
        }
        // 4. places: gazetteer names over proper-noun runs not used by actor names (country names count too)
        for (int i = 0; i < n; i++) {
            Token t = toks.get(i);
            if (!t.isProperNoun() && !(t.pos().equals("JJ") && Character.isUpperCase(t.word().charAt(0)))) {
                continue;
            }
            PlaceMention best = null;
            for (int j = Math.min(n - 1, i + 4); j >= i; j--) {
                String name = text.substring(t.start(), toks.get(j).end());
                List<Place> cands = kb.places(name);
                if (!cands.isEmpty()) {
                    best = new PlaceMention(i, j, t.start(), toks.get(j).end(), name, cands.get(0), cands);
                    break;
                }
            }
            if (best != null && best.last() + 1 < n
                    && (partOfLongerName(s, best.last() + 1) || sharesNameHead(s, best.last() + 1))) {
                best = null; // "Codo del Pozuzo", "Moreno and San Martin squares": a longer name we do not know
            }
            if (best != null && best.first() > 0 && featureWord(s.token(best.first() - 1).word())) {
                best = null; // "Lake Victoria" is no Victoria (Seychelles), "Lake Chad" no Chad, "Mount Lebanon" no state
            }
            if (best != null && waterBody(s, best)) {
                best = null; // "in the Red Sea" is the sea, not Egypt's Red Sea governorate
            }
            if (best != null && smallTown(best) && !locative(s, i)) {
                best = null; // a town of a few thousand people is trusted only where the text says "in X"
            }
            if (best != null && (surnameOf(s, best) || adjectiveOnly(s, best))) {
                best = null; // "Judge Alejandro Rivera" is no Rivera Department, "Jewish settlers" no Jewish Oblast
            }
            if (best != null && hyphenModifier(s, best.last())) {
                best = null; // "Iran-backed rebels", "US-brokered truce", "Kremlin-controlled media": no place
            }
            if (best != null) {
                Mention actor = covering(out, i);
                boolean actorName = actor != null && actor.entry() != null
                        && actor.entry().kind() != ActorEntry.Kind.STATE;
                if (!actorName || "COUNTRY".equals(best.place().kind())) {
                    places.add(best);
                }
                // "British Columbia", "New South Wales": a longer place name swallows the adjective inside it
                final PlaceMention pm = best;
                if (actor != null && actor.entry() != null && (actor.first() > pm.first() || actor.last() < pm.last())
                        && actor.first() >= pm.first() && actor.last() <= pm.last()) {
                    out.remove(actor);
                }
                i = best.last();
            }
        }
        // "La Paz, Baja California": an ambiguous name takes the country of the place that qualifies it
        for (int k = 0; k + 1 < places.size(); k++) {
            PlaceMention a = places.get(k);
            PlaceMention b = places.get(k + 1);
            if (b.first() - a.last() > 3) {
                continue;
            }
            boolean resolved = false;
            for (Place cand : qualifies(s, a, b) ? b.candidates() : List.<Place>of()) {
                PlaceMention r = a.preferring(cand.country());
                if (r.place().country().equals(cand.country())) {
                    places.set(k, r);
                    resolved = true;
                    break;
                }
            }
            // "Murino (Plav)", "Desaguadero (La Paz)": a town that does not fit the region after it is another
            // town of the same name; the qualifying region is the better evidence
            if (!resolved && (smallTown(a) || !"CITY".equals(b.place().kind()))) {
                places.remove(k);
                k--;
            }
        }
        out.sort(Comparator.comparingInt(Mention::first));
        return new Found(List.copyOf(out), List.copyOf(places));
    }

    /**
     * Whether place {@code b} may qualify place {@code a} before it: only punctuation and nouns stand between them
     * ("La Paz, Baja California", "Desaguadero (La Paz)", "El Centro corregimiento (Santander)"), and the two are
     * not items of a list ("Qatar, Egypt and the United States" names three states; "said in London that the United
     * States" is no London of the United States).
     */
    private static boolean qualifies(ParsedSentence s, PlaceMention a, PlaceMention b) {
        for (int k = a.last() + 1; k < b.first(); k++) {
            Token t = s.token(k);
            if (coordinator(t) || !(t.pos().startsWith("NN") || QUALIFYING_PUNCTUATION.contains(t.word()))) {
                return false;
            }
        }
        return b.last() + 1 >= s.size() || !coordinator(s.token(b.last() + 1));
    }

    private static final Set<String> QUALIFYING_PUNCTUATION = Set.of(",", "(", "-LRB-", "[", "-LSB-", "]", "-RSB-",
            ")", "-RRB-", "-", "--", ":", "/");

    private static boolean coordinator(Token t) {
        return "and".equals(t.lemma()) || "or".equals(t.lemma());
    }

    private static final Set<String> LOCATIVE = WordSets.bundled().set("locative-words");

    private static final Set<String> ADMIN_WORDS = WordSets.bundled().set("admin-words");
    private static final Set<String> NAME_PARTICLES = WordSets.bundled().set("name-particles");

    /** Words that end the name of a sea ("Red Sea", "Arabian Sea"), matched on the word as written. */
    private static final Set<String> WATER_WORDS = WordSets.bundled().set("water-words");

    /**
     * Whether a place name is a body of water: its last word is a water word, and no region noun follows it ("the
     * Red Sea governorate" is a region).
     */
    private static boolean waterBody(ParsedSentence s, PlaceMention p) {
        if (!capitalisedIn(WATER_WORDS, s.token(p.last()).word())) {
            return false;
        }
        return p.last() + 1 >= s.size()
                || !ADMIN_WORDS.contains(s.token(p.last() + 1).lemma().toLowerCase(java.util.Locale.ROOT));
    }

    private static boolean featureWord(String word) {
        return capitalisedIn(FEATURE_WORDS, word);
    }

    /** Whether a word as written is capitalised and, lower-cased, one of {@code words} ("Lake", "Sea"). */
    private static boolean capitalisedIn(Set<String> words, String word) {
        return !word.isEmpty() && Character.isUpperCase(word.charAt(0))
                && words.contains(word.toLowerCase(java.util.Locale.ROOT));
    }

    private static boolean partOfLongerName(ParsedSentence s, int next) {
        Token t = s.token(next);
        if (t.isProperNoun() && Character.isUpperCase(t.word().charAt(0))) {
            return !ADMIN_WORDS.contains(t.lemma());
        }
        return NAME_PARTICLES.contains(t.word()) && next + 1 < s.size() && s.token(next + 1).isProperNoun();
    }

    /**
     * "the Moreno and San Martin squares", "the Tigris and Euphrates rivers": a name conjoined with another before a
     * common noun they share is part of that noun's name.
     */
    private static boolean sharesNameHead(ParsedSentence s, int next) {
        if (!coordinator(s.token(next))) {
            return false;
        }
        int k = next + 1;
        while (k < s.size() && s.token(k).isProperNoun()) {
            k++;
        }
        if (k == next + 1 || k >= s.size()) {
            return false;
        }
        Token head = s.token(k);
        return head.pos().startsWith("NN") && !head.isProperNoun() && !ADMIN_WORDS.contains(head.lemma());
    }

    /** A place name that is the last part of a person's name: the token before it is a name of the same person. */
    private static boolean surnameOf(ParsedSentence s, PlaceMention p) {
        return p.first() > 0 && "PERSON".equals(s.token(p.first()).ner()) && "PERSON".equals(s.token(p.first() - 1).ner())
                && s.token(p.first() - 1).isProperNoun();
    }

    /** A place matched on adjectives alone ("Jewish", "Western"): an adjective describes, it does not locate. */
    private static boolean adjectiveOnly(ParsedSentence s, PlaceMention p) {
        for (int k = p.first(); k <= p.last(); k++) {
            if (!s.token(k).pos().startsWith("JJ")) {
                return false;
            }
        }
        return true;
    }

    private static boolean smallTown(PlaceMention p) {
        return "CITY".equals(p.place().kind()) && p.place().population() < 15000;
    }

    private static boolean locative(ParsedSentence s, int i) {
        return i > 0 && LOCATIVE.contains(s.token(i - 1).lemma());
    }

    /** How far from a person's term a bare surname still names that person (ten years). */
    private static final long SURNAME_REACH_DAYS = 3653;

    private record Match(int last, SurfaceForm form) {
    }

    private Match matchName(ParsedSentence s, String text, int i, LocalDate date) {
        Token t = s.token(i);
        List<SurfaceForm> forms = new ArrayList<>(kb.formsStartingWith(t.word()));
        if (t.word().equals("The")) {
            forms.addAll(kb.formsStartingWith("the"));
        }
        Match best = null;
        for (SurfaceForm f : forms) {
            String form = f.text();
            boolean caseFirst = t.word().equals("The") && form.startsWith("the ");
            if (!Diacritics.regionMatches(text, t.start(), form, caseFirst)
                    || !KnowledgeBase.formUsableOn(f, date)) {
                continue;
            }
            int endChar = t.start() + form.length();
            int last = -1;
            for (int j = i; j < s.size() && s.token(j).end() <= endChar; j++) {
                if (s.token(j).end() == endChar) {
                    last = j;
                }
            }
            if (last < 0) {
                continue;
            }
            if (best != null && last < best.last) {
                break;
            }
            SurfaceForm chosen = f;
            if (best != null && last == best.last) {
                chosen = prefer(s, i, last, best.form, f, date);
            }
            best = new Match(last, chosen);
        }
        if (best != null && best.form.type() == FormType.NAME && best.form.entry().kind() == ActorEntry.Kind.PERSON) {
            best = new Match(best.last, personOnDate(best.form, date));
            if (!best.form.text().contains(" ") && date != null && best.form.entry().distanceTo(date) > SURNAME_REACH_DAYS) {
                return null; // "President Johnson" in 1968 is not the Johnson of 2019: a bare surname needs its era
            }
        }
        if (best != null && best.last == i && s.token(i).pos().startsWith("VB")
                && !s.token(i).word().equals(s.token(i).word().toUpperCase(java.util.Locale.ROOT))) {
            return null; // "Chad" the name is a noun; a verb token matching a name is a misfire
        }
        return best;
    }

    /** Same span named by two forms: adjective vs demonym by POS, persons by date, else the first. */
    private static SurfaceForm prefer(ParsedSentence s, int i, int last, SurfaceForm a, SurfaceForm b, LocalDate date) {
        if (a.type() != b.type() && a.entry().equals(b.entry())) {
            boolean plural = s.token(last).isPluralNoun();
            boolean nextNoun = last + 1 < s.size() && (s.token(last + 1).isNoun() || s.token(last + 1).pos().equals("JJ"));
            FormType want = plural || !nextNoun ? FormType.DEMONYM : FormType.ADJECTIVE;
            if (b.type() == want) {
                return b;
            }
            if (a.type() == want) {
                return a;
            }
        }
        if (a.entry().kind() == ActorEntry.Kind.PERSON && b.entry().kind() == ActorEntry.Kind.PERSON) {
            return b.entry().distanceTo(date) < a.entry().distanceTo(date) ? b : a;
        }
        return a;
    }

    private SurfaceForm personOnDate(SurfaceForm f, LocalDate date) {
        SurfaceForm best = f;
        for (SurfaceForm o : kb.formsStartingWith(f.text().split(" ", 2)[0])) {
            if (o.text().equals(f.text()) && o.entry().kind() == ActorEntry.Kind.PERSON
                    && o.entry().distanceTo(date) < best.entry().distanceTo(date)) {
                best = o;
            }
        }
        return best;
    }

    /**
     * Combining forms of country adjectives, which stand only before a hyphen: "Anglo-French talks", "the Sino-Soviet
     * split", "Indo-Pakistani war" ("Franco" alone is a name, "Indo" alone nothing).
     */
    private static final Map<String, String> COMBINING_FORMS = WordSets.bundled().map("combining-forms");

    private Mention combiningForm(ParsedSentence s, String text, int i) {
        Token t = s.token(i);
        String code = COMBINING_FORMS.get(t.word().toLowerCase(Locale.ROOT));
        if (code == null || i + 2 >= s.size() || !s.token(i + 1).word().equals("-")
                || !Character.isUpperCase(s.token(i + 2).word().charAt(0))) {
            return null;
        }
        ActorEntry e = kb.state(code);
        if (e == null) {
            return null;
        }
        return new Mention(s.index(), i, i, i, t.start(), t.end(), text.substring(t.start(), t.end()), e.code(),
                null, e, FormType.ADJECTIVE, Mention.Source.NAME, e.id());
    }

    private static Mention fromForm(ParsedSentence s, String text, int first, int last, SurfaceForm f) {
        ActorEntry e = f.entry();
        int start = s.token(first).start();
        int end = s.token(last).end();
        String sector = e.sector();
        if (sector == null && (f.type() == FormType.METONYM || f.type() == FormType.EPITHET)) {
            sector = "GOV";
        }
        return new Mention(s.index(), first, last, last, start, end, text.substring(start, end), e.code(), sector, e,
                f.type(), Mention.Source.NAME, e.id());
    }

    /** Longest lemma phrase starting at i that is a title (titles=true) or an agent; returns {lastToken}. */
    private int[] phrase(ParsedSentence s, int i, int maxWords, boolean titles) {
        // a hyphenated word of the table spans three tokens ("secretary - general")
        for (int len = Math.min(maxWords * 3, s.size() - i); len >= 1; len--) {
            if (s.token(i + len - 1).word().equals("-")) {
                continue;
            }
            String p = lemmas(s, i, i + len - 1);
            if (titles ? kb.office(p) != null : kb.agentSector(p) != null) {
                return new int[] {i + len - 1};
            }
        }
        return null;
    }

    /** The lemmas of a phrase, its last word in the singular the agent and title tables are written in. */
    private static String lemmas(ParsedSentence s, int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int k = from; k <= to; k++) {
            // the tokenizer splits "Secretary-General" into three tokens: the table writes it as one word
            boolean hyphen = s.token(k).word().equals("-");
            if (k > from && !hyphen && !s.token(k - 1).word().equals("-")) {
                b.append(' ');
            }
            b.append(hyphen ? "-" : k == to ? Plurals.singular(s.token(k)) : s.token(k).lemma());
        }
        return b.toString();
    }

    /** The mention ending right before token i (skipping "the", "'s" and adjectives) that modifies it. */
    private static Mention modifierBefore(List<Mention> found, ParsedSentence s, int i) {
        int k = i - 1;
        int nouns = 0;
        while (k >= 0 && (s.token(k).pos().equals("JJ") && covering(found, k) == null
                || s.token(k).pos().equals("POS") || s.token(k).pos().equals("HYPH")
                || s.token(k).pos().startsWith("NN") && !s.token(k).isProperNoun() && covering(found, k) == null
                && nouns++ < 2)) {
            k--;
        }
        Mention m = k >= 0 ? covering(found, k) : null;
        if (m == null || m.entry() == null || m.last() != k) {
            return null;
        }
        boolean possessive = k + 1 < s.size() && s.token(k + 1).pos().equals("POS");
        boolean adjective = m.form() == FormType.ADJECTIVE || m.form() == FormType.NAME || m.form() == FormType.METONYM
                || m.form() == FormType.DEMONYM;
        return possessive || adjective ? m : null;
    }

    /** Words before a title that make it someone other than the office's holder. */
    private static final Set<String> NOT_THE_HOLDER = WordSets.bundled().set("not-the-holder");

    private Mention titleMention(ParsedSentence s, String text, int first, int last, String office, List<Mention> found,
                                 LocalDate date) {
        if (first > 0 && NOT_THE_HOLDER.contains(s.token(first - 1).lemma().toLowerCase(java.util.Locale.ROOT))) {
            return null; // "Deputy Foreign Minister Mikhail Bogdanov": someone other than the minister
        }
        Mention mod = modifierBefore(found, s, first);
        // "President Putin": the following name decides; the title joins it
        if (last + 1 < s.size()) {
            Mention next = covering(found, last + 1);
            if (next != null && next.first() == last + 1 && next.entry() != null
                    && next.entry().kind() == ActorEntry.Kind.PERSON) {
                if (mod != null && mod.entry() != null && mod.entry().kind() != ActorEntry.Kind.STATE
                        && !mod.entry().code().equals(next.code())) {
                    // "Arab League Secretary-General Amr Moussa": he speaks for the organisation named in front,
                    // whatever office his name held elsewhere
                    int start = s.token(mod.first()).start();
                    int end = s.token(next.last()).end();
                    return new Mention(s.index(), mod.first(), next.last(), next.last(), start, end,
                            text.substring(start, end), mod.code(), mod.sector(), mod.entry(), FormType.NAME,
                            Mention.Source.TITLE, "title:" + office + "@" + mod.entry().id());
                }
                return null;
            }
        }
        if (mod == null || mod.entry() == null) {
            if (s.token(last).pos().startsWith("NNS")) {
                return null; // "Western leaders", "world leaders": several office holders of no one state
            }
            // "the president" alone: resolved later against the document's setting
            int start = s.token(first).start();
            int end = s.token(last).end();
            return new Mention(s.index(), first, last, last, start, end, text.substring(start, end), null, "GOV", null,
                    null, Mention.Source.TITLE, "title:" + office);
        }
        String country = mod.entry().kind() == ActorEntry.Kind.STATE ? mod.code() : null;
        boolean notHolder = false;
        for (int k = mod.last() + 1; k < first; k++) {
            // "Russian Deputy Foreign Minister Mikhail Bogdanov", "the former prime minister": not the office holder
            notHolder |= NOT_THE_HOLDER.contains(s.token(k).lemma().toLowerCase(java.util.Locale.ROOT));
        }
        ActorEntry holder = country == null || notHolder ? null : kb.holder(country, office, date);
        int start = s.token(mod.first()).start();
        int end = s.token(last).end();
        if (holder != null) {
            return new Mention(s.index(), mod.first(), last, last, start, end, text.substring(start, end),
                    holder.code(), holder.sector(), holder, FormType.NAME, Mention.Source.TITLE, holder.id());
        }
        return new Mention(s.index(), mod.first(), last, last, start, end, text.substring(start, end), mod.code(),
                "GOV", mod.entry(), FormType.NAME, Mention.Source.TITLE, "title:" + office + "@" + mod.entry().id());
    }

    private Mention agentMention(ParsedSentence s, String text, int first, int last, String phrase, List<Mention> found) {
        String sector = kb.agentSector(phrase);
        String rule = "agent:" + kb.agentId(phrase);
        Mention mod = modifierBefore(found, s, first);
        if (mod != null && mod.entry() != null && (lendsNationality(mod.entry().kind())
                // "a Wall Street Journal reporter": an outlet says whose journalist it is, not whose police
                || mod.entry().kind() == ActorEntry.Kind.MEDIA && "JRN".equals(sector))) {
            int start = s.token(mod.first()).start();
            int end = s.token(last).end();
            boolean group = mod.entry().kind() != ActorEntry.Kind.STATE;
            String sec = group && mod.sector() != null ? mod.sector() : sector;
            return new Mention(s.index(), mod.first(), last, last, start, end, text.substring(start, end), mod.code(),
                    sec, mod.entry(), mod.form(), Mention.Source.AGENT, rule + "@" + mod.entry().id());
        }
        int start = s.token(first).start();
        int end = s.token(last).end();
        return new Mention(s.index(), first, last, last, start, end, text.substring(start, end), null, sector, null,
                null, Mention.Source.AGENT, rule);
    }

    /** Kinds whose name in front of an agent says whose agent it is ("Hamas fighters"; not "Reuters police"). */
    private static boolean lendsNationality(ActorEntry.Kind kind) {
        return kind == ActorEntry.Kind.STATE || kind == ActorEntry.Kind.ARMED_GROUP || kind == ActorEntry.Kind.STATE_BODY
                || kind == ActorEntry.Kind.IGO || kind == ActorEntry.Kind.PARTY;
    }

    /** Whether the name ending at token {@code last} is glued by a hyphen to a number: "EC-121", "MiG-29". */
    private static boolean designation(ParsedSentence s, int last) {
        Token next = afterGluedHyphen(s, last);
        return next != null && !next.word().isEmpty() && Character.isDigit(next.word().charAt(0));
    }

    /**
     * Whether the mention modifies what follows as "Iran-backed", "Saudi-led", "US-brokered": it names who stands
     * behind a thing, not where the sentence is (the document's setting does not count it).
     */
    public static boolean hyphenModifier(ParsedSentence s, Mention m) {
        return hyphenModifier(s, m.last());
    }

    /** Whether the name ending at token {@code last} modifies what follows as "X-backed", "X-led", "X-brokered". */
    private static boolean hyphenModifier(ParsedSentence s, int last) {
        Token next = afterGluedHyphen(s, last);
        if (next == null) {
            return false;
        }
        String w = next.word().toLowerCase(Locale.ROOT);
        return next.pos().equals("VBN") || w.endsWith("ed") && w.length() > 3;
    }

    /** The token joined to token {@code last} by a hyphen with no space on either side ("Iran-backed"), or null. */
    private static Token afterGluedHyphen(ParsedSentence s, int last) {
        if (last + 2 >= s.size() || !s.token(last + 1).word().equals("-")
                || s.token(last + 1).start() != s.token(last).end()) {
            return null;
        }
        Token next = s.token(last + 2);
        return next.start() == s.token(last + 1).end() ? next : null;
    }

    /**
     * "the two leaders", "both governments": a plural title or agent after "both" or "the two" also stands for the two
     * parties named before; the document context takes that reading when it knows two, else the generic one stays.
     */
    private static void pairReading(ParsedSentence s, String text, Mention m, List<Mention> out) {
        List<Token> toks = s.tokens();
        Token head = toks.get(m.last());
        int first = pairStart(toks, m.first());
        if (first < 0 || !head.isPluralNoun()) {
            return;
        }
        out.add(new Mention(s.index(), first, m.last(), m.last(), toks.get(first).start(), head.end(),
                text.substring(toks.get(first).start(), head.end()), null, null, null, null,
                Mention.Source.PRONOUN, "pair:" + Plurals.singular(head)));
        out.sort(Comparator.comparingInt(Mention::first));
    }

    private static void replaceJoined(List<Mention> out, boolean[] used, Mention m) {
        out.removeIf(o -> o.first() >= m.first() && o.last() <= m.last());
        for (int k = m.first(); k <= m.last(); k++) {
            used[k] = true;
        }
        out.add(m);
        out.sort(Comparator.comparingInt(Mention::first));
    }

    static Mention covering(List<Mention> ms, int token) {
        for (Mention m : ms) {
            if (m.covers(token)) {
                return m;
            }
        }
        return null;
    }
}
