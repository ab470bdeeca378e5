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
    private int maxAgentWords = 1;
    private int maxTitleWords = 1;

    private KnowledgeBase() {
    }

    /** The bundled knowledge base, plus user files (organisations.tsv columns) that add or override entries. */
    public static KnowledgeBase load(List<Path> userActorFiles) throws IOException {
        KnowledgeBase kb = new KnowledgeBase();
        kb.loadCountries(TsvTable.resource(ROOT + "kb/countries.tsv", "id", "iso3", "name", "names", "adjectives",
                "demonyms", "metonyms"));
        kb.loadHistoricalStates(TsvTable.resource(ROOT + "kb/historical_states.tsv", "id", "code", "name", "names",
                "from", "to"));
        kb.loadOrganisations(TsvTable.resource(ROOT + "kb/organisations.tsv", "id", "code", "kind", "name", "names"));
        for (String f : List.of("kb/leaders.tsv", "kb/ministers.tsv")) {
            kb.loadOffices(TsvTable.optionalResource(ROOT + f, "id", "person", "names", "country", "office", "start",
                    "end"));
        }
        kb.loadAgents(TsvTable.resource(ROOT + "lexicon/agents.tsv", "id", "phrase", "sector"));
        kb.loadTitles(TsvTable.resource(ROOT + "kb/titles.tsv", "id", "phrase", "office"));
        kb.loadPlaces(TsvTable.optionalResource(ROOT + "kb/places.tsv", "name", "iso3", "admin1", "kind"));
        for (Path p : userActorFiles) {
            kb.loadOrganisations(TsvTable.file(p, "id", "code", "kind", "name", "names"));
        }
        kb.freeze();
        return kb;
    }

    public static KnowledgeBase loadBundled() {
        try {
            return load(List.of());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void record(TsvTable t) {
        shas.put(t.name(), t.sha256().length() > 12 ? t.sha256().substring(0, 12) : t.sha256());
    }

    private void loadCountries(TsvTable t) {
        record(t);
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
        record(t);
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

    private static LocalDate year(TsvTable.Row r, String col, boolean last) {
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
        record(t);
        for (TsvTable.Row r : t.rows()) {
            ActorEntry.Kind kind;
            try {
                kind = ActorEntry.Kind.valueOf(r.get("kind").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw r.error("unknown kind '" + r.get("kind") + "'; expected one of "
                        + java.util.Arrays.toString(ActorEntry.Kind.values()));
            }
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

    private void loadOffices(TsvTable t) {
        record(t);
        for (TsvTable.Row r : t.rows()) {
            LocalDate start = date(r, "start");
            LocalDate end = date(r, "end");
            if (start != null && end != null && end.isBefore(start)) {
                throw r.error("term ends (" + end + ") before it starts (" + start + ")");
            }
            String sector = sector(r, r.getOrEmpty("sector"));
            String country = code(r, r.get("country"));
            ActorEntry e = new ActorEntry(r.get("id"), country, sector == null ? "GOV" : sector,
                    ActorEntry.Kind.PERSON, r.get("person"), start, end, r.get("office"),
                    "yes".equalsIgnoreCase(r.getOrEmpty("leader")), r.where());
            put(r, e);
            officesByCountry.computeIfAbsent(country, k -> new ArrayList<>()).add(e);
            addForm(r.get("person"), FormType.NAME, e);
            r.list("names").forEach(f -> addForm(f, FormType.NAME, e));
        }
    }

    private void loadAgents(TsvTable t) {
        record(t);
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
        record(t);
        for (TsvTable.Row r : t.rows()) {
            String phrase = r.get("phrase").toLowerCase(Locale.ROOT).trim();
            titles.put(phrase, r.get("office"));
            maxTitleWords = Math.max(maxTitleWords, phrase.split(" ").length);
        }
    }

    private void loadPlaces(TsvTable t) {
        record(t);
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
        String first = t.split(" ", 2)[0];
        SurfaceForm form = new SurfaceForm(t, type, e);
        formsByFirstWord.computeIfAbsent(first, k -> new ArrayList<>()).add(form);
        int hyphen = first.indexOf('-');
        if (hyphen > 0) {
            // the tokenizer splits "al-Qaeda" into "al", "-", "Qaeda": the form is looked up by its first piece too
            formsByFirstWord.computeIfAbsent(first.substring(0, hyphen), k -> new ArrayList<>()).add(form);
        }
    }

    private static String code(TsvTable.Row r, String code) {
        if (!code.matches("[A-Z]{3}")) {
            throw r.error("actor code '" + code + "' is not three upper-case letters (ISO3, IGO, NGO, IMG, ...)");
        }
        return code;
    }

    private static String sector(TsvTable.Row r, String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String v = s.trim().toUpperCase(Locale.ROOT);
        if (!SECTORS.contains(v)) {
            throw r.error("unknown sector '" + s + "'; expected one of " + new java.util.TreeSet<>(SECTORS));
        }
        return v;
    }

    private static LocalDate date(TsvTable.Row r, String col) {
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

    private static Double number(TsvTable.Row r, String col) {
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

    /** Surface forms whose first space-delimited word is the given token text, longest first. */
    public List<SurfaceForm> formsStartingWith(String word) {
        return formsByFirstWord.getOrDefault(word, List.of());
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
}
