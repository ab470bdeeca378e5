package org.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.faultline.model.ActorRef;
import org.faultline.model.Event;
import org.faultline.model.EventJson;
import org.faultline.query.ActorKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From articles written here to {@code faultline faultlines}: six short dated articles are ingested with the real
 * coder into a DuckDB file, then {@code faultlines ISR UKR} and {@code faultlines UKR ISR} are asked for JSON.
 * The articles are built so that Israel and Ukraine cooperate directly (aid, thanks, an agreement), Israel refuses
 * Ukraine (air defences, Patriot missiles), Iran attacks both (a shared adversary) and Israel talks with Russia,
 * which attacks Ukraine (Israel's partner is Ukraine's adversary). The sentences were tried with
 * {@code faultline code} first; the assertions are on what the analysis answers, each point backed by one of the
 * sentences below. Only {@code ingest} loads the coder; the two analysis commands read the store.
 */
class FaultlinesEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** System.out and System.err are process-wide: one captured invocation at a time. */

    private record Article(String date, List<String> sentences) {
        String text() {
            return "Date: " + date + "\n\n" + String.join(" ", sentences) + "\n";
        }
    }

    /** Document id (the file name without .txt) to article. */
    private static final Map<String, Article> ARTICLES = new LinkedHashMap<>();

    static {
        ARTICLES.put("aid", new Article("2024-05-01", List.of(
                "Israel sent humanitarian aid to Ukraine.",
                "Ukraine thanked Israel for the aid.",
                "Israel and Ukraine signed a cooperation agreement.")));
        ARTICLES.put("refusal", new Article("2024-05-08", List.of(
                "Israel refused to send air defences to Ukraine.",
                "Israel rejected Ukraine's request for Patriot missiles.")));
        ARTICLES.put("iran-israel", new Article("2024-05-10", List.of(
                "Iran attacked Israel.",
                "Iranian missiles struck Israel.")));
        ARTICLES.put("iran-ukraine", new Article("2024-05-12", List.of(
                "Iran attacked Ukraine.",
                "Iran threatened Ukraine.")));
        ARTICLES.put("russia", new Article("2024-05-14", List.of(
                "Russia attacked Ukraine.",
                "Iran shipped drones to Russia.")));
        ARTICLES.put("talks", new Article("2024-05-16", List.of(
                "Russia and Israel held talks in Moscow.",
                "Israel praised Russia.")));
    }

    private static final Pattern STORED = Pattern.compile(
            "stored (\\d+) documents \\((\\d+) events\\) in .*; (\\d+) already stored, (\\d+) failed");

    /** Enough evidence per tie that every event of these small ties is listed. */
    private static final String EVIDENCE = "10";

    @TempDir
    Path dir;


    private static CliRun.Run run(String... args) {
        return CliRun.run(args);
    }

    private JsonNode faultlines(String db, String a, String b) throws IOException {
        CliRun.Run r = run("faultlines", a, b, "--db", db, "--format", "json", "--evidence", EVIDENCE);
        assertThat(r.exit()).as("faultlines %s %s, stderr: %s", a, b, r.err()).isZero();
        assertThat(r.err()).as("the analysis reads the store only").doesNotContain("loading NLP models");
        return JSON.readTree(r.out());
    }

    /** The one point of this kind (and third actor, null for direct points) in {@code points}. */
    private static JsonNode point(JsonNode points, String kind, String third) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode p : points) {
            if (p.get("kind").asText().equals(kind) && (third == null ? p.get("third").isNull()
                    : third.equals(p.get("third").asText(null)))) {
                found.add(p);
            }
        }
        assertThat(found).as("%s point with third %s among %s", kind, third, points).hasSize(1);
        return found.get(0);
    }

    private static List<String> kinds(JsonNode points) {
        List<String> k = new ArrayList<>();
        points.forEach(p -> k.add(p.get("kind").asText()));
        return k;
    }

    /**
     * The evidence of a point (events as the API gives them) in the short form these checks read: event and document
     * id, date, type, status, the first evidence sentence and the actors' and recipients' most specific keys.
     */
    private static List<JsonNode> evidenceOf(JsonNode point) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode e : point.get("evidence")) {
            Event ev = EventJson.fromNode(e);
            ObjectNode n = JSON.createObjectNode();
            n.put("event_id", ev.id());
            n.put("doc_id", ev.docId());
            n.put("date", ev.date().toString());
            n.put("event_type", ev.eventType().name());
            n.put("status", e.get("status").asText());
            n.put("sentence", ev.evidence().get(0).text().replaceAll("\\s+", " ").strip());
            n.put("actor", keys(ev.actor()));
            n.put("recipient", keys(ev.recipient()));
            out.add(n);
        }
        return out;
    }

    private static String keys(List<ActorRef> refs) {
        List<String> k = new ArrayList<>();
        refs.forEach(r -> k.add(ActorKey.groupKeyOf(r) == null ? r.text() : ActorKey.groupKeyOf(r)));
        return String.join(",", k);
    }

    /** The evidence item whose sentence is {@code sentence}, checked to be an event of these actors and type. */
    private static JsonNode evidence(JsonNode point, String sentence, String type, String actor, String recipient) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode e : evidenceOf(point)) {
            if (e.get("sentence").asText().equals(sentence) && e.get("event_type").asText().equals(type)) {
                found.add(e);
            }
        }
        assertThat(found).as("%s evidence \"%s\" in %s", type, sentence, point).hasSize(1);
        JsonNode e = found.get(0);
        assertThat(e.get("actor").asText()).as("actor of %s", e).isEqualTo(actor);
        assertThat(e.get("recipient").asText()).as("recipient of %s", e).isEqualTo(recipient);
        return e;
    }

    private static Set<String> eventIds(JsonNode point) {
        Set<String> ids = new TreeSet<>();
        evidenceOf(point).forEach(e -> ids.add(e.get("event_id").asText()));
        return ids;
    }

    /** Every evidence item is an event of one of our articles, dated by it, quoting one of its sentences. */
    private static void assertEvidenceFromOurArticles(JsonNode answer) {
        for (String side : List.of("intersections", "divergences")) {
            for (JsonNode p : answer.get(side)) {
                assertThat(p.get("evidence").size()).as("evidence of %s", p).isPositive();
                for (JsonNode e : evidenceOf(p)) {
                    Article source = ARTICLES.get(e.get("doc_id").asText());
                    assertThat(source).as("document of %s", e).isNotNull();
                    assertThat(e.get("date").asText()).as("date of %s", e).isEqualTo(source.date());
                    assertThat(source.sentences()).as("sentence of %s", e).contains(e.get("sentence").asText());
                }
            }
        }
    }

    private static String mirrored(String kind) {
        switch (kind) {
            case "a_refuses_b":
                return "b_refuses_a";
            case "b_refuses_a":
                return "a_refuses_b";
            case "a_partner_b_adversary":
                return "b_partner_a_adversary";
            case "b_partner_a_adversary":
                return "a_partner_b_adversary";
            default:
                return kind;
        }
    }

    @Test
    void faultlinesOfIngestedArticlesShowCooperationRefusalAndSharedAdversaryWithTheirSentences() throws IOException {
        Path corpus = Files.createDirectory(dir.resolve("articles"));
        for (Map.Entry<String, Article> a : ARTICLES.entrySet()) {
            Files.writeString(corpus.resolve(a.getKey() + ".txt"), a.getValue().text(), StandardCharsets.UTF_8);
        }
        String db = dir.resolve("e2e.duckdb").toString();

        CliRun.Run ingest = run("ingest", corpus.toString(), "--db", db);

        assertThat(ingest.exit()).as("stderr: %s", ingest.err()).isZero();
        Matcher m = STORED.matcher(ingest.err());
        assertThat(m.find()).as("summary in %s", ingest.err()).isTrue();
        assertThat(m.group(1)).as("documents stored").isEqualTo(Integer.toString(ARTICLES.size()));
        assertThat(m.group(4)).as("failed").isEqualTo("0");

        JsonNode isrUkr = faultlines(db, "ISR", "UKR");

        assertThat(isrUkr.get("a").asText()).isEqualTo("ISR");
        assertThat(isrUkr.get("b").asText()).isEqualTo("UKR");
        assertEvidenceFromOurArticles(isrUkr);
        JsonNode meet = isrUkr.get("intersections");
        JsonNode part = isrUkr.get("divergences");

        // (a) Direct cooperation: the aid, the thanks and the agreement, and nothing else.
        JsonNode coop = point(meet, "direct_cooperation", null);
        evidence(coop, "Israel sent humanitarian aid to Ukraine.", "AID", "ISR", "UKR");
        evidence(coop, "Ukraine thanked Israel for the aid.", "SUPPORT", "UKR", "ISR");
        // (a joint act of the two: the first named acts, the other is its recipient)
        evidence(coop, "Israel and Ukraine signed a cooperation agreement.", "SUPPORT", "ISR", "UKR");
        assertThat(coop.get("evidence").size()).as("evidence of %s", coop).isEqualTo(3);
        assertThat(coop.get("weight").asLong()).as("weight of %s", coop).isEqualTo(3);

        // (b) Israel refuses Ukraine: the refused delivery and the rejection, all by ISR towards UKR.
        JsonNode refusal = point(part, "a_refuses_b", null);
        assertThat(refusal.get("summary").asText()).startsWith("ISR refuses or rejects UKR");
        JsonNode refusedAid = evidence(refusal, "Israel refused to send air defences to Ukraine.", "AID", "ISR", "UKR");
        assertThat(refusedAid.get("status").asText()).isEqualTo("refused");
        JsonNode reject = evidence(refusal, "Israel refused to send air defences to Ukraine.", "REJECT", "ISR", "UKR");
        assertThat(reject.get("status").asText()).isEqualTo("realised");
        assertThat(refusal.get("evidence").size()).as("evidence of %s", refusal)
                .isEqualTo(refusal.get("weight").asInt());
        assertThat(kinds(part)).as("Ukraine refuses nothing").doesNotContain("b_refuses_a");
        // A realised REJECT is verbal conflict (quad class 3) as well as a refusal; so is the request Israel turned
        // down ("Ukraine's request": a demand, CAMEO 10, made by Ukraine to Israel). They are the only conflict
        // between the two, so the direct-conflict point rests on the rejection and that request.
        JsonNode conflict = point(part, "direct_conflict", null);
        JsonNode asked = evidence(conflict, "Israel rejected Ukraine's request for Patriot missiles.", "REQUEST", "UKR",
                "ISR");
        assertThat(eventIds(conflict)).containsExactlyInAnyOrder(reject.get("event_id").asText(),
                asked.get("event_id").asText());
        assertThat(conflict.get("weight").asLong()).isEqualTo(2);

        // (c) Iran attacks both: a shared adversary, with an attack on each as evidence.
        JsonNode iran = point(meet, "shared_adversary", "IRN");
        evidence(iran, "Iran attacked Israel.", "ASSAULT", "IRN", "ISR");
        evidence(iran, "Iran attacked Ukraine.", "ASSAULT", "IRN", "UKR");
        assertThat(iran.get("weight").asLong()).isPositive();

        // Israel talks with Russia, which attacks Ukraine: Israel's partner is Ukraine's adversary.
        JsonNode russia = point(part, "a_partner_b_adversary", "RUS");
        assertThat(russia.get("summary").asText()).isEqualTo("ISR cooperates with RUS, an adversary of UKR");
        evidence(russia, "Russia and Israel held talks in Moscow.", "CONSULT", "RUS", "ISR");
        evidence(russia, "Russia attacked Ukraine.", "ASSAULT", "RUS", "UKR");

        // Iran and Russia cooperate, but that tie involves neither A nor B.
        assertThat(kinds(meet)).doesNotContain("shared_partner");

        JsonNode ukrIsr = faultlines(db, "UKR", "ISR");

        assertThat(ukrIsr.get("a").asText()).isEqualTo("UKR");
        assertThat(ukrIsr.get("b").asText()).isEqualTo("ISR");
        assertEvidenceFromOurArticles(ukrIsr);
        JsonNode mirroredRefusal = point(ukrIsr.get("divergences"), "b_refuses_a", null);
        assertThat(mirroredRefusal.get("summary").asText()).startsWith("ISR refuses or rejects UKR");
        assertThat(eventIds(mirroredRefusal)).isEqualTo(eventIds(refusal));
        assertThat(kinds(ukrIsr.get("divergences"))).doesNotContain("a_refuses_b");
        JsonNode mirroredRussia = point(ukrIsr.get("divergences"), "b_partner_a_adversary", "RUS");
        assertThat(eventIds(mirroredRussia)).isEqualTo(eventIds(russia));
        // Every point of ISR-UKR has its mirror in UKR-ISR: same third actor, weight and events.
        for (String side : List.of("intersections", "divergences")) {
            assertThat(ukrIsr.get(side).size()).as(side).isEqualTo(isrUkr.get(side).size());
            for (JsonNode p : isrUkr.get(side)) {
                String third = p.get("third").isNull() ? null : p.get("third").asText();
                JsonNode q = point(ukrIsr.get(side), mirrored(p.get("kind").asText()), third);
                assertThat(q.get("weight").asLong()).as("weight of %s", q).isEqualTo(p.get("weight").asLong());
                assertThat(eventIds(q)).as("events of %s", q).isEqualTo(eventIds(p));
            }
        }
    }
}
