package org.faultline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.faultline.store.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the page reads off a store the size of the example corpus ({@link CrowdedWorld}): the bulk of the event dates
 * without the strays, documents by publication date, and network edges whose counts the events endpoint reproduces.
 */
class CrowdedWorldApiTest {
    @TempDir
    static Path dir;
    static FaultlineServer server;
    static Http http;
    static int stored;

    @BeforeAll
    static void start() {
        EventStore store = EventStore.open(dir.resolve("crowd.duckdb").toString());
        stored = CrowdedWorld.fill(store);
        server = new FaultlineServer(ServerConfig.defaults("crowd").withPort(0), store, KeywordCoder::new).start();
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode ok(String path) {
        Http.Response r = http.get(path);
        assertThat(r.status()).as(path + " -> " + r.body()).isEqualTo(200);
        return r.json();
    }

    /** One event of 2006 and one of 2028 are in the whole range but not in the bulk the page opens on. */
    @Test
    void summaryGivesTheBulkOfTheDatesWithoutStrays() {
        JsonNode s = ok("/api/summary");
        assertThat(s.path("events").asInt()).isEqualTo(stored).isGreaterThan(300);
        assertThat(s.path("first_date").asText()).isEqualTo("2006-08-01");
        assertThat(s.path("last_date").asText()).isEqualTo("2028-01-01");
        assertThat(s.path("bulk_from").asText()).startsWith("2022-01");
        assertThat(s.path("bulk_to").asText()).startsWith("2024-12");
        // n/100 events are cut at each end: the stray and the earliest (latest) two of the bulk.
        int cut = stored / 100;
        assertThat(s.path("events_before_bulk").asInt()).isBetween(1, cut);
        assertThat(s.path("events_after_bulk").asInt()).isBetween(1, cut);
        JsonNode before = ok("/api/events?to=" + java.time.LocalDate.parse(s.path("bulk_from").asText()).minusDays(1));
        assertThat(before.path("total").asInt()).isEqualTo(s.path("events_before_bulk").asInt());
        JsonNode after = ok("/api/events?from=" + java.time.LocalDate.parse(s.path("bulk_to").asText()).plusDays(1));
        assertThat(after.path("total").asInt()).isEqualTo(s.path("events_after_bulk").asInt());
    }

    /** A document's date is its publication date, in the list and on its page, whatever its events' dates. */
    @Test
    void documentsShowTheirPublicationDate() {
        JsonNode list = ok("/api/documents?limit=1000");
        assertThat(list.path("documents")).hasSize(122);
        JsonNode oldWar = null;
        String previous = "9999-12-31";
        for (JsonNode d : list.path("documents")) {
            assertThat(d.path("date_source").asText()).isEqualTo("publication");
            assertThat(d.path("date").asText()).as("newest first").isLessThanOrEqualTo(previous);
            previous = d.path("date").asText();
            if (d.path("id").asText().equals(CrowdedWorld.OLD_WAR_DOC)) {
                oldWar = d;
            }
        }
        assertThat(oldWar).isNotNull();
        assertThat(oldWar.path("date").asText()).isEqualTo("2024-03-10");
        assertThat(oldWar.path("title").asText()).isEqualTo("Report old-war");
        assertThat(oldWar.path("source").asText()).isEqualTo("Crowd Wire");
        JsonNode page = ok("/api/documents?limit=2&offset=1");
        assertThat(page.path("documents").get(0).path("id").asText())
                .isEqualTo(list.path("documents").get(1).path("id").asText());

        JsonNode doc = ok("/api/documents/" + CrowdedWorld.PLAN_DOC);
        assertThat(doc.path("date").asText()).isEqualTo("2024-05-02");
        assertThat(doc.path("date_source").asText()).isEqualTo("publication");
        assertThat(doc.path("complete").asBoolean()).isTrue();
        assertThat(doc.path("events").get(0).path("date").asText()).isEqualTo("2028-01-01");
        assertThat(doc.path("url").asText()).isEqualTo("https://example.org/" + CrowdedWorld.PLAN_DOC);
    }

    /** Every evidence of every answer that carries events names its document's title, outlet, address and date. */
    @Test
    void everyEvidenceNamesItsSource() {
        String cite = "{\"title\":\"Report " + CrowdedWorld.PLAN_DOC + "\",\"outlet\":\"Crowd Wire\","
                + "\"url\":\"https://example.org/" + CrowdedWorld.PLAN_DOC + "\",\"published\":\"2024-05-02\"}";
        JsonNode events = ok("/api/events?doc=" + CrowdedWorld.PLAN_DOC);
        assertThat(events.path("events").size()).isPositive();
        for (JsonNode e : events.path("events")) {
            assertThat(e.path("evidence").get(0).path("source").toString()).isEqualTo(cite);
        }
        String id = events.path("events").get(0).path("id").asText();
        assertThat(ok("/api/events/" + id).at("/evidence/0/source").toString()).isEqualTo(cite);
        assertThat(ok("/api/documents/" + CrowdedWorld.PLAN_DOC).at("/events/0/evidence/0/source").toString())
                .isEqualTo(cite);
        java.util.List<JsonNode> all = new java.util.ArrayList<>();
        ok("/api/events?limit=1000").path("events").forEach(e -> e.path("evidence").forEach(all::add));
        ok("/api/dyad?a=RUS&b=UKR").path("rows").forEach(r -> r.path("evidence")
                .forEach(e -> e.path("evidence").forEach(all::add)));
        JsonNode f = ok("/api/faultlines?a=RUS&b=USA");
        for (String side : new String[] {"intersections", "divergences"}) {
            f.path(side).forEach(pt -> pt.path("evidence").forEach(e -> e.path("evidence").forEach(all::add)));
        }
        ok("/api/novel?since=2024-01-01").path("novel").forEach(n -> n.path("evidence")
                .forEach(e -> e.path("evidence").forEach(all::add)));
        assertThat(all).hasSizeGreaterThan(stored);
        for (JsonNode x : all) {
            JsonNode s = x.path("source");
            assertThat(s.path("outlet").asText()).as(x.toString()).isEqualTo("Crowd Wire");
            assertThat(s.path("title").asText()).isEqualTo("Report " + x.path("doc_id").asText());
            assertThat(s.path("url").asText()).isEqualTo("https://example.org/" + x.path("doc_id").asText());
            assertThat(s.path("published").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        }
    }

    /**
     * Each network edge's realised and unrealised counts are the events listed for it: the directed pair, each
     * story once. This is what the page's edge panel shows in its header and its list.
     */
    @Test
    void everyEdgeCountIsTheNumberOfItsDirectedEvents() {
        JsonNode net = ok("/api/network");
        assertThat(net.path("edges").size()).isGreaterThan(30);
        for (JsonNode e : net.path("edges")) {
            String s = e.path("source").asText();
            String t = e.path("target").asText();
            long header = e.path("cooperation").asLong() + e.path("conflict").asLong() + e.path("unrealised").asLong();
            JsonNode listed = ok("/api/events?actor=" + s + "&recipient=" + t + "&stories=true&limit=1");
            assertThat(listed.path("total").asLong()).as(s + ">" + t).isEqualTo(header);
        }
        assertThat(http.get("/api/events?stories=maybe").status()).isEqualTo(400);
    }

    /** The dyad rows split realised events by direction and quad class; the splits add up to from_a and from_b. */
    @Test
    void dyadRowsSplitByDirection() {
        JsonNode d = ok("/api/dyad?a=USA&b=GBR&by=month");
        long fromA = 0;
        long fromB = 0;
        for (JsonNode r : d.path("rows")) {
            long a = 0;
            long b = 0;
            for (int q = 0; q < 4; q++) {
                a += r.path("by_quad_from_a").get(q).asLong();
                b += r.path("by_quad_from_b").get(q).asLong();
            }
            assertThat(a).isEqualTo(r.path("from_a").asLong());
            assertThat(b).isEqualTo(r.path("from_b").asLong());
            fromA += a;
            fromB += b;
        }
        assertThat(fromA).isPositive();
        assertThat(fromB).isPositive();
    }

    /**
     * The map's points are exactly the events with coordinates: the same ids as a scan of /api/events, each with its
     * place and type; dates narrow them, 'limit' cuts the most reported first and says so, and 'order' is refused.
     */
    @Test
    void mapPointsAreTheLocatedEvents() {
        java.util.Map<String, JsonNode> located = new java.util.TreeMap<>();
        JsonNode all = ok("/api/events?from=2022-01-01&to=2024-12-31&stories=true&limit=1000");
        for (JsonNode e : all.path("events")) {
            if (e.path("location").path("lat").isNumber()) {
                located.put(e.path("id").asText(), e);
            }
        }
        assertThat(located.size()).isBetween(100, all.path("total").asInt() - 100);
        JsonNode map = ok("/api/map?from=2022-01-01&to=2024-12-31&stories=true");
        assertThat(map.path("total").asInt()).isEqualTo(located.size());
        assertThat(map.path("truncated").asBoolean()).isFalse();
        assertThat(map.path("from").asText()).isEqualTo("2022-01-01");
        java.util.Set<String> ids = new java.util.TreeSet<>();
        for (JsonNode p : map.path("points")) {
            ids.add(p.path("id").asText());
            JsonNode e = located.get(p.path("id").asText());
            assertThat(e).as(p.toString()).isNotNull();
            assertThat(p.path("lat").asDouble()).isEqualTo(e.at("/location/lat").asDouble());
            assertThat(p.path("lon").asDouble()).isEqualTo(e.at("/location/lon").asDouble());
            assertThat(p.path("place").asText()).isEqualTo(e.at("/location/text").asText());
            assertThat(p.path("country").asText()).isEqualTo(e.at("/location/country").asText());
            assertThat(p.path("event_type").asText()).isEqualTo(e.path("event_type").asText()).isIn("ACCUSE",
                    "THREATEN", "ASSAULT");
            assertThat(p.path("date").asText()).isEqualTo(e.path("date").asText());
            assertThat(p.path("actor").get(0).asText()).isEqualTo(e.at("/actor/0/name").asText());
        }
        assertThat(ids).isEqualTo(located.keySet());

        int year = ok("/api/map?from=2024-01-01&to=2024-12-31&stories=true").path("total").asInt();
        assertThat(year).isPositive().isLessThan(located.size());
        assertThat(ok("/api/map").path("points").findValuesAsText("place")).contains("Damascus");
        JsonNode cut = ok("/api/map?stories=true&from=2022-01-01&to=2024-12-31&limit=5");
        assertThat(cut.path("points")).hasSize(5);
        assertThat(cut.path("truncated").asBoolean()).isTrue();
        assertThat(cut.path("total").asInt()).isEqualTo(located.size());
        Http.Response bad = http.get("/api/map?order=date&limit=0");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("order", "limit");
    }
}
