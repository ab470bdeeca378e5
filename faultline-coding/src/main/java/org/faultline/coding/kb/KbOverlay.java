package org.faultline.coding.kb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A directory of TSV files in the formats of the bundled knowledge base, laid over it without a rebuild: a row
 * whose id is a bundled row's id replaces that row, a row with a new id is added. Recognised files (all optional):
 * {@code countries.tsv}, {@code historical_states.tsv}, {@code organisations.tsv}, office holders in
 * {@code leaders.tsv}, {@code ministers.tsv} or {@code offices.tsv} (the same columns), {@code titles.tsv} and
 * {@code places.tsv}. Other {@code .tsv} files are refused, so that a misnamed file is not silently ignored; other
 * files (a README, the CSV an import came from) are left alone. Immutable.
 */
public final class KbOverlay {
    /** The environment variable naming an overlay directory when {@code --kb} is not given. */
    public static final String ENV = "FAULTLINE_KB";

    /** Recognised file names and the columns each must have. */
    public static final Map<String, List<String>> FILES;

    static {
        Map<String, List<String>> f = new LinkedHashMap<>();
        f.put("countries.tsv", List.of("id", "iso3", "name", "names", "adjectives", "demonyms", "metonyms"));
        f.put("historical_states.tsv", List.of("id", "code", "name", "names", "from", "to"));
        f.put("organisations.tsv", List.of("id", "code", "kind", "name", "names"));
        List<String> office = List.of("id", "person", "names", "country", "office", "start", "end");
        f.put("leaders.tsv", office);
        f.put("ministers.tsv", office);
        f.put("offices.tsv", office);
        f.put("titles.tsv", List.of("id", "phrase", "office"));
        f.put("places.tsv", List.of("name", "iso3", "admin1", "kind"));
        FILES = java.util.Collections.unmodifiableMap(f);
    }

    /** The files holding office holders. */
    static final List<String> OFFICE_FILES = List.of("leaders.tsv", "ministers.tsv", "offices.tsv");

    private final Path dir;
    private final Map<String, TsvTable> tables;
    private final List<KbProblem> problems;

    private KbOverlay(Path dir, Map<String, TsvTable> tables, List<KbProblem> problems) {
        this.dir = dir;
        this.tables = java.util.Collections.unmodifiableMap(tables);
        this.problems = List.copyOf(problems);
    }

    /**
     * Reads every recognised file of {@code dir}. Problems with whole files (a missing header column, a row with
     * more cells than the header, an unrecognised {@code .tsv} name) are collected in {@link #fileProblems()};
     * the files that had them are left out of {@link #tables()}.
     *
     * @throws KbException when {@code dir} is not a readable directory
     */
    public static KbOverlay read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new KbException("knowledge-base overlay " + dir + " is not a directory", List.of());
        }
        Map<String, TsvTable> tables = new LinkedHashMap<>();
        List<KbProblem> problems = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new KbException("cannot list knowledge-base overlay " + dir + ": " + e.getMessage(), List.of());
        }
        for (Path p : files) {
            String name = p.getFileName().toString();
            if (!name.endsWith(".tsv")) {
                continue;
            }
            List<String> columns = FILES.get(name);
            if (columns == null) {
                problems.add(new KbProblem(p.toString(), "not a knowledge-base file name; expected one of "
                        + FILES.keySet()));
                continue;
            }
            try {
                tables.put(name, TsvTable.file(p, columns.toArray(String[]::new)));
            } catch (IllegalArgumentException e) {
                String m = e.getMessage();
                int colon = m.indexOf(": ");
                problems.add(colon > 0 ? new KbProblem(m.substring(0, colon), m.substring(colon + 2))
                        : new KbProblem(p.toString(), m));
            } catch (IOException e) {
                problems.add(new KbProblem(p.toString(), "cannot be read: " + e.getMessage()));
            }
        }
        return new KbOverlay(dir, tables, problems);
    }

    /** The overlay that {@value #ENV} names in {@code env}, if it names one. */
    public static Optional<Path> fromEnvironment(Map<String, String> env) {
        String v = env.get(ENV);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(Path.of(v.strip()));
    }

    public Path dir() {
        return dir;
    }

    /** Readable recognised files by name. */
    public Map<String, TsvTable> tables() {
        return tables;
    }

    public Optional<TsvTable> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    /** Problems with whole files, found while reading. */
    public List<KbProblem> fileProblems() {
        return problems;
    }
}
