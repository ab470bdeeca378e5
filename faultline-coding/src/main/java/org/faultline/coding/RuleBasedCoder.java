package org.faultline.coding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.faultline.coding.actors.Mention;
import org.faultline.coding.actors.MentionFinder;
import org.faultline.coding.actors.PlaceMention;
import org.faultline.coding.events.Candidate;
import org.faultline.coding.events.DocumentContext;
import org.faultline.coding.events.EventExtractor;
import org.faultline.coding.kb.ActorEntry;
import org.faultline.coding.kb.Place;
import org.faultline.coding.kb.KnowledgeBase;
import org.faultline.coding.lexicon.CameoCodebook;
import org.faultline.coding.lexicon.Cues;
import org.faultline.coding.lexicon.TriggerLexicon;
import org.faultline.model.ActorRef;
import org.faultline.model.Article;
import org.faultline.model.DatePrecision;
import org.faultline.model.Event;
import org.faultline.model.Evidence;
import org.faultline.model.Failure;
import org.faultline.model.Modality;
import org.faultline.nlp.NlpPipeline;
import org.faultline.nlp.ParsedDocument;
import org.faultline.nlp.ParsedSentence;

/**
 * The event coder: NLP pipeline, actor knowledge base, trigger lexicon and the extraction rules, wired into
 * one {@link ArticleCoder}. Per article: tag all sentences cheaply, parse those with a trigger word, find
 * actor and place mentions, extract events sentence by sentence with the document context, then merge
 * reports of the same event within the article into one event with several evidence spans.
 * Thread-safe after construction.
 */
public final class RuleBasedCoder implements ArticleCoder {
    public static final String CODER_VERSION = "faultline-coder-0.1";

    private final NlpPipeline nlp;
    private final KnowledgeBase kb;
    private final MentionFinder mentions;
    private final EventExtractor extractor;
    private final CameoCodebook cameo;
    private final String version;

    public RuleBasedCoder(NlpPipeline nlp, KnowledgeBase kb) {
        this.nlp = Objects.requireNonNull(nlp, "nlp");
        this.kb = Objects.requireNonNull(kb, "kb");
        this.cameo = CameoCodebook.bundled();
        TriggerLexicon lexicon = TriggerLexicon.bundled(cameo);
        Cues cues = Cues.bundled();
        this.mentions = new MentionFinder(kb);
        this.extractor = new EventExtractor(lexicon, cues);
        Map<String, String> hashes = new java.util.TreeMap<>(kb.resourceHashes());
        hashes.put("triggers.tsv", lexicon.sha256().substring(0, 12));
        hashes.put("cameo.tsv", cameo.sha256().substring(0, 12));
        hashes.put("wordsets.tsv", org.faultline.coding.lexicon.WordSets.bundled().sha256().substring(0, 12));
        hashes.put("recodes.tsv", org.faultline.coding.lexicon.Recodes.bundled().sha256().substring(0, 12));
        hashes.put("guards.tsv", org.faultline.coding.lexicon.Guards.bundled().sha256().substring(0, 12));
        this.version = CODER_VERSION + ";" + hashes.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(",")) + ";" + nlp.description();
    }

    @Override
    public String version() {
        return version;
    }

    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    @Override
    public CodingResult code(Article article) {
        try {
            return codeOrThrow(article);
        } catch (RuntimeException | StackOverflowError e) {
            return failed(article, e);
        }
    }

    /** The article lost to an exception the rules threw outside any one sentence: a failure naming it. */
    private static CodingResult failed(Article article, Throwable e) {
        String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return new CodingResult(article, List.of(), 0,
                new Failure(article.origin() == null ? article.id() : article.origin(), article.id(), "code",
                        "coding failed: " + why));
    }

    /**
     * Codes an article that continues a narrative whose earlier part is {@code preceding} (a crisis summary or a
     * story delivered one sentence per record): the earlier text is read for who is who (pronouns, "the regime",
     * the setting, the last place named) but not coded, and the events, spans and sentence numbers are the
     * article's own. A span that would point into the earlier text (a pronoun's antecedent, a place named there)
     * is not recorded as a span: the antecedent is left out, the place keeps its name and coordinates without
     * offsets. Ids are those the article's own offsets give, stable across runs with the same preceding text.
     *
     * @param preceding the narrative's earlier text, or {@code null} or blank to code the article alone
     */
    @Override
    public CodingResult code(Article article, String preceding) {
        if (preceding == null || preceding.isBlank()) {
            return code(article);
        }
        int base = preceding.length() + 2;
        Article whole = new Article(article.id(), article.date(), preceding + "\n\n" + article.text(), article.title(),
                article.source(), article.url(), article.origin());
        try {
            CodingResult r = codeOrThrow(whole, base);
            return new CodingResult(article, r.events(), r.sentences(), null, r.warnings());
        } catch (RuntimeException | StackOverflowError e) {
            return failed(article, e);
        }
    }

    private CodingResult codeOrThrow(Article article) {
        return codeOrThrow(article, 0);
    }

    /**
     * Codes the sentences that start at or after {@code base}; those before it (a narrative's earlier text) only feed
     * the document context. With {@code base > 0} the events come shifted to the text after it
     * ({@link PrecedingText#shift}) and the result counts the coded sentences only.
     */
    private CodingResult codeOrThrow(Article article, int base) {
        String text = article.text();
        ParsedDocument doc = nlp.parse(article.id(), text, article.date(), this::worthParsing);
        List<MentionFinder.Found> found = new ArrayList<>(doc.sentences().size());
        List<Mention> allMentions = new ArrayList<>();
        List<PlaceMention> allPlaces = new ArrayList<>();
        for (ParsedSentence s : doc.sentences()) {
            MentionFinder.Found f = mentions.find(s, text, article.date());
            found.add(f);
            allMentions.addAll(f.mentions());
            allPlaces.addAll(f.places());
        }
        found = resolvePlaces(found, allPlaces, allMentions, text);
        allPlaces = new ArrayList<>();
        for (MentionFinder.Found f : found) {
            allPlaces.addAll(f.places());
        }
        List<Mention> settingMentions = new ArrayList<>(allMentions.size());
        for (Mention m : allMentions) {
            if (!MentionFinder.hyphenModifier(doc.sentences().get(m.sentence()), m)) {
                settingMentions.add(m); // "Iran-backed rebels fired at a ship": the story is not set in Iran
            }
        }
        DocumentContext ctx = new DocumentContext(DocumentContext.settingOf(settingMentions, allPlaces));
        List<Candidate> candidates = new ArrayList<>();
        List<Failure> warnings = new ArrayList<>();
        String origin = article.origin() == null ? article.id() : article.origin();
        int context = 0;
        for (int i = 0; i < doc.sentences().size(); i++) {
            if (Thread.currentThread().isInterrupted()) {
                // a caller that stopped waiting (the server's time budget) interrupts; stop between sentences
                throw new java.util.concurrent.CancellationException("coding interrupted at sentence " + (i + 1));
            }
            ParsedSentence s = doc.sentences().get(i);
            MentionFinder.Found f = found.get(i);
            if (s.start() < base) {
                // earlier text: read as a reader would (its confrontations and attacks feed "the parties", "the
                // strikes"), its events dropped, and a sentence the rules cannot handle costs nothing here
                context++;
                try {
                    extractor.extract(s, text, article.date(), f.mentions(), f.places(), ctx);
                } catch (RuntimeException | StackOverflowError e) {
                    // not this record's sentence: no warning
                }
                ctx.remember(f.mentions(), f.places(), s);
                continue;
            }
            if (!s.parsed() && s.size() > NlpPipeline.MAX_PARSE_TOKENS) {
                warnings.add(new Failure(origin, article.id(), "parse-sentence", where(s) + " has " + s.size()
                        + " tokens, more than the parser's limit of " + NlpPipeline.MAX_PARSE_TOKENS + ": not coded"));
            }
            try {
                candidates.addAll(extractor.extract(s, text, article.date(), f.mentions(), f.places(), ctx));
            } catch (RuntimeException | StackOverflowError e) {
                // one sentence the rules cannot handle costs that sentence, not the document
                if (Boolean.getBoolean("faultline.trace")) {
                    e.printStackTrace();
                }
                warnings.add(new Failure(origin, article.id(), "code-sentence", where(s) + " not coded: "
                        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())));
            }
            ctx.remember(f.mentions(), f.places(), s);
        }
        String language = LanguageCheck.problem(doc);
        if (language != null) {
            warnings.add(new Failure(origin, article.id(), "language", language));
        }
        List<Event> events = merge(article, doc, candidates, base);
        if (base > 0) {
            List<Event> own = new ArrayList<>(events.size());
            for (Event e : events) {
                own.add(PrecedingText.shift(e, base, context));
            }
            events = own;
        }
        return new CodingResult(article, events, doc.sentences().size() - context, null, warnings);
    }

    /** "sentence 3 (characters 120-241)": a sentence as a warning names it (numbered from 1). */
    private static String where(ParsedSentence s) {
        return "sentence " + (s.index() + 1) + " (characters " + s.start() + "-" + s.end() + ")";
    }

    /**
     * Fighting, talks and peace that name nobody take their sides from the document ("Clashes continued on Tuesday",
     * "an armistice was signed").
     */
    private static final java.util.Set<String> TWO_SIDED = org.faultline.coding.lexicon.WordSets.bundled()
            .union("two-sided-nouns", "settlement-nouns");

    private static final java.util.Set<String> PRONOUN_CUES = org.faultline.coding.lexicon.WordSets.bundled()
            .set("pronoun-cues");

    /**
     * The cheap pre-parse filter: a sentence is parsed only when it has a trigger word and something that can be
     * an actor (a knowledge-base name, a generic agent, a title, a pronoun, a description the document context
     * resolves such as "both sides" or "the regime", a noun of fighting, talks or peace). Most sentences of economic
     * or sports news fail it and cost only tagging.
     */
    boolean worthParsing(ParsedSentence s) {
        if (!extractor.hasTriggerWord(s)) {
            return false;
        }
        List<org.faultline.nlp.Token> toks = s.tokens();
        for (int i = 0; i < toks.size(); i++) {
            org.faultline.nlp.Token t = toks.get(i);
            if (!kb.formsStartingWith(t.word()).isEmpty()
                    || MentionFinder.contextCue(toks, i)
                    || t.isNoun() && (kb.agentSector(t.lemma()) != null || kb.office(t.lemma()) != null)
                    || t.pos().startsWith("PRP") && PRONOUN_CUES.contains(t.lemma())
                    || t.isNoun() && TWO_SIDED.contains(t.lemma())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Ambiguous place names ("Moura", "La Paz", "Tripoli") take the candidate in the country the article supports
     * most: its unambiguous places count two, each state it names by name one ("Russian forces" says whose forces,
     * not where).
     * A name none of whose countries the article touches is no place of this article unless its first candidate
     * outweighs the others (a capital, ten times the population); when the article names no country at all, the
     * gazetteer's first, most populous, candidate stands.
     */
    static List<MentionFinder.Found> resolvePlaces(List<MentionFinder.Found> found, List<PlaceMention> all,
                                                   List<Mention> mentions, String text) {
        Map<String, Integer> votes = new java.util.HashMap<>();
        for (PlaceMention p : all) {
            if (!p.ambiguous()) {
                votes.merge(p.place().country(), 2, Integer::sum);
            }
        }
        for (Mention m : mentions) {
            // a state named as such ("in Mali", "Ukraine said"), not an actor's nationality ("Russian forces"),
            // and only to choose among candidates the places already offer
            if (m.code() != null && m.entry() != null && m.entry().kind() == ActorEntry.Kind.STATE
                    && m.form() == org.faultline.coding.kb.FormType.NAME) {
                votes.merge(m.code(), 1, Integer::sum);
            }
        }
        if (votes.isEmpty()) {
            return found;
        }
        List<MentionFinder.Found> out = new ArrayList<>(found.size());
        for (MentionFinder.Found f : found) {
            List<PlaceMention> ps = new ArrayList<>(f.places().size());
            for (PlaceMention p : f.places()) {
                if (!p.ambiguous()) {
                    ps.add(p);
                    continue;
                }
                Place first = p.candidates().get(0); // (a country sorts before every other kind of place)
                if ("COUNTRY".equals(first.kind()) && p.place().equals(first)
                        && (votes.getOrDefault(first.country(), 0) > 0 || !qualifier(text, p))) {
                    // "Lebanon", "Egypt" named as states: the country, not a town named after it in a country the
                    // article names more (a name a neighbouring place already qualified keeps that reading:
                    // "Albania municipality (La Guajira)")
                    ps.add(p);
                    continue;
                }
                String best = null;
                for (Place c : p.candidates()) {
                    int v = votes.getOrDefault(c.country(), 0);
                    if (v > 0 && (best == null || v > votes.get(best))) {
                        best = c.country();
                    }
                }
                PlaceMention voted = best == null ? null : p.preferring(best);
                if (voted != null && !outweighs(first, voted.place())) {
                    ps.add(voted);
                } else if (voted != null || dominant(p)) {
                    ps.add(p); // "In Moscow, the president ...": the capital, not the town in Idaho
                }
                // else dropped: "in the Red Sea" in an article about Yemen is no place in Egypt or Sudan, which the
                // article never names; an ambiguous name is a place only in a country the article supports, or
                // where one candidate outweighs all others
            }
            out.add(new MentionFinder.Found(f.mentions(), ps));
        }
        return out;
    }

    /** "(Kalemie, Tanganyika)": a name that follows a comma or bracket in a list of places qualifies the one before. */
    private static boolean qualifier(String text, PlaceMention p) {
        int k = p.start() - 1;
        while (k >= 0 && Character.isWhitespace(text.charAt(k))) {
            k--;
        }
        return k >= 0 && (text.charAt(k) == ',' || text.charAt(k) == '(');
    }

    /**
     * Whether a world city outweighs the article's own reading of its name: a capital or a city of a million that is
     * a hundred times as populous ("Blinken said in London" in an article about the United States is not London,
     * Ohio; "talks in Doha and Cairo" not Cairo, Georgia), while a town of a country the article names keeps its
     * reading against a mere larger namesake ("Tripoli" in a story about Lebanon).
     */
    private static boolean outweighs(Place first, Place voted) {
        if (first.country().equals(voted.country()) || voted.population() <= 0) {
            return false; // (a region has no population figure to weigh: "Sucre state" is no smaller than Sucre)
        }
        boolean worldCity = "CAPITAL".equals(first.kind()) || first.population() >= 1_000_000;
        return worldCity && first.population() >= 100L * voted.population();
    }

    /** Whether the first candidate of a name is a capital or ten times as populous as any other country's. */
    private static boolean dominant(PlaceMention p) {
        Place first = p.candidates().get(0);
        if ("CAPITAL".equals(first.kind())) {
            return true;
        }
        long other = 0;
        for (Place c : p.candidates()) {
            if (!c.country().equals(first.country())) {
                other = Math.max(other, c.population());
            }
        }
        return first.population() > 0 && first.population() >= 10 * other;
    }

    /** What demands or accusations voiced by protesters are recoded as (recodes.tsv). */
    private static final org.faultline.coding.lexicon.Recodes.Recode VOICED_BY_PROTESTERS =
            org.faultline.coding.lexicon.Recodes.bundled().get("voiced-by-protesters");

    /**
     * A protest's demands and denunciations ("teachers protested to demand ...") are the protest's content, not
     * separate requests or accusations: verbal-conflict events by the protesters are folded into the protest.
     */
    private static List<Candidate> foldProtestContent(List<Candidate> candidates) {
        List<Candidate> protests = candidates.stream()
                .filter(c -> c.type() == org.faultline.model.EventType.PROTEST).toList();
        if (protests.isEmpty()) {
            // "protesters demanded access to basic services": demands voiced by protesters are a protest
            List<Candidate> out = new ArrayList<>(candidates.size());
            for (Candidate c : candidates) {
                boolean verbal = c.type() == org.faultline.model.EventType.REQUEST
                        || c.type() == org.faultline.model.EventType.ACCUSE;
                if (verbal && !c.actors().isEmpty() && c.actors().stream().allMatch(RuleBasedCoder::protester)) {
                    c = new Candidate(c.sentence(), c.triggerFirst(), c.triggerLast(), c.entry(),
                            VOICED_BY_PROTESTERS.type(), VOICED_BY_PROTESTERS.mode(), c.context(),
                            VOICED_BY_PROTESTERS.cameo(), c.actors(), c.recipients(), c.modality(), c.attribution(),
                            c.date(), c.location(), c.quantity(), c.confidence(),
                            c.rule() + "+" + VOICED_BY_PROTESTERS.id());
                }
                out.add(c);
            }
            return out;
        }
        java.util.Set<String> protesters = new java.util.HashSet<>();
        for (Candidate p : protests) {
            for (Mention m : p.actors()) {
                protesters.add(m.code() + "/" + m.sector());
            }
        }
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : candidates) {
            boolean verbal = c.type() == org.faultline.model.EventType.REQUEST
                    || c.type() == org.faultline.model.EventType.ACCUSE
                    || c.type() == org.faultline.model.EventType.REJECT;
            boolean byProtesters = c.actors().isEmpty() || c.actors().stream()
                    .anyMatch(m -> m.generic() || protesters.contains(m.code() + "/" + m.sector()));
            if (verbal && byProtesters) {
                continue;
            }
            out.add(c);
        }
        return out;
    }

    private static boolean protester(Mention m) {
        String r = m.rule();
        return m.generic() && r != null && (r.contains("protester") || r.contains("demonstrator")
                || r.contains("rioter"));
    }

    /** Same type, actors, recipients and modality, dates compatible: one event, several evidence spans. */
    private List<Event> merge(Article article, ParsedDocument doc, List<Candidate> all, int base) {
        List<Candidate> candidates = foldProtestContent(all);
        Map<String, List<Candidate>> groups = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            String key = c.type() + "|" + codes(c.actors()) + "|" + codes(c.recipients()) + "|" + c.modality();
            List<Candidate> g = groups.get(key);
            if (g != null && compatible(g.get(0), c)) {
                g.add(c);
            } else {
                // keep incompatible dates apart under a distinct key
                String k = key;
                int n = 1;
                while (groups.containsKey(k) && !compatible(groups.get(k).get(0), c)) {
                    k = key + "#" + n++;
                }
                groups.computeIfAbsent(k, x -> new ArrayList<>()).add(c);
            }
        }
        List<Event> out = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (List<Candidate> g : groups.values()) {
            Event e = toEvent(article, doc, g, base);
            for (int n = 1; !ids.add(e.id()); n++) {
                // never two events with one id in a document (the store's key): a second one is numbered
                e = e.withId(hash(e.id() + "#" + n));
            }
            out.add(e);
        }
        return out;
    }

    /**
     * Two mentions may report one event when their dates are within a month, or when the coarser date's period
     * holds the finer one ("on Tuesday" and "this year"); an article-date fallback fits anything.
     */
    private static boolean compatible(Candidate a, Candidate b) {
        if (a.date().precision() == DatePrecision.ARTICLE || b.date().precision() == DatePrecision.ARTICLE) {
            return true;
        }
        if (Math.abs(ChronoUnit.DAYS.between(a.date().date(), b.date().date())) <= 31) {
            return true;
        }
        Candidate coarse = rank(a.date().precision()) <= rank(b.date().precision()) ? a : b;
        Candidate fine = coarse == a ? b : a;
        LocalDate from = coarse.date().date();
        LocalDate until = switch (coarse.date().precision()) {
            case YEAR -> from.plusYears(1);
            case MONTH -> from.plusMonths(1);
            case WEEK -> from.plusWeeks(1);
            default -> from.plusDays(1);
        };
        return !fine.date().date().isBefore(from) && fine.date().date().isBefore(until);
    }

    /** How precise a date is: article fallback 0, year 1, month 2, week 3, day 4. */
    private static int rank(DatePrecision p) {
        return switch (p) {
            case ARTICLE -> 0;
            case YEAR -> 1;
            case MONTH -> 2;
            case WEEK -> 3;
            default -> 4;
        };
    }

    private static String codes(List<Mention> ms) {
        TreeSet<String> s = new TreeSet<>();
        for (Mention m : ms) {
            s.add(m.code() + "/" + m.sector());
        }
        return String.join(",", s);
    }

    private Event toEvent(Article article, ParsedDocument doc, List<Candidate> group, int base) {
        Candidate lead = group.get(0);
        for (Candidate c : group) {
            if (score(c) > score(lead)) {
                lead = c;
            }
        }
        String text = article.text();
        List<Evidence> evidence = new ArrayList<>();
        for (Candidate c : group) {
            ParsedSentence s = doc.sentences().get(c.sentence());
            int ts = s.token(c.triggerFirst()).start();
            int te = s.token(c.triggerLast()).end();
            evidence.add(new Evidence(article.id(), s.index(), s.start(), s.end(), text.substring(s.start(), s.end()),
                    text.substring(ts, te), ts, te));
        }
        Evidence first = evidence.get(0);
        // one trigger may carry several events ("X and the UN called for a pause" coded per caller, a refusal and
        // its REJECT): the id names the participants too, so that it is unique per event and stable across runs
        String id = hash(article.id() + "|" + (first.triggerStart() - base) + "|" + lead.type() + "|"
                + codes(lead.actors()) + "|" + codes(lead.recipients()) + "|" + lead.modality());
        boolean negated = lead.modality() == Modality.NEGATED || lead.modality() == Modality.REFUSED;
        String cameoCode = lead.cameo() == null ? defaultCameo(lead) : lead.cameo();
        LocalDate day = lead.date().date();
        return new Event(id, article.id(), lead.type(), lead.mode(), lead.context(), cameoCode, lead.type().quadClass(),
                cameo.goldstein(cameoCode), refs(lead.actors(), day), refs(lead.recipients(), day), day,
                lead.date().precision(), lead.date().expression(), lead.location(), lead.quantity(), negated,
                lead.modality(), lead.attribution(), lead.confidence(), evidence, lead.rule(), CODER_VERSION);
    }

    private static String defaultCameo(Candidate c) {
        return switch (c.type()) {
            case AGREE -> "03";
            case CONSULT -> "04";
            case SUPPORT -> "05";
            case CONCEDE -> "08";
            case COOPERATE -> "06";
            case AID -> "07";
            case RETREAT -> "087";
            case REQUEST -> "10";
            case ACCUSE -> "11";
            case REJECT -> "12";
            case THREATEN -> "13";
            case PROTEST -> "14";
            case MOBILIZE -> "15";
            case SANCTION -> "16";
            case COERCE -> "17";
            case ASSAULT -> "19";
        };
    }

    /** The most specific report leads: the most precise date first, then more arguments, higher confidence. */
    private static int score(Candidate c) {
        return 10 * rank(c.date().precision()) + c.actors().size() + c.recipients().size() + (int) (c.confidence() * 2);
    }

    private List<ActorRef> refs(List<Mention> ms, LocalDate day) {
        List<ActorRef> out = new ArrayList<>(ms.size());
        for (Mention m : ms) {
            ActorEntry holder = officeHolder(m, day);
            if (holder != null) {
                out.add(new ActorRef(m.text(), holder.code(), holder.sector(), holder.name(), holder.id(), m.start(),
                        m.end()));
                continue;
            }
            Mention a = m.antecedent();
            out.add(new ActorRef(m.text(), m.code(), m.sector(), m.entry() != null ? m.entry().name() : implicitName(m),
                    m.entry() != null ? m.entry().id() : m.code() == null ? null : m.rule(), m.start(), m.end(),
                    a == null ? null : new org.faultline.model.TextSpan(a.text(), a.start(), a.end())));
        }
        return out;
    }

    /**
     * "The president" with no country named, once the event's place or the document's setting has given it one:
     * whoever held that office there on the event's date, or {@code null}.
     */
    private ActorEntry officeHolder(Mention m, LocalDate day) {
        if (m.entry() != null || m.source() != Mention.Source.TITLE || m.code() == null || m.rule() == null
                || !m.rule().startsWith(TITLE_RULE) || m.rule().contains("@")) {
            return null;
        }
        return kb.holder(m.code(), m.rule().substring(TITLE_RULE.length()), day);
    }

    private static final String TITLE_RULE = "title:";

    /** Readable names for actors the text implies but does not name (their span is the trigger). */
    private static String implicitName(Mention m) {
        String r = m.rule() == null ? "" : m.rule();
        if (r.startsWith("implicit-protesters")) {
            return "unnamed protesters";
        }
        if (r.startsWith("implicit-unidentified")) {
            return "unidentified perpetrator";
        }
        if (r.startsWith("victim:")) {
            return "unnamed victims";
        }
        if (r.startsWith("implicit-target")) {
            return "the state where it happened";
        }
        return null;
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
