package org.faultline.cli.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.faultline.model.ActorRef;
import org.faultline.model.Article;
import org.faultline.model.DatePrecision;
import org.faultline.model.Event;
import org.faultline.model.EventType;
import org.faultline.model.Evidence;
import org.faultline.model.Modality;
import org.faultline.store.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code bridges --theatre} naming keys with a dash (Syria's unnamed rebels, {@code SYR-REB}): sides split by ~, the
 * older form with - where the store's keys leave one reading, and members nothing is stored under refused.
 */
class TheatreOptionTest {
    @TempDir
    Path dir;
    private String db;

    private static ActorRef ref(String code) {
        return switch (code) {
            case "SYR-REB" -> new ActorRef("rebels", "SYR", "REB", null, null, 0, 6);
            case "HAMAS" -> new ActorRef("Hamas", "PSE", "REB", "Hamas", "group:HAMAS", 0, 5);
            default -> new ActorRef(code, code, "GOV", "Name " + code, "country:" + code, 0, 3);
        };
    }

    @BeforeEach
    void world() {
        List<Event> events = new ArrayList<>();
        String[][] world = {{"RUS", "ASSAULT", "SYR-REB"}, {"RUS", "ASSAULT", "SYR-REB"}, {"SYR", "ASSAULT", "SYR-REB"},
            {"ISR", "ASSAULT", "HAMAS"}, {"ISR", "ASSAULT", "HAMAS"}, {"TUR", "AID", "SYR-REB"}, {"TUR", "CONSULT", "HAMAS"}};
        for (String[] w : world) {
            int i = events.size();
            EventType type = EventType.valueOf(w[1]);
            String doc = "doc" + i;
            String sentence = String.join(" ", w) + " number " + i + ".";
            events.add(new Event("e" + i, doc, type, null, List.of(), "190", type.quadClass(), -10, List.of(ref(w[0])),
                    List.of(ref(w[2])), LocalDate.parse("2024-01-01").plusDays(i), DatePrecision.DAY, null, null,
                    false, Modality.ASSERTED, null, 0.9, List.of(new Evidence(doc, 0, 0, sentence.length(), sentence,
                    "x", 0, 1)), "rule", "test"));
        }
        db = dir.resolve("t.duckdb").toString();
        try (EventStore s = EventStore.open(db)) {
            for (Event e : events) {
                s.writer().storeCoded(new Article(e.docId(), e.date(), "Text " + e.id(), null, null, null,
                        "in/" + e.docId()), List.of(e));
            }
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new BridgesCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Turkey arms Syria's rebels and talks to Hamas: the bridge of the two wars, with whom it is tied in each. */
    private List<String> bridges(String syria, String gaza) throws Exception {
        Run r = run("--db", db, "--theatre", syria, "--theatre", gaza, "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        List<String> out = new ArrayList<>();
        for (JsonNode b : j.get("bridges")) {
            String actor = b.get("actor").asText();
            for (JsonNode t : b.get("involvements")) {
                List<String> with = new ArrayList<>();
                t.get("ties").forEach(x -> with.add(x.get(x.get("a").asText().equals(actor) ? "b" : "a").asText()));
                out.add(actor + " in " + t.get("theatre").asText() + " with " + with);
            }
        }
        return out;
    }

    @Test
    void aKeyWithADashIsOneMemberOfItsTheatre() throws Exception {
        assertThat(bridges("RUS/SYR~SYR-REB", "ISR~HAMAS")).containsExactlyInAnyOrder(
                "TUR in RUS/SYR~SYR-REB with [SYR-REB]", "TUR in ISR~HAMAS with [HAMAS]");
        // the older form: SYR-REB is a stored key, REB is none, so "RUS/SYR-SYR-REB" has one reading
        assertThat(bridges("RUS/SYR-SYR-REB", "ISR-HAMAS")).containsExactlyInAnyOrder(
                "TUR in RUS/SYR-SYR-REB with [SYR-REB]", "TUR in ISR-HAMAS with [HAMAS]");
    }

    @Test
    void aMemberNothingIsStoredUnderIsAUsageErrorWithCloseMatches() {
        Run r = run("--db", db, "--theatre", "RUS~SYR-RBE", "--theatre", "ISR~HAMAS");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--theatre RUS~SYR-RBE: nothing is stored under SYR-RBE; close matches: SYR-REB");
    }
}
