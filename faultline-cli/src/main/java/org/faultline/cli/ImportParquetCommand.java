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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.faultline.model.Event;
import org.faultline.model.EventJson;
import org.faultline.model.Failure;
import org.faultline.store.EventStore;
import org.faultline.store.StoredEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code faultline import-parquet}: loads the output of the Spark coding job ({@code DIR/events}, Parquet
 * partitioned by month, and {@code DIR/failures}) into the store. The Parquet files are read with an in-memory
 * DuckDB through JDBC (the driver the store already carries), so the command line needs no Spark. Each row is
 * turned back into an {@link Event} through its JSON form: the Spark job writes exactly the fields of the JSON
 * output. Events already in the store (same id) are skipped, so importing twice stores nothing new.
 */
@Command(name = "import-parquet", mixinStandardHelpOptions = true,
        description = "Load the Parquet events and failures written by the Spark job (faultline-spark) into the store.",
        footer = {"", "Examples:", "  faultline import-parquet spark-out/",
                "  faultline import-parquet --db postgresql://faultline@127.0.0.1:5432/faultline spark-out/"})
public final class ImportParquetCommand implements Callable<Integer> {
    private static final int CHUNK = 2000;

    @Parameters(index = "0", paramLabel = "DIR", description = "Output folder of the Spark CodingJob (with events/ and failures/).")
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
        long loaded = 0;
        long skipped = 0;
        long failed = 0;
        try (EventStore store = EventStore.open(db);
             Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = duck.createStatement()) {
            if (hasParquet(events)) {
                try (ResultSet rs = st.executeQuery("SELECT to_json(e) FROM read_parquet('" + glob(events, true)
                        + "', hive_partitioning = false) e")) {
                    List<Event> chunk = new ArrayList<>(CHUNK);
                    while (rs.next()) {
                        chunk.add(EventJson.fromLine(rs.getString(1)));
                        if (chunk.size() == CHUNK) {
                            long n = loadNew(store, chunk);
                            loaded += n;
                            skipped += chunk.size() - n;
                            chunk.clear();
                        }
                    }
                    long n = loadNew(store, chunk);
                    loaded += n;
                    skipped += chunk.size() - n;
                }
            }
            if (Files.isDirectory(failures) && hasParquet(failures)) {
                try (ResultSet rs = st.executeQuery("SELECT origin, doc_id, stage, reason FROM read_parquet('"
                        + glob(failures, false) + "')")) {
                    while (rs.next()) {
                        store.storeFailure(new Failure(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4)));
                        failed++;
                    }
                }
            }
            String merged = "";
            if (!noMerge && loaded > 0 && store.mergingEnabled()) {
                merged = "; merged: " + store.mergeStories(store.mergeRule()) + " stories with several mentions";
            }
            err.printf(Locale.ROOT, "imported %d events (%d already stored, skipped) and %d failures from %s into %s%s (%.1f s)%n",
                    loaded, skipped, failed, dir, db, merged, (System.nanoTime() - t0) / 1e9);
        }
        return 0;
    }

    /** Bulk-loads the events of the chunk that the store does not have yet (also dropping repeats within it). */
    private static long loadNew(EventStore store, List<Event> chunk) {
        if (chunk.isEmpty()) {
            return 0;
        }
        Set<String> known = new HashSet<>();
        for (StoredEvent e : store.eventsById(chunk.stream().map(Event::id).toList())) {
            known.add(e.event().id());
        }
        List<Event> fresh = new ArrayList<>();
        for (Event e : chunk) {
            if (known.add(e.id())) {
                fresh.add(e);
            }
        }
        return fresh.isEmpty() ? 0 : store.bulkLoad(fresh.iterator());
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
