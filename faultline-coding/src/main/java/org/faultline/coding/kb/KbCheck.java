package org.faultline.coding.kb;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Checks of an overlay's rows: every bad cell as {@code file:line: problem}, all of them rather than the first.
 * {@link #rowProblems} is what loading refuses; {@link #overlaps} (terms of one office that overlap, once the
 * overlay is laid over the bundled holders) is reported by {@code faultline kb check} only, since the coder copes
 * with them (the later holder wins) but they are almost always a mistake. Stateless.
 */
public final class KbCheck {
    private static final Set<String> PLACE_KINDS = Set.of("COUNTRY", "CAPITAL", "ADM1", "CITY");

    private KbCheck() {
    }

    /**
     * Every bad row of the overlay: missing ids, ids repeated within the overlay, cells the loader would refuse
     * (dates, kinds, sectors, codes, numbers), and country or actor codes that neither the bundled knowledge base
     * ({@code knownCodes}) nor the overlay's own countries.tsv define.
     */
    public static List<KbProblem> rowProblems(KbOverlay overlay, Set<String> knownCodes) {
        List<KbProblem> problems = new ArrayList<>();
        Set<String> known = new HashSet<>(knownCodes);
        overlay.table("countries.tsv").ifPresent(t -> t.rows().forEach(r -> known.add(r.get("iso3"))));
        Map<String, String> officeIds = new HashMap<>();
        for (Map.Entry<String, TsvTable> e : overlay.tables().entrySet()) {
            String file = e.getKey();
            Map<String, String> ids = KbOverlay.OFFICE_FILES.contains(file) ? officeIds : new HashMap<>();
            for (TsvTable.Row r : e.getValue().rows()) {
                if (!file.equals("places.tsv")) {
                    String id = r.get("id");
                    if (id.isEmpty()) {
                        problems.add(problem(r, "empty id"));
                        continue;
                    }
                    String first = ids.putIfAbsent(id, r.where());
                    if (first != null) {
                        problems.add(problem(r, "id '" + id + "' repeats " + first + " (one row per id)"));
                    }
                }
                checkRow(file, r, known, problems);
            }
        }
        return problems;
    }

    private static void checkRow(String file, TsvTable.Row r, Set<String> known, List<KbProblem> problems) {
        switch (file) {
            case "countries.tsv" -> {
                attempt(problems, r, () -> KnowledgeBase.code(r, r.get("iso3")));
                required(problems, r, "name");
            }
            case "historical_states.tsv" -> {
                attempt(problems, r, () -> knownCode(r, "code", known));
                attempt(problems, r, () -> {
                    LocalDate from = KnowledgeBase.year(r, "from", false);
                    LocalDate to = KnowledgeBase.year(r, "to", true);
                    if (to.isBefore(from)) {
                        throw r.error("'to' (" + to.getYear() + ") is before 'from' (" + from.getYear() + ")");
                    }
                    return to;
                });
            }
            case "organisations.tsv" -> {
                attempt(problems, r, () -> KnowledgeBase.organisationKind(r));
                attempt(problems, r, () -> KnowledgeBase.sector(r, r.getOrEmpty("sector")));
                attempt(problems, r, () -> knownCode(r, "code", known));
                if (!r.getOrEmpty("country").isEmpty()) {
                    attempt(problems, r, () -> knownCode(r, "country", known));
                }
                required(problems, r, "name");
                if (r.list("names").isEmpty() && r.list("adjectives").isEmpty()) {
                    problems.add(problem(r, "no names and no adjectives: no text can ever name this entry"));
                }
            }
            case "leaders.tsv", "ministers.tsv", "offices.tsv" -> {
                attempt(problems, r, () -> KnowledgeBase.officeEntry(r));
                attempt(problems, r, () -> knownCode(r, "country", known));
                required(problems, r, "person");
                String office = r.get("office");
                if (!office.matches("[a-z][a-z_]*")) {
                    problems.add(problem(r, "office '" + office + "' is not an office name in lower case with "
                            + "underscores (president, prime_minister, defence_minister, ...)"));
                }
                String leader = r.getOrEmpty("leader");
                if (!leader.isEmpty() && !leader.equals("yes") && !leader.equals("no")) {
                    problems.add(problem(r, "leader '" + leader + "' is not yes, no or empty"));
                }
            }
            case "titles.tsv" -> {
                required(problems, r, "phrase");
                required(problems, r, "office");
            }
            case "places.tsv" -> {
                required(problems, r, "name");
                attempt(problems, r, () -> knownCode(r, "iso3", known));
                if (!PLACE_KINDS.contains(r.get("kind"))) {
                    problems.add(problem(r, "kind '" + r.get("kind") + "' is not one of " + PLACE_KINDS));
                }
                attempt(problems, r, () -> KnowledgeBase.number(r, "lat"));
                attempt(problems, r, () -> KnowledgeBase.number(r, "lon"));
                String pop = r.getOrEmpty("population");
                if (!pop.isEmpty() && !pop.matches("\\d+")) {
                    problems.add(problem(r, "population '" + pop + "' is not a whole number"));
                }
            }
            default -> throw new IllegalStateException("no check for " + file);
        }
    }

    /**
     * Terms of one office in one country that overlap by more than the handover day, where at least one of the
     * two comes from the overlay; the problem is reported at the overlay's row.
     *
     * @param bundledHolders the bundled office holders ({@link KnowledgeBase#officeHolders()} without overlay)
     */
    public static List<KbProblem> overlaps(KbOverlay overlay, Collection<ActorEntry> bundledHolders) {
        Map<String, ActorEntry> byId = new LinkedHashMap<>();
        bundledHolders.forEach(e -> byId.put(e.id(), e));
        Set<String> fromOverlay = new HashSet<>();
        for (String file : KbOverlay.OFFICE_FILES) {
            for (TsvTable.Row r : overlay.table(file).map(TsvTable::rows).orElse(List.of())) {
                try {
                    ActorEntry e = KnowledgeBase.officeEntry(r);
                    byId.put(e.id(), e);
                    fromOverlay.add(e.id());
                } catch (IllegalArgumentException bad) {
                    // a bad row is a row problem already; it has no term to compare
                }
            }
        }
        Map<String, List<ActorEntry>> byOffice = new HashMap<>();
        byId.values().forEach(e -> byOffice.computeIfAbsent(e.code() + " " + e.office(), k -> new ArrayList<>())
                .add(e));
        List<KbProblem> problems = new ArrayList<>();
        for (List<ActorEntry> terms : byOffice.values()) {
            for (int i = 0; i < terms.size(); i++) {
                for (int j = i + 1; j < terms.size(); j++) {
                    ActorEntry a = terms.get(i);
                    ActorEntry b = terms.get(j);
                    if (!fromOverlay.contains(a.id()) && !fromOverlay.contains(b.id()) || !overlap(a, b)) {
                        continue;
                    }
                    ActorEntry mine = fromOverlay.contains(b.id()) ? b : a;
                    ActorEntry other = mine == b ? a : b;
                    problems.add(new KbProblem(mine.source(), mine.code() + " " + mine.office() + ": the term of "
                            + mine.name() + " (" + term(mine) + ") overlaps that of " + other.name() + " ("
                            + term(other) + ", " + other.id() + " at " + other.source() + ")"));
                }
            }
        }
        problems.sort(java.util.Comparator.comparing(KbProblem::where, KbCheck::byFileThenLine));
        return problems;
    }

    private static int byFileThenLine(String a, String b) {
        int ca = a.lastIndexOf(':');
        int cb = b.lastIndexOf(':');
        int f = a.substring(0, Math.max(ca, 0)).compareTo(b.substring(0, Math.max(cb, 0)));
        if (f != 0 || ca < 0 || cb < 0) {
            return f != 0 ? f : a.compareTo(b);
        }
        try {
            return Integer.compare(Integer.parseInt(a.substring(ca + 1)), Integer.parseInt(b.substring(cb + 1)));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    /** Overlap of more than one day: a handover day that ends one term and starts the next is not an overlap. */
    static boolean overlap(ActorEntry a, ActorEntry b) {
        LocalDate aStart = a.start() == null ? LocalDate.MIN : a.start();
        LocalDate bStart = b.start() == null ? LocalDate.MIN : b.start();
        LocalDate aEnd = a.end() == null ? LocalDate.MAX : a.end();
        LocalDate bEnd = b.end() == null ? LocalDate.MAX : b.end();
        return aStart.isBefore(bEnd) && bStart.isBefore(aEnd);
    }

    private static String term(ActorEntry e) {
        return (e.start() == null ? "?" : e.start().toString()) + " to " + (e.end() == null ? "now" : e.end());
    }

    private static String knownCode(TsvTable.Row r, String column, Set<String> known) {
        String code = KnowledgeBase.code(r, r.get(column));
        if (!known.contains(code)) {
            throw r.error(column + " '" + code + "' is not a country or actor code the knowledge base knows "
                    + "(add the state to countries.tsv of the overlay, or use IGO, NGO or IMG)");
        }
        return code;
    }

    private static void required(List<KbProblem> problems, TsvTable.Row r, String column) {
        if (r.get(column).isEmpty()) {
            problems.add(problem(r, "empty " + column));
        }
    }

    private static void attempt(List<KbProblem> problems, TsvTable.Row r, Supplier<?> check) {
        try {
            check.get();
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            String prefix = r.where() + ": ";
            problems.add(new KbProblem(r.where(), m.startsWith(prefix) ? m.substring(prefix.length()) : m));
        }
    }

    private static KbProblem problem(TsvTable.Row r, String message) {
        return new KbProblem(r.where(), message);
    }
}
