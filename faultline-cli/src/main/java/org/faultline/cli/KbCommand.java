package org.faultline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.faultline.cli.analysis.Answer;
import org.faultline.cli.analysis.FormatOption;
import org.faultline.coding.kb.ActorEntry;
import org.faultline.coding.kb.KbCheck;
import org.faultline.coding.kb.KbException;
import org.faultline.coding.kb.KbOverlay;
import org.faultline.coding.kb.KbProblem;
import org.faultline.coding.kb.KnowledgeBase;
import org.faultline.coding.kb.Place;
import org.faultline.coding.kb.SurfaceForm;
import org.faultline.coding.kb.WikidataImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code faultline kb}: questions to the knowledge base (bundled, with {@code --kb}/FAULTLINE_KB laid over it). */
@Command(name = "kb", mixinStandardHelpOptions = true,
        description = "Look into the actor knowledge base, check an overlay directory, import a Wikidata query's CSV.",
        subcommands = {KbCommand.Who.class, KbCommand.Find.class, KbCommand.Check.class, KbCommand.Stats.class,
            KbCommand.ImportWikidata.class},
        footer = {"", "Examples:", "  faultline kb who \"defence minister\" RUS 2023-05-01", "  faultline kb find Moura",
            "  faultline kb check my-kb/", "  faultline kb stats --kb my-kb/"})
public final class KbCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "kb needs a subcommand: who, find, check, stats or "
                + "import-wikidata");
    }

    static Map<String, Object> entryJson(ActorEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("kind", e.kind().name());
        m.put("code", e.code());
        m.put("name", e.name());
        if (e.sector() != null) {
            m.put("sector", e.sector());
        }
        if (e.office() != null) {
            m.put("office", e.office());
            m.put("leader", e.leader());
        }
        m.put("start", e.start() == null ? null : e.start().toString());
        m.put("end", e.end() == null ? null : e.end().toString());
        m.put("source", e.source());
        return m;
    }

    static String term(ActorEntry e) {
        return (e.start() == null ? "?" : e.start().toString()) + " to " + (e.end() == null ? "now" : e.end());
    }

    /**
     * What {@code kb who}, {@code find} and {@code stats} share: the knowledge base they ask ({@code --kb},
     * {@code --actors}; a bad one is a usage error) and the format of the answer, text or JSON.
     */
    abstract static class KbQuestion implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        KbOptions kbOptions = new KbOptions();
        @Mixin
        FormatOption.TextOrJson format = new FormatOption.TextOrJson();

        @Override
        public final Integer call() throws IOException {
            return ask(kbOptions.load(spec));
        }

        /** Answers from {@code kb} (through {@link #write}); returns the exit code. */
        abstract int ask(KnowledgeBase kb) throws IOException;

        /** Writes {@code answer} in the format asked for and returns {@code exit}. */
        int write(Answer answer, int exit) {
            format.write(spec.commandLine().getOut(), answer);
            return exit;
        }
    }

    /** {@code kb who PHRASE COUNTRY DATE}. */
    @Command(name = "who", mixinStandardHelpOptions = true,
            description = "Who held an office in a country on a day. The office is a title phrase of titles.tsv "
                    + "(\"defence minister\", \"prime minister\", \"leader\") or an office name (defence_minister).",
            footer = {"", "Example:", "  faultline kb who \"defence minister\" RUS 2023-05-01"})
    static final class Who extends KbQuestion {
        @Parameters(index = "0", paramLabel = "OFFICE", description = "Title phrase or office name.")
        String phrase;
        @Parameters(index = "1", paramLabel = "COUNTRY", description = "ISO3 code (RUS).")
        String country;
        @Parameters(index = "2", paramLabel = "DATE", description = "YYYY-MM-DD.")
        LocalDate date;

        @Override
        int ask(KnowledgeBase kb) throws IOException {
            String p = phrase.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
            Set<String> offices = new TreeSet<>(kb.titles().values());
            kb.officeHolders().forEach(e -> offices.add(e.office()));
            String office = kb.office(p) != null ? kb.office(p) : offices.contains(p.replace(' ', '_'))
                    ? p.replace(' ', '_') : null;
            if (office == null) {
                throw new ParameterException(spec.commandLine(), "'" + phrase + "' is neither a title of titles.tsv "
                        + "nor an office; titles: " + new TreeSet<>(kb.titles().keySet()));
            }
            String iso = country.toUpperCase(Locale.ROOT);
            if (kb.state(iso) == null) {
                throw new ParameterException(spec.commandLine(), "'" + country + "' is not a country code of "
                        + "countries.tsv (ISO3, like RUS)");
            }
            ActorEntry holder = kb.holder(iso, office, date);
            List<ActorEntry> terms = kb.officeHolders().stream().filter(e -> e.code().equals(iso)
                    && ("leader".equals(office) ? e.leader() : office.equals(e.office())) && e.start() != null)
                    .sorted(Comparator.comparing(ActorEntry::start)).toList();
            ActorEntry before = null;
            ActorEntry after = null;
            for (ActorEntry e : terms) {
                if (e.end() != null && e.end().isBefore(date) && e != holder) {
                    before = e;
                } else if (after == null && e.start().isAfter(date) && e != holder) {
                    after = e;
                }
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("office", office);
            m.put("country", iso);
            m.put("date", date.toString());
            m.put("holder", holder == null ? null : entryJson(holder));
            m.put("before", before == null ? null : entryJson(before));
            m.put("after", after == null ? null : entryJson(after));
            ActorEntry previous = before;
            ActorEntry next = after;
            return write(Answer.of(m, out -> {
                out.printf(Locale.ROOT, "%s of %s on %s: %s%n", office, iso, date, holder == null
                        ? "nobody in the knowledge base" : holder.name() + " (" + term(holder) + ")");
                if (holder != null) {
                    out.printf(Locale.ROOT, "  id %s, %s%n", holder.id(), holder.source());
                }
                if (previous != null) {
                    out.printf(Locale.ROOT, "  before: %s (%s)%n", previous.name(), term(previous));
                }
                if (next != null) {
                    out.printf(Locale.ROOT, "  after:  %s (%s)%n", next.name(), term(next));
                }
            }), holder == null ? 1 : 0);
        }
    }

    /** {@code kb find TEXT}. */
    @Command(name = "find", mixinStandardHelpOptions = true,
            description = "Every entry (state, organisation, office holder) and place a surface form names, "
                    + "ignoring case. Exit 1 when nothing matches.",
            footer = {"", "Example:", "  faultline kb find Moura"})
    static final class Find extends KbQuestion {
        @Parameters(index = "0", paramLabel = "TEXT", description = "A name as written in news (\"the Kremlin\").")
        String text;

        @Override
        int ask(KnowledgeBase kb) throws IOException {
            List<SurfaceForm> forms = kb.formsMatching(text);
            List<Place> places = kb.placesMatching(text);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("text", text);
            List<Object> entries = new ArrayList<>();
            for (SurfaceForm f : forms) {
                Map<String, Object> e = entryJson(f.entry());
                e.put("form", f.text());
                e.put("form_type", f.type().name());
                entries.add(e);
            }
            m.put("entries", entries);
            List<Object> ps = new ArrayList<>();
            for (Place p : places) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("name", p.name());
                e.put("country", p.country());
                e.put("admin1", p.admin1());
                e.put("kind", p.kind());
                e.put("lat", p.lat());
                e.put("lon", p.lon());
                e.put("population", p.population() == Long.MAX_VALUE ? null : p.population());
                ps.add(e);
            }
            m.put("places", ps);
            return write(Answer.of(m, out -> {
                out.printf(Locale.ROOT, "'%s': %d %s, %d %s%n", text, forms.size(), forms.size() == 1 ? "entry"
                        : "entries", places.size(), places.size() == 1 ? "place" : "places");
                for (SurfaceForm f : forms) {
                    ActorEntry e = f.entry();
                    out.printf(Locale.ROOT, "  entry  %-44s %-11s code %s  %s%s  \"%s\" as %s  (%s)%n", e.id(),
                            e.kind(), e.code(), e.name(), e.office() == null && e.start() == null ? ""
                                    : " [" + (e.office() == null ? "" : e.office() + ", ") + term(e) + "]",
                            f.text(), f.type().name().toLowerCase(Locale.ROOT), e.source());
                }
                for (Place p : places) {
                    out.printf(Locale.ROOT, "  place  %-24s %s  %-8s %s%s%n", p.name(), p.country(), p.kind(),
                            p.admin1() == null ? "" : p.admin1(), p.population() > 0 && p.population() < Long.MAX_VALUE
                                    ? String.format(Locale.ROOT, "  population %,d", p.population()) : "");
                }
            }), forms.isEmpty() && places.isEmpty() ? 1 : 0);
        }
    }

    /** {@code kb check DIR}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validate an overlay directory: every bad row as file:line, unknown country codes, ids "
                    + "repeated, and terms of one office that overlap (against the bundled holders too). "
                    + "Exit 0 when clean, 1 when there are problems.",
            footer = {"", "Example:", "  faultline kb check my-kb/"})
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "DIR", description = "The overlay directory.")
        Path dir;
        @Mixin
        FormatOption.TextOrJson format = new FormatOption.TextOrJson();

        @Override
        public Integer call() {
            if (!Files.isDirectory(dir)) {
                throw new ParameterException(spec.commandLine(), dir + ": no such directory");
            }
            KnowledgeBase bundled = KnowledgeBase.loadBundled();
            KbOverlay overlay = KbOverlay.read(dir);
            List<KbProblem> problems = new ArrayList<>(overlay.fileProblems());
            problems.addAll(KbCheck.rowProblems(overlay, bundled.knownCodes()));
            problems.addAll(KbCheck.overlaps(overlay, bundled.officeHolders()));
            if (problems.isEmpty()) {
                // what the row checks cannot see (an id that a bundled file of another kind already has)
                try {
                    KnowledgeBase.load(overlay, List.of());
                } catch (KbException e) {
                    problems.addAll(e.problems());
                } catch (IllegalArgumentException | IOException e) {
                    problems.add(new KbProblem(dir.toString(), e.getMessage()));
                }
            }
            Map<String, Integer> rows = new TreeMap<>();
            overlay.tables().forEach((n, t) -> rows.put(n, t.rows().size()));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("dir", dir.toString());
            m.put("files", rows);
            List<Map<String, String>> listed = new ArrayList<>();
            for (KbProblem p : problems) {
                Map<String, String> one = new LinkedHashMap<>();
                one.put("where", p.where());
                one.put("message", p.message());
                listed.add(one);
            }
            m.put("problems", listed);
            format.write(spec.commandLine().getOut(), Answer.of(m, out -> {
                problems.forEach(out::println);
                out.printf(Locale.ROOT, "%s: %s; %s%n", dir, rows.isEmpty() ? "no knowledge-base files"
                        : rows.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + " rows")
                                .reduce((a, b) -> a + ", " + b).orElse(""),
                        problems.isEmpty() ? "no problems" : problems.size() + (problems.size() == 1 ? " problem"
                                : " problems"));
            }));
            return problems.isEmpty() ? 0 : 1;
        }
    }

    /** {@code kb stats}. */
    @Command(name = "stats", mixinStandardHelpOptions = true,
            description = "Rows per file, entries per kind, coverage of office holders, the as-of date (stated in "
                    + "the files' header comments, and the newest term start), and the overlay in use.",
            footer = {"", "Example:", "  faultline kb stats --format json"})
    static final class Stats extends KbQuestion {

        @Override
        int ask(KnowledgeBase kb) throws IOException {
            Map<String, Integer> kinds = new TreeMap<>();
            kb.entries().forEach(e -> kinds.merge(e.kind().name(), 1, Integer::sum));
            Set<String> states = kb.stateCodes();
            Set<String> withLeader = new TreeSet<>();
            Set<String> withMinister = new TreeSet<>();
            LocalDate newest = null;
            for (ActorEntry e : kb.officeHolders()) {
                if (e.leader()) {
                    withLeader.add(e.code());
                } else if (e.office() != null && e.office().endsWith("_minister")
                        && !e.office().equals("prime_minister")) {
                    withMinister.add(e.code());
                }
                if (e.start() != null && (newest == null || e.start().isAfter(newest))) {
                    newest = e.start();
                }
            }
            LocalDate on = newest;
            Set<String> leaderOn = new TreeSet<>();
            if (on != null) {
                states.forEach(s -> {
                    if (kb.holder(s, "leader", on) != null) {
                        leaderOn.add(s);
                    }
                });
            }
            withLeader.retainAll(states);
            withMinister.retainAll(states);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rows", kb.rowCounts());
            m.put("entries", kinds);
            m.put("states", states.size());
            m.put("states_with_leaders", withLeader.size());
            m.put("states_with_ministers", withMinister.size());
            m.put("newest_term_start", on == null ? null : on.toString());
            m.put("states_with_a_leader_on_newest_start", leaderOn.size());
            m.put("stated_as_of", kb.statedAsOf());
            m.put("overlay", kb.overlay().map(Path::toString).orElse(null));
            m.put("resource_hashes", new TreeMap<>(kb.resourceHashes()));
            return write(Answer.of(m, out -> {
                out.println("rows per file:");
                kb.rowCounts().forEach((f, n) -> out.printf(Locale.ROOT, "  %-28s %,8d  sha256 %s%n", f, n,
                        kb.resourceHashes().get(f)));
                out.println("entries per kind:");
                kinds.forEach((k, n) -> out.printf(Locale.ROOT, "  %-28s %,8d%n", k, n));
                out.printf(Locale.ROOT, "coverage: %d states; %d with leader terms, %d with foreign or defence minister "
                        + "terms; %d with a leader in office on %s%n", states.size(), withLeader.size(),
                        withMinister.size(), leaderOn.size(), on);
                out.printf(Locale.ROOT, "as of: %s; newest term start %s%n", kb.statedAsOf().isEmpty()
                        ? "no file states a date" : kb.statedAsOf().entrySet().stream().map(e -> e.getValue()
                                + " (" + e.getKey() + " header)").reduce((a, b) -> a + ", " + b).orElse(""), on);
                out.printf(Locale.ROOT, "overlay: %s%n", kb.overlay().map(Path::toString).orElse("none (--kb DIR or "
                        + KbOverlay.ENV + " adds one)"));
            }), 0);
        }
    }

    /** {@code kb import-wikidata}. */
    @Command(name = "import-wikidata", mixinStandardHelpOptions = true,
            description = "Turn the CSV that the Wikidata Query Service exports for your own query into an overlay "
                    + "file: --kind holders writes offices.tsv, --kind organisations writes organisations.tsv. "
                    + "The README lists the columns and a sample query. Nothing is written when a row is bad "
                    + "(each is listed as file:line; exit 1).",
            footer = {"", "Example:", "  faultline kb import-wikidata --kind holders ministers.csv --out my-kb/"})
    static final class ImportWikidata implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        KbOptions kbOptions = new KbOptions();
        @Option(names = "--kind", required = true, paramLabel = "KIND", description = "holders or organisations.")
        String kind;
        @Parameters(index = "0", paramLabel = "FILE.csv", description = "The query service's CSV export.")
        Path csv;
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Overlay directory (created).")
        Path out;
        @Option(names = "--office", paramLabel = "NAME", description = "Office of every holder row "
                + "(defence_minister), when the CSV has no office column.")
        String office;
        @Option(names = "--org-kind", paramLabel = "KIND", description = "Kind of every organisation row without a "
                + "kind column (ARMED_GROUP, PARTY, STATE_BODY, MEDIA, COMPANY, IGO, NGO).")
        String orgKind;
        @Option(names = "--force", description = "Replace the file in --out when it exists.")
        boolean force;

        @Override
        public Integer call() throws IOException {
            WikidataImport.Kind k = Usage.option(spec, "--kind", () -> switch (kind) {
                case "holders" -> WikidataImport.Kind.HOLDERS;
                case "organisations", "organizations" -> WikidataImport.Kind.ORGANISATIONS;
                default -> throw new IllegalArgumentException("'" + kind + "' is not a kind; expected holders or "
                        + "organisations");
            });
            if (office != null && !office.matches("[a-z][a-z_]*")) {
                throw new ParameterException(spec.commandLine(), "--office '" + office + "' is not an office name "
                        + "like defence_minister");
            }
            if (!Files.isRegularFile(csv)) {
                throw new ParameterException(spec.commandLine(), csv + ": no such file");
            }
            if (Files.exists(out) && !Files.isDirectory(out)) {
                throw new ParameterException(spec.commandLine(), "--out " + out + " is a file, not a directory");
            }
            KnowledgeBase kb = kbOptions.load(spec);
            WikidataImport.Result r = WikidataImport.convert(k, csv.toString(), Files.readAllBytes(csv), kb, office,
                    orgKind);
            PrintWriter err = spec.commandLine().getErr();
            if (!r.problems().isEmpty()) {
                r.problems().forEach(err::println);
                err.printf(Locale.ROOT, "%d %s; nothing written%n", r.problems().size(), r.problems().size() == 1
                        ? "row could not be imported" : "rows could not be imported");
                err.flush();
                return 1;
            }
            Path target = out.resolve(r.file());
            if (Files.exists(target) && !force) {
                throw new ParameterException(spec.commandLine(), target + " exists; pass --force to replace it");
            }
            Files.createDirectories(out);
            Files.writeString(target, r.tsv(), StandardCharsets.UTF_8);
            PrintWriter o = spec.commandLine().getOut();
            o.printf(Locale.ROOT, "wrote %d rows to %s; check it with: faultline kb check %s%n", r.rows(), target,
                    out);
            o.flush();
            return 0;
        }
    }
}
