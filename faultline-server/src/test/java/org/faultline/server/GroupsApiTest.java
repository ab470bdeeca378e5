package org.faultline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.faultline.model.ActorRef;
import org.faultline.model.Article;
import org.faultline.model.DatePrecision;
import org.faultline.model.Event;
import org.faultline.model.EventType;
import org.faultline.model.Evidence;
import org.faultline.model.Modality;
import org.faultline.store.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Armed groups and a state's rebels through the API, on a real server over a real DuckDB file holding a small
 * made-up world: Russia backs Hamas and talks to the Palestinian government, strikes Syrian rebels and aids
 * Syria's government; Hamas attacks Israel.
 */
class GroupsApiTest {
    @TempDir
    static Path dir;
    static FaultlineServer server;
    static Http http;

    private static ActorRef ref(String text, String code, String sector, String name, String kb) {
        return new ActorRef(text, code, sector, name, kb, 0, text.length());
    }

    private static final ActorRef RUS = ref("Russia", "RUS", null, "Russia", "country:RUS");
    private static final ActorRef SYR = ref("Syria", "SYR", null, "Syria", "country:SYR");
    private static final ActorRef PSE = ref("the Palestinian Authority", "PSE", "GOV", "Palestinian Authority",
            "body:PSE:PA");
    private static final ActorRef ISR = ref("Israel", "ISR", null, "Israel", "country:ISR");
    private static final ActorRef HAMAS = ref("Hamas", "PSE", "REB", "Hamas", "group:HAMAS");
    private static final ActorRef SYR_REBELS = ref("rebels", "SYR", "REB", null, "agent:fighter.reb");

    private static Event event(String id, EventType type, String date, ActorRef actor, ActorRef recipient) {
        String sentence = "Sentence " + id + ".";
        return new Event(id, id, type, null, List.of(), type.cooperative() ? "040" : "190", type.quadClass(),
                type.ploverScore(), List.of(actor), List.of(recipient), LocalDate.parse(date), DatePrecision.DAY,
                null, null, false, Modality.ASSERTED, null, 0.9,
                List.of(new Evidence(id, 0, 0, sentence.length(), sentence, "Sentence", 0, 8)), "test", "test");
    }

    @BeforeAll
    static void start() {
        String url = dir.resolve("groups.duckdb").toString();
        EventStore store = EventStore.open(url);
        List<Event> events = List.of(
                event("a1", EventType.SUPPORT, "2024-01-01", RUS, HAMAS),
                event("a2", EventType.CONSULT, "2024-01-02", RUS, PSE),
                event("a3", EventType.ASSAULT, "2024-01-03", RUS, SYR_REBELS),
                event("a4", EventType.AID, "2024-01-04", RUS, SYR),
                event("a5", EventType.ASSAULT, "2024-01-05", HAMAS, ISR));
        for (Event e : events) {
            store.storeCoded(new Article(e.id(), e.date(), e.evidence().get(0).text(), null, null, null, e.id()),
                    List.of(e));
        }
        server = new FaultlineServer(ServerConfig.defaults(url).withPort(0), store, KeywordCoder::new).start();
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

    private static List<String> ids(JsonNode events) {
        List<String> out = new ArrayList<>();
        events.path("events").forEach(e -> out.add(e.path("id").asText()));
        return out;
    }

    /** Edge "SRC>DST" to its cooperation/conflict counts, and node id to name. */
    private static Map<String, String> edges(JsonNode net) {
        Map<String, String> out = new TreeMap<>();
        net.path("edges").forEach(e -> out.put(e.path("source").asText() + ">" + e.path("target").asText(),
                e.path("cooperation").asInt() + "/" + e.path("conflict").asInt()));
        return out;
    }

    private static Map<String, String> nodes(JsonNode net) {
        Map<String, String> out = new TreeMap<>();
        net.path("nodes").forEach(n -> out.put(n.path("id").asText(), n.path("name").asText()));
        return out;
    }

    @Test
    void eventsAndDyadsOfAGroup() {
        assertThat(ids(ok("/api/events?actor=HAMAS"))).containsExactly("a5");
        assertThat(ids(ok("/api/events?either=HAMAS"))).containsExactly("a1", "a5");
        assertThat(ids(ok("/api/events?pair=RUS,HAMAS"))).containsExactly("a1");
        assertThat(ids(ok("/api/events?actor=RUS&recipient=SYR-REB"))).containsExactly("a3");
        JsonNode dyad = ok("/api/dyad?a=RUS&b=HAMAS&by=year");
        assertThat(dyad.path("rows")).hasSize(1);
        assertThat(dyad.path("rows").get(0).path("events").asInt()).isEqualTo(1);
    }

    @Test
    void networkKeepsGroupsApartByDefaultAndFoldsThemAtCountryLevel() {
        JsonNode group = ok("/api/network?min_events=1");
        assertThat(group.path("level").asText()).isEqualTo("group");
        assertThat(edges(group)).isEqualTo(Map.of("RUS>HAMAS", "1/0", "RUS>PSE", "1/0", "RUS>SYR-REB", "0/1",
                "RUS>SYR", "1/0", "HAMAS>ISR", "0/1"));
        assertThat(nodes(group)).containsEntry("HAMAS", "Hamas").containsEntry("SYR-REB", "Syria rebels")
                .containsEntry("SYR", "Syria");
        JsonNode country = ok("/api/network?min_events=1&level=country");
        assertThat(edges(country)).isEqualTo(Map.of("RUS>PSE", "2/0", "RUS>SYR", "1/1", "PSE>ISR", "0/1"));
        assertThat(nodes(country)).doesNotContainKeys("HAMAS", "SYR-REB");
    }
}
