package org.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The real {@code faultline} command line, run in-process through {@link Main#run} with the real coder. Each
 * coding command builds its coder (CoreNLP's annotators are cached per JVM, so only the first build is slow);
 * the class keeps to six such invocations and groups its assertions around them.
 */
class CliEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every field of the JSON Lines event contract (README, "Event schema"). */
    private static final List<String> EVENT_FIELDS = List.of("id", "doc_id", "event_type", "mode", "context",
            "cameo_code", "quad_class", "goldstein", "actor", "recipient", "date", "date_precision", "location",
            "quantity", "negated", "modality", "attribution", "confidence", "evidence", "rule", "version");
    private static final List<String> EVIDENCE_FIELDS = List.of("doc_id", "sentence", "start", "end", "text",
            "trigger", "trigger_start", "trigger_end");
    /** The TSV columns as the README lists them. */
    private static final List<String> TSV_COLUMNS = List.of("id", "doc_id", "date", "date_precision", "event_type",
            "mode", "cameo_code", "quad_class", "goldstein", "actor_codes", "actor_sectors", "actor_text",
            "recipient_codes", "recipient_sectors", "recipient_text", "location_country", "location_text",
            "modality", "negated", "attribution", "quantity", "confidence", "trigger", "trigger_start", "trigger_end",
            "sentence", "rule", "location_alternatives");

    private static final String ARTICLE = "Iran shipped drones to Russia on Monday. "
            + "Israeli jets struck Hezbollah positions in southern Lebanon.";

    /** System.out and System.err are process-wide: one captured invocation at a time. */

    @TempDir
    Path dir;


    private static CliRun.Run run(String... args) {
        return CliRun.run(args);
    }

    private static List<JsonNode> parseLines(List<String> lines) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String l : lines) {
            nodes.add(JSON.readTree(l));
        }
        return nodes;
    }

    private static boolean hasCode(JsonNode actors, String code) {
        for (JsonNode a : actors) {
            if (code.equals(a.path("code").asText(null))) {
                return true;
            }
        }
        return false;
    }

    /** Whole-contract checks on one event printed for a document whose text is {@code docText}. */
    private static void assertContract(JsonNode e, String docText) {
        assertThat(e.isObject()).as("event is an object: %s", e).isTrue();
        assertThat(iterable(e.fieldNames())).as("fields of %s", e).containsAll(EVENT_FIELDS);
        assertThat(e.get("id").asText()).isNotBlank();
        assertThat(e.get("context").isArray()).isTrue();
        assertThat(e.get("quad_class").asInt()).isBetween(1, 4);
        assertThat(e.get("confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(e.get("actor").isArray()).isTrue();
        assertThat(e.get("recipient").isArray()).isTrue();
        assertThat(e.get("date_precision").asText()).isIn("day", "week", "month", "year", "article");
        assertThat(e.get("modality").asText()).isIn("asserted", "negated", "refused", "future", "hypothetical");
        assertThat(e.get("negated").isBoolean()).isTrue();
        assertThat(e.get("evidence").size()).as("evidence of %s", e).isPositive();
        for (JsonNode ev : e.get("evidence")) {
            assertThat(iterable(ev.fieldNames())).containsAll(EVIDENCE_FIELDS);
            assertThat(ev.get("doc_id").asText()).isEqualTo(e.get("doc_id").asText());
            int start = ev.get("start").asInt();
            int end = ev.get("end").asInt();
            int ts = ev.get("trigger_start").asInt();
            int te = ev.get("trigger_end").asInt();
            assertThat(start).isBetween(0, end);
            assertThat(end).isLessThanOrEqualTo(docText.length());
            assertThat(ev.get("text").asText()).as("evidence text is the document's [start,end)")
                    .isEqualTo(docText.substring(start, end));
            assertThat(ts).as("trigger start inside the evidence span").isBetween(start, te);
            assertThat(te).as("trigger end inside the evidence span").isLessThanOrEqualTo(end);
            assertThat(te).isGreaterThan(ts);
            String firstTriggerWord = ev.get("trigger").asText().strip().split("\\s+")[0];
            assertThat(docText.substring(ts, te)).as("trigger span of %s", ev).contains(firstTriggerWord);
        }
        JsonNode place = e.get("location");
        if (place.isObject()) {
            assertThat(iterable(place.fieldNames())).containsExactly("text", "country", "admin1", "lat", "lon", "start",
                    "end", "alternatives");
            assertThat(place.get("alternatives").isNull() || place.get("alternatives").asInt() >= 1)
                    .as("alternatives of %s", place).isTrue();
        }
        for (String role : List.of("actor", "recipient")) {
            for (JsonNode a : e.get(role)) {
                int s = a.path("start").asInt(-1);
                int t = a.path("end").asInt(-1);
                if (s >= 0 && t > s) {
                    assertThat(t).isLessThanOrEqualTo(docText.length());
                    assertThat(a.path("text").asText()).as("%s text is the document's [start,end)", role)
                            .isEqualTo(docText.substring(s, t));
                }
            }
        }
    }

    private static List<String> iterable(Iterator<String> it) {
        List<String> l = new ArrayList<>();
        it.forEachRemaining(l::add);
        return l;
    }

    @Test
    void codePrintsContractEventsWithEvidenceSpansInTheDocument() throws IOException {
        Path article = dir.resolve("column.txt");
        Files.writeString(article, ARTICLE + "\n", StandardCharsets.UTF_8);
        // The plain-text reader strips surrounding white space; offsets are into that text.
        String docText = Files.readString(article, StandardCharsets.UTF_8).strip();

        CliRun.Run r = run("code", "--date", "2024-11-14", article.toString());

        assertThat(r.exit()).as("stderr: %s", r.err()).isZero();
        assertThat(r.err()).contains("coded 1 documents").contains("0 failed");
        List<JsonNode> events = parseLines(r.outLines());
        assertThat(events).isNotEmpty();
        for (JsonNode e : events) {
            assertContract(e, docText);
            assertThat(e.get("doc_id").asText()).isEqualTo("column");
            assertThat(e.get("date").asText()).startsWith("2024-11");
        }
        assertThat(events).as("IRN -AID-> RUS among %s", r.out())
                .anyMatch(e -> e.get("event_type").asText().equals("AID") && hasCode(e.get("actor"), "IRN")
                        && hasCode(e.get("recipient"), "RUS"));
        // a place read from the text through the gazetteer says how many places bore its name: the country and the
        // towns called Lebanon in the United States
        assertThat(events).as("a located event among %s", r.out()).anyMatch(e -> e.at("/location/text").asText()
                .contains("Lebanon") && e.at("/location/country").asText().equals("LBN")
                && e.at("/location/alternatives").asInt() > 1);
        assertThat(r.err()).contains("events").doesNotContain("error:");
    }

    @Test
    void badInputIsReportedPerFileAndLineWhileGoodDocumentsAreStillCoded() throws IOException {
        Path in = Files.createDirectory(dir.resolve("in"));
        Files.writeString(in.resolve("a-good.txt"), "Date: 2024-05-01\n\n" + ARTICLE + "\n", StandardCharsets.UTF_8);
        Files.write(in.resolve("b-empty.txt"), new byte[0]);
        Files.write(in.resolve("c-blob.dat"), new byte[] {'P', 'K', 0, 0, 3, 4, 0, 0, 'x', 0});
        byte[] latin1 = "Date: 2024-05-01\n\nTehran said it sent drones to Moscow, caf\u00e9 owners said.\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        Files.write(in.resolve("d-latin1.txt"), latin1);
        Files.writeString(in.resolve("e-feed.jsonl"), String.join("\n",
                "{\"id\":\"feed-1\",\"date\":\"2024-05-02\",\"text\":\"Israeli jets struck Hezbollah positions in "
                        + "southern Lebanon.\"}",
                "{\"id\":\"feed-2\",\"date\":\"2024-05-02\",\"text\":\"Russia attacked",
                "{\"id\":\"feed-3\",\"text\":\"Russian troops attacked Ukrainian positions near Kharkiv.\"}") + "\n",
                StandardCharsets.UTF_8);

        CliRun.Run r = run("code", in.toString());

        assertThat(r.exit()).as("stderr: %s", r.err()).isEqualTo(1);
        String err = r.err();
        assertThat(err).contains(in.resolve("b-empty.txt") + ": is empty");
        assertThat(err).contains(in.resolve("c-blob.dat") + ": looks binary");
        assertThat(err).contains(in.resolve("d-latin1.txt") + ": invalid UTF-8");
        assertThat(err).contains(in.resolve("e-feed.jsonl") + ":2: malformed JSON");
        assertThat(err).contains(in.resolve("e-feed.jsonl") + ":3: no date");
        assertThat(err).doesNotContain(in.resolve("e-feed.jsonl") + ":1").doesNotContain("a-good.txt:");
        assertThat(err.lines().filter(l -> l.startsWith("error: "))).hasSize(5);
        assertThat(err).containsPattern("coded 2 documents, \\d+ events, 5 failed");

        List<JsonNode> events = parseLines(r.outLines());
        Set<String> docs = new LinkedHashSet<>();
        events.forEach(e -> docs.add(e.get("doc_id").asText()));
        assertThat(docs).as("documents with events").containsExactly("a-good", "feed-1");
        String feedText = "Israeli jets struck Hezbollah positions in southern Lebanon.";
        for (JsonNode e : events) {
            assertContract(e, e.get("doc_id").asText().equals("a-good") ? ARTICLE : feedText);
        }
        assertThat(events).filteredOn(e -> e.get("doc_id").asText().equals("a-good"))
                .allMatch(e -> e.get("date").asText().startsWith("2024-0"));
    }

    @Test
    void tsvHasTheDocumentedHeaderAndRectangularRows() throws IOException {
        Path article = dir.resolve("column.txt");
        Files.writeString(article, ARTICLE + " Russia sanctioned three Ukrainian banks.\n", StandardCharsets.UTF_8);

        CliRun.Run r = run("code", "--format", "tsv", "--date", "2024-11-14", article.toString());

        assertThat(r.exit()).as("stderr: %s", r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(lines.get(0)).startsWith("id\tdoc_id\tdate\tdate_precision\tevent_type\t");
        assertThat(List.of(lines.get(0).split("\t", -1))).containsExactlyElementsOf(TSV_COLUMNS);
        int triggerStart = TSV_COLUMNS.indexOf("trigger_start");
        for (String row : lines.subList(1, lines.size())) {
            String[] cells = row.split("\t", -1);
            assertThat(cells).as("row %s", row).hasSize(TSV_COLUMNS.size());
            assertThat(cells[1]).isEqualTo("column");
            assertThat(cells[2]).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(cells[4]).matches("[A-Z]+");
            assertThat(cells[triggerStart]).matches("\\d+");
            assertThat(cells[triggerStart + 1]).matches("\\d+");
        }
        assertThat(lines.subList(1, lines.size())).anyMatch(l -> l.contains("\tAID\t") && l.contains("\tIRN\t"));
    }

    @Test
    void usageErrorsExitTwoWithoutLoadingModels() throws IOException {
        Path article = dir.resolve("column.txt");
        Files.writeString(article, ARTICLE, StandardCharsets.UTF_8);

        CliRun.Run unknown = run("code", "--no-such-option", article.toString());
        CliRun.Run missing = run("code", "--date", "2024-11-14");
        CliRun.Run badDate = run("code", "--date", "2024-13-45", article.toString());
        CliRun.Run noCommand = run("no-such-command");

        for (CliRun.Run r : List.of(unknown, missing, badDate, noCommand)) {
            assertThat(r.exit()).as("stderr: %s", r.err()).isEqualTo(2);
            assertThat(r.err()).doesNotContain("loading NLP models");
            assertThat(r.out()).isEmpty();
        }
        for (CliRun.Run r : List.of(unknown, missing, badDate)) {
            assertThat(r.err()).contains("Usage: faultline code");
        }
        assertThat(unknown.err()).contains("--no-such-option");
        assertThat(missing.err()).contains("PATH");
        assertThat(badDate.err()).contains("2024-13-45");
        assertThat(noCommand.err()).contains("no-such-command");
    }

    private static final Pattern STORED = Pattern.compile(
            "stored (\\d+) documents \\((\\d+) events\\) in .*; (\\d+) already stored, (\\d+) failed");

    private static final String[] CORPUS = {
        "Date: 2024-03-04\n\nIran shipped drones to Russia on Monday.\n",
        "Date: 2024-03-05\n\nIsraeli jets struck Hezbollah positions in southern Lebanon on Tuesday.\n",
        "Date: 2024-03-06\n\nThe United States sanctioned three Russian banks on Wednesday.\n",
    };

    private static final String FIRST_ARTICLE = "Date: 2024-03-07\n\nFrance sanctioned Iran over drones on Thursday.\n";
    private static final String LATER_ARTICLE = "Date: 2024-03-08\n\nRussian troops attacked the Ukrainian city of "
            + "Kharkiv on Friday.\n";

    /**
     * Two runs over one corpus store each document once. The first run also takes {@code a/article.txt}, the second
     * {@code b/article.txt} with another text under the same id (issue 13): it is stored as {@code article~HASH} with a
     * document-id warning, beside the first, whose events stay as they were. A third run stores nothing.
     */
    @Test
    void ingestTwiceStoresEachDocumentOnceAndAReusedIdUnderItsVersion() throws IOException {
        Path corpus = Files.createDirectory(dir.resolve("corpus"));
        for (int i = 0; i < CORPUS.length; i++) {
            Files.writeString(corpus.resolve("article-" + i + ".txt"), CORPUS[i], StandardCharsets.UTF_8);
        }
        Path first = Files.createDirectories(dir.resolve("a")).resolve("article.txt");
        Path later = Files.createDirectories(dir.resolve("b")).resolve("article.txt");
        Files.writeString(first, FIRST_ARTICLE, StandardCharsets.UTF_8);
        Files.writeString(later, LATER_ARTICLE, StandardCharsets.UTF_8);
        String versioned = "article~" + org.faultline.store.ContentHash.of(LATER_ARTICLE.substring(
                LATER_ARTICLE.indexOf("\n\n"))).substring(0, 12);
        String db = dir.resolve("t.duckdb").toString();

        CliRun.Run firstRun = run("ingest", "--db", db, corpus.toString(), first.toString());
        assertThat(firstRun.exit()).as("stderr: %s", firstRun.err()).isZero();
        Matcher m1 = STORED.matcher(firstRun.err());
        assertThat(m1.find()).as("summary in %s", firstRun.err()).isTrue();
        assertThat(m1.group(1)).isEqualTo("4");
        assertThat(m1.group(3)).isEqualTo("0");
        assertThat(m1.group(4)).isEqualTo("0");
        JsonNode afterFirst = storedEvents(db);

        CliRun.Run second = run("ingest", "--db", db, corpus.toString(), later.toString());
        assertThat(second.exit()).as("stderr: %s", second.err()).isZero();
        Matcher m2 = STORED.matcher(second.err());
        assertThat(m2.find()).as("summary in %s", second.err()).isTrue();
        assertThat(m2.group(1)).as("new documents").isEqualTo("1");
        assertThat(m2.group(3)).as("already stored").isEqualTo("3");
        assertThat(m2.group(4)).isEqualTo("0");
        assertThat(second.err()).contains("1 documents stored as ID~HASH: their id names another text stored before");
        JsonNode afterSecond = storedEvents(db);

        long total = afterFirst.get("total").asLong();
        assertThat(total).as("events stored by the first run").isPositive()
                .isEqualTo(Long.parseLong(m1.group(2)));
        assertThat(afterSecond.get("total").asLong()).isEqualTo(total + Long.parseLong(m2.group(2)));
        assertThat(afterFirst.get("events").size()).isEqualTo((int) total);
        assertThat(ids(afterSecond)).containsAll(ids(afterFirst));
        assertThat(afterFirst.get("events")).anyMatch(e -> e.get("event_type").asText().equals("AID")
                && hasCode(e.get("actor"), "IRN") && hasCode(e.get("recipient"), "RUS"));
        // the first article's events, evidence spans included, are those of the first run
        assertThat(eventsOf(afterSecond, "article")).isNotEmpty().isEqualTo(eventsOf(afterFirst, "article"));
        assertThat(eventsOf(afterSecond, versioned)).isNotEmpty().allSatisfy(e -> assertThat(e.get("evidence"))
                .allSatisfy(ev -> assertThat(ev.get("doc_id").asText()).isEqualTo(versioned)));

        CliRun.Run failures = run("failures", "--db", db, "--format", "json");
        assertThat(failures.exit()).isZero();
        JsonNode row = JSON.readTree(failures.out()).get("failures").get(0);
        assertThat(List.of(row.get("origin").asText(), row.get("doc_id").asText(), row.get("stage").asText(),
                row.get("reason").asText())).isEqualTo(List.of(later.toString(), versioned, "document-id",
                "document id 'article' names another text stored before (from " + first + "); this text is stored as '"
                        + versioned + "'"));

        CliRun.Run third = run("ingest", "--db", db, corpus.toString(), first.toString(), later.toString());
        Matcher m3 = STORED.matcher(third.err());
        assertThat(m3.find()).as("summary in %s", third.err()).isTrue();
        assertThat(List.of(m3.group(1), m3.group(3), m3.group(4))).isEqualTo(List.of("0", "5", "0"));
        assertThat(ids(storedEvents(db))).containsExactlyElementsOf(ids(afterSecond));
    }

    /** The events of one document in an answer of {@code events --format json}, in order. */
    private static List<JsonNode> eventsOf(JsonNode answer, String docId) {
        List<JsonNode> out = new ArrayList<>();
        answer.get("events").forEach(e -> {
            if (e.get("doc_id").asText().equals(docId)) {
                out.add(e);
            }
        });
        return out;
    }

    private static JsonNode storedEvents(String db) throws IOException {
        CliRun.Run r = run("events", "--db", db, "--format", "json", "--limit", "0");
        assertThat(r.exit()).as("stderr: %s", r.err()).isZero();
        return JSON.readTree(r.out());
    }

    private static List<String> ids(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.get("events").forEach(e -> ids.add(e.get("id").asText()));
        return ids;
    }

    static List<String> subcommands() {
        return new CommandLine(new Main()).getSubcommands().keySet().stream().filter(n -> !n.equals("help")).toList();
    }

    @ParameterizedTest(name = "{0} --help")
    @MethodSource("subcommands")
    void everySubcommandHelpShowsAnExample(String command) {
        CliRun.Run r = run(command, "--help");

        assertThat(r.exit()).as("stderr: %s", r.err()).isZero();
        assertThat(r.out()).contains("Usage: faultline " + command).containsPattern("(?m)^Examples?:$");
        assertThat(r.err()).doesNotContain("loading NLP models");
    }

    @Test
    void topLevelHelpListsTheSubcommands() {
        CliRun.Run r = run("--help");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Example:");
        for (String c : subcommands()) {
            assertThat(r.out()).contains(c);
        }
    }
}
