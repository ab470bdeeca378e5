package org.faultline.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.faultline.analysis.Flow;
import org.faultline.analysis.Relations;
import org.faultline.analysis.network.ActorNetwork;
import org.faultline.coding.ArticleCoder;
import org.faultline.coding.CodingResult;
import org.faultline.ingest.ArticleReaders;
import org.faultline.ingest.ReadOptions;
import org.faultline.ingest.ReadOutcome;
import org.faultline.model.Article;
import org.faultline.model.Event;
import org.faultline.model.EventJson;
import org.faultline.model.Failure;
import org.faultline.query.ActorLevel;
import org.faultline.query.DyadTotal;
import org.faultline.query.EventFilter;
import org.faultline.query.EventStatus;
import org.faultline.query.Period;
import org.faultline.store.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Spark job against the local pipeline on the example corpus (every third of its 60 articles written for
 * Faultline, plus bad lines): the command line's reader and coder on one side, {@link CodingJob} in local[2] on the other; then the
 * Spark aggregations against the local store's dyad totals and the local analysis over the same events. One
 * Spark session and one coder for the class.
 */
class CodingJobDifferentialTest {
    @TempDir
    static Path tmp;

    static SparkSession spark;
    static Path corpus;
    static Path out;
    static CodingJob.Summary summary;
    static List<Event> local;
    static List<Failure> localFailures;
    static Map<String, Article> localDocuments;
    static final LocalDate SINCE = LocalDate.of(2023, 1, 1);
    static final Map<ActorLevel, List<DyadTotal>> monthly = new java.util.EnumMap<>(ActorLevel.class);
    static final Map<String, ActorNetwork> networks = new TreeMap<>();
    static long realisedSince2023;

    @BeforeAll
    static void codeBothWays() throws Exception {
        corpus = writeCorpus(tmp.resolve("corpus.jsonl"));
        ArticleCoder coder = ExecutorCoder.get();
        List<ReadOutcome> read;
        try (Stream<ReadOutcome> s = ArticleReaders.read(List.of(corpus.toString()), ReadOptions.defaults())) {
            read = s.toList();
        }
        // The coder's first pass over a corpus can resolve a relative date differently from later passes (seen
        // on "Saturday's assault" in 2023-10-11-zelensky-hamas-russia-same-evil): state carried between
        // documents in the NLP/coding layers. Until that is fixed there, both sides code a warmed-up coder.
        codeLocally(coder, read);
        codeLocally(coder, read);
        spark = SparkSession.builder().master("local[2]").appName("faultline-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
        out = tmp.resolve("out");
        summary = CodingJob.run(spark, CodingJob.Settings.of(corpus.toString(), out.toString()).withPartitions(4));
        localAnalysis(sparkEvents(out));
    }

    /** Codes the read outcomes as the command line does (two threads, one coder) into {@code local}. */
    static void codeLocally(ArticleCoder coder, List<ReadOutcome> read) throws Exception {
        local = new ArrayList<>();
        localFailures = new ArrayList<>();
        localDocuments = new TreeMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<CodingResult>> coded = new ArrayList<>();
            for (ReadOutcome o : read) {
                if (o instanceof ReadOutcome.Failed f) {
                    localFailures.add(f.failure());
                } else {
                    Article a = ((ReadOutcome.Read) o).article();
                    coded.add(pool.submit(() -> coder.code(a)));
                }
            }
            for (Future<CodingResult> f : coded) {
                CodingResult r = f.get();
                if (r.failed()) {
                    localFailures.add(r.failure());
                } else {
                    localDocuments.put(r.article().id(), r.article());
                }
                local.addAll(r.events());
            }
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Loads the events the Spark job wrote into a DuckDB store (the local pipeline's storage) and computes
     * every table the local analysis would show, for the aggregation tests to compare with Spark SQL's.
     */
    static void localAnalysis(List<Event> events) {
        try (EventStore store = EventStore.open(tmp.resolve("local.duckdb").toString())) {
            store.writer().bulkLoad(events.iterator());
            for (ActorLevel level : ActorLevel.values()) {
                monthly.put(level, store.queries().dyadTotals(EventFilter.all(), level, Period.MONTH));
                for (int min = 1; min <= 2; min++) {
                    networks.put(level + "/" + min, ActorNetwork.of(Relations.flows(
                            store.queries().dyadTotals(EventFilter.all(), level, null), level), min, Map.of()));
                }
            }
            realisedSince2023 = store.queries().dyadTotals(EventFilter.all().withDates(SINCE, null),
                    ActorLevel.COUNTRY, null)
                    .stream().filter(d -> d.status() == EventStatus.REALISED).mapToLong(DyadTotal::events).sum();
        }
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    /** The example corpus as JSON Lines, with a malformed line, one without text and one without date. */
    static Path writeCorpus(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        List<ReadOutcome> docs;
        try (Stream<ReadOutcome> s = ArticleReaders.read(List.of("../examples/corpus"), ReadOptions.defaults())) {
            docs = s.toList();
        }
        assertThat(docs).hasSizeGreaterThanOrEqualTo(50).allMatch(d -> d instanceof ReadOutcome.Read);
        for (int i = 0; i < docs.size(); i += 3) {
            Article a = ((ReadOutcome.Read) docs.get(i)).article();
            ObjectNode n = EventJson.mapper().createObjectNode();
            n.put("id", a.id());
            n.put("date", a.date().toString());
            n.put("text", a.text());
            n.put("title", a.title());
            n.put("source", a.source());
            lines.add(n.toString());
        }
        lines.add(5, "{\"id\": \"broken\", \"text\": \"no closing brace\"");
        lines.add(9, "{\"id\": \"no-text\", \"date\": \"2024-01-02\"}");
        lines.add(12, "{\"id\": \"no-date\", \"text\": \"Russia attacked Ukraine.\"}");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    static List<Event> sparkEvents(Path dir) {
        Dataset<Row> ev = spark.read().parquet(dir.resolve("events").toString()).drop("event_month");
        return ev.selectExpr("to_json(struct(*))").as(org.apache.spark.sql.Encoders.STRING()).collectAsList()
                .stream().map(EventJson::fromLine).toList();
    }

    static Map<String, Event> byId(List<Event> events) {
        Map<String, Event> m = new TreeMap<>();
        events.forEach(e -> assertThat(m.put(e.id(), e)).as("event id %s twice", e.id()).isNull());
        return m;
    }

    @Test
    void sparkEventsEqualTheCommandLineCodersEvents() {
        assertThat(local).hasSizeGreaterThan(60);
        Map<String, Event> fromSpark = byId(sparkEvents(out));
        Map<String, Event> fromCli = byId(local);
        assertThat(fromSpark.keySet()).isEqualTo(fromCli.keySet());
        fromCli.forEach((id, e) -> assertThat(fromSpark.get(id)).as("event %s", id).isEqualTo(e));
    }

    /** The way {@code faultline import-parquet} reads the job's output: DuckDB's {@code to_json} of each row. */
    @Test
    void duckDbReadsTheSameEventsFromTheParquetOutput() throws Exception {
        List<Event> read = new ArrayList<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT to_json(e) FROM read_parquet('" + out.resolve("events")
                     + "/*/*.parquet', hive_partitioning = false) e")) {
            while (rs.next()) {
                read.add(EventJson.fromLine(rs.getString(1)));
            }
        }
        assertThat(byId(read)).isEqualTo(byId(local));
    }

    /**
     * Every coded document is written with the fields it was read with and its event count, and the evidence spans
     * of the job's events slice the written text to their evidence and trigger (what import-parquet stores).
     */
    @Test
    void codedDocumentsAreWrittenWithTheTextTheSpansPointInto() {
        Map<String, Row> docs = new TreeMap<>();
        // the date as text: decoding a DATE to java.sql.Date needs JDK internals that Surefire does not open
        for (Row r : spark.read().parquet(out.resolve("documents").toString())
                .withColumn("date", org.apache.spark.sql.functions.col("date").cast("string")).collectAsList()) {
            assertThat(docs.put(r.getAs("id"), r)).as("document %s twice", (String) r.getAs("id")).isNull();
        }
        assertThat(docs.keySet()).isEqualTo(localDocuments.keySet()).hasSizeGreaterThan(15);
        Map<String, Long> counts = local.stream().collect(Collectors.groupingBy(Event::docId, Collectors.counting()));
        localDocuments.forEach((id, a) -> {
            Row r = docs.get(id);
            assertThat(java.util.Arrays.<Object>asList(r.getAs("text"), r.getAs("title"), r.getAs("source"),
                    r.getAs("url"), r.getAs("date"), r.getAs("event_count"))).as("document %s", id).containsExactly(
                    a.text(), a.title(), a.source(), a.url(), a.date().toString(),
                    counts.getOrDefault(id, 0L).intValue());
            assertThat((String) r.getAs("origin")).endsWith("corpus.jsonl");
        });
        for (Event e : sparkEvents(out)) {
            String text = docs.get(e.docId()).getAs("text");
            for (org.faultline.model.Evidence ev : e.evidence()) {
                assertThat(text.substring(ev.start(), ev.end())).as("event %s", e.id()).isEqualTo(ev.text());
                assertThat(text.substring(ev.triggerStart(), ev.triggerEnd())).isEqualTo(ev.trigger());
            }
        }
    }

    @Test
    void eventsArePartitionedByTheMonthOfTheirDate() {
        List<Row> bad = spark.read().parquet(out.resolve("events").toString())
                .where("event_month <> date_format(date, 'yyyy-MM')").collectAsList();
        assertThat(bad).isEmpty();
        assertThat(Files.isDirectory(out.resolve("events").resolve("event_month=2022-03"))).isTrue();
    }

    @Test
    void failedDocumentsAreWrittenWithStageAndReason() {
        List<Row> rows = spark.read().parquet(out.resolve("failures").toString()).orderBy("doc_id").collectAsList();
        List<String> got = rows.stream().map(r -> r.getAs("doc_id") + "|" + r.getAs("stage")).sorted().toList();
        List<String> want = localFailures.stream().map(f -> f.docId() + "|" + f.stage()).sorted().toList();
        assertThat(got).isEqualTo(want).contains("no-text|read", "no-date|read", "null|read");
        for (Failure f : localFailures) {
            if (f.docId() != null) {
                assertThat(rows).anySatisfy(r -> {
                    assertThat((String) r.getAs("doc_id")).isEqualTo(f.docId());
                    assertThat((String) r.getAs("reason")).isEqualTo(f.reason());
                });
            }
        }
        assertThat(rows).allSatisfy(r -> assertThat((String) r.getAs("origin")).endsWith("corpus.jsonl"));
    }

    @Test
    void summaryCountsDocumentsEventsAndFailures() throws IOException {
        assertThat(summary.failed()).isEqualTo(localFailures.size());
        assertThat(summary.events()).isEqualTo(local.size());
        try (Stream<String> lines = Files.lines(corpus)) {
            assertThat(summary.documents()).isEqualTo(lines.count());
        }
    }

    @ParameterizedTest
    @CsvSource({"COUNTRY", "SECTOR"})
    void dyadMonthTableEqualsTheStoresMonthlyDyadTotals(ActorLevel level) {
        AggregateJob.Tables t = AggregateJob.tables(spark, AggregateJob.readEvents(spark, out.toString()),
                AggregateJob.Scope.all().at(AggregateJob.Level.valueOf(level.name())));
        Map<String, double[]> want = new TreeMap<>();
        for (DyadTotal d : monthly.get(level)) {
            if (d.status() == EventStatus.REALISED) {
                String k = d.period().toString().substring(0, 7) + " " + d.source() + " " + d.target() + " "
                        + d.joint() + " " + d.eventType() + " " + d.quadClass();
                double[] v = want.computeIfAbsent(k, x -> new double[3]);
                v[0] += d.events();
                v[1] += d.goldstein();
                v[2] += d.plover();
            }
        }
        Map<String, double[]> got = new TreeMap<>();
        for (Row r : t.dyadMonth().collectAsList()) {
            String k = r.getAs("month") + " " + r.getAs("source") + " " + r.getAs("target") + " " + r.getAs("joint")
                    + " " + r.getAs("event_type") + " " + r.getAs("quad_class");
            assertThat(got.put(k, new double[] {(Long) r.getAs("events"), r.getAs("goldstein"), r.getAs("plover")}))
                    .as("row %s twice", k).isNull();
        }
        assertThat(want).isNotEmpty();
        assertThat(got.keySet()).isEqualTo(want.keySet());
        want.forEach((k, v) -> {
            assertThat(got.get(k)[0]).as("events of %s", k).isEqualTo(v[0]);
            assertThat(got.get(k)[1]).as("goldstein of %s", k).isCloseTo(v[1], within(1e-9));
            assertThat(got.get(k)[2]).as("plover of %s", k).isCloseTo(v[2], within(1e-9));
        });
    }

    @ParameterizedTest
    @CsvSource({"COUNTRY, 1", "SECTOR, 1", "COUNTRY, 2"})
    void networkEqualsTheLocalAnalysis(ActorLevel level, int minEvents) {
        AggregateJob.Tables t = AggregateJob.tables(spark, AggregateJob.readEvents(spark, out.toString()),
                new AggregateJob.Scope(AggregateJob.Level.valueOf(level.name()), minEvents, null, null));
        ActorNetwork net = networks.get(level + "/" + minEvents);
        List<String> wantEdges = new ArrayList<>();
        for (Flow f : net.edges()) {
            wantEdges.add(String.join(" ", f.source().toString(), f.target().toString(), "" + f.cooperation(),
                    "" + f.conflict(), "" + f.net(), "" + f.refusals(), "" + f.unrealised(),
                    String.format("%.9f", f.goldstein()), String.format("%.9f", f.plover())));
        }
        List<String> gotEdges = t.networkEdges().collectAsList().stream().map(r -> String.join(" ",
                r.getAs("source"), r.getAs("target"), "" + r.getAs("cooperation"), "" + r.getAs("conflict"),
                "" + r.getAs("net"), "" + r.getAs("refusals"), "" + r.getAs("unrealised"),
                String.format("%.9f", (Double) r.getAs("goldstein")), String.format("%.9f", (Double) r.getAs("plover"))))
                .toList();
        assertThat(wantEdges).isNotEmpty();
        assertThat(gotEdges).isEqualTo(wantEdges);
        List<String> wantNodes = net.nodes().stream().map(n -> n.actor() + " " + n.cooperation() + " " + n.conflict()
                + " " + n.activity()).toList();
        List<String> gotNodes = t.networkNodes().collectAsList().stream().map(r -> r.getAs("actor") + " "
                + r.getAs("cooperation") + " " + r.getAs("conflict") + " " + r.getAs("activity")).toList();
        assertThat(gotNodes).isEqualTo(wantNodes);
    }

    @Test
    void parquetArticlesGiveTheSameEventsAsJsonLines() throws IOException {
        Path articles = tmp.resolve("articles.parquet");
        List<String> ids = local.stream().map(Event::docId).distinct().sorted().limit(4).toList();
        spark.read().json(corpus.toString()).where(org.apache.spark.sql.functions.col("id").isin(ids.toArray()))
                .select("id", "date", "text", "title").write().parquet(articles.toString());
        Path dir = tmp.resolve("from-parquet");
        CodingJob.Summary s = CodingJob.run(spark, CodingJob.Settings.of(articles.toString(), dir.toString()));
        assertThat(s.failed()).isZero();
        assertThat(s.documents()).isEqualTo(ids.size());
        Map<String, Event> want = byId(local.stream().filter(e -> ids.contains(e.docId())).toList());
        assertThat(byId(sparkEvents(dir))).isEqualTo(want);
    }

    @Test
    void dateScopeKeepsOnlyEventsInside() {
        AggregateJob.Tables t = AggregateJob.tables(spark, AggregateJob.readEvents(spark, out.toString()),
                new AggregateJob.Scope(AggregateJob.Level.COUNTRY, 1, SINCE, null));
        List<String> months = t.dyadMonth().select("month").distinct().as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList();
        assertThat(months).isNotEmpty().allMatch(m -> m.compareTo("2023-01") >= 0);
        long got = t.dyadMonth().collectAsList().stream().mapToLong(r -> r.getAs("events")).sum();
        assertThat(got).isEqualTo(realisedSince2023);
        assertThat(local.stream().map(Event::date).collect(Collectors.toSet())).anyMatch(d -> d.isBefore(SINCE));
        assertThat(realisedSince2023).isPositive();
    }

    /**
     * {@code --kb}: an overlay with an armed group the bundled knowledge base does not know, shipped from the driver
     * to the executors, codes as the command line's coder with that overlay does; without it the group is unknown.
     */
    @Test
    void anOverlayGivenWithKbCodesAsTheCommandLineWithIt() throws Exception {
        Path kb = Files.createDirectories(tmp.resolve("kb"));
        Files.writeString(kb.resolve("organisations.tsv"), "id\tcode\tkind\tsector\tcountry\tname\tnames\n"
                + "group:RAVEN\tSYR\tARMED_GROUP\tREB\tSYR\tRaven Brigade\tRaven Brigade\n", StandardCharsets.UTF_8);
        Path articles = tmp.resolve("raven.jsonl");
        List<String> lines = new ArrayList<>();
        for (String[] a : new String[][] {
            {"raven-1", "The Raven Brigade attacked Russian troops near Aleppo on 4 March 2024."},
            {"raven-2", "Russian jets struck positions of the Raven Brigade in Idlib province on 5 March 2024."}}) {
            ObjectNode n = EventJson.mapper().createObjectNode();
            n.put("id", a[0]);
            n.put("date", "2024-03-06");
            n.put("text", a[1]);
            lines.add(n.toString());
        }
        Files.write(articles, lines, StandardCharsets.UTF_8);
        Path dir = tmp.resolve("with-kb");
        CodingJob.Summary sum = CodingJob.run(spark, CodingJob.Settings.of(articles.toString(), dir.toString())
                .withKb(OverlayFiles.read(kb)));
        assertThat(sum.failed()).isZero();

        ArticleCoder cli = new org.faultline.coding.RuleBasedCoder(new org.faultline.nlp.CoreNlpPipeline(),
                org.faultline.coding.kb.KnowledgeBase.load(org.faultline.coding.kb.KbOverlay.read(kb), List.of()));
        List<Event> want = new ArrayList<>();
        List<Event> bundled = new ArrayList<>();
        try (Stream<ReadOutcome> s = ArticleReaders.read(List.of(articles.toString()), ReadOptions.defaults())) {
            for (ReadOutcome o : s.toList()) {
                Article a = ((ReadOutcome.Read) o).article();
                want.addAll(cli.code(a).events());
                bundled.addAll(ExecutorCoder.get().code(a).events());
            }
        }
        List<Event> got = sparkEvents(dir);
        assertThat(byId(got)).isEqualTo(byId(want));
        assertThat(got).as("events %s", got).anyMatch(e -> EventJson.toLine(e).contains("group:RAVEN"));
        assertThat(bundled).noneMatch(e -> EventJson.toLine(e).contains("group:RAVEN"));
    }
}
