package org.faultline.cli.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.faultline.cli.UnderLocale;
import org.faultline.model.ActorRef;
import org.faultline.model.Article;
import org.faultline.model.DatePrecision;
import org.faultline.model.Event;
import org.faultline.model.EventJson;
import org.faultline.model.EventType;
import org.faultline.model.Evidence;
import org.faultline.model.Failure;
import org.faultline.model.Location;
import org.faultline.model.Modality;
import org.faultline.server.FaultlineServer;
import org.faultline.server.ServerConfig;
import org.faultline.store.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The question commands on a small literal store: every format parses and says what the analyses say. */
class AnalysisCommandsTest {
    @TempDir
    Path dir;
    private String db;
    private final List<Event> events = new ArrayList<>();

    private void add(String actor, EventType type, String recipient, Modality modality) {
        add(actor, type, recipient, modality, 0.9);
    }

    private void add(String actor, EventType type, String recipient, Modality modality, double confidence) {
        int i = events.size();
        String doc = "doc" + i;
        String sentence = actor + " " + type + " " + recipient + " number " + i + ".";
        events.add(new Event("e" + i, doc, type, null, List.of(), "043", type.quadClass(), 2.5, List.of(ref(actor)),
                recipient == null ? List.of() : List.of(ref(recipient)), LocalDate.parse("2024-01-01").plusDays(5L * i),
                DatePrecision.DAY, new Location("Kyiv", "UKR", null, 50.45, 30.52), null, false, modality, null, confidence,
                List.of(new Evidence(doc, 0, 0, sentence.length(), sentence, "x", 0, 1)), "rule", "test"));
    }

    private static ActorRef ref(String code) {
        return code.equals("HAMAS") ? new ActorRef("Hamas", "IMG", "REB", "Hamas", "HAMAS", 0, 5)
                : new ActorRef(code, code, "GOV", "Name " + code, "kb-" + code, 0, 3);
    }

    @BeforeEach
    void world() {
        for (int i = 0; i < 2; i++) {
            add("ISR", EventType.CONSULT, "UKR", Modality.ASSERTED);
            add("USA", EventType.AID, "ISR", Modality.ASSERTED);
            add("USA", EventType.AID, "UKR", Modality.ASSERTED);
            add("RUS", EventType.ASSAULT, "UKR", Modality.ASSERTED);
            add("ISR", EventType.ASSAULT, "HAMAS", Modality.ASSERTED);
            add("IRN", EventType.AID, "RUS", Modality.ASSERTED);
            add("IRN", EventType.AID, "HAMAS", Modality.ASSERTED);
            add("ISR", EventType.CONSULT, "RUS", Modality.ASSERTED);
        }
        add("ISR", EventType.AID, "UKR", Modality.REFUSED);
        db = dir.resolve("cli.duckdb").toString();
        try (EventStore s = EventStore.open(db)) {
            for (Event e : events) {
                s.writer().storeCoded(new Article(e.docId(), e.date(), "Text " + e.id(), null, null, null,
                        "in/" + e.docId()), List.of(e));
            }
            s.writer().storeFailure(new Failure("in/bad.txt", null, "read", "no date"));
        }
    }

    private String run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        assertThat(code).as(err.toString()).isZero();
        return out.toString();
    }

    /** How a command that should fail ended: its exit code and what it wrote to standard error. */
    private record Refusal(int exit, String err) {
    }

    private static Refusal refusal(Object command, String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        int exit = cl.execute(args);
        return new Refusal(exit, err.toString());
    }

    @Test
    void eventsInEveryFormat() throws Exception {
        String table = run(new EventsCommand(), "--db", db, "--actor", "USA", "--limit", "3");
        assertThat(table).contains("AID").contains("(3 of 4 events");
        List<String> jsonl = run(new EventsCommand(), "--db", db, "--limit", "0", "--format", "jsonl").lines().toList();
        assertThat(jsonl).hasSize(events.size());
        assertThat(EventJson.fromLine(jsonl.get(0))).isEqualTo(events.get(0));
        List<String> gdelt = run(new EventsCommand(), "--db", db, "--either", "HAMAS", "--format", "gdelt").lines()
                .toList();
        assertThat(gdelt).hasSize(4).allSatisfy(l -> assertThat(l.split("\t", -1)).hasSize(61));
        String[] first = gdelt.get(0).split("\t", -1);
        assertThat(first[1]).isEqualTo("20240121");
        assertThat(first[5]).isEqualTo("ISRGOV");
        assertThat(first[18]).isEqualTo("HAMAS");
        JsonNode json = new ObjectMapper().readTree(run(new EventsCommand(), "--db", db, "--status", "refused",
                "--format", "json"));
        assertThat(json.get("total").asInt()).isEqualTo(1);
        assertThat(json.get("events").get(0).get("status").asText()).isEqualTo("refused");
        assertThat(run(new EventsCommand(), "--db", db, "--format", "csv", "--limit", "1").lines().findFirst()
                .orElseThrow()).startsWith("event_id,story_id,mentions,date");
    }

    @Test
    void lowConfidenceListsTheEventsBelowTheBound() throws Exception {
        add("RUS", EventType.ASSAULT, "UKR", Modality.ASSERTED, 0.45); // the gate's second opinion disagreed
        add("RUS", EventType.PROTEST, "UKR", Modality.ASSERTED, 0.68); // it saw another type
        try (EventStore s = EventStore.open(db)) {
            for (Event e : events.subList(events.size() - 2, events.size())) {
                s.writer().storeCoded(new Article(e.docId(), e.date(), "Text " + e.id(), null, null, null,
                        "in/" + e.docId()), List.of(e));
            }
        }
        JsonNode below = new ObjectMapper().readTree(run(new EventsCommand(), "--db", db, "--low-confidence",
                "--format", "json"));
        assertThat(below.get("total").asInt()).isEqualTo(1);
        assertThat(below.get("events").get(0).get("id").asText()).isEqualTo("e17");
        assertThat(below.get("events").get(0).get("confidence").asDouble()).isEqualTo(0.45);
        JsonNode belowSeven = new ObjectMapper().readTree(run(new EventsCommand(), "--db", db, "--low-confidence",
                "0.7", "--format", "json"));
        assertThat(belowSeven.get("total").asInt()).isEqualTo(2);
    }

    @Test
    void csvHasDecimalPointsUnderAGermanLocale() throws Exception {
        UnderLocale.run(Locale.GERMANY, () -> {
            List<String> lines = run(new EventsCommand(), "--db", db, "--format", "csv", "--limit", "1").lines()
                    .toList();
            List<String> header = List.of(lines.get(0).split(","));
            String[] row = lines.get(1).split(",", -1);
            assertThat(row[header.indexOf("goldstein")]).isEqualTo("2.50");
            assertThat(row[header.indexOf("confidence")]).isEqualTo("0.90");
            List<String> blocs = run(new BlocsCommand(), "--db", db, "--format", "csv").lines().toList();
            assertThat(blocs).hasSizeGreaterThan(1);
            blocs.subList(1, blocs.size()).forEach(line -> assertThat(line.split(",", -1)[3]).as(line)
                    .matches("[0-9]+\\.[0-9]{2}"));
            assertThat(run(new BlocsCommand(), "--db", db)).containsPattern("signed modularity -?[0-9]\\.[0-9]{3};");
        });
    }

    @Test
    void faultlinesAsJson() throws Exception {
        JsonNode j = new ObjectMapper().readTree(run(new FaultlinesCommand(), "ISR", "UKR", "--db", db, "--format",
                "json"));
        List<String> meet = new ArrayList<>();
        j.get("intersections").forEach(p -> meet.add(p.get("kind").asText() + ":" + p.get("third").asText()));
        List<String> part = new ArrayList<>();
        j.get("divergences").forEach(p -> part.add(p.get("kind").asText() + ":" + p.get("third").asText()));
        assertThat(meet).containsExactly("direct_cooperation:null", "shared_partner:USA");
        assertThat(part).containsExactly("a_partner_b_adversary:RUS", "a_refuses_b:null");
        assertThat(j.get("divergences").get(0).get("evidence")).hasSize(4);
    }

    @Test
    void otherQuestionsAnswerInTheirFormats() throws Exception {
        ObjectMapper m = new ObjectMapper();
        assertThat(run(new NetworkCommand(), "--db", db, "--format", "graphml")).contains("<graphml");
        assertThat(m.readTree(run(new NetworkCommand(), "--db", db, "--format", "json")).get("edges")).hasSize(8);
        JsonNode sectors = m.readTree(run(new NetworkCommand(), "--db", db, "--level", "sector", "--format", "json"));
        assertThat(sectors.get("nodes")).allSatisfy(n -> assertThat(n.get("id").asText()).contains(":"));
        JsonNode blocs = m.readTree(run(new BlocsCommand(), "--db", db, "--format", "json"));
        assertThat(blocs.get("blocs").size()).isGreaterThanOrEqualTo(2);
        JsonNode bridges = m.readTree(run(new BridgesCommand(), "--db", db, "--format", "json"));
        List<String> bridging = new ArrayList<>();
        bridges.get("bridges").forEach(b -> bridging.add(b.get("actor").asText() + " " + b.get("score").asInt()));
        // ISR fights in one theatre and talks to both sides of the other (2 and 4 events); the others have 2 and 2:
        // IRN arms both wars, USA aids ISR and UKR, RUS and UKR each talk to ISR
        assertThat(bridging).containsExactly("ISR 2", "IRN 2", "RUS 2", "UKR 2", "USA 2");
        JsonNode dyad = m.readTree(run(new DyadCommand(), "RUS", "UKR", "--db", db, "--by", "year", "--format",
                "json"));
        assertThat(dyad.get("rows").get(0).get("by_quad").get(3).asInt()).isEqualTo(2);
        JsonNode novel = m.readTree(run(new NovelCommand(), "--db", db, "--since", "2024-02-01", "--format", "json"));
        assertThat(novel.get("novel")).isNotEmpty();
        assertThat(run(new FailuresCommand(), "--db", db)).contains("in/bad.txt").contains("no date");
    }

    /** Failures come in pages, as events do: the whole list by default, or --limit from --offset. */
    @Test
    void failuresArePaged() throws Exception {
        try (EventStore s = EventStore.open(db)) {
            s.writer().storeFailure(new Failure("in/a.txt", "a", "code", "no sentences"));
            s.writer().storeFailure(new Failure("in/c.txt", null, "read", "no text"));
        }
        ObjectMapper m = new ObjectMapper();
        JsonNode all = m.readTree(run(new FailuresCommand(), "--db", db, "--format", "json"));
        assertThat(all).isEqualTo(m.readTree("{\"total\": 3, \"limit\": 0, \"offset\": 0, \"failures\": ["
                + "{\"origin\": \"in/a.txt\", \"doc_id\": \"a\", \"stage\": \"code\", \"reason\": \"no sentences\"},"
                + "{\"origin\": \"in/bad.txt\", \"doc_id\": null, \"stage\": \"read\", \"reason\": \"no date\"},"
                + "{\"origin\": \"in/c.txt\", \"doc_id\": null, \"stage\": \"read\", \"reason\": \"no text\"}]}"));
        JsonNode page = m.readTree(run(new FailuresCommand(), "--db", db, "--limit", "1", "--offset", "1", "--format",
                "json"));
        assertThat(page.get("total").asInt()).isEqualTo(3);
        assertThat(page.get("failures")).containsExactly(all.get("failures").get(1));
        assertThat(run(new FailuresCommand(), "--db", db, "--limit", "2")).contains("3 failed documents")
                .contains("in/a.txt").contains("in/bad.txt").doesNotContain("in/c.txt")
                .contains("(2 of 3 shown; use --limit and --offset)");
        Refusal negative = refusal(new FailuresCommand(), "--db", db, "--offset", "-1");
        assertThat(negative.exit()).isEqualTo(2);
        assertThat(negative.err()).contains("--offset is -1; it must be 0 or more");
    }

    /**
     * One question, one answer: events, failures and each analysis asked on the command line ({@code --format json}) and of the API over
     * the same store, with the same parameters, gives equal JSON (both render it with the analysis's view); a
     * briefing the same Markdown and HTML.
     */
    @Test
    void theCommandLineAndTheApiGiveOneAnswer() throws Exception {
        try (EventStore s = EventStore.open(db)) {
            s.writer().storeFailure(new Failure("in/broken.html", "broken", "code", "no sentences"));
            s.writer().storeFailure(new Failure("in/long.txt", "long", "code-sentence", "sentence 3 left uncoded"));
        }
        try (FaultlineServer server = FaultlineServer.open(ServerConfig.defaults(db).withPort(0)).start()) {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            ObjectMapper m = new ObjectMapper();
            Map<String, Object[]> questions = new LinkedHashMap<>();
            questions.put("events?either=USA&limit=3&offset=1",
                    new Object[] {new EventsCommand(), "--either", "USA", "--limit", "3", "--offset", "1"});
            questions.put("blocs?min_events=1", new Object[] {new BlocsCommand(), "--min-events", "1"});
            questions.put("network?min_events=1", new Object[] {new NetworkCommand(), "--min-events", "1"});
            questions.put("dyad?a=RUS&b=UKR&by=year&evidence=2",
                    new Object[] {new DyadCommand(), "RUS", "UKR", "--by", "year", "--evidence", "2"});
            questions.put("bridges?min_events=1&evidence=1",
                    new Object[] {new BridgesCommand(), "--min-events", "1", "--evidence", "1"});
            questions.put("novel?since=2024-02-01&evidence=1",
                    new Object[] {new NovelCommand(), "--since", "2024-02-01", "--evidence", "1"});
            questions.put("faultlines?a=ISR&b=UKR&evidence=1",
                    new Object[] {new FaultlinesCommand(), "ISR", "UKR", "--evidence", "1"});
            questions.put("faultlines?parties=ISR,UKR,RUS&evidence=1",
                    new Object[] {new FaultlinesCommand(), "ISR", "UKR", "RUS", "--evidence", "1"});
            questions.put("failures?limit=2&offset=1", new Object[] {new FailuresCommand(), "--limit", "2", "--offset",
                "1"});
            for (Map.Entry<String, Object[]> q : questions.entrySet()) {
                List<String> args = new ArrayList<>();
                for (int i = 1; i < q.getValue().length; i++) {
                    args.add((String) q.getValue()[i]);
                }
                args.addAll(List.of("--db", db, "--format", "json"));
                JsonNode cli = m.readTree(run(q.getValue()[0], args.toArray(String[]::new)));
                java.net.http.HttpResponse<String> r = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(server.address() + "api/" + q.getKey())).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as("%s: %s", q.getKey(), r.body()).isEqualTo(200);
                assertThat(cli).as(q.getKey()).isNotEmpty().isEqualTo(m.readTree(r.body()));
            }
            // a briefing is HTML or Markdown, not JSON: the same text, its links to the same desk
            String desk = server.address().replaceAll("/$", "");
            for (String format : List.of("md", "html")) {
                String cli = run(new BriefCommand(), "ISR", "UKR", "--evidence", "1", "--format", format,
                        "--server-url", desk, "--db", db);
                java.net.http.HttpResponse<String> r = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(server.address() + "api/brief?parties=ISR,UKR&evidence=1&format=" + format))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as("brief %s: %s", format, r.body()).isEqualTo(200);
                assertThat(cli).as("brief " + format).contains("ISR").isEqualTo(r.body());
            }
        }
    }

    @Test
    void storiesAreListedShownSplitAndRemerged() throws Exception {
        String merged = dir.resolve("stories.duckdb").toString();
        try (EventStore s = EventStore.open(merged)) {
            for (int i = 0; i < 3; i++) {
                String doc = "wire" + i;
                String sentence = "Russian forces struck Kharkiv, report " + i + ".";
                Event e = new Event("k" + i, doc, EventType.ASSAULT, null, List.of(), "190", 4, -10, List.of(ref("RUS")),
                        List.of(ref("UKR")), LocalDate.parse("2024-05-10"), DatePrecision.DAY, null, null, false,
                        Modality.ASSERTED, null, 0.9, List.of(new Evidence(doc, 0, 0, sentence.length(), sentence,
                        "struck", 15, 21)), "rule", "test");
                s.writer().storeCoded(new Article(doc, LocalDate.parse("2024-05-11"), "Text " + i, null, null, null,
                        doc), List.of(e));
            }
        }
        ObjectMapper m = new ObjectMapper();
        JsonNode list = m.readTree(run(new StoriesCommand(), "--db", merged, "--format", "json"));
        assertThat(list.get("stories")).hasSize(1);
        assertThat(list.get("stories").get(0).get("mentions").asInt()).isEqualTo(3);
        assertThat(list.get("stories").get(0).get("representative").get("sentence").asText()).endsWith("report 0.");
        assertThat(run(new StoriesCommand(), "--db", merged, "show", "k0")).contains("3 mentions in 3 documents")
                .contains("report 1.").contains("report 2.");
        assertThat(run(new StoriesCommand(), "show", "k0", "--db", merged, "--format", "json"))
                .as("--db after the subcommand").contains("\"story_id\" : \"k0\"");
        assertThat(run(new StoriesCommand(), "--db", merged, "split", "k0")).contains("3 mentions");
        assertThat(m.readTree(run(new StoriesCommand(), "--db", merged, "--format", "json")).get("stories")).isEmpty();
        assertThat(run(new StoriesCommand(), "--db", merged, "remerge")).contains("0 events reported more than once")
                .contains("3 split mentions kept apart");
        assertThat(run(new StoriesCommand(), "--db", merged, "remerge", "--forget-splits"))
                .contains("1 events reported more than once");
        assertThat(run(new StoriesCommand(), "--db", merged, "off")).contains("merging is off");
        assertThat(run(new StoriesCommand(), "--db", merged)).contains("0 merged events").contains("merging is off");

        Refusal unknown = refusal(new StoriesCommand(), "--db", merged, "show", "nope");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("no merged story has the id 'nope'");
        Refusal badRule = refusal(new StoriesCommand(), "--db", merged, "remerge", "--rule", "3,7");
        assertThat(badRule.exit()).isEqualTo(2);
        assertThat(badRule.err()).contains("expected four day windows");
    }

    @Test
    void unknownFormatNamesTheAcceptedOnes() {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new BlocsCommand());
        cl.setErr(new PrintWriter(err));
        cl.setExecutionExceptionHandler((ex, c, p) -> {
            c.getErr().println(ex.getMessage());
            return 2;
        });
        assertThat(cl.execute("--db", db, "--format", "gexf")).isEqualTo(2);
        assertThat(err.toString()).contains("expected one of table, json, csv");
    }
}
