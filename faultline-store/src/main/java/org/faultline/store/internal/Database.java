package org.faultline.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.faultline.store.StoreException;
import org.faultline.store.StoreUrl;

/**
 * The one connection of a store, migrated to the current schema, with what every part of the store shares: the
 * dialect, the dictionary of codes, the writers' turns ({@link WriteTurns}) and the settings table. The parts of one
 * store (writer, story merger, queries, watch log) take turns on the connection by synchronising on this object;
 * a part's method that is not synchronised on it must not touch the connection.
 */
public final class Database {
    /** How many ids one {@code IN (...)} list holds at most. */
    public static final int CHUNK = 500;

    private final StoreUrl url;
    private final Connection conn;
    private final WriteTurns turns;
    private final int schemaVersion;
    private final Codes codes;

    /** Migrates the database of {@code conn} (in the writers' turns) and reads its codes. */
    public Database(StoreUrl url, Connection conn) throws SQLException {
        this.url = url;
        this.conn = conn;
        this.turns = WriteTurns.of(url);
        this.schemaVersion = Migrations.migrate(conn, url.dialect(), turns);
        this.codes = new Codes(conn);
    }

    public StoreUrl url() {
        return url;
    }

    public StoreUrl.Dialect dialect() {
        return url.dialect();
    }

    /** The connection; callers hold this object's lock. */
    public Connection connection() {
        return conn;
    }

    public Codes codes() {
        return codes;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    /** Work on the connection that may throw {@link SQLException}. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws (a runtime
     * exception passes through as it is; an SQL failure becomes a {@link StoreException} saying {@code what}).
     */
    public <T> T inTransaction(String what, SqlWork<T> work) {
        try {
            return inTurn(work);
        } catch (SQLException e) {
            throw new StoreException(what, e);
        }
    }

    /**
     * Runs {@code work} in one transaction in the writers' turn ({@link WriteTurns}): committed when it returns,
     * rolled back when it throws, and then the code cache is read again (it may hold codes of the rolled-back work).
     */
    public <T> T inTurn(SqlWork<T> work) throws SQLException {
        turns.begin(conn);
        try {
            T out = work.run();
            conn.commit();
            return out;
        } catch (SQLException | RuntimeException e) {
            conn.rollback();
            codes.reload();
            throw e;
        } finally {
            turns.end(conn);
        }
    }

    /** The rows of {@code store_settings}, by name. */
    public Map<String, String> settings() throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT name, value FROM store_settings")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    /** Sets a setting, in the caller's transaction. */
    public void putSetting(String name, String value) throws SQLException {
        removeSetting(name);
        try (PreparedStatement p = Sql.prepare(conn, "INSERT INTO store_settings VALUES (?, ?)", List.of(name, value))) {
            p.executeUpdate();
        }
    }

    /** Removes a setting, in the caller's transaction. */
    public void removeSetting(String name) throws SQLException {
        try (PreparedStatement p = Sql.prepare(conn, "DELETE FROM store_settings WHERE name = ?", List.of(name))) {
            p.executeUpdate();
        }
    }

    /** The single number {@code sql} answers (a count). */
    public long count(String sql) {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("cannot run " + sql, e);
        }
    }

    /** Closes the connection. */
    public void close() {
        try {
            conn.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the store at " + url.display(), e);
        }
    }
}
