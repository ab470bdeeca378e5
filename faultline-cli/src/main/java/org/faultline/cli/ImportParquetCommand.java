package org.faultline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.faultline.model.Article;
import org.faultline.model.Event;
import org.faultline.model.EventJson;
import org.faultline.model.Failure;
import org.faultline.query.StoredEvent;
import org.faultline.store.DocumentIdConflictException;
import org.faultline.store.EventStore;
import org.faultline.store.EventWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code faultline import-parquet}: loads the output of the Spark coding job ({@code DIR/documents}, the coded
 * documents with their text; {@code DIR/events}, Parquet partitioned by month; {@code DIR/failures}) into the
 * store. The Parquet files are read with an in-memory DuckDB through JDBC (the driver the store already carries),
 * so the command line needs no Spark. Each event row is turned back into an {@link Event} through its JSON form:
 * the Spark job writes exactly the fields of the JSON output.
 *
 * <p>Documents come first, so that the events' spans point into stored text: a document whose text is stored
 * already is skipped, and one whose id is stored with another text is refused as {@code ingest} refuses it (a
 * failure of stage {@code store}), and its events are left out. Events already in the store (same id) are
 * skipped, so importing twice stores nothing new. Output written before the job wrote documents (no
 * {@code documents/} folder) loads its events alone, as before.
 */
@Command(name = "import-parquet", mixinStandardHelpOptions = true,
        description = "Load the Parquet documents, events and failures written by the Spark job (faultline-spark) into "
                + "the store.",
        footer = {"", "Examples:", "  faultline import-parquet spark-out/",
                "  faultline import-parquet --db postgresql://faultline@127.0.0.1:5432/faultline spark-out/"})
public final class ImportParquetCommand implements Callable<Integer> {
    private static final int CHUNK = 2000;
    private static final int DOCUMENT_CHUNK = 500;

    @Parameters(index = "0", paramLabel = "DIR", description = "Output folder of the Spark CodingJob (with documents/, "
            + "events/ and failures/).")
    Path dir;

    @Option(names = "--db", paramLabel = "URL", description = "Store: a DuckDB file (default ${DEFAULT-VALUE}) or a PostgreSQL URL.")
    String db = "faultline.duckdb";

    @Option(names = "--no-merge", description = "Do not recompute stories (cross-document merging) after loading.")
    boolean noMerge;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, SQLException {
        PrintWriter err = spec.commandLine().getErr();
        Path events = dir.resolve("events");
        Path failures = dir.resolve("failures");
        if (!Files.isDirectory(events)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "import-parquet: " + events
                    + " is not a folder; expected the --output folder of the Spark CodingJob");
        }
        long t0 = System.nanoTime();
        try (EventStore store = EventStore.open(db);
             Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = duck.createStatement()) {
            Path documents = dir.resolve("documents");
            Documents docs = Files.isDirectory(documents) && hasParquet(documents)
                    ? loadDocuments(store, st, documents) : new Documents(0, 0, Set.of());
            // loaded, already stored, left out (of a refused document)
            long[] counts = {0, 0, 0};
            if (hasParquet(events)) {
                try (ResultSet rs = st.executeQuery("SELECT to_json(e) FROM read_parquet('" + glob(events, true)
                        + "', hive_partitioning = false) e")) {
                    List<Event> chunk = new ArrayList<>(CHUNK);
                    while (rs.next()) {
                        Event e = EventJson.fromLine(rs.getString(1));
                        if (docs.refused().contains(e.docId())) {
                            counts[2]++;
                            continue;
                        }
                        chunk.add(e);
                        if (chunk.size() == CHUNK) {
                            loadChunk(store, chunk, counts);
                        }
                    }
                    loadChunk(store, chunk, counts);
                }
            }
            long failed = 0;
            if (Files.isDirectory(failures) && hasParquet(failures)) {
                try (ResultSet rs = st.executeQuery("SELECT origin, doc_id, stage, reason FROM read_parquet('"
                        + glob(failures, false) + "')")) {
                    while (rs.next()) {
                        store.writer().storeFailure(new Failure(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4)));
                        failed++;
                    }
                }
            }
            String merged = "";
            if (!noMerge && counts[0] > 0 && store.merger().mergingEnabled()) {
                merged = "; merged: " + store.merger().mergeStories(store.merger().mergeRule())
                        + " stories with several mentions";
            }
            err.printf(Locale.ROOT, "imported %d documents (%d already stored%s), %d events (%d already stored%s) "
                            + "and %d failures from %s into %s%s (%.1f s)%n",
                    docs.stored(), docs.known(), docs.refused().isEmpty() ? ""
                            : "; " + docs.refused().size() + " refused: their id names another stored text",
                    counts[0], counts[1], counts[2] == 0 ? "" : "; " + counts[2] + " of refused documents left out",
                    failed, dir, db, merged, (System.nanoTime() - t0) / 1e9);
        }
        return 0;
    }

    /** What loading the documents did: counts, and the ids refused (their events are left out). */
    private record Documents(long stored, long known, Set<String> refused) {
    }

    /**
     * Stores the documents of {@code folder} in chunks; each one refused for its id is recorded as a failure of
     * stage {@code store}, as ingest records it.
     */
    private static Documents loadDocuments(EventStore store, Statement st, Path folder) throws SQLException {
        long stored = 0;
        long known = 0;
        Set<String> refused = new HashSet<>();
        try (ResultSet rs = st.executeQuery("SELECT id, CAST(date AS VARCHAR), text, title, source, url, origin, "
                + "event_count FROM read_parquet('" + glob(folder, false) + "')")) {
            List<EventWriter.CodedDocument> chunk = new ArrayList<>(DOCUMENT_CHUNK);
            boolean more = true;
            while (more) {
                more = rs.next();
                if (more) {
                    chunk.add(new EventWriter.CodedDocument(new Article(rs.getString(1),
                            LocalDate.parse(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7)), rs.getInt(8)));
                }
                if (chunk.size() == DOCUMENT_CHUNK || !more && !chunk.isEmpty()) {
                    EventWriter.DocumentLoad load = store.writer().loadDocuments(chunk);
                    stored += load.stored();
                    known += load.known();
                    Map<String, String> origins = new HashMap<>();
                    chunk.forEach(d -> origins.putIfAbsent(d.article().id(), d.article().origin()));
                    for (DocumentIdConflictException x : load.refused()) {
                        refused.add(x.docId());
                        String origin = origins.get(x.docId());
                        store.writer().storeFailure(new Failure(origin == null ? x.docId() : origin, x.docId(),
                                DocumentIngest.STORE_STAGE, x.reason()));
                    }
                    chunk.clear();
                }
            }
        }
        return new Documents(stored, known, refused);
    }

    /**
     * Bulk-loads the events of the chunk that the store does not have yet (also dropping repeats within it), adds
     * to {@code counts} (loaded, already stored) and clears the chunk.
     */
    private static void loadChunk(EventStore store, List<Event> chunk, long[] counts) {
        long n = loadNew(store, chunk);
        counts[0] += n;
        counts[1] += chunk.size() - n;
        chunk.clear();
    }

    /** Bulk-loads the events of the chunk that the store does not have yet (also dropping repeats within it). */
    private static long loadNew(EventStore store, List<Event> chunk) {
        if (chunk.isEmpty()) {
            return 0;
        }
        Set<String> known = new HashSet<>();
        for (StoredEvent e : store.queries().eventsById(chunk.stream().map(Event::id).toList())) {
            known.add(e.event().id());
        }
        List<Event> fresh = new ArrayList<>();
        for (Event e : chunk) {
            if (known.add(e.id())) {
                fresh.add(e);
            }
        }
        return fresh.isEmpty() ? 0 : store.writer().bulkLoad(fresh.iterator());
    }

    private static boolean hasParquet(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
        }
    }

    /** The Parquet files of a folder as a DuckDB glob literal (one level of month partitions for events). */
    private static String glob(Path folder, boolean partitioned) {
        String base = folder.toAbsolutePath().toString().replace("'", "''");
        return base + (partitioned ? "/*/*.parquet" : "/*.parquet");
    }
}
