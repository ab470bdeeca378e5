package org.faultline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store written by a process killed with SIGKILL halfway and then run again holds exactly what an
 * uninterrupted run stores (time stamps aside).
 */
class KillAndResumeTest {
    private static final int DOCUMENTS = 240;
    private static final List<String> TABLES = List.of("documents", "events", "event_actors", "evidence",
            "event_dyads", "stories", "kept_apart", "failures", "store_settings", "schema_version");
    private static final Set<String> CLOCK_COLUMNS = Set.of("ingested_at", "failed_at", "applied_at");

    @TempDir
    Path dir;

    @Test
    void killedRunResumedEqualsUninterruptedRun() throws Exception {
        Path reference = dir.resolve("reference.duckdb");
        try (EventStore store = EventStore.open(reference.toString())) {
            IngestChild.ingest(store, DOCUMENTS, null);
        }

        Path killed = dir.resolve("killed.duckdb");
        Process first = child(killed);
        int seen = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(first.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null && seen < DOCUMENTS / 2) {
                if (line.startsWith("stored ")) {
                    seen++;
                }
            }
            first.destroyForcibly();
            assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(seen).as("the child was killed halfway").isEqualTo(DOCUMENTS / 2);
        long partial = documents(killed);
        assertThat(partial).isGreaterThan(0).isLessThan(DOCUMENTS);

        Process second = child(killed);
        String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).as(output).isEqualTo(0);
        assertThat(output).endsWith("done\n");

        Map<String, List<String>> expected = dump(reference);
        Map<String, List<String>> actual = dump(killed);
        assertThat(expected.get("events")).hasSizeGreaterThan(DOCUMENTS);
        assertThat(expected.get("stories")).isNotEmpty();
        for (String table : TABLES) {
            assertThat(actual.get(table)).as(table).isEqualTo(expected.get(table));
        }
    }

    private static Process child(Path db) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                IngestChild.class.getName(), db.toString(), Integer.toString(DOCUMENTS));
        pb.redirectErrorStream(true);
        return pb.start();
    }

    private static long documents(Path db) throws Exception {
        try (EventStore store = EventStore.open(db.toString())) {
            return store.queries().documentCount();
        }
    }

    private static Map<String, List<String>> dump(Path db) throws Exception {
        Map<String, List<String>> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            if (!CLOCK_COLUMNS.contains(md.getColumnName(i).toLowerCase(java.util.Locale.ROOT))) {
                                row.append(rs.getString(i)).append('\t');
                            }
                        }
                        rows.add(row.toString());
                    }
                }
                Collections.sort(rows);
                out.put(table, rows);
            }
        }
        return out;
    }
}
