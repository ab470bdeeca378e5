package org.faultline.store;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a store lives, parsed from what a user types after {@code --db}:
 * <ul>
 *   <li>nothing: the embedded DuckDB file {@code ./faultline.duckdb};</li>
 *   <li>a file path, or {@code jdbc:duckdb:PATH}: an embedded DuckDB file;</li>
 *   <li>{@code postgresql://user[:password]@host[:port]/db[?params]}, {@code postgres://...}, or
 *       {@code jdbc:postgresql://...}: a PostgreSQL server.</li>
 * </ul>
 *
 * @param dialect which database
 * @param jdbcUrl the JDBC URL to connect to
 * @param display the location without password, for messages
 */
public record StoreUrl(Dialect dialect, String jdbcUrl, String display) {
    public static final String DEFAULT_FILE = "faultline.duckdb";

    /** The databases Faultline can store into. */
    public enum Dialect {
        DUCKDB("duckdb"), POSTGRESQL("postgresql");

        private final String key;

        Dialect(String key) {
            this.key = key;
        }

        /** The dialect's name in lower case, as the sections of the migration scripts name it ({@code -- [duckdb]}). */
        public String key() {
            return key;
        }

        /**
         * The dialect named {@code key} (as {@link #key()} spells it).
         *
         * @throws IllegalArgumentException naming the key and the dialects there are
         */
        public static Dialect ofKey(String key) {
            for (Dialect d : values()) {
                if (d.key.equals(key)) {
                    return d;
                }
            }
            throw new IllegalArgumentException("no database dialect '" + key + "'; expected one of "
                    + java.util.Arrays.stream(values()).map(Dialect::key).toList());
        }
    }

    public StoreUrl {
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    }

    public static StoreUrl parse(String url) {
        if (url == null || url.isBlank()) {
            return duckdb(Path.of(DEFAULT_FILE).toString());
        }
        String u = url.trim();
        if (u.startsWith("jdbc:duckdb:")) {
            return new StoreUrl(Dialect.DUCKDB, u, u.substring("jdbc:duckdb:".length()));
        }
        if (u.startsWith("jdbc:postgresql:")) {
            return new StoreUrl(Dialect.POSTGRESQL, u, hidePassword(u));
        }
        if (u.startsWith("postgresql://") || u.startsWith("postgres://")) {
            return postgres(u);
        }
        if (u.startsWith("jdbc:")) {
            throw new IllegalArgumentException("unsupported database URL '" + hidePassword(u)
                    + "'; expected a file path, jdbc:duckdb:PATH, postgresql://user@host:port/db or jdbc:postgresql://...");
        }
        return duckdb(u);
    }

    /**
     * The DuckDB file this URL names, without the URL's {@code ?options}; empty for PostgreSQL and for an
     * in-memory DuckDB ({@code jdbc:duckdb:} or {@code jdbc:duckdb::memory:}).
     */
    public Optional<Path> duckdbFile() {
        if (dialect != Dialect.DUCKDB || !jdbcUrl.startsWith("jdbc:duckdb:")) {
            return Optional.empty();
        }
        String path = jdbcUrl.substring("jdbc:duckdb:".length());
        int q = path.indexOf('?');
        path = q < 0 ? path : path.substring(0, q);
        return path.isBlank() || path.startsWith(":memory:") ? Optional.empty() : Optional.of(Path.of(path));
    }

    private static StoreUrl duckdb(String path) {
        return new StoreUrl(Dialect.DUCKDB, "jdbc:duckdb:" + path, path);
    }

    private static StoreUrl postgres(String u) {
        String rest = u.substring(u.indexOf("://") + 3);
        String user = null;
        String password = null;
        int at = rest.lastIndexOf('@', rest.indexOf('/') < 0 ? rest.length() : rest.indexOf('/'));
        if (at >= 0) {
            String cred = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = cred.indexOf(':');
            user = colon < 0 ? cred : cred.substring(0, colon);
            password = colon < 0 ? null : cred.substring(colon + 1);
        }
        if (rest.isEmpty() || rest.startsWith("/")) {
            throw new IllegalArgumentException("PostgreSQL URL '" + hidePassword(u) + "' names no host; expected "
                    + "postgresql://user@host:port/db");
        }
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(rest);
        char sep = rest.contains("?") ? '&' : '?';
        if (user != null && !user.isEmpty()) {
            jdbc.append(sep).append("user=").append(URLEncoder.encode(user, StandardCharsets.UTF_8));
            sep = '&';
        }
        if (password != null) {
            jdbc.append(sep).append("password=").append(URLEncoder.encode(password, StandardCharsets.UTF_8));
        }
        return new StoreUrl(Dialect.POSTGRESQL, jdbc.toString(), hidePassword(jdbc.toString()));
    }

    private static String hidePassword(String u) {
        return u.replaceAll("(?i)(password=)[^&]*", "$1***").replaceAll("(://[^:/@]+:)[^@/]*@", "$1***@");
    }

    @Override
    public String toString() {
        return display;
    }
}
