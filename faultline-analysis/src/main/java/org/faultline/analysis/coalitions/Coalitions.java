package org.faultline.analysis.coalitions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.faultline.query.ActorKey;
import org.faultline.query.Coalition;

/**
 * The coalitions a question may name as actors: the bundled defaults ({@value #BUNDLED}, versioned by its name)
 * and, optionally, a user file that adds coalitions and replaces bundled ones of the same name. A file is UTF-8,
 * tab-separated, with the header {@code name members description}; lines starting with {@code #} are comments;
 * members are comma-separated actor keys ({@code USA}, {@code IGO_NATO}). Every row is checked at load; a bad one
 * fails naming {@code file:line}. Immutable and thread-safe.
 */
public final class Coalitions {
    /** The bundled defaults, a class-path resource. */
    public static final String BUNDLED = "org/faultline/analysis/coalitions/coalitions-v1.tsv";
    /** The environment variable naming a user file when no file is given on the command line. */
    public static final String ENV = "FAULTLINE_COALITIONS";

    /**
     * One coalition with where it was defined.
     *
     * @param coalition   the coalition
     * @param description what it stands for ("" when the file says nothing)
     * @param source      {@code file:line} of its row
     */
    public record Entry(Coalition coalition, String description, String source) {
    }

    private final Map<String, Entry> byName;
    private final List<String> sources;

    private Coalitions(Map<String, Entry> byName, List<String> sources) {
        this.byName = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byName));
        this.sources = List.copyOf(sources);
    }

    /** The bundled defaults only. */
    public static Coalitions bundled() {
        try (InputStream in = Coalitions.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("the bundled coalitions " + BUNDLED + " are missing from the class path");
            }
            byte[] bytes = in.readAllBytes();
            Map<String, Entry> out = new LinkedHashMap<>();
            parse(BUNDLED.substring(BUNDLED.lastIndexOf('/') + 1), new String(bytes, StandardCharsets.UTF_8), out);
            return new Coalitions(out, List.of(describe("bundled " + BUNDLED, bytes)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled coalitions " + BUNDLED, e);
        }
    }

    /**
     * The bundled defaults with the user's file on top: {@code file} when given, else the file named by
     * {@value #ENV} in {@code env} when set, else the defaults alone.
     *
     * @throws CoalitionFileException naming {@code file:line} of a bad row, or the file that cannot be read
     */
    public static Coalitions load(Path file, Map<String, String> env) {
        Coalitions b = bundled();
        Path user = file;
        if (user == null && env.get(ENV) != null && !env.get(ENV).isBlank()) {
            user = Path.of(env.get(ENV).trim());
        }
        return user == null ? b : b.withFile(user);
    }

    /**
     * These coalitions with a user file's on top (same name: the file's wins).
     *
     * @throws CoalitionFileException naming {@code file:line} of a bad row, or the file that cannot be read
     */
    public Coalitions withFile(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CoalitionFileException(file + ": cannot read the coalitions file (" + e.getMessage() + ")");
        }
        Map<String, Entry> mine = new LinkedHashMap<>();
        parse(file.toString(), new String(bytes, StandardCharsets.UTF_8), mine);
        Map<String, Entry> merged = new LinkedHashMap<>(byName);
        merged.putAll(mine);
        List<String> src = new ArrayList<>(sources);
        src.add(describe(file.toString(), bytes));
        return new Coalitions(merged, src);
    }

    private static void parse(String name, String text, Map<String, Entry> out) {
        String[] lines = text.split("\r?\n", -1);
        boolean header = false;
        for (int i = 0; i < lines.length; i++) {
            String where = name + ":" + (i + 1);
            String line = i == 0 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (!header) {
                if (cols.length < 2 || !cols[0].strip().equals("name") || !cols[1].strip().equals("members")) {
                    throw new CoalitionFileException(where + ": expected the header 'name<TAB>members<TAB>description', "
                            + "got '" + line + "'");
                }
                header = true;
                continue;
            }
            if (cols.length < 2 || cols.length > 3) {
                throw new CoalitionFileException(where + ": expected 2 or 3 tab-separated columns (name, members, "
                        + "description), got " + cols.length + " in '" + line + "'");
            }
            String cname = cols[0].strip();
            if (out.containsKey(cname)) {
                throw new CoalitionFileException(where + ": coalition " + cname + " is defined twice (first at "
                        + out.get(cname).source() + ")");
            }
            Set<ActorKey> members = new LinkedHashSet<>();
            for (String m : cols[1].split(",", -1)) {
                if (m.isBlank()) {
                    throw new CoalitionFileException(where + ": coalition " + cname + " has an empty member in '"
                            + cols[1] + "'; expected comma-separated keys such as USA,GBR,IGO_NATO");
                }
                ActorKey k;
                try {
                    k = ActorKey.parse(m.strip());
                } catch (IllegalArgumentException e) {
                    throw new CoalitionFileException(where + ": " + e.getMessage());
                }
                if (!members.add(k)) {
                    throw new CoalitionFileException(where + ": coalition " + cname + " lists " + k + " twice");
                }
            }
            Coalition c;
            try {
                c = new Coalition(cname, members);
            } catch (IllegalArgumentException e) {
                throw new CoalitionFileException(where + ": " + e.getMessage());
            }
            out.put(cname, new Entry(c, cols.length == 3 ? cols[2].strip() : "", where));
        }
        if (!header) {
            throw new CoalitionFileException(name + ":1: no header; expected 'name<TAB>members<TAB>description'");
        }
        for (Entry e : out.values()) {
            for (ActorKey m : e.coalition().members()) {
                if (out.containsKey(m.key())) {
                    throw new CoalitionFileException(e.source() + ": member " + m + " of " + e.coalition().name()
                            + " is itself a coalition; list its members instead");
                }
            }
        }
    }

    private static String describe(String what, byte[] bytes) {
        try {
            return what + " (sha256 " + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                    + ")";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256", e);
        }
    }

    /** The coalition of this name, if defined. */
    public Optional<Entry> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Every coalition, bundled ones first, in file order. */
    public List<Entry> all() {
        return List.copyOf(byName.values());
    }

    /** Where the definitions came from, each with the SHA-256 of its bytes. */
    public List<String> sources() {
        return sources;
    }

    /** The coalitions that these actor keys name (keys that are no coalition are skipped), in the keys' order. */
    public List<Coalition> named(Collection<ActorKey> keys) {
        Set<String> seen = new TreeSet<>();
        List<Coalition> out = new ArrayList<>();
        for (ActorKey k : keys) {
            Entry e = k == null ? null : byName.get(k.key());
            if (e != null && seen.add(k.key())) {
                out.add(e.coalition());
            }
        }
        return out;
    }

    /** Thrown for a coalitions file that cannot be read or has a bad row; the message starts with {@code file:line}. */
    public static final class CoalitionFileException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public CoalitionFileException(String message) {
            super(message);
        }
    }
}
