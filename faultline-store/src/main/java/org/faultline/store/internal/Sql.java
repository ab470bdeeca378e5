package org.faultline.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;

/**
 * Binding parameters and reading columns alike in both dialects. Date parameters are bound as {@link LocalDate} and
 * read back as ISO strings ({@code CAST(d AS VARCHAR)}), which both drivers handle alike. Queries are built as
 * {@link Clause}s.
 */
public final class Sql {
    private Sql() {
    }

    /** A statement prepared from a whole query and its parameters. */
    public static PreparedStatement prepare(Connection c, Clause query) throws SQLException {
        return prepare(c, query.sql(), query.params());
    }

    public static PreparedStatement prepare(Connection c, String sql, List<Object> params) throws SQLException {
        PreparedStatement p = c.prepareStatement(sql);
        try {
            bind(p, params);
        } catch (SQLException | RuntimeException e) {
            p.close();
            throw e;
        }
        return p;
    }

    public static void bind(PreparedStatement p, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            set(p, i + 1, params.get(i));
        }
    }

    public static void set(PreparedStatement p, int i, Object v) throws SQLException {
        if (v == null) {
            p.setNull(i, Types.NULL);
        } else if (v instanceof String) {
            p.setString(i, (String) v);
        } else if (v instanceof Integer) {
            p.setInt(i, (Integer) v);
        } else if (v instanceof Long) {
            p.setLong(i, (Long) v);
        } else if (v instanceof Double) {
            p.setDouble(i, (Double) v);
        } else if (v instanceof Boolean) {
            p.setBoolean(i, (Boolean) v);
        } else if (v instanceof LocalDate) {
            p.setObject(i, v);
        } else {
            throw new IllegalArgumentException("cannot bind " + v.getClass().getName() + " value " + v);
        }
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        String s = rs.getString(column);
        return s == null ? null : LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    }

    public static Integer intOrNull(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    public static Double doubleOrNull(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    public static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
