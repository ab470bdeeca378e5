package org.faultline.store.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * A piece of SQL with the values of its {@code ?} marks, in order: what the store's queries are built from, so that
 * a value always travels with the mark it fills and clauses combine ({@link #and}, {@link #or}, {@link #then},
 * {@link #wrap}) without cutting text. Enum values are bound by name. Immutable.
 *
 * @param sql    the text, with one {@code ?} per parameter outside quoted literals
 * @param params the values of the marks, in order (null binds SQL NULL)
 */
public record Clause(String sql, List<Object> params) {
    /** No text and no parameters. */
    public static final Clause EMPTY = new Clause("", List.of());

    public Clause {
        Objects.requireNonNull(sql, "sql");
        List<Object> copy = new ArrayList<>(params.size());
        for (Object v : params) {
            copy.add(v instanceof Enum<?> ? ((Enum<?>) v).name() : v);
        }
        params = Collections.unmodifiableList(copy);
        int marks = marks(sql);
        if (marks != params.size()) {
            throw new IllegalArgumentException(marks + " parameter marks but " + params.size() + " values in: " + sql);
        }
    }

    public static Clause of(String sql, Object... params) {
        return new Clause(sql, java.util.Arrays.asList(params));
    }

    /** {@code column IN (?, ?, ...)} with the values. */
    public static Clause in(String column, Collection<?> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values for " + column + " IN (...)");
        }
        return new Clause(column + " IN (" + marks(values.size()) + ")", new ArrayList<>(values));
    }

    /** The clauses joined by AND (no parentheses: AND binds tighter than the OR of {@link #or}). */
    public static Clause and(List<Clause> clauses) {
        return join(" AND ", clauses);
    }

    /** The clauses joined by OR, in parentheses. */
    public static Clause or(List<Clause> clauses) {
        return join(" OR ", clauses).wrap("(", ")");
    }

    private static Clause join(String separator, List<Clause> clauses) {
        StringJoiner sql = new StringJoiner(separator);
        List<Object> params = new ArrayList<>();
        for (Clause c : clauses) {
            sql.add(c.sql);
            params.addAll(c.params);
        }
        return new Clause(sql.toString(), params);
    }

    /** This clause followed by {@code next}. */
    public Clause then(Clause next) {
        List<Object> ps = new ArrayList<>(params);
        ps.addAll(next.params);
        return new Clause(sql + next.sql, ps);
    }

    /** This clause followed by text without parameters. */
    public Clause then(String text) {
        return then(of(text));
    }

    /** This clause between two pieces of text without parameters: {@code before + sql + after}. */
    public Clause wrap(String before, String after) {
        return new Clause(before + sql + after, params);
    }

    /** {@code ?, ?, ...}: {@code n} marks. */
    public static String marks(int n) {
        StringJoiner j = new StringJoiner(", ");
        for (int i = 0; i < n; i++) {
            j.add("?");
        }
        return j.toString();
    }

    /** The {@code ?} marks of {@code sql} outside single-quoted literals and double-quoted names. */
    private static int marks(String sql) {
        int n = 0;
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '?') {
                n++;
            }
        }
        return n;
    }
}
