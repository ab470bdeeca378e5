package org.faultline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.faultline.store.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API against a real server on a random port over a real DuckDB file holding {@link SampleWorld}. */
class ApiTest {
    static final String TOKEN = "test-token-123";

    @TempDir
    static Path dir;
    static FaultlineServer server;
    static Http http;
    static int stored;

    @BeforeAll
    static void start() {
        String url = dir.resolve("world.duckdb").toString();
        EventStore store = EventStore.open(url);
        stored = SampleWorld.fill(store);
        server = new FaultlineServer(ServerConfig.defaults(url).withPort(0).withToken(TOKEN).withMaxBodyBytes(64 * 1024),
                store, KeywordCoder::new).start();
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode ok(String path) {
        Http.Response r = http.get(path);
        assertThat(r.status()).as(path + " -> " + r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        return r.json();
    }

    private static List<String> texts(JsonNode arr, String field) {
        List<String> out = new ArrayList<>();
        arr.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    @Test
    void bindsToLoopbackByDefault() {
        assertThat(ServerConfig.defaults("x").host()).isEqualTo("127.0.0.1");
        assertThat(server.address()).isEqualTo("http://127.0.0.1:" + server.port() + "/");
    }

    @Test
    void summaryCountsTheStore() {
        JsonNode s = ok("/api/summary");
        assertThat(s.path("documents").asInt()).isEqualTo(SampleWorld.docs().size());
        assertThat(s.path("events").asInt()).isEqualTo(stored);
        assertThat(s.path("first_date").asText()).isEqualTo("2022-02-24");
        assertThat(s.path("last_date").asText()).isEqualTo("2024-11-01");
    }

    @Test
    void eventsPageAndFilter() {
        JsonNode all = ok("/api/events?limit=3&offset=0");
        assertThat(all.path("total").asInt()).isEqualTo(stored);
        assertThat(all.path("events")).hasSize(3);
        JsonNode second = ok("/api/events?limit=3&offset=3");
        assertThat(texts(second.path("events"), "id")).doesNotContainAnyElementsOf(texts(all.path("events"), "id"));

        JsonNode rusActs = ok("/api/events?actor=RUS&type=ASSAULT");
        assertThat(texts(rusActs.path("events"), "event_type")).containsOnly("ASSAULT");
        assertThat(rusActs.path("total").asInt()).isEqualTo(3);

        JsonNode quad = ok("/api/events?quad=1,2&from=2024-01-01&to=2024-12-31");
        assertThat(texts(quad.path("events"), "id")).containsExactlyInAnyOrder("d3-treaty-0", "d3-treaty-1",
                "d4-refusal-0");
        JsonNode q = ok("/api/events?q=drones");
        assertThat(texts(q.path("events"), "id")).containsExactly("d3-treaty-1");
        JsonNode pair = ok("/api/events?pair=ISR,IRN");
        assertThat(pair.path("total").asInt()).isEqualTo(2);
        JsonNode refused = ok("/api/events?status=refused");
        assertThat(texts(refused.path("events"), "modality")).containsExactly("refused");
    }

    @Test
    void oneEventAndUnknownIds() {
        JsonNode e = ok("/api/events/d1-invasion-0");
        assertThat(e.path("event_type").asText()).isEqualTo("ASSAULT");
        assertThat(e.path("evidence").get(0).path("trigger").asText()).isEqualTo("attacked");
        assertThat(e.path("story_id").asText()).isNotEmpty();

        Http.Response missing = http.get("/api/events/nope");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("error").asText()).contains("nope");
        assertThat(http.get("/api/documents/nope").status()).isEqualTo(404);
        Http.Response noRoute = http.get("/api/nothing-here");
        assertThat(noRoute.status()).isEqualTo(404);
        assertThat(noRoute.json().path("error").asText()).contains("/api/nothing-here");
    }

    @Test
    void badParametersListEveryProblem() {
        Http.Response r = http.get("/api/events?limit=-4&from=yesterday&type=HUG&quad=7&actor=RUS:&bogus=1");
        assertThat(r.status()).isEqualTo(400);
        JsonNode problems = r.json().path("problems");
        assertThat(problems).hasSize(6);
        String all = problems.toString();
        assertThat(all).contains("bogus", "limit", "yesterday", "HUG", "quad", "RUS:");
        assertThat(r.json().path("error").asText()).startsWith("6 problems");

        Http.Response dyad = http.get("/api/dyad?a=RUS&by=fortnight");
        assertThat(dyad.status()).isEqualTo(400);
        assertThat(dyad.json().path("problems").toString()).contains("'b' is missing", "fortnight");
        assertThat(http.get("/api/network?from=2024-05-01&to=2024-01-01").status()).isEqualTo(400);
        assertThat(http.get("/api/novel").status()).isEqualTo(400);
    }

    @Test
    void documentsAndTheirEvents() {
        JsonNode list = ok("/api/documents?limit=2");
        assertThat(list.path("total").asInt()).isEqualTo(SampleWorld.docs().size());
        assertThat(texts(list.path("documents"), "id")).containsExactly(SampleWorld.XSS_DOC, "d5-iran");

        JsonNode doc = ok("/api/documents/d3-treaty");
        assertThat(doc.path("date").asText()).isEqualTo("2024-06-19");
        assertThat(doc.path("date_source").asText()).isEqualTo("publication");
        assertThat(doc.path("title").asText()).isEqualTo("Title of d3-treaty");
        String text = doc.path("text").asText();
        assertThat(doc.path("events")).hasSize(2);
        for (JsonNode e : doc.path("events")) {
            for (JsonNode ev : e.path("evidence")) {
                assertThat(text.substring(ev.path("trigger_start").asInt(), ev.path("trigger_end").asInt()))
                        .isEqualTo(ev.path("trigger").asText());
            }
            for (JsonNode a : e.path("actor")) {
                assertThat(text.substring(a.path("start").asInt(), a.path("end").asInt())).isEqualTo(a.path("text")
                        .asText());
            }
        }
    }

    @Test
    void dyadSeriesByMonth() {
        JsonNode d = ok("/api/dyad?a=RUS&b=UKR&by=month");
        List<String> months = texts(d.path("rows"), "start");
        assertThat(months).containsExactly("2022-02-01", "2024-10-01", "2024-11-01");
        JsonNode first = d.path("rows").get(0);
        assertThat(first.path("by_quad").toString()).isEqualTo("[0,0,0,1]");
        assertThat(first.path("evidence").get(0).path("id").asText()).isEqualTo("d1-invasion-0");
    }

    @Test
    void networkWithFilters() {
        JsonNode n = ok("/api/network");
        assertThat(texts(n.path("nodes"), "id")).contains("RUS", "UKR", "USA", "PRK", "IRN", "ISR", "DEU");
        JsonNode rusUkr = null;
        for (JsonNode e : n.path("edges")) {
            if (e.path("source").asText().equals("RUS") && e.path("target").asText().equals("UKR")) {
                rusUkr = e;
            }
        }
        assertThat(rusUkr).isNotNull();
        assertThat(rusUkr.path("conflict").asInt()).isEqualTo(3);
        assertThat(rusUkr.path("net").asInt()).isEqualTo(-3);
        for (JsonNode node : n.path("nodes")) {
            assertThat(node.path("bloc").isInt()).as(node.toString()).isTrue();
        }

        JsonNode y2024 = ok("/api/network?from=2024-01-01&to=2024-12-31&min_events=1");
        assertThat(texts(y2024.path("nodes"), "id")).doesNotContain("USA", "DEU");
        JsonNode aid = ok("/api/network?type=AID");
        assertThat(texts(aid.path("edges"), "source")).containsOnly("USA", "DEU", "IRN");
        JsonNode mil = ok("/api/network?sector=MIL&level=sector");
        // Actors named without a sector (UKR, attacked by RUS:MIL) are partners of the sector, not errors.
        assertThat(texts(mil.path("nodes"), "id")).contains("RUS:MIL", "USA:MIL", "UKR").doesNotContain("DEU");
        JsonNode milCountry = ok("/api/network?sector=MIL");
        assertThat(texts(milCountry.path("nodes"), "id")).contains("RUS", "IRN").doesNotContain("DEU");
    }

    @Test
    void blocsBridgesFaultlinesNovelFailures() {
        JsonNode b = ok("/api/blocs");
        assertThat(b.path("blocs").size()).isPositive();
        assertThat(b.has("modularity")).isTrue();
        assertThat(ok("/api/bridges?theatre=RUS-UKR&theatre=ISR-IRN&min_events=1").has("bridges")).isTrue();

        JsonNode f = ok("/api/faultlines?a=ISR&b=UKR");
        assertThat(f.path("divergences").toString()).contains("a_refuses_b");
        JsonNode novel = ok("/api/novel?since=2024-01-01");
        assertThat(texts(novel.path("novel"), "source")).contains("IRN", "ISR");
        JsonNode failures = ok("/api/failures");
        assertThat(failures.path("failures").isArray()).isTrue();
        assertThat(ok("/api/actors").path("actors").isArray()).isTrue();
    }

    /** The network downloads as GraphML and GEXF with the same nodes and edges as its JSON answer. */
    @Test
    void networkDownloadsAsGraphMlAndGexf() throws Exception {
        JsonNode json = ok("/api/network?from=2022-01-01&type=AID,ASSAULT");
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        for (String format : new String[] {"graphml", "gexf"}) {
            Http.Response r = http.get("/api/network?from=2022-01-01&type=AID,ASSAULT&format=" + format);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.contentType()).startsWith("application/" + format + "+xml");
            org.w3c.dom.Document x = f.newDocumentBuilder().parse(new org.xml.sax.InputSource(
                    new java.io.StringReader(r.body())));
            assertThat(x.getElementsByTagNameNS("*", "node").getLength()).as(format)
                    .isEqualTo(json.path("nodes").size());
            assertThat(x.getElementsByTagNameNS("*", "edge").getLength()).as(format)
                    .isEqualTo(json.path("edges").size());
            assertThat(r.body()).contains("UKR", "cooperation", "conflict");
        }
        Http.Response bad = http.get("/api/network?format=csv");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("expected json, graphml or gexf");
    }

    @Test
    void openApiDescribesEveryEndpoint() {
        JsonNode api = ok("/openapi.json");
        assertThat(api.path("openapi").asText()).startsWith("3.");
        List<String> paths = new ArrayList<>();
        api.path("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).contains("/api/documents", "/api/documents/{id}", "/api/events", "/api/events/{id}",
                "/api/dyad", "/api/network", "/api/blocs", "/api/bridges", "/api/faultlines", "/api/novel",
                "/api/failures", "/api/code", "/api/ingest", "/api/summary", "/api/actors", "/api/watch", "/api/alerts",
                "/api/alerts/stream", "/api/brief", "/api/map");
    }

    @Test
    void briefIsAFileAndItsParametersAreChecked() {
        Http.Response md = http.get("/api/brief?parties=WEST,ISR,UKR&by=year&format=md");
        assertThat(md.status()).isEqualTo(200);
        assertThat(md.contentType()).startsWith("text/markdown");
        assertThat(md.body()).startsWith("# Where the interests of WEST, ISR and UKR meet and part")
                .contains("| WEST | AUS, CAN, DEU").contains("/#/documents/");
        Http.Response bad = http.get("/api/brief?parties=WEST,USA&by=month&format=pdf");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("parameter 'by' is 'month'; expected quarter or year")
                .contains("parameter 'format' is 'pdf'; expected html or md");
        assertThat(http.get("/api/brief?parties=WEST,USA").body()).contains("USA is a member of WEST");
        assertThat(http.get("/api/brief?parties=ISR").body()).contains("at least two parties");
        assertThat(http.get("/api/brief").body()).contains("parameter 'parties' is missing");
    }

    /**
     * The served description holds together structurally: every operation has an operationId, unique; nothing sits
     * beside a $ref (OpenAPI 3.0 ignores it, so "nullable" there was lost); every $ref resolves; the fields that
     * can be null say so.
     */
    @Test
    void openApiIsStructurallySound() {
        JsonNode api = ok("/openapi.json");
        List<String> ids = new ArrayList<>();
        api.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            assertThat(op.getValue().path("operationId").asText()).as(op.getKey() + " " + path.getKey()).isNotEmpty();
            ids.add(op.getValue().path("operationId").asText());
        }));
        assertThat(ids).hasSize(20).doesNotHaveDuplicates();
        List<String> problems = new ArrayList<>();
        checkRefs(api, api, "#", problems);
        assertThat(problems).isEmpty();
        JsonNode failure = api.at("/paths/~1api~1code/post/responses/200/content/application~1json/schema/properties"
                + "/failure");
        assertThat(failure.path("nullable").asBoolean()).isTrue();
        assertThat(failure.path("allOf").get(0).path("$ref").asText()).isEqualTo("#/components/schemas/Failure");
        assertThat(api.at("/components/schemas/Event/properties/attribution/properties/text/nullable").asBoolean())
                .isTrue();
    }

    private static void checkRefs(JsonNode root, JsonNode node, String where, List<String> problems) {
        if (node.isObject()) {
            if (node.has("$ref")) {
                if (node.size() > 1) {
                    List<String> keys = new ArrayList<>();
                    node.fieldNames().forEachRemaining(keys::add);
                    problems.add(where + ": keys beside $ref " + keys);
                }
                String ref = node.path("$ref").asText();
                if (!ref.startsWith("#/") || root.at(ref.substring(1)).isMissingNode()) {
                    problems.add(where + ": $ref " + ref + " does not resolve");
                }
            }
            node.fields().forEachRemaining(f -> checkRefs(root, f.getValue(), where + "/" + f.getKey(), problems));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkRefs(root, node.get(i), where + "/" + i, problems);
            }
        }
    }

    @Test
    void codeAcceptsJsonFileUploadAndTextField() {
        Http.Response json = http.postJson("/api/code", "{\"text\": \"Moscow attacked Kyiv.\", \"date\": "
                + "\"2024-06-19\"}", null);
        assertThat(json.status()).as(json.body()).isEqualTo(200);
        assertThat(json.json().path("events").get(0).path("event_type").asText()).isEqualTo("ASSAULT");
        assertThat(json.json().path("document").path("date").asText()).isEqualTo("2024-06-19");

        String boundary = "----faultline";
        String form = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"date\"\r\n\r\n2024-01-02\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"war.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nMoscow attacked Kyiv again.\r\n--" + boundary + "--\r\n";
        Http.Response up = http.post("/api/code", "multipart/form-data; boundary=" + boundary,
                form.getBytes(StandardCharsets.UTF_8), null);
        assertThat(up.status()).as(up.body()).isEqualTo(200);
        assertThat(up.json().path("document").path("id").asText()).isEqualTo("war");
        assertThat(up.json().path("events")).hasSize(1);

        Http.Response plain = http.postText("/api/code?date=2024-03-03", "Moscow attacked Odesa.", null);
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.json().path("events").get(0).path("recipient").get(0).path("text").asText())
                .isEqualTo("Odesa");
    }

    @Test
    void codeRejectsBadInputWithEveryProblem() {
        Http.Response r = http.postJson("/api/code", "{\"text\": \" \", \"date\": \"soon\", \"colour\": 1}", null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("problems").toString()).contains("colour", "soon", "no text");
        assertThat(http.postJson("/api/code", "{not json", null).status()).isEqualTo(400);
        assertThat(http.post("/api/code", "image/png", new byte[] {1, 2}, null).status()).isEqualTo(415);
    }

    @Test
    void oversizedBodiesGet413() {
        byte[] big = new byte[65 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        // repeated: answering before the body is read had let the connection reset under the client now and then
        for (int i = 0; i < 20; i++) {
            Http.Response r = http.post("/api/ingest", "application/json", big, TOKEN);
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.json().path("error").asText()).contains("65536");
        }

        // Without a Content-Length (chunked), the limit holds while reading.
        try {
            java.net.http.HttpResponse<String> chunked = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.port()
                            + "/api/ingest")).header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + TOKEN)
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                                    () -> new java.io.ByteArrayInputStream(big))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(chunked.statusCode()).isEqualTo(413);
            assertThat(chunked.body()).contains("\"error\"");
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void ingestNeedsTheToken(@TempDir Path other) {
        EventStore store = EventStore.open(other.resolve("w.duckdb").toString());
        try (FaultlineServer w = new FaultlineServer(ServerConfig.defaults("w").withPort(0).withToken(TOKEN), store,
                KeywordCoder::new).start()) {
            ingest(new Http(w.port()));
        }
    }

    private static void ingest(Http http) {
        String body = "{\"text\": \"Minsk attacked Vilnius.\", \"date\": \"2024-05-05\", \"id\": \"ingested-1\"}";
        Http.Response none = http.postJson("/api/ingest", body, null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(http.postJson("/api/ingest", body, "wrong-token-000").status()).isEqualTo(401);

        Http.Response ok = http.postJson("/api/ingest", body, TOKEN);
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(ok.json().path("stored").asBoolean()).isTrue();
        assertThat(http.get("/api/documents/ingested-1").json().path("events")).hasSize(1);

        Http.Response again = http.postJson("/api/ingest", body, TOKEN);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("stored").asBoolean()).isFalse();

        Http.Response failed = http.postJson("/api/ingest", "{\"text\": \"FAIL here\", \"id\": \"bad-1\", \"date\": "
                + "\"2024-05-05\"}", TOKEN);
        assertThat(failed.status()).isEqualTo(422);
        assertThat(texts(http.get("/api/failures").json().path("failures"), "doc_id")).contains("bad-1");
    }

    @Test
    void readOnlyServerRefusesWritesAndHidesStackTraces(@TempDir Path other) {
        EventStore store = EventStore.open(other.resolve("ro.duckdb").toString());
        try (FaultlineServer ro = new FaultlineServer(ServerConfig.defaults("ro").withPort(0), store, () -> {
            throw new IllegalStateException("models are missing at /secret/path");
        }).start()) {
            Http h = new Http(ro.port());
            Http.Response w = h.postJson("/api/ingest", "{\"text\": \"x attacked y\"}", "anything-at-all");
            assertThat(w.status()).isEqualTo(403);
            assertThat(w.json().path("error").asText()).contains("read-only", "--token");

            Http.Response boom = h.postJson("/api/code", "{\"text\": \"x attacked y\", \"date\": \"2024-05-05\"}", null);
            assertThat(boom.status()).isEqualTo(500);
            assertThat(boom.body()).doesNotContain("/secret/path", "at org.", "Exception:");
            assertThat(boom.json().path("error").asText()).contains("server log");
        }
    }

    @Test
    void servesThePageAndWebJars() {
        Http.Response page = http.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Faultline");
        assertThat(http.get("/webjars/cytoscape/3.33.1/dist/cytoscape.min.js").status()).isEqualTo(200);
    }
}
