package org.faultline.coding.kb;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the CSV that the Wikidata Query Service exports for a user's own query into overlay rows: office holders
 * ({@code offices.tsv}) or organisations with aliases ({@code organisations.tsv}). Columns are found by name,
 * case-insensitively (see the README for the accepted names and a sample query). Countries come from an ISO3
 * column, else from a country label the knowledge base knows; offices from an office-name column
 * ({@code defence_minister}), else from a position label through titles.tsv. Stateless.
 */
public final class WikidataImport {
    /** What to import. */
    public enum Kind { HOLDERS, ORGANISATIONS }

    /**
     * The TSV text of the overlay file and the problems (file:line) of rows that could not be imported.
     *
     * @param file     the overlay file name ({@code offices.tsv} or {@code organisations.tsv})
     * @param tsv      the file's text, header comments included
     * @param rows     data rows written
     * @param problems rows refused; when any, nothing should be written
     */
    public record Result(String file, String tsv, int rows, List<KbProblem> problems) {
    }

    private static final String ENTITY = "http://www.wikidata.org/entity/";

    private WikidataImport() {
    }

    /**
     * Converts {@code csv} (named {@code source} in problems).
     *
     * @param kb         the knowledge base whose countries and titles resolve labels
     * @param officeName the office for every row when not {@code null} (overrides the CSV)
     * @param orgKind    the kind for organisation rows without a kind column, or {@code null}
     */
    public static Result convert(Kind kind, String source, byte[] csv, KnowledgeBase kb, String officeName,
            String orgKind) {
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        parseCsv(new String(csv, StandardCharsets.UTF_8), records, lines);
        List<KbProblem> problems = new ArrayList<>();
        if (records.isEmpty()) {
            problems.add(new KbProblem(source, "empty file: expected a header line of column names"));
            return new Result(fileFor(kind), "", 0, problems);
        }
        Map<String, Integer> header = new LinkedHashMap<>();
        List<String> names = records.get(0);
        for (int i = 0; i < names.size(); i++) {
            header.putIfAbsent(names.get(i).strip().replaceFirst("^\\?", "").toLowerCase(Locale.ROOT), i);
        }
        Columns c = new Columns(header, source);
        return kind == Kind.HOLDERS ? holders(c, records, lines, kb, officeName, problems)
                : organisations(c, records, lines, kb, orgKind, problems);
    }

    static String fileFor(Kind kind) {
        return kind == Kind.HOLDERS ? "offices.tsv" : "organisations.tsv";
    }

    /** Column lookup by the first of several accepted names. */
    private record Columns(Map<String, Integer> header, String source) {
        Integer find(String... names) {
            for (String n : names) {
                Integer i = header.get(n.toLowerCase(Locale.ROOT));
                if (i != null) {
                    return i;
                }
            }
            return null;
        }

        String cell(List<String> rec, Integer i) {
            return i == null || i >= rec.size() ? "" : rec.get(i).strip();
        }
    }

    private static Result holders(Columns c, List<List<String>> records, List<Integer> lines, KnowledgeBase kb,
            String officeName, List<KbProblem> problems) {
        Integer person = c.find("personLabel", "holderLabel", "itemLabel", "name");
        Integer personItem = c.find("person", "holder", "item");
        Integer office = c.find("office");
        Integer position = c.find("positionLabel", "officeLabel", "position");
        Integer iso3 = c.find("iso3", "countryIso3", "countryCode", "country_iso3");
        Integer country = c.find("countryLabel", "country");
        Integer start = c.find("start", "startTime", "start_time", "from");
        Integer end = c.find("end", "endTime", "end_time", "to");
        Integer leader = c.find("leader");
        List<String> missing = new ArrayList<>();
        if (person == null && personItem == null) {
            missing.add("personLabel");
        }
        if (officeName == null && office == null && position == null) {
            missing.add("positionLabel or office (or --office)");
        }
        if (iso3 == null && country == null) {
            missing.add("iso3 or countryLabel");
        }
        if (start == null) {
            missing.add("start");
        }
        if (!missing.isEmpty()) {
            problems.add(new KbProblem(c.source() + ":1", "no column " + String.join(", ", missing) + "; found "
                    + c.header().keySet()));
            return new Result("offices.tsv", "", 0, problems);
        }
        Map<String, String[]> out = new LinkedHashMap<>();
        for (int k = 1; k < records.size(); k++) {
            List<String> rec = records.get(k);
            String where = c.source() + ":" + lines.get(k);
            int before = problems.size();
            String name = c.cell(rec, person);
            if (name.isEmpty() || name.startsWith(ENTITY) || name.matches("Q\\d+")) {
                // the label service gives the QID where an item has no English label
                problems.add(new KbProblem(where, "no person label" + (name.isEmpty() ? ""
                        : " (" + name.substring(name.lastIndexOf('/') + 1) + " has no English label)")));
            }
            String off = officeName != null ? officeName : office(c, rec, office, position, kb, where, problems);
            String code = country(c.cell(rec, iso3), c.cell(rec, country), kb, where, problems);
            LocalDate from = date(c.cell(rec, start), "start", where, problems, true);
            LocalDate to = date(c.cell(rec, end), "end", where, problems, false);
            if (from != null && to != null && to.isBefore(from)) {
                problems.add(new KbProblem(where, "end " + to + " is before start " + from));
            }
            if (problems.size() > before) {
                continue;
            }
            String isLeader = c.cell(rec, leader).toLowerCase(Locale.ROOT);
            if (!isLeader.equals("yes") && !isLeader.equals("no")) {
                isLeader = leaderOffice(kb, code, off) ? "yes" : "no";
            }
            String id = "office:" + code + ":" + off + ":" + slug(surname(name)) + "-" + from.getYear();
            // the query service repeats a term once per extra value of any column: keep one row per term
            out.putIfAbsent(id, new String[] {id, name, name, code, off, "GOV", from.toString(),
                to == null ? "" : to.toString(), isLeader});
        }
        StringBuilder b = new StringBuilder();
        b.append("# Office holders imported by faultline kb import-wikidata from ").append(fileName(c.source()))
                .append(" (").append(out.size()).append(" terms).\n")
                .append("# Columns as in the bundled leaders.tsv and ministers.tsv; rows whose id is a bundled id ")
                .append("replace that row.\n")
                .append("id\tperson\tnames\tcountry\toffice\tsector\tstart\tend\tleader\n");
        out.values().forEach(r -> b.append(String.join("\t", r)).append('\n'));
        return new Result("offices.tsv", b.toString(), out.size(), problems);
    }

    private static Result organisations(Columns c, List<List<String>> records, List<Integer> lines,
            KnowledgeBase kb, String orgKind, List<KbProblem> problems) {
        Integer label = c.find("itemLabel", "orgLabel", "organisationLabel", "organizationLabel", "groupLabel",
                "label", "name");
        Integer item = c.find("item", "org", "organisation", "organization", "group");
        Integer id = c.find("id");
        Integer aliases = c.find("aliases", "altLabels", "alias", "altLabel");
        Integer acronym = c.find("acronym", "shortName", "short_name");
        Integer iso3 = c.find("iso3", "countryIso3", "countryCode", "country_iso3");
        Integer country = c.find("countryLabel", "country");
        Integer kindCol = c.find("kind");
        Integer sectorCol = c.find("sector");
        if (label == null || kindCol == null && orgKind == null) {
            problems.add(new KbProblem(c.source() + ":1", "no column " + (label == null ? "itemLabel" : "kind (or "
                    + "--org-kind)") + "; found " + c.header().keySet()));
            return new Result("organisations.tsv", "", 0, problems);
        }
        Map<String, Org> out = new LinkedHashMap<>();
        for (int k = 1; k < records.size(); k++) {
            List<String> rec = records.get(k);
            String where = c.source() + ":" + lines.get(k);
            int before = problems.size();
            String name = c.cell(rec, label);
            if (name.isEmpty() || name.startsWith(ENTITY) || name.matches("Q\\d+")) {
                problems.add(new KbProblem(where, "no label (an item without an English label)"));
            }
            String kindText = kindCol != null && !c.cell(rec, kindCol).isEmpty() ? c.cell(rec, kindCol) : orgKind;
            ActorEntry.Kind kind = null;
            try {
                kind = ActorEntry.Kind.valueOf(kindText.toUpperCase(Locale.ROOT));
                if (kind == ActorEntry.Kind.STATE || kind == ActorEntry.Kind.PERSON) {
                    throw new IllegalArgumentException(kindText);
                }
            } catch (IllegalArgumentException | NullPointerException e) {
                problems.add(new KbProblem(where, "kind '" + kindText + "' is not one of IGO, NGO, ARMED_GROUP, "
                        + "PARTY, STATE_BODY, MEDIA, COMPANY"));
            }
            String home = c.cell(rec, iso3).isEmpty() && c.cell(rec, country).isEmpty() ? ""
                    : country(c.cell(rec, iso3), c.cell(rec, country), kb, where, problems);
            if (problems.size() > before) {
                continue;
            }
            String code = switch (kind) {
                case IGO -> "IGO";
                case NGO -> "NGO";
                default -> home.isEmpty() ? (kind == ActorEntry.Kind.ARMED_GROUP ? "IMG" : "") : home;
            };
            if (code.isEmpty()) {
                problems.add(new KbProblem(where, "a " + kind + " needs a country (iso3 or countryLabel)"));
                continue;
            }
            String key = !c.cell(rec, item).isEmpty() ? c.cell(rec, item) : name;
            Org o = out.get(key);
            if (o == null) {
                String givenId = c.cell(rec, id);
                String short_ = c.cell(rec, acronym).isEmpty() ? name : c.cell(rec, acronym);
                String newId = !givenId.isEmpty() ? givenId : prefix(kind, home) + slug(short_).toUpperCase(Locale.ROOT);
                String sector = sectorCol != null && !c.cell(rec, sectorCol).isEmpty()
                        ? c.cell(rec, sectorCol).toUpperCase(Locale.ROOT) : sectorOf(kind);
                o = new Org(newId, code, kind.name(), sector, home, name, new LinkedHashSet<>());
                o.names().add(name);
                out.put(key, o);
            }
            if (!c.cell(rec, acronym).isEmpty()) {
                o.names().add(c.cell(rec, acronym));
            }
            for (String a : c.cell(rec, aliases).split("\\|")) {
                if (!a.isBlank()) {
                    o.names().add(a.strip());
                }
            }
        }
        StringBuilder b = new StringBuilder();
        b.append("# Organisations imported by faultline kb import-wikidata from ").append(fileName(c.source()))
                .append(" (").append(out.size()).append(" entries).\n")
                .append("# Columns as in the bundled organisations.tsv; rows whose id is a bundled id replace it.\n")
                .append("id\tcode\tkind\tsector\tcountry\tname\tnames\tadjectives\tmembers\n");
        for (Org o : out.values()) {
            b.append(String.join("\t", o.id(), o.code(), o.kind(), o.sector(), o.country(), o.name(),
                    String.join("|", o.names()), "", "")).append('\n');
        }
        return new Result("organisations.tsv", b.toString(), out.size(), problems);
    }

    private record Org(String id, String code, String kind, String sector, String country, String name,
                       Set<String> names) {
    }

    private static String prefix(ActorEntry.Kind kind, String home) {
        String c = home.isEmpty() ? "" : home + ":";
        return switch (kind) {
            case IGO -> "igo:";
            case NGO -> "ngo:";
            case ARMED_GROUP -> "group:";
            case PARTY -> "party:" + c;
            case STATE_BODY -> "body:" + c;
            case MEDIA -> "media:" + c;
            default -> "company:" + c;
        };
    }

    /** The PLOVER sector the bundled file gives most entries of a kind. */
    private static String sectorOf(ActorEntry.Kind kind) {
        return switch (kind) {
            case ARMED_GROUP -> "REB";
            case PARTY -> "PTY";
            case STATE_BODY -> "GOV";
            case MEDIA -> "JRN";
            case COMPANY -> "BUS";
            default -> "";
        };
    }

    private static String office(Columns c, List<String> rec, Integer office, Integer position, KnowledgeBase kb,
            String where, List<KbProblem> problems) {
        String named = c.cell(rec, office);
        if (named.matches("[a-z][a-z_]*")) {
            return named;
        }
        String label = c.cell(rec, position).isEmpty() ? named : c.cell(rec, position);
        String phrase = label.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        String best = null;
        int bestLength = 0;
        // the longest title phrase the label contains as whole words: "President of Russia" -> president
        for (Map.Entry<String, String> t : kb.titles().entrySet()) {
            String p = t.getKey();
            if (p.length() > bestLength && (" " + phrase + " ").contains(" " + p + " ")) {
                best = t.getValue();
                bestLength = p.length();
            }
        }
        if (best == null || best.equals("leader")) {
            problems.add(new KbProblem(where, "position '" + label + "' contains no title of titles.tsv that "
                    + "names one office; give an office column (defence_minister) or --office"));
            return null;
        }
        return best;
    }

    private static String country(String iso3, String label, KnowledgeBase kb, String where,
            List<KbProblem> problems) {
        if (!iso3.isEmpty()) {
            String code = iso3.toUpperCase(Locale.ROOT);
            if (!kb.knownCodes().contains(code)) {
                problems.add(new KbProblem(where, "iso3 '" + iso3 + "' is not a country code the knowledge base "
                        + "knows"));
                return null;
            }
            return code;
        }
        for (SurfaceForm f : kb.formsMatching(label)) {
            if (f.entry().kind() == ActorEntry.Kind.STATE && f.type() == FormType.NAME) {
                return f.entry().code();
            }
        }
        problems.add(new KbProblem(where, "country '" + label + "' is not a country name the knowledge base knows;"
                + " add an iso3 column (wdt:P298)"));
        return null;
    }

    private static LocalDate date(String v, String column, String where, List<KbProblem> problems,
            boolean required) {
        if (v.isEmpty()) {
            if (required) {
                problems.add(new KbProblem(where, "empty " + column));
            }
            return null;
        }
        // the query service writes 2023-05-01T00:00:00Z; a date known only to the year is YYYY-01-01
        String day = v.length() >= 10 ? v.substring(0, 10) : v;
        try {
            return LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            problems.add(new KbProblem(where, column + " '" + v + "' is not a date like 2023-05-01T00:00:00Z"));
            return null;
        }
    }

    private static boolean leaderOffice(KnowledgeBase kb, String country, String office) {
        ActorEntry latest = null;
        for (ActorEntry e : kb.officeHolders()) {
            if (e.code().equals(country) && office.equals(e.office()) && e.start() != null
                    && (latest == null || e.start().isAfter(latest.start()))) {
                latest = e;
            }
        }
        return latest != null && latest.leader();
    }

    private static String surname(String name) {
        String[] words = name.strip().split("\\s+");
        return words[words.length - 1];
    }

    /** Lower-case ASCII letters, digits and hyphens: "Šojgu" -> "sojgu", "Al-Qassam Brigades" -> "al-qassam-brigades". */
    static String slug(String s) {
        String ascii = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static String fileName(String source) {
        return source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
    }

    /** RFC 4180: quoted cells may hold commas, doubled quotes and line breaks; records keep their first line. */
    static void parseCsv(String text, List<List<String>> records, List<Integer> lines) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> rec = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recLine = 1;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
                any = true;
            } else if (ch == ',') {
                rec.add(cell.toString());
                cell.setLength(0);
                any = true;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || cell.length() > 0) {
                    rec.add(cell.toString());
                    records.add(rec);
                    lines.add(recLine);
                }
                rec = new ArrayList<>();
                cell.setLength(0);
                any = false;
                line++;
                recLine = line;
            } else {
                cell.append(ch);
                any = true;
            }
        }
        if (any || cell.length() > 0) {
            rec.add(cell.toString());
            records.add(rec);
            lines.add(recLine);
        }
    }
}
