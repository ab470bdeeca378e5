package org.faultline.store;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.faultline.model.EventJson;
import org.faultline.model.EventType;
import org.faultline.model.Failure;
import org.faultline.query.ActorActivity;
import org.faultline.query.ActorKey;
import org.faultline.query.ActorLevel;
import org.faultline.query.DyadTotal;
import org.faultline.query.EventDates;
import org.faultline.query.EventFilter;
import org.faultline.query.EventQueries;
import org.faultline.query.EventStatus;
import org.faultline.query.EventsWith;
import org.faultline.query.PairTotal;
import org.faultline.query.PairTotals;
import org.faultline.query.Period;
import org.faultline.query.StoredDocument;
import org.faultline.query.StoredEvent;
import org.faultline.query.Tally;
import org.faultline.store.StoreUrl.Dialect;
import org.faultline.store.internal.Clause;
import org.faultline.store.internal.Codes;
import org.faultline.store.internal.Database;
import org.faultline.store.internal.FilterSql;
import org.faultline.store.internal.Sql;
import org.faultline.store.internal.Where;

/**
 * The read side of a store: events, documents and failures, and the aggregates analyses ask for
 * ({@link EventQueries}), computed in the database over the integer-coded dyads where it can. Each query turns its
 * {@link EventFilter} into SQL once ({@link FilterSql}) with bound parameters.
 *
 * <p>Thread-safe: takes turns with the store's other parts on its {@link Database}. Errors are
 * {@link StoreException}s naming what was asked.
 */
public final class StoreQueries implements EventQueries {
    private final Database db;
    private final Connection conn;
    private final Codes codes;

    StoreQueries(Database db) {
        this.db = db;
        this.conn = db.connection();
        this.codes = db.codes();
    }

    // ---------------------------------------------------------------- documents and failures

    /** Every recorded failure, by origin, stage and document. */
    public List<Failure> failures() {
        return failures(0, 0);
    }

    /**
     * The recorded failures by origin, stage and document (then reason): at most {@code limit} (0: all) after
     * {@code offset}.
     *
     * @throws IllegalArgumentException when {@code limit} or {@code offset} is negative
     */
    public List<Failure> failures(int limit, int offset) {
        if (limit < 0 || offset < 0) {
            throw new IllegalArgumentException("a page of failures needs limit >= 0 (0: all) and offset >= 0; got "
                    + limit + " and " + offset);
        }
        synchronized (db) {
            List<Failure> out = new ArrayList<>();
            try (Statement s = conn.createStatement();
                 ResultSet rs = s.executeQuery("SELECT origin, doc_id, stage, reason FROM failures "
                         + "ORDER BY origin, stage, doc_id, reason" + (limit > 0 ? " LIMIT " + limit : "")
                         + (offset > 0 ? " OFFSET " + offset : ""))) {
                while (rs.next()) {
                    out.add(new Failure(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            } catch (SQLException e) {
                throw new StoreException("cannot list failures", e);
            }
            return out;
        }
    }

    /** The document with this id, with its text. */
    public Optional<StoredDocument> document(String docId) {
        synchronized (db) {
            List<StoredDocument> d = documents(Clause.of("SELECT *, CAST(doc_date AS VARCHAR) AS day, "
                    + "CAST(ingested_at AS VARCHAR) AS added FROM documents WHERE doc_id = ? "
                    + "ORDER BY ingested_at, content_hash LIMIT 1", docId), true);
            return d.isEmpty() ? Optional.empty() : Optional.of(d.get(0));
        }
    }

    /** Stored documents without their text, by date then id; at most {@code limit} (0: all) after {@code offset}. */
    public List<StoredDocument> documents(int limit, int offset) {
        synchronized (db) {
            return documents(Clause.of("SELECT " + DOCUMENT_COLUMNS + " FROM documents ORDER BY doc_date, doc_id"
                    + (limit > 0 ? " LIMIT " + limit : "") + (offset > 0 ? " OFFSET " + offset : "")), false);
        }
    }

    @Override
    public Map<String, StoredDocument> documentsById(Collection<String> docIds) {
        synchronized (db) {
            Map<String, StoredDocument> out = new TreeMap<>();
            List<String> ids = new ArrayList<>(new TreeSet<>(docIds));
            for (int i = 0; i < ids.size(); i += Database.CHUNK) {
                Clause in = Clause.in("doc_id", ids.subList(i, Math.min(ids.size(), i + Database.CHUNK)));
                for (StoredDocument d : documents(Clause.of("SELECT " + DOCUMENT_COLUMNS + " FROM documents WHERE ")
                        .then(in).then(" ORDER BY ingested_at DESC, content_hash DESC"), false)) {
                    out.put(d.docId(), d);
                }
            }
            return out;
        }
    }

    private static final String DOCUMENT_COLUMNS = "content_hash, doc_id, title, source, url, origin, status, "
            + "event_count, CAST(doc_date AS VARCHAR) AS day, CAST(ingested_at AS VARCHAR) AS added";

    private List<StoredDocument> documents(Clause query, boolean withText) {
        List<StoredDocument> out = new ArrayList<>();
        try (PreparedStatement p = Sql.prepare(conn, query); ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                out.add(new StoredDocument(rs.getString("content_hash"), rs.getString("doc_id"), Sql.date(rs, "day"),
                        rs.getString("title"), rs.getString("source"), rs.getString("url"), rs.getString("origin"),
                        rs.getString("status"), rs.getInt("event_count"), withText ? rs.getString("text") : null,
                        timestamp(rs.getString("added"))));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read documents", e);
        }
        return out;
    }

    private static LocalDateTime timestamp(String s) {
        if (s == null) {
            return null;
        }
        String t = s.replace(' ', 'T');
        int plus = Math.max(t.indexOf('+', 10), t.indexOf('-', 10));
        return LocalDateTime.parse(plus > 0 ? t.substring(0, plus) : t);
    }

    /** How many failures are recorded. */
    public long failureCount() {
        synchronized (db) {
            return db.count("SELECT COUNT(*) FROM failures");
        }
    }

    public long documentCount() {
        synchronized (db) {
            return db.count("SELECT COUNT(*) FROM documents");
        }
    }

    public long eventCount() {
        synchronized (db) {
            return db.count("SELECT COUNT(*) FROM events");
        }
    }

    /**
     * The range of the store's event dates and the span that holds their bulk, leaving out {@code percent} % of
     * the events (rounded down) at each end (see {@link EventDates} for the exact ranks); empty for a store without
     * events. Every event counts, merged or not, as {@link #countEvents} counts {@link EventFilter#all()}. Two
     * queries: the count and range, then one discrete-quantile aggregate for both bounds ({@code quantile_disc} on
     * DuckDB, {@code percentile_disc ... WITHIN GROUP} on PostgreSQL) with the events outside them.
     *
     * @param percent 0 to 49
     */
    public Optional<EventDates> eventDates(int percent) {
        if (percent < 0 || percent > 49) {
            throw new IllegalArgumentException("percent must be 0 to 49, not " + percent);
        }
        synchronized (db) {
            long n;
            LocalDate first;
            LocalDate last;
            String range = "SELECT COUNT(*), CAST(MIN(event_date) AS VARCHAR), CAST(MAX(event_date) AS VARCHAR) "
                    + "FROM events";
            try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(range)) {
                rs.next();
                n = rs.getLong(1);
                if (n == 0) {
                    return Optional.empty();
                }
                first = LocalDate.parse(rs.getString(2));
                last = LocalDate.parse(rs.getString(3));
            } catch (SQLException e) {
                throw new StoreException("cannot read the range of event dates", e);
            }
            long cut = n * percent / 100;
            // a discrete quantile q is the value of rank ceil(q * n) (PostgreSQL's percentile_disc; DuckDB's
            // quantile_disc agrees): asking for the middle of rank r's interval, (r - 0.5) / n, gives rank r whatever
            // the rounding
            String lo = fraction(cut + 1, n);
            String hi = fraction(n - cut, n);
            String bounds = db.dialect() == Dialect.POSTGRESQL
                    ? "SELECT percentile_disc(" + lo + ") WITHIN GROUP (ORDER BY event_date) AS lo, percentile_disc("
                            + hi + ") WITHIN GROUP (ORDER BY event_date) AS hi FROM events"
                    : "SELECT quantile_disc(event_date, " + lo + ") AS lo, quantile_disc(event_date, " + hi
                            + ") AS hi FROM events";
            String sql = "WITH b AS (" + bounds + ") SELECT CAST(b.lo AS VARCHAR), CAST(b.hi AS VARCHAR),"
                    + " (SELECT COUNT(*) FROM events WHERE event_date < b.lo),"
                    + " (SELECT COUNT(*) FROM events WHERE event_date > b.hi) FROM b";
            try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return Optional.of(new EventDates(n, first, last, LocalDate.parse(rs.getString(1)),
                        LocalDate.parse(rs.getString(2)), rs.getLong(3), rs.getLong(4)));
            } catch (SQLException e) {
                throw new StoreException("cannot find the bulk of the event dates", e);
            }
        }
    }

    /** {@code (rank - 0.5) / n} as a plain SQL literal. */
    private static String fraction(long rank, long n) {
        return new BigDecimal(rank * 2 - 1).divide(BigDecimal.valueOf(n * 2), MathContext.DECIMAL64).toPlainString();
    }

    // ---------------------------------------------------------------- events

    @Override
    public List<StoredEvent> events(EventFilter f) {
        synchronized (db) {
            try {
                FilterSql q = new FilterSql(db, f);
                ActorLevel dyads = q.dyadLevel();
                Clause sql;
                if (dyads != null) {
                    sql = Clause.of("SELECT x.event_id FROM (SELECT DISTINCT d.event_id, d.event_date, d.confidence FROM "
                            + q.dyads() + " d").then(q.dyadWhere(dyads, true).clause()).then(") x"
                            + (f.order() == EventFilter.Order.SALIENCE ? " LEFT JOIN stories s ON s.story_id = x.event_id"
                            : "") + q.order("x.") + q.page());
                } else {
                    sql = Clause.of("SELECT e.event_id FROM events e LEFT JOIN stories s ON s.story_id = e.story_id")
                            .then(q.eventWhere().clause()).then(q.order("e.") + q.page());
                }
                List<String> ids = new ArrayList<>();
                try (PreparedStatement p = Sql.prepare(conn, sql); ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
                return load(ids);
            } catch (SQLException e) {
                throw new StoreException("cannot query events", e);
            }
        }
    }

    @Override
    public Tally tally(EventFilter f) {
        synchronized (db) {
            Clause sql = Clause.of("SELECT COUNT(*), COUNT(DISTINCT e.doc_id) FROM events e")
                    .then(new FilterSql(db, f).eventWhere().clause());
            try (PreparedStatement p = Sql.prepare(conn, sql); ResultSet rs = p.executeQuery()) {
                rs.next();
                return new Tally(rs.getLong(1), rs.getLong(2));
            } catch (SQLException e) {
                throw new StoreException("cannot count events and documents", e);
            }
        }
    }

    /** How many events match the filter (ignoring its page). */
    public long countEvents(EventFilter f) {
        synchronized (db) {
            try {
                FilterSql q = new FilterSql(db, f);
                ActorLevel dyads = q.dyadLevel();
                Clause sql = dyads != null
                        ? Clause.of("SELECT COUNT(DISTINCT d.event_id) FROM " + q.dyads() + " d")
                                .then(q.dyadWhere(dyads, true).clause())
                        : Clause.of("SELECT COUNT(*) FROM events e").then(q.eventWhere().clause());
                try (PreparedStatement p = Sql.prepare(conn, sql); ResultSet rs = p.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } catch (SQLException e) {
                throw new StoreException("cannot count events", e);
            }
        }
    }

    /** The stored events with these ids, in this order (unknown ids are skipped). */
    public List<StoredEvent> eventsById(List<String> ids) {
        synchronized (db) {
            try {
                return load(ids);
            } catch (SQLException e) {
                throw new StoreException("cannot read events", e);
            }
        }
    }

    /** Reads events by id through the events key: each row carries its event as JSON. */
    private List<StoredEvent> load(List<String> ids) throws SQLException {
        Map<String, StoredEvent> rows = new HashMap<>();
        for (int i = 0; i < ids.size(); i += Database.CHUNK) {
            Clause sql = Clause.of("SELECT e.event_id, e.event_json, e.story_id, COALESCE(s.mentions, 1) AS mentions "
                    + "FROM events e LEFT JOIN stories s ON s.story_id = e.story_id WHERE ")
                    .then(Clause.in("e.event_id", ids.subList(i, Math.min(ids.size(), i + Database.CHUNK))));
            try (PreparedStatement p = Sql.prepare(conn, sql); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1), new StoredEvent(EventJson.fromLine(rs.getString(2)), rs.getString(3),
                            rs.getInt(4)));
                }
            }
        }
        List<StoredEvent> out = new ArrayList<>();
        for (String id : ids) {
            StoredEvent e = rows.get(id);
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- actors

    /**
     * Every actor key stored, at any level (country keys such as {@code PSE} and {@code IGO_NATO}, group keys such
     * as {@code HAMAS} and {@code SYR-REB}), sorted: what a question may name besides coalitions.
     */
    public Set<String> actorKeys() {
        synchronized (db) {
            Set<String> out = new TreeSet<>();
            try (Statement s = conn.createStatement();
                 ResultSet rs = s.executeQuery("SELECT DISTINCT actor_key FROM event_actors WHERE actor_key IS NOT NULL "
                         + "UNION SELECT DISTINCT group_key FROM event_actors WHERE group_key IS NOT NULL")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            } catch (SQLException e) {
                throw new StoreException("cannot list actor keys", e);
            }
            return out;
        }
    }

    /**
     * {@inheritDoc} A country is never named after its president or an agent that happened to be stored under it:
     * "PHL" is "Philippines", not "Ferdinand Marcos Jr.". A country's unnamed opponents are named by country and
     * sector ("Syria rebels").
     */
    @Override
    public Map<String, String> actorNames() {
        synchronized (db) {
            Map<String, String> out = new TreeMap<>();
            Map<String, Boolean> countryNamed = new HashMap<>();
            try (Statement s = conn.createStatement();
                 ResultSet rs = s.executeQuery("SELECT actor_key, name, COUNT(*) AS n, "
                         + "MAX(CASE WHEN kb_id LIKE 'country:%' THEN 1 ELSE 0 END) AS country FROM event_actors "
                         + "WHERE actor_key IS NOT NULL AND name IS NOT NULL GROUP BY actor_key, name "
                         + "ORDER BY actor_key, country DESC, n DESC, name")) {
                while (rs.next()) {
                    if (out.putIfAbsent(rs.getString(1), rs.getString(2)) == null) {
                        countryNamed.put(rs.getString(1), rs.getInt(4) == 1);
                    }
                }
            } catch (SQLException e) {
                throw new StoreException("cannot read actor names", e);
            }
            out.replaceAll((key, name) -> countryNamed.getOrDefault(key, false) ? name
                    : COUNTRY_NAMES.getOrDefault(key, name));
            // group keys: an armed group by its knowledge-base name, a country's unnamed opponents by country and sector
            try (Statement s = conn.createStatement();
                 ResultSet rs = s.executeQuery("SELECT group_key, name, COUNT(*) AS n, MAX(actor_key) AS country FROM "
                         + "event_actors WHERE group_key IS NOT NULL AND actor_key IS NOT NULL AND group_key <> actor_key "
                         + "GROUP BY group_key, name ORDER BY group_key, n DESC, name")) {
                while (rs.next()) {
                    String key = rs.getString(1);
                    if (out.containsKey(key)) {
                        continue;
                    }
                    String name = rs.getString(2);
                    int dash = key.lastIndexOf('-');
                    String sector = dash < 0 ? "" : key.substring(dash + 1);
                    if (dash > 0 && ActorKey.OPPONENT_SECTORS.contains(sector) && key.startsWith(rs.getString(4) + "-")) {
                        String code = rs.getString(4);
                        String country = out.getOrDefault(code, COUNTRY_NAMES.getOrDefault(code, code));
                        out.put(key, country + " " + OPPONENT_NAMES.get(sector));
                    } else if (name != null) {
                        out.put(key, name);
                    }
                }
            } catch (SQLException e) {
                throw new StoreException("cannot read group names", e);
            }
            return out;
        }
    }

    /** How a country's unnamed opponents are named: "Syria rebels". */
    private static final Map<String, String> OPPONENT_NAMES = Map.of("REB", "rebels", "INS", "insurgents",
            "OPP", "opposition");

    /** ISO 3166 alpha-3 code → English short name, from the JDK's own table (for countries never named as such). */
    private static final Map<String, String> COUNTRY_NAMES = countryNames();

    private static Map<String, String> countryNames() {
        Map<String, String> m = new HashMap<>();
        for (String iso2 : Locale.getISOCountries()) {
            Locale l = new Locale("", iso2);
            try {
                m.put(l.getISO3Country(), l.getDisplayCountry(Locale.ENGLISH));
            } catch (java.util.MissingResourceException e) {
                // a code with no alpha-3 form: nothing to name
            }
        }
        return Map.copyOf(m);
    }

    // ---------------------------------------------------------------- aggregates over dyads

    /** {@inheritDoc} Computed in the database; page and order are ignored. */
    @Override
    public List<DyadTotal> dyadTotals(EventFilter f, ActorLevel level, Period by) {
        synchronized (db) {
            FilterSql q = new FilterSql(db, f);
            // Grouped by the truncated date itself; turning it into text per group, not per row, is several times
            // cheaper over a million rows.
            String period = by == null ? "CAST(NULL AS DATE)" : "date_trunc('" + unit(by) + "', d.event_date)";
            Clause sql = Clause.of("SELECT CAST(CAST(t.pd AS DATE) AS VARCHAR) AS period, t.src, t.src_sector, t.dst, "
                    + "t.dst_sector, t.joint, t.event_type, t.status, t.n, t.g, t.p, CAST(t.fd AS VARCHAR) AS first_date, "
                    + "CAST(t.ld AS VARCHAR) AS last_date FROM (SELECT " + period + " AS pd, d.src, d.src_sector, d.dst, "
                    + "d.dst_sector, d.joint, d.event_type, d.status, COUNT(*) AS n, SUM(d.goldstein) AS g, "
                    + "SUM(d.plover_score) AS p, MIN(d.event_date) AS fd, MAX(d.event_date) AS ld FROM " + q.dyads()
                    + " d").then(q.dyadWhere(level, false).clause()).then(" GROUP BY 1, d.src, d.src_sector, d.dst, "
                    + "d.dst_sector, d.joint, d.event_type, d.status) t");
            List<DyadTotal> out = new ArrayList<>();
            try (PreparedStatement p = Sql.prepare(conn, sql); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new DyadTotal(Sql.date(rs, "period"),
                            new ActorKey(q.keyName(rs.getInt(2)), codes.name(Sql.intOrNull(rs, "src_sector"))),
                            new ActorKey(q.keyName(rs.getInt(4)), codes.name(Sql.intOrNull(rs, "dst_sector"))),
                            rs.getBoolean(6), EventType.valueOf(codes.name(rs.getInt(7))),
                            EventStatus.valueOf(codes.name(rs.getInt(8))), rs.getLong(9), rs.getDouble(10),
                            rs.getDouble(11), Sql.date(rs, "first_date"), Sql.date(rs, "last_date")));
                }
            } catch (SQLException e) {
                throw new StoreException("cannot total dyads", e);
            }
            out.sort(DYAD_ORDER);
            return out;
        }
    }

    private static final Comparator<DyadTotal> DYAD_ORDER = Comparator
            .comparing(DyadTotal::period, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(DyadTotal::source).thenComparing(DyadTotal::target)
            .thenComparing(DyadTotal::eventType).thenComparing(DyadTotal::status)
            .thenComparing(DyadTotal::joint);

    /** The unit of SQL {@code date_trunc} for a period. */
    private static String unit(Period by) {
        return by.name().toLowerCase(Locale.ROOT);
    }

    /** {@inheritDoc} Summed in the database; page and order are ignored. */
    @Override
    public PairTotals pairTotals(EventFilter f, ActorLevel level, long minRealised, int limit) {
        synchronized (db) {
            FilterSql q = new FilterSql(db, f);
            Clause where = q.dyadWhere(level, false).clause();
            int realised = codes.find(EventStatus.REALISED.name());
            List<EventType> types = List.of(EventType.values());
            StringBuilder cols = new StringBuilder();
            for (EventType t : types) {
                cols.append("COUNT(*) FILTER (WHERE d.status = ").append(realised).append(" AND d.event_type = ")
                        .append(codes.find(t.name())).append(") AS t_").append(t.name()).append(", ");
            }
            String realisedCount = "COUNT(*) FILTER (WHERE d.status = " + realised + ")";
            String pair = "d.src, d.src_sector, d.dst, d.dst_sector";
            String wide = "SELECT " + pair + ", " + cols + "COUNT(*) FILTER (WHERE d.status = "
                    + codes.find(EventStatus.REFUSED.name()) + " AND d.event_type IN (" + cooperativeCodes()
                    + ")) AS refused, COUNT(*) FILTER (WHERE d.status <> " + realised + ") AS unrealised, "
                    + "COALESCE(SUM(d.goldstein) FILTER (WHERE d.status = " + realised + "), 0) AS g, "
                    + "COALESCE(SUM(d.plover_score) FILTER (WHERE d.status = " + realised + "), 0) AS p, ";
            String having = minRealised > 0 ? " HAVING " + realisedCount + " >= " + minRealised : "";
            Clause sql;
            if (limit <= 0) {
                sql = Clause.of(wide + "COUNT(*) OVER () AS pairs FROM " + q.dyads() + " d").then(where)
                        .then(" GROUP BY " + pair + having);
            } else {
                // First the pairs to keep, from a narrow count (a fraction of the cost of every per-type sum), then
                // the sums for those pairs only. Ties at the cut are broken by the actors' codes in Java's (byte)
                // order.
                String c = db.dialect() == Dialect.POSTGRESQL ? " COLLATE \"C\"" : "";
                Clause top = Clause.of("SELECT g.* FROM (SELECT " + pair + ", " + realisedCount + " AS realised, "
                        + "COUNT(*) OVER () AS pairs FROM " + q.dyads() + " d").then(where).then(" GROUP BY " + pair
                        + having + ") g JOIN codes cs ON cs.code_id = g.src LEFT JOIN codes css ON css.code_id = "
                        + "g.src_sector JOIN codes cd ON cd.code_id = g.dst LEFT JOIN codes cds ON cds.code_id = "
                        + "g.dst_sector ORDER BY g.realised DESC, cs.code" + c + ", css.code" + c + " NULLS FIRST, "
                        + "cd.code" + c + ", cds.code" + c + " NULLS FIRST LIMIT " + limit);
                sql = top.wrap("WITH top AS (", ") " + wide + "t.pairs FROM " + q.dyads() + " d JOIN top t ON "
                        + "d.src = t.src AND d.dst = t.dst AND COALESCE(d.src_sector, -1) = COALESCE(t.src_sector, -1) "
                        + "AND COALESCE(d.dst_sector, -1) = COALESCE(t.dst_sector, -1)").then(where)
                        .then(" GROUP BY " + pair + ", t.pairs");
            }
            List<PairTotal> rows = new ArrayList<>();
            long pairs = 0;
            try (PreparedStatement p = Sql.prepare(conn, sql); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    Map<EventType, Long> byType = new EnumMap<>(EventType.class);
                    for (int i = 0; i < types.size(); i++) {
                        long n = rs.getLong(5 + i);
                        if (n > 0) {
                            byType.put(types.get(i), n);
                        }
                    }
                    int at = 5 + types.size();
                    rows.add(new PairTotal(
                            new ActorKey(q.keyName(rs.getInt(1)), codes.name(Sql.intOrNull(rs, "src_sector"))),
                            new ActorKey(q.keyName(rs.getInt(3)), codes.name(Sql.intOrNull(rs, "dst_sector"))), byType,
                            rs.getLong(at), rs.getLong(at + 1), rs.getDouble(at + 2), rs.getDouble(at + 3)));
                    pairs = rs.getLong(at + 4);
                }
            } catch (SQLException e) {
                throw new StoreException("cannot total pairs", e);
            }
            rows.sort(Comparator.comparing(PairTotal::source).thenComparing(PairTotal::target));
            return new PairTotals(rows, pairs);
        }
    }

    /** The code ids of the cooperative event types, comma-separated, for IN lists. */
    private String cooperativeCodes() {
        List<String> out = new ArrayList<>();
        for (EventType t : EventType.values()) {
            if (t.cooperative()) {
                out.add(String.valueOf(codes.find(t.name())));
            }
        }
        return String.join(", ", out);
    }

    /** {@inheritDoc} Summed per pair first, then per actor on either side: one pass over the dyads. */
    @Override
    public List<ActorActivity> actorActivity(EventFilter f, ActorLevel level) {
        synchronized (db) {
            FilterSql q = new FilterSql(db, f);
            int realised = codes.find(EventStatus.REALISED.name());
            String coop = "d.status = " + realised + " AND d.event_type IN (" + cooperativeCodes() + ")";
            Clause sql = Clause.of("WITH p AS (SELECT d.src, d.src_sector, d.dst, d.dst_sector, COUNT(*) FILTER (WHERE "
                    + coop + ") AS c, COUNT(*) FILTER (WHERE d.status = " + realised + " AND NOT (" + coop + ")) AS k "
                    + "FROM " + q.dyads() + " d").then(q.dyadWhere(level, false).clause()).then(" GROUP BY d.src, "
                    + "d.src_sector, d.dst, d.dst_sector) SELECT a, s, SUM(c), SUM(k) FROM (SELECT src AS a, "
                    + "src_sector AS s, c, k FROM p UNION ALL SELECT dst, dst_sector, c, k FROM p) x GROUP BY a, s");
            List<ActorActivity> out = new ArrayList<>();
            try (PreparedStatement p = Sql.prepare(conn, sql); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new ActorActivity(new ActorKey(q.keyName(rs.getInt(1)), codes.name(Sql.intOrNull(rs, "s"))),
                            rs.getLong(3), rs.getLong(4)));
                }
            } catch (SQLException e) {
                throw new StoreException("cannot total actor activity", e);
            }
            out.sort(Comparator.comparing(ActorActivity::actor));
            return out;
        }
    }

    /** {@inheritDoc} Ranked within {@code event_dyads}, so that it never scans the events table. */
    @Override
    public Map<LocalDate, List<StoredEvent>> topEventsByPeriod(EventFilter f, ActorLevel level, Period by,
                                                              int perPeriod) {
        synchronized (db) {
            FilterSql q = new FilterSql(db, f);
            Map<List<String>, List<StoredEvent>> ranked = topEvents(q, q.dyadWhere(level, false),
                    List.of("CAST(date_trunc('" + unit(by) + "', d.event_date) AS DATE)"), perPeriod, "period");
            Map<LocalDate, List<StoredEvent>> out = new TreeMap<>();
            ranked.forEach((k, v) -> out.put(LocalDate.parse(k.get(0)), v));
            return out;
        }
    }

    /** {@inheritDoc} The evidence of all of a's ties in one pass over {@code event_dyads}. */
    @Override
    public Map<ActorKey, EventsWith> topEventsWith(EventFilter f, ActorLevel level, ActorKey a, int perActor) {
        synchronized (db) {
            ActorKey k = a.at(level);
            FilterSql q = new FilterSql(db, f.withEither(k));
            // the actor's codes as literals (integers from the codes table; unknown ones, -1, match nothing)
            String aIsSource = "d.src = " + q.keyId(k.key())
                    + (k.sector() == null ? "" : " AND d.src_sector = " + codes.find(k.sector()));
            Map<List<String>, List<StoredEvent>> ranked = topEvents(q, q.dyadWhere(level, false),
                    List.of("CASE WHEN " + aIsSource + " THEN d.dst ELSE d.src END",
                            "CASE WHEN " + aIsSource + " THEN d.dst_sector ELSE d.src_sector END",
                            "CASE WHEN d.quad_class <= 2 THEN 1 ELSE 0 END"), perActor, "actor");
            Map<ActorKey, List<List<StoredEvent>>> by = new TreeMap<>();
            try {
                for (Map.Entry<List<String>, List<StoredEvent>> e : ranked.entrySet()) {
                    String sector = e.getKey().get(1);
                    ActorKey other = new ActorKey(q.keyName(Integer.valueOf(e.getKey().get(0))),
                            sector == null ? null : codes.name(Integer.valueOf(sector)));
                    List<List<StoredEvent>> two = by.computeIfAbsent(other,
                            x -> new ArrayList<>(List.of(List.of(), List.of())));
                    two.set("1".equals(e.getKey().get(2)) ? 0 : 1, e.getValue());
                }
            } catch (SQLException e) {
                throw new StoreException("cannot read actor codes", e);
            }
            Map<ActorKey, EventsWith> out = new TreeMap<>();
            by.forEach((other, two) -> out.put(other, new EventsWith(two.get(0), two.get(1))));
            return out;
        }
    }

    /** {@inheritDoc} Chosen without reading the events table. */
    @Override
    public List<StoredEvent> topEvents(EventFilter f, ActorLevel level, int n) {
        synchronized (db) {
            FilterSql q = new FilterSql(db, f);
            List<StoredEvent> out = new ArrayList<>();
            topEvents(q, q.dyadWhere(level, true), List.of("0"), n, "salience").values().forEach(out::addAll);
            return out;
        }
    }

    /**
     * The {@code n} most salient events (most mentioned story, then confidence, date, id) of each group of the
     * dyads of {@code q} matching {@code where}, grouped by the SQL expressions {@code groups} over {@code d}
     * (event_dyads); keyed by the groups' values as text, in group order.
     */
    private Map<List<String>, List<StoredEvent>> topEvents(FilterSql q, Where where, List<String> groups, int n0,
                                                           String what) {
        int n = Math.max(1, n0);
        List<String> g = new ArrayList<>();
        List<String> gx = new ArrayList<>();
        List<String> join = new ArrayList<>();
        List<String> out = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            g.add(groups.get(i) + " AS g" + i);
            gx.add("x.g" + i);
            join.add("cut.g" + i + " IS NOT DISTINCT FROM x.g" + i);
            out.add("CAST(g" + i + " AS VARCHAR) AS g" + i);
            names.add("g" + i);
        }
        Clause sql;
        if (db.dialect() == Dialect.DUCKDB) {
            // A group's top n events have a key (mentions, then confidence) at least the n-th largest key among
            // its distinct events, which DuckDB's top-n aggregate max(x, n) finds without sorting the group; only
            // the rows at or above it are then ranked exactly. An event has at most two dyads in one group (A->B
            // and B->A), so the 3n largest (key, event) rows hold n distinct events. DENSE_RANK gives an event's
            // dyads in a group one rank, so each event counts once.
            sql = Clause.of("WITH x AS (SELECT d.event_id, d.event_date, d.confidence, COALESCE(s.mentions, 1) AS m, "
                    + "COALESCE(s.mentions, 1) + d.confidence / 2.0 AS k, " + String.join(", ", g) + " FROM "
                    + q.dyads() + " d LEFT JOIN stories s ON s.story_id = d.event_id").then(where.clause())
                    .then("), cut AS (SELECT " + String.join(", ", gx) + ", list_sort(list_distinct(max({'k': x.k, "
                    + "'e': x.event_id}, " + 3 * n + ")), 'DESC')[" + n + "].k AS k FROM x GROUP BY "
                    + String.join(", ", gx) + ") SELECT DISTINCT event_id, " + String.join(", ", out) + ", rn FROM "
                    + "(SELECT x.*, DENSE_RANK() OVER (PARTITION BY " + String.join(", ", gx) + " ORDER BY x.m DESC, "
                    + "x.confidence DESC, x.event_date, x.event_id) AS rn FROM x JOIN cut ON "
                    + String.join(" AND ", join) + " WHERE x.k >= COALESCE(cut.k, -1)) ranked WHERE rn <= " + n);
        } else {
            sql = Clause.of("SELECT event_id, " + String.join(", ", out) + ", rn FROM (SELECT x.*, ROW_NUMBER() OVER "
                    + "(PARTITION BY " + String.join(", ", gx) + " ORDER BY COALESCE(s.mentions, 1) DESC, "
                    + "x.confidence DESC, x.event_date, x.event_id) AS rn FROM (SELECT DISTINCT d.event_id, "
                    + "d.event_date, d.confidence, " + String.join(", ", g) + " FROM " + q.dyads() + " d")
                    .then(where.clause()).then(") x LEFT JOIN stories s ON s.story_id = x.event_id) ranked "
                    + "WHERE rn <= " + n);
        }
        sql = sql.wrap("SELECT * FROM (", ") r ORDER BY " + String.join(", ", names) + ", rn");
        Map<List<String>, List<String>> ids = new LinkedHashMap<>();
        try {
            try (PreparedStatement p = Sql.prepare(conn, sql); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    List<String> key = new ArrayList<>();
                    for (int i = 0; i < groups.size(); i++) {
                        key.add(rs.getString("g" + i));
                    }
                    ids.computeIfAbsent(key, x -> new ArrayList<>()).add(rs.getString(1));
                }
            }
            List<String> all = new ArrayList<>();
            ids.values().forEach(all::addAll);
            Map<String, StoredEvent> byId = new HashMap<>();
            load(all).forEach(e -> byId.put(e.event().id(), e));
            Map<List<String>, List<StoredEvent>> result = new LinkedHashMap<>();
            ids.forEach((key, list) -> {
                List<StoredEvent> evs = new ArrayList<>();
                list.forEach(id -> evs.add(byId.get(id)));
                result.put(key, List.copyOf(evs));
            });
            return result;
        } catch (SQLException e) {
            throw new StoreException("cannot rank events by " + what, e);
        }
    }
}
