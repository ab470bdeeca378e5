package org.faultline.spark;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.faultline.model.EventType;

/**
 * The analysis tables of coded events, in Spark SQL, with the definitions of the local analysis
 * ({@code faultline-analysis}: {@code DyadSeries}, {@code Relations.flows}, {@code ActorNetwork}) over the store's
 * dyads ({@code event_dyads}):
 * <ul>
 *   <li>An actor's key is its code, or its knowledge-base id when the code is missing or generic (IGO, IMG, NGO,
 *       MNC); actors with neither join no dyad. At country level the sector is dropped; at sector level an actor
 *       is {@code CODE:SECTOR}.</li>
 *   <li>An event's dyads at a level are its distinct (actor, recipient) pairs at that level; an event without
 *       recipient links each pair of its co-actors once, smaller key first ({@code joint}). Pairs of one actor
 *       with itself are left out (at country level: of one key, such as a government and its army), so an event
 *       counts once per dyad at each level.</li>
 *   <li>Only realised events (asserted, not negated) count as cooperation (quad classes 1-2, by event type) or
 *       conflict (3-4) and in the Goldstein and PLOVER sums; the others count as unrealised.</li>
 *   <li>Every event counts once per dyad: Spark does not merge reports of one real-world event across documents
 *       into stories, so the tables equal the local analysis on a store without merging (or counting mentions).
 *       Events with the same id (the same document coded twice) count once, as the store keeps them once.</li>
 * </ul>
 * Tables written by the job under {@code OUTPUT}: {@code dyad_month} (month, source, target, joint, event_type,
 * quad_class, events, goldstein, plover; realised events), {@code network_edges} (source, target, cooperation,
 * conflict, net, refusals, unrealised, goldstein, plover; edges with at least {@code --min-events} realised
 * events) and {@code network_nodes} (actor, cooperation, conflict, activity; actors of the kept edges).
 * Arguments: {@code --input DIR --output DIR [--level country|sector|group] [--min-events N] [--from YYYY-MM-DD]
 * [--to YYYY-MM-DD] [--master URL] [--overwrite]}; {@code --input} is a {@link CodingJob} output folder (its
 * {@code events} folder is read) or a folder of event Parquet files.
 */
public final class AggregateJob {
    static final Set<String> NAMES = Set.of("input", "output", "level", "min-events", "from", "to", "master");
    static final Set<String> FLAGS = Set.of("overwrite");

    /** Actor granularity, as the local analysis's {@code ActorLevel}. */
    public enum Level { COUNTRY, SECTOR, GROUP }

    /**
     * What to aggregate.
     *
     * @param level     country, sector or group (as the store's ActorLevel)
     * @param minEvents least realised events an edge needs to be kept (at least 1)
     * @param from      first event day, inclusive, or {@code null}
     * @param to        last event day, inclusive, or {@code null}
     */
    public record Scope(Level level, int minEvents, LocalDate from, LocalDate to) {
        public Scope {
            Objects.requireNonNull(level, "level");
            if (minEvents < 1) {
                throw new IllegalArgumentException("minEvents is " + minEvents + "; it must be at least 1");
            }
            if (from != null && to != null && to.isBefore(from)) {
                throw new IllegalArgumentException("scope ends (" + to + ") before it starts (" + from + ")");
            }
        }

        public static Scope all() {
            return new Scope(Level.COUNTRY, 1, null, null);
        }

        public Scope at(Level l) {
            return new Scope(l, minEvents, from, to);
        }
    }

    /** The three tables of one scope (lazy Spark datasets). */
    public record Tables(Dataset<Row> dyadMonth, Dataset<Row> networkEdges, Dataset<Row> networkNodes) {
    }

    private AggregateJob() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        JobOptions o;
        Scope scope;
        try {
            o = JobOptions.parse("AggregateJob", args, NAMES, FLAGS);
            o.require("input");
            o.require("output");
            scope = new Scope(Level.valueOf(o.choice("level", List.of("country", "sector", "group"), "country")
                    .toUpperCase(Locale.ROOT)), o.positiveInt("min-events", 1), date(o, "from"), date(o, "to"));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        SparkSession spark = Sessions.open("faultline-aggregate", o.get("master", null));
        try {
            long t0 = System.nanoTime();
            Tables t = tables(spark, readEvents(spark, o.require("input")), scope);
            SaveMode mode = o.flag("overwrite") ? SaveMode.Overwrite : SaveMode.ErrorIfExists;
            String dir = o.require("output");
            t.dyadMonth().write().mode(mode).parquet(dir + "/dyad_month");
            t.networkEdges().write().mode(mode).parquet(dir + "/network_edges");
            t.networkNodes().write().mode(mode).parquet(dir + "/network_nodes");
            out.printf(Locale.ROOT, "wrote dyad_month, network_edges, network_nodes (%s level) to %s in %.1f s%n",
                    scope.level().name().toLowerCase(Locale.ROOT), dir, (System.nanoTime() - t0) / 1e9);
        } finally {
            spark.stop();
        }
    }

    private static LocalDate date(JobOptions o, String name) {
        String v = o.get(name, null);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("AggregateJob: --" + name + " is '" + v + "'; expected YYYY-MM-DD", e);
        }
    }

    /** The events of a {@link CodingJob} output folder (its {@code events} subfolder) or of an events folder. */
    public static Dataset<Row> readEvents(SparkSession spark, String dir) {
        java.io.File events = new java.io.File(dir, "events");
        return spark.read().parquet(events.isDirectory() ? events.getPath() : dir);
    }

    /** The tables of {@code events} (rows of {@link EventSchema#EVENT}, extra columns ignored) in a scope. */
    public static Tables tables(SparkSession spark, Dataset<Row> events, Scope scope) {
        Objects.requireNonNull(scope, "scope");
        events.dropDuplicates("id").createOrReplaceTempView("faultline_events");
        String where = Stream.of(scope.from() == null ? null : "date >= DATE'" + scope.from() + "'",
                scope.to() == null ? null : "date <= DATE'" + scope.to() + "'")
                .filter(Objects::nonNull).collect(Collectors.joining(" AND "));
        spark.sql("SELECT id, event_type, date, goldstein, actor, recipient, " + typeCase(t -> t.ploverScore() + "D")
                + " AS plover, " + typeCase(t -> Integer.toString(t.quadClass())) + " AS quad, "
                + typeCase(t -> Boolean.toString(t.cooperative())) + " AS cooperative, "
                + "CASE WHEN modality = 'refused' THEN 'REFUSED' "
                + "WHEN negated OR modality = 'negated' THEN 'NEGATED' "
                + "WHEN modality = 'future' THEN 'FUTURE' "
                + "WHEN modality = 'hypothetical' THEN 'HYPOTHETICAL' ELSE 'REALISED' END AS status "
                + "FROM faultline_events" + (where.isEmpty() ? "" : " WHERE " + where))
                .createOrReplaceTempView("faultline_scored");
        // actor keys as ActorKey.keyOf (the code, or the knowledge-base id for generic or missing codes), at the level
        // at GROUP level as ActorKey.groupKeyOf: an armed group's id (group:HAMAS -> HAMAS), a country's unnamed
        // rebels, insurgents or opposition as CODE-SECTOR (SYR-REB), else the country key
        String country = "CASE WHEN (code IS NULL OR upper(code) IN ('IGO', 'IMG', 'NGO', 'MNC')) "
                + "AND kb IS NOT NULL THEN replace(upper(kb), ':', '_') ELSE upper(code) END";
        String key = scope.level() != Level.GROUP ? country
                : "CASE WHEN upper(kb) LIKE 'GROUP:_%' THEN replace(substring(upper(kb), 7), ':', '_') "
                + "WHEN code IS NOT NULL AND upper(code) NOT IN ('IGO', 'IMG', 'NGO', 'MNC') "
                + "AND upper(trim(raw_sector)) IN ('REB', 'INS', 'OPP') "
                + "THEN concat(" + country + ", '-', upper(trim(raw_sector))) ELSE " + country + " END";
        spark.sql("SELECT DISTINCT id, role, key, sector FROM ("
                + "SELECT id, role, " + key + " AS key, sector FROM ("
                + "SELECT id, role, CASE WHEN trim(a.code) = '' THEN NULL ELSE a.code END AS code, "
                + "CASE WHEN trim(a.kb_id) = '' THEN NULL ELSE trim(a.kb_id) END AS kb, a.sector AS raw_sector, "
                + (scope.level() == Level.SECTOR ? "CASE WHEN trim(a.sector) = '' THEN NULL ELSE upper(a.sector) END"
                        : "CAST(NULL AS STRING)") + " AS sector FROM ("
                + "SELECT id, 'actor' AS role, a FROM faultline_scored LATERAL VIEW explode(actor) x AS a "
                + "UNION ALL SELECT id, 'recipient' AS role, a FROM faultline_scored "
                + "LATERAL VIEW explode(recipient) x AS a))) "
                + "WHERE key IS NOT NULL").createOrReplaceTempView("faultline_keys");
        // dyads as the store's event_dyads at the level: actor x recipient, or co-actor pairs (smaller first) when
        // there is no recipient
        spark.sql("SELECT a.id, a.key AS src_key, a.sector AS src_sector, r.key AS dst_key, r.sector AS dst_sector, "
                + "false AS joint FROM faultline_keys a JOIN faultline_keys r ON a.id = r.id "
                + "WHERE a.role = 'actor' AND r.role = 'recipient' AND NOT (a.key = r.key AND a.sector <=> r.sector) "
                + "UNION ALL "
                + "SELECT a.id, a.key, a.sector, b.key, b.sector, true FROM faultline_keys a "
                + "JOIN faultline_keys b ON a.id = b.id "
                + "LEFT ANTI JOIN (SELECT DISTINCT id FROM faultline_keys WHERE role = 'recipient') r ON a.id = r.id "
                + "WHERE a.role = 'actor' AND b.role = 'actor' AND (a.key < b.key OR (a.key = b.key AND "
                + "((a.sector IS NULL AND b.sector IS NOT NULL) OR a.sector < b.sector)))")
                .createOrReplaceTempView("faultline_dyads");
        String src = "concat_ws(':', d.src_key, d.src_sector)";
        String dst = "concat_ws(':', d.dst_key, d.dst_sector)";
        spark.sql("SELECT " + src + " AS source, " + dst + " AS target, d.joint, s.id, s.event_type, s.date, "
                + "s.goldstein, s.plover, s.quad, s.cooperative, s.status FROM faultline_dyads d "
                + "JOIN faultline_scored s ON d.id = s.id WHERE " + src + " <> " + dst)
                .createOrReplaceTempView("faultline_level");
        Dataset<Row> dyadMonth = spark.sql("SELECT date_format(date, 'yyyy-MM') AS month, source, target, joint, "
                + "event_type, quad AS quad_class, COUNT(*) AS events, SUM(goldstein) AS goldstein, "
                + "SUM(plover) AS plover FROM faultline_level WHERE status = 'REALISED' "
                + "GROUP BY 1, source, target, joint, event_type, quad "
                + "ORDER BY month, source, target, event_type, joint");
        spark.sql("SELECT source, target, "
                + "SUM(CASE WHEN status = 'REALISED' AND cooperative THEN 1 ELSE 0 END) AS cooperation, "
                + "SUM(CASE WHEN status = 'REALISED' AND NOT cooperative THEN 1 ELSE 0 END) AS conflict, "
                + "SUM(CASE WHEN status = 'REALISED' AND event_type = 'REJECT' THEN 1 "
                + "WHEN status = 'REFUSED' AND cooperative THEN 1 ELSE 0 END) AS refusals, "
                + "SUM(CASE WHEN status <> 'REALISED' THEN 1 ELSE 0 END) AS unrealised, "
                + "SUM(CASE WHEN status = 'REALISED' THEN goldstein ELSE 0D END) AS goldstein, "
                + "SUM(CASE WHEN status = 'REALISED' THEN plover ELSE 0D END) AS plover "
                + "FROM faultline_level GROUP BY source, target").createOrReplaceTempView("faultline_flows");
        Dataset<Row> edges = spark.sql("SELECT source, target, cooperation, conflict, cooperation - conflict AS net, "
                + "refusals, unrealised, goldstein, plover FROM faultline_flows "
                + "WHERE cooperation + conflict >= " + scope.minEvents() + " ORDER BY source, target");
        edges.createOrReplaceTempView("faultline_edges");
        // node activity counts all its flows, kept or not; nodes are the actors of kept edges (ActorNetwork.of)
        Dataset<Row> nodes = spark.sql("SELECT actor, SUM(cooperation) AS cooperation, SUM(conflict) AS conflict, "
                + "SUM(cooperation + conflict) AS activity FROM ("
                + "SELECT source AS actor, cooperation, conflict FROM faultline_flows "
                + "UNION ALL SELECT target AS actor, cooperation, conflict FROM faultline_flows) "
                + "WHERE actor IN (SELECT source FROM faultline_edges UNION SELECT target FROM faultline_edges) "
                + "GROUP BY actor ORDER BY actor");
        return new Tables(dyadMonth, edges, nodes);
    }

    /** A SQL CASE over {@code event_type} giving each PLOVER type's value, from {@link EventType} itself. */
    private static String typeCase(java.util.function.Function<EventType, String> value) {
        StringBuilder b = new StringBuilder("CASE event_type");
        for (EventType t : EventType.values()) {
            b.append(" WHEN '").append(t.name()).append("' THEN ").append(value.apply(t));
        }
        return b.append(" END").toString();
    }
}
