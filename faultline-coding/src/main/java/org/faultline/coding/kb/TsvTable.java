package org.faultline.coding.kb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A tab-separated resource file: '#' comment lines, a header line naming the columns, then rows.
 * Rows keep their line number so that every error can name {@code file:line}. Immutable.
 */
public final class TsvTable {
    /** One data row; {@link #get} fails naming file, line and column. */
    public record Row(String file, int line, Map<String, Integer> columns, String[] cells) {
        public String get(String column) {
            Integer i = columns.get(column);
            if (i == null) {
                throw new IllegalStateException(file + ":" + line + ": no column '" + column + "'; columns are "
                        + columns.keySet());
            }
            String v = i < cells.length ? cells[i].trim() : "";
            return v;
        }

        public String getOrEmpty(String column) {
            Integer i = columns.get(column);
            return i == null || i >= cells.length ? "" : cells[i].trim();
        }

        public List<String> list(String column) {
            String v = getOrEmpty(column);
            if (v.isEmpty()) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (String s : v.split("\\|")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
            return out;
        }

        public String where() {
            return file + ":" + line;
        }

        public IllegalArgumentException error(String problem) {
            return new IllegalArgumentException(where() + ": " + problem);
        }
    }

    private final String name;
    private final List<Row> rows;
    private final String sha256;
    private final List<String> comments;

    private TsvTable(String name, List<Row> rows, String sha256, List<String> comments) {
        this.name = name;
        this.rows = List.copyOf(rows);
        this.sha256 = sha256;
        this.comments = List.copyOf(comments);
    }

    /** The '#' comment lines before the header, without the '#'. */
    public List<String> comments() {
        return comments;
    }

    /**
     * This table with another's rows laid over it: a row of {@code over} whose {@code key} equals a row's here
     * replaces that row in place, other rows of {@code over} are added at the end. The result keeps this table's
     * name, hash and comments; each row keeps its own file:line.
     */
    public TsvTable overlaidBy(TsvTable over, java.util.function.Function<Row, String> key) {
        Map<String, Row> replacements = new java.util.LinkedHashMap<>();
        for (Row r : over.rows()) {
            replacements.put(key.apply(r), r);
        }
        List<Row> merged = new ArrayList<>(rows.size() + over.rows().size());
        for (Row r : rows) {
            Row by = replacements.remove(key.apply(r));
            merged.add(by == null ? r : by);
        }
        merged.addAll(replacements.values());
        return new TsvTable(name, merged, sha256, comments);
    }

    /** The rows of several tables read as one (office holders from leaders.tsv and ministers.tsv). */
    public static TsvTable concat(String name, List<TsvTable> tables) {
        List<Row> all = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        for (TsvTable t : tables) {
            all.addAll(t.rows());
            comments.addAll(t.comments());
        }
        return new TsvTable(name, all, "", comments);
    }

    public String name() {
        return name;
    }

    public List<Row> rows() {
        return rows;
    }

    /** SHA-256 of the file's bytes, recorded as provenance. */
    public String sha256() {
        return sha256;
    }

    /** Loads a classpath resource; fails at start-up naming the resource when it is missing. */
    public static TsvTable resource(String path, String... requiredColumns) {
        try (InputStream in = TsvTable.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("resource " + path + " is missing from the classpath");
            }
            return parse(path.substring(path.lastIndexOf('/') + 1), in.readAllBytes(), requiredColumns);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + path + ": " + e.getMessage(), e);
        }
    }

    /** Loads a resource when present, else an empty table. */
    public static TsvTable optionalResource(String path, String... requiredColumns) {
        if (TsvTable.class.getResource(path) == null) {
            return new TsvTable(path, List.of(), "absent", List.of());
        }
        return resource(path, requiredColumns);
    }

    public static TsvTable file(Path file, String... requiredColumns) throws IOException {
        return parse(file.toString(), Files.readAllBytes(file), requiredColumns);
    }

    static TsvTable parse(String name, byte[] bytes, String... requiredColumns) {
        String sha;
        try {
            sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        List<Row> rows = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        Map<String, Integer> columns = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.startsWith("#") && columns == null) {
                    comments.add(line.substring(1).strip());
                }
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (columns == null) {
                    columns = new TreeMap<>();
                    for (int i = 0; i < cells.length; i++) {
                        columns.put(cells[i].trim(), i);
                    }
                    for (String req : requiredColumns) {
                        if (!columns.containsKey(req)) {
                            throw new IllegalArgumentException(name + ":" + no + ": header lacks column '" + req
                                    + "'; found " + Arrays.toString(cells) + ", required " + Arrays.toString(requiredColumns));
                        }
                    }
                    continue;
                }
                if (cells.length > columns.size()) {
                    throw new IllegalArgumentException(name + ":" + no + ": " + cells.length + " cells but the header has "
                            + columns.size() + " columns");
                }
                rows.add(new Row(name, no, columns, cells));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (columns == null && requiredColumns.length > 0) {
            throw new IllegalArgumentException(name + ": no header line; expected the columns "
                    + Arrays.toString(requiredColumns));
        }
        return new TsvTable(name, rows, sha, comments);
    }
}
