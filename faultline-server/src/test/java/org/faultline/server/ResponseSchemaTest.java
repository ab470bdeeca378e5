package org.faultline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.faultline.model.Attribution;
import org.faultline.model.Event;
import org.faultline.model.Evidence;
import org.faultline.model.Failure;
import org.faultline.model.Location;
import org.faultline.model.Quantity;
import org.faultline.model.TextSpan;
import org.faultline.store.EventStore;
import org.faultline.store.WatchLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every GET endpoint of the served /openapi.json, called on a real server, answers what its description says:
 * each 200 answer (and a 400 and 404) is checked field by field with {@link SchemaCheck}. The world is
 * {@link SampleWorld} plus what makes the nullable fields null or present: an event imported without its article
 * (no source, title, outlet or address; a document rebuilt from evidence), a claim whose claimant has no words, a
 * quantity, a located place with coordinates and a count of alternatives, and a recorded failure.
 */
class ResponseSchemaTest {
    @TempDir
    static Path dir;
    static FaultlineServer server;
    static Http http;
    static JsonNode api;
    static SchemaCheck check;

    @BeforeAll
    static void start() {
        EventStore store = EventStore.open(dir.resolve("schema.duckdb").toString());
        SampleWorld.fill(store);
        Event e = SampleWorld.docs().get(0).events.get(0);
        String text = "Russia pledged 100 tanks to Belarus, officials said.";
        Event imported = new Event("imported-0", "imported", e.eventType(), "pledge", List.of("military"), e.cameoCode(),
                e.quadClass(), e.goldstein(), e.actor(), e.recipient(), e.date(), e.datePrecision(),
                new TextSpan("Thursday", 10, 18), new Location("Minsk", "BLR", "Minsk City", 53.9, 27.56, 30, 35, 3),
                new Quantity("100 tanks", 100, "tanks", "equipment"), false, e.modality(),
                new Attribution(null, "BLR", "said"), 0.7,
                List.of(new Evidence("imported", 0, 0, text.length(), text, "pledged", 7, 14)), e.rule(), e.version());
        store.writer().bulkLoad(List.of(imported).iterator());
        store.writer().storeFailure(new Failure("broken.html", "broken", "read", "no text in the file"));
        WatchLog.Item item = new WatchLog.Item("feed:http://127.0.0.1/feed.xml", "http://127.0.0.1/1.html",
                "http://127.0.0.1/1.html", "Strike", "Outlet", null, null, WatchLog.ItemStatus.FAILED, "a fixture");
        store.watchLog().recordItem(item);
        store.watchLog().addAlerts(item, List.of(new WatchLog.NewAlert("new_dyad:RUS->UKR", "{\"id\":"
                + "\"new_dyad:RUS->UKR\",\"kind\":\"new_dyad\",\"source\":\"RUS\",\"target\":\"UKR\"}")));
        server = new FaultlineServer(ServerConfig.defaults("schema").withPort(0), store, KeywordCoder::new).start();
        http = new Http(server.port());
        api = http.get("/openapi.json").json();
        check = new SchemaCheck(api);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Calls for each GET path: the plain one and those that bring out other shapes (nulls, other levels). */
    private static Map<String, List<String>> calls() {
        String event = SampleWorld.docs().get(0).events.get(0).id();
        Map<String, List<String>> c = new LinkedHashMap<>();
        c.put("/api/summary", List.of("/api/summary"));
        c.put("/api/actors", List.of("/api/actors"));
        c.put("/api/documents", List.of("/api/documents", "/api/documents?limit=2&offset=1"));
        c.put("/api/documents/{id}", List.of("/api/documents/d1-invasion", "/api/documents/imported"));
        c.put("/api/events", List.of("/api/events", "/api/events?doc=imported", "/api/events?stories=true&order=salience",
                "/api/events?status=negated,refused", "/api/events?actor=WEST&pair=WEST,RUS"));
        c.put("/api/events/{id}", List.of("/api/events/" + event, "/api/events/imported-0"));
        c.put("/api/map", List.of("/api/map", "/api/map?from=2024-01-01&stories=true&limit=1"));
        c.put("/api/dyad", List.of("/api/dyad?a=RUS&b=UKR", "/api/dyad?a=RUS&b=UKR&by=year&level=sector&mentions=true",
                "/api/dyad?a=WEST&b=RUS"));
        c.put("/api/network", List.of("/api/network", "/api/network?level=sector", "/api/network?sector=MIL",
                "/api/network?format=json&type=AID", "/api/network?collapse=WEST,AXIS"));
        c.put("/api/blocs", List.of("/api/blocs", "/api/blocs?level=sector"));
        c.put("/api/bridges", List.of("/api/bridges?theatre=RUS-UKR&theatre=ISR-IRN&min_events=1"));
        c.put("/api/faultlines", List.of("/api/faultlines?a=RUS&b=USA", "/api/faultlines?a=ISR&b=UKR",
                "/api/faultlines?parties=WEST,RUS", "/api/faultlines?parties=WEST,ISR,UKR&evidence=1"));
        c.put("/api/brief", List.of("/api/brief?parties=ISR,UKR", "/api/brief?parties=WEST,ISR,UKR&by=year&format=md"
                + "&from=2022-01-01&evidence=1"));
        c.put("/api/novel", List.of("/api/novel?since=2024-01-01", "/api/novel?since=2000-01-01"));
        c.put("/api/failures", List.of("/api/failures"));
        c.put("/api/watch", List.of("/api/watch"));
        c.put("/api/alerts", List.of("/api/alerts", "/api/alerts?after=0&limit=5"));
        return c;
    }

    /** GET paths that answer an endless text/event-stream: read by {@link #theAlertStreamSendsDocumentedAlerts}. */
    private static final Set<String> STREAMS = Set.of("/api/alerts/stream");

    @Test
    void everyGetEndpointIsCalled() {
        Set<String> gets = new TreeSet<>();
        api.path("paths").fields().forEachRemaining(p -> {
            if (p.getValue().has("get")) {
                gets.add(p.getKey());
            }
        });
        Set<String> called = new TreeSet<>(calls().keySet());
        called.addAll(STREAMS);
        assertThat(called).isEqualTo(gets);
        for (String s : STREAMS) {
            assertThat(api.path("paths").path(s).at("/get/responses/200/content").fieldNames()).toIterable()
                    .as(s).containsExactly("text/event-stream");
        }
    }

    /** The stream sends the stored alert as an event 'alert' whose id is its seq and whose data is an Alert. */
    @Test
    void theAlertStreamSendsDocumentedAlerts() throws Exception {
        java.net.HttpURLConnection c = (java.net.HttpURLConnection) java.net.URI.create("http://127.0.0.1:"
                + server.port() + "/api/alerts/stream").toURL().openConnection();
        c.setReadTimeout(20_000);
        c.setRequestProperty("Accept", "text/event-stream");
        try {
            assertThat(c.getResponseCode()).isEqualTo(200);
            assertThat(c.getContentType()).startsWith("text/event-stream");
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(c.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
                if (line.startsWith("data:")) {
                    break;
                }
            }
            assertThat(lines).contains("event: alert", "id: 1");
            JsonNode data = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                    lines.get(lines.size() - 1).substring("data:".length()).strip());
            JsonNode alert = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                    "{\"$ref\": \"#/components/schemas/Alert\"}");
            assertThat(check.problems(data, alert, "")).isEmpty();
            assertThat(data.at("/alert/kind").asText()).isEqualTo("new_dyad");
            assertThat(data.path("seq").asLong()).isEqualTo(1);
        } finally {
            c.disconnect();
        }
    }

    @Test
    void everyAnswerMatchesItsSchema() {
        List<String> problems = new ArrayList<>();
        calls().forEach((path, urls) -> {
            JsonNode op = api.path("paths").path(path).path("get");
            for (String url : urls) {
                problems.addAll(checked(url, op, 200));
            }
            problems.addAll(checked(path.replace("{id}", "x") + (path.contains("?") ? "&" : "?") + "bogus=1", op, 400));
            if (path.endsWith("{id}")) {
                problems.addAll(checked(path.replace("{id}", "no-such-id"), op, 404));
            }
        });
        assertThat(problems).isEmpty();
    }

    /** The nullable fields are exercised: each comes back null somewhere and passes as such. */
    @Test
    void nullableFieldsAreCoveredByTheWorld() {
        assertThat(http.get("/api/events/imported-0").json().at("/evidence/0/source").isNull()).isTrue();
        assertThat(http.get("/api/events/imported-0").json().at("/attribution/text").isNull()).isTrue();
        JsonNode doc = http.get("/api/documents/imported").json();
        assertThat(doc.path("title").isNull()).isTrue();
        assertThat(doc.path("url").isNull()).isTrue();
        assertThat(http.get("/api/documents/d1-invasion").json().path("url").isNull()).isTrue();
        assertThat(http.get("/api/events/imported-0").json().at("/location/lat").asDouble()).isEqualTo(53.9);
        assertThat(http.get("/api/events/imported-0").json().at("/location/alternatives").asInt()).isEqualTo(3);
        String located = SampleWorld.docs().get(0).events.get(0).id();
        assertThat(http.get("/api/events/" + located).json().at("/location/alternatives").isNull()).isTrue();
        JsonNode map = http.get("/api/map").json();
        assertThat(map.path("from").isNull()).isTrue();
        assertThat(map.at("/points/0/place").asText()).isEqualTo("Minsk");
    }

    /** A deliberately broken answer is caught: the check is not vacuous. */
    @Test
    void theCheckFindsWrongTypesMissingFieldsAndUndescribedOnes() {
        JsonNode op = api.at("/paths/~1api~1events~1{id}/get");
        JsonNode schema = op.at("/responses/200/content/application~1json/schema");
        com.fasterxml.jackson.databind.node.ObjectNode e = (com.fasterxml.jackson.databind.node.ObjectNode)
                http.get("/api/events/imported-0").json();
        e.put("quad_class", "four");
        e.putNull("event_type");
        e.put("surprise", 1);
        ((com.fasterxml.jackson.databind.node.ObjectNode) e.at("/evidence/0")).put("start", 1.5);
        ((com.fasterxml.jackson.databind.node.ObjectNode) e.at("/evidence/0")).putObject("source").put("title", "x");
        e.put("modality", "maybe");
        List<String> found = check.problems(e, schema, "");
        assertThat(String.join("\n", found)).contains("/quad_class: string", "/event_type: null", "/surprise: field not",
                "/evidence/0/start: number 1.5, expected integer", "/evidence/0/source: required field 'url' is missing",
                "/modality: \"maybe\" is not one of");
    }

    private static List<String> checked(String url, JsonNode op, int status) {
        Http.Response r = http.get(url);
        if (r.status() != status) {
            return List.of(url + ": HTTP " + r.status() + ", expected " + status + ": " + r.body());
        }
        JsonNode content = op.path("responses").path(String.valueOf(status)).path("content");
        if (!content.has("application/json")) {
            // a file answer (the briefing): its type must be one documented, and it must not be empty
            List<String> types = new ArrayList<>();
            content.fieldNames().forEachRemaining(types::add);
            String type = r.contentType().split(";")[0].trim();
            return types.contains(type) && !r.body().isBlank() ? List.of()
                    : List.of(url + ": " + type + " with " + r.body().length() + " characters, expected one of " + types);
        }
        JsonNode schema = content.path("application/json").path("schema");
        if (schema.isMissingNode()) {
            return List.of(url + ": no JSON schema documented for HTTP " + status);
        }
        List<String> out = new ArrayList<>();
        for (String p : check.problems(r.json(), schema, "")) {
            out.add(url + " " + p);
        }
        return out;
    }
}
