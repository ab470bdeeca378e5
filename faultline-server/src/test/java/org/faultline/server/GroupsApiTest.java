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
 * Syria's government; Hamas attacks Israel, Israel's army strikes Hamas.
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
    private static final ActorRef IDF = ref("Israeli troops", "ISR", "MIL", "Israel Defense Forces", "body:ISR:IDF");
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
                event("a5", EventType.ASSAULT, "2024-01-05", HAMAS, ISR),
                event("a6", EventType.ASSAULT, "2024-01-06", IDF, HAMAS));
        for (Event e : events) {
            store.writer().storeCoded(new Article(e.id(), e.date(), e.evidence().get(0).text(), null, null, null,
                    e.id()), List.of(e));
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
        assertThat(ids(ok("/api/events?either=HAMAS"))).containsExactly("a1", "a5", "a6");
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
                "RUS>SYR", "1/0", "HAMAS>ISR", "0/1", "ISR>HAMAS", "0/1"));
        assertThat(nodes(group)).containsEntry("HAMAS", "Hamas").containsEntry("SYR-REB", "Syria rebels")
                .containsEntry("SYR", "Syria");
        JsonNode country = ok("/api/network?min_events=1&level=country");
        assertThat(edges(country)).isEqualTo(Map.of("RUS>PSE", "2/0", "RUS>SYR", "1/1", "PSE>ISR", "0/1",
                "ISR>PSE", "0/1"));
        assertThat(nodes(country)).doesNotContainKeys("HAMAS", "SYR-REB");
    }

    /**
     * A sector filter keeps the dyads with an actor of that sector on a side, at the level asked: at group level
     * Hamas and Syria's rebels stay nodes of their own (not Palestine and Syria), at country level they fold.
     */
    @Test
    void aSectorFilterKeepsGroupsAtGroupLevel() {
        JsonNode rebels = ok("/api/network?min_events=1&sector=REB");
        assertThat(rebels.path("level").asText()).isEqualTo("group");
        assertThat(edges(rebels)).isEqualTo(Map.of("RUS>HAMAS", "1/0", "RUS>SYR-REB", "0/1", "HAMAS>ISR", "0/1",
                "ISR>HAMAS", "0/1"));
        assertThat(nodes(rebels)).containsOnlyKeys("RUS", "HAMAS", "SYR-REB", "ISR");
        JsonNode army = ok("/api/network?min_events=1&sector=mil");
        assertThat(edges(army)).isEqualTo(Map.of("ISR>HAMAS", "0/1"));
        assertThat(edges(ok("/api/network?min_events=1&sector=GOV"))).isEqualTo(Map.of("RUS>PSE", "1/0"));
        assertThat(edges(ok("/api/network?min_events=1&sector=MIL&level=country"))).isEqualTo(Map.of("ISR>PSE",
                "0/1"));
        assertThat(edges(ok("/api/network?min_events=1&sector=MIL&level=sector"))).isEqualTo(Map.of(
                "ISR:MIL>PSE:REB", "0/1"));
        assertThat(edges(ok("/api/network?min_events=1&sector=MIL,GOV"))).isEqualTo(Map.of("ISR>HAMAS", "0/1",
                "RUS>PSE", "1/0"));
    }

    /** A key nothing is stored under is a 400 naming the stored keys close to it, never an empty answer. */
    @Test
    void anActorNothingIsStoredUnderIsRefusedWithCloseMatches() {
        Map<String, String> refused = new TreeMap<>();
        refused.put("/api/dyad?a=RUS&b=HAMSA", "parameter 'b': nothing is stored under HAMSA; close matches: HAMAS");
        refused.put("/api/events?actor=XYZ", "parameter 'actor': nothing is stored under XYZ (no stored actor key is "
                + "close to it; the keys are country codes such as RUS, group ids such as HAMAS, and IGO_ or GROUP_ "
                + "ids)");
        refused.put("/api/events?recipient=SYR-RBE", "parameter 'recipient': nothing is stored under SYR-RBE; close "
                + "matches: SYR-REB");
        refused.put("/api/events?pair=RUS,HAMSA", "parameter 'pair': nothing is stored under HAMSA");
        refused.put("/api/map?either=hamsa", "parameter 'either': nothing is stored under HAMSA");
        refused.put("/api/faultlines?a=RUS&b=HAMSA", "parameter 'b': nothing is stored under HAMSA");
        refused.put("/api/faultlines?parties=RUS,ISR,HAMSA", "parameter 'parties': nothing is stored under HAMSA");
        refused.put("/api/brief?parties=RUS,HAMSA", "parameter 'parties': nothing is stored under HAMSA");
        refused.put("/api/bridges?theatre=RUS~SYR-RBE&theatre=ISR~HAMAS", "parameter 'theatre': nothing is stored "
                + "under SYR-RBE; close matches: SYR-REB");
        refused.forEach((path, problem) -> {
            Http.Response r = http.get(path);
            assertThat(r.status()).as(path + " -> " + r.body()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/json");
            assertThat(r.json().path("problems").toString()).as(path).contains(problem);
        });
        // known keys, a sector of one, a coalition and a group pass
        assertThat(ids(ok("/api/events?actor=ISR:MIL"))).containsExactly("a6");
        assertThat(ok("/api/events?either=WEST").path("total").asInt()).isZero();
        assertThat(ok("/api/dyad?a=RUS&b=HAMAS").path("rows")).hasSize(1);
    }

    /** Theatres name keys with a dash: sides split by ~, or by - where the stored keys allow one reading. */
    @Test
    void theatresNameTheRebelsOfACountry() {
        for (String syria : List.of("RUS~SYR-REB", "RUS-SYR-REB")) {
            JsonNode b = ok("/api/bridges?min_events=1&theatre=" + syria + "&theatre=ISR~HAMAS");
            List<String> bridges = new ArrayList<>();
            b.path("bridges").forEach(x -> x.path("involvements").forEach(i -> bridges.add(x.path("actor").asText()
                    + " " + i.path("theatre").asText() + " " + i.path("members"))));
            // Russia strikes the rebels and backs Hamas; Hamas, fighting Israel, is backed by Russia
            assertThat(bridges).as(syria).containsExactlyInAnyOrder("RUS " + syria + " [\"RUS\",\"SYR-REB\"]",
                    "RUS ISR~HAMAS [\"HAMAS\",\"ISR\"]", "HAMAS " + syria + " [\"RUS\",\"SYR-REB\"]",
                    "HAMAS ISR~HAMAS [\"HAMAS\",\"ISR\"]");
        }
    }
}
