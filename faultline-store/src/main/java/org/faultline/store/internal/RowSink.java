package org.faultline.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Somewhere to write rows of one table: a JDBC batch (inside the caller's transaction) or, for bulk loads on
 * DuckDB, the Appender (about 100 times faster than JDBC batches). Values are String, Integer, Long, Double,
 * Boolean, LocalDate or {@code null}, in the table's column order. Not thread-safe.
 */
public interface RowSink extends AutoCloseable {
    void row(Object... values) throws SQLException;

    /** Sends what is buffered. */
    void flush() throws SQLException;

    @Override
    void close() throws SQLException;

    static RowSink batch(Connection c, String table, int columns) throws SQLException {
        PreparedStatement p = c.prepareStatement("INSERT INTO " + table + " VALUES (" + Clause.marks(columns) + ")");
        return new RowSink() {
            private int pending;

            @Override
            public void row(Object... values) throws SQLException {
                if (values.length != columns) {
                    throw new IllegalArgumentException(table + " takes " + columns + " values, got " + values.length);
                }
                for (int i = 0; i < values.length; i++) {
                    Sql.set(p, i + 1, values[i]);
                }
                p.addBatch();
                if (++pending >= 1000) {
                    flush();
                }
            }

            @Override
            public void flush() throws SQLException {
                if (pending > 0) {
                    p.executeBatch();
                    pending = 0;
                }
            }

            @Override
            public void close() throws SQLException {
                try {
                    flush();
                } finally {
                    p.close();
                }
            }
        };
    }

    static RowSink appender(Connection c, String table) throws SQLException {
        DuckDBAppender a = c.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, table);
        return new RowSink() {
            @Override
            public void row(Object... values) throws SQLException {
                a.beginRow();
                for (Object v : values) {
                    if (v == null) {
                        a.appendNull();
                    } else if (v instanceof String) {
                        a.append((String) v);
                    } else if (v instanceof Integer) {
                        a.append((int) (Integer) v);
                    } else if (v instanceof Long) {
                        a.append((long) (Long) v);
                    } else if (v instanceof Double) {
                        a.append((double) (Double) v);
                    } else if (v instanceof Boolean) {
                        a.append((boolean) (Boolean) v);
                    } else if (v instanceof LocalDate) {
                        a.append((LocalDate) v);
                    } else {
                        throw new IllegalArgumentException("cannot append " + v.getClass().getName() + " to " + table);
                    }
                }
                a.endRow();
            }

            @Override
            public void flush() throws SQLException {
                a.flush();
            }

            @Override
            public void close() throws SQLException {
                a.close();
            }
        };
    }
}
