package org.faultline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.faultline.ingest.PublicationDates;
import org.faultline.model.Event;
import org.faultline.query.EventFilter;
import org.faultline.query.StoredEvent;
import org.faultline.store.ContentHash;
import org.faultline.store.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write endpoints read input like the command line and keep the store whole; a fresh store per test. */
class WriteApiTest {
    private static final String TOKEN = "test-token-456";
    private static final String BOUNDARY = "----faultline";

    @TempDir
    Path dir;
    private EventStore store;
    private FaultlineServer server;
    private Http http;

    @BeforeEach
    void start() {
        store = EventStore.open(dir.resolve("w.duckdb").toString());
        server = new FaultlineServer(ServerConfig.defaults("w").withPort(0).withToken(TOKEN), store,
                KeywordCoder::new).start();
        http = new Http(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    private Http.Response upload(String path, String fileName, String content, String... fields) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            form.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"").append(fields[i])
                    .append("\"\r\n\r\n").append(fields[i + 1]).append("\r\n");
        }
        form.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(fileName).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n").append(content)
                .append("\r\n--").append(BOUNDARY).append("--\r\n");
        return http.post(path, "multipart/form-data; boundary=" + BOUNDARY,
                form.toString().getBytes(StandardCharsets.UTF_8), path.equals("/api/ingest") ? TOKEN : null);
    }

    /** The stored events a filter selects, without their stories (a new mention may join one). */
    private List<Event> events(EventFilter filter) {
        return store.queries().events(filter).stream().map(StoredEvent::event).toList();
    }

    private static List<String> texts(JsonNode arr, String field) {
        List<String> out = new ArrayList<>();
        arr.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    @Test
    void frontMatterIsReadNotCodedAndItsDateWins() {
        Http.Response r = upload("/api/code", "war.md", "---\ndate: 2024-11-14\ntitle: War\n---\nMoscow attacked Kyiv.",
                "date", "2024-01-02");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode doc = r.json().path("document");
        assertThat(doc.path("id").asText()).isEqualTo("war");
        assertThat(doc.path("date").asText()).isEqualTo("2024-11-14");
        assertThat(doc.path("title").asText()).isEqualTo("War");
        assertThat(doc.path("text").asText()).isEqualTo("Moscow attacked Kyiv.");
    }

    @Test
    void htmlIsReadAsHtmlNotCodedAsMarkup() {
        Http.Response r = upload("/api/code", "page.html", "<html><head><meta property=\"article:published_time\" "
                + "content=\"2024-03-01T10:00:00Z\"><script>var x = 'Troops attacked Tallinn';</script></head><body>"
                + "<nav>Home</nav><article><p>Moscow attacked Kyiv.</p></article></body></html>");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("document").path("text").asText()).isEqualTo("Moscow attacked Kyiv.");
        assertThat(r.json().path("document").path("date").asText()).isEqualTo("2024-03-01");
        assertThat(r.json().path("events")).hasSize(1);
    }

    @Test
    void jsonLinesUploadIsOneDocumentPerLine() {
        Http.Response r = upload("/api/ingest", "batch.jsonl",
                "{\"id\": \"a\", \"date\": \"2024-05-01\", \"text\": \"Moscow attacked Kyiv.\"}\n"
                        + "{\"id\": \"b\", \"text\": \"Moscow attacked Odesa.\"}\n"
                        + "{\"id\": \"c\", \"date\": \"2024-05-03\", \"text\": \"Moscow attacked Lviv.\"}\n");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().path("stored").asInt()).isEqualTo(2);
        assertThat(r.json().path("failed").asInt()).isEqualTo(1);
        assertThat(texts(r.json().path("documents"), "status")).containsExactly("stored", "failed", "stored");
        assertThat(r.json().path("documents").get(1).path("reason").asText())
                .isEqualTo("no date: give a default date (?date=YYYY-MM-DD or a 'date' form field) or a \"date\" field");
        assertThat(store.queries().documents(0, 0)).extracting(d -> d.docId()).containsExactly("a", "c");
        assertThat(store.queries().failures()).extracting(f -> f.origin()).containsExactly("upload:batch.jsonl:2");
        assertThat(upload("/api/code", "batch.jsonl", "{\"id\": \"a\", \"date\": \"2024-05-01\", \"text\": \"A.\"}\n"
                + "{\"id\": \"b\", \"date\": \"2024-05-01\", \"text\": \"B.\"}\n").status()).isEqualTo(400);
    }

    /** A lone document that cannot be read is recorded like a bad file of the command line; a bad request is not. */
    @Test
    void aLoneUnreadableDocumentIsRecordedAsItsReadFailure() {
        Http.Response undated = http.postJson("/api/ingest", "{\"id\": \"undated\", \"text\": \"Moscow attacked Kyiv.\"}",
                TOKEN);
        assertThat(undated.status()).as(undated.body()).isEqualTo(400);
        Http.Response textless = http.postJson("/api/ingest", "{\"id\": \"textless\", \"date\": \"2024-05-01\"}",
                TOKEN);
        assertThat(textless.status()).as(textless.body()).isEqualTo(400);
        assertThat(textless.json().path("error").asText()).startsWith("no text");
        Http.Response empty = upload("/api/ingest", "empty.txt", "", "date", "2024-05-01");
        assertThat(empty.status()).as(empty.body()).isEqualTo(400);
        Http.Response untitled = http.postText("/api/ingest", "Moscow attacked Kyiv.", TOKEN);
        assertThat(untitled.status()).as(untitled.body()).isEqualTo(400);

        assertThat(store.queries().failures()).hasSize(4).allSatisfy(f -> assertThat(f.stage()).isEqualTo("read"))
                .extracting(f -> f.origin() + " " + f.docId() + ": " + f.reason())
                .contains("api undated: " + undated.json().path("error").asText(),
                        "api textless: " + textless.json().path("error").asText(),
                        "upload:empty.txt empty: is empty");
        assertThat(store.queries().failures()).filteredOn(f -> f.reason().equals(untitled.json().path("error")
                .asText()))
                .hasSize(1);
        assertThat(undated.json().path("error").asText()).startsWith("no date");
        assertThat(http.get("/api/failures").json().path("failures")).hasSize(4);

        // errors of the request itself, a document that /api/code cannot read, and a refused token record nothing
        assertThat(http.postJson("/api/ingest", "{\"text\": ", TOKEN).status()).isEqualTo(400);
        assertThat(http.postJson("/api/ingest", "{\"text\": \"A.\", \"colour\": \"red\"}", TOKEN).status())
                .isEqualTo(400);
        assertThat(http.postJson("/api/code", "{\"id\": \"coded\", \"text\": \"Moscow attacked Kyiv.\"}", null)
                .status()).isEqualTo(400);
        assertThat(http.postJson("/api/ingest", "{\"id\": \"nope\", \"text\": \"Moscow attacked Kyiv.\"}", "wrong-token")
                .status()).isEqualTo(401);
        assertThat(store.queries().failures()).hasSize(4);

        // once it reads, it is stored and its read failure cleared, as on the command line
        assertThat(http.postJson("/api/ingest", "{\"id\": \"undated\", \"date\": \"2024-05-01\", \"text\": "
                + "\"Moscow attacked Kyiv.\"}", TOKEN).status()).isEqualTo(201);
        assertThat(store.queries().failures()).extracting(f -> f.docId()).doesNotContain("undated");
    }

    @Test
    void aMissingDateIsRefusedLikeOnTheCommandLine() {
        Http.Response r = http.postJson("/api/code", "{\"text\": \"Moscow attacked Kyiv.\"}", null);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().path("problems").toString()).contains("no date: give a default date (?date=YYYY-MM-DD or a 'date' form field)");
        assertThat(http.postText("/api/code", "Moscow attacked Kyiv.", null).status()).isEqualTo(400);
        Http.Response dated = http.postText("/api/code", "Date: 2024-11-14\n\nMoscow attacked Kyiv.", null);
        assertThat(dated.status()).as(dated.body()).isEqualTo(200);
        assertThat(dated.json().path("document").path("date").asText()).isEqualTo("2024-11-14");
    }

    @Test
    void implausibleDatesAreRefusedWithAClearError() {
        for (String date : List.of("+99999-01-01", "0000-01-01", "1799-12-31")) {
            Http.Response json = http.postJson("/api/code", "{\"text\": \"Moscow attacked Kyiv.\", \"date\": \"" + date
                    + "\"}", null);
            assertThat(json.status()).as(date + ": " + json.body()).isEqualTo(400);
            Http.Response query = http.postText("/api/ingest?date=" + date, "Moscow attacked Kyiv.", TOKEN);
            assertThat(query.status()).as(date + ": " + query.body()).isEqualTo(400);
            assertThat(List.of(json.body(), query.body())).allSatisfy(b -> assertThat(b).satisfiesAnyOf(
                    x -> assertThat(x).contains("is implausible for a publication: give one from 1800-01-01 to "
                            + PublicationDates.latest()),
                    x -> assertThat(x).contains("is not a date")));
        }
        Http.Response front = upload("/api/code", "old.txt", "---\ndate: 0000-01-01\n---\nMoscow attacked Kyiv.");
        assertThat(front.status()).isEqualTo(400);
        assertThat(front.body()).contains("date 0000-01-01 is implausible");
        assertThat(store.queries().documentCount()).isZero();
    }

    /**
     * Issue 13: an upload reusing a stored id with another text is stored as {@code ID~HASH}, said in the answer's
     * document_id and warnings and in the failures; the first text and its events stay as they were, and the same
     * text again is already stored, under either id. A JSON Lines line reusing the id is versioned alike.
     */
    @Test
    void aReusedIdWithAnotherTextIsStoredUnderItsVersionAndTheFirstTextStays() {
        Http.Response first = http.postJson("/api/ingest", "{\"id\": \"dup\", \"date\": \"2024-05-05\", \"text\": "
                + "\"France attacked Iran over drones.\"}", TOKEN);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().path("document_id").asText()).isEqualTo("dup");
        List<Event> firstEvents = events(EventFilter.all().withDocument("dup"));
        assertThat(firstEvents).hasSize(1);

        String other = "Troops attacked villages near the border.";
        String versioned = "dup~" + ContentHash.of(other).substring(0, 12);
        Http.Response second = http.postJson("/api/ingest", "{\"id\": \"dup\", \"date\": \"2024-05-06\", \"text\": \""
                + other + "\"}", TOKEN);
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(second.json().path("document_id").asText()).isEqualTo(versioned);
        assertThat(second.json().path("stored").asBoolean()).isTrue();
        assertThat(second.json().path("events")).singleElement()
                .satisfies(e -> assertThat(e.path("doc_id").asText()).isEqualTo(versioned));
        assertThat(texts(second.json().path("warnings"), "stage")).containsExactly("document-id");
        assertThat(second.json().path("warnings").get(0).path("reason").asText()).isEqualTo("document id 'dup' names "
                + "another text stored before (from " + store.queries().document("dup").orElseThrow().origin()
                + "); this text is stored as '" + versioned + "'");

        assertThat(http.get("/api/documents/dup").json().toString()).contains("France attacked Iran over drones.")
                .doesNotContain("Troops");
        assertThat(http.get("/api/documents/" + versioned).json().toString()).contains(other);
        assertThat(events(EventFilter.all().withDocument("dup"))).isEqualTo(firstEvents);
        assertThat(store.queries().events(EventFilter.all().withDocument(versioned))).hasSize(1);
        assertThat(store.queries().failures()).singleElement().satisfies(f -> {
            assertThat(f.docId()).isEqualTo(versioned);
            assertThat(f.stage()).isEqualTo("document-id");
        });

        for (String text : List.of("France attacked Iran over drones.", other)) {
            Http.Response again = http.postJson("/api/ingest", "{\"id\": \"dup\", \"date\": \"2024-05-05\", "
                    + "\"text\": \"" + text + "\"}", TOKEN);
            assertThat(again.status()).as(again.body()).isEqualTo(200);
            assertThat(again.json().path("stored").asBoolean()).isFalse();
            assertThat(again.json().path("document_id").asText()).isEqualTo(text.equals(other) ? versioned : "dup");
        }
        assertThat(store.queries().documentCount()).isEqualTo(2);

        String third = "Rebels attacked a convoy at dawn.";
        Http.Response batch = upload("/api/ingest", "more.jsonl", "{\"id\": \"dup\", \"date\": \"2024-05-07\", "
                + "\"text\": \"" + third + "\"}\n{\"id\": \"fresh\", \"date\": \"2024-05-07\", \"text\": \"Minsk attacked "
                + "Warsaw.\"}\n");
        assertThat(batch.status()).as(batch.body()).isEqualTo(201);
        assertThat(texts(batch.json().path("documents"), "document_id"))
                .containsExactly("dup~" + ContentHash.of(third).substring(0, 12), "fresh");
        assertThat(texts(batch.json().path("documents"), "status")).containsExactly("stored", "stored");
        assertThat(store.queries().documentCount()).isEqualTo(4);

        // texts without an id are named by their hash, so two of them never collide
        assertThat(http.postText("/api/ingest?date=2024-05-07", "Minsk attacked Vilnius.", TOKEN).status()).isEqualTo(201);
        assertThat(http.postText("/api/ingest?date=2024-05-07", "Minsk attacked Riga.", TOKEN).status()).isEqualTo(201);
    }

    @Test
    void aDocumentTheStoreRefusesIsRecordedAndTheServerGoesOn() {
        Http.Response twin = http.postJson("/api/ingest", "{\"id\": \"twin\", \"date\": \"2024-05-05\", \"text\": "
                + "\"Moscow attacked Kyiv. TWIN\"}", TOKEN);
        assertThat(twin.status()).as(twin.body()).isEqualTo(500);
        assertThat(twin.body()).doesNotContain("Constraint", "SQL");
        assertThat(store.queries().documentCount()).isZero();
        assertThat(store.queries().failures()).singleElement().satisfies(f -> {
            assertThat(f.docId()).isEqualTo("twin");
            assertThat(f.stage()).isEqualTo("store");
        });
        assertThat(http.postJson("/api/ingest", "{\"id\": \"next\", \"date\": \"2024-05-05\", \"text\": "
                + "\"Moscow attacked Odesa.\"}", TOKEN).status()).isEqualTo(201);
        assertThat(store.queries().documentCount()).isEqualTo(1);
    }

    @Test
    void warningsAreStoredAndReturnedWithoutFailingTheDocument() {
        Http.Response r = http.postJson("/api/ingest", "{\"id\": \"w\", \"date\": \"2024-05-05\", \"text\": "
                + "\"Moscow attacked Kyiv. LONG\"}", TOKEN);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().path("warnings").get(0).path("stage").asText()).isEqualTo("parse-sentence");
        JsonNode failures = http.get("/api/failures").json().path("failures");
        assertThat(texts(failures, "stage")).containsExactly("parse-sentence");
        assertThat(texts(failures, "doc_id")).containsExactly("w");

        Http.Response coded = http.postJson("/api/code", "{\"date\": \"2024-05-05\", \"text\": \"Moscow attacked Kyiv. "
                + "LONG\"}", null);
        assertThat(coded.json().path("warnings")).hasSize(1);
        assertThat(coded.json().path("failure").isNull()).isTrue();
    }
}
