package org.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.faultline.ingest.ArticleReaders;
import org.faultline.ingest.ReadOptions;
import org.faultline.model.Event;
import org.faultline.model.Evidence;
import org.faultline.model.Failure;
import org.faultline.query.EventFilter;
import org.faultline.query.StoredEvent;
import org.faultline.store.ContentHash;
import org.faultline.store.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingest batch on a real DuckDB store and real files, with a stand-in coder instead of the NLP models. */
class DocumentIngestTest {
    private static final ReadOptions DATED = ReadOptions.defaults().withDefaultDate(LocalDate.parse("2024-05-05"));

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private DocumentIngest.Totals ingest(EventStore store, Path... inputs) {
        CodingBatch batch = new CodingBatch(new StandInCoder(), 2, new PrintWriter(err, true));
        Stream<String> paths = Stream.of(inputs).map(Path::toString);
        return new DocumentIngest(store.writer(), batch).run(ArticleReaders.read(paths.toList(), DATED));
    }

    @Test
    void aDocumentTheStoreRefusesInTheMiddleOfAFolderIsItsFailureAndTheBatchGoesOn() throws IOException {
        Path folder = write("news/a.txt", "Moscow attacked Kyiv.").getParent();
        write("news/b.txt", "Moscow attacked Odesa. TWIN");
        write("news/c.txt", "Moscow attacked Lviv.");
        try (EventStore store = EventStore.open(dir.resolve("s.duckdb").toString())) {
            DocumentIngest.Totals t = ingest(store, folder);

            assertThat(t.stored()).isEqualTo(2);
            assertThat(t.batch().documents()).isEqualTo(3);
            assertThat(t.batch().failed()).isEqualTo(1);
            assertThat(t.batch().events()).isEqualTo(2);
            assertThat(store.queries().documents(0, 0)).extracting(d -> d.docId()).containsExactly("a", "c");
            assertThat(store.queries().events(EventFilter.all())).extracting(e -> e.event().docId())
                    .containsExactly("a", "c");
            assertThat(store.queries().failures()).singleElement().satisfies(f -> {
                assertThat(f.origin()).isEqualTo(folder.resolve("b.txt").toString());
                assertThat(f.docId()).isEqualTo("b");
                assertThat(f.stage()).isEqualTo("store");
                assertThat(f.reason()).startsWith("could not be stored: cannot store document b");
            });
            assertThat(err.toString()).contains("error: " + folder.resolve("b.txt") + ": could not be stored");
        }
    }

    /**
     * Issue 13: {@code a/article.txt} and, in a later run, {@code b/article.txt} with another text. Both are stored:
     * the second as {@code article~HASH} with a warning saying why, the first and its events as they were; each
     * document's events point into its own text; running either folder again stores nothing.
     */
    @Test
    void aReusedIdWithAnotherTextInALaterRunIsStoredUnderItsVersionBesideTheFirst() throws IOException {
        Path first = write("a/article.txt", "France attacked Iran over drones.");
        Path second = write("b/article.txt", "Troops attacked a village on Monday near the border.");
        String versioned = "article~" + ContentHash.of(Files.readString(second)).substring(0, 12);
        String db = dir.resolve("s.duckdb").toString();
        Failure warning = new Failure(second.toString(), versioned, "document-id", "document id 'article' names "
                + "another text stored before (from " + first + "); this text is stored as '" + versioned + "'");
        try (EventStore store = EventStore.open(db)) {
            assertThat(ingest(store, first.getParent()).stored()).isEqualTo(1);
            List<Event> before = store.queries().events(EventFilter.all()).stream().map(StoredEvent::event).toList();
            assertThat(before).singleElement().satisfies(e -> assertThat(e.docId()).isEqualTo("article"));

            DocumentIngest.Totals t = ingest(store, second.getParent());
            assertThat(List.of(t.stored(), t.versioned(), t.alreadyStored(), t.batch().failed()))
                    .isEqualTo(List.of(1, 1, 0, 0));
            assertThat(store.queries().document("article").orElseThrow().text())
                    .isEqualTo("France attacked Iran over drones.");
            assertThat(store.queries().document(versioned).orElseThrow().text())
                    .isEqualTo("Troops attacked a village on Monday near the border.");
            assertThat(store.queries().events(EventFilter.all().withDocument("article"))).extracting(StoredEvent::event)
                    .isEqualTo(before);
            for (String id : List.of("article", versioned)) {
                String text = store.queries().document(id).orElseThrow().text();
                assertThat(store.queries().events(EventFilter.all().withDocument(id))).singleElement().satisfies(e -> {
                    Evidence ev = e.event().evidence().get(0);
                    assertThat(ev.docId()).isEqualTo(id);
                    assertThat(text.substring(ev.triggerStart(), ev.triggerEnd())).isEqualTo("attacked");
                });
            }
            assertThat(store.queries().failures()).containsExactly(warning);

            DocumentIngest.Totals again = ingest(store, first.getParent(), second.getParent());
            assertThat(List.of(again.stored(), again.alreadyStored(), again.batch().failed()))
                    .isEqualTo(List.of(0, 2, 0));
            assertThat(store.queries().documentCount()).isEqualTo(2);
            assertThat(store.queries().eventCount()).isEqualTo(2);
            assertThat(store.queries().failures()).containsExactly(warning);
        }
        CliRun.Run listed = CliRun.run("failures", "--db", db, "--format", "csv");
        assertThat(listed.exit()).isZero();
        assertThat(listed.out()).contains("document-id", versioned, "names another text stored before");
    }

    /**
     * Two lines of one JSON Lines file with one id and two texts are coded side by side, both before either is
     * stored: the second finds the id taken when it is stored, and is placed and coded again under its version.
     */
    @Test
    void aReusedIdTakenWhileTheDocumentWasCodedIsPlacedAndCodedAgain() throws IOException {
        Path lines = write("dup.jsonl", "{\"id\": \"dup\", \"date\": \"2024-05-05\", \"text\": \"Moscow attacked Kyiv.\"}\n"
                + "{\"id\": \"dup\", \"date\": \"2024-05-06\", \"text\": \"Later Moscow attacked Odesa.\"}\n");
        String versioned = "dup~" + ContentHash.of("Later Moscow attacked Odesa.").substring(0, 12);
        try (EventStore store = EventStore.open(dir.resolve("j.duckdb").toString())) {
            DocumentIngest.Totals t = ingest(store, lines);
            assertThat(List.of(t.stored(), t.versioned(), t.batch().failed())).isEqualTo(List.of(2, 1, 0));
            assertThat(store.queries().document("dup").orElseThrow().text()).isEqualTo("Moscow attacked Kyiv.");
            assertThat(store.queries().document(versioned).orElseThrow().text())
                    .isEqualTo("Later Moscow attacked Odesa.");
            assertThat(store.queries().events(EventFilter.all().withDocument(versioned))).singleElement()
                    .satisfies(e -> assertThat(e.event().id()).startsWith(versioned + "-"));
            assertThat(store.queries().failures()).extracting(Failure::stage, Failure::docId)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("document-id", versioned));
        }
    }

    @Test
    void twoFilesOfOneNameInOneRunAreBothStoredUnderTheirOwnIds() throws IOException {
        Path first = write("a/article.txt", "France attacked Iran over drones.");
        Path second = write("b/article.txt", "Troops attacked a village on Monday near the border.");
        try (EventStore store = EventStore.open(dir.resolve("s.duckdb").toString())) {
            assertThat(ingest(store, first, second).stored()).isEqualTo(2);
            assertThat(store.queries().document("article").orElseThrow().text())
                    .isEqualTo("France attacked Iran over drones.");
            assertThat(store.queries().document(dir.resolve("b/article").toString()).orElseThrow().text())
                    .isEqualTo("Troops attacked a village on Monday near the border.");
        }
    }

    @Test
    void warningsAreStoredAsFailureRowsWithoutFailingTheDocument() throws IOException {
        Path file = write("w.txt", "Moscow attacked Kyiv. LONG");
        String db = dir.resolve("w.duckdb").toString();
        try (EventStore store = EventStore.open(db)) {
            DocumentIngest.Totals t = ingest(store, file);
            assertThat(t.stored()).isEqualTo(1);
            assertThat(t.batch().failed()).isZero();
            assertThat(t.batch().warnings()).isEqualTo(1);
            assertThat(store.queries().failures()).containsExactly(new Failure(file.toString(), "w", "parse-sentence",
                    "a sentence at character 22 has over 120 tokens and was not parsed"));
        }
        CliRun.Run listed = CliRun.run("failures", "--db", db);
        assertThat(listed.exit()).isZero();
        assertThat(listed.out()).contains("parse-sentence", "over 120 tokens");
    }

    @Test
    void theCodeCommandsBatchPrintsWarnings() throws IOException {
        Path file = write("w.txt", "Moscow attacked Kyiv. LONG");
        CodingBatch batch = new CodingBatch(new StandInCoder(), 1, new PrintWriter(err, true)).printingWarnings();
        CodingBatch.Summary sum = batch.run(ArticleReaders.read(List.of(file.toString()), DATED), item -> null);
        assertThat(sum.failed()).isZero();
        assertThat(sum.warnings()).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("warning: " + file + ": a sentence at character 22 has over 120 tokens "
                + "and was not parsed (document w)" + System.lineSeparator());
    }

    @Test
    void anImplausibleDateOptionIsAUsageErrorBeforeTheModelsLoad() throws IOException {
        Path file = write("d.txt", "Moscow attacked Kyiv.");
        for (String date : List.of("0000-01-01", "+99999-01-01")) {
            for (String command : List.of("code", "ingest")) {
                CliRun.Run r = command.equals("code") ? CliRun.run(command, "--date", date, file.toString())
                        : CliRun.run(command, "--date", date, "--db", dir.resolve("u.duckdb").toString(), file.toString());
                assertThat(r.exit()).as(command + " " + date + ": " + r.err()).isEqualTo(2);
                assertThat(r.err()).contains("--date: date " + LocalDate.parse(date) + " is implausible")
                        .doesNotContain("loading NLP models");
            }
        }
    }
}
