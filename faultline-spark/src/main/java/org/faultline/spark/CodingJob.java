package org.faultline.spark;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.faultline.coding.ArticleCoder;
import org.faultline.coding.CodingResult;
import org.faultline.gate.GateSetting;
import org.faultline.gate.GatedCoders;
import org.faultline.ingest.ReadOutcome;
import org.faultline.model.Event;
import org.faultline.model.Failure;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;

/**
 * Codes a corpus on Spark: reads articles (JSON Lines or Parquet), codes each with the command line's coder
 * ({@link ExecutorCoder}, loaded once per executor JVM and shared by its tasks), and writes
 * <ul>
 *   <li>{@code OUTPUT/events/event_month=YYYY-MM/*.parquet}: one row per event, the fields of the JSON output
 *       ({@link EventSchema#EVENT}), partitioned by the month of the event date;</li>
 *   <li>{@code OUTPUT/documents/*.parquet}: one row per coded document, with its text and where it came from
 *       ({@link EventSchema#DOCUMENT}), so that the events' spans can be read against the text they point into;</li>
 *   <li>{@code OUTPUT/failures/*.parquet}: documents that could not be read or coded (origin, doc_id, stage,
 *       reason).</li>
 * </ul>
 * Arguments: {@code --input PATH --output DIR [--format auto|jsonl|parquet] [--master URL] [--partitions N]
 * [--date YYYY-MM-DD] [--max-bytes N] [--kb DIR] [--gate off|on|T] [--overwrite] [--warm-up] [--warm-up-input PATH]}.
 * {@code --gate} is the command line's relevance gate (default: {@code FAULTLINE_GATE} in the driver's environment,
 * else the command line's default); every executor builds its coder with it through the command line's factory
 * ({@link org.faultline.gate.GatedCoders}). {@code --kb}
 * lays a knowledge-base overlay over the bundled one as the command line's {@code --kb} does: the driver checks it
 * (file:line errors before Spark starts) and ships its files to the executors ({@link OverlayFiles}, a broadcast), so
 * they need no shared folder; without it, each executor reads the folder {@code FAULTLINE_KB} names in its own
 * environment, if any. For benchmarks,
 * {@code --warm-up} loads the coder in the driver first (local mode), and {@code --warm-up-input PATH} also codes
 * a small sample first, into a scratch folder that is then deleted, so that Spark's own first-query costs
 * (planning, code generation, class loading) are paid before the timed run.
 */
public final class CodingJob {
    static final Set<String> NAMES = Set.of("input", "output", "format", "master", "partitions", "date", "max-bytes",
            "warm-up-input", "kb", "gate");
    static final Set<String> FLAGS = Set.of("overwrite", "warm-up");

    /** Default largest text, as the command line's {@code --max-bytes}. */
    public static final long DEFAULT_MAX_BYTES = 5L * 1024 * 1024;

    /**
     * What to code and where to write it.
     *
     * @param input       file, folder or glob of articles
     * @param format      input format
     * @param output      output folder
     * @param partitions  number of coding tasks; 0 for three per core unless the input already has more
     * @param defaultDate date for articles without one, or {@code null}
     * @param maxBytes    texts longer than this fail
     * @param overwrite   replace an existing output instead of failing
     * @param kb          knowledge-base overlay laid over the bundled one on every executor, or {@code null} for the
     *                    folder {@code FAULTLINE_KB} names in each executor's environment, if any
     * @param gate        the relevance gate every executor's coder uses
     */
    public record Settings(String input, ArticleRows.Format format, String output, int partitions,
                           LocalDate defaultDate, long maxBytes, boolean overwrite, OverlayFiles kb,
                           GateSetting gate) {
        public Settings {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(output, "output");
            if (partitions < 0) {
                throw new IllegalArgumentException("partitions is " + partitions + "; expected 0 (automatic) or more");
            }
            Objects.requireNonNull(gate, "gate");
        }

        /** Settings with the default gate ({@link GatedCoders#DEFAULT}). */
        public Settings(String input, ArticleRows.Format format, String output, int partitions,
                        LocalDate defaultDate, long maxBytes, boolean overwrite, OverlayFiles kb) {
            this(input, format, output, partitions, defaultDate, maxBytes, overwrite, kb, GatedCoders.DEFAULT);
        }

        public static Settings of(String input, String output) {
            return new Settings(input, formatOf(input), output, 0, null, DEFAULT_MAX_BYTES, false, null);
        }

        public Settings withPartitions(int n) {
            return new Settings(input, format, output, n, defaultDate, maxBytes, overwrite, kb, gate);
        }

        public Settings overwriting() {
            return new Settings(input, format, output, partitions, defaultDate, maxBytes, true, kb, gate);
        }

        public Settings withKb(OverlayFiles overlay) {
            return new Settings(input, format, output, partitions, defaultDate, maxBytes, overwrite, overlay, gate);
        }

        public Settings withGate(GateSetting g) {
            return new Settings(input, format, output, partitions, defaultDate, maxBytes, overwrite, kb, g);
        }
    }

    /**
     * Counters of a finished run.
     *
     * @param documents documents read (coded or failed)
     * @param failed    documents that failed to read or code
     * @param events    events written
     * @param sentences sentences in the coded documents
     * @param seconds   wall-clock seconds from reading to the last write
     */
    public record Summary(long documents, long failed, long events, long sentences, double seconds) {
        public double docsPerSecond() {
            return seconds > 0 ? documents / seconds : 0;
        }
    }

    private CodingJob() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        JobOptions o;
        Settings s;
        try {
            o = JobOptions.parse("CodingJob", args, NAMES, FLAGS);
            s = settings(o);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        SparkSession spark = Sessions.open("faultline-coding", o.get("master", null));
        try {
            if (o.flag("warm-up") && spark.sparkContext().isLocal()) {
                ExecutorCoder.get(s.kb(), s.gate());
                out.printf(Locale.ROOT, "coder loaded in the driver in %.1f s (local mode: the driver is the executor)%n",
                        ExecutorCoder.loadSeconds());
            }
            if (o.get("warm-up-input", null) != null) {
                java.nio.file.Path scratch = java.nio.file.Files.createTempDirectory("faultline-warm-up");
                Settings w = new Settings(o.get("warm-up-input", null), formatOf(o.get("warm-up-input", null)),
                        scratch.resolve("out").toString(), s.partitions(), s.defaultDate(), s.maxBytes(), false,
                        s.kb(), s.gate());
                Summary ws = run(spark, w);
                deleteTree(scratch);
                out.printf(Locale.ROOT, "warm-up: %d documents in %.1f s (not counted)%n", ws.documents(), ws.seconds());
            }
            Summary sum = run(spark, s);
            out.printf(Locale.ROOT, "coded %d documents, %d events, %d failed (%.1f s, %.2f docs/s) -> %s%n",
                    sum.documents() - sum.failed(), sum.events(), sum.failed(), sum.seconds(), sum.docsPerSecond(),
                    s.output());
            if (!Double.isNaN(ExecutorCoder.loadSeconds()) && !o.flag("warm-up")) {
                out.printf(Locale.ROOT, "(includes loading the coder in this JVM: %.1f s)%n", ExecutorCoder.loadSeconds());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("warm-up scratch folder", e);
        } finally {
            spark.stop();
        }
    }

    private static void deleteTree(java.nio.file.Path dir) throws java.io.IOException {
        try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.walk(dir)) {
            for (java.nio.file.Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(p);
            }
        }
    }

    static Settings settings(JobOptions o) {
        String input = o.require("input");
        String fmt = o.choice("format", List.of("auto", "jsonl", "parquet"), "auto");
        ArticleRows.Format format = fmt.equals("auto") ? formatOf(input)
                : fmt.equals("parquet") ? ArticleRows.Format.PARQUET : ArticleRows.Format.JSONL;
        LocalDate date = null;
        if (o.get("date", null) != null) {
            try {
                date = LocalDate.parse(o.get("date", null));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("CodingJob: --date is '" + o.get("date", null)
                        + "'; expected YYYY-MM-DD", e);
            }
        }
        long maxBytes = o.get("max-bytes", null) == null ? DEFAULT_MAX_BYTES : o.positiveInt("max-bytes", 1);
        int partitions = o.get("partitions", null) == null ? 0 : o.positiveInt("partitions", 1);
        String output = o.require("output");
        String kbDir = o.get("kb", null);
        OverlayFiles kb = kbDir == null ? null : OverlayFiles.read(java.nio.file.Path.of(kbDir));
        GateSetting gate;
        try {
            gate = o.get("gate", null) == null ? GatedCoders.fromEnvironment(System.getenv())
                    : GateSetting.parse(o.get("gate", null));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("CodingJob: --gate: " + e.getMessage(), e);
        }
        return new Settings(input, format, output, partitions, date, maxBytes, o.flag("overwrite"), kb, gate);
    }

    /** Parquet when the path says so ({@code .parquet}, or a folder of Parquet parts), else JSON Lines. */
    static ArticleRows.Format formatOf(String path) {
        String p = path.toLowerCase(java.util.Locale.ROOT);
        if (p.endsWith(".parquet")) {
            return ArticleRows.Format.PARQUET;
        }
        java.io.File f = new java.io.File(path);
        if (f.isDirectory()) {
            String[] parquet = f.list((d, n) -> n.endsWith(".parquet"));
            if (parquet != null && parquet.length > 0) {
                return ArticleRows.Format.PARQUET;
            }
        }
        return ArticleRows.Format.JSONL;
    }

    /** Codes the input and writes events, documents and failures; see the class comment for the layout. */
    public static Summary run(SparkSession spark, Settings s) {
        long t0 = System.nanoTime();
        Dataset<Row> articles = ArticleRows.read(spark, s.input(), s.format());
        int target = s.partitions() > 0 ? s.partitions() : spark.sparkContext().defaultParallelism() * 3;
        if (s.partitions() > 0 || articles.rdd().getNumPartitions() < target) {
            articles = articles.repartition(target);
        }
        var sc = spark.sparkContext();
        Counters counters = new Counters(sc.longAccumulator("documents"), sc.longAccumulator("failed"),
                sc.longAccumulator("events"), sc.longAccumulator("sentences"));
        Broadcast<OverlayFiles> kb = s.kb() == null ? null : JavaSparkContext.fromSparkContext(sc).broadcast(s.kb());
        Dataset<Row> coded = articles.mapPartitions(
                new CodePartition(new ArticleRows(s.defaultDate(), s.maxBytes()), counters, kb, s.gate().toString()),
                Encoders.row(EventSchema.CODED)).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            SaveMode mode = s.overwrite() ? SaveMode.Overwrite : SaveMode.ErrorIfExists;
            coded.filter(col("event").isNotNull()).select("event.*")
                    .withColumn("event_month", date_format(col("date"), "yyyy-MM"))
                    .write().mode(mode).partitionBy("event_month").parquet(s.output() + "/events");
            coded.filter(col("document").isNotNull()).select("document.*")
                    .write().mode(mode).parquet(s.output() + "/documents");
            coded.filter(col("failure").isNotNull()).select("failure.*").coalesce(1)
                    .write().mode(mode).parquet(s.output() + "/failures");
        } finally {
            coded.unpersist();
            if (kb != null) {
                kb.destroy();
            }
        }
        return new Summary(counters.documents.value(), counters.failed.value(), counters.events.value(),
                counters.sentences.value(), (System.nanoTime() - t0) / 1e9);
    }

    /** Spark accumulators of the run (counted once per document: the coded rows are persisted). */
    record Counters(LongAccumulator documents, LongAccumulator failed, LongAccumulator events,
                    LongAccumulator sentences) implements java.io.Serializable {
    }

    /** Codes the articles of one partition, lazily, one document at a time. */
    static final class CodePartition implements MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final ArticleRows rows;
        private final Counters counters;
        private final Broadcast<OverlayFiles> kb;
        private final String gate;

        CodePartition(ArticleRows rows, Counters counters, Broadcast<OverlayFiles> kb, String gate) {
            this.rows = rows;
            this.counters = counters;
            this.kb = kb;
            this.gate = gate;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> input) {
            ArticleCoder coder = ExecutorCoder.get(kb == null ? null : kb.value(), GateSetting.parse(gate));
            return new Iterator<>() {
                private final ArrayDeque<Row> pending = new ArrayDeque<>();

                @Override
                public boolean hasNext() {
                    while (pending.isEmpty() && input.hasNext()) {
                        codeOne(input.next());
                    }
                    return !pending.isEmpty();
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return pending.poll();
                }

                private void codeOne(Row row) {
                    counters.documents().add(1);
                    ReadOutcome outcome = rows.toArticle(row);
                    if (outcome instanceof ReadOutcome.Failed f) {
                        failure(f.failure());
                        return;
                    }
                    CodingResult r = coder.code(((ReadOutcome.Read) outcome).article());
                    if (r.failed()) {
                        failure(r.failure());
                        return;
                    }
                    counters.sentences().add(r.sentences());
                    counters.events().add(r.events().size());
                    for (Event e : r.events()) {
                        pending.add(RowFactory.create(EventSchema.toRow(e), null, null));
                    }
                    pending.add(RowFactory.create(null, null, EventSchema.toRow(r.article(), r.events().size())));
                }

                private void failure(Failure f) {
                    counters.failed().add(1);
                    pending.add(RowFactory.create(null, EventSchema.toRow(f), null));
                }
            };
        }
    }
}
