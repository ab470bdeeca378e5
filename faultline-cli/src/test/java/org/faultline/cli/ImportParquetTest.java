package org.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.faultline.model.ActorRef;
import org.faultline.model.Article;
import org.faultline.model.DatePrecision;
import org.faultline.model.Event;
import org.faultline.model.EventJson;
import org.faultline.model.EventType;
import org.faultline.model.Evidence;
import org.faultline.model.Failure;
import org.faultline.model.Modality;
import org.faultline.query.EventFilter;
import org.faultline.query.StoredDocument;
import org.faultline.query.StoredEvent;
import org.faultline.store.EventStore;
import org.faultline.store.ParquetWriter.Column;
import org.faultline.store.ParquetWriter.Type;
import org.faultline.store.ParquetWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import-parquet} on an output folder laid out as the Spark job writes it (documents, month-partitioned
 * events, failures), written here without Spark: documents are stored with their text, title and URL, so the
 * evidence spans of the imported events point into stored text; a document whose id the store holds with another
 * text is refused with its events; importing twice stores nothing new.
 */
class ImportParquetTest {
    @TempDir
    Path dir;

    private static final String TEXT_A = "Kyiv, 5 March. France sent aid to Ukraine on Tuesday. Talks went on.";
    private static final String TEXT_B = "Moscow. Russia shelled Kharkiv. 🙂 Officials then met in Geneva.";
    private static final String TEXT_TAKEN = "A different text coded under an id the store already holds.";

    /** An event whose evidence is the sentence of {@code text} that contains {@code trigger}. */
    private static Event event(String id, String doc, String text, String trigger, EventType type, String actor,
                               String recipient) {
        int t = text.indexOf(trigger);
        int start = text.lastIndexOf('.', t) + 2;
        int end = text.indexOf('.', t) + 1;
        return new Event(id, doc, type, null, List.of(), "043", type.quadClass(), 1.0,
                List.of(new ActorRef(actor, actor, null, actor, "country:" + actor, 0, 3)),
                List.of(new ActorRef(recipient, recipient, null, recipient, "country:" + recipient, 0, 3)),
                LocalDate.parse("2024-03-05"), DatePrecision.DAY, null, null, false, Modality.ASSERTED, null, 0.9,
                List.of(new Evidence(doc, 1, start, end, text.substring(start, end), trigger, t,
                        t + trigger.length())), "rule", "test");
    }

    @Test
    void documentsComeWithTheirEventsSoThatSpansPointIntoStoredText() throws Exception {
        String db = dir.resolve("store.duckdb").toString();
        try (EventStore s = EventStore.open(db)) {
            s.writer().storeCoded(new Article("taken", LocalDate.parse("2024-01-01"), "The text stored first.", null,
                    null, null, "earlier/taken.txt"), List.of());
        }
        List<Event> events = List.of(
                event("ea", "a", TEXT_A, "sent", EventType.AID, "FRA", "UKR"),
                event("eb1", "b", TEXT_B, "shelled", EventType.ASSAULT, "RUS", "UKR"),
                event("eb2", "b", TEXT_B, "met", EventType.CONSULT, "RUS", "UKR"),
                event("et", "taken", TEXT_TAKEN, "coded", EventType.AID, "USA", "ISR"));
        Path out = sparkOutput(events, List.of(
                new Article("a", LocalDate.parse("2024-03-05"), TEXT_A, "France sends aid", "Wire",
                        "https://example.org/a", "in/news.jsonl"),
                new Article("b", LocalDate.parse("2024-03-06"), TEXT_B, null, null, null, "in/news.jsonl"),
                new Article("taken", LocalDate.parse("2024-03-06"), TEXT_TAKEN, null, null, null, "in/news.jsonl")),
                List.of(new Failure("in/news.jsonl", "no-date", "read", "no date")));

        CliRun.Run first = CliRun.run("import-parquet", out.toString(), "--db", db);
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.err()).contains("imported 2 documents (0 already stored; 1 refused: their id names another "
                + "stored text), 3 events (0 already stored; 1 of refused documents left out) and 1 failures");

        try (EventStore s = EventStore.openExisting(db)) {
            StoredDocument a = s.queries().document("a").orElseThrow();
            assertThat(Arrays.asList(a.text(), a.title(), a.source(), a.url(), a.origin(), a.date().toString(),
                    a.eventCount())).containsExactly(TEXT_A, "France sends aid", "Wire", "https://example.org/a",
                    "in/news.jsonl", "2024-03-05", 1);
            assertThat(s.queries().document("taken").orElseThrow().text()).isEqualTo("The text stored first.");
            List<StoredEvent> stored = s.queries().events(EventFilter.all().withPage(0, 0));
            assertThat(stored).extracting(e -> e.event().id()).containsExactlyInAnyOrder("ea", "eb1", "eb2");
            for (StoredEvent e : stored) {
                String text = s.queries().document(e.event().docId()).orElseThrow().text();
                for (Evidence ev : e.event().evidence()) {
                    assertThat(text.substring(ev.start(), ev.end())).isEqualTo(ev.text());
                    assertThat(text.substring(ev.triggerStart(), ev.triggerEnd())).isEqualTo(ev.trigger());
                }
            }
            assertThat(s.queries().failures()).extracting(f -> f.docId() + "|" + f.stage())
                    .containsExactlyInAnyOrder("no-date|read", "taken|store");
            assertThat(s.queries().failures()).filteredOn(f -> "taken".equals(f.docId())).singleElement()
                    .satisfies(f -> assertThat(f.reason()).contains("different text", "earlier/taken.txt"));
        }

        CliRun.Run again = CliRun.run("import-parquet", out.toString(), "--db", db);
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.err()).contains("imported 0 documents (2 already stored; 1 refused",
                "0 events (3 already stored; 1 of refused documents left out)");
        try (EventStore s = EventStore.openExisting(db)) {
            assertThat(s.queries().documentCount()).isEqualTo(3);
            assertThat(s.queries().eventCount()).isEqualTo(3);
        }
    }

    @Test
    void outputWithoutDocumentsLoadsItsEventsAlone() throws Exception {
        String db = dir.resolve("events-only.duckdb").toString();
        Path out = sparkOutput(List.of(event("ea", "a", TEXT_A, "sent", EventType.AID, "FRA", "UKR")), List.of(),
                List.of());
        CliRun.Run run = CliRun.run("import-parquet", out.toString(), "--db", db);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("imported 0 documents (0 already stored), 1 events (0 already stored)");
        try (EventStore s = EventStore.openExisting(db)) {
            assertThat(s.queries().eventCount()).isEqualTo(1);
            assertThat(s.queries().documentCount()).isZero();
        }
    }

    /**
     * A folder as the Spark CodingJob writes it: {@code documents/} (when there are any), {@code events/} by month
     * (each row the event's JSON fields, as the job's schema) and {@code failures/}.
     */
    private Path sparkOutput(List<Event> events, List<Article> documents, List<Failure> failures) throws Exception {
        Path out = Files.createTempDirectory(dir, "spark-out");
        if (!documents.isEmpty()) {
            Files.createDirectories(out.resolve("documents"));
            List<List<Object>> rows = new ArrayList<>();
            for (Article a : documents) {
                int n = (int) events.stream().filter(e -> e.docId().equals(a.id())).count();
                rows.add(Arrays.asList(a.id(), a.date(), a.title(), a.source(), a.url(), a.origin(), a.text(), n));
            }
            ParquetWriter.write(out.resolve("documents/part-00000.parquet"), List.of(new Column("id", Type.VARCHAR),
                    new Column("date", Type.DATE), new Column("title", Type.VARCHAR),
                    new Column("source", Type.VARCHAR), new Column("url", Type.VARCHAR),
                    new Column("origin", Type.VARCHAR), new Column("text", Type.VARCHAR),
                    new Column("event_count", Type.INTEGER)), rows.iterator());
        }
        Path jsonl = dir.resolve("events-" + out.getFileName() + ".jsonl");
        Files.write(jsonl, events.stream().map(EventJson::toLine).toList(), StandardCharsets.UTF_8);
        Path month = Files.createDirectories(out.resolve("events/event_month=2024-03"));
        Files.createDirectories(out.resolve("failures"));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT * FROM read_json('" + jsonl + "', format = 'newline_delimited')) TO '"
                    + month.resolve("part-00000.parquet") + "' (FORMAT PARQUET)");
            s.execute("CREATE TABLE failures (origin VARCHAR, doc_id VARCHAR, stage VARCHAR, reason VARCHAR)");
            for (Failure f : failures) {
                s.execute("INSERT INTO failures VALUES ('" + f.origin() + "', '" + f.docId() + "', '" + f.stage()
                        + "', '" + f.reason() + "')");
            }
            s.execute("COPY failures TO '" + out.resolve("failures/part-00000.parquet") + "' (FORMAT PARQUET)");
        }
        return out;
    }
}
