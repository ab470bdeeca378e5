package org.faultline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.faultline.model.ActorRef;
import org.faultline.model.Article;
import org.faultline.model.Event;
import org.faultline.model.EventJson;
import org.faultline.model.Failure;
import org.faultline.query.ActorKey;
import org.faultline.query.ActorLevel;
import org.faultline.store.StoreUrl.Dialect;
import org.faultline.store.internal.Codes;
import org.faultline.store.internal.Database;
import org.faultline.store.internal.EventRows;
import org.faultline.store.internal.RowSink;
import org.faultline.store.internal.Sql;

/**
 * Writes documents, their coded events and failures into a store, each document in one transaction in the
 * writers' turn, so that a process killed at any moment leaves each document either complete or absent and storing
 * it again is a no-op (see {@link EventStore}). One document id names one text: a different text under a stored id
 * is refused ({@link DocumentIdConflictException}); writers {@link #place} a document before coding it, which gives
 * such a text its own versioned id. A stored document's events are merged into stories by the store's
 * {@link StoryMerger} in the same transaction.
 *
 * <p>Thread-safe: takes turns with the store's other parts on its {@link Database}. Errors are
 * {@link StoreException}s naming what was being done.
 */
public final class EventWriter {
    private static final String INSERT_DOCUMENT = "INSERT INTO documents VALUES "
            + "(?, ?, CAST(? AS DATE), ?, ?, ?, ?, ?, CAST(? AS TIMESTAMP), ?, ?)";

    private final Database db;
    private final Connection conn;
    private final Codes codes;
    private final StoryMerger merger;

    EventWriter(Database db, StoryMerger merger) {
        this.db = db;
        this.conn = db.connection();
        this.codes = db.codes();
        this.merger = merger;
    }

    /** True when a document with this {@link ContentHash} is stored. */
    public boolean hasDocument(String contentHash) {
        synchronized (db) {
            try {
                return idOfText(contentHash) != null;
            } catch (SQLException e) {
                throw new StoreException("cannot look up document " + contentHash, e);
            }
        }
    }

    /** True when a document with the same normalised text as {@code article} is stored. */
    public boolean hasDocument(Article article) {
        return hasDocument(ContentHash.of(article.text()));
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
    public boolean storeCoded(Article article, List<Event> events, List<Failure> warnings) {
        return storeCoded(article, events, warnings, null);
    }

    /** {@link #storeCoded(Article, List, List)} for a document coded without warnings. */
    public boolean storeCoded(Article article, List<Event> events) {
        return storeCoded(article, events, List.of(), null);
    }

    /** Writes done in the transaction of {@link #storeCoded}, told whether the document was new. */
    @FunctionalInterface
    interface AlsoInTransaction {
        void run(boolean stored) throws SQLException;
    }

    /**
     * {@link #storeCoded(Article, List, List)}, running {@code alsoInTransaction} (when not null) in the same
     * transaction, also when the document was stored before: what it writes is committed with the document or not
     * at all (the watch log's item records).
     */
    boolean storeCoded(Article article, List<Event> events, List<Failure> warnings,
                       AlsoInTransaction alsoInTransaction) {
        synchronized (db) {
            String hash = ContentHash.of(article.text());
            try {
                return db.inTurn(() -> {
                    if (idOfText(hash) != null) {
                        if (alsoInTransaction != null) {
                            alsoInTransaction.run(false);
                        }
                        return false;
                    }
                    String taken = originOfOtherText(article.id(), hash);
                    if (taken != null) {
                        throw new DocumentIdConflictException(article.id(), taken);
                    }
                    try (PreparedStatement p = conn.prepareStatement(INSERT_DOCUMENT)) {
                        Sql.bind(p, documentRow(article, hash, nowUtc(), events.size()));
                        p.executeUpdate();
                    }
                    writeEvents(events, false);
                    merger.mergeNew(events);
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
                    return true;
                });
            } catch (SQLException e) {
                throw new StoreException("cannot store document " + article.id() + " (" + article.origin() + ")", e);
            }
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
            Objects.requireNonNull(article, "article");
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
    public DocumentLoad loadDocuments(List<CodedDocument> documents) {
        synchronized (db) {
            return db.inTransaction("cannot store " + documents.size() + " documents", () -> {
                long stored = 0;
                long known = 0;
                List<DocumentIdConflictException> refused = new ArrayList<>();
                try (PreparedStatement p = conn.prepareStatement(INSERT_DOCUMENT)) {
                    String now = nowUtc();
                    for (CodedDocument d : documents) {
                        Article a = d.article();
                        String hash = ContentHash.of(a.text());
                        if (idOfText(hash) != null) {
                            known++;
                            continue;
                        }
                        String taken = originOfOtherText(a.id(), hash);
                        if (taken != null) {
                            refused.add(new DocumentIdConflictException(a.id(), taken));
                            continue;
                        }
                        Sql.bind(p, documentRow(a, hash, now, d.eventCount()));
                        p.executeUpdate();
                        stored++;
                    }
                }
                return new DocumentLoad(stored, known, refused);
            });
        }
    }

    /**
     * Where {@code article} goes in this store, decided before it is coded (see {@link DocumentPlace}): already
     * stored when its text is (under any id); under its own id when that is free or names this text; else under
     * {@code ID~HASH}, with a warning to store beside it; refused only when that id too names another text.
     * {@link #storeCoded} checks the id again in its transaction: a writer that stored another text under the id
     * in between makes it throw {@link DocumentIdConflictException}, and placing the document again versions it.
     */
    public DocumentPlace place(Article article) {
        synchronized (db) {
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
    }

    /**
     * Loads events fast, without documents and without merging (each event its own story): for benchmarks and
     * large imports. Uses DuckDB's Appender on DuckDB and JDBC batches on PostgreSQL, in one transaction in the turn
     * of the database's writers (see {@code WriteTurns}), so a failure leaves nothing of the batch and other writers
     * wait until the load ends. Call {@link StoryMerger#mergeStories} afterwards to de-duplicate.
     *
     * @return the number of events loaded
     */
    public long bulkLoad(Iterator<Event> events) {
        synchronized (db) {
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
                db.inTurn(() -> {
                    writeEvents(counted, true);
                    return null;
                });
            } catch (SQLException e) {
                throw new StoreException("bulk load failed after " + n[0] + " events", e);
            }
            return n[0];
        }
    }

    /**
     * Records a failure. A failure of the same origin, stage and document replaces the earlier one, so running
     * the same input again does not pile up duplicates.
     */
    public void storeFailure(Failure f) {
        synchronized (db) {
            db.inTransaction("cannot record failure " + f.message(), () -> {
                try (PreparedStatement p = conn.prepareStatement("DELETE FROM failures WHERE origin = ? AND stage = ? "
                        + "AND COALESCE(doc_id, '') = ?")) {
                    Sql.bind(p, List.of(f.origin(), f.stage(), f.docId() == null ? "" : f.docId()));
                    p.executeUpdate();
                }
                insertFailure(f);
                return null;
            });
        }
    }

    /** Set by migration 6 until the rows written before it have their group keys and level-2 dyads. */
    private static final String GROUP_BACKFILL = "backfill.group_level";

    /**
     * Gives the actors stored before migration 6 their {@code group_key} and their events their
     * {@link ActorLevel#GROUP} dyads, computed by the same code that writes new events, in one transaction (a
     * process killed meanwhile leaves the setting, and the next open does it again). Nothing when that is done.
     */
    void backfillGroupLevel() throws SQLException {
        synchronized (db) {
            if (!db.settings().containsKey(GROUP_BACKFILL)) {
                return;
            }
            db.inTurn(() -> {
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
                try (PreparedStatement p = conn.prepareStatement("UPDATE event_actors SET group_key = CAST(? AS VARCHAR) "
                        + "WHERE kb_id IS NOT DISTINCT FROM CAST(? AS VARCHAR) AND code IS NOT DISTINCT FROM "
                        + "CAST(? AS VARCHAR) AND sector IS NOT DISTINCT FROM CAST(? AS VARCHAR)")) {
                    for (List<String> k : kinds) {
                        String key = ActorKey.groupKeyOf(new ActorRef("", k.get(1), k.get(2), null, k.get(0), 0, 0));
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
                db.removeSetting(GROUP_BACKFILL);
                return null;
            });
        }
    }

    private static List<Object> documentRow(Article a, String hash, String ingestedAt, int eventCount) {
        return Arrays.asList(hash, a.id(), a.date(), a.title(), a.source(), a.url(), a.origin(), a.text(), ingestedAt,
                "coded", eventCount);
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

    private void writeEvents(Iterable<Event> events, boolean bulk) throws SQLException {
        boolean appender = bulk && db.dialect() == Dialect.DUCKDB;
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

    private void insertFailure(Failure f) throws SQLException {
        try (PreparedStatement p = conn.prepareStatement("INSERT INTO failures VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)")) {
            Sql.bind(p, Arrays.asList(f.origin(), f.docId(), f.stage(), f.reason()));
            p.executeUpdate();
        }
    }

    /** The time a document is stored, in UTC to the second (the ingested_at column). */
    private static String nowUtc() {
        return java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).withNano(0).toString().replace('T', ' ');
    }
}
