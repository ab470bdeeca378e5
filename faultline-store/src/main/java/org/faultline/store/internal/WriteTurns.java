package org.faultline.store.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import org.faultline.store.StoreUrl;

/**
 * Makes the write transactions of every store on one database take turns, as the synchronised methods of one
 * store already do for its threads. A store checks before it writes (is this text stored? does this id name another
 * text? which stored events does a new one merge with? is this code known?), and a second writer between the check
 * and the commit would make the answer wrong: two texts under one id, a code id taken twice, stories that batch
 * merging would not give.
 *
 * <p>On PostgreSQL, where several processes may write one store, each write transaction first takes a transaction
 * advisory lock named after the store's schema (released by the database at commit or rollback, also when the
 * process dies); what the transaction reads after that includes everything the previous writer committed. A DuckDB
 * file can be open in one process only, but one process may open it twice (two connections share the database):
 * those connections take turns through a lock per file in this JVM. An in-memory DuckDB database is private to its
 * connection and needs no turns.
 *
 * <p>Every write takes turns: documents, failures, stories, bulk loads, and each migration ({@link Migrations}), so
 * that stores opened at once on a new database migrate it once.
 *
 * <p>Use: {@link #begin} before the transaction's first statement, {@link #end} after its commit or rollback, in a
 * {@code finally}. Thread-safe.
 */
public final class WriteTurns {
    /** Locks of the DuckDB files open in this JVM, by absolute path; never removed (one small object per file). */
    private static final ConcurrentMap<Path, ReentrantLock> FILES = new ConcurrentHashMap<>();
    /** The first key of Faultline's advisory locks ("FLT1"), apart from other users of the database's locks. */
    private static final int ADVISORY_CLASS = 0x464c5431;

    private final ReentrantLock fileLock;
    private final boolean advisory;

    private WriteTurns(ReentrantLock fileLock, boolean advisory) {
        this.fileLock = fileLock;
        this.advisory = advisory;
    }

    /** The turns of the database {@code url} names. */
    public static WriteTurns of(StoreUrl url) {
        if (url.dialect() == StoreUrl.Dialect.POSTGRESQL) {
            return new WriteTurns(null, true);
        }
        return new WriteTurns(url.duckdbFile()
                .map(f -> FILES.computeIfAbsent(f.toAbsolutePath().normalize(), k -> new ReentrantLock()))
                .orElse(null), false);
    }

    /**
     * Waits for this database's turn and starts a transaction on {@code conn} (auto-commit off). On failure nothing
     * is held and auto-commit is back on.
     */
    public void begin(Connection conn) throws SQLException {
        if (fileLock != null) {
            fileLock.lock();
        }
        try {
            conn.setAutoCommit(false);
            if (advisory) {
                try (PreparedStatement p = conn.prepareStatement(
                        "SELECT pg_advisory_xact_lock(?, hashtext(current_schema()))")) {
                    p.setInt(1, ADVISORY_CLASS);
                    p.execute();
                }
            }
        } catch (SQLException | RuntimeException e) {
            try {
                if (!conn.getAutoCommit()) {
                    conn.rollback();
                    conn.setAutoCommit(true);
                }
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            } finally {
                release();
            }
            throw e;
        }
    }

    /**
     * Ends the turn begun by {@link #begin}, after the transaction was committed or rolled back: auto-commit back on,
     * the next writer may go.
     */
    public void end(Connection conn) throws SQLException {
        try {
            conn.setAutoCommit(true);
        } finally {
            release();
        }
    }

    private void release() {
        if (fileLock != null && fileLock.isHeldByCurrentThread()) {
            fileLock.unlock();
        }
    }
}
