package org.faultline.cli.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.faultline.model.ActorRef;
import org.faultline.model.Article;
import org.faultline.model.DatePrecision;
import org.faultline.model.Event;
import org.faultline.model.EventJson;
import org.faultline.model.EventType;
import org.faultline.model.Evidence;
import org.faultline.model.Location;
import org.faultline.model.Modality;
import org.faultline.store.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code events --format parquet -o FILE} without Spark: DuckDB reads the file back with the CSV's columns, typed,
 * and the rows are those {@code --format json} gives for the same filter (count, order, ids, types, actors).
 */
class EventsParquetTest {
    @TempDir
    Path dir;
    private String db;

    private static ActorRef ref(String code, String kb) {
        return new ActorRef(code, code.equals("HAMAS") ? "IMG" : code, "GOV", "Name " + code, kb, 0, 3);
    }

    private static Event event(int i, EventType type, ActorRef actor, ActorRef recipient, Location place, String mode) {
        String doc = "doc" + i;
        String sentence = "Sentence, \"quoted\", of event " + i + ".";
        return new Event("e" + i, doc, type, mode, List.of(), type.quadClass() == 4 ? "190" : "043", type.quadClass(),
                -1.25 * i, List.of(actor), recipient == null ? List.of() : List.of(recipient),
                LocalDate.parse("2024-01-01").plusDays(3L * i), DatePrecision.DAY, place, null, false,
                Modality.ASSERTED, null, 0.85, List.of(new Evidence(doc, 0, 0, sentence.length(), sentence, "x", 0, 1)),
                "rule", "test");
    }

    @BeforeEach
    void store() {
        List<Event> events = List.of(
                event(0, EventType.CONSULT, ref("ISR", "country:ISR"), ref("UKR", "country:UKR"),
                        new Location("Kyiv", "UKR", null, 50.45, 30.52), null),
                event(1, EventType.ASSAULT, ref("ISR", "country:ISR"), ref("HAMAS", "HAMAS"),
                        new Location("Gaza", "PSE", "Gaza Strip", 31.5, 34.47, null, null, 3), "aerial"),
                event(2, EventType.AID, ref("USA", "country:USA"), null, null, null),
                event(3, EventType.ASSAULT, ref("RUS", "country:RUS"), ref("UKR", "country:UKR"),
                        new Location("the front", null, null, null, null), null));
        db = dir.resolve("p.duckdb").toString();
        try (EventStore s = EventStore.open(db)) {
            for (Event e : events) {
                boolean told = e.id().equals("e1");
                s.writer().storeCoded(new Article(e.docId(), e.date(), "Text " + e.id(), told ? "Strikes on Gaza" : null,
                        told ? "Example Wire" : null, told ? "https://example.org/gaza" : null, "in/" + e.docId()),
                        List.of(e));
            }
        }
    }

    @Test
    void parquetHoldsTheRowsOfJsonForTheSameFilterWithTheCsvColumnsTyped() throws Exception {
        Path file = dir.resolve("events.parquet");
        StringWriter err = new StringWriter();
        assertThat(run(err, "--db", db, "--order", "newest", "--quad", "1,4", "--format", "parquet", "-o",
                file.toString())).isEmpty();
        assertThat(err.toString()).contains("wrote 3 events to " + file);
        JsonNode json = Output.JSON.readTree(run(new StringWriter(), "--db", db, "--order", "newest", "--quad", "1,4",
                "--format", "json"));

        List<String> want = new ArrayList<>();
        for (JsonNode n : json.get("events")) {
            Event e = EventJson.fromLine(n.toString());
            want.add(String.join("|", e.id(), e.eventType().name(), Output.keys(e.actor()), Output.keys(e.recipient()),
                    e.date().toString(), n.get("story_id").asText(), n.get("status").asText()));
        }
        assertThat(want).hasSize(3);

        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            String source = "read_parquet('" + file + "')";
            Map<String, String> types = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM " + source)) {
                while (rs.next()) {
                    types.put(rs.getString("column_name"), rs.getString("column_type"));
                }
            }
            String csvHeader = run(new StringWriter(), "--db", db, "--format", "csv").lines().findFirst().orElseThrow();
            assertThat(new ArrayList<>(types.keySet())).isEqualTo(Arrays.asList(csvHeader.split(",")));
            assertThat(types).containsEntry("event_id", "VARCHAR").containsEntry("mentions", "INTEGER")
                    .containsEntry("date", "DATE").containsEntry("quad_class", "INTEGER")
                    .containsEntry("goldstein", "DOUBLE").containsEntry("confidence", "DOUBLE")
                    .containsEntry("place_alternatives", "INTEGER");

            List<String> got = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT event_id, event_type, actor, COALESCE(recipient, ''), "
                    + "CAST(date AS VARCHAR), story_id, status FROM " + source)) {
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= 7; i++) {
                        row.add(rs.getString(i));
                    }
                    got.add(String.join("|", row));
                }
            }
            assertThat(got).isEqualTo(want);

            try (ResultSet rs = s.executeQuery("SELECT mode, place, goldstein, sentence, place_alternatives FROM "
                    + source + " WHERE event_id = 'e1'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("aerial");
                assertThat(rs.getString(2)).isEqualTo("PSE");
                assertThat(rs.getDouble(3)).isEqualTo(-1.25);
                assertThat(rs.getString(4)).isEqualTo("Sentence, \"quoted\", of event 1.");
                assertThat(rs.getInt(5)).isEqualTo(3);
            }
            try (ResultSet rs = s.executeQuery("SELECT mode, place, place_alternatives, title, outlet, url, "
                    + "CAST(published AS VARCHAR) FROM " + source + " WHERE event_id = 'e3'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isNull();
                assertThat(rs.getString(2)).isEqualTo("the front");
                assertThat(rs.getObject(3)).isNull();
                assertThat(Arrays.asList(rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
                        .containsExactly(null, null, null, "2024-01-10");
            }
            try (ResultSet rs = s.executeQuery("SELECT title, outlet, url, published FROM " + source
                    + " WHERE event_id = 'e1'")) {
                assertThat(rs.next()).isTrue();
                assertThat(Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4,
                        LocalDate.class))).containsExactly("Strikes on Gaza", "Example Wire",
                        "https://example.org/gaza", LocalDate.parse("2024-01-04"));
            }
            assertThat(types).containsEntry("title", "VARCHAR").containsEntry("published", "DATE");
        }
    }

    @Test
    void aLimitedFileSaysHowManyOfHowManyAndTextFormatsGoToTheFileToo() throws Exception {
        Path file = dir.resolve("two.parquet");
        StringWriter err = new StringWriter();
        run(err, "--db", db, "--limit", "2", "--format", "parquet", "--output", file.toString());
        assertThat(err.toString()).contains("wrote 2 of 4 events to " + file + " (use --limit 0 for all)");

        Path csv = dir.resolve("events.csv");
        assertThat(run(new StringWriter(), "--db", db, "--format", "csv", "-o", csv.toString())).isEmpty();
        assertThat(Files.readString(csv, StandardCharsets.UTF_8))
                .isEqualTo(run(new StringWriter(), "--db", db, "--format", "csv"));
    }

    /** Every event listing names its document's source, as the JSON answers do: CSV columns and JSON Lines. */
    @Test
    void csvAndJsonLinesCarryTheDocumentsTitleOutletUrlAndDate() throws Exception {
        List<String> csv = run(new StringWriter(), "--db", db, "--format", "csv").lines().toList();
        assertThat(csv.get(0)).endsWith(",sentence,title,outlet,url,published");
        assertThat(csv).filteredOn(l -> l.startsWith("e1,")).singleElement().asString()
                .endsWith(",Strikes on Gaza,Example Wire,https://example.org/gaza,2024-01-04");
        assertThat(csv).filteredOn(l -> l.startsWith("e2,")).singleElement().asString().endsWith(",,,,2024-01-07");
        List<String> jsonl = run(new StringWriter(), "--db", db, "--format", "jsonl").lines().toList();
        JsonNode page = Output.JSON.readTree(run(new StringWriter(), "--db", db, "--format", "json"));
        assertThat(jsonl).hasSize(4);
        for (int i = 0; i < jsonl.size(); i++) {
            assertThat(Output.JSON.readTree(jsonl.get(i))).as("line %d is the JSON page's event", i)
                    .isEqualTo(page.get("events").get(i));
        }
        JsonNode e1 = Output.JSON.readTree(jsonl.get(1)).get("evidence").get(0).get("source");
        assertThat(e1.get("url").asText()).isEqualTo("https://example.org/gaza");
        assertThat(e1.get("outlet").asText()).isEqualTo("Example Wire");
        assertThat(e1.get("published").asText()).isEqualTo("2024-01-04");
        assertThat(EventJson.fromLine(jsonl.get(1)).id()).isEqualTo("e1");
    }

    @Test
    void parquetWithoutAFileIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new EventsCommand());
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute("--db", db, "--format", "parquet")).isEqualTo(2);
        assertThat(err.toString()).contains("--format parquet writes a binary file: give -o FILE");
    }

    private static String run(StringWriter err, String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new EventsCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err, true));
        assertThat(cl.execute(args)).as(err.toString()).isZero();
        return out.toString();
    }
}
