package org.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Armed groups as actors on the bundled example corpus: the corpus is ingested once with the real coder (which
 * resolves Hamas, Hezbollah, the Houthis and Wagner to their knowledge-base entries), then the questions are
 * asked of the store through the real command line.
 */
class GroupsEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static String db;

    @BeforeAll
    static void ingest() {
        Path corpus = Path.of("..", "examples", "corpus");
        assertThat(Files.isDirectory(corpus)).as("examples/corpus from " + Path.of("").toAbsolutePath()).isTrue();
        db = dir.resolve("examples.duckdb").toString();
        CliRun.Run r = CliRun.run("ingest", "--db", db, corpus.toString());
        assertThat(r.exit()).as(r.err()).isZero();
    }

    private static JsonNode json(String... args) throws Exception {
        CliRun.Run r = CliRun.run(args);
        assertThat(r.exit()).as(String.join(" ", args) + ": " + r.err()).isZero();
        return JSON.readTree(r.out());
    }

    private static long events(JsonNode dyad) {
        long n = 0;
        for (JsonNode p : dyad.path("rows")) {
            n += p.path("events").asLong();
        }
        return n;
    }

    private static Map<String, String> nodes(JsonNode net) {
        Map<String, String> out = new TreeMap<>();
        net.path("nodes").forEach(n -> out.put(n.path("id").asText(), n.path("name").asText()));
        return out;
    }

    @Test
    void dyadsOfStatesWithGroups() throws Exception {
        JsonNode rusHamas = json("dyad", "RUS", "HAMAS", "--by", "year", "--db", db, "--format", "json");
        assertThat(events(rusHamas)).isPositive();
        assertThat(rusHamas.toString()).contains("Hamas and Russia");
        // at country level Hamas is Palestine: no key HAMAS there
        assertThat(events(json("dyad", "RUS", "HAMAS", "--level", "country", "--db", db, "--format", "json")))
                .isZero();
        assertThat(events(json("dyad", "ISR", "HEZBOLLAH", "--by", "year", "--db", db, "--format", "json")))
                .isPositive();
        // Hezbollah is stored, so asking about Iran and Hezbollah is a question, not a usage error (the coder
        // finds no event between them in this corpus)
        json("dyad", "IRN", "HEZBOLLAH", "--db", db, "--format", "json");
    }

    @Test
    void groupsAreNodesAtTheDefaultLevelAndFoldIntoCountriesAtCountryLevel() throws Exception {
        Map<String, String> group = nodes(json("network", "--db", db, "--format", "json"));
        assertThat(group).containsEntry("HAMAS", "Hamas").containsEntry("HEZBOLLAH", "Hezbollah")
                .containsEntry("HOUTHIS", "Houthis").containsEntry("WAGNER", "Wagner Group")
                .containsEntry("LBN", "Lebanon").containsEntry("PSE", "Palestine");
        Map<String, String> country = nodes(json("network", "--level", "country", "--db", db, "--format", "json"));
        assertThat(country).doesNotContainKeys("HAMAS", "HEZBOLLAH", "HOUTHIS", "WAGNER")
                .containsEntry("YEM", "Yemen").containsKey("GROUP_WAGNER");
        assertThat(country.keySet()).noneMatch(k -> k.endsWith("-REB"));
    }

    @Test
    void aGroupIsAnActorAndAnUnknownKeyNamesCloseMatches() throws Exception {
        JsonNode hamas = json("events", "--either", "HAMAS", "--limit", "0", "--db", db, "--format", "json");
        assertThat(hamas.path("total").asInt()).isPositive();
        for (JsonNode e : hamas.path("events")) {
            assertThat(e.toString()).contains("group:HAMAS");
        }
        CliRun.Run typo = CliRun.run("events", "--actor", "HAMSA", "--db", db);
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).contains("nothing is stored under HAMSA").contains("close matches: HAMAS");
        CliRun.Run none = CliRun.run("dyad", "RUS", "ZZZZZZZZ", "--db", db);
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("nothing is stored under ZZZZZZZZ");
    }
}
