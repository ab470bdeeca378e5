package org.faultline.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.faultline.model.Article;
import org.faultline.model.DatePrecision;
import org.faultline.model.Event;
import org.faultline.model.EventJson;
import org.faultline.model.EventType;
import org.faultline.model.Failure;
import org.faultline.store.MergeRule.Mention;
import org.faultline.store.StoreUrl.Dialect;
import org.faultline.store.internal.Codes;
import org.faultline.store.internal.EventRows;
import org.faultline.store.internal.Migrations;
import org.faultline.store.internal.RowSink;
import org.faultline.store.internal.Sql;
import org.faultline.store.internal.StoryClusters;
import org.faultline.store.internal.WriteTurns;

/**
 * Durable storage of documents, coded events, their actors and evidence, failures, and merged events
 * ("stories"), on an embedded DuckDB file or a PostgreSQL server with the same schema (see the module README).
 *
 * <p>Writing is idempotent and resumable: a document is identified by the {@link ContentHash} of its text, and
 * {@link #storeCoded} writes a document with all its events in one transaction, so a process killed at any
 * moment leaves each document either complete or absent, and storing it again is a no-op. One document id names
 * one text: a different text under a stored id is refused ({@link DocumentIdConflictException}), so stored text
 * never changes under the spans of its events; writers {@link #place} a document before coding it, which gives such a
 * text its own versioned id.
 *
 * <p>De-duplication: while merging is on (the default), each stored event is linked to the events of other
 * documents that report the same real-world event according to the {@link MergeRule}; linked events form a
 * story whose id is its earliest mention's id. {@link #unmerge()} dissolves all stories (mentions stay) and
 * turns merging off; {@link #mergeStories(MergeRule)} recomputes them from scratch. Incremental and batch
 * merging give the same stories, whatever the order documents arrived in.
 *
 * <p>Methods are synchronised: one store may be shared by threads, which then take turns. Stores on one database
 * (processes on PostgreSQL; a DuckDB file can be open in one process at a time, but twice in it) take turns to
 * write as well, so that each write checks against everything written before it (see {@code WriteTurns}). Errors
 * are {@link StoreException}s naming what was being done.
 */
public final class EventStore implements AutoCloseable {
    /**
     * The DuckDB storage format of the files this store creates: the format of DuckDB 1.4, which DuckDB 1.x
     * clients (Python, Node, the CLI; 1.5 reads storage versions 64 to 68) and newer ones can open. A file
     * written before with a newer format keeps it (DuckDB never rewrites a file's format in place); copy it with
     * {@link #exportDuckDb} to get one they can read.
     */
    public static final String DUCKDB_STORAGE_COMPATIBILITY = "v1.4.0";
    private static final int CHUNK = 500;

    private final StoreUrl url;
    private final Connection conn;
    private final int schemaVersion;
    private final Codes codes;
    private final WriteTurns turns;
    private MergeRule mergeRule;
    private EvidenceSimilarity meaning = EvidenceSimilarity.NONE;
    private boolean merging;

    private EventStore(StoreUrl url, Connection conn) throws SQLException {
        this.url = url;
        this.conn = conn;
        this.turns = WriteTurns.of(url);
        this.schemaVersion = Migrations.migrate(conn, url.dialect(), turns);
        this.codes = new Codes(conn);
        Map<String, String> settings = settings();
        if (settings.containsKey(GROUP_BACKFILL)) {
            backfillGroupLevel();
        }
        this.merging = !"false".equals(settings.get("merge.enabled"));
        this.mergeRule = settings.containsKey("merge.rule") ? parseRule(settings.get("merge.rule")) : MergeRule.DEFAULT;
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

    /** Set by migration 6 until the rows written before it have their group keys and level-2 dyads. */
    private static final String GROUP_BACKFILL = "backfill.group_level";

    /**
     * Gives the actors stored before migration 6 their {@code group_key} and their events their
     * {@link ActorLevel#GROUP} dyads, computed by the same code that writes new events, in one transaction (a
     * process killed meanwhile leaves the setting, and the next open does it again).
     */
    private void backfillGroupLevel() throws SQLException {
        inTurn(() -> {
            try (PreparedStatement p = Sql.prepare(conn, "DELETE FROM event_dyads WHERE actor_level = ?",
                    List.of(EventRows.levelNumber(ActorLevel.GROUP)))) {
                p.executeUpdate();
            }
            List<List<String>> kinds = new ArrayList<>();
            try (Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery("SELECT DISTINCT kb_id, code, sector FROM event_actors")) {
                while (rs.next()) {
                    kinds.add(Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            try (PreparedStatement p = conn.prepareStatement("UPDATE event_actors SET group_key = CAST(? AS VARCHAR) WHERE "
                    + "kb_id IS NOT DISTINCT FROM CAST(? AS VARCHAR) AND code IS NOT DISTINCT FROM CAST(? AS VARCHAR) "
                    + "AND sector IS NOT DISTINCT FROM CAST(? AS VARCHAR)")) {
                for (List<String> k : kinds) {
                    String key = ActorKey.groupKeyOf(new org.faultline.model.ActorRef("", k.get(1), k.get(2), null,
                            k.get(0), 0, 0));
                    Sql.set(p, 1, key);
                    for (int i = 0; i < 3; i++) {
                        Sql.set(p, i + 2, k.get(i));
                    }
                    p.executeUpdate();
                }
            }
            try (RowSink dy = RowSink.batch(conn, "event_dyads", EventRows.DYAD_COLUMNS);
                 Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery("SELECT event_json, story_id FROM events")) {
                while (rs.next()) {
                    EventRows.writeDyads(EventJson.fromLine(rs.getString(1)), rs.getString(2), ActorLevel.GROUP,
                            codes, dy);
                }
            }
            try (PreparedStatement p = Sql.prepare(conn, "DELETE FROM store_settings WHERE name = ?",
                    List.of(GROUP_BACKFILL))) {
                p.executeUpdate();
            }
            return null;
        });
    }

    /** What {@code faultline watch} remembers in this store: feeds, items taken, alerts. */
    public WatchLog watchLog() {
        return new WatchLog(this);
    }

    /** The connection, for {@link WatchLog}; callers hold this store's lock. */
    Connection connection() {
        return conn;
    }

    public StoreUrl url() {
        return url;
    }

    /**
     * The storage format DuckDB reports for this store's file ({@code v1.4.0+} for files this class created),
     * or empty for PostgreSQL and in-memory stores.
     */
    public synchronized Optional<String> duckDbStorageVersion() {
        if (url.dialect() != Dialect.DUCKDB) {
            return Optional.empty();
        }
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT tags['storage_version'] FROM duckdb_databases() "
                     + "WHERE database_name = current_database()")) {
            return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            throw new StoreException("cannot read the storage version of " + url.display(), e);
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
    public synchronized void exportDuckDb(Path target) {
        if (url.dialect() != Dialect.DUCKDB) {
            throw new StoreException("export-db copies a DuckDB store; " + url.display() + " is PostgreSQL");
        }
        if (Files.exists(target)) {
            throw new StoreException("will not overwrite " + target + "; choose a new file");
        }
        String path = target.toAbsolutePath().toString().replace("'", "''");
        try (Statement s = conn.createStatement()) {
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
            throw new StoreException("cannot copy " + url.display() + " to " + target, e);
        }
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    @Override
    public synchronized void close() {
        try {
            conn.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the store at " + url.display(), e);
        }
    }

    // ---------------------------------------------------------------- writing

    /** True when a document with this {@link ContentHash} is stored. */
    public synchronized boolean hasDocument(String contentHash) {
        try (PreparedStatement p = conn.prepareStatement("SELECT 1 FROM documents WHERE content_hash = ?")) {
            p.setString(1, contentHash);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot look up document " + contentHash, e);
        }
    }

    /** True when a document with the same normalised text as {@code article} is stored. */
    public boolean hasDocument(Article article) {
        return hasDocument(ContentHash.of(article.text()));
    }

    /** Stores a coded document and its events, without warnings: see {@link #storeCoded(Article, List, List)}. */
    public boolean storeCoded(Article article, List<Event> events) {
        return storeCoded(article, events, List.of());
    }

    /**
     * Stores a coded document, its events and the warnings about parts of it left uncoded in one transaction,
     * merges the events into stories (when merging is on), and clears earlier failures recorded for the same
     * origin (the warnings are recorded after that, in the failures table). Returns {@code false}, storing
     * nothing, when a document with the same content hash is already stored.
     *
     * <p>One id names one text: a document whose id is already stored with a different text is refused, so
     * that the text under a stored event's spans never changes. Place a document with {@link #place} before coding
     * it, and store the placed article with the place's warnings.
     *
     * @throws DocumentIdConflictException when the id is taken by a different text (nothing is stored)
     * @throws StoreException when the database refuses (the transaction is rolled back; nothing is stored)
     */
    public synchronized boolean storeCoded(Article article, List<Event> events, List<Failure> warnings) {
        return storeCoded(article, events, warnings, null);
    }

    /**
     * {@link #storeCoded(Article, List, List)}, running {@code alsoInTransaction} (when not null) in the same
     * transaction, also when the document was stored before: what it writes is committed with the document or not
     * at all (the watch log's item records).
     */
    synchronized boolean storeCoded(Article article, List<Event> events, List<Failure> warnings,
                                    AlsoInTransaction alsoInTransaction) {
        String hash = ContentHash.of(article.text());
        try {
            turns.begin(conn);
            try {
                if (existsInTx(hash)) {
                    if (alsoInTransaction != null) {
                        alsoInTransaction.run(false);
                        conn.commit();
                    } else {
                        conn.rollback();
                    }
                    return false;
                }
                String taken = originOfOtherText(article.id(), hash);
                if (taken != null) {
                    throw new DocumentIdConflictException(article.id(), taken);
                }
                try (PreparedStatement p = conn.prepareStatement("INSERT INTO documents VALUES "
                        + "(?, ?, CAST(? AS DATE), ?, ?, ?, ?, ?, CAST(? AS TIMESTAMP), ?, ?)")) {
                    Sql.bind(p, Arrays.asList(hash, article.id(), article.date(), article.title(), article.source(),
                            article.url(), article.origin(), article.text(), nowUtc(), "coded", events.size()));
                    p.executeUpdate();
                }
                writeEvents(events, false);
                if (merging) {
                    mergeIncrementally(events);
                }
                if (article.origin() != null) {
                    try (PreparedStatement p = conn.prepareStatement("DELETE FROM failures WHERE origin = ?")) {
                        p.setString(1, article.origin());
                        p.executeUpdate();
                    }
                }
                for (Failure w : warnings) {
                    insertFailure(w);
                }
                if (alsoInTransaction != null) {
                    alsoInTransaction.run(true);
                }
                conn.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                conn.rollback();
                codes.reload();
                throw e;
            } finally {
                turns.end(conn);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot store document " + article.id() + " (" + article.origin() + ")", e);
        }
    }

    /**
     * A document coded elsewhere whose events are loaded separately ({@link #bulkLoad}).
     *
     * @param article    the document as it was coded (its text is what the events' spans point into)
     * @param eventCount the number of events coded from it
     */
    public record CodedDocument(Article article, int eventCount) {
        public CodedDocument {
            java.util.Objects.requireNonNull(article, "article");
            if (eventCount < 0) {
                throw new IllegalArgumentException("eventCount of " + article.id() + " is " + eventCount);
            }
        }
    }

    /**
     * What {@link #loadDocuments} did.
     *
     * @param stored  documents stored now
     * @param known   documents whose text was stored already (skipped)
     * @param refused documents refused because their id names another stored text, in input order
     */
    public record DocumentLoad(long stored, long known, List<DocumentIdConflictException> refused) {
        public DocumentLoad {
            refused = List.copyOf(refused);
        }
    }

    /**
     * Stores documents coded elsewhere (the Spark job's output, read by {@code import-parquet}) in one transaction,
     * without their events: the caller loads those with {@link #bulkLoad}, leaving out the events of refused
     * documents. As in {@link #storeCoded}, a document is identified by the {@link ContentHash} of its text (one
     * stored already is skipped) and one id names one text (a document whose id is taken by another text, stored
     * before or earlier in the list, is refused and reported, not stored). Unlike {@link #storeCoded}, failures
     * recorded for a document's origin are kept: the origins of a Spark run are whole input files.
     *
     * @throws StoreException when the database refuses (the transaction is rolled back; nothing is stored)
     */
    public synchronized DocumentLoad loadDocuments(List<CodedDocument> documents) {
        return inTransaction("cannot store " + documents.size() + " documents", () -> {
            long stored = 0;
            long known = 0;
            List<DocumentIdConflictException> refused = new ArrayList<>();
            try (PreparedStatement p = conn.prepareStatement("INSERT INTO documents VALUES "
                    + "(?, ?, CAST(? AS DATE), ?, ?, ?, ?, ?, CAST(? AS TIMESTAMP), ?, ?)")) {
                String now = nowUtc();
                for (CodedDocument d : documents) {
                    Article a = d.article();
                    String hash = ContentHash.of(a.text());
                    if (existsInTx(hash)) {
                        known++;
                        continue;
                    }
                    String taken = originOfOtherText(a.id(), hash);
                    if (taken != null) {
                        refused.add(new DocumentIdConflictException(a.id(), taken));
                        continue;
                    }
                    Sql.bind(p, Arrays.asList(hash, a.id(), a.date(), a.title(), a.source(), a.url(), a.origin(),
                            a.text(), now, "coded", d.eventCount()));
                    p.executeUpdate();
                    stored++;
                }
            }
            return new DocumentLoad(stored, known, refused);
        });
    }

    /**
     * Where {@code article} goes in this store, decided before it is coded (see {@link DocumentPlace}): already
     * stored when its text is (under any id); under its own id when that is free or names this text; else under
     * {@code ID~HASH}, with a warning to store beside it; refused only when that id too names another text.
     * {@link #storeCoded} checks the id again in its transaction: a writer that stored another text under the id
     * in between makes it throw {@link DocumentIdConflictException}, and placing the document again versions it.
     */
    public synchronized DocumentPlace place(Article article) {
        String hash = ContentHash.of(article.text());
        try {
            String storedAs = idOfText(hash);
            if (storedAs != null) {
                return new DocumentPlace.AlreadyStored(withId(article, storedAs));
            }
            String taken = originOfOtherText(article.id(), hash);
            if (taken == null) {
                return new DocumentPlace.AsGiven(article);
            }
            String versioned = DocumentPlace.versionedId(article.id(), hash);
            String takenToo = originOfOtherText(versioned, hash);
            if (takenToo != null) {
                return new DocumentPlace.Refused(article, new DocumentIdConflictException(versioned, takenToo));
            }
            return new DocumentPlace.Versioned(withId(article, versioned), article.id(), taken);
        } catch (SQLException e) {
            throw new StoreException("cannot look up document id " + article.id(), e);
        }
    }

    private static Article withId(Article a, String id) {
        return id.equals(a.id()) ? a : new Article(id, a.date(), a.text(), a.title(), a.source(), a.url(), a.origin());
    }

    /** The id a text with this content hash is stored under, or null. */
    private String idOfText(String hash) throws SQLException {
        try (PreparedStatement p = conn.prepareStatement("SELECT doc_id FROM documents WHERE content_hash = ?")) {
            p.setString(1, hash);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The origin of a stored document with this id and another text ("" when it has none), or null. */
    private String originOfOtherText(String docId, String hash) throws SQLException {
        try (PreparedStatement p = conn.prepareStatement("SELECT COALESCE(origin, '') FROM documents "
                + "WHERE doc_id = ? AND content_hash <> ? ORDER BY ingested_at LIMIT 1")) {
            p.setString(1, docId);
            p.setString(2, hash);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private boolean existsInTx(String hash) throws SQLException {
        try (PreparedStatement p = conn.prepareStatement("SELECT 1 FROM documents WHERE content_hash = ?")) {
            p.setString(1, hash);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void writeEvents(Iterable<Event> events, boolean bulk) throws SQLException {
        boolean appender = bulk && url.dialect() == Dialect.DUCKDB;
        try (RowSink ev = sink("events", EventRows.EVENT_COLUMNS, appender);
             RowSink ac = sink("event_actors", EventRows.ACTOR_COLUMNS, appender);
             RowSink vi = sink("evidence", EventRows.EVIDENCE_COLUMNS, appender);
             RowSink dy = sink("event_dyads", EventRows.DYAD_COLUMNS, appender)) {
            for (Event e : events) {
                EventRows.write(e, e.id(), codes, ev, ac, vi, dy);
            }
        }
    }

    private RowSink sink(String table, int columns, boolean appender) throws SQLException {
        return appender ? RowSink.appender(conn, table) : RowSink.batch(conn, table, columns);
    }

    /**
     * Loads events fast, without documents and without merging (each event its own story): for benchmarks and
     * large imports. Uses DuckDB's Appender on DuckDB and JDBC batches on PostgreSQL, in one transaction in the turn
     * of the database's writers (see {@code WriteTurns}), so a failure leaves nothing of the batch and other writers
     * wait until the load ends. Call {@link #mergeStories} afterwards to de-duplicate.
     *
     * @return the number of events loaded
     */
    public synchronized long bulkLoad(Iterator<Event> events) {
        long[] n = {0};
        Iterable<Event> counted = () -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return events.hasNext();
            }

            @Override
            public Event next() {
                n[0]++;
                return events.next();
            }
        };
        try {
            inTurn(() -> {
                writeEvents(counted, true);
                return null;
            });
        } catch (SQLException e) {
            throw new StoreException("bulk load failed after " + n[0] + " events", e);
        }
        return n[0];
    }

    /**
     * Records a failure. A failure of the same origin, stage and document replaces the earlier one, so running
     * the same input again does not pile up duplicates.
     */
    public synchronized void storeFailure(Failure f) {
        inTransaction("cannot record failure " + f.message(), () -> {
            try (PreparedStatement p = conn.prepareStatement("DELETE FROM failures WHERE origin = ? AND stage = ? "
                    + "AND COALESCE(doc_id, '') = ?")) {
                Sql.bind(p, List.of(f.origin(), f.stage(), f.docId() == null ? "" : f.docId()));
                p.executeUpdate();
            }
            insertFailure(f);
            return null;
        });
    }

    private void insertFailure(Failure f) throws SQLException {
        try (PreparedStatement p = conn.prepareStatement("INSERT INTO failures VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)")) {
            Sql.bind(p, Arrays.asList(f.origin(), f.docId(), f.stage(), f.reason()));
            p.executeUpdate();
        }
    }

    /** Every recorded failure, by origin, stage and document. */
    public synchronized List<Failure> failures() {
        List<Failure> out = new ArrayList<>();
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT origin, doc_id, stage, reason FROM failures "
                     + "ORDER BY origin, stage, doc_id")) {
            while (rs.next()) {
                out.add(new Failure(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot list failures", e);
        }
        return out;
    }

    /** The document with this id, with its text. */
    public synchronized java.util.Optional<StoredDocument> document(String docId) {
        List<StoredDocument> d = documents("SELECT *, CAST(doc_date AS VARCHAR) AS day, CAST(ingested_at AS VARCHAR) "
                + "AS added FROM documents WHERE doc_id = ? "
                + "ORDER BY ingested_at, content_hash LIMIT 1", List.of(docId), true);
        return d.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(d.get(0));
    }

    /** Stored documents without their text, by date then id; at most {@code limit} (0: all) after {@code offset}. */
    public synchronized List<StoredDocument> documents(int limit, int offset) {
        return documents("SELECT " + DOCUMENT_COLUMNS + " FROM documents ORDER BY doc_date, doc_id"
                + (limit > 0 ? " LIMIT " + limit : "") + (offset > 0 ? " OFFSET " + offset : ""), List.of(), false);
    }

    /**
     * The documents with these ids, without their text (where to cite them: title, outlet, URL, dates), by id; ids
     * not stored are absent.
     */
    public synchronized Map<String, StoredDocument> documentsById(java.util.Collection<String> docIds) {
        Map<String, StoredDocument> out = new TreeMap<>();
        List<String> ids = new ArrayList<>(new TreeSet<>(docIds));
        for (int i = 0; i < ids.size(); i += CHUNK) {
            List<Object> part = new ArrayList<>(ids.subList(i, Math.min(ids.size(), i + CHUNK)));
            for (StoredDocument d : documents("SELECT " + DOCUMENT_COLUMNS + " FROM documents WHERE doc_id IN ("
                    + Sql.marks(part.size()) + ") ORDER BY ingested_at DESC, content_hash DESC", part, false)) {
                out.put(d.docId(), d);
            }
        }
        return out;
    }

    private static final String DOCUMENT_COLUMNS = "content_hash, doc_id, title, source, url, origin, status, "
            + "event_count, CAST(doc_date AS VARCHAR) AS day, CAST(ingested_at AS VARCHAR) AS added";

    /** The time a document is stored, in UTC to the second (the ingested_at column). */
    private static String nowUtc() {
        return java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).withNano(0).toString().replace('T', ' ');
    }

    private static java.time.LocalDateTime timestamp(String s) {
        if (s == null) {
            return null;
        }
        String t = s.replace(' ', 'T');
        int plus = Math.max(t.indexOf('+', 10), t.indexOf('-', 10));
        return java.time.LocalDateTime.parse(plus > 0 ? t.substring(0, plus) : t);
    }

    private List<StoredDocument> documents(String sql, List<Object> params, boolean withText) {
        List<StoredDocument> out = new ArrayList<>();
        try (PreparedStatement p = Sql.prepare(conn, sql, params); ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                out.add(new StoredDocument(rs.getString("content_hash"), rs.getString("doc_id"), Sql.date(rs, "day"),
                        rs.getString("title"), rs.getString("source"), rs.getString("url"), rs.getString("origin"),
                        rs.getString("status"), rs.getInt("event_count"), withText ? rs.getString("text") : null,
                        timestamp(rs.getString("added"))));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read documents", e);
        }
        return out;
    }

    public synchronized long documentCount() {
        return count("SELECT COUNT(*) FROM documents");
    }

    public synchronized long eventCount() {
        return count("SELECT COUNT(*) FROM events");
    }

    /**
     * The range of the store's event dates and the span that holds their bulk, leaving out {@code percent} % of
     * the events (rounded down) at each end (see {@link EventDates} for the exact ranks); empty for a store without
     * events. Every event counts, merged or not, as {@link #countEvents} counts {@link EventFilter#all()}. Two
     * queries: the count and range, then one discrete-quantile aggregate for both bounds ({@code quantile_disc} on
     * DuckDB, {@code percentile_disc ... WITHIN GROUP} on PostgreSQL) with the events outside them.
     *
     * @param percent 0 to 49
     */
    public synchronized Optional<EventDates> eventDates(int percent) {
        if (percent < 0 || percent > 49) {
            throw new IllegalArgumentException("percent must be 0 to 49, not " + percent);
        }
        long n;
        LocalDate first;
        LocalDate last;
        String range = "SELECT COUNT(*), CAST(MIN(event_date) AS VARCHAR), CAST(MAX(event_date) AS VARCHAR) FROM events";
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(range)) {
            rs.next();
            n = rs.getLong(1);
            if (n == 0) {
                return Optional.empty();
            }
            first = LocalDate.parse(rs.getString(2));
            last = LocalDate.parse(rs.getString(3));
        } catch (SQLException e) {
            throw new StoreException("cannot read the range of event dates", e);
        }
        long cut = n * percent / 100;
        // a discrete quantile q is the value of rank ceil(q * n) (PostgreSQL's percentile_disc; DuckDB's quantile_disc
        // agrees): asking for the middle of rank r's interval, (r - 0.5) / n, gives rank r whatever the rounding
        String lo = fraction(cut + 1, n);
        String hi = fraction(n - cut, n);
        String bounds = url.dialect() == Dialect.POSTGRESQL
                ? "SELECT percentile_disc(" + lo + ") WITHIN GROUP (ORDER BY event_date) AS lo, percentile_disc(" + hi
                        + ") WITHIN GROUP (ORDER BY event_date) AS hi FROM events"
                : "SELECT quantile_disc(event_date, " + lo + ") AS lo, quantile_disc(event_date, " + hi
                        + ") AS hi FROM events";
        String sql = "WITH b AS (" + bounds + ") SELECT CAST(b.lo AS VARCHAR), CAST(b.hi AS VARCHAR),"
                + " (SELECT COUNT(*) FROM events WHERE event_date < b.lo),"
                + " (SELECT COUNT(*) FROM events WHERE event_date > b.hi) FROM b";
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return Optional.of(new EventDates(n, first, last, LocalDate.parse(rs.getString(1)),
                    LocalDate.parse(rs.getString(2)), rs.getLong(3), rs.getLong(4)));
        } catch (SQLException e) {
            throw new StoreException("cannot find the bulk of the event dates", e);
        }
    }

    /** {@code (rank - 0.5) / n} as a plain SQL literal. */
    private static String fraction(long rank, long n) {
        return new java.math.BigDecimal(rank * 2 - 1).divide(java.math.BigDecimal.valueOf(n * 2),
                java.math.MathContext.DECIMAL64).toPlainString();
    }

    private long count(String sql) {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("cannot run " + sql, e);
        }
    }

    // ---------------------------------------------------------------- de-duplication

    public synchronized boolean mergingEnabled() {
        return merging;
    }

    public synchronized MergeRule mergeRule() {
        return mergeRule;
    }

    /**
     * Links reports whose evidence {@code meaning} finds alike as well (condition 7 of {@link MergeRule}), for the
     * documents stored from now on and for {@link #mergeStories}; not remembered in the store. {@link
     * EvidenceSimilarity#NONE} turns it off again.
     */
    public synchronized void mergeBySimilarMeaning(EvidenceSimilarity meaning) {
        this.meaning = java.util.Objects.requireNonNull(meaning, "meaning");
    }

    /**
     * Recomputes every story from scratch with {@code rule}, remembers the rule for later documents and turns
     * merging on. Returns the number of stories with more than one mention.
     */
    public synchronized int mergeStories(MergeRule rule) {
        int merged = inTransaction("cannot merge stories", () -> {
            resetStories();
            List<Mention> all = loadMentions();
            Map<String, String> story = StoryClusters.cluster(all, rule, meaning);
            applyStoryMap(story);
            try (Statement s = conn.createStatement()) {
                s.executeUpdate("INSERT INTO stories SELECT story_id, MIN(event_type), MIN(event_date), "
                        + "MAX(event_date), COUNT(*), COUNT(DISTINCT doc_id) FROM events "
                        + "GROUP BY story_id HAVING COUNT(*) > 1");
            }
            putSetting("merge.enabled", "true");
            putSetting("merge.rule", rule.windows());
            return new HashSet<>(story.values()).size();
        });
        this.mergeRule = rule;
        this.merging = true;
        return merged;
    }

    /** Dissolves every story (each mention becomes its own event again; nothing is deleted) and turns merging off. */
    public synchronized void unmerge() {
        inTransaction("cannot unmerge stories", () -> {
            resetStories();
            putSetting("merge.enabled", "false");
            return null;
        });
        merging = false;
    }

    /**
     * Undoes one merge: every mention of the story becomes its own event again (nothing is deleted) and is kept
     * apart from every other mention from now on, by incremental merging and by {@link #mergeStories} alike, until
     * {@link #forgetSplits()}. Returns the ids of the mentions set apart, sorted.
     *
     * @throws IllegalArgumentException when no merged story has this id
     */
    public synchronized List<String> splitStory(String storyId) {
        return inTransaction("cannot split story " + storyId, () -> {
            List<String> members = new ArrayList<>();
            try (PreparedStatement p = Sql.prepare(conn, "SELECT event_id FROM events WHERE story_id = ? "
                    + "ORDER BY event_id", List.of(storyId)); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    members.add(rs.getString(1));
                }
            }
            if (members.size() < 2) {
                throw new IllegalArgumentException("no merged story has the id '" + storyId + "'");
            }
            try (PreparedStatement p = conn.prepareStatement("INSERT INTO kept_apart VALUES (?, ?, CURRENT_TIMESTAMP)")) {
                for (String id : members) {
                    p.setString(1, id);
                    p.setString(2, storyId);
                    p.addBatch();
                }
                p.executeBatch();
            }
            for (String sql : List.of("UPDATE events SET story_id = event_id WHERE story_id = ?",
                    "UPDATE event_dyads SET representative = TRUE WHERE event_id IN (SELECT event_id FROM kept_apart "
                            + "WHERE story_id = ?)", "DELETE FROM stories WHERE story_id = ?")) {
                try (PreparedStatement p = Sql.prepare(conn, sql, List.of(storyId))) {
                    p.executeUpdate();
                }
            }
            return List.copyOf(members);
        });
    }

    /**
     * Mentions split off stories by {@link #splitStory}, mapped to the story they were split from, sorted by event
     * id.
     */
    public synchronized Map<String, String> keptApart() {
        Map<String, String> out = new TreeMap<>();
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT event_id, story_id FROM kept_apart")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read split stories", e);
        }
        return out;
    }

    /**
     * Forgets every split: the mentions may be merged again by later documents and by the next
     * {@link #mergeStories}. Returns how many mentions were kept apart.
     */
    public synchronized int forgetSplits() {
        try (Statement s = conn.createStatement()) {
            return s.executeUpdate("DELETE FROM kept_apart");
        } catch (SQLException e) {
            throw new StoreException("cannot forget split stories", e);
        }
    }

    /** Writes done in the transaction of {@link #storeCoded}, told whether the document was new. */
    @FunctionalInterface
    interface AlsoInTransaction {
        void run(boolean stored) throws SQLException;
    }

    /** Work on the connection that may throw {@link SQLException}. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws (a runtime
     * exception passes through as it is; an SQL failure becomes a {@link StoreException} saying {@code what}).
     */
    <T> T inTransaction(String what, SqlWork<T> work) {
        try {
            return inTurn(work);
        } catch (SQLException e) {
            throw new StoreException(what, e);
        }
    }

    /**
     * Runs {@code work} in one transaction in the writers' turn ({@code WriteTurns}): committed when it returns,
     * rolled back when it throws, and then the code cache is read again (it may hold codes of the rolled-back work).
     */
    private <T> T inTurn(SqlWork<T> work) throws SQLException {
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

    private void resetStories() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.executeUpdate("DELETE FROM stories");
            s.executeUpdate("UPDATE events SET story_id = event_id WHERE story_id <> event_id");
            s.executeUpdate("UPDATE event_dyads SET representative = TRUE WHERE NOT representative");
        }
    }

    /** Writes event id to story id for merged mentions (others keep story id = own id). */
    private void applyStoryMap(Map<String, String> story) throws SQLException {
        if (story.isEmpty()) {
            return;
        }
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE TEMPORARY TABLE story_map (event_id VARCHAR PRIMARY KEY, story_id VARCHAR NOT NULL)");
        }
        try {
            try (RowSink m = RowSink.batch(conn, "story_map", 2)) {
                for (Map.Entry<String, String> e : new TreeMap<>(story).entrySet()) {
                    m.row(e.getKey(), e.getValue());
                }
            }
            try (Statement s = conn.createStatement()) {
                s.executeUpdate("UPDATE events SET story_id = m.story_id FROM story_map m "
                        + "WHERE events.event_id = m.event_id");
                s.executeUpdate("UPDATE event_dyads SET representative = FALSE FROM story_map m "
                        + "WHERE event_dyads.event_id = m.event_id AND m.story_id <> m.event_id");
            }
        } finally {
            try (Statement s = conn.createStatement()) {
                s.execute("DROP TABLE story_map");
            }
        }
    }

    /**
     * Links the new events to stored events of other documents, joining their stories. Equivalent to
     * recomputing the connected components with the new events added, because every link between the new
     * document and the older ones is examined here and links among older ones were examined when they came.
     */
    private void mergeIncrementally(List<Event> events) throws SQLException {
        Map<String, String> parent = new HashMap<>();
        boolean linked = false;
        for (Event e : events) {
            Mention m = Mention.of(e);
            if (m.actorKeys().isEmpty()) {
                continue;
            }
            for (Map.Entry<Mention, String> c : candidates(m).entrySet()) {
                if (mergeRule.sameStory(m, c.getKey(), meaning)) {
                    union(parent, e.id(), c.getValue());
                    linked = true;
                }
            }
        }
        if (!linked) {
            return;
        }
        Map<String, Set<String>> groups = new TreeMap<>();
        for (String s : new ArrayList<>(parent.keySet())) {
            groups.computeIfAbsent(findRoot(parent, s), x -> new TreeSet<>()).add(s);
        }
        for (Set<String> storyIds : groups.values()) {
            List<Object> ids = new ArrayList<>(storyIds);
            Sql where = new Sql().in("story_id", ids);
            List<Mention> members = new ArrayList<>();
            try (PreparedStatement p = Sql.prepare(conn, "SELECT event_id, doc_id, event_type, CAST(event_date AS "
                    + "VARCHAR) AS event_date, date_precision, loc_country, status FROM events" + where.where(),
                    where.params()); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    members.add(mentionRow(rs, Set.of(), Set.of(), null, Set.of(), null));
                }
            }
            String story = StoryClusters.representative(members);
            List<Object> params = new ArrayList<>();
            params.add(story);
            params.addAll(ids);
            try (PreparedStatement p = Sql.prepare(conn, "UPDATE events SET story_id = ? WHERE story_id IN ("
                    + Sql.marks(ids.size()) + ")", params)) {
                p.executeUpdate();
            }
            List<Object> eventIds = new ArrayList<>();
            members.forEach(x -> eventIds.add(x.eventId()));
            for (int i = 0; i < eventIds.size(); i += CHUNK) {
                List<Object> chunk = eventIds.subList(i, Math.min(eventIds.size(), i + CHUNK));
                List<Object> ps = new ArrayList<>();
                ps.add(story);
                ps.addAll(chunk);
                try (PreparedStatement p = Sql.prepare(conn, "UPDATE event_dyads SET representative = (event_id = ?) "
                        + "WHERE event_id IN (" + Sql.marks(chunk.size()) + ")", ps)) {
                    p.executeUpdate();
                }
            }
            try (PreparedStatement p = Sql.prepare(conn, "DELETE FROM stories WHERE story_id IN ("
                    + Sql.marks(ids.size()) + ")", ids)) {
                p.executeUpdate();
            }
            try (PreparedStatement p = Sql.prepare(conn, "INSERT INTO stories SELECT story_id, MIN(event_type), "
                    + "MIN(event_date), MAX(event_date), COUNT(*), COUNT(DISTINCT doc_id) FROM events "
                    + "WHERE story_id = ? GROUP BY story_id", List.of(story))) {
                p.executeUpdate();
            }
        }
    }

    private static void union(Map<String, String> parent, String a, String b) {
        String ra = findRoot(parent, a);
        String rb = findRoot(parent, b);
        if (!ra.equals(rb)) {
            parent.put(ra.compareTo(rb) < 0 ? rb : ra, ra.compareTo(rb) < 0 ? ra : rb);
        }
    }

    private static String findRoot(Map<String, String> parent, String x) {
        parent.putIfAbsent(x, x);
        String r = x;
        while (!parent.get(r).equals(r)) {
            r = parent.get(r);
        }
        return r;
    }

    /** Stored mentions of other documents that might be linked to {@code m}, with their story ids. */
    private Map<Mention, String> candidates(Mention m) throws SQLException {
        Sql where = new Sql()
                .add("event_type = ?", m.eventType().name())
                .add("status = ?", m.status().name())
                .add("doc_id <> ?", m.docId())
                .add("event_date BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)",
                        m.date().minusDays(mergeRule.maxWindow()), m.date().plusDays(mergeRule.maxWindow()));
        List<String> any = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (String k : m.actorKeys()) {
            any.add("actor_keys LIKE ?");
            params.add("%|" + k + "|%");
        }
        where.add("(" + String.join(" OR ", any) + ")", params.toArray());
        where.add("event_id NOT IN (SELECT event_id FROM kept_apart)");
        Map<Mention, String> out = new LinkedHashMap<>();
        try (PreparedStatement p = Sql.prepare(conn, "SELECT event_id, doc_id, event_type, CAST(event_date AS VARCHAR) "
                + "AS event_date, date_precision, loc_country, status, story_id, actor_keys, recipient_keys, loc_text, "
                + EVIDENCE_TEXT + " FROM events" + where.where(), where.params()); ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                out.put(mergedMentionRow(rs), rs.getString("story_id"));
            }
        }
        return out;
    }

    /** The evidence sentences of a row of {@code events}, joined by spaces, for the merge rule's wording. */
    private static final String EVIDENCE_TEXT = "(SELECT string_agg(ev.text, ' ') FROM evidence ev "
            + "WHERE ev.event_id = events.event_id) AS evidence_text";

    /** Every stored mention that may be merged (not kept apart), with its actor keys, place and wording. */
    private List<Mention> loadMentions() throws SQLException {
        List<Mention> out = new ArrayList<>();
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT event_id, doc_id, event_type, CAST(event_date AS VARCHAR) AS "
                     + "event_date, date_precision, loc_country, status, actor_keys, recipient_keys, loc_text, "
                     + EVIDENCE_TEXT + " FROM events WHERE event_id NOT IN (SELECT event_id FROM kept_apart)")) {
            while (rs.next()) {
                out.add(mergedMentionRow(rs));
            }
        }
        return out;
    }

    /** A mention with all that the merge rule reads: keys, place and the words of its evidence. */
    private static Mention mergedMentionRow(ResultSet rs) throws SQLException {
        return mentionRow(rs, EventRows.parseKeyList(rs.getString("actor_keys")),
                EventRows.parseKeyList(rs.getString("recipient_keys")), MergeRule.placeKey(rs.getString("loc_text")),
                MergeRule.contentWords(rs.getString("evidence_text")), rs.getString("evidence_text"));
    }

    private static Mention mentionRow(ResultSet rs, Set<String> actors, Set<String> recipients, String place,
                                      Set<String> words, String evidence) throws SQLException {
        return new Mention(rs.getString("event_id"), rs.getString("doc_id"), EventType.valueOf(rs.getString("event_type")),
                Sql.date(rs, "event_date"), DatePrecision.valueOf(rs.getString("date_precision")),
                rs.getString("loc_country"), EventStatus.valueOf(rs.getString("status")), actors, recipients, place,
                words, evidence);
    }

    /** Merged stories (two or more mentions), most mentioned first, at most {@code limit} (0: all). */
    public synchronized List<Story> stories(int limit) {
        List<String> ids = new ArrayList<>();
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT story_id FROM stories ORDER BY mentions DESC, first_date, story_id"
                     + (limit > 0 ? " LIMIT " + limit : ""))) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            List<Story> out = new ArrayList<>();
            for (String id : ids) {
                out.add(storyInternal(id));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot list stories", e);
        }
    }

    /** The story with this id, or {@code null} when no merged story has it. */
    public synchronized Story story(String storyId) {
        try {
            return storyInternal(storyId);
        } catch (SQLException e) {
            throw new StoreException("cannot read story " + storyId, e);
        }
    }

    private Story storyInternal(String storyId) throws SQLException {
        List<String> events = new ArrayList<>();
        Set<String> docs = new TreeSet<>();
        EventType type = null;
        LocalDate first = null;
        LocalDate last = null;
        try (PreparedStatement p = Sql.prepare(conn, "SELECT event_id, doc_id, event_type, CAST(event_date AS VARCHAR) "
                + "AS event_date FROM events WHERE story_id = ? ORDER BY event_id", List.of(storyId));
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                events.add(rs.getString("event_id"));
                docs.add(rs.getString("doc_id"));
                type = EventType.valueOf(rs.getString("event_type"));
                LocalDate d = Sql.date(rs, "event_date");
                first = first == null || d.isBefore(first) ? d : first;
                last = last == null || d.isAfter(last) ? d : last;
            }
        }
        return events.size() < 2 ? null : new Story(storyId, type, first, last, events, new ArrayList<>(docs));
    }

    // ---------------------------------------------------------------- queries

    /** Events matching the filter, in its order and page, with their story. */
    public synchronized List<StoredEvent> events(EventFilter f) {
        ActorLevel dyads;
        try {
            dyads = dyadLevel(f);
        } catch (SQLException e) {
            throw new StoreException("cannot query events", e);
        }
        Sql where;
        String sql;
        if (dyads != null) {
            where = directedDyadWhere(f, dyads);
            sql = "SELECT x.event_id FROM (SELECT DISTINCT d.event_id, d.event_date, d.confidence FROM " + dyads(f) + " d"
                    + where.where() + ") x" + (f.order() == EventFilter.Order.SALIENCE
                    ? " LEFT JOIN stories s ON s.story_id = x.event_id" : "") + order(f, "x.") + page(f);
        } else {
            where = eventWhere(f);
            sql = "SELECT e.event_id FROM events e LEFT JOIN stories s ON s.story_id = e.story_id" + where.where()
                    + order(f, "e.") + page(f);
        }
        try {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement p = Sql.prepare(conn, sql, where.params()); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return load(ids);
        } catch (SQLException e) {
            throw new StoreException("cannot query events", e);
        }
    }

    /** The ORDER BY of the filter's order over columns of {@code prefix} (events or a dyad selection). */
    private static String order(EventFilter f, String prefix) {
        switch (f.order()) {
            case DATE_DESC:
                return " ORDER BY " + prefix + "event_date DESC, " + prefix + "event_id";
            case SALIENCE:
                return " ORDER BY COALESCE(s.mentions, 1) DESC, " + prefix + "confidence DESC, " + prefix
                        + "event_date, " + prefix + "event_id";
            default:
                return " ORDER BY " + prefix + "event_date, " + prefix + "event_id";
        }
    }

    /**
     * When the filter asks for events from one actor to another (or between a pair), the actor level at which
     * {@code event_dyads} holds exactly those events; {@code null} otherwise (e.g. an actor alone, who may act
     * without a recipient). The dyads are integer-coded, so choosing events there avoids joining the events table
     * with the actors table on text ids.
     */
    private ActorLevel dyadLevel(EventFilter f) throws SQLException {
        if (f.either() != null || !f.anyOf().isEmpty()) {
            return null;
        }
        if (f.pairA() != null && f.actor() == null && f.recipient() == null) {
            return pairLevel(f, f.pairA(), f.pairB());
        }
        if (f.pairA() == null && f.actor() != null && f.recipient() != null
                && !f.actor().key().equals(f.recipient().key())) {
            return pairLevel(f, f.actor(), f.recipient());
        }
        return null;
    }

    /**
     * The level at which {@code event_dyads} answers a question about two actors: with a sector, actor+sector;
     * when one of them (or a member of its coalition) is known only at {@link ActorLevel#GROUP} (HAMAS,
     * SYR-REB), group; else country, as before groups had keys of their own.
     */
    private ActorLevel pairLevel(EventFilter f, ActorKey a, ActorKey b) throws SQLException {
        if (a.sector() != null || b.sector() != null) {
            return ActorLevel.SECTOR;
        }
        return groupOnly(f, a) || groupOnly(f, b) ? ActorLevel.GROUP : ActorLevel.COUNTRY;
    }

    /** True when this actor (or a member of its coalition in the filter) is stored as a group key only. */
    private boolean groupOnly(EventFilter f, ActorKey k) throws SQLException {
        Coalition c = f.coalition(k);
        for (ActorKey m : c == null ? List.of(k) : c.members()) {
            try (PreparedStatement p = Sql.prepare(conn, "SELECT 1 FROM event_actors WHERE group_key = ? AND NOT "
                    + "EXISTS (SELECT 1 FROM event_actors WHERE actor_key = ?) LIMIT 1", List.of(m.key(), m.key()));
                 ResultSet rs = p.executeQuery()) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Every actor key stored, at any level (country keys such as {@code PSE} and {@code IGO_NATO}, group keys such
     * as {@code HAMAS} and {@code SYR-REB}), sorted: what a question may name besides coalitions.
     */
    public synchronized Set<String> actorKeys() {
        Set<String> out = new TreeSet<>();
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT DISTINCT actor_key FROM event_actors WHERE actor_key IS NOT NULL "
                     + "UNION SELECT DISTINCT group_key FROM event_actors WHERE group_key IS NOT NULL")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot list actor keys", e);
        }
        return out;
    }

    /**
     * {@link #dyadWhere}, where a recipient in the filter admits only directed dyads (not co-actors of an event
     * without recipient).
     */
    private Sql directedDyadWhere(EventFilter f, ActorLevel level) {
        Sql where = dyadWhere(f, level);
        if (f.recipient() != null) {
            where.add("NOT d.joint");
        }
        return where;
    }

    /**
     * How many events match the filter and from how many documents (ignoring its page).
     *
     * @param events    matching events
     * @param documents distinct documents of those events
     */
    public record Tally(long events, long documents) {
    }

    /** How many events match the filter (ignoring its page and order), and the documents they come from. */
    public synchronized Tally tally(EventFilter f) {
        Sql where = eventWhere(f);
        String sql = "SELECT COUNT(*), COUNT(DISTINCT e.doc_id) FROM events e" + where.where();
        try (PreparedStatement p = Sql.prepare(conn, sql, where.params()); ResultSet rs = p.executeQuery()) {
            rs.next();
            return new Tally(rs.getLong(1), rs.getLong(2));
        } catch (SQLException e) {
            throw new StoreException("cannot count events and documents", e);
        }
    }

    /** How many events match the filter (ignoring its page). */
    public synchronized long countEvents(EventFilter f) {
        ActorLevel dyads;
        try {
            dyads = dyadLevel(f);
        } catch (SQLException e) {
            throw new StoreException("cannot count events", e);
        }
        Sql where = dyads != null ? directedDyadWhere(f, dyads) : eventWhere(f);
        String sql = dyads != null ? "SELECT COUNT(DISTINCT d.event_id) FROM " + dyads(f) + " d" + where.where()
                : "SELECT COUNT(*) FROM events e" + where.where();
        try (PreparedStatement p = Sql.prepare(conn, sql, where.params()); ResultSet rs = p.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("cannot count events", e);
        }
    }

    private static String page(EventFilter f) {
        return (f.limit() > 0 ? " LIMIT " + f.limit() : "") + (f.offset() > 0 ? " OFFSET " + f.offset() : "");
    }

    private Sql eventWhere(EventFilter f) {
        Sql w = new Sql();
        if (f.actor() != null) {
            w.add("e.event_id IN (SELECT event_id FROM event_actors WHERE role = 'actor' AND " + keyMatch(f, f.actor())
                    + ")", keyParams(f, f.actor()));
        }
        if (f.recipient() != null) {
            w.add("e.event_id IN (SELECT event_id FROM event_actors WHERE role = 'recipient' AND "
                    + keyMatch(f, f.recipient()) + ")", keyParams(f, f.recipient()));
        }
        if (f.either() != null) {
            w.add("e.event_id IN (SELECT event_id FROM event_actors WHERE " + keyMatch(f, f.either()) + ")",
                    keyParams(f, f.either()));
        }
        if (!f.anyOf().isEmpty()) {
            List<String> any = new ArrayList<>();
            List<Object> ps = new ArrayList<>();
            for (ActorKey k : f.anyOf()) {
                any.add(keyMatch(f, k));
                ps.addAll(List.of(keyParams(f, k)));
            }
            w.add("e.event_id IN (SELECT event_id FROM event_actors WHERE " + String.join(" OR ", any) + ")",
                    ps.toArray());
        }
        if (f.pairA() != null) {
            ActorLevel level;
            try {
                level = pairLevel(f, f.pairA(), f.pairB());
            } catch (SQLException e) {
                throw new StoreException("cannot choose the level of the pair " + f.pairA() + ", " + f.pairB(), e);
            }
            Sql pair = pairClause(f, f.pairA(), f.pairB(), "d.");
            List<Object> ps = new ArrayList<>();
            ps.add(EventRows.levelNumber(level));
            ps.addAll(pair.params());
            w.add("e.event_id IN (SELECT d.event_id FROM " + dyads(f) + " d WHERE d.actor_level = ? AND "
                    + pair.where().substring(7) + ")", ps.toArray());
        }
        w.in("e.event_type", f.types()).in("e.quad_class", f.quadClasses()).in("e.status", f.statuses());
        if (!f.sectors().isEmpty()) {
            w.add("e.event_id IN (SELECT event_id FROM event_actors WHERE sector IN (" + Sql.marks(f.sectors().size())
                    + "))", f.sectors().toArray());
        }
        if (f.from() != null) {
            w.add("e.event_date >= CAST(? AS DATE)", f.from());
        }
        if (f.to() != null) {
            w.add("e.event_date <= CAST(? AS DATE)", f.to());
        }
        if (f.country() != null) {
            w.add("e.loc_country = ?", f.country());
        }
        if (f.text() != null) {
            w.add("e.event_id IN (SELECT event_id FROM evidence WHERE LOWER(text) LIKE ? ESCAPE '\\')", like(f.text()));
        }
        if (f.confidenceBelow() != null) {
            w.add("e.confidence < ?", f.confidenceBelow());
        }
        if (f.representativesOnly()) {
            w.add("e.story_id = e.event_id");
        }
        if (f.locatedOnly()) {
            w.add("e.loc_lat IS NOT NULL AND e.loc_lon IS NOT NULL");
        }
        if (f.docId() != null) {
            w.add("e.doc_id = ?", f.docId());
        }
        return w;
    }

    private static String like(String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + t + "%";
    }

    /**
     * Matches {@code event_actors} rows against an actor by its key at country or at group level ({@code PSE}
     * matches all of Palestine, Hamas included, as it always did; {@code HAMAS} matches Hamas); a coalition of the
     * filter matches its members.
     */
    private static String keyMatch(EventFilter f, ActorKey k) {
        Coalition c = f.coalition(k);
        String in = c == null ? " = ?" : " IN (" + Sql.marks(c.members().size()) + ")";
        String key = "(actor_key" + in + " OR group_key" + in + ")";
        return k.sector() == null ? key : "(" + key + " AND sector = ?)";
    }

    private static Object[] keyParams(EventFilter f, ActorKey k) {
        Coalition c = f.coalition(k);
        List<Object> out = new ArrayList<>();
        for (int twice = 0; twice < 2; twice++) {
            if (c == null) {
                out.add(k.key());
            } else {
                c.members().forEach(m -> out.add(m.key()));
            }
        }
        if (k.sector() != null) {
            out.add(k.sector());
        }
        return out.toArray();
    }

    /**
     * The dyads a query reads: {@code event_dyads}, or, when the filter carries coalitions, a view of it in which
     * each coalition's members are folded into the coalition (code id {@link #coalitionId}). In the view an event
     * keeps one row per distinct folded pair, pairs within one coalition (at the level: same sector too) are gone,
     * and a joint pair is turned so that the smaller actor key (in Java's order) comes first, as stored pairs are.
     */
    private String dyads(EventFilter f) {
        if (f.coalitions().isEmpty()) {
            return "event_dyads";
        }
        String c = url.dialect() == Dialect.POSTGRESQL ? " COLLATE \"C\"" : "";
        StringBuilder ms = new StringBuilder("CASE");
        StringBuilder md = new StringBuilder("CASE");
        StringBuilder ks = new StringBuilder("CASE");
        StringBuilder kd = new StringBuilder("CASE");
        for (int i = 0; i < f.coalitions().size(); i++) {
            Coalition co = f.coalitions().get(i);
            List<String> ids = new ArrayList<>();
            co.members().forEach(m -> ids.add(String.valueOf(codes.find(m.key()))));
            String in = " IN (" + String.join(", ", ids) + ")";
            ms.append(" WHEN d.src").append(in).append(" THEN ").append(coalitionId(i));
            md.append(" WHEN d.dst").append(in).append(" THEN ").append(coalitionId(i));
            // names are checked to be [A-Z][A-Z0-9_]*, safe as literals
            ks.append(" WHEN d.src").append(in).append(" THEN '").append(co.name()).append("'");
            kd.append(" WHEN d.dst").append(in).append(" THEN '").append(co.name()).append("'");
        }
        ms.append(" ELSE d.src END");
        md.append(" ELSE d.dst END");
        // An actor key in Java's order: the key, then no sector before any sector (chr(1) sorts before letters).
        ks.append(" ELSE cs.code END || chr(1) || COALESCE(css.code, '')");
        kd.append(" ELSE cd.code END || chr(1) || COALESCE(cds.code, '')");
        String swap = "CASE WHEN y.swap THEN ";
        return "(SELECT DISTINCT y.event_id, y.actor_level, " + swap + "y.md ELSE y.ms END AS src, " + swap
                + "y.dst_sector ELSE y.src_sector END AS src_sector, " + swap + "y.ms ELSE y.md END AS dst, " + swap
                + "y.src_sector ELSE y.dst_sector END AS dst_sector, y.joint, y.event_type, y.quad_class, "
                + "y.event_date, y.status, y.goldstein, y.plover_score, y.confidence, y.representative FROM (SELECT "
                + "x.*, (x.joint AND x.ks" + c + " > x.kd" + c + ") AS swap FROM (SELECT d.*, " + ms + " AS ms, " + md
                + " AS md, " + ks + " AS ks, " + kd + " AS kd FROM event_dyads d JOIN codes cs ON cs.code_id = d.src "
                + "JOIN codes cd ON cd.code_id = d.dst LEFT JOIN codes css ON css.code_id = d.src_sector "
                + "LEFT JOIN codes cds ON cds.code_id = d.dst_sector) x WHERE NOT (x.ms = x.md AND x.src_sector "
                + "IS NOT DISTINCT FROM x.dst_sector)) y)";
    }

    /** The code id standing for the filter's {@code i}-th coalition in {@link #dyads}: negative, so never a stored code. */
    private static int coalitionId(int i) {
        return -2 - i;
    }

    /** The actor key or sector of a code id read from {@link #dyads}: a stored code or a coalition's name. */
    private String keyName(Integer id, EventFilter f) throws SQLException {
        if (id != null && id <= -2 && -2 - id < f.coalitions().size()) {
            return f.coalitions().get(-2 - id).name();
        }
        return codes.name(id);
    }

    /** The code id of an actor key in {@link #dyads}: a coalition's id, a stored code's, or -1 (matches nothing). */
    private int keyId(EventFilter f, String key) {
        for (int i = 0; i < f.coalitions().size(); i++) {
            if (f.coalitions().get(i).name().equals(key)) {
                return coalitionId(i);
            }
        }
        return codes.find(key);
    }

    /** Matches dyad code columns ({@code prefix}src, ...) against an actor; unknown codes match nothing. */
    private String dyadMatch(EventFilter f, ActorKey k, String prefix, String side, List<Object> params) {
        params.add(keyId(f, k.key()));
        if (k.sector() == null) {
            return prefix + side + " = ?";
        }
        params.add(codes.find(k.sector()));
        return "(" + prefix + side + " = ? AND " + prefix + side + "_sector = ?)";
    }

    private Sql pairClause(EventFilter f, ActorKey a, ActorKey b, String prefix) {
        List<Object> ps = new ArrayList<>();
        String ab = dyadMatch(f, a, prefix, "src", ps) + " AND " + dyadMatch(f, b, prefix, "dst", ps);
        String ba = dyadMatch(f, b, prefix, "src", ps) + " AND " + dyadMatch(f, a, prefix, "dst", ps);
        return new Sql().add("((" + ab + ") OR (" + ba + "))", ps.toArray());
    }

    private Sql dyadWhere(EventFilter f, ActorLevel level) {
        Sql w = new Sql().add("d.actor_level = ?", EventRows.levelNumber(level));
        if (f.actor() != null) {
            List<Object> ps = new ArrayList<>();
            w.add(dyadMatch(f, f.actor().at(level), "d.", "src", ps), ps.toArray());
        }
        if (f.recipient() != null) {
            List<Object> ps = new ArrayList<>();
            w.add(dyadMatch(f, f.recipient().at(level), "d.", "dst", ps), ps.toArray());
        }
        if (f.either() != null) {
            List<Object> ps = new ArrayList<>();
            ActorKey k = f.either().at(level);
            w.add("(" + dyadMatch(f, k, "d.", "src", ps) + " OR " + dyadMatch(f, k, "d.", "dst", ps) + ")",
                    ps.toArray());
        }
        if (!f.anyOf().isEmpty()) {
            List<Object> ps = new ArrayList<>();
            List<String> any = new ArrayList<>();
            for (ActorKey k : f.anyOf()) {
                any.add(dyadMatch(f, k.at(level), "d.", "src", ps));
                any.add(dyadMatch(f, k.at(level), "d.", "dst", ps));
            }
            w.add("(" + String.join(" OR ", any) + ")", ps.toArray());
        }
        if (f.pairA() != null) {
            Sql pair = pairClause(f, f.pairA().at(level), f.pairB().at(level), "d.");
            w.add(pair.where().substring(7), pair.params().toArray());
        }
        List<Object> types = new ArrayList<>();
        f.types().forEach(t -> types.add(codes.find(t.name())));
        List<Object> statuses = new ArrayList<>();
        f.statuses().forEach(t -> statuses.add(codes.find(t.name())));
        w.in("d.event_type", types).in("d.quad_class", f.quadClasses()).in("d.status", statuses);
        if (!f.sectors().isEmpty()) {
            sectorClause(f, level, w);
        }
        if (f.from() != null) {
            w.add("d.event_date >= CAST(? AS DATE)", f.from());
        }
        if (f.to() != null) {
            w.add("d.event_date <= CAST(? AS DATE)", f.to());
        }
        if (f.country() != null) {
            w.add("d.event_id IN (SELECT event_id FROM events WHERE loc_country = ?)", f.country());
        }
        if (f.text() != null) {
            w.add("d.event_id IN (SELECT event_id FROM evidence WHERE LOWER(text) LIKE ? ESCAPE '\\')", like(f.text()));
        }
        if (f.confidenceBelow() != null) {
            w.add("d.confidence < ?", f.confidenceBelow());
        }
        if (f.representativesOnly()) {
            w.add("d.representative");
        }
        if (f.locatedOnly()) {
            w.add("d.event_id IN (SELECT event_id FROM events WHERE loc_lat IS NOT NULL AND loc_lon IS NOT NULL)");
        }
        if (f.docId() != null) {
            w.add("d.event_id IN (SELECT event_id FROM events WHERE doc_id = ?)", f.docId());
        }
        return w;
    }

    /**
     * Keeps the dyads with an actor of the filter's sectors on a side. At actor+sector level the dyad's own sectors
     * say so; at country and group level an actor of the event with such a sector is looked up whose key at that
     * level is the side (a coalition's side: any of its members), in the role of that side (a joint dyad's target
     * is a co-actor).
     */
    private void sectorClause(EventFilter f, ActorLevel level, Sql w) {
        if (level == ActorLevel.SECTOR) {
            List<Object> ids = new ArrayList<>();
            f.sectors().forEach(x -> ids.add(codes.find(x)));
            String in = " IN (" + Sql.marks(ids.size()) + ")";
            List<Object> ps = new ArrayList<>(ids);
            ps.addAll(ids);
            w.add("(d.src_sector" + in + " OR d.dst_sector" + in + ")", ps.toArray());
            return;
        }
        String side = "c.code_id";
        if (!f.coalitions().isEmpty()) {
            StringBuilder b = new StringBuilder("CASE");
            for (int i = 0; i < f.coalitions().size(); i++) {
                List<String> ids = new ArrayList<>();
                f.coalitions().get(i).members().forEach(m -> ids.add(String.valueOf(codes.find(m.key()))));
                b.append(" WHEN c.code_id IN (").append(String.join(", ", ids)).append(") THEN ")
                        .append(coalitionId(i));
            }
            side = b.append(" ELSE c.code_id END").toString();
        }
        String key = level == ActorLevel.GROUP ? "ea.group_key" : "ea.actor_key";
        w.add("EXISTS (SELECT 1 FROM event_actors ea JOIN codes c ON c.code = " + key + " WHERE ea.event_id = "
                + "d.event_id AND ea.sector IN (" + Sql.marks(f.sectors().size()) + ") AND ((ea.role = 'actor' AND "
                + side + " = d.src) OR (ea.role = CASE WHEN d.joint THEN 'actor' ELSE 'recipient' END AND " + side
                + " = d.dst)))", f.sectors().toArray());
    }

    /**
     * Event counts and score sums per (source, target, type, status, joint), and per period when {@code by} is
     * not null, computed in the database over the dyads, at {@code level}, of the events matching the filter
     * (page and order are ignored; at country level the sectors of the filter's actors are ignored). Each
     * event counts once per dyad at each level. Rows come sorted by period, source, target, type, status.
     */
    public synchronized List<DyadTotal> dyadTotals(EventFilter f, ActorLevel level, Period by) {
        Sql where = dyadWhere(f, level);
        // Grouped by the truncated date itself; turning it into text per group, not per row, is several times
        // cheaper over a million rows.
        String period = by == null ? "CAST(NULL AS DATE)" : "date_trunc('" + by.sqlUnit() + "', d.event_date)";
        String sql = "SELECT CAST(CAST(t.pd AS DATE) AS VARCHAR) AS period, t.src, t.src_sector, t.dst, t.dst_sector, "
                + "t.joint, t.event_type, t.status, t.n, t.g, t.p, CAST(t.fd AS VARCHAR) AS first_date, "
                + "CAST(t.ld AS VARCHAR) AS last_date FROM (SELECT " + period + " AS pd, d.src, d.src_sector, d.dst, "
                + "d.dst_sector, d.joint, d.event_type, d.status, COUNT(*) AS n, SUM(d.goldstein) AS g, "
                + "SUM(d.plover_score) AS p, MIN(d.event_date) AS fd, MAX(d.event_date) AS ld FROM " + dyads(f) + " d"
                + where.where() + " GROUP BY 1, d.src, d.src_sector, d.dst, d.dst_sector, d.joint, d.event_type, "
                + "d.status) t";
        List<DyadTotal> out = new ArrayList<>();
        try (PreparedStatement p = Sql.prepare(conn, sql, where.params()); ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                out.add(new DyadTotal(Sql.date(rs, "period"),
                        new ActorKey(keyName(rs.getInt(2), f), codes.name(Sql.intOrNull(rs, "src_sector"))),
                        new ActorKey(keyName(rs.getInt(4), f), codes.name(Sql.intOrNull(rs, "dst_sector"))),
                        rs.getBoolean(6), EventType.valueOf(codes.name(rs.getInt(7))),
                        EventStatus.valueOf(codes.name(rs.getInt(8))), rs.getLong(9), rs.getDouble(10),
                        rs.getDouble(11), Sql.date(rs, "first_date"), Sql.date(rs, "last_date")));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot total dyads", e);
        }
        out.sort(DYAD_ORDER);
        return out;
    }

    /**
     * One row per directed pair (at {@code level}) of the events matching the filter, every type and status summed
     * in the database; pairs with fewer than {@code minRealised} realised events are left out (0 keeps pairs with
     * only unrealised events). With {@code limit > 0} only the {@code limit} pairs with the most realised events
     * are returned (ties broken by source, then target); {@link PairTotals#pairs()} still counts every pair that
     * passed the threshold. Rows come sorted by source, then target. Each event counts once per dyad, as in
     * {@link #dyadTotals}; summing a pair's dyad totals gives its pair total.
     */
    public synchronized PairTotals pairTotals(EventFilter f, ActorLevel level, long minRealised, int limit) {
        Sql where = dyadWhere(f, level);
        int realised = codes.find(EventStatus.REALISED.name());
        List<EventType> types = List.of(EventType.values());
        StringBuilder cols = new StringBuilder();
        for (EventType t : types) {
            cols.append("COUNT(*) FILTER (WHERE d.status = ").append(realised).append(" AND d.event_type = ")
                    .append(codes.find(t.name())).append(") AS t_").append(t.name()).append(", ");
        }
        String realisedCount = "COUNT(*) FILTER (WHERE d.status = " + realised + ")";
        String pair = "d.src, d.src_sector, d.dst, d.dst_sector";
        String wide = "SELECT " + pair + ", " + cols + "COUNT(*) FILTER (WHERE d.status = "
                + codes.find(EventStatus.REFUSED.name()) + " AND d.event_type IN (" + cooperativeCodes() + ")) AS refused, "
                + "COUNT(*) FILTER (WHERE d.status <> " + realised + ") AS unrealised, "
                + "COALESCE(SUM(d.goldstein) FILTER (WHERE d.status = " + realised + "), 0) AS g, "
                + "COALESCE(SUM(d.plover_score) FILTER (WHERE d.status = " + realised + "), 0) AS p, ";
        String having = minRealised > 0 ? " HAVING " + realisedCount + " >= " + minRealised : "";
        String sql;
        if (limit <= 0) {
            sql = wide + "COUNT(*) OVER () AS pairs FROM " + dyads(f) + " d" + where.where() + " GROUP BY " + pair + having;
        } else {
            // First the pairs to keep, from a narrow count (a fraction of the cost of every per-type sum), then the
            // sums for those pairs only. Ties at the cut are broken by the actors' codes in Java's (byte) order.
            String c = url.dialect() == Dialect.POSTGRESQL ? " COLLATE \"C\"" : "";
            String top = "SELECT g.* FROM (SELECT " + pair + ", " + realisedCount + " AS realised, COUNT(*) OVER () "
                    + "AS pairs FROM " + dyads(f) + " d" + where.where() + " GROUP BY " + pair + having + ") g "
                    + "JOIN codes cs ON cs.code_id = g.src LEFT JOIN codes css ON css.code_id = g.src_sector "
                    + "JOIN codes cd ON cd.code_id = g.dst LEFT JOIN codes cds ON cds.code_id = g.dst_sector "
                    + "ORDER BY g.realised DESC, cs.code" + c + ", css.code" + c + " NULLS FIRST, cd.code" + c
                    + ", cds.code" + c + " NULLS FIRST LIMIT " + limit;
            sql = "WITH top AS (" + top + ") " + wide + "t.pairs FROM " + dyads(f) + " d JOIN top t ON d.src = t.src "
                    + "AND d.dst = t.dst AND COALESCE(d.src_sector, -1) = COALESCE(t.src_sector, -1) "
                    + "AND COALESCE(d.dst_sector, -1) = COALESCE(t.dst_sector, -1)" + where.where()
                    + " GROUP BY " + pair + ", t.pairs";
        }
        List<Object> params = new ArrayList<>(where.params());
        if (limit > 0) {
            params.addAll(where.params());
        }
        List<PairTotal> rows = new ArrayList<>();
        long pairs = 0;
        try (PreparedStatement p = Sql.prepare(conn, sql, params); ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                Map<EventType, Long> byType = new java.util.EnumMap<>(EventType.class);
                for (int i = 0; i < types.size(); i++) {
                    long n = rs.getLong(5 + i);
                    if (n > 0) {
                        byType.put(types.get(i), n);
                    }
                }
                int at = 5 + types.size();
                rows.add(new PairTotal(new ActorKey(keyName(rs.getInt(1), f), codes.name(Sql.intOrNull(rs, "src_sector"))),
                        new ActorKey(keyName(rs.getInt(3), f), codes.name(Sql.intOrNull(rs, "dst_sector"))), byType,
                        rs.getLong(at), rs.getLong(at + 1), rs.getDouble(at + 2), rs.getDouble(at + 3)));
                pairs = rs.getLong(at + 4);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot total pairs", e);
        }
        rows.sort(java.util.Comparator.comparing(PairTotal::source).thenComparing(PairTotal::target));
        return new PairTotals(List.copyOf(rows), pairs);
    }

    /** The code ids of the cooperative event types, comma-separated, for IN lists. */
    private String cooperativeCodes() {
        List<String> out = new ArrayList<>();
        for (EventType t : EventType.values()) {
            if (t.cooperative()) {
                out.add(String.valueOf(codes.find(t.name())));
            }
        }
        return String.join(", ", out);
    }

    /**
     * Directed pair totals and how many pairs passed the threshold before the limit.
     *
     * @param rows  the pairs returned, sorted by source then target
     * @param pairs the pairs with enough realised events, returned or not
     */
    public record PairTotals(List<PairTotal> rows, long pairs) {
    }

    /**
     * Realised cooperation and conflict of each actor (at {@code level}) over the dyads of the events matching
     * the filter, on either side; an actor with only unrealised events has zeros. Sorted by actor.
     */
    public synchronized List<ActorActivity> actorActivity(EventFilter f, ActorLevel level) {
        Sql where = dyadWhere(f, level);
        int realised = codes.find(EventStatus.REALISED.name());
        String coop = "d.status = " + realised + " AND d.event_type IN (" + cooperativeCodes() + ")";
        // Summed per pair first, then per actor on either side: one pass over the dyads.
        String sql = "WITH p AS (SELECT d.src, d.src_sector, d.dst, d.dst_sector, COUNT(*) FILTER (WHERE " + coop
                + ") AS c, COUNT(*) FILTER (WHERE d.status = " + realised + " AND NOT (" + coop + ")) AS k "
                + "FROM " + dyads(f) + " d" + where.where() + " GROUP BY d.src, d.src_sector, d.dst, d.dst_sector) "
                + "SELECT a, s, SUM(c), SUM(k) FROM (SELECT src AS a, src_sector AS s, c, k FROM p UNION ALL "
                + "SELECT dst, dst_sector, c, k FROM p) x GROUP BY a, s";
        List<Object> params = where.params();
        List<ActorActivity> out = new ArrayList<>();
        try (PreparedStatement p = Sql.prepare(conn, sql, params); ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                out.add(new ActorActivity(new ActorKey(keyName(rs.getInt(1), f), codes.name(Sql.intOrNull(rs, "s"))),
                        rs.getLong(3), rs.getLong(4)));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot total actor activity", e);
        }
        out.sort(java.util.Comparator.comparing(ActorActivity::actor));
        return out;
    }

    private static final java.util.Comparator<DyadTotal> DYAD_ORDER = java.util.Comparator
            .comparing(DyadTotal::period, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
            .thenComparing(DyadTotal::source).thenComparing(DyadTotal::target)
            .thenComparing(DyadTotal::eventType).thenComparing(DyadTotal::status)
            .thenComparing(DyadTotal::joint);

    /**
     * The {@code perPeriod} most salient events in each period among the events with a dyad (at {@code level})
     * matching the filter, as {@link #dyadTotals} selects them: most mentioned story first, then confidence,
     * date and id. Ranked within {@code event_dyads} so that it never scans the events table. Periods without
     * events are absent; the map is sorted by period.
     */
    public synchronized Map<LocalDate, List<StoredEvent>> topEventsByPeriod(EventFilter f, ActorLevel level, Period by,
                                                                          int perPeriod) {
        Map<List<String>, List<StoredEvent>> ranked = topEvents(dyads(f), dyadWhere(f, level),
                List.of("CAST(date_trunc('" + by.sqlUnit() + "', d.event_date) AS DATE)"), perPeriod, "period");
        Map<LocalDate, List<StoredEvent>> out = new TreeMap<>();
        ranked.forEach((k, v) -> out.put(LocalDate.parse(k.get(0)), v));
        return out;
    }

    /**
     * For each actor that {@code a} has a dyad with (at {@code level}) among the events matching the filter, its
     * {@code perActor} most salient cooperative (quad classes 1-2) and conflictual (3-4) events with {@code a},
     * either way, ranked as {@link #topEventsByPeriod} ranks them: the evidence of all of a's ties in one pass
     * over {@code event_dyads}. Sorted by the other actor.
     */
    public synchronized Map<ActorKey, EventsWith> topEventsWith(EventFilter f, ActorLevel level, ActorKey a,
                                                              int perActor) {
        ActorKey k = a.at(level);
        Sql where = dyadWhere(f.withEither(k), level);
        // the actor's codes as literals (integers from the codes table; unknown ones, -1, match nothing)
        String aIsSource = "d.src = " + keyId(f, k.key())
                + (k.sector() == null ? "" : " AND d.src_sector = " + codes.find(k.sector()));
        Map<List<String>, List<StoredEvent>> ranked = topEvents(dyads(f), where,
                List.of("CASE WHEN " + aIsSource + " THEN d.dst ELSE d.src END",
                        "CASE WHEN " + aIsSource + " THEN d.dst_sector ELSE d.src_sector END",
                        "CASE WHEN d.quad_class <= 2 THEN 1 ELSE 0 END"), perActor, "actor");
        Map<ActorKey, List<List<StoredEvent>>> by = new TreeMap<>();
        try {
            for (Map.Entry<List<String>, List<StoredEvent>> e : ranked.entrySet()) {
                String sector = e.getKey().get(1);
                ActorKey other = new ActorKey(keyName(Integer.valueOf(e.getKey().get(0)), f),
                        sector == null ? null : codes.name(Integer.valueOf(sector)));
                List<List<StoredEvent>> two = by.computeIfAbsent(other, x -> new ArrayList<>(List.of(List.of(), List.of())));
                two.set("1".equals(e.getKey().get(2)) ? 0 : 1, e.getValue());
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read actor codes", e);
        }
        Map<ActorKey, EventsWith> out = new TreeMap<>();
        by.forEach((other, two) -> out.put(other, new EventsWith(two.get(0), two.get(1))));
        return out;
    }

    /**
     * The most salient events of an actor with another, split by quad class.
     *
     * @param cooperation cooperative events (quad classes 1 and 2), most salient first
     * @param conflict    conflictual events (quad classes 3 and 4), most salient first
     */
    public record EventsWith(List<StoredEvent> cooperation, List<StoredEvent> conflict) {
        public EventsWith {
            cooperation = List.copyOf(cooperation);
            conflict = List.copyOf(conflict);
        }

        public static final EventsWith NONE = new EventsWith(List.of(), List.of());
    }

    /**
     * The {@code n} most salient events with a dyad (at {@code level}) matching the filter, ranked as
     * {@link #topEventsByPeriod} ranks them, without reading the events table to choose them. With a recipient in
     * the filter only directed dyads count (not co-actors of an event without recipient).
     */
    public synchronized List<StoredEvent> topEvents(EventFilter f, ActorLevel level, int n) {
        List<StoredEvent> out = new ArrayList<>();
        topEvents(dyads(f), directedDyadWhere(f, level), List.of("0"), n, "salience").values().forEach(out::addAll);
        return out;
    }

    /**
     * The {@code n} most salient events (most mentioned story, then confidence, date, id) of each group of the
     * dyads matching {@code where}, grouped by the SQL expressions {@code groups} over {@code d} (event_dyads);
     * keyed by the groups' values as text, in group order.
     */
    private Map<List<String>, List<StoredEvent>> topEvents(String dyads, Sql where, List<String> groups, int n0,
                                                           String what) {
        int n = Math.max(1, n0);
        List<String> g = new ArrayList<>();
        List<String> gx = new ArrayList<>();
        List<String> join = new ArrayList<>();
        List<String> out = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            g.add(groups.get(i) + " AS g" + i);
            gx.add("x.g" + i);
            join.add("cut.g" + i + " IS NOT DISTINCT FROM x.g" + i);
            out.add("CAST(g" + i + " AS VARCHAR) AS g" + i);
            names.add("g" + i);
        }
        String sql;
        if (url.dialect() == Dialect.DUCKDB) {
            // A group's top n events have a key (mentions, then confidence) at least the n-th largest key among
            // its distinct events, which DuckDB's top-n aggregate max(x, n) finds without sorting the group; only
            // the rows at or above it are then ranked exactly. An event has at most two dyads in one group (A->B
            // and B->A), so the 3n largest (key, event) rows hold n distinct events. DENSE_RANK gives an event's
            // dyads in a group one rank, so each event counts once.
            sql = "WITH x AS (SELECT d.event_id, d.event_date, d.confidence, COALESCE(s.mentions, 1) AS m, "
                    + "COALESCE(s.mentions, 1) + d.confidence / 2.0 AS k, " + String.join(", ", g) + " FROM " + dyads + " d "
                    + "LEFT JOIN stories s ON s.story_id = d.event_id" + where.where() + "), cut AS (SELECT "
                    + String.join(", ", gx) + ", list_sort(list_distinct(max({'k': x.k, 'e': x.event_id}, " + 3 * n
                    + ")), 'DESC')[" + n + "].k AS k FROM x GROUP BY " + String.join(", ", gx) + ") "
                    + "SELECT DISTINCT event_id, " + String.join(", ", out) + ", rn FROM (SELECT x.*, DENSE_RANK() OVER "
                    + "(PARTITION BY " + String.join(", ", gx) + " ORDER BY x.m DESC, x.confidence DESC, x.event_date, "
                    + "x.event_id) AS rn FROM x JOIN cut ON " + String.join(" AND ", join) + " WHERE x.k >= "
                    + "COALESCE(cut.k, -1)) ranked WHERE rn <= " + n;
        } else {
            sql = "SELECT event_id, " + String.join(", ", out) + ", rn FROM (SELECT x.*, ROW_NUMBER() OVER (PARTITION BY "
                    + String.join(", ", gx) + " ORDER BY COALESCE(s.mentions, 1) DESC, x.confidence DESC, x.event_date, "
                    + "x.event_id) AS rn FROM (SELECT DISTINCT d.event_id, d.event_date, d.confidence, "
                    + String.join(", ", g) + " FROM " + dyads + " d" + where.where() + ") x LEFT JOIN stories s ON "
                    + "s.story_id = x.event_id) ranked WHERE rn <= " + n;
        }
        sql = "SELECT * FROM (" + sql + ") r ORDER BY " + String.join(", ", names) + ", rn";
        Map<List<String>, List<String>> ids = new LinkedHashMap<>();
        try {
            try (PreparedStatement p = Sql.prepare(conn, sql, where.params()); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    List<String> key = new ArrayList<>();
                    for (int i = 0; i < groups.size(); i++) {
                        key.add(rs.getString("g" + i));
                    }
                    ids.computeIfAbsent(key, x -> new ArrayList<>()).add(rs.getString(1));
                }
            }
            List<String> all = new ArrayList<>();
            ids.values().forEach(all::addAll);
            Map<String, StoredEvent> byId = new HashMap<>();
            load(all).forEach(e -> byId.put(e.event().id(), e));
            Map<List<String>, List<StoredEvent>> result = new LinkedHashMap<>();
            ids.forEach((key, list) -> {
                List<StoredEvent> evs = new ArrayList<>();
                list.forEach(id -> evs.add(byId.get(id)));
                result.put(key, List.copyOf(evs));
            });
            return result;
        } catch (SQLException e) {
            throw new StoreException("cannot rank events by " + what, e);
        }
    }

    /**
     * The display name of each actor key: a country's own name where the key is a country (never the name of its
     * president or of an agent that happened to be stored under it: "PHL" is "Philippines", not "Ferdinand Marcos
     * Jr."), else the knowledge-base name most often attached to it (ties: the alphabetically first). Keys never
     * named are absent.
     */
    public synchronized Map<String, String> actorNames() {
        Map<String, String> out = new TreeMap<>();
        Map<String, Boolean> countryNamed = new HashMap<>();
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT actor_key, name, COUNT(*) AS n, "
                     + "MAX(CASE WHEN kb_id LIKE 'country:%' THEN 1 ELSE 0 END) AS country FROM event_actors "
                     + "WHERE actor_key IS NOT NULL AND name IS NOT NULL GROUP BY actor_key, name "
                     + "ORDER BY actor_key, country DESC, n DESC, name")) {
            while (rs.next()) {
                if (out.putIfAbsent(rs.getString(1), rs.getString(2)) == null) {
                    countryNamed.put(rs.getString(1), rs.getInt(4) == 1);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read actor names", e);
        }
        out.replaceAll((key, name) -> countryNamed.getOrDefault(key, false) ? name
                : COUNTRY_NAMES.getOrDefault(key, name));
        // group keys: an armed group by its knowledge-base name, a country's unnamed opponents by country and sector
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT group_key, name, COUNT(*) AS n, MAX(actor_key) AS country FROM "
                     + "event_actors WHERE group_key IS NOT NULL AND actor_key IS NOT NULL AND group_key <> actor_key "
                     + "GROUP BY group_key, name ORDER BY group_key, n DESC, name")) {
            while (rs.next()) {
                String key = rs.getString(1);
                if (out.containsKey(key)) {
                    continue;
                }
                String name = rs.getString(2);
                int dash = key.lastIndexOf('-');
                String sector = dash < 0 ? "" : key.substring(dash + 1);
                if (dash > 0 && ActorKey.OPPONENT_SECTORS.contains(sector) && key.startsWith(rs.getString(4) + "-")) {
                    String code = rs.getString(4);
                    String country = out.getOrDefault(code, COUNTRY_NAMES.getOrDefault(code, code));
                    out.put(key, country + " " + OPPONENT_NAMES.get(sector));
                } else if (name != null) {
                    out.put(key, name);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read group names", e);
        }
        return out;
    }

    /** How a country's unnamed opponents are named: "Syria rebels". */
    private static final Map<String, String> OPPONENT_NAMES = Map.of("REB", "rebels", "INS", "insurgents",
            "OPP", "opposition");

    /** ISO 3166 alpha-3 code → English short name, from the JDK's own table (for countries never named as such). */
    private static final Map<String, String> COUNTRY_NAMES = countryNames();

    private static Map<String, String> countryNames() {
        Map<String, String> m = new HashMap<>();
        for (String iso2 : java.util.Locale.getISOCountries()) {
            java.util.Locale l = new java.util.Locale("", iso2);
            try {
                m.put(l.getISO3Country(), l.getDisplayCountry(java.util.Locale.ENGLISH));
            } catch (java.util.MissingResourceException e) {
                // a code with no alpha-3 form: nothing to name
            }
        }
        return Map.copyOf(m);
    }

    /** The stored events with these ids, in this order (unknown ids are skipped). */
    public synchronized List<StoredEvent> eventsById(List<String> ids) {
        try {
            return load(ids);
        } catch (SQLException e) {
            throw new StoreException("cannot read events", e);
        }
    }

    /** Reads events by id through the events key: each row carries its event as JSON. */
    private List<StoredEvent> load(List<String> ids) throws SQLException {
        Map<String, StoredEvent> rows = new HashMap<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            List<Object> chunk = new ArrayList<>(ids.subList(i, Math.min(ids.size(), i + CHUNK)));
            Sql w = new Sql().in("e.event_id", chunk);
            try (PreparedStatement p = Sql.prepare(conn, "SELECT e.event_id, e.event_json, e.story_id, "
                    + "COALESCE(s.mentions, 1) AS mentions FROM events e LEFT JOIN stories s ON s.story_id = e.story_id"
                    + w.where(), w.params()); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1), new StoredEvent(EventJson.fromLine(rs.getString(2)), rs.getString(3),
                            rs.getInt(4)));
                }
            }
        }
        List<StoredEvent> out = new ArrayList<>();
        for (String id : ids) {
            StoredEvent e = rows.get(id);
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- settings

    private Map<String, String> settings() throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT name, value FROM store_settings")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    private void putSetting(String name, String value) throws SQLException {
        try (PreparedStatement p = Sql.prepare(conn, "DELETE FROM store_settings WHERE name = ?", List.of(name))) {
            p.executeUpdate();
        }
        try (PreparedStatement p = Sql.prepare(conn, "INSERT INTO store_settings VALUES (?, ?)", List.of(name, value))) {
            p.executeUpdate();
        }
    }

    private static MergeRule parseRule(String s) {
        try {
            return MergeRule.parse(s);
        } catch (IllegalArgumentException e) {
            throw new StoreException("stored setting merge.rule is '" + s + "'", e);
        }
    }
}
