package org.faultline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.faultline.store.Fixtures.actors;
import static org.faultline.store.Fixtures.article;
import static org.faultline.store.Fixtures.articleFor;
import static org.faultline.store.Fixtures.event;
import static org.faultline.store.Fixtures.fullEvent;
import static org.faultline.store.Fixtures.reported;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.faultline.model.Article;
import org.faultline.model.DatePrecision;
import org.faultline.model.Event;
import org.faultline.model.EventType;
import org.faultline.model.Failure;
import org.faultline.model.Location;
import org.faultline.model.Modality;
import org.faultline.query.ActorActivity;
import org.faultline.query.ActorKey;
import org.faultline.query.ActorLevel;
import org.faultline.query.Coalition;
import org.faultline.query.DyadTotal;
import org.faultline.query.EventDates;
import org.faultline.query.EventFilter;
import org.faultline.query.EventStatus;
import org.faultline.query.PairTotal;
import org.faultline.query.PairTotals;
import org.faultline.query.Period;
import org.faultline.query.StoredDocument;
import org.faultline.query.StoredEvent;
import org.faultline.query.Story;
import org.faultline.query.Tally;
import org.junit.jupiter.api.Test;

/** What every store must do, run against DuckDB and (when configured) PostgreSQL. */
abstract class EventStoreContract {
    /** The URL of a new, empty store. */
    abstract String newStoreUrl() throws Exception;

    private static List<Event> plain(List<StoredEvent> stored) {
        List<Event> out = new ArrayList<>();
        stored.forEach(s -> out.add(s.event()));
        return out;
    }

    /**
     * The bulk of the event dates by rank, checked against the events sorted by hand, at sizes around multiples of
     * 100 (where the ranks of percentile_disc and of this definition would part), with many events sharing a date.
     */
    @Test
    void eventDatesLeaveOutOnePercentAtEachEndByRank() throws Exception {
        try (EventStore store = EventStore.open(newStoreUrl())) {
            assertThat(store.queries().eventDates(1)).isEmpty();
            Random r = new Random(7);
            List<LocalDate> dates = new ArrayList<>();
            int[] sizes = {1, 2, 99, 100, 101, 150, 199, 200, 201, 299, 300, 450};
            for (int size : sizes) {
                List<Event> batch = new ArrayList<>();
                while (dates.size() < size) {
                    // a few far strays, the rest crowded into one year (many events per day)
                    LocalDate d = r.nextInt(40) == 0 ? LocalDate.of(1990 + r.nextInt(60), 1 + r.nextInt(12), 1)
                            : LocalDate.of(2024, 1, 1).plusDays(r.nextInt(200));
                    dates.add(d);
                    batch.add(event("q" + dates.size(), "dq", EventType.CONSULT, d.toString(), actors("RUS"),
                            actors("UKR")));
                }
                store.writer().bulkLoad(batch.iterator());
                List<LocalDate> sorted = new ArrayList<>(dates);
                Collections.sort(sorted);
                int n = sorted.size();
                int cut = n / 100;
                LocalDate from = sorted.get(cut);
                LocalDate to = sorted.get(n - cut - 1);
                EventDates got = store.queries().eventDates(1).orElseThrow();
                assertThat(got).as("%d events", n).isEqualTo(new EventDates(n, sorted.get(0), sorted.get(n - 1), from,
                        to, sorted.stream().filter(d -> d.isBefore(from)).count(),
                        sorted.stream().filter(d -> d.isAfter(to)).count()));
                assertThat(got.before()).isLessThanOrEqualTo(cut);
                assertThat(got.after()).isLessThanOrEqualTo(cut);
                // no trim: the bulk is the whole range
                EventDates all = store.queries().eventDates(0).orElseThrow();
                assertThat(List.of(all.bulkFrom(), all.bulkTo(), all.before(), all.after()))
                        .isEqualTo(List.of(sorted.get(0), sorted.get(n - 1), 0L, 0L));
            }
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.queries().eventDates(50))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void storedEventsComeBackWhole() throws Exception {
        try (EventStore store = EventStore.open(newStoreUrl())) {
            Event full = fullEvent("e-full", "d1");
            Event simple = event("e-simple", "d1", EventType.CONSULT, "2024-06-19", actors("RUS"), actors("PRK"));
            assertThat(store.writer().storeCoded(articleFor("d1", "2024-06-20"), List.of(full, simple))).isTrue();

            List<StoredEvent> back = store.queries().events(EventFilter.all());
            assertThat(plain(back)).containsExactly(simple, full);
            assertThat(back).allSatisfy(s -> {
                assertThat(s.mentions()).isEqualTo(1);
                assertThat(s.representative()).isTrue();
            });
            assertThat(store.queries().documentCount()).isEqualTo(1);
            // a country key named only by some other entry (here a made-up "Name of PRK") shows the country's name
            assertThat(store.queries().actorNames()).containsEntry("PRK", "North Korea").containsEntry("HAMAS",
                    "Hamas");
        }
    }

    @Test
    void storingTheSameTextTwiceStoresNothing() throws Exception {
        try (EventStore store = EventStore.open(newStoreUrl())) {
            Article a = article("d1", "2024-01-01", "Russia struck Kharkiv.\r\nOfficials said so.");
            Event e = event("e1", "d1", EventType.ASSAULT, "2024-01-01", actors("RUS"), actors("UKR"));
            assertThat(store.writer().storeCoded(a, List.of(e))).isTrue();
            Article reWrapped = article("d1-copy", "2024-01-01", "  Russia struck Kharkiv. Officials   said so.\n");
            assertThat(store.writer().hasDocument(ContentHash.of(reWrapped.text()))).isTrue();
            assertThat(store.writer().storeCoded(reWrapped, List.of(e))).isFalse();
            assertThat(store.queries().eventCount()).isEqualTo(1);
            assertThat(store.queries().documentCount()).isEqualTo(1);
            java.time.LocalDateTime added = store.queries().document("d1").orElseThrow().ingestedAt();
            assertThat(added).isBetween(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(5),
                    java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).plusMinutes(1));
            assertThat(store.queries().document("d1")).contains(new StoredDocument(ContentHash.of(a.text()), "d1",
                    LocalDate.parse("2024-01-01"), "Title d1", "Test Wire", "https://example.org/d1", "corpus/d1.txt",
                    "coded", 1, a.text(), added));
            assertThat(store.queries().documentsById(List.of("d1", "nope"))).containsOnlyKeys("d1");
            assertThat(store.queries().documentsById(List.of("d1")).get("d1").url())
                    .isEqualTo("https://example.org/d1");
            assertThat(store.queries().document("d1-copy")).isEmpty();
            assertThat(store.queries().documents(0, 0)).extracting(StoredDocument::docId, StoredDocument::text)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("d1", null));
        }
    }

    @Test
    void storeIsMigratedOnceAndReopens() throws Exception {
        String url = newStoreUrl();
        try (EventStore store = EventStore.open(url)) {
            assertThat(store.schemaVersion()).isEqualTo(9);
            store.writer().storeCoded(articleFor("d1", "2024-01-01"),
                    List.of(event("e1", "d1", EventType.AID, "2024-01-01", actors("USA"), actors("UKR"))));
        }
        try (EventStore store = EventStore.open(url)) {
            assertThat(store.schemaVersion()).isEqualTo(9);
            assertThat(store.queries().eventCount()).isEqualTo(1);
        }
    }

    @Test
    void viewsShowLowerCaseEnumsAndTheSchemaIsCommented() throws Exception {
        String url = newStoreUrl();
        try (EventStore store = EventStore.open(url)) {
            store.writer().storeCoded(articleFor("d1", "2024-01-01"), List.of(
                    event("e1", "d1", EventType.AID, "2024-01-01", actors("USA"), actors("UKR:MIL"), null,
                            Modality.FUTURE, DatePrecision.WEEK),
                    event("e2", "d1", EventType.ASSAULT, "2024-01-02", actors("RUS"), actors("UKR"))));
        }
        StoreUrl u = StoreUrl.parse(url);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(u.jdbcUrl());
             java.sql.Statement s = c.createStatement()) {
            assertThat(rows(s, "SELECT event_id, status, modality, date_precision, representative FROM events_v "
                    + "ORDER BY event_id")).containsExactly(
                    List.of("e1", "future", "future", "week", "true"),
                    List.of("e2", "realised", "asserted", "day", "true"));
            assertThat(rows(s, "SELECT count(*) FROM events_v WHERE status = 'realised'"))
                    .containsExactly(List.of("1"));
            assertThat(rows(s, "SELECT src, src_sector, dst, dst_sector, event_type, status FROM dyads_v "
                    + "WHERE event_id = 'e1' AND actor_level = 1")).containsExactly(
                    java.util.Arrays.asList("USA", "GOV", "UKR", "MIL", "AID", "future"));
            boolean pg = u.dialect() == StoreUrl.Dialect.POSTGRESQL;
            assertThat(rows(s, pg ? "SELECT obj_description('documents'::regclass, 'pg_class')"
                    : "SELECT comment FROM duckdb_tables() WHERE table_name = 'documents'").get(0).get(0))
                    .contains("UTF-16");
            assertThat(rows(s, columnComment(pg, "evidence", "span_end")).get(0).get(0)).contains("UTF-16");
            assertThat(rows(s, columnComment(pg, "events", "status")).get(0).get(0)).contains("REALISED");
        }
    }

    private static String columnComment(boolean pg, String table, String column) {
        return pg ? "SELECT col_description('" + table + "'::regclass, attnum) FROM pg_attribute WHERE attrelid = '"
                + table + "'::regclass AND attname = '" + column + "'"
                : "SELECT comment FROM duckdb_columns() WHERE table_name = '" + table + "' AND column_name = '"
                + column + "'";
    }

    private static List<List<String>> rows(java.sql.Statement s, String sql) throws java.sql.SQLException {
        List<List<String>> out = new ArrayList<>();
        try (java.sql.ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    String v = rs.getString(i);
                    row.add(v == null ? null : v.equals("t") ? "true" : v.equals("f") ? "false" : v);
                }
                out.add(row);
            }
        }
        return out;
    }

    @Test
    void oneStoryIsSplitAndStaysSplitUntilForgotten() throws Exception {
        try (EventStore store = EventStore.open(newStoreUrl())) {
            for (int i = 1; i <= 3; i++) {
                store.writer().storeCoded(articleFor("s" + i, "2024-03-0" + (i + 1)), List.of(event("m" + i, "s" + i,
                        EventType.ASSAULT, "2024-03-0" + i, actors("RUS:MIL"), actors("UKR"))));
            }
            store.writer().storeCoded(articleFor("o1", "2024-05-02"), List.of(event("o1e", "o1", EventType.AID,
                    "2024-05-01", actors("USA"), actors("UKR"))));
            store.writer().storeCoded(articleFor("o2", "2024-05-03"), List.of(event("o2e", "o2", EventType.AID,
                    "2024-05-02", actors("USA"), actors("UKR"))));
            assertThat(store.merger().stories(0)).extracting(Story::storyId).containsExactly("m1", "o1e");
            EventFilter stories = EventFilter.all().withRepresentativesOnly(true);
            assertThat(store.queries().countEvents(stories)).isEqualTo(2);

            assertThat(store.merger().splitStory("m1")).containsExactly("m1", "m2", "m3");
            assertThat(store.merger().stories(0)).extracting(Story::storyId).containsExactly("o1e");
            assertThat(store.queries().countEvents(stories)).isEqualTo(4);
            assertThat(store.queries().dyadTotals(stories.withTypes(Set.of(EventType.ASSAULT)), ActorLevel.COUNTRY,
                    null))
                    .singleElement().extracting(DyadTotal::events).isEqualTo(3L);
            assertThat(store.merger().keptApart()).containsOnlyKeys("m1", "m2", "m3").containsValue("m1");
            assertThat(store.queries().events(EventFilter.all())).allSatisfy(e -> assertThat(e.mentions())
                    .isEqualTo(e.event().eventType() == EventType.AID ? 2 : 1));

            // a later report of the same attack does not pull the split mentions back together
            store.writer().storeCoded(articleFor("s4", "2024-03-05"), List.of(event("m4", "s4", EventType.ASSAULT,
                    "2024-03-02", actors("RUS:MIL"), actors("UKR"))));
            assertThat(store.merger().stories(0)).extracting(Story::storyId).containsExactly("o1e");
            // nor does a recompute of every story
            store.merger().mergeStories(store.merger().mergeRule());
            assertThat(store.merger().stories(0)).extracting(Story::storyId).containsExactly("o1e");

            assertThat(store.merger().forgetSplits()).isEqualTo(3);
            store.merger().mergeStories(store.merger().mergeRule());
            assertThat(store.merger().stories(0)).extracting(Story::storyId, Story::mentions)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("m1", 4),
                            org.assertj.core.groups.Tuple.tuple("o1e", 2));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.merger().splitStory("o2e"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("o2e");
        }
    }

    @Test
    void failuresAreReplacedNotPiledUpAndClearedBySuccess() throws Exception {
        try (EventStore store = EventStore.open(newStoreUrl())) {
            store.writer().storeFailure(new Failure("corpus/d1.txt", "d1", "code", "parser crashed"));
            store.writer().storeFailure(new Failure("corpus/d1.txt", "d1", "code", "parser crashed again"));
            store.writer().storeFailure(new Failure("corpus/bad.txt:3", null, "read", "no date"));
            assertThat(store.queries().failures()).containsExactly(
                    new Failure("corpus/bad.txt:3", null, "read", "no date"),
                    new Failure("corpus/d1.txt", "d1", "code", "parser crashed again"));
            store.writer().storeCoded(articleFor("d1", "2024-01-01"), List.of());
            assertThat(store.queries().failures()).containsExactly(new Failure("corpus/bad.txt:3", null, "read",
                    "no date"));
        }
    }

    @Test
    void aReusedIdWithAnotherTextIsRefusedAndTheStoredTextNeverChanges() throws Exception {
        try (EventStore store = EventStore.open(newStoreUrl())) {
            Article first = new Article("article", LocalDate.parse("2024-01-01"), "France sanctioned Iran over drones.",
                    null, null, null, "a/article.txt");
            Event e = event("e1", "article", EventType.SANCTION, "2024-01-01", actors("FRA"), actors("IRN"));
            assertThat(store.writer().storeCoded(first, List.of(e))).isTrue();

            Article other = new Article("article", LocalDate.parse("2024-01-02"), "Troops massed on Monday near the "
                    + "border.", null, null, null, "b/article.txt");
            Event e2 = event("e2", "article", EventType.MOBILIZE, "2024-01-02", actors("RUS"), List.of());
            assertThat(store.writer().place(first)).isEqualTo(new DocumentPlace.AlreadyStored(first));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.writer().storeCoded(other, List.of(e2)))
                    .isInstanceOf(DocumentIdConflictException.class)
                    .hasMessageContaining("from a/article.txt");

            assertThat(store.queries().documentCount()).isEqualTo(1);
            assertThat(store.queries().document("article").orElseThrow().text()).isEqualTo(first.text());
            assertThat(plain(store.queries().events(EventFilter.all()))).containsExactly(e);
            // the same text under the same id stays idempotent
            assertThat(store.writer().storeCoded(first, List.of(e))).isFalse();
        }
    }

    /**
     * A document whose id names another stored text is placed under ID~HASH (the form of migration 7), stored there
     * with a document-id warning, and placed again as already stored; the first text and its events never change.
     * A document is refused its place only when ID~HASH names another text too.
     */
    @Test
    void aReusedIdWithAnotherTextIsPlacedUnderAVersionedIdBesideTheFirst() throws Exception {
        try (EventStore store = EventStore.open(newStoreUrl())) {
            Article first = new Article("article", LocalDate.parse("2024-01-01"), "France sanctioned Iran over drones.",
                    null, null, null, "a/article.txt");
            Event e = event("e1", "article", EventType.SANCTION, "2024-01-01", actors("FRA"), actors("IRN"));
            assertThat(store.writer().place(first)).isEqualTo(new DocumentPlace.AsGiven(first));
            assertThat(store.writer().storeCoded(first, List.of(e))).isTrue();

            Article other = new Article("article", LocalDate.parse("2024-01-02"), "Troops massed on Monday near the "
                    + "border.", "Massing", "Wire", null, "b/article.txt");
            String versioned = "article~" + ContentHash.of(other.text()).substring(0, 12);
            Article placed = new Article(versioned, other.date(), other.text(), "Massing", "Wire", null,
                    "b/article.txt");
            Failure warning = new Failure("b/article.txt", versioned, "document-id", "document id 'article' names "
                    + "another text stored before (from a/article.txt); this text is stored as '" + versioned + "'");
            DocumentPlace place = store.writer().place(other);
            assertThat(place).isEqualTo(new DocumentPlace.Versioned(placed, "article", "a/article.txt"));
            assertThat(place.warnings()).containsExactly(warning);

            Event e2 = event("e2", versioned, EventType.MOBILIZE, "2024-01-02", actors("RUS"), List.of());
            assertThat(store.writer().storeCoded(place.article(), List.of(e2), place.warnings())).isTrue();
            assertThat(store.queries().document("article").orElseThrow().text()).isEqualTo(first.text());
            assertThat(store.queries().document(versioned).orElseThrow().text()).isEqualTo(other.text());
            assertThat(plain(store.queries().events(EventFilter.all().withDocument("article")))).containsExactly(e);
            assertThat(plain(store.queries().events(EventFilter.all().withDocument(versioned)))).containsExactly(e2);
            assertThat(store.queries().failures()).containsExactly(warning);

            // the same text again, under either id, is already stored: nothing is added
            assertThat(store.writer().place(other)).isEqualTo(new DocumentPlace.AlreadyStored(placed));
            assertThat(store.writer().place(placed)).isEqualTo(new DocumentPlace.AlreadyStored(placed));
            assertThat(store.writer().storeCoded(place.article(), List.of(e2), place.warnings())).isFalse();
            assertThat(store.queries().documentCount()).isEqualTo(2);
            assertThat(store.queries().failures()).containsExactly(warning);

            // an id made to look versioned that names another text leaves the third text no place
            String third = "Ships sailed from the port at dawn.";
            String clash = "article~" + ContentHash.of(third).substring(0, 12);
            store.writer().storeCoded(new Article(clash, LocalDate.parse("2024-01-03"), "Unrelated words.", null,
                    null, null, "c/clash.txt"), List.of());
            Article refused = new Article("article", LocalDate.parse("2024-01-03"), third, null, null, null,
                    "d/article.txt");
            assertThat(store.writer().place(refused)).isInstanceOfSatisfying(DocumentPlace.Refused.class,
                    r -> assertThat(r.conflict().reason()).isEqualTo("document id '" + clash + "' is already stored "
                            + "with a different text (from c/clash.txt); one id cannot name two texts: rename the "
                            + "file or give the document another id"));
        }
    }

    /**
     * Stores opened at the same moment on a new database (processes on PostgreSQL; connections of one process to a
     * DuckDB file) migrate it once between them: each opens at the newest version, every migration is recorded once.
     */
    @Test
    void storesOpenedAtOnceOnANewDatabaseMigrateItOnce() throws Exception {
        int stores = 4;
        for (int round = 0; round < 3; round++) {
            String url = newStoreUrl();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(stores);
            List<EventStore> opened = Collections.synchronizedList(new ArrayList<>());
            try {
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(stores);
                List<java.util.concurrent.Future<Integer>> versions = new ArrayList<>();
                for (int i = 0; i < stores; i++) {
                    versions.add(pool.submit(() -> {
                        together.await(60, java.util.concurrent.TimeUnit.SECONDS);
                        EventStore store = EventStore.open(url);
                        opened.add(store);
                        return store.schemaVersion();
                    }));
                }
                int newest = org.faultline.store.internal.Migrations.list().size();
                for (java.util.concurrent.Future<Integer> v : versions) {
                    assertThat(v.get(2, java.util.concurrent.TimeUnit.MINUTES)).isEqualTo(newest);
                }
                try (java.sql.Statement st = opened.get(0).connection().createStatement();
                     java.sql.ResultSet rs = st.executeQuery("SELECT COUNT(*), COUNT(DISTINCT version), MAX(version) "
                             + "FROM schema_version")) {
                    rs.next();
                    assertThat(List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3))).isEqualTo(List.of(newest, newest,
                            newest));
                }
                assertThat(opened.get(1).writer().storeCoded(articleFor("d1", "2024-01-01"), List.of())).isTrue();
            } finally {
                pool.shutdownNow();
                opened.forEach(EventStore::close);
            }
        }
    }

    /**
     * A store of every older schema (migrated to that version, as an older Faultline left it) is migrated by opening
     * it to the schema of a new store: the same tables, views, columns (type, nullability, order) and indexes.
     */
    @Test
    void aStoreOfEveryOlderSchemaOpensWithTheSchemaOfANewOne() throws Exception {
        String fresh = newStoreUrl();
        Map<String, List<List<String>>> expected;
        try (EventStore store = EventStore.open(fresh)) {
            expected = schema(store);
        }
        assertThat(expected.get("columns")).hasSizeGreaterThan(100);
        int newest = org.faultline.store.internal.Migrations.list().size();
        for (int version = 0; version < newest; version++) {
            StoreUrl url = StoreUrl.parse(newStoreUrl());
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(url.jdbcUrl())) {
                c.setAutoCommit(false);
                assertThat(org.faultline.store.internal.Migrations.migrateTo(c, url.dialect(),
                        org.faultline.store.internal.WriteTurns.of(url), version)).isEqualTo(version);
            }
            try (EventStore store = EventStore.open(url)) {
                assertThat(store.schemaVersion()).isEqualTo(newest);
                assertThat(schema(store)).as("a store of schema version %d, opened", version).isEqualTo(expected);
            }
        }
    }

    /**
     * The schema of a store as its database describes it: "tables" (name, type), "columns" (table, name, type,
     * nullable, in order) and "indexes" (name, table, definition).
     */
    static Map<String, List<List<String>>> schema(EventStore store) throws java.sql.SQLException {
        Map<String, List<List<String>>> out = new TreeMap<>();
        // sorted here by name, stable, as databases' collations of names differ
        java.util.Comparator<List<String>> byName = java.util.Comparator.comparing(r -> r.get(0));
        try (java.sql.Statement st = store.connection().createStatement()) {
            out.put("tables", rows(st, "SELECT table_name, table_type FROM information_schema.tables "
                    + "WHERE table_schema = current_schema()"));
            out.put("columns", rows(st, "SELECT table_name, column_name, data_type, is_nullable "
                    + "FROM information_schema.columns WHERE table_schema = current_schema() "
                    + "ORDER BY table_name, ordinal_position"));
            out.put("indexes", rows(st, store.url().dialect() == StoreUrl.Dialect.DUCKDB
                    ? "SELECT index_name, table_name, sql FROM duckdb_indexes() "
                    + "WHERE schema_name = current_schema()"
                    : "SELECT indexname, tablename, replace(indexdef, current_schema() || '.', '') FROM pg_indexes "
                    + "WHERE schemaname = current_schema()"));
        }
        out.values().forEach(rows -> rows.sort(byName));
        return out;
    }

    /** A bulk load waits for the turn of the database's writers, as every other write does. */
    @Test
    void bulkLoadTakesTheWritersTurn() throws Exception {
        String url = newStoreUrl();
        try (EventStore store = EventStore.open(url); EventStore other = EventStore.open(url)) {
            org.faultline.store.internal.WriteTurns turns = org.faultline.store.internal.WriteTurns.of(store.url());
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                turns.begin(other.connection());
                java.util.concurrent.Future<Long> load;
                try {
                    load = pool.submit(() -> store.writer().bulkLoad(List.of(event("b1", "db", EventType.CONSULT,
                            "2024-01-01", actors("RUS"), actors("UKR"))).iterator()));
                    Thread.sleep(500);
                    assertThat(load).as("a bulk load while another writer has the turn").isNotDone();
                    other.connection().rollback();
                } finally {
                    turns.end(other.connection());
                }
                assertThat(load.get(1, java.util.concurrent.TimeUnit.MINUTES)).isEqualTo(1L);
                assertThat(other.queries().eventCount()).isEqualTo(1);

                // one transaction: a load that fails midway leaves nothing of its batch
                java.util.Iterator<Event> failing = new java.util.Iterator<>() {
                    private int n;

                    @Override
                    public boolean hasNext() {
                        return true;
                    }

                    @Override
                    public Event next() {
                        if (++n > 3) {
                            throw new IllegalStateException("the source broke after 3 events");
                        }
                        return event("f" + n, "df", EventType.AID, "2024-01-02", actors("USA"), actors("UKR"));
                    }
                };
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.writer().bulkLoad(failing))
                        .hasMessageContaining("the source broke");
                assertThat(other.queries().eventCount()).isEqualTo(1);
                assertThat(store.writer().bulkLoad(List.of(event("b2", "db", EventType.CONSULT, "2024-01-03",
                        actors("RUS"), actors("UKR"))).iterator())).isEqualTo(1L);
                assertThat(other.queries().eventCount()).isEqualTo(2);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /**
     * Documents coded elsewhere (import-parquet) are stored in one call with their event counts and keep the
     * failures of their origin; a text stored before is skipped, an id taken by another text (stored before or
     * earlier in the same call) is refused and reported; loading them again stores nothing.
     */
    @Test
    void loadedDocumentsAreStoredOnceAndAnIdTakenByAnotherTextIsRefused() throws Exception {
        try (EventStore store = EventStore.open(newStoreUrl())) {
            Article before = article("old", "2024-01-01", "Stored before.");
            store.writer().storeCoded(before, List.of());
            Failure kept = new Failure("spark/in.jsonl", "broken", "read", "no date");
            store.writer().storeFailure(kept);
            Article a = new Article("a", LocalDate.parse("2024-02-01"), "France sanctioned Iran.", "T", "Wire",
                    "https://example.org/a", "spark/in.jsonl");
            Article b = new Article("b", LocalDate.parse("2024-02-02"), "Troops massed.", null, null, null,
                    "spark/in.jsonl");
            Article takenBefore = article("old", "2024-01-01", "Another text under an old id.");
            Article takenNow = new Article("a", LocalDate.parse("2024-02-01"), "A second text under a.", null, null,
                    null, "spark/in.jsonl");
            List<EventWriter.CodedDocument> docs = List.of(new EventWriter.CodedDocument(a, 2),
                    new EventWriter.CodedDocument(b, 0), new EventWriter.CodedDocument(before, 0),
                    new EventWriter.CodedDocument(takenBefore, 1), new EventWriter.CodedDocument(takenNow, 1));

            EventWriter.DocumentLoad load = store.writer().loadDocuments(docs);
            assertThat(load.stored()).isEqualTo(2);
            assertThat(load.known()).isEqualTo(1);
            assertThat(load.refused()).extracting(DocumentIdConflictException::docId).containsExactly("old", "a");
            assertThat(load.refused().get(0).reason()).contains("from corpus/old.txt");

            StoredDocument got = store.queries().document("a").orElseThrow();
            assertThat(List.of(got.text(), got.title(), got.source(), got.url(), got.origin(), got.date().toString(),
                    Integer.toString(got.eventCount()))).containsExactly("France sanctioned Iran.", "T", "Wire",
                    "https://example.org/a", "spark/in.jsonl", "2024-02-01", "2");
            assertThat(store.queries().document("b").orElseThrow().title()).isNull();
            assertThat(store.queries().document("old").orElseThrow().text()).isEqualTo("Stored before.");
            assertThat(store.queries().documentCount()).isEqualTo(3);
            assertThat(store.queries().failures()).containsExactly(kept);

            EventWriter.DocumentLoad again = store.writer().loadDocuments(docs);
            assertThat(List.of(again.stored(), again.known(), (long) again.refused().size()))
                    .containsExactly(0L, 3L, 2L);
        }
    }

    private static final int WRITERS = 4;
    private static final int ROUNDS = 6;

    /**
     * Writers of one store at once: several stores on one database (processes on PostgreSQL, connections of one
     * process on DuckDB), or threads sharing one store (the server's ingest and its watcher). Each writer stores a
     * batch in which, all writers together, it stores document {@code cR} with its own text and {@code sR} with the
     * text every writer has. One text is stored under each id and the others are refused as an id conflict, the
     * common text is stored once and skipped by the rest, every other document of every batch is stored with its
     * event, and the stories are those a batch merge gives.
     */
    @Test
    void writersAtOnceStoreOneTextPerIdAndLoseNothingElse() throws Exception {
        for (boolean shared : new boolean[] {false, true}) {
            String url = newStoreUrl();
            List<Map<String, String>> outcomes = writeAtOnce(url, shared);
            String how = shared ? "threads sharing one store" : "one store per writer";
            try (EventStore store = EventStore.open(url)) {
                for (int r = 0; r < ROUNDS; r++) {
                    String c = "c" + r;
                    List<Integer> stored = new ArrayList<>();
                    for (int w = 0; w < WRITERS; w++) {
                        String got = outcomes.get(w).get(c);
                        if (got.equals("stored")) {
                            stored.add(w);
                        } else {
                            assertThat(got).as("%s, writer %d, %s", how, w, c).startsWith("refused: document id '"
                                    + c + "' is already stored with a different text (from w");
                        }
                    }
                    assertThat(stored).as("%s: writers that stored %s", how, c).hasSize(1);
                    int winner = stored.get(0);
                    assertThat(store.queries().document(c).orElseThrow().text()).as(how).isEqualTo(contended(winner,
                            r).text());
                    assertThat(ids(store, EventFilter.all().withDocument(c))).as(how).containsExactly(c + "-w" + winner);
                    String s = "s" + r;
                    assertThat(outcomes).extracting(o -> o.get(s)).as("%s, %s", how, s)
                            .containsOnly("stored", "skipped").containsOnlyOnce("stored");
                }
                for (Map<String, String> o : outcomes) {
                    assertThat(o).as(how).hasSize(4 * ROUNDS);
                    o.forEach((doc, got) -> {
                        if (doc.startsWith("w")) {
                            assertThat(got).as("%s, %s", how, doc).isEqualTo("stored");
                        }
                    });
                }
                long documents = (long) WRITERS * ROUNDS * 2 + 2 * ROUNDS;
                assertThat(store.queries().documentCount()).as(how).isEqualTo(documents);
                assertThat(store.queries().eventCount()).as(how).isEqualTo(documents);
                Map<String, String> incremental = storyMap(store);
                store.merger().mergeStories(store.merger().mergeRule());
                assertThat(storyMap(store)).as("%s: stories merged as they came = a batch merge", how)
                        .isEqualTo(incremental);
            }
        }
    }

    /** The article writer {@code w} stores as document {@code cR}: a text of its own under a shared id. */
    private static Article contended(int w, int r) {
        return new Article("c" + r, LocalDate.parse("2024-03-01"), "Writer " + w + " says round " + r + " began.",
                null, null, null, "w" + w + "/c" + r + ".txt");
    }

    /** Runs the writers of {@link #writersAtOnceStoreOneTextPerIdAndLoseNothingElse}: per writer, document id to outcome. */
    private List<Map<String, String>> writeAtOnce(String url, boolean shared) throws Exception {
        List<EventStore> stores = new ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(WRITERS);
        try {
            for (int w = 0; w < WRITERS; w++) {
                stores.add(shared && w > 0 ? stores.get(0) : EventStore.open(url));
            }
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(WRITERS);
            List<java.util.concurrent.Future<Map<String, String>>> running = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                EventStore store = stores.get(w);
                running.add(pool.submit(() -> {
                    Map<String, String> out = new TreeMap<>();
                    for (int r = 0; r < ROUNDS; r++) {
                        String day = "2024-03-0" + (1 + r % 3);
                        for (String part : List.of("a", "b")) {
                            String id = "w" + writer + "r" + r + part;
                            store(store, out, article(id, day, "Writer " + writer + " adds " + id + "."),
                                    event(id + "-e", id, EventType.CONSULT, day, actors("RUS"), actors("UKR")));
                            if (part.equals("a")) {
                                together.await(60, java.util.concurrent.TimeUnit.SECONDS);
                                Article c = contended(writer, r);
                                store(store, out, c, event(c.id() + "-w" + writer, c.id(), EventType.AID, day,
                                        actors("USA"), actors("UKR")));
                                together.await(60, java.util.concurrent.TimeUnit.SECONDS);
                                store(store, out, new Article("s" + r, LocalDate.parse(day), "All say round " + r
                                        + " ended.", null, null, null, "w" + writer + "/s" + r + ".txt"),
                                        event("s" + r + "-e", "s" + r, EventType.SANCTION, day, actors("FRA"),
                                                actors("IRN")));
                            }
                        }
                    }
                    return out;
                }));
            }
            List<Map<String, String>> outcomes = new ArrayList<>();
            for (java.util.concurrent.Future<Map<String, String>> f : running) {
                outcomes.add(f.get(5, java.util.concurrent.TimeUnit.MINUTES));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
            new java.util.LinkedHashSet<>(stores).forEach(EventStore::close);
        }
    }

    /** Stores one document as an ingest does, noting the outcome under its id instead of stopping the batch. */
    private static void store(EventStore store, Map<String, String> out, Article a, Event e) {
        String got;
        try {
            got = store.writer().storeCoded(a, List.of(e)) ? "stored" : "skipped";
        } catch (DocumentIdConflictException refused) {
            got = "refused: " + refused.reason();
        } catch (RuntimeException failed) {
            got = "failed: " + failed.getMessage();
        }
        out.put(a.id(), got);
    }

    /**
     * A store written before migration 7 may hold several texts under one id. The first keeps it; a later one gets
     * the id plus a part of its hash, said in a document-id row of failures; nothing else changes, and the database
     * then refuses a second text under one id itself.
     */
    @Test
    void twoTextsUnderOneIdFromBeforeMigration7AreTwoIdsAfterIt() throws Exception {
        String url = newStoreUrl();
        Article first = new Article("dup", LocalDate.parse("2024-01-01"), "France sanctioned Iran over drones.", null,
                null, null, "a/dup.txt");
        Event e = event("e1", "dup", EventType.SANCTION, "2024-01-01", actors("FRA"), actors("IRN"));
        String later = ContentHash.of("Troops massed on Monday near the border.");
        String renamed = "dup~" + later.substring(0, 12);
        List<StoredEvent> events;
        try (EventStore store = EventStore.open(url)) {
            store.writer().storeCoded(first, List.of(e));
            store.writer().storeCoded(articleFor("d2", "2024-01-02"), List.of(event("e2", "d2", EventType.AID,
                    "2024-01-02", actors("USA"), actors("UKR"))));
            events = store.queries().events(EventFilter.all());
            try (java.sql.Statement st = store.connection().createStatement()) {
                st.execute("DELETE FROM schema_version WHERE version >= 7");
                undoMigration9(st);
                st.execute("DROP INDEX documents_doc_id");
                st.execute("CREATE INDEX documents_doc_id ON documents (doc_id)");
                st.execute("UPDATE documents SET ingested_at = CAST('2024-05-01 10:00:00' AS TIMESTAMP)");
                st.execute("INSERT INTO documents VALUES ('" + later + "', 'dup', CAST('2024-01-02' AS DATE), NULL, "
                        + "NULL, NULL, 'b/dup.txt', 'Troops massed on Monday near the border.', "
                        + "CAST('2024-05-01 10:00:01' AS TIMESTAMP), 'coded', 0)");
            }
        }
        try (EventStore store = EventStore.open(url)) {
            assertThat(store.schemaVersion()).isEqualTo(9);
            assertThat(store.queries().document("dup").orElseThrow().text()).isEqualTo(first.text());
            assertThat(store.queries().document(renamed).orElseThrow().text())
                    .isEqualTo("Troops massed on Monday near the border.");
            assertThat(store.queries().document("d2").orElseThrow().text()).isEqualTo("Text of document d2.");
            assertThat(store.queries().failures()).containsExactly(new Failure("b/dup.txt", renamed, "document-id",
                    "document id 'dup' named another text stored before this one; this text is now '" + renamed
                            + "' (store migration 7)"));
            assertThat(store.queries().events(EventFilter.all())).isEqualTo(events);
            try (java.sql.Statement st = store.connection().createStatement()) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> st.execute("INSERT INTO documents VALUES "
                        + "('another-hash', 'dup', CAST('2024-01-03' AS DATE), NULL, NULL, NULL, 'c/dup.txt', 'Other.', "
                        + "CAST('2024-05-02 10:00:00' AS TIMESTAMP), 'coded', 0)"))
                        .isInstanceOf(java.sql.SQLException.class);
            }
        }
    }

    /**
     * Two stores open on one database: what one adds (here actor keys and an event type new to the store) the
     * other finds in its questions, and each adds codes of its own after the other did without taking an id twice.
     */
    @Test
    void aStoreFindsWhatAnotherStoreOnItsDatabaseAdded() throws Exception {
        String url = newStoreUrl();
        try (EventStore one = EventStore.open(url); EventStore other = EventStore.open(url)) {
            one.writer().storeCoded(articleFor("d1", "2024-01-01"), List.of(event("e1", "d1", EventType.AID,
                    "2024-01-01", actors("USA"), actors("UKR"))));
            other.writer().storeCoded(articleFor("d2", "2024-01-02"), List.of(event("e2", "d2", EventType.ASSAULT,
                    "2024-01-02", actors("IRN"), actors("ISR"))));
            assertThat(one.writer().storeCoded(articleFor("d3", "2024-01-03"), List.of(event("e3", "d3",
                    EventType.CONSULT, "2024-01-03", actors("PRK"), actors("RUS"))))).isTrue();
            assertThat(totals(one, EventFilter.all().withActor(ActorKey.of("IRN")), ActorLevel.COUNTRY))
                    .isEqualTo(Map.of("IRN>ISR ASSAULT", 1L));
            assertThat(totals(other, EventFilter.all().withActor(ActorKey.of("PRK")), ActorLevel.COUNTRY))
                    .isEqualTo(Map.of("PRK>RUS CONSULT", 1L));
            assertThat(totals(one, EventFilter.all(), ActorLevel.COUNTRY)).isEqualTo(totals(other, EventFilter.all(),
                    ActorLevel.COUNTRY)).hasSize(3);
        }
    }

    @Test
    void aDocumentTheDatabaseRefusesLeavesNothingBehindAndTheStoreGoesOn() throws Exception {
        try (EventStore store = EventStore.open(newStoreUrl())) {
            Event twin = event("same-id", "d2", EventType.AID, "2024-01-02", actors("USA"), actors("UKR"));
            Event twin2 = event("same-id", "d2", EventType.ASSAULT, "2024-01-02", actors("RUS"), actors("UKR"));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.writer().storeCoded(articleFor("d2",
                    "2024-01-02"), List.of(twin, twin2))).isInstanceOf(StoreException.class).hasMessageContaining("d2");
            assertThat(store.queries().documentCount()).isZero();
            assertThat(store.queries().eventCount()).isZero();
            assertThat(store.writer().hasDocument(articleFor("d2", "2024-01-02"))).isFalse();

            Event ok = event("ok", "d3", EventType.AID, "2024-01-03", actors("USA"), actors("UKR"));
            assertThat(store.writer().storeCoded(articleFor("d3", "2024-01-03"), List.of(ok))).isTrue();
            assertThat(plain(store.queries().events(EventFilter.all()))).containsExactly(ok);
        }
    }

    @Test
    void warningsAreStoredWithTheirDocument() throws Exception {
        try (EventStore store = EventStore.open(newStoreUrl())) {
            store.writer().storeFailure(new Failure("corpus/d1.txt", "d1", "code", "earlier crash"));
            Failure longSentence = new Failure("corpus/d1.txt", "d1", "parse-sentence", "sentence 3 has 140 tokens");
            Failure language = new Failure("corpus/d1.txt", "d1", "language", "the text looks French");
            assertThat(store.writer().storeCoded(articleFor("d1", "2024-01-01"), List.of(), List.of(longSentence,
                    language)))
                    .isTrue();
            assertThat(store.queries().failures()).containsExactlyInAnyOrder(longSentence, language);
        }
    }

    @Test
    void filtersSelectWhatTheySay() throws Exception {
        try (EventStore store = EventStore.open(newStoreUrl())) {
            Event a = event("a", "d1", EventType.ASSAULT, "2024-01-05", actors("RUS:MIL"), actors("UKR"), "UKR",
                    Modality.ASSERTED, DatePrecision.DAY);
            Event b = event("b", "d1", EventType.AID, "2024-02-10", actors("USA"), actors("UKR:MIL"));
            Event c = event("c", "d2", EventType.AID, "2024-03-01", actors("IRN"), actors("RUS"), "RUS",
                    Modality.REFUSED, DatePrecision.DAY);
            Event d = event("d", "d2", EventType.AGREE, "2024-06-19", actors("RUS", "PRK"), List.of());
            store.writer().storeCoded(articleFor("d1", "2024-02-10"), List.of(a, b));
            store.writer().storeCoded(articleFor("d2", "2024-06-20"), List.of(c, d));

            assertThat(ids(store, EventFilter.all())).containsExactly("a", "b", "c", "d");
            assertThat(ids(store, EventFilter.all().withActor(ActorKey.of("RUS")))).containsExactly("a", "d");
            assertThat(ids(store, EventFilter.all().withActor(ActorKey.parse("RUS:MIL")))).containsExactly("a");
            assertThat(ids(store, EventFilter.all().withActor(ActorKey.parse("RUS:GOV")))).containsExactly("d");
            assertThat(ids(store, EventFilter.all().withRecipient(ActorKey.of("UKR")))).containsExactly("a", "b");
            assertThat(ids(store, EventFilter.all().withEither(ActorKey.of("RUS")))).containsExactly("a", "c", "d");
            assertThat(ids(store, EventFilter.all().withPair(ActorKey.of("PRK"), ActorKey.of("RUS"))))
                    .containsExactly("d");
            assertThat(ids(store, EventFilter.all().withActor(ActorKey.of("RUS")).withRecipient(ActorKey.of("UKR"))))
                    .containsExactly("a");
            assertThat(ids(store, EventFilter.all().withActor(ActorKey.parse("RUS:GOV"))
                    .withRecipient(ActorKey.of("UKR")))).isEmpty();
            assertThat(ids(store, EventFilter.all().withActor(ActorKey.of("USA")).withRecipient(ActorKey.parse("UKR:MIL"))
                    .withTypes(Set.of(EventType.AID)))).containsExactly("b");
            assertThat(ids(store, EventFilter.all().withActor(ActorKey.of("PRK")).withRecipient(ActorKey.of("RUS"))))
                    .as("co-actors are not actor and recipient").isEmpty();
            assertThat(store.queries().countEvents(EventFilter.all().withActor(ActorKey.of("IRN"))
                    .withRecipient(ActorKey.of("RUS")))).isEqualTo(1);
            assertThat(ids(store, EventFilter.all().withTypes(Set.of(EventType.AID)))).containsExactly("b", "c");
            assertThat(ids(store, EventFilter.all().withQuadClasses(Set.of(1, 4)))).containsExactly("a", "d");
            assertThat(ids(store, EventFilter.all().withDates(LocalDate.parse("2024-02-10"),
                    LocalDate.parse("2024-03-01")))).containsExactly("b", "c");
            assertThat(ids(store, EventFilter.all().withCountry("rus"))).containsExactly("c");
            assertThat(ids(store, EventFilter.all().withText("ABOUT AID"))).containsExactly("b", "c");
            assertThat(ids(store, EventFilter.all().withText("100%"))).isEmpty();
            assertThat(ids(store, EventFilter.all().realisedOnly())).containsExactly("a", "b", "d");
            assertThat(ids(store, EventFilter.all().withStatuses(EnumSet.of(EventStatus.REFUSED))))
                    .containsExactly("c");
            assertThat(ids(store, EventFilter.all().withDocument("d2"))).containsExactly("c", "d");
            assertThat(ids(store, EventFilter.all().withPage(2, 1))).containsExactly("b", "c");
            assertThat(ids(store, EventFilter.all().withOrder(EventFilter.Order.DATE_DESC))).containsExactly("d", "c",
                    "b", "a");
            assertThat(store.queries().countEvents(EventFilter.all().withPage(1, 0).withRecipient(ActorKey.of("UKR"))))
                    .isEqualTo(2);
        }
    }

    /** Only events whose place has coordinates are located; a place with a country alone is not. */
    @Test
    void locatedOnlyKeepsEventsWithCoordinates() throws Exception {
        try (EventStore store = EventStore.open(newStoreUrl())) {
            Event placed = fullEvent("x", "d1");
            Event countryOnly = event("y", "d1", EventType.ASSAULT, "2024-10-21", actors("RUS"), actors("UKR"), "UKR",
                    Modality.ASSERTED, DatePrecision.DAY);
            Event nowhere = event("z", "d1", EventType.AID, "2024-10-22", actors("USA"), actors("UKR"));
            store.writer().storeCoded(articleFor("d1", "2024-10-22"), List.of(placed, countryOnly, nowhere));
            EventFilter located = EventFilter.all().withLocatedOnly(true);
            assertThat(ids(store, located)).containsExactly("x");
            assertThat(store.queries().countEvents(located)).isEqualTo(1);
            assertThat(ids(store, located.withLocatedOnly(false))).containsExactly("x", "y", "z");
            assertThat(store.queries().dyadTotals(located, ActorLevel.COUNTRY, null)).extracting(t -> t.source().key())
                    .containsOnly("PRK");
        }
    }

    private static List<String> ids(EventStore store, EventFilter f) {
        List<String> out = new ArrayList<>();
        store.queries().events(f).forEach(s -> out.add(s.event().id()));
        return out;
    }

    @Test
    void sameEventFromTwoDocumentsIsOneStoryWithTwoMentions() throws Exception {
        try (EventStore store = EventStore.open(newStoreUrl())) {
            store.writer().storeCoded(articleFor("d1", "2024-01-02"), List.of(
                    event("e1", "d1", EventType.ASSAULT, "2024-01-01", actors("RUS"), actors("UKR"))));
            store.writer().storeCoded(articleFor("d2", "2024-01-04"), List.of(
                    event("e2", "d2", EventType.ASSAULT, "2024-01-03", actors("RUS", "BLR"), actors("UKR")),
                    // too late for a day-precision date
                    event("e3", "d2", EventType.ASSAULT, "2024-01-08", actors("RUS"), actors("UKR")),
                    // other recipient
                    event("e4", "d2", EventType.ASSAULT, "2024-01-01", actors("RUS"), actors("GEO")),
                    // refused, not realised
                    event("e5", "d2", EventType.ASSAULT, "2024-01-01", actors("RUS"), actors("UKR"), null,
                            Modality.REFUSED, DatePrecision.DAY)));
            store.writer().storeCoded(articleFor("d3", "2024-01-20"), List.of(
                    // month precision reaches e3 too, joining everything that is realised RUS->UKR
                    event("e6", "d3", EventType.ASSAULT, "2024-01-15", actors("RUS"), actors("UKR"), null,
                            Modality.ASSERTED, DatePrecision.MONTH),
                    // same day but a known, different country than e7's
                    event("e7", "d3", EventType.AID, "2024-01-01", actors("USA"), actors("UKR"), "UKR",
                            Modality.ASSERTED, DatePrecision.DAY)));
            store.writer().storeCoded(articleFor("d4", "2024-01-02"), List.of(
                    event("e8", "d4", EventType.AID, "2024-01-01", actors("USA"), actors("UKR"), "POL",
                            Modality.ASSERTED, DatePrecision.DAY)));

            assertThat(storyMap(store)).isEqualTo(Map.of("e1", "e1", "e2", "e1", "e3", "e1", "e6", "e1",
                    "e4", "e4", "e5", "e5", "e7", "e7", "e8", "e8"));
            Story story = store.merger().story("e1");
            assertThat(story.eventIds()).containsExactly("e1", "e2", "e3", "e6");
            assertThat(story.docIds()).containsExactly("d1", "d2", "d3");
            assertThat(story.firstDate()).isEqualTo(LocalDate.parse("2024-01-01"));
            assertThat(story.lastDate()).isEqualTo(LocalDate.parse("2024-01-15"));
            assertThat(store.merger().stories(0)).containsExactly(story);
            assertThat(store.queries().events(EventFilter.all().withRepresentativesOnly(true))).hasSize(5);
            assertThat(store.queries().events(EventFilter.all().withActor(ActorKey.of("BLR"))).get(0).mentions())
                    .isEqualTo(4);
        }
    }

    @Test
    void unrelatedIncidentsOfOneDyadInOneWeekStayApart() throws Exception {
        try (EventStore store = EventStore.open(newStoreUrl())) {
            store.writer().storeCoded(articleFor("d1", "2024-05-03"), List.of(reported("s1", "d1", EventType.ASSAULT,
                    "2024-05-02", actors("USA"), actors("USA"), "Dallas",
                    "A gunman opened fire at a shopping mall in Dallas, killing three shoppers.")));
            store.writer().storeCoded(articleFor("d2", "2024-05-05"), List.of(reported("s2", "d2", EventType.ASSAULT,
                    "2024-05-04", actors("USA"), actors("USA"), "Toledo",
                    "A truck driver rammed a parade crowd near the Toledo courthouse, injuring twelve.")));
            store.writer().storeCoded(articleFor("d3", "2024-05-06"), List.of(reported("s3", "d3", EventType.ASSAULT,
                    "2024-05-05", actors("USA"), actors("USA"), null,
                    "Students were stabbed in a dormitory brawl at a college campus.")));
            assertThat(storyMap(store)).isEqualTo(Map.of("s1", "s1", "s2", "s2", "s3", "s3"));
            store.merger().mergeStories(MergeRule.DEFAULT);
            assertThat(storyMap(store)).as("batch merge agrees").isEqualTo(Map.of("s1", "s1", "s2", "s2", "s3", "s3"));
        }
    }

    @Test
    void oneIncidentToldByTwoOutletsIsOneStoryBySharedPlaceOrWording() throws Exception {
        try (EventStore store = EventStore.open(newStoreUrl())) {
            store.writer().storeCoded(articleFor("d1", "2024-05-03"), List.of(reported("p1", "d1", EventType.ASSAULT,
                    "2024-05-02", actors("USA"), actors("USA"), "Dallas",
                    "A gunman opened fire at a shopping mall in Dallas, killing three shoppers.")));
            // another outlet, other words, same place
            store.writer().storeCoded(articleFor("d2", "2024-05-03"), List.of(reported("p2", "d2", EventType.ASSAULT,
                    "2024-05-02", actors("USA"), actors("USA"), " dallas ",
                    "Three people died when a man started shooting inside a crowded retail centre.")));
            // a third, no place read, but much the same words as the first
            store.writer().storeCoded(articleFor("d3", "2024-05-04"), List.of(reported("p3", "d3", EventType.ASSAULT,
                    "2024-05-02", actors("USA"), actors("USA"), null,
                    "Police said a gunman opened fire at a mall, killing three shoppers on Thursday.")));
            assertThat(storyMap(store)).isEqualTo(Map.of("p1", "p1", "p2", "p1", "p3", "p1"));
            store.merger().mergeStories(MergeRule.DEFAULT);
            assertThat(storyMap(store)).as("batch merge agrees").isEqualTo(Map.of("p1", "p1", "p2", "p1", "p3", "p1"));
        }
    }

    @Test
    void anEvidenceSimilarityLinksReportsInOtherWordsIncrementallyAndInBatch() throws Exception {
        String first = "A gunman opened fire at a shopping mall in Dallas, killing three shoppers.";
        String second = "Three people died when a man started shooting inside a crowded retail centre.";
        // a stand-in for the encoder: these two texts are alike, nothing else is
        EvidenceSimilarity meaning = (a, b) -> Set.of(a, b).equals(Set.of(first, second));
        try (EventStore store = EventStore.open(newStoreUrl())) {
            store.merger().mergeBySimilarMeaning(meaning);
            store.writer().storeCoded(articleFor("d1", "2024-05-03"), List.of(reported("m1", "d1", EventType.ASSAULT,
                    "2024-05-02", actors("USA"), actors("USA"), null, first)));
            store.writer().storeCoded(articleFor("d2", "2024-05-03"), List.of(reported("m2", "d2", EventType.ASSAULT,
                    "2024-05-02", actors("USA"), actors("USA"), null, second)));
            store.writer().storeCoded(articleFor("d3", "2024-05-04"), List.of(reported("m3", "d3", EventType.ASSAULT,
                    "2024-05-03", actors("USA"), actors("USA"), null,
                    "Students were stabbed in a dormitory brawl at a college campus.")));
            assertThat(storyMap(store)).isEqualTo(Map.of("m1", "m1", "m2", "m1", "m3", "m3"));
            store.merger().mergeStories(MergeRule.DEFAULT);
            assertThat(storyMap(store)).as("batch merge agrees").isEqualTo(Map.of("m1", "m1", "m2", "m1", "m3", "m3"));
            store.merger().mergeBySimilarMeaning(EvidenceSimilarity.NONE);
            store.merger().mergeStories(MergeRule.DEFAULT);
            assertThat(storyMap(store)).as("without it").isEqualTo(Map.of("m1", "m1", "m2", "m2", "m3", "m3"));
        }
    }

    @Test
    void unmergeKeepsMentionsAndMergeRestoresStories() throws Exception {
        try (EventStore store = EventStore.open(newStoreUrl())) {
            store.writer().storeCoded(articleFor("d1", "2024-01-02"), List.of(
                    event("e1", "d1", EventType.ASSAULT, "2024-01-01", actors("RUS"), actors("UKR"))));
            store.writer().storeCoded(articleFor("d2", "2024-01-02"), List.of(
                    event("e2", "d2", EventType.ASSAULT, "2024-01-02", actors("RUS"), actors("UKR"))));
            Map<String, String> merged = storyMap(store);
            assertThat(merged).containsEntry("e2", "e1");

            store.merger().unmerge();
            assertThat(store.merger().mergingEnabled()).isFalse();
            assertThat(store.queries().eventCount()).isEqualTo(2);
            assertThat(store.merger().stories(0)).isEmpty();
            assertThat(store.queries().events(EventFilter.all())).allSatisfy(s -> assertThat(s.mentions())
                    .isEqualTo(1));
            store.writer().storeCoded(articleFor("d3", "2024-01-02"), List.of(
                    event("e3", "d3", EventType.ASSAULT, "2024-01-02", actors("RUS"), actors("UKR"))));
            assertThat(store.merger().stories(0)).isEmpty();

            assertThat(store.merger().mergeStories(MergeRule.DEFAULT)).isEqualTo(1);
            assertThat(store.merger().mergingEnabled()).isTrue();
            assertThat(storyMap(store)).isEqualTo(Map.of("e1", "e1", "e2", "e1", "e3", "e1"));
            assertThat(store.merger().mergeStories(new MergeRule(0, 0, 0,
                    0))).as("only e2 and e3 share a day").isEqualTo(1);
            assertThat(storyMap(store)).isEqualTo(Map.of("e1", "e1", "e2", "e2", "e3", "e2"));
            assertThat(store.merger().mergeRule()).isEqualTo(new MergeRule(0, 0, 0, 0));
        }
    }

    @Test
    void storiesDoNotDependOnTheOrderDocumentsArrive() throws Exception {
        Random random = new Random(20240619L);
        List<Article> docs = new ArrayList<>();
        Map<String, List<Event>> eventsOf = new HashMap<>();
        String[] codes = {"RUS", "UKR", "PRK", "IRN", "ISR"};
        EventType[] types = {EventType.ASSAULT, EventType.AID, EventType.CONSULT};
        DatePrecision[] precisions = {DatePrecision.DAY, DatePrecision.DAY, DatePrecision.DAY, DatePrecision.WEEK,
            DatePrecision.MONTH};
        for (int d = 0; d < 40; d++) {
            String doc = "doc" + d;
            docs.add(articleFor(doc, "2024-03-01"));
            List<Event> evs = new ArrayList<>();
            for (int k = 0; k < 1 + random.nextInt(3); k++) {
                String a = codes[random.nextInt(codes.length)];
                String r = codes[random.nextInt(codes.length)];
                evs.add(event(doc + "-e" + k, doc, types[random.nextInt(types.length)],
                        LocalDate.parse("2024-03-01").plusDays(random.nextInt(20)).toString(), actors(a),
                        random.nextInt(4) == 0 ? List.of() : actors(r), random.nextBoolean() ? null : "UKR",
                        random.nextInt(6) == 0 ? Modality.REFUSED : Modality.ASSERTED,
                        precisions[random.nextInt(precisions.length)]));
            }
            eventsOf.put(doc, evs);
        }
        Map<String, String> first = null;
        for (int round = 0; round < 3; round++) {
            List<Article> order = new ArrayList<>(docs);
            Collections.shuffle(order, random);
            try (EventStore store = EventStore.open(newStoreUrl())) {
                for (Article a : order) {
                    store.writer().storeCoded(a, eventsOf.get(a.id()));
                }
                Map<String, String> incremental = storyMap(store);
                store.merger().mergeStories(MergeRule.DEFAULT);
                assertThat(storyMap(store)).as("batch merge equals incremental merge").isEqualTo(incremental);
                if (first == null) {
                    first = incremental;
                    assertThat(new java.util.HashSet<>(first.values()).size()).as("some stories merge")
                            .isLessThan(first.size());
                } else {
                    assertThat(incremental).isEqualTo(first);
                }
            }
        }
    }

    @Test
    void dyadTotalsAreSumsOfTheirEvents() throws Exception {
        try (EventStore store = EventStore.open(newStoreUrl())) {
            store.writer().storeCoded(articleFor("d1", "2024-01-02"), List.of(
                    event("e1", "d1", EventType.ASSAULT, "2024-01-01", actors("RUS:MIL"), actors("UKR", "GEO")),
                    event("e2", "d1", EventType.AGREE, "2024-02-01", actors("RUS", "PRK"), List.of())));
            store.writer().storeCoded(articleFor("d2", "2024-01-02"), List.of(
                    event("e3", "d2", EventType.ASSAULT, "2024-01-02", actors("RUS:MIL"), actors("UKR"))));

            List<DyadTotal> all = store.queries().dyadTotals(EventFilter.all(), ActorLevel.SECTOR, null);
            assertThat(all).containsExactly(
                    new DyadTotal(null, ActorKey.parse("PRK:GOV"), ActorKey.parse("RUS:GOV"), true, EventType.AGREE,
                            EventStatus.REALISED, 1, 1.25, 2.5, LocalDate.parse("2024-02-01"),
                            LocalDate.parse("2024-02-01")),
                    new DyadTotal(null, ActorKey.parse("RUS:MIL"), ActorKey.parse("GEO:GOV"), false, EventType.ASSAULT,
                            EventStatus.REALISED, 1, -4.5, -9, LocalDate.parse("2024-01-01"),
                            LocalDate.parse("2024-01-01")),
                    new DyadTotal(null, ActorKey.parse("RUS:MIL"), ActorKey.parse("UKR:GOV"), false, EventType.ASSAULT,
                            EventStatus.REALISED, 2, -9, -18, LocalDate.parse("2024-01-01"),
                            LocalDate.parse("2024-01-02")));
            assertThat(store.queries().dyadTotals(EventFilter.all().withActor(ActorKey.parse("RUS:GOV")),
                    ActorLevel.COUNTRY,
                    null)).extracting(t -> t.source() + ">" + t.target() + " " + t.events()).containsExactly(
                    "RUS>GEO 1", "RUS>UKR 2");
            List<DyadTotal> stories = store.queries().dyadTotals(EventFilter.all().withRepresentativesOnly(true)
                    .withRecipient(ActorKey.of("UKR")), ActorLevel.SECTOR, Period.MONTH);
            assertThat(stories).hasSize(1);
            assertThat(stories.get(0).events()).isEqualTo(1);
            assertThat(stories.get(0).period()).isEqualTo(LocalDate.parse("2024-01-01"));

            Map<LocalDate, List<StoredEvent>> top = store.queries().topEventsByPeriod(EventFilter.all(),
                    ActorLevel.COUNTRY, Period.MONTH, 1);
            assertThat(top.keySet()).containsExactly(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-02-01"));
            assertThat(top.get(LocalDate.parse("2024-01-01")).get(0).mentions()).isEqualTo(2);
        }
    }

    @Test
    void bulkLoadStoresWhatStoreCodedStores() throws Exception {
        List<Event> events = List.of(fullEvent("b1", "d1"),
                event("b2", "d1", EventType.AGREE, "2024-02-01", actors("RUS", "PRK"), List.of()),
                event("b3", "d2", EventType.AID, "2024-02-03", actors("IRN:MIL"), actors("RUS"), "RUS",
                        Modality.REFUSED, DatePrecision.WEEK));
        try (EventStore bulk = EventStore.open(newStoreUrl()); EventStore coded = EventStore.open(newStoreUrl())) {
            assertThat(bulk.writer().bulkLoad(events.iterator())).isEqualTo(3);
            coded.merger().unmerge();
            coded.writer().storeCoded(articleFor("d1", "2024-02-01"), events.subList(0, 2));
            coded.writer().storeCoded(articleFor("d2", "2024-02-04"), events.subList(2, 3));
            assertThat(bulk.queries().events(EventFilter.all())).isEqualTo(coded.queries().events(EventFilter.all()));
            for (ActorLevel level : ActorLevel.values()) {
                assertThat(bulk.queries().dyadTotals(EventFilter.all(), level, Period.WEEK))
                        .isEqualTo(coded.queries().dyadTotals(EventFilter.all(), level, Period.WEEK));
            }
            assertThat(bulk.queries().documentCount()).isZero();
        }
    }

    @Test
    void topEventsByPeriodRankByMentionsThenConfidenceDateAndId() throws Exception {
        Random rnd = new Random(11);
        List<List<String>> sides = List.of(List.of("RUS"), List.of("UKR"), List.of("RUS", "UKR"), List.of("USA"));
        try (EventStore store = EventStore.open(newStoreUrl())) {
            for (int d = 0; d < 120; d++) {
                List<Event> events = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    List<String> a = sides.get(rnd.nextInt(sides.size()));
                    List<String> r = sides.get(rnd.nextInt(sides.size()));
                    EventType[] types = {EventType.AGREE, EventType.CONSULT, EventType.ASSAULT};
                    Event e = event("t" + d + "-" + i, "td" + d, types[rnd.nextInt(types.length)],
                            LocalDate.parse("2024-01-01").plusDays(rnd.nextInt(90)).toString(),
                            actors(a.toArray(String[]::new)), rnd.nextInt(5) == 0 ? List.of()
                                    : actors(r.toArray(String[]::new)));
                    double confidence = 0.5 + rnd.nextInt(3) / 4.0;
                    events.add(new Event(e.id(), e.docId(), e.eventType(), null, List.of(), e.cameoCode(),
                            e.quadClass(), e.goldstein(), e.actor(), e.recipient(), e.date(), e.datePrecision(), null,
                            null, false, e.modality(), null, confidence, e.evidence(), e.rule(), e.version()));
                }
                store.writer().storeCoded(articleFor("td" + d, "2024-04-01"), events);
            }
            Map<String, Integer> mentions = new HashMap<>();
            store.merger().stories(0).forEach(x -> mentions.put(x.storyId(), x.mentions()));
            assertThat(mentions).as("some reports merge").isNotEmpty();
            ActorKey rus = ActorKey.of("RUS");
            ActorKey ukr = ActorKey.of("UKR");
            EventFilter pair = EventFilter.all().withPair(rus, ukr);
            for (int n : new int[] {1, 3}) {
                Map<LocalDate, List<String>> expected = new TreeMap<>();
                List<Event> all = new ArrayList<>();
                store.queries().events(EventFilter.all().withPage(0, 0)).forEach(x -> all.add(x.event()));
                all.removeIf(e -> !(keys(e.actor()).contains("RUS") && keys(e.recipient()).contains("UKR")
                        || keys(e.actor()).contains("UKR") && keys(e.recipient()).contains("RUS")
                        || e.recipient().isEmpty() && keys(e.actor()).containsAll(List.of("RUS", "UKR"))));
                all.sort(java.util.Comparator.<Event>comparingInt(e -> -mentions.getOrDefault(e.id(), 1))
                        .thenComparing(e -> -e.confidence()).thenComparing(Event::date).thenComparing(Event::id));
                for (Event e : all) {
                    List<String> top = expected.computeIfAbsent(e.date().withDayOfMonth(1), k -> new ArrayList<>());
                    if (top.size() < n) {
                        top.add(e.id());
                    }
                }
                Map<LocalDate, List<String>> actual = new TreeMap<>();
                store.queries().topEventsByPeriod(pair, ActorLevel.COUNTRY, Period.MONTH, n).forEach((k, v) -> {
                    List<String> ids = new ArrayList<>();
                    v.forEach(x -> ids.add(x.event().id()));
                    actual.put(k, ids);
                });
                assertThat(actual).as("top %d", n).isEqualTo(expected);

                // the same ranking per partner of RUS, in one read
                Map<ActorKey, List<String>> partners = new TreeMap<>();
                Map<ActorKey, List<String>> partnersCoop = new TreeMap<>();
                Map<ActorKey, List<String>> partnersConflict = new TreeMap<>();
                List<Event> withRus = new ArrayList<>();
                store.queries().events(EventFilter.all()).forEach(x -> withRus.add(x.event()));
                withRus.sort(java.util.Comparator.<Event>comparingInt(e -> -mentions.getOrDefault(e.id(), 1))
                        .thenComparing(e -> -e.confidence()).thenComparing(Event::date).thenComparing(Event::id));
                for (Event e : withRus) {
                    Set<String> others = new java.util.TreeSet<>();
                    if (keys(e.actor()).contains("RUS")) {
                        others.addAll(e.recipient().isEmpty() ? keys(e.actor()) : keys(e.recipient()));
                    }
                    if (keys(e.recipient()).contains("RUS")) {
                        others.addAll(keys(e.actor()));
                    }
                    others.remove("RUS");
                    for (String o : others) {
                        boolean coop = e.eventType().cooperative();
                        List<String> top = (coop ? partnersCoop : partnersConflict)
                                .computeIfAbsent(ActorKey.of(o), k -> new ArrayList<>());
                        if (top.size() < n) {
                            top.add(e.id());
                        }
                    }
                }
                for (ActorKey k : new java.util.TreeSet<>(partnersCoop.keySet())) {
                    partners.computeIfAbsent(k, x -> new ArrayList<>()).addAll(partnersCoop.get(k));
                }
                for (ActorKey k : partnersConflict.keySet()) {
                    partners.computeIfAbsent(k, x -> new ArrayList<>()).addAll(partnersConflict.get(k));
                }
                Map<ActorKey, List<String>> got = new TreeMap<>();
                store.queries().topEventsWith(EventFilter.all(), ActorLevel.COUNTRY, rus, n).forEach((k, v) -> {
                    List<String> ids = new ArrayList<>();
                    v.cooperation().forEach(x -> ids.add(x.event().id()));
                    v.conflict().forEach(x -> ids.add(x.event().id()));
                    got.put(k, ids);
                });
                assertThat(got).as("partners of RUS, top %d", n).isEqualTo(partners);

                List<String> directed = new ArrayList<>();
                withRus.stream().filter(e -> keys(e.actor()).contains("RUS") && keys(e.recipient()).contains("UKR"))
                        .limit(n).forEach(e -> directed.add(e.id()));
                assertThat(store.queries().topEvents(EventFilter.all().withActor(rus).withRecipient(ukr),
                        ActorLevel.COUNTRY, n))
                        .extracting(x -> x.event().id()).containsExactlyElementsOf(directed);
            }
        }
    }

    private static Set<String> keys(List<org.faultline.model.ActorRef> refs) {
        Set<String> out = new java.util.HashSet<>();
        refs.forEach(r -> out.add(r.code()));
        return out;
    }

    @Test
    void pairTotalsAndActivityAreSumsOfTheDyadTotals() throws Exception {
        Random rnd = new Random(7);
        String[] keys = {"RUS", "UKR", "PRK", "IRN", "ISR", "USA"};
        String[] sectors = {"GOV", "MIL", "CVL"};
        Modality[] modalities = {Modality.ASSERTED, Modality.ASSERTED, Modality.ASSERTED, Modality.REFUSED,
            Modality.NEGATED, Modality.FUTURE};
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String a = keys[rnd.nextInt(keys.length)] + ":" + sectors[rnd.nextInt(sectors.length)];
            String r = keys[rnd.nextInt(keys.length)] + ":" + sectors[rnd.nextInt(sectors.length)];
            events.add(event("p" + i, "pd" + i, EventType.values()[rnd.nextInt(EventType.values().length)],
                    LocalDate.parse("2023-01-01").plusDays(rnd.nextInt(700)).toString(), actors(a),
                    rnd.nextInt(8) == 0 ? List.of() : actors(r), null, modalities[rnd.nextInt(modalities.length)],
                    DatePrecision.DAY));
        }
        try (EventStore store = EventStore.open(newStoreUrl())) {
            store.writer().bulkLoad(events.iterator());
            EventFilter f = EventFilter.all().withDates(LocalDate.parse("2023-03-01"), LocalDate.parse("2024-09-30"));
            // events from one actor to another, chosen in the dyads, are those whose actors and recipients match
            for (String[] ar : new String[][] {{"RUS", "UKR"}, {"RUS:MIL", "UKR"}, {"IRN", "ISR:CVL"}, {"USA", "PRK"}}) {
                ActorKey a = ActorKey.parse(ar[0]);
                ActorKey r = ActorKey.parse(ar[1]);
                List<String> expected = new ArrayList<>();
                events.stream().filter(e -> !e.date().isBefore(LocalDate.parse("2023-03-01"))
                                && !e.date().isAfter(LocalDate.parse("2024-09-30"))
                                && e.actor().stream().anyMatch(x -> a.covers(x.code(), x.sector()))
                                && e.recipient().stream().anyMatch(x -> r.covers(x.code(), x.sector())))
                        .sorted(java.util.Comparator.comparing(Event::date).thenComparing(Event::id))
                        .forEach(e -> expected.add(e.id()));
                EventFilter ar2 = f.withActor(a).withRecipient(r);
                assertThat(ids(store, ar2.withPage(0, 0))).as(a + " to " + r).containsExactlyElementsOf(expected);
                assertThat(store.queries().countEvents(ar2)).isEqualTo(expected.size());
                assertThat(ids(store, ar2.withPage(3, 2))).containsExactlyElementsOf(
                        expected.subList(Math.min(2, expected.size()), Math.min(5, expected.size())));
            }
            for (ActorLevel level : ActorLevel.values()) {
                Map<List<ActorKey>, long[]> expected = new TreeMap<>((x, y) -> x.toString().compareTo(y.toString()));
                Map<ActorKey, long[]> activity = new TreeMap<>();
                for (DyadTotal t : store.queries().dyadTotals(f, level, null)) {
                    long[] e = expected.computeIfAbsent(List.of(t.source(), t.target()), k -> new long[5]);
                    boolean realised = t.status() == EventStatus.REALISED;
                    e[0] += realised ? t.events() : 0;
                    e[1] += realised && t.eventType().cooperative() ? t.events() : 0;
                    e[2] += realised ? 0 : t.events();
                    e[3] += t.status() == EventStatus.REFUSED && t.eventType().cooperative() ? t.events() : 0;
                    e[4] += realised ? Math.round(t.goldstein() * 100) : 0;
                    for (ActorKey k : List.of(t.source(), t.target())) {
                        long[] a = activity.computeIfAbsent(k, x -> new long[2]);
                        a[0] += realised && t.eventType().cooperative() ? t.events() : 0;
                        a[1] += realised && !t.eventType().cooperative() ? t.events() : 0;
                    }
                }
                PairTotals all = store.queries().pairTotals(f, level, 0, 0);
                assertThat(all.pairs()).isEqualTo(expected.size());
                Map<List<ActorKey>, long[]> got = new TreeMap<>((x, y) -> x.toString().compareTo(y.toString()));
                for (PairTotal t : all.rows()) {
                    got.put(List.of(t.source(), t.target()), new long[] {t.events(), t.cooperation(), t.unrealised(),
                        t.refusedCooperation(), Math.round(t.goldstein() * 100)});
                }
                assertThat(got.keySet()).containsExactlyElementsOf(expected.keySet());
                expected.forEach((k, v) -> assertThat(got.get(k)).as(level + " " + k).containsExactly(v));

                long min = 3;
                List<List<ActorKey>> passing = new ArrayList<>();
                expected.forEach((k, v) -> {
                    if (v[0] >= min) {
                        passing.add(k);
                    }
                });
                passing.sort(java.util.Comparator.<List<ActorKey>>comparingLong(k -> -expected.get(k)[0])
                        .thenComparing(k -> k.get(0)).thenComparing(k -> k.get(1)));
                assertThat(passing).as("pairs with %d realised events at %s", min, level).hasSizeGreaterThan(4);
                int limit = passing.size() / 2;
                List<List<ActorKey>> top = new ArrayList<>(passing.subList(0, limit));
                top.sort(java.util.Comparator.<List<ActorKey>, ActorKey>comparing(k -> k.get(0))
                        .thenComparing(k -> k.get(1)));
                PairTotals cut = store.queries().pairTotals(f, level, min, limit);
                assertThat(cut.pairs()).as("pairs before the cut").isEqualTo(passing.size());
                assertThat(cut.rows()).extracting(t -> List.of(t.source(), t.target())).containsExactlyElementsOf(top);
                assertThat(cut.rows()).allSatisfy(t -> assertThat(t.events())
                        .isEqualTo(expected.get(List.of(t.source(), t.target()))[0]));

                List<ActorActivity> act = store.queries().actorActivity(f, level);
                assertThat(act).extracting(ActorActivity::actor).containsExactlyElementsOf(activity.keySet());
                act.forEach(a -> assertThat(new long[] {a.cooperation(), a.conflict()}).as(a.actor().toString())
                        .containsExactly(activity.get(a.actor())));
            }
        }
    }

    /**
     * Coalitions folded into one actor, checked against a naive fold over the events: members mapped to their
     * coalition, pairs within one coalition dropped, each event counted once per distinct folded pair (a joint pair
     * smaller key first), at both levels; and events chosen by a coalition's name are those of its members.
     */
    @Test
    void coalitionsCountEachEventOncePerFoldedPair() throws Exception {
        Random rnd = new Random(11);
        String[] keys = {"USA", "GBR", "FRA", "RUS", "IRN", "UKR", "ISR"};
        String[] sectors = {"GOV", "MIL"};
        Map<String, String> fold = Map.of("USA", "WEST", "GBR", "WEST", "FRA", "WEST", "RUS", "AXIS", "IRN", "AXIS");
        Coalition west = new Coalition("WEST", Set.of(ActorKey.of("USA"), ActorKey.of("GBR"), ActorKey.of("FRA")));
        Coalition axis = new Coalition("AXIS", Set.of(ActorKey.of("RUS"), ActorKey.of("IRN")));
        Modality[] modalities = {Modality.ASSERTED, Modality.ASSERTED, Modality.REFUSED};
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            List<String> a = new ArrayList<>();
            List<String> r = new ArrayList<>();
            int na = 1 + rnd.nextInt(3);
            int nr = rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextInt(2);
            for (int j = 0; j < na; j++) {
                a.add(keys[rnd.nextInt(keys.length)] + ":" + sectors[rnd.nextInt(2)]);
            }
            for (int j = 0; j < nr; j++) {
                r.add(keys[rnd.nextInt(keys.length)] + ":" + sectors[rnd.nextInt(2)]);
            }
            events.add(event("c" + i, "cd" + i, EventType.values()[rnd.nextInt(EventType.values().length)],
                    LocalDate.parse("2023-01-01").plusDays(rnd.nextInt(500)).toString(),
                    actors(a.toArray(new String[0])), actors(r.toArray(new String[0])), null,
                    modalities[rnd.nextInt(modalities.length)], DatePrecision.DAY));
        }
        try (EventStore store = EventStore.open(newStoreUrl())) {
            store.writer().bulkLoad(events.iterator());
            EventFilter f = EventFilter.all().withCoalitions(List.of(west, axis));
            for (ActorLevel level : ActorLevel.values()) {
                Map<String, Long> expected = new TreeMap<>();
                for (Event e : events) {
                    java.util.Set<List<ActorKey>> pairs = new java.util.LinkedHashSet<>();
                    List<ActorKey> as = folded(e.actor(), fold, level);
                    List<ActorKey> rs = folded(e.recipient(), fold, level);
                    if (!rs.isEmpty()) {
                        for (ActorKey x : as) {
                            for (ActorKey y : rs) {
                                if (!x.equals(y)) {
                                    pairs.add(List.of(x, y));
                                }
                            }
                        }
                    } else {
                        for (ActorKey x : as) {
                            for (ActorKey y : as) {
                                if (x.compareTo(y) < 0) {
                                    pairs.add(List.of(x, y));
                                }
                            }
                        }
                    }
                    for (List<ActorKey> p : pairs) {
                        expected.merge(p.get(0) + ">" + p.get(1) + " " + e.eventType() + " " + EventStatus.of(e),
                                1L, Long::sum);
                    }
                }
                Map<String, Long> got = new TreeMap<>();
                for (DyadTotal t : store.queries().dyadTotals(f, level, null)) {
                    got.merge(t.source() + ">" + t.target() + " " + t.eventType() + " " + t.status(), t.events(),
                            Long::sum);
                }
                assertThat(got).as("folded dyad totals at " + level).isEqualTo(expected);
                long realisedWestAxis = 0;
                for (Map.Entry<String, Long> x : expected.entrySet()) {
                    if (x.getKey().matches("WEST(:[A-Z]+)?>AXIS(:[A-Z]+)? .* REALISED")) {
                        realisedWestAxis += x.getValue();
                    }
                }
                long pairSum = 0;
                for (PairTotal t : store.queries().pairTotals(f, level, 0, 0).rows()) {
                    if (t.source().key().equals("WEST") && t.target().key().equals("AXIS")) {
                        pairSum += t.events();
                    }
                }
                assertThat(pairSum).as("pair totals WEST->AXIS at " + level).isEqualTo(realisedWestAxis)
                        .isPositive();
            }
            // events chosen by a coalition's name are the events of its members
            List<String> westActing = new ArrayList<>();
            List<String> westToAxis = new ArrayList<>();
            events.stream().sorted(java.util.Comparator.comparing(Event::date).thenComparing(Event::id)).forEach(e -> {
                boolean w = e.actor().stream().anyMatch(x -> "WEST".equals(fold.get(x.code())));
                if (w) {
                    westActing.add(e.id());
                }
                if (w && e.recipient().stream().anyMatch(x -> "AXIS".equals(fold.get(x.code())))) {
                    westToAxis.add(e.id());
                }
            });
            assertThat(ids(store, f.withActor(west.key()))).containsExactlyElementsOf(westActing);
            assertThat(ids(store, f.withActor(west.key()).withRecipient(axis.key())))
                    .containsExactlyElementsOf(westToAxis).isNotEmpty();
            assertThat(store.queries().countEvents(f.withActor(west.key()).withRecipient(axis.key())))
                    .isEqualTo(westToAxis.size());
            assertThat(store.queries().topEventsWith(f.realisedOnly(), ActorLevel.COUNTRY, west.key(), 2).keySet())
                    .doesNotContain(ActorKey.of("USA"), ActorKey.of("RUS")).contains(axis.key());
            // any of several actors, a coalition among them; the tally counts events and their documents
            List<String> anyIds = new ArrayList<>();
            events.stream().sorted(java.util.Comparator.comparing(Event::date).thenComparing(Event::id))
                    .filter(e -> java.util.stream.Stream.concat(e.actor().stream(), e.recipient().stream())
                            .anyMatch(x -> x.code().equals("UKR") || "WEST".equals(fold.get(x.code()))))
                    .forEach(e -> anyIds.add(e.id()));
            EventFilter any = f.withAnyOf(List.of(ActorKey.of("UKR"), west.key()));
            assertThat(ids(store, any)).containsExactlyElementsOf(anyIds).hasSizeLessThan(events.size());
            assertThat(store.queries().tally(any)).isEqualTo(new Tally(anyIds.size(), anyIds.size()));
            long realisedAny = store.queries().dyadTotals(any.realisedOnly(), ActorLevel.COUNTRY, null).stream()
                    .filter(t -> t.source().key().equals("UKR") || t.target().key().equals("UKR")
                            || t.source().key().equals("WEST") || t.target().key().equals("WEST"))
                    .mapToLong(DyadTotal::events).sum();
            assertThat(store.queries().dyadTotals(any.realisedOnly(), ActorLevel.COUNTRY, null).stream()
                    .mapToLong(DyadTotal::events).sum()).isEqualTo(realisedAny);
        }
    }

    private static List<ActorKey> folded(List<org.faultline.model.ActorRef> refs, Map<String, String> fold,
                                         ActorLevel level) {
        java.util.Set<ActorKey> out = new java.util.LinkedHashSet<>();
        for (org.faultline.model.ActorRef r : refs) {
            out.add(new ActorKey(fold.getOrDefault(r.code(), r.code()), level == ActorLevel.SECTOR ? r.sector() : null));
        }
        return new ArrayList<>(out);
    }

    /** Hamas as the coder writes it: its home country's code, sector REB, and the knowledge-base id group:HAMAS. */
    private static org.faultline.model.ActorRef hamas() {
        return new org.faultline.model.ActorRef("Hamas", "PSE", "REB", "Hamas", "group:HAMAS", 0, 5);
    }

    /** Unnamed Syrian rebels: no knowledge-base entry of their own. */
    private static org.faultline.model.ActorRef syrianRebels() {
        return new org.faultline.model.ActorRef("rebels", "SYR", "REB", null, null, 0, 6);
    }

    /**
     * A small made-up world: Russia backs Hamas and talks to the Palestinian government, strikes Syrian rebels
     * and aids the Syrian government.
     */
    private static List<Event> groupWorld() {
        return List.of(
                event("g1", "gd1", EventType.SUPPORT, "2024-01-01", actors("RUS"), List.of(hamas())),
                event("g2", "gd2", EventType.CONSULT, "2024-01-02", actors("RUS"), actors("PSE")),
                event("g3", "gd3", EventType.ASSAULT, "2024-01-03", actors("RUS:MIL"), List.of(syrianRebels())),
                event("g4", "gd4", EventType.AID, "2024-01-04", actors("RUS"), actors("SYR")),
                event("g5", "gd5", EventType.ASSAULT, "2024-01-05", actors("SYR:MIL"), List.of(syrianRebels())));
    }

    private static Set<String> ids(List<StoredEvent> events) {
        Set<String> out = new java.util.TreeSet<>();
        events.forEach(e -> out.add(e.event().id()));
        return out;
    }

    private static Map<String, Long> totals(EventStore store, EventFilter f, ActorLevel level) {
        Map<String, Long> out = new TreeMap<>();
        for (DyadTotal t : store.queries().dyadTotals(f, level, null)) {
            out.merge(t.source() + ">" + t.target() + " " + t.eventType(), t.events(), Long::sum);
        }
        return out;
    }

    @Test
    void armedGroupsAndRebelsAreActorsOfTheirOwnAtGroupLevel() throws Exception {
        try (EventStore store = EventStore.open(newStoreUrl())) {
            store.writer().bulkLoad(groupWorld().iterator());
            assertThat(ids(store.queries().events(EventFilter.all().withActor(ActorKey.of("HAMAS"))))).isEmpty();
            assertThat(ids(store.queries().events(EventFilter.all().withRecipient(ActorKey.of("HAMAS")))))
                    .containsExactly("g1");
            assertThat(ids(store.queries().events(EventFilter.all().withPair(ActorKey.of("RUS"),
                    ActorKey.of("HAMAS")))))
                    .containsExactly("g1");
            assertThat(store.queries().countEvents(EventFilter.all().withPair(ActorKey.of("HAMAS"),
                    ActorKey.of("RUS"))))
                    .isEqualTo(1);
            assertThat(ids(store.queries().events(EventFilter.all().withActor(ActorKey.of("RUS"))
                    .withRecipient(ActorKey.of("SYR-REB"))))).containsExactly("g3");
            // a country code still covers everything of that country, as before
            assertThat(ids(store.queries().events(EventFilter.all().withEither(ActorKey.of("PSE")))))
                    .containsExactly("g1", "g2");
            assertThat(ids(store.queries().events(EventFilter.all().withPair(ActorKey.of("RUS"), ActorKey.of("PSE")))))
                    .containsExactly("g1", "g2");
            assertThat(totals(store, EventFilter.all(), ActorLevel.GROUP)).isEqualTo(Map.of(
                    "RUS>HAMAS SUPPORT", 1L, "RUS>PSE CONSULT", 1L, "RUS>SYR-REB ASSAULT", 1L, "RUS>SYR AID", 1L,
                    "SYR>SYR-REB ASSAULT", 1L));
            assertThat(totals(store, EventFilter.all(), ActorLevel.COUNTRY)).isEqualTo(Map.of(
                    "RUS>PSE SUPPORT", 1L, "RUS>PSE CONSULT", 1L, "RUS>SYR ASSAULT", 1L, "RUS>SYR AID", 1L));
            // Russia's strike on Syrian rebels is not conflict with Syria's government at group level
            PairTotal rusSyr = store.queries().pairTotals(EventFilter.all().withPair(ActorKey.of("RUS"),
                    ActorKey.of("SYR")), ActorLevel.GROUP, 0, 0).rows().get(0);
            assertThat(rusSyr.realised()).isEqualTo(Map.of(EventType.AID, 1L));
            assertThat(store.queries().pairTotals(EventFilter.all().withPair(ActorKey.of("RUS"), ActorKey.of("SYR")),
                    ActorLevel.COUNTRY, 0, 0).rows().get(0).realised())
                    .isEqualTo(Map.of(EventType.AID, 1L, EventType.ASSAULT, 1L));
            assertThat(store.queries().actorKeys()).containsExactly("HAMAS", "PSE", "RUS", "SYR", "SYR-REB");
            Map<String, String> names = store.queries().actorNames();
            assertThat(names.get("HAMAS")).isEqualTo("Hamas");
            assertThat(names.get("SYR-REB")).isEqualTo("Syria rebels");
        }
    }

    /**
     * A sector filter keeps the dyads with an actor of the sector on a side, at each level by the key that side
     * has there (Hamas and Syria's rebels at group level), a joint dyad's target being a co-actor and a coalition's
     * side any of its members; an event filter keeps the events with such an actor.
     */
    @Test
    void aSectorFilterKeepsTheDyadsWithAnActorOfTheSectorOnASide() throws Exception {
        List<Event> world = new ArrayList<>(groupWorld());
        world.add(event("g6", "gd6", EventType.COOPERATE, "2024-01-06", actors("RUS:MIL", "SYR"), List.of()));
        try (EventStore store = EventStore.open(newStoreUrl())) {
            store.writer().bulkLoad(world.iterator());
            EventFilter reb = EventFilter.all().withSectors(Set.of("reb"));
            EventFilter mil = EventFilter.all().withSectors(Set.of("MIL"));
            assertThat(reb.sectors()).containsExactly("REB");
            assertThat(totals(store, reb, ActorLevel.GROUP)).isEqualTo(Map.of("RUS>HAMAS SUPPORT", 1L,
                    "RUS>SYR-REB ASSAULT", 1L, "SYR>SYR-REB ASSAULT", 1L));
            assertThat(totals(store, mil, ActorLevel.GROUP)).isEqualTo(Map.of("RUS>SYR-REB ASSAULT", 1L,
                    "SYR>SYR-REB ASSAULT", 1L, "RUS>SYR COOPERATE", 1L));
            // Syria's government as the joint dyad's second co-actor
            assertThat(totals(store, EventFilter.all().withSectors(Set.of("GOV")), ActorLevel.GROUP)).isEqualTo(Map.of(
                    "RUS>HAMAS SUPPORT", 1L, "RUS>PSE CONSULT", 1L, "RUS>SYR AID", 1L, "RUS>SYR COOPERATE", 1L));
            assertThat(totals(store, mil, ActorLevel.COUNTRY)).isEqualTo(Map.of("RUS>SYR ASSAULT", 1L,
                    "RUS>SYR COOPERATE", 1L));
            assertThat(totals(store, mil, ActorLevel.SECTOR)).isEqualTo(Map.of("RUS:MIL>SYR:REB ASSAULT", 1L,
                    "SYR:MIL>SYR:REB ASSAULT", 1L, "RUS:MIL>SYR:GOV COOPERATE", 1L));
            assertThat(store.queries().pairTotals(mil, ActorLevel.GROUP, 0, 0).rows()).extracting(t -> t.source() + ">"
                    + t.target()).containsExactly("RUS>SYR", "RUS>SYR-REB", "SYR>SYR-REB");
            Coalition backed = new Coalition("BACKED", Set.of(ActorKey.of("HAMAS"), ActorKey.of("SYR")));
            assertThat(totals(store, mil.withCoalitions(List.of(backed)), ActorLevel.GROUP)).isEqualTo(Map.of(
                    "RUS>SYR-REB ASSAULT", 1L, "BACKED>SYR-REB ASSAULT", 1L, "BACKED>RUS COOPERATE", 1L));
            assertThat(ids(store.queries().events(mil))).containsExactly("g3", "g5", "g6");
            assertThat(ids(store.queries().events(EventFilter.all().withSectors(Set.of("MIL",
                    "REB"))))).containsExactly("g1", "g3", "g5", "g6");
        }
    }

    /** Keys nothing is stored under are told apart with close matches; a key stored later is found. */
    @Test
    void storedActorsTellAnUnknownKeyWithCloseMatchesAndFindOnesStoredLater() throws Exception {
        try (EventStore store = EventStore.open(newStoreUrl())) {
            store.writer().bulkLoad(groupWorld().iterator());
            StoredActors stored = new StoredActors(store.queries());
            assertThat(stored.problem(ActorKey.of("HAMAS"))).isEmpty();
            assertThat(stored.problem(ActorKey.parse("SYR-REB:MIL"))).isEmpty();
            assertThat(stored.problem(ActorKey.of("HAMSA"))).contains("nothing is stored under HAMSA; close matches: "
                    + "HAMAS");
            assertThat(stored.problem(ActorKey.of("UKR")).orElseThrow()).startsWith("nothing is stored under UKR (no "
                    + "stored actor key is close to it");
            store.writer().storeCoded(articleFor("u1", "2024-02-01"), List.of(event("u1", "u1", EventType.AID,
                    "2024-02-01", actors("USA"), actors("UKR"))));
            assertThat(stored.problem(ActorKey.of("UKR"))).isEmpty();
        }
    }

    @Test
    void coalitionsMayListGroups() throws Exception {
        Coalition backed = new Coalition("BACKED", Set.of(ActorKey.of("HAMAS"), ActorKey.of("SYR")));
        try (EventStore store = EventStore.open(newStoreUrl())) {
            store.writer().bulkLoad(groupWorld().iterator());
            EventFilter f = EventFilter.all().withCoalitions(List.of(backed));
            // a country code names all of its country in an event filter, rebels included (as PSE names Hamas)
            assertThat(ids(store.queries().events(f.withRecipient(ActorKey.of("BACKED"))))).containsExactly("g1",
                    "g3", "g4", "g5");
            assertThat(ids(store.queries().events(f.withPair(ActorKey.of("RUS"), ActorKey.of("BACKED")))))
                    .containsExactly("g1", "g4");
            assertThat(totals(store, f, ActorLevel.GROUP)).isEqualTo(Map.of("RUS>BACKED SUPPORT", 1L,
                    "RUS>BACKED AID", 1L, "RUS>PSE CONSULT", 1L, "RUS>SYR-REB ASSAULT", 1L,
                    "BACKED>SYR-REB ASSAULT", 1L));
        }
    }

    /**
     * A store written before migration 6 (no group_key column, no level-2 dyads) is migrated on open and then
     * answers as a store written by this version does.
     */
    @Test
    void aStoreFromBeforeGroupsIsMigratedToTheSameAnswers() throws Exception {
        String fresh = newStoreUrl();
        String old = newStoreUrl();
        Map<String, Long> expected;
        Map<String, String> names;
        try (EventStore store = EventStore.open(fresh)) {
            store.writer().bulkLoad(groupWorld().iterator());
            expected = totals(store, EventFilter.all(), ActorLevel.GROUP);
            names = store.queries().actorNames();
        }
        try (EventStore store = EventStore.open(old)) {
            store.writer().bulkLoad(groupWorld().iterator());
            try (java.sql.Statement st = store.connection().createStatement()) {
                st.execute("DELETE FROM event_dyads WHERE actor_level = 2");
                st.execute("ALTER TABLE event_actors DROP COLUMN group_key");
                st.execute("DELETE FROM schema_version WHERE version >= 6");
                undoMigration9(st);
                st.execute("DELETE FROM store_settings WHERE name = 'backfill.group_level'");
            }
        }
        try (EventStore store = EventStore.open(old)) {
            assertThat(store.schemaVersion()).isEqualTo(9);
            assertThat(totals(store, EventFilter.all(), ActorLevel.GROUP)).isEqualTo(expected).isNotEmpty();
            assertThat(store.queries().actorNames()).isEqualTo(names);
            assertThat(ids(store.queries().events(EventFilter.all().withRecipient(ActorKey.of("HAMAS")))))
                    .containsExactly("g1");
        }
        try (EventStore store = EventStore.open(old)) {
            assertThat(totals(store, EventFilter.all(), ActorLevel.GROUP)).isEqualTo(expected);
        }
    }

    /**
     * Every event keeps how many gazetteer places bore its place's name, in its JSON and in the column
     * loc_alternatives (shown by events_v); a store written before migration 9 reads its events as it did, with no
     * count (null), and stores counts for events written after.
     */
    @Test
    void placesKeepTheirCountOfAlternativesAndAStoreFromBeforeReadsWithNone() throws Exception {
        String url = newStoreUrl();
        Event moura = located("a1", "d1", "2024-06-01", new Location("Moura", "MLI", "Mopti", 14.35, -4.13, 0, 5, 2));
        Event kyiv = located("a2", "d1", "2024-05-01", new Location("Kyiv", "UKR", null, null, null, 0, 4, 1));
        Event unread = located("a3", "d1", "2024-04-01", new Location("somewhere", "UKR", null, null, null));
        List<StoredEvent> before;
        try (EventStore store = EventStore.open(url)) {
            store.writer().storeCoded(articleFor("d1", "2024-06-01"), List.of(moura, kyiv, unread));
            assertThat(plain(store.queries().eventsById(List.of("a1", "a2", "a3")))).containsExactlyInAnyOrder(moura,
                    kyiv, unread);
            try (java.sql.Statement st = store.connection().createStatement()) {
                assertThat(rows(st, "SELECT event_id, loc_alternatives FROM events_v ORDER BY event_id"))
                        .containsExactly(List.of("a1", "2"), List.of("a2", "1"), java.util.Arrays.asList("a3", null));
                // as a store written before migration 9 holds them: no column, no field in the JSON
                for (String n : List.of("1", "2", "null")) {
                    st.execute("UPDATE events SET event_json = REPLACE(event_json, ',\"alternatives\":" + n + "', '')");
                }
                st.execute("DELETE FROM schema_version WHERE version >= 9");
                undoMigration9(st);
            }
            before = store.queries().events(EventFilter.all());
        }
        try (EventStore store = EventStore.open(url)) {
            assertThat(store.schemaVersion()).isEqualTo(9);
            assertThat(store.queries().events(EventFilter.all())).isEqualTo(before);
            assertThat(store.queries().eventsById(List.of("a1")).get(0).event().location())
                    .isEqualTo(new Location("Moura", "MLI", "Mopti", 14.35, -4.13, 0, 5));
            assertThat(store.queries().events(EventFilter.all())).allSatisfy(e -> assertThat(e.event().toString())
                    .doesNotContain("alternatives=1", "alternatives=2"));
            Event later = located("a4", "d2", "2024-06-02", new Location("Moura", "MLI", "Mopti", 14.35, -4.13, 0, 5,
                    2));
            store.writer().storeCoded(articleFor("d2", "2024-06-02"), List.of(later));
            assertThat(store.queries().eventsById(List.of("a4")).get(0).event()).isEqualTo(later);
            try (java.sql.Statement st = store.connection().createStatement()) {
                assertThat(rows(st, "SELECT event_id, loc_alternatives FROM events_v ORDER BY event_id")).containsExactly(
                        java.util.Arrays.asList("a1", null), java.util.Arrays.asList("a2", null),
                        java.util.Arrays.asList("a3", null), List.of("a4", "2"));
            }
        }
    }

    private static Event located(String id, String doc, String date, Location place) {
        Event e = event(id, doc, EventType.ASSAULT, date, actors("RUS"), actors("UKR"));
        return new Event(e.id(), e.docId(), e.eventType(), e.mode(), e.context(), e.cameoCode(), e.quadClass(),
                e.goldstein(), e.actor(), e.recipient(), e.date(), e.datePrecision(), e.dateText(), place, e.quantity(),
                e.negated(), e.modality(), e.attribution(), e.confidence(), e.evidence(), e.rule(), e.version());
    }

    /**
     * Takes a store back to the schema before migration 9: no column events.loc_alternatives, and events_v as
     * migration 4 made it (written out here: the old schema is a fixture).
     */
    static void undoMigration9(java.sql.Statement st) throws java.sql.SQLException {
        st.execute("DROP VIEW events_v");
        st.execute("ALTER TABLE events DROP COLUMN loc_alternatives");
        st.execute("CREATE VIEW events_v AS SELECT event_id, doc_id, event_type, mode, context, cameo_code, quad_class, "
                + "goldstein, plover_score, event_date, lower(date_precision) AS date_precision, loc_text, loc_country, "
                + "loc_admin1, loc_lat, loc_lon, qty_text, qty_value, qty_unit, qty_kind, negated, lower(modality) AS "
                + "modality, lower(status) AS status, attr_text, attr_code, attr_verb, confidence, rule, version, "
                + "story_id, event_id = story_id AS representative, event_json FROM events");
    }

    private static Map<String, String> storyMap(EventStore store) {
        Map<String, String> out = new TreeMap<>();
        store.queries().events(EventFilter.all()).forEach(s -> out.put(s.event().id(), s.storyId()));
        return out;
    }
}
