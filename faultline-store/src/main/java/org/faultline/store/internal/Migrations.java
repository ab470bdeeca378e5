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
 * {@code index.txt}; each runs in its own transaction and is recorded in {@code schema_version}. Not thread-safe.
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

    /** Applies the missing migrations; returns the schema version now in force. */
    public static int migrate(Connection c, Dialect dialect) throws SQLException {
        List<Migration> all = list(dialect);
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                        + "description VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)");
            }
            c.commit();
            int current = current(c);
            if (current > all.size()) {
                throw new StoreException("the database has schema version " + current
                        + " but this Faultline knows versions up to " + all.size() + "; use a newer Faultline");
            }
            for (Migration m : all.subList(current, all.size())) {
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
                c.commit();
            }
            return all.size();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
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
