package org.faultline.coding.kb;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The bundled, dated actor knowledge base: states with their names, adjectives, demonyms and seats of power;
 * organisations and armed groups; office holders with terms; generic agents with their sectors; titles;
 * and the gazetteer of places. Loaded once, immutable and thread-safe afterwards.
 */
public final class KnowledgeBase {
    private static final String ROOT = "/org/faultline/coding/";
    private static final Set<String> SECTORS = Set.of("COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY",
            "UAF", "UNK", "AGR", "BUS", "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL",
            "SOC", "IGO", "NGO");

    private final Map<String, ActorEntry> entries = new LinkedHashMap<>();
    private final Map<String, List<SurfaceForm>> formsByFirstWord = new HashMap<>();
    private final Map<String, ActorEntry> states = new HashMap<>();
    private final Map<String, List<ActorEntry>> officesByCountry = new HashMap<>();
    private final Map<String, String> agents = new HashMap<>();
    private final Map<String, String> agentIds = new HashMap<>();
    private final Map<String, String> titles = new HashMap<>();
    private final Map<String, List<Place>> places = new HashMap<>();
    private final Map<String, String> shas = new TreeMap<>();
    private final Map<String, Integer> rowCounts = new TreeMap<>();
    private final Map<String, String> asOf = new TreeMap<>();
    private final java.util.Set<String> placeCountries = new java.util.TreeSet<>();
    private Path overlay;
    private static final java.util.regex.Pattern AS_OF = java.util.regex.Pattern.compile(
            "\\bas of (\\d{4}-\\d{2}(?:-\\d{2})?)\\b");
    private int maxAgentWords = 1;
    private int maxTitleWords = 1;

    private KnowledgeBase() {
    }

    /** The bundled knowledge base, plus user files (organisations.tsv columns) that add or override entries. */
    public static KnowledgeBase load(List<Path> userActorFiles) throws IOException {
        return load(null, userActorFiles);
    }

    /**
     * The bundled knowledge base with an overlay directory laid over it (rows with a bundled id replace that row,
     * new ids add; see {@link KbOverlay}), then user organisation files that add or override entries.
     *
     * @param overlay         the overlay, or {@code null} for none
     * @param userActorFiles  files with the columns of organisations.tsv ({@code --actors})
     * @throws KbException    listing every bad row of the overlay as {@code file:line: problem}; nothing is loaded
     * @throws IllegalArgumentException naming {@code file:line} for a bad row of a user organisation file
     */
    public static KnowledgeBase load(KbOverlay overlay, List<Path> userActorFiles) throws IOException {
        KnowledgeBase kb = new KnowledgeBase();
        TsvTable countries = TsvTable.resource(ROOT + "kb/countries.tsv", "id", "iso3", "name", "names",
                "adjectives", "demonyms", "metonyms");
        TsvTable historical = TsvTable.resource(ROOT + "kb/historical_states.tsv", "id", "code", "name", "names",
                "from", "to");
        TsvTable organisations = TsvTable.resource(ROOT + "kb/organisations.tsv", "id", "code", "kind", "name",
                "names");
        List<TsvTable> offices = new ArrayList<>();
        for (String f : List.of("kb/leaders.tsv", "kb/ministers.tsv")) {
            offices.add(TsvTable.optionalResource(ROOT + f, "id", "person", "names", "country", "office", "start",
                    "end"));
        }
        TsvTable agents = TsvTable.resource(ROOT + "lexicon/agents.tsv", "id", "phrase", "sector");
        TsvTable titles = TsvTable.resource(ROOT + "kb/titles.tsv", "id", "phrase", "office");
        TsvTable places = TsvTable.optionalResource(ROOT + "kb/places.tsv", "name", "iso3", "admin1", "kind");
        for (TsvTable t : List.of(countries, historical, organisations, offices.get(0), offices.get(1), agents,
                titles, places)) {
            kb.record(t.name(), t);
        }
        TsvTable officeRows = TsvTable.concat("offices", offices);
        if (overlay != null) {
            List<KbProblem> problems = new ArrayList<>(overlay.fileProblems());
            problems.addAll(KbCheck.rowProblems(overlay, knownCodes(countries, historical, organisations, places)));
            if (!problems.isEmpty()) {
                throw new KbException("knowledge-base overlay " + overlay.dir() + " has " + problems.size()
                        + (problems.size() == 1 ? " problem" : " problems"), problems);
            }
            kb.overlay = overlay.dir();
            overlay.tables().forEach((name, t) -> kb.record(OVERLAY_PREFIX + name, t));
            countries = layer(countries, overlay, "countries.tsv", ID);
            historical = layer(historical, overlay, "historical_states.tsv", ID);
            organisations = layer(organisations, overlay, "organisations.tsv", ID);
            titles = layer(titles, overlay, "titles.tsv", ID);
            places = layer(places, overlay, "places.tsv", PLACE_KEY);
            List<TsvTable> overlayOffices = KbOverlay.OFFICE_FILES.stream().map(overlay::table)
                    .flatMap(java.util.Optional::stream).toList();
            officeRows = officeRows.overlaidBy(TsvTable.concat("overlay offices", overlayOffices), ID);
        }
        kb.loadCountries(countries);
        kb.loadHistoricalStates(historical);
        kb.loadOrganisations(organisations);
        kb.loadOffices(officeRows);
        kb.loadAgents(agents);
        kb.loadTitles(titles);
        kb.loadPlaces(places);
        for (Path p : userActorFiles) {
            TsvTable t = TsvTable.file(p, "id", "code", "kind", "name", "names");
            kb.record(t.name(), t);
            kb.loadOrganisations(t);
        }
        kb.freeze();
        return kb;
    }

    /** Prefix of an overlay file's key in {@link #resourceHashes()} and {@link #rowCounts()}. */
    public static final String OVERLAY_PREFIX = "overlay/";
    static final java.util.function.Function<TsvTable.Row, String> ID = r -> r.get("id");
    /** Places have no id: a place is replaced by one of the same name, country, region and kind. */
    static final java.util.function.Function<TsvTable.Row, String> PLACE_KEY = r -> r.get("name") + "\t"
            + r.get("iso3") + "\t" + r.getOrEmpty("admin1") + "\t" + r.get("kind");

    private static TsvTable layer(TsvTable bundled, KbOverlay overlay, String file,
            java.util.function.Function<TsvTable.Row, String> key) {
        return overlay.table(file).map(o -> bundled.overlaidBy(o, key)).orElse(bundled);
    }

    /** Actor and country codes the bundled files use: states, successors, IGO/NGO/IMG, territories of places. */
    private static Set<String> knownCodes(TsvTable countries, TsvTable historical, TsvTable organisations,
            TsvTable places) {
        Set<String> codes = new java.util.HashSet<>(Set.of("IGO", "NGO", "IMG"));
        countries.rows().forEach(r -> codes.add(r.get("iso3")));
        historical.rows().forEach(r -> codes.add(r.get("code")));
        organisations.rows().forEach(r -> codes.add(r.get("code")));
        places.rows().forEach(r -> codes.add(r.get("iso3")));
        return codes;
    }

    public static KnowledgeBase loadBundled() {
        try {
            return load(List.of());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void record(String key, TsvTable t) {
        shas.put(key, t.sha256().length() > 12 ? t.sha256().substring(0, 12) : t.sha256());
        rowCounts.put(key, t.rows().size());
        for (String c : t.comments()) {
            java.util.regex.Matcher m = AS_OF.matcher(c);
            if (m.find()) {
                asOf.put(key, m.group(1));
                break;
            }
        }
    }

    private void loadCountries(TsvTable t) {
        for (TsvTable.Row r : t.rows()) {
            String iso = code(r, r.get("iso3"));
            ActorEntry e = new ActorEntry(r.get("id"), iso, null, ActorEntry.Kind.STATE, r.get("name"), null, null,
                    null, false, r.where());
            put(r, e);
            states.put(iso, e);
            addForm(r.get("name"), FormType.NAME, e);
            addCountryPlace(r.get("name"), iso); // a country name is also a place
            addStateForms(r, e);
            r.list("epithets").forEach(f -> addForm(f, FormType.EPITHET, e));
        }
    }

    /** A state's names, adjectives, demonyms and seats of power as surface forms; its names also as places. */
    private void addStateForms(TsvTable.Row r, ActorEntry e) {
        r.list("names").forEach(f -> addForm(f, FormType.NAME, e));
        r.list("adjectives").forEach(f -> addForm(f, FormType.ADJECTIVE, e));
        r.list("demonyms").forEach(f -> addForm(f, FormType.DEMONYM, e));
        r.list("metonyms").forEach(f -> addForm(f, FormType.METONYM, e));
        r.list("names").forEach(n -> addCountryPlace(n, e.code()));
    }

    private void addCountryPlace(String name, String code) {
        places.computeIfAbsent(name, x -> new ArrayList<>()).add(new Place(name, code, null, "COUNTRY", null, null,
                Long.MAX_VALUE));
    }

    /**
     * Former states and former names of states, coded as their main successor (the Soviet Union as RUS) but kept
     * as entries of their own, valid from the first day of their first year to the last day of their last.
     */
    private void loadHistoricalStates(TsvTable t) {
        for (TsvTable.Row r : t.rows()) {
            String code = code(r, r.get("code"));
            LocalDate from = year(r, "from", false);
            LocalDate to = year(r, "to", true);
            if (to.isBefore(from)) {
                throw r.error("'to' (" + to.getYear() + ") is before 'from' (" + from.getYear() + ")");
            }
            ActorEntry e = new ActorEntry(r.get("id"), code, null, ActorEntry.Kind.STATE, r.get("name"), from, to,
                    null, false, r.where());
            put(r, e);
            addStateForms(r, e);
        }
    }

    static LocalDate year(TsvTable.Row r, String col, boolean last) {
        String v = r.get(col);
        if (!v.matches("\\d{3,4}")) {
            throw r.error(col + " '" + v + "' is not a year");
        }
        int y = Integer.parseInt(v);
        return last ? LocalDate.of(y, 12, 31) : LocalDate.of(y, 1, 1);
    }

    /**
     * Whether a surface form may name its entry in an article of the given date: adjectives of former states
     * ("Soviet", "Yugoslav") only up to ten years after the state ended, so that "Soviet-era tanks" in today's
     * news names no actor; every other form always.
     */
    public static boolean formUsableOn(SurfaceForm f, LocalDate articleDate) {
        ActorEntry e = f.entry();
        if (articleDate == null || e.kind() != ActorEntry.Kind.STATE || e.end() == null
                || f.type() != FormType.ADJECTIVE) {
            return true;
        }
        return !articleDate.isAfter(e.end().plusYears(10));
    }

    private void loadOrganisations(TsvTable t) {
        for (TsvTable.Row r : t.rows()) {
            ActorEntry.Kind kind = organisationKind(r);
            String sector = sector(r, r.getOrEmpty("sector"));
            ActorEntry e = new ActorEntry(r.get("id"), code(r, r.get("code")), sector, kind, r.get("name"), null,
                    null, null, false, r.where());
            ActorEntry old = entries.get(e.id());
            if (old != null) {
                // user files override: drop the old entry's forms
                formsByFirstWord.values().forEach(l -> l.removeIf(f -> f.entry().id().equals(e.id())));
            }
            entries.put(e.id(), e);
            // the canonical name is matched only where "names" lists it ("Memorial", "Kan" are ordinary words)
            r.list("names").forEach(f -> addForm(f, FormType.NAME, e));
            r.list("adjectives").forEach(f -> addForm(f, FormType.ADJECTIVE, e));
        }
    }

    static ActorEntry.Kind organisationKind(TsvTable.Row r) {
        try {
            return ActorEntry.Kind.valueOf(r.get("kind").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw r.error("unknown kind '" + r.get("kind") + "'; expected one of "
                    + java.util.Arrays.toString(ActorEntry.Kind.values()));
        }
    }

    private void loadOffices(TsvTable t) {
        for (TsvTable.Row r : t.rows()) {
            ActorEntry e = officeEntry(r);
            put(r, e);
            officesByCountry.computeIfAbsent(e.code(), k -> new ArrayList<>()).add(e);
            addForm(r.get("person"), FormType.NAME, e);
            r.list("names").forEach(f -> addForm(f, FormType.NAME, e));
        }
    }

    /** An office holder's row as an entry; throws naming file:line for a bad date, sector or country code. */
    static ActorEntry officeEntry(TsvTable.Row r) {
        LocalDate start = date(r, "start");
        LocalDate end = date(r, "end");
        if (start != null && end != null && end.isBefore(start)) {
            throw r.error("term ends (" + end + ") before it starts (" + start + ")");
        }
        String sector = sector(r, r.getOrEmpty("sector"));
        String country = code(r, r.get("country"));
        return new ActorEntry(r.get("id"), country, sector == null ? "GOV" : sector, ActorEntry.Kind.PERSON,
                r.get("person"), start, end, r.get("office"), "yes".equalsIgnoreCase(r.getOrEmpty("leader")),
                r.where());
    }

    private void loadAgents(TsvTable t) {
        for (TsvTable.Row r : t.rows()) {
            String phrase = r.get("phrase").toLowerCase(Locale.ROOT).trim();
            String sector = sector(r, r.get("sector"));
            if (phrase.isEmpty() || sector == null) {
                throw r.error("agent needs a phrase and a sector");
            }
            agents.putIfAbsent(phrase, sector);
            agentIds.putIfAbsent(phrase, r.get("id"));
            maxAgentWords = Math.max(maxAgentWords, phrase.split(" ").length);
        }
    }

    private void loadTitles(TsvTable t) {
        for (TsvTable.Row r : t.rows()) {
            String phrase = r.get("phrase").toLowerCase(Locale.ROOT).trim();
            titles.put(phrase, r.get("office"));
            maxTitleWords = Math.max(maxTitleWords, phrase.split(" ").length);
        }
    }

    private void loadPlaces(TsvTable t) {
        for (TsvTable.Row r : t.rows()) {
            String name = r.get("name");
            if (name.length() < 3) {
                continue;
            }
            Double lat = number(r, "lat");
            Double lon = number(r, "lon");
            String pop = r.getOrEmpty("population");
            long population;
            try {
                population = pop.isEmpty() ? 0 : Long.parseLong(pop);
            } catch (NumberFormatException e) {
                throw r.error("population '" + pop + "' is not a whole number");
            }
            String admin1 = r.getOrEmpty("admin1");
            placeCountries.add(r.get("iso3"));
            places.computeIfAbsent(name, k -> new ArrayList<>()).add(new Place(name, code(r, r.get("iso3")),
                    admin1.isEmpty() ? null : admin1, r.get("kind"), lat, lon, population));
        }
    }

    private void freeze() {
        for (List<SurfaceForm> l : formsByFirstWord.values()) {
            l.sort(Comparator.comparingInt((SurfaceForm f) -> f.text().length()).reversed());
        }
        Comparator<Place> rank = Comparator.comparingInt((Place p) -> switch (p.kind()) {
            case "COUNTRY" -> 0;
            case "CAPITAL" -> 1;
            case "ADM1" -> 2;
            default -> 3;
        }).thenComparing(Comparator.comparingLong(Place::population).reversed());
        for (List<Place> l : places.values()) {
            l.sort(rank);
        }
    }

    private void put(TsvTable.Row r, ActorEntry e) {
        if (entries.putIfAbsent(e.id(), e) != null) {
            throw r.error("duplicate id '" + e.id() + "' (first at " + entries.get(e.id()).source() + ")");
        }
    }

    private void addForm(String text, FormType type, ActorEntry e) {
        String t = text.trim();
        if (t.isEmpty()) {
            return;
        }
        // indexed by the accent-folded first word, so that "Toure" and "Touré" find the same forms
        String first = Diacritics.fold(t.split(" ", 2)[0]);
        SurfaceForm form = new SurfaceForm(t, type, e);
        formsByFirstWord.computeIfAbsent(first, k -> new ArrayList<>()).add(form);
        int hyphen = first.indexOf('-');
        if (hyphen > 0) {
            // the tokenizer splits "al-Qaeda" into "al", "-", "Qaeda": the form is looked up by its first piece too
            formsByFirstWord.computeIfAbsent(first.substring(0, hyphen), k -> new ArrayList<>()).add(form);
        }
    }

    static String code(TsvTable.Row r, String code) {
        if (!code.matches("[A-Z]{3}")) {
            throw r.error("actor code '" + code + "' is not three upper-case letters (ISO3, IGO, NGO, IMG, ...)");
        }
        return code;
    }

    static String sector(TsvTable.Row r, String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String v = s.trim().toUpperCase(Locale.ROOT);
        if (!SECTORS.contains(v)) {
            throw r.error("unknown sector '" + s + "'; expected one of " + new java.util.TreeSet<>(SECTORS));
        }
        return v;
    }

    static LocalDate date(TsvTable.Row r, String col) {
        String v = r.getOrEmpty(col);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw r.error(col + " '" + v + "' is not a date YYYY-MM-DD");
        }
    }

    static Double number(TsvTable.Row r, String col) {
        String v = r.getOrEmpty(col);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return Double.valueOf(v);
        } catch (NumberFormatException e) {
            throw r.error(col + " '" + v + "' is not a number");
        }
    }

    /**
     * Surface forms whose first space-delimited word is the given token text, accents aside ({@link Diacritics}),
     * longest first.
     */
    public List<SurfaceForm> formsStartingWith(String word) {
        return formsByFirstWord.getOrDefault(Diacritics.fold(word), List.of());
    }

    public ActorEntry state(String iso3) {
        return states.get(iso3);
    }

    public ActorEntry entry(String id) {
        return entries.get(id);
    }

    /** Sector of a generic agent phrase (lemmas joined by spaces), or {@code null}. */
    public String agentSector(String lemmaPhrase) {
        return agents.get(lemmaPhrase);
    }

    public String agentId(String lemmaPhrase) {
        return agentIds.get(lemmaPhrase);
    }

    public int maxAgentWords() {
        return maxAgentWords;
    }

    /** Office named by a title phrase ("prime minister" → prime_minister, "leader" → leader), or {@code null}. */
    public String office(String lemmaPhrase) {
        return titles.get(lemmaPhrase);
    }

    public int maxTitleWords() {
        return maxTitleWords;
    }

    /**
     * Who held an office in a country on a day; office "leader" means any office marked as the leader.
     * Returns {@code null} when nobody in the knowledge base did.
     */
    public ActorEntry holder(String country, String office, LocalDate day) {
        ActorEntry best = null;
        for (ActorEntry e : officesByCountry.getOrDefault(country, List.of())) {
            boolean fits = "leader".equals(office) ? e.leader() : office.equals(e.office());
            if (fits && e.validOn(day)) {
                // on a handover day the incoming holder wins
                if (best == null || (e.leader() && !best.leader())
                        || e.leader() == best.leader() && e.office().equals(best.office()) && e.start() != null
                        && best.start() != null && e.start().isAfter(best.start())) {
                    best = e;
                }
            }
        }
        return best;
    }

    /** Gazetteer candidates for a name, best first (countries, capitals, regions, then by population). */
    public List<Place> places(String name) {
        return places.getOrDefault(name, List.of());
    }

    /** Versions (short SHA-256) of every resource file, for provenance. */
    public Map<String, String> resourceHashes() {
        return Map.copyOf(shas);
    }

    public int size() {
        return entries.size();
    }

    /** Rows read per file (bundled names, overlay files as {@code overlay/NAME}, user files by path). */
    public Map<String, Integer> rowCounts() {
        return java.util.Collections.unmodifiableMap(rowCounts);
    }

    /** The as-of date a file's header comments state ("as of 2026-12"), by the file's key in {@link #rowCounts()}. */
    public Map<String, String> statedAsOf() {
        return java.util.Collections.unmodifiableMap(asOf);
    }

    /** The overlay directory in use, if any. */
    public java.util.Optional<Path> overlay() {
        return java.util.Optional.ofNullable(overlay);
    }

    /** Every entry, in file order. */
    public java.util.Collection<ActorEntry> entries() {
        return java.util.Collections.unmodifiableCollection(entries.values());
    }

    /** Every office holder's term, by country then file order. */
    public List<ActorEntry> officeHolders() {
        return officesByCountry.values().stream().flatMap(List::stream).toList();
    }

    /** Codes of the states (current and the successors of former ones) the knowledge base knows. */
    public Set<String> stateCodes() {
        return java.util.Collections.unmodifiableSet(states.keySet());
    }

    /** Every actor and country code the entries and places use (ISO3 codes, IGO, NGO, IMG, territories). */
    public Set<String> knownCodes() {
        Set<String> codes = new java.util.TreeSet<>(placeCountries);
        codes.addAll(Set.of("IGO", "NGO", "IMG"));
        entries.values().forEach(e -> codes.add(e.code()));
        return codes;
    }

    /** The title phrases and the office each names. */
    public Map<String, String> titles() {
        return java.util.Collections.unmodifiableMap(titles);
    }

    /** Every surface form equal to {@code text} ignoring case, longest entries' forms first. */
    public List<SurfaceForm> formsMatching(String text) {
        String t = text.strip();
        List<SurfaceForm> out = new ArrayList<>();
        for (List<SurfaceForm> l : formsByFirstWord.values()) {
            for (SurfaceForm f : l) {
                if (f.text().equalsIgnoreCase(t) && !out.contains(f)) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    /** Every gazetteer place whose name equals {@code text} ignoring case, best first per name. */
    public List<Place> placesMatching(String text) {
        String t = text.strip();
        List<Place> out = new ArrayList<>();
        places.forEach((name, l) -> {
            if (name.equalsIgnoreCase(t)) {
                out.addAll(l);
            }
        });
        return out;
    }
}
