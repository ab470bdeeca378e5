package org.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.faultline.ingest.ArticleReaders;
import org.faultline.ingest.ReadOptions;
import org.faultline.model.Failure;
import org.faultline.query.EventFilter;
import org.faultline.store.ContentHash;
import org.faultline.store.EventStore;
import org.faultline.store.StoreUrl;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two ingests at once of folders that hold documents of the same ids with other texts (issue 13): into one
 * PostgreSQL database with a store each, as two processes would (when {@code FAULTLINE_TEST_PG_URL} names a
 * server, as in {@code .ci/run}; skipped otherwise), and into one DuckDB store shared by two threads, as the
 * server's ingest and its watcher share it. Each shared id ends with one text, and the other text is stored beside
 * it as {@code ID~HASH} with a warning saying why (also when both were placed before either was stored: the later
 * is placed and coded again); every document of both folders is stored with its events.
 */
class ConcurrentIngestTest {
    private static final String PG = "FAULTLINE_TEST_PG_URL";
    private static final int SHARED = 8;
    private static final int OWN = 4;
    private static final ReadOptions DATED = ReadOptions.defaults().withDefaultDate(LocalDate.parse("2024-05-05"));

    @TempDir
    Path dir;

    private final List<Path> folders = new ArrayList<>();

    @Test
    void twoIngestsIntoOnePostgresqlDatabase() throws Exception {
        String base = System.getenv(PG);
        Assumptions.assumeTrue(base != null && !base.isBlank(), PG + " is not set; PostgreSQL test skipped");
        String jdbc = StoreUrl.parse(base).jdbcUrl();
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        String url = jdbc + (jdbc.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        ingestAtOnce(() -> EventStore.open(url), url);
    }

    @Test
    void twoIngestsIntoOneDuckDbStore() throws Exception {
        String url = dir.resolve("shared.duckdb").toString();
        try (EventStore shared = EventStore.open(url)) {
            ingestAtOnce(() -> shared, null);
            check(shared);
        }
    }

    /** Runs both ingests from one start; checks the store when {@code url} is given (else the caller does). */
    private void ingestAtOnce(Supplier<EventStore> stores, String url) throws Exception {
        for (int run = 0; run < 2; run++) {
            Path folder = Files.createDirectories(dir.resolve("run" + run));
            folders.add(folder);
            for (int i = 0; i < SHARED; i++) {
                write(folder.resolve("n" + i + ".txt"), "In run " + run + ", Moscow attacked town " + i + ".");
            }
            for (int i = 0; i < OWN; i++) {
                write(folder.resolve("own" + run + "-" + i + ".txt"), "Moscow attacked village " + i + " of run "
                        + run + ".");
            }
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<EventStore> opened = new ArrayList<>();
        try {
            List<Future<DocumentIngest.Totals>> runs = new ArrayList<>();
            for (Path folder : folders) {
                EventStore store = stores.get();
                opened.add(store);
                runs.add(pool.submit(() -> {
                    start.await();
                    CodingBatch batch = new CodingBatch(new StandInCoder(), 2, new PrintWriter(new StringWriter(),
                            true));
                    return new DocumentIngest(store.writer(), batch).run(ArticleReaders.read(List.of(folder.toString()),
                            DATED));
                }));
            }
            start.countDown();
            int stored = 0;
            int versioned = 0;
            for (Future<DocumentIngest.Totals> f : runs) {
                DocumentIngest.Totals t = f.get(2, TimeUnit.MINUTES);
                stored += t.stored();
                versioned += t.versioned();
                assertThat(t.batch().failed()).isZero();
                assertThat(t.alreadyStored()).isZero();
            }
            assertThat(stored).isEqualTo(2 * SHARED + 2 * OWN);
            assertThat(versioned).isEqualTo(SHARED);
        } finally {
            pool.shutdownNow();
            if (url != null) {
                opened.forEach(EventStore::close);
            }
        }
        if (url != null) {
            try (EventStore store = EventStore.open(url)) {
                check(store);
            }
        }
    }

    private void check(EventStore store) {
        assertThat(store.queries().documentCount()).isEqualTo(2 * SHARED + 2 * OWN);
        assertThat(store.queries().eventCount()).isEqualTo(2 * SHARED + 2 * OWN);
        List<Failure> failures = store.queries().failures();
        assertThat(failures).hasSize(SHARED);
        for (int i = 0; i < SHARED; i++) {
            String id = "n" + i;
            String text = store.queries().document(id).orElseThrow().text();
            int winner = text.startsWith("In run 0,") ? 0 : 1;
            assertThat(text).isEqualTo("In run " + winner + ", Moscow attacked town " + i + ".");
            String other = "In run " + (1 - winner) + ", Moscow attacked town " + i + ".";
            String versioned = id + "~" + ContentHash.of(other).substring(0, 12);
            assertThat(store.queries().document(versioned).orElseThrow().text()).isEqualTo(other);
            assertThat(store.queries().events(EventFilter.all().withDocument(versioned))).singleElement()
                    .satisfies(e -> assertThat(e.event().docId()).isEqualTo(versioned));
            Path loser = folders.get(1 - winner).resolve(id + ".txt");
            assertThat(failures).contains(new Failure(loser.toString(), versioned, "document-id", "document id '" + id
                    + "' names another text stored before (from " + folders.get(winner).resolve(id + ".txt")
                    + "); this text is stored as '" + versioned + "'"));
        }
        for (int run = 0; run < 2; run++) {
            for (int i = 0; i < OWN; i++) {
                assertThat(store.queries().document("own" + run + "-" + i)).as("own%d-%d", run, i).isPresent();
            }
        }
    }

    private static void write(Path p, String text) throws IOException {
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }
}
