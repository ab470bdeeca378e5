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
 * {@code org/faultline/store/migrations/<dialect>/V<n>__<what>.sql}, listed in order in that folder's
 * {@code index.txt}; each runs in its own transaction, in a turn of the database's writers ({@link WriteTurns}), and
 * is recorded in {@code schema_version}. Not thread-safe for one connection; stores on one database may migrate it
 * at once.
 */
public final class Migrations {
    private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");

    /** One numbered migration. */
    public record Migration(int version, String description, String resource) {
    }

    private Migrations() {
    }

    public static List<Migration> list(Dialect dialect) {
        String dir = "org/faultline/store/migrations/" + dialect.resourceDir() + "/";
        List<Migration> out = new ArrayList<>();
        for (String line : resourceText(dir + "index.txt").split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            Matcher m = NAME.matcher(name);
            if (!m.matches()) {
                throw new IllegalStateException(dir + "index.txt lists '" + name + "'; expected V<n>__<what>.sql");
            }
            int v = Integer.parseInt(m.group(1));
            if (v != out.size() + 1) {
                throw new IllegalStateException(dir + "index.txt: migration " + name + " should be number "
                        + (out.size() + 1));
            }
            out.add(new Migration(v, m.group(2).replace('_', ' '), dir + name));
        }
        return out;
    }

    /**
     * Applies the missing migrations; returns the schema version now in force. Each migration, and the creation of
     * {@code schema_version}, runs in a turn of {@code turns}, and a migration another store on the database applied
     * while this one waited for its turn is not applied again: stores opened at once on a new database migrate it
     * once.
     */
    public static int migrate(Connection c, Dialect dialect, WriteTurns turns) throws SQLException {
        List<Migration> all = list(dialect);
        boolean auto = c.getAutoCommit();
        try {
            int current = inTurn(c, turns, () -> {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                            + "description VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)");
                }
                return current(c);
            });
            if (current > all.size()) {
                throw new StoreException("the database has schema version " + current
                        + " but this Faultline knows versions up to " + all.size() + "; use a newer Faultline");
            }
            for (Migration m : all.subList(current, all.size())) {
                inTurn(c, turns, () -> {
                    if (current(c) >= m.version()) {
                        return null;
                    }
                    try (Statement s = c.createStatement()) {
                        for (String sql : statements(resourceText(m.resource()))) {
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
            return all.size();
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
