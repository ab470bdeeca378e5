package org.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.faultline.query.EventFilter;
import org.faultline.server.FaultlineServer;
import org.faultline.server.ServerConfig;
import org.faultline.store.EventStore;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every usage error exits 2 with a message in the user's words (no Java class or field names), before a store is
 * opened or the NLP models load (issue 13, Usage errors). {@code --db} names a store that does not exist, so a
 * command that got as far as opening it would exit 1 instead.
 */
class UsageErrorsTest {
    @TempDir
    static Path dir;

    /** The command line (ARTICLE and MISSING_DB replaced), and what the message must say. */
    record Case(List<String> args, String says) {
        @Override
        public String toString() {
            return String.join(" ", args);
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(List.of("events", "--limit", "-1"), "--limit is -1; it must be 0 or more"),
                new Case(List.of("events", "--offset", "-3"), "--offset is -3"),
                new Case(List.of("events", "--order", "oldest"), "expected date, newest or salience"),
                new Case(List.of("events", "--type", "NOPE"), "--type"),
                new Case(List.of("events", "--quad", "7"), "--quad 7 is not a quad class"),
                new Case(List.of("events", "--format", "parquet"), "--format parquet writes a binary file: give -o FILE"),
                new Case(List.of("events", "--format", "xml"),
                        "--format: unknown format 'xml'; expected one of table, json, jsonl, csv, gdelt, parquet"),
                new Case(List.of("network", "--format", "parquet"), "expected one of table, json, csv, graphml, gexf, dot"),
                new Case(List.of("stories", "show", "abc", "--format", "csv"), "expected one of table, json"),
                new Case(List.of("brief", "ISR", "UKR", "--format", "pdf"), "expected one of html, md"),
                new Case(List.of("events", "--format", "csv", "-o", "/no/such/folder/e.csv"),
                        "--output /no/such/folder/e.csv cannot be created"),
                new Case(List.of("events", "--from", "2024-02-30"), "'2024-02-30' is not a date like 2024-06-19"),
                new Case(List.of("network", "--min-events", "-5"), "--min-events is -5; it must be at least 1"),
                new Case(List.of("network", "--out", "/no/such/folder/net.json"), "the folder /no/such/folder does not exist"),
                new Case(List.of("blocs", "--min-events", "0"), "--min-events is 0"),
                new Case(List.of("blocs", "--level", "galaxy"), "--level"),
                new Case(List.of("bridges", "--evidence", "-1"), "--evidence is -1"),
                new Case(List.of("dyad", "RUS", "UKR", "--by", "fortnight"), "--by"),
                new Case(List.of("faultlines", "ISR", "UKR", "--evidence", "-2"), "--evidence is -2"),
                new Case(List.of("stories", "--limit", "-1"), "--limit is -1"),
                new Case(List.of("code", "--threads", "0", "ARTICLE"), "--threads is 0; it must be at least 1"),
                new Case(List.of("code", "--date", "2024-13-45", "ARTICLE"), "'2024-13-45' is not a date"),
                new Case(List.of("code", "-o", "/no/such/folder/out.jsonl", "--date", "2024-11-14", "ARTICLE"),
                        "--output /no/such/folder/out.jsonl cannot be created"),
                new Case(List.of("code", "--date", "2024-11-14", "no-such-article.txt"),
                        "no such file or folder: no-such-article.txt"),
                new Case(List.of("ingest", "--threads", "0", "ARTICLE"), "--threads is 0"),
                new Case(List.of("ingest", "--date", "2024-11-14", "ARTICLE", "nowhere/"),
                        "no such file or folder: nowhere/"),
                new Case(List.of("bench", "--limit", "-1", "ARTICLE"), "--limit is -1"),
                new Case(List.of("code", "--gate", "maybe", "ARTICLE"),
                        "--gate: unknown gate setting 'maybe'; expected off, on or a threshold between 0 and 1"),
                new Case(List.of("serve", "--port", "0", "--gate", "1.2"),
                        "--gate: unknown gate setting '1.2'; expected off, on or a threshold between 0 and 1"),
                new Case(List.of("ingest", "--semantic-merge", "1.5", "ARTICLE"), "--semantic-merge is 1.5; it must be a "
                        + "cosine similarity between 0 and 1"),
                new Case(List.of("events", "--low-confidence", "2"), "--low-confidence: confidence bound 2.0 is not in "
                        + "(0, 1]"),
                new Case(List.of("serve", "--port", "0", "--code-timeout", "0"), "--code-timeout is 0"),
                new Case(List.of("serve", "--port", "0", "--allow-host", "http://x.org/"), "not a host name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void exitsTwoInTheUsersWordsBeforeAnythingLoads(Case c) throws IOException {
        Path article = dir.resolve("article.txt");
        Files.writeString(article, "Date: 2024-11-14\n\nRussia attacked Ukraine.", StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>();
        c.args().forEach(a -> args.add(a.equals("ARTICLE") ? article.toString() : a));
        if (!List.of("code", "bench").contains(args.get(0))) {
            args.add("--db");
            args.add(dir.resolve("missing.duckdb").toString());
        }
        CliRun.Run r = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> CliRun.run(args.toArray(String[]::new)));
        assertThat(r.exit()).as("stderr: %s", r.err()).isEqualTo(2);
        assertThat(r.err()).contains(c.says()).contains("Usage: faultline");
        assertThat(r.err()).doesNotContain("loading NLP models", "Exception", "java.", "Integer", "LocalDate",
                "minEvents", "maxCodeKb", "store does not exist", "no store");
        assertThat(r.out()).isEmpty();
        assertThat(dir.resolve("missing.duckdb")).doesNotExist();
    }

    @Test
    void ingestReportsAStoreItCannotOpenBeforeLoadingTheModels() throws IOException {
        Path article = dir.resolve("one.txt");
        Files.writeString(article, "Date: 2024-11-14\n\nRussia attacked Ukraine.", StandardCharsets.UTF_8);
        Path notAStore = Files.createDirectories(dir.resolve("a-folder.duckdb"));
        CliRun.Run r = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> CliRun.run("ingest", "--db", notAStore.toString(), article.toString()));
        assertThat(r.exit()).as("stderr: %s", r.err()).isEqualTo(1);
        assertThat(r.err()).doesNotContain("loading NLP models");
    }

    @Test
    void theCommandLineAndTheApiNameTheSameOrders() {
        assertThat(EventFilter.Order.parse("date")).isEqualTo(EventFilter.Order.DATE);
        assertThat(EventFilter.Order.parse("newest")).isEqualTo(EventFilter.Order.DATE_DESC);
        assertThat(EventFilter.Order.parse("date_desc")).isEqualTo(EventFilter.Order.DATE_DESC);
        assertThat(EventFilter.Order.parse("Salience")).isEqualTo(EventFilter.Order.SALIENCE);
    }

    @Test
    void serveOnAllInterfacesPrintsTheRealAddressAndWarns() {
        String db = dir.resolve("served.duckdb").toString();
        EventStore.open(db).close();
        try (FaultlineServer loopback = FaultlineServer.open(ServerConfig.defaults(db).withPort(0)).start()) {
            String banner = ServeCommand.banner(loopback, db);
            assertThat(banner).contains("http://127.0.0.1:" + loopback.port() + "/").doesNotContain("warning");
        }
        try (FaultlineServer all = FaultlineServer.open(ServerConfig.defaults(db).withPort(0).withHost("0.0.0.0"))
                .start()) {
            String banner = ServeCommand.banner(all, db);
            assertThat(banner).contains("http://0.0.0.0:" + all.port() + "/").doesNotContain("http://127.0.0.1");
            assertThat(banner).contains("warning", "without a token", "POST /api/ingest");
        }
    }
}
