package org.faultline.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import org.faultline.store.StoreUrl.Dialect;
import org.faultline.store.internal.Database;

/**
 * Durable storage of documents, coded events, their actors and evidence, failures, and merged events
 * ("stories"), on an embedded DuckDB file or a PostgreSQL server with the same schema (see the module README).
 * A store owns one connection, migrated to the newest schema when opened, and the parts that use it, each with its
 * own responsibility; callers use the parts:
 * <ul>
 *   <li>{@link EventWriter} ({@link #writer()}): documents, events and failures, each document in one transaction;
 *   idempotent and resumable (a document is identified by the {@link ContentHash} of its text), one id naming one
 *   text ({@link DocumentIdConflictException}, {@link EventWriter#place});</li>
 *   <li>{@link StoryMerger} ({@link #merger()}): links the events of different documents that report the same
 *   real-world event according to the {@link MergeRule} into stories, incrementally as documents come and from
 *   scratch on demand;</li>
 *   <li>{@link StoreQueries} ({@link #queries()}): the read side, events, documents, failures and the aggregates of
 *   the analyses, which take it through the port {@link org.faultline.query.EventQueries} it implements;</li>
 *   <li>{@link WatchLog} ({@link #watchLog()}): what {@code faultline watch} remembers.</li>
 * </ul>
 * The store itself answers for the database as a whole: where it is, its schema version, DuckDB's file format and a
 * copy of the file, and closing it.
 *
 * <p>Thread-safe: one store may be shared by threads, which then take turns (its parts synchronise on one object).
 * Stores on one database (processes on PostgreSQL; a DuckDB file can be open in one process at a time, but twice in
 * it) take turns to write as well, so that each write checks against everything written before it (see
 * {@code WriteTurns}). Errors are {@link StoreException}s naming what was being done.
 */
public final class EventStore implements AutoCloseable {
    /**
     * The DuckDB storage format of the files this store creates: the format of DuckDB 1.4, which DuckDB 1.x
     * clients (Python, Node, the CLI; 1.5 reads storage versions 64 to 68) and newer ones can open. A file
     * written before with a newer format keeps it (DuckDB never rewrites a file's format in place); copy it with
     * {@link #exportDuckDb} to get one they can read.
     */
    public static final String DUCKDB_STORAGE_COMPATIBILITY = "v1.4.0";

    private final Database db;
    private final StoryMerger merger;
    private final EventWriter writer;
    private final StoreQueries queries;

    private EventStore(StoreUrl url, Connection conn) throws SQLException {
        this.db = new Database(url, conn);
        this.merger = new StoryMerger(db);
        this.writer = new EventWriter(db, merger);
        this.queries = new StoreQueries(db);
        writer.backfillGroupLevel();
    }

    /** Opens (creating and migrating when needed) the store at a URL as accepted by {@link StoreUrl#parse}. */
    public static EventStore open(String url) {
        return open(StoreUrl.parse(url));
    }

    /**
     * Opens a store that must exist already, for readers: a DuckDB file that is not there is refused (opening it
     * would create an empty store and answer every question with nothing). A PostgreSQL database is checked by
     * connecting to it.
     *
     * @throws StoreException naming the path when the file does not exist, or when the store cannot be opened
     */
    public static EventStore openExisting(String url) {
        StoreUrl u = StoreUrl.parse(url);
        u.duckdbFile().ifPresent(f -> {
            if (!Files.isRegularFile(f)) {
                throw new StoreException("no store at " + f + " (" + f.toAbsolutePath().normalize()
                        + " does not exist); check --db, or create the store with faultline ingest");
            }
        });
        return open(u);
    }

    public static EventStore open(StoreUrl url) {
        Connection c = null;
        try {
            c = DriverManager.getConnection(url.jdbcUrl(), connectionProperties(url.dialect()));
            return new EventStore(url, c);
        } catch (SQLException | RuntimeException e) {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e instanceof StoreException ? (StoreException) e
                    : new StoreException("cannot open the store at " + url.display(), e);
        }
    }

    private static Properties connectionProperties(Dialect dialect) {
        Properties p = new Properties();
        if (dialect == Dialect.DUCKDB) {
            p.setProperty("storage_compatibility_version", DUCKDB_STORAGE_COMPATIBILITY);
        }
        return p;
    }

    /** What {@code faultline watch} remembers in this store: feeds, items taken, alerts. */
    public WatchLog watchLog() {
        return new WatchLog(db, writer);
    }

    /** The connection, for tests of this package that look at tables; callers hold no lock of the store. */
    Connection connection() {
        return db.connection();
    }

    /** The writing part: documents, events, failures. */
    public EventWriter writer() {
        return writer;
    }

    /** The story merging part. */
    public StoryMerger merger() {
        return merger;
    }

    /** The read side. */
    public StoreQueries queries() {
        return queries;
    }

    public StoreUrl url() {
        return db.url();
    }

    /**
     * The storage format DuckDB reports for this store's file ({@code v1.4.0+} for files this class created),
     * or empty for PostgreSQL and in-memory stores.
     */
    public Optional<String> duckDbStorageVersion() {
        if (db.dialect() != Dialect.DUCKDB) {
            return Optional.empty();
        }
        synchronized (db) {
            return storageVersion();
        }
    }

    private Optional<String> storageVersion() {
        try (Statement s = db.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT tags['storage_version'] FROM duckdb_databases() "
                     + "WHERE database_name = current_database()")) {
            return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            throw new StoreException("cannot read the storage version of " + db.url().display(), e);
        }
    }

    /**
     * Copies this DuckDB store (tables, views, comments, indexes) into a new file in the
     * {@link #DUCKDB_STORAGE_COMPATIBILITY} format, for DuckDB clients that cannot read the format of a file
     * written by an older Faultline. The copy is a store Faultline opens too.
     *
     * @throws StoreException when this store is not a DuckDB file, the target exists, or the copy fails (a
     *                        half-written target is removed)
     */
    public void exportDuckDb(Path target) {
        synchronized (db) {
            copyTo(target);
        }
    }

    private void copyTo(Path target) {
        if (db.dialect() != Dialect.DUCKDB) {
            throw new StoreException("export-db copies a DuckDB store; " + db.url().display() + " is PostgreSQL");
        }
        if (Files.exists(target)) {
            throw new StoreException("will not overwrite " + target + "; choose a new file");
        }
        String path = target.toAbsolutePath().toString().replace("'", "''");
        try (Statement s = db.connection().createStatement()) {
            String source;
            try (ResultSet rs = s.executeQuery("SELECT current_database()")) {
                rs.next();
                source = rs.getString(1);
            }
            s.execute("ATTACH '" + path + "' AS faultline_export (STORAGE_VERSION '" + DUCKDB_STORAGE_COMPATIBILITY
                    + "')");
            try {
                s.execute("COPY FROM DATABASE \"" + source.replace("\"", "\"\"") + "\" TO faultline_export");
            } finally {
                s.execute("DETACH faultline_export");
            }
        } catch (SQLException e) {
            try {
                Files.deleteIfExists(target);
                Files.deleteIfExists(Path.of(target + ".wal"));
            } catch (java.io.IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new StoreException("cannot copy " + db.url().display() + " to " + target, e);
        }
    }

    public int schemaVersion() {
        return db.schemaVersion();
    }

    @Override
    public void close() {
        synchronized (db) {
            db.close();
        }
    }
}
