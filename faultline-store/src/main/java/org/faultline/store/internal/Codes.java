package org.faultline.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.faultline.store.StoreException;

/**
 * The {@code codes} dictionary: small integer ids for the strings of {@code event_dyads} (actor keys, sectors,
 * type and status names), cached in memory. New codes are inserted in the caller's transaction; after a
 * rollback call {@link #reload}. Other stores on the same database (another process on PostgreSQL) add codes too:
 * a code missing from the cache is looked up in the table before it is added, with the next id the table has (the
 * caller writes in its turn, see {@link WriteTurns}), and a read that misses reloads the cache when the table grew.
 * Not thread-safe (the store serialises access).
 */
public final class Codes {
    private final Connection conn;
    private final Map<String, Integer> ids = new HashMap<>();
    private final Map<Integer, String> names = new HashMap<>();

    public Codes(Connection conn) throws SQLException {
        this.conn = conn;
        reload();
    }

    public void reload() throws SQLException {
        ids.clear();
        names.clear();
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT code_id, code FROM codes")) {
            while (rs.next()) {
                remember(rs.getString(2), rs.getInt(1));
            }
        }
    }

    private void remember(String code, int id) {
        ids.put(code, id);
        names.put(id, code);
    }

    /** The id of a code, adding it when new; {@code null} stays {@code null}. */
    public Integer id(String code) throws SQLException {
        if (code == null) {
            return null;
        }
        Integer id = ids.get(code);
        if (id != null) {
            return id;
        }
        try (PreparedStatement find = conn.prepareStatement("SELECT code_id FROM codes WHERE code = ?")) {
            find.setString(1, code);
            try (ResultSet rs = find.executeQuery()) {
                if (rs.next()) {
                    remember(code, rs.getInt(1));
                    return rs.getInt(1);
                }
            }
        }
        try (PreparedStatement add = conn.prepareStatement("INSERT INTO codes SELECT COALESCE(MAX(code_id), 0) + 1, "
                + "CAST(? AS VARCHAR) FROM codes RETURNING code_id")) {
            add.setString(1, code);
            try (ResultSet rs = add.executeQuery()) {
                rs.next();
                remember(code, rs.getInt(1));
                return rs.getInt(1);
            }
        }
    }

    /**
     * The id of a known code, or -1 (which matches nothing) when the store has never seen it.
     *
     * @throws StoreException when the table cannot be read
     */
    public int find(String code) {
        Integer id = ids.get(code);
        if (id == null && grown()) {
            id = ids.get(code);
        }
        return id == null ? -1 : id;
    }

    /** Reloads the cache when another store added codes since it was filled (codes are never removed); true then. */
    private boolean grown() {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM codes")) {
            rs.next();
            if (rs.getLong(1) == names.size()) {
                return false;
            }
            reload();
            return true;
        } catch (SQLException e) {
            throw new StoreException("cannot read table codes", e);
        }
    }

    /** The code of an id; {@code null} for {@code null}. */
    public String name(Integer id) throws SQLException {
        if (id == null) {
            return null;
        }
        String n = names.get(id);
        if (n == null) {
            reload();
            n = names.get(id);
            if (n == null) {
                throw new IllegalStateException("code id " + id + " is missing from table codes");
            }
        }
        return n;
    }
}
