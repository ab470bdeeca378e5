package org.faultline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.faultline.analysis.Scope;
import org.faultline.analysis.coalitions.Coalitions;
import org.faultline.analysis.dyad.DyadSeries;
import org.faultline.analysis.faultlines.PartyFaultlines;
import org.faultline.model.ActorRef;
import org.faultline.query.ActorKey;
import org.faultline.query.Coalition;
import org.faultline.query.EventFilter;
import org.faultline.query.Period;
import org.faultline.query.StoredEvent;
import org.faultline.store.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coalitions as actors in the API, on {@link SampleWorld} with the bundled coalitions plus a user file (as
 * {@code serve --coalitions FILE} gives them): events, dyad, network collapse and faultlines of two or more parties
 * answer what the analyses answer over the same store and scope; the two-party answer is the same whichever way
 * the parties are asked; bad requests name the parameter.
 */
class CoalitionApiTest {
    @TempDir
    static Path dir;
    static FaultlineServer server;
    static Http http;
    static EventStore store;
    static Coalitions coalitions;

    @BeforeAll
    static void start() throws Exception {
        store = EventStore.open(dir.resolve("coalitions.duckdb").toString());
        SampleWorld.fill(store);
        Path file = dir.resolve("mine.tsv");
        Files.writeString(file, "name\tmembers\tdescription\nHELPERS\tDEU,ISR\tthose who answer Ukraine's requests\n",
                StandardCharsets.UTF_8);
        coalitions = Coalitions.load(file, Map.of());
        server = new FaultlineServer(ServerConfig.defaults("coalitions").withPort(0), store, KeywordCoder::new,
                coalitions).start();
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Coalition coalition(String name) {
        return coalitions.get(name).orElseThrow().coalition();
    }

    private static boolean by(StoredEvent e, Coalition c) {
        return e.event().actor().stream().map(ActorRef::code).anyMatch(k -> k != null
                && c.has(ActorKey.parse(k)));
    }

    @Test
    void eventsOfACoalitionAreTheEventsOfItsMembers() {
        Coalition west = coalition("WEST");
        List<String> expected = new ArrayList<>();
        for (StoredEvent e : store.queries().events(EventFilter.all().withPage(1000, 0))) {
            if (by(e, west)) {
                expected.add(e.event().id());
            }
        }
        assertThat(expected).hasSizeGreaterThanOrEqualTo(2);
        JsonNode page = http.get("/api/events?actor=WEST&limit=1000").json();
        List<String> got = new ArrayList<>();
        page.path("events").forEach(e -> got.add(e.path("id").asText()));
        assertThat(got).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(page.path("total").asLong()).isEqualTo(expected.size());
        // a coalition from the user's file
        Coalition helpers = coalition("HELPERS");
        long helping = store.queries().events(EventFilter.all().withPage(1000, 0)).stream().filter(e -> by(e,
                helpers)).count();
        assertThat(http.get("/api/events?actor=HELPERS&limit=1000").json().path("total").asLong()).isEqualTo(helping)
                .isPositive();
        Http.Response member = http.get("/api/events?actor=WEST&recipient=USA");
        assertThat(member.status()).isEqualTo(400);
        assertThat(member.body()).contains("USA is a member of WEST");
    }

    @Test
    void aDyadOfACoalitionCountsItsMembersAsOne() {
        Scope scope = Scope.all().withCoalitions(List.of(coalition("WEST")));
        DyadSeries s = DyadSeries.query(store.queries(), scope, ActorKey.of("WEST"), ActorKey.of("RUS"), Period.YEAR,
                0);
        long expected = s.rows().stream().mapToLong(DyadSeries.Row::events).sum();
        assertThat(expected).isPositive();
        JsonNode d = http.get("/api/dyad?a=WEST&b=RUS&by=year").json();
        long got = 0;
        for (JsonNode r : d.path("rows")) {
            got += r.path("events").asLong();
        }
        assertThat(got).isEqualTo(expected);
        assertThat(d.path("a").asText()).isEqualTo("WEST");
        Http.Response bad = http.get("/api/dyad?a=WEST&b=DEU");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("parameter 'a': DEU is a member of WEST");
    }

    @Test
    void theNetworkCollapsesACoalitionIntoOneNode() {
        Set<String> plain = ids(http.get("/api/network").json());
        assertThat(plain).contains("USA", "DEU");
        Set<String> collapsed = ids(http.get("/api/network?collapse=WEST").json());
        assertThat(collapsed).contains("WEST").doesNotContain("USA", "DEU");
        Set<String> mine = ids(http.get("/api/network?collapse=HELPERS").json());
        assertThat(mine).contains("HELPERS", "USA").doesNotContain("DEU", "ISR");
        Http.Response unknown = http.get("/api/network?collapse=NOPE");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("no coalition NOPE; known: ").contains("WEST").contains("HELPERS");
        Http.Response overlap = http.get("/api/network?collapse=WEST,HELPERS");
        assertThat(overlap.status()).isEqualTo(400);
        assertThat(overlap.body()).contains("DEU is a member of both");
    }

    private static Set<String> ids(JsonNode net) {
        Set<String> out = new TreeSet<>();
        net.path("nodes").forEach(n -> out.add(n.path("id").asText()));
        return out;
    }

    @Test
    void faultlinesOfTwoPartiesAreTheSameAnswerEitherWay() {
        String ab = http.get("/api/faultlines?a=ISR&b=UKR").body();
        assertThat(http.get("/api/faultlines?parties=ISR,UKR").body()).isEqualTo(ab);
        JsonNode two = http.get("/api/faultlines?a=ISR&b=UKR").json();
        assertThat(two.has("parties")).isFalse();
        assertThat(two.has("coalitions")).isFalse();
        assertThat(two.path("divergences").size() + two.path("intersections").size()).isPositive();
    }

    @Test
    void faultlinesOfThreePartiesWithACoalitionAreWhatTheAnalysisSays() {
        List<ActorKey> parties = List.of(ActorKey.of("WEST"), ActorKey.of("ISR"), ActorKey.of("UKR"));
        PartyFaultlines pf = PartyFaultlines.query(store.queries(),
                Scope.all().withCoalitions(List.of(coalition("WEST"))), parties, 2);
        JsonNode f = http.get("/api/faultlines?parties=WEST,ISR,UKR").json();
        assertThat(f.path("parties").toString()).isEqualTo("[\"WEST\",\"ISR\",\"UKR\"]");
        assertThat(f.path("pairs").size()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            JsonNode pair = f.path("pairs").get(i);
            assertThat(pair.path("a").asText()).isEqualTo(pf.pairs().get(i).a().toString());
            assertThat(pair.path("b").asText()).isEqualTo(pf.pairs().get(i).b().toString());
            assertThat(weights(pair.path("intersections"))).isEqualTo(pf.pairs().get(i).intersections().stream()
                    .map(p -> p.summary() + "=" + p.weight()).toList());
            assertThat(weights(pair.path("divergences"))).isEqualTo(pf.pairs().get(i).divergences().stream()
                    .map(p -> p.summary() + "=" + p.weight()).toList());
        }
        assertThat(weights(f.path("shared"))).isEqualTo(pf.shared().stream().map(p -> p.summary() + "=" + p.weight())
                .toList());
        assertThat(weights(f.path("apart"))).isEqualTo(pf.apart().stream().map(p -> p.summary() + "=" + p.weight())
                .toList());
        assertThat(f.at("/coalitions/0/name").asText()).isEqualTo("WEST");
        assertThat(f.at("/coalitions/0/members").toString()).contains("\"USA\"", "\"DEU\"");
        assertThat(http.get("/api/faultlines?parties=WEST,USA,UKR").body()).contains("USA is a member of WEST");
        assertThat(http.get("/api/faultlines?parties=ISR").body()).contains("at least two parties");
        assertThat(http.get("/api/faultlines?parties=ISR,UKR&a=ISR").body()).contains("either 'a' and 'b' or 'parties'");
    }

    private static List<String> weights(JsonNode points) {
        List<String> out = new ArrayList<>();
        points.forEach(p -> out.add(p.path("summary").asText() + "=" + p.path("weight").asLong()));
        return out;
    }
}
