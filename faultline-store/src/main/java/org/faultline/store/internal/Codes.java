package org.faultline.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code codes} dictionary: small integer ids for the strings of {@code event_dyads} (actor keys, sectors,
 * type and status names), cached in memory. New codes are inserted in the caller's transaction; after a
 * rollback call {@link #reload}. Not thread-safe (the store serialises access).
 */
public final class Codes {
    private final Connection conn;
    private final Map<String, Integer> ids = new HashMap<>();
    private final Map<Integer, String> names = new HashMap<>();
    private int max;

    public Codes(Connection conn) throws SQLException {
        this.conn = conn;
        reload();
    }

    public void reload() throws SQLException {
        ids.clear();
        names.clear();
        max = 0;
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT code_id, code FROM codes")) {
            while (rs.next()) {
                ids.put(rs.getString(2), rs.getInt(1));
                names.put(rs.getInt(1), rs.getString(2));
                max = Math.max(max, rs.getInt(1));
            }
        }
    }

    /** The id of a code, adding it when new; {@code null} stays {@code null}. */
    public Integer id(String code) throws SQLException {
        if (code == null) {
            return null;
        }
        Integer id = ids.get(code);
        if (id == null) {
            id = max + 1;
            try (PreparedStatement p = conn.prepareStatement("INSERT INTO codes VALUES (?, ?)")) {
                p.setInt(1, id);
                p.setString(2, code);
                p.executeUpdate();
            }
            max = id;
            ids.put(code, id);
            names.put(id, code);
        }
        return id;
    }

    /** The id of a known code, or -1 (which matches nothing) when the store has never seen it. */
    public int find(String code) {
        return ids.getOrDefault(code, -1);
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
