package org.faultline.store.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.faultline.store.StoreException;
import org.faultline.store.StoreUrl.Dialect;

/**
 * Brings a database to the newest schema. Migrations are the resources
 * {@code org/faultline/store/migrations/V<n>__<what>.sql}, listed in order in that folder's {@code index.txt}: one
 * script per version for every dialect. What one dialect alone runs stands in a section of the script, between a
 * line {@code -- [postgresql]} (or {@code -- [duckdb]}; words may follow on the line) and a line {@code -- [end]};
 * the other dialects leave it out ({@link #render}). Each migration runs in its own transaction, in a turn of the
 * database's writers ({@link WriteTurns}), and is recorded in {@code schema_version} by version and description
 * (no checksum: a released script must never change what it runs, which {@code MigrationsTest} holds it to). Not
 * thread-safe for one connection; stores on one database may migrate it at once.
 */
public final class Migrations {
    private static final String DIR = "org/faultline/store/migrations/";
    private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");
    /** A line that opens ({@code -- [postgresql] why}) or closes ({@code -- [end]}) a dialect's section. */
    private static final Pattern SECTION = Pattern.compile("--\\s*\\[([a-z]+)\\].*");
    private static final String END = "end";

    /** One numbered migration. */
    public record Migration(int version, String description, String resource) {
    }

    private Migrations() {
    }

    /** Every migration, in order. */
    public static List<Migration> list() {
        List<Migration> out = new ArrayList<>();
        for (String line : resourceText(DIR + "index.txt").split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            Matcher m = NAME.matcher(name);
            if (!m.matches()) {
                throw new IllegalStateException(DIR + "index.txt lists '" + name + "'; expected V<n>__<what>.sql");
            }
            int v = Integer.parseInt(m.group(1));
            if (v != out.size() + 1) {
                throw new IllegalStateException(DIR + "index.txt: migration " + name + " should be number "
                        + (out.size() + 1));
            }
            out.add(new Migration(v, m.group(2).replace('_', ' '), DIR + name));
        }
        return out;
    }

    /** The statements {@code m} runs on {@code dialect}: its script {@linkplain #render rendered}, then split. */
    public static List<String> statements(Migration m, Dialect dialect) {
        return statements(render(m.resource(), resourceText(m.resource()), dialect));
    }

    /**
     * The script {@code text} (read from {@code resource}, named in errors) as {@code dialect} runs it: the lines
     * outside sections, and those of the sections for {@code dialect}; the section lines themselves go.
     *
     * @throws IllegalStateException naming {@code resource:line} for a section of no known dialect, a section inside
     *                               another, an {@code -- [end]} with no section open, or a section never closed
     */
    static String render(String resource, String text, Dialect dialect) {
        List<String> out = new ArrayList<>();
        String open = null;
        int openedAt = 0;
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher m = SECTION.matcher(line.strip());
            if (!m.matches()) {
                if (open == null || open.equals(dialect.key())) {
                    out.add(line);
                }
                continue;
            }
            String where = resource + ":" + (i + 1) + ": ";
            String name = m.group(1);
            if (name.equals(END)) {
                if (open == null) {
                    throw new IllegalStateException(where + "-- [end] closes no dialect section");
                }
                open = null;
            } else if (open != null) {
                throw new IllegalStateException(where + "a section for " + name + " inside the section for " + open
                        + " opened on line " + openedAt + "; close that one first with -- [end]");
            } else {
                try {
                    open = Dialect.ofKey(name).key();
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(where + e.getMessage() + " (or end)", e);
                }
                openedAt = i + 1;
            }
        }
        if (open != null) {
            throw new IllegalStateException(resource + ":" + openedAt + ": the section for " + open
                    + " is never closed; end it with a line -- [end]");
        }
        return String.join("\n", out);
    }

    /**
     * Applies the missing migrations; returns the schema version now in force. Each migration, and the creation of
     * {@code schema_version}, runs in a turn of {@code turns}, and a migration another store on the database applied
     * while this one waited for its turn is not applied again: stores opened at once on a new database migrate it
     * once.
     */
    public static int migrate(Connection c, Dialect dialect, WriteTurns turns) throws SQLException {
        return migrateTo(c, dialect, turns, list().size());
    }

    /**
     * Applies the missing migrations up to {@code version} (for a store of an older schema, as tests make them);
     * returns the schema version now in force ({@code version}, or the database's own when it was newer). See
     * {@link #migrate}.
     *
     * @throws StoreException when the database has a newer version than this Faultline knows
     * @throws IllegalArgumentException when {@code version} is below 0 or above the newest migration
     */
    public static int migrateTo(Connection c, Dialect dialect, WriteTurns turns, int version) throws SQLException {
        List<Migration> known = list();
        if (version < 0 || version > known.size()) {
            throw new IllegalArgumentException("schema version " + version + " does not exist; expected 0 to "
                    + known.size());
        }
        List<Migration> all = known.subList(0, version);
        boolean auto = c.getAutoCommit();
        try {
            int current = inTurn(c, turns, () -> {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                            + "description VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)");
                }
                return current(c);
            });
            if (current > known.size()) {
                throw new StoreException("the database has schema version " + current
                        + " but this Faultline knows versions up to " + known.size() + "; use a newer Faultline");
            }
            for (Migration m : all.subList(Math.min(current, all.size()), all.size())) {
                inTurn(c, turns, () -> {
                    if (current(c) >= m.version()) {
                        return null;
                    }
                    try (Statement s = c.createStatement()) {
                        for (String sql : statements(m, dialect)) {
                            s.execute(sql);
                        }
                    }
                    try (PreparedStatement p = c.prepareStatement(
                            "INSERT INTO schema_version VALUES (?, ?, CURRENT_TIMESTAMP)")) {
                        p.setInt(1, m.version());
                        p.setString(2, m.description());
                        p.executeUpdate();
                    }
                    return null;
                });
            }
            return Math.max(current, version);
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** Work done in one transaction. */
    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException;
    }

    /** Runs {@code work} in one transaction in a turn of {@code turns}: committed, or rolled back when it throws. */
    private static <T> T inTurn(Connection c, WriteTurns turns, Work<T> work) throws SQLException {
        turns.begin(c);
        try {
            T result = work.run();
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            turns.end(c);
        }
    }

    public static int current(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Splits a script on semicolons that end a line; comment lines are dropped. */
    static List<String> statements(String script) {
        String body = script.lines().filter(l -> !l.strip().startsWith("--")).collect(Collectors.joining("\n"));
        List<String> out = new ArrayList<>();
        for (String part : body.split(";\\s*(\n|$)")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    private static String resourceText(String path) {
        InputStream in = Migrations.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("migration resource " + path + " is missing from the class path");
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }
}
