package org.faultline.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.faultline.query.ActorKey;
import org.faultline.query.ActorLevel;
import org.faultline.query.Coalition;
import org.faultline.query.EventFilter;
import org.faultline.store.StoreException;
import org.faultline.store.StoreUrl.Dialect;

/**
 * One {@link EventFilter} in SQL: its conditions over {@code events e} ({@link #eventWhere}) and over the dyads
 * {@code d} ({@link #dyadWhere}), the dyads it reads ({@link #dyads}: {@code event_dyads}, or a view of it with the
 * filter's coalitions folded in), its order and page, and the names of the code ids a dyad query returns. Built
 * once per query and read by it; the caller holds the store's lock.
 */
public final class FilterSql {
    private final Database db;
    private final Codes codes;
    private final EventFilter f;

    public FilterSql(Database db, EventFilter f) {
        this.db = db;
        this.codes = db.codes();
        this.f = f;
    }

    public EventFilter filter() {
        return f;
    }

    /** The ORDER BY of the filter's order over columns of {@code prefix} (events or a dyad selection). */
    public String order(String prefix) {
        switch (f.order()) {
            case DATE_DESC:
                return " ORDER BY " + prefix + "event_date DESC, " + prefix + "event_id";
            case SALIENCE:
                return " ORDER BY COALESCE(s.mentions, 1) DESC, " + prefix + "confidence DESC, " + prefix
                        + "event_date, " + prefix + "event_id";
            default:
                return " ORDER BY " + prefix + "event_date, " + prefix + "event_id";
        }
    }

    /** The filter's LIMIT and OFFSET. */
    public String page() {
        return (f.limit() > 0 ? " LIMIT " + f.limit() : "") + (f.offset() > 0 ? " OFFSET " + f.offset() : "");
    }

    /**
     * When the filter asks for events from one actor to another (or between a pair), the actor level at which
     * {@code event_dyads} holds exactly those events; {@code null} otherwise (e.g. an actor alone, who may act
     * without a recipient). The dyads are integer-coded, so choosing events there avoids joining the events table
     * with the actors table on text ids.
     */
    public ActorLevel dyadLevel() throws SQLException {
        if (f.either() != null || !f.anyOf().isEmpty()) {
            return null;
        }
        if (f.pairA() != null && f.actor() == null && f.recipient() == null) {
            return pairLevel(f.pairA(), f.pairB());
        }
        if (f.pairA() == null && f.actor() != null && f.recipient() != null
                && !f.actor().key().equals(f.recipient().key())) {
            return pairLevel(f.actor(), f.recipient());
        }
        return null;
    }

    /**
     * The level at which {@code event_dyads} answers a question about two actors: with a sector, actor+sector;
     * when one of them (or a member of its coalition) is known only at {@link ActorLevel#GROUP} (HAMAS,
     * SYR-REB), group; else country, as before groups had keys of their own.
     */
    private ActorLevel pairLevel(ActorKey a, ActorKey b) throws SQLException {
        if (a.sector() != null || b.sector() != null) {
            return ActorLevel.SECTOR;
        }
        return groupOnly(a) || groupOnly(b) ? ActorLevel.GROUP : ActorLevel.COUNTRY;
    }

    /** True when this actor (or a member of its coalition in the filter) is stored as a group key only. */
    private boolean groupOnly(ActorKey k) throws SQLException {
        Coalition c = f.coalition(k);
        for (ActorKey m : c == null ? List.of(k) : c.members()) {
            try (PreparedStatement p = Sql.prepare(db.connection(), "SELECT 1 FROM event_actors WHERE group_key = ? "
                    + "AND NOT EXISTS (SELECT 1 FROM event_actors WHERE actor_key = ?) LIMIT 1", List.of(m.key(), m.key()));
                 ResultSet rs = p.executeQuery()) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The conditions of the filter over {@code events e}. */
    public Where eventWhere() {
        Where w = new Where();
        if (f.actor() != null) {
            w.add(actorRows(keyMatch(f.actor()).wrap("role = 'actor' AND ", "")));
        }
        if (f.recipient() != null) {
            w.add(actorRows(keyMatch(f.recipient()).wrap("role = 'recipient' AND ", "")));
        }
        if (f.either() != null) {
            w.add(actorRows(keyMatch(f.either())));
        }
        if (!f.anyOf().isEmpty()) {
            List<Clause> any = new ArrayList<>();
            f.anyOf().forEach(k -> any.add(keyMatch(k)));
            w.add(actorRows(Clause.or(any)));
        }
        if (f.pairA() != null) {
            ActorLevel level;
            try {
                level = pairLevel(f.pairA(), f.pairB());
            } catch (SQLException e) {
                throw new StoreException("cannot choose the level of the pair " + f.pairA() + ", " + f.pairB(), e);
            }
            w.add(Clause.of("e.event_id IN (SELECT d.event_id FROM " + dyads() + " d WHERE d.actor_level = ? AND ",
                    EventRows.levelNumber(level)).then(pair(f.pairA(), f.pairB())).then(")"));
        }
        w.in("e.event_type", f.types()).in("e.quad_class", f.quadClasses()).in("e.status", f.statuses());
        if (!f.sectors().isEmpty()) {
            w.add(actorRows(Clause.in("sector", f.sectors())));
        }
        commonConditions(w, "e");
        if (f.representativesOnly()) {
            w.add("e.story_id = e.event_id");
        }
        if (f.locatedOnly()) {
            w.add("e.loc_lat IS NOT NULL AND e.loc_lon IS NOT NULL");
        }
        if (f.docId() != null) {
            w.add("e.doc_id = ?", f.docId());
        }
        return w;
    }

    /** Events with a row of {@code event_actors} matching {@code condition}. */
    private static Clause actorRows(Clause condition) {
        return condition.wrap("e.event_id IN (SELECT event_id FROM event_actors WHERE ", ")");
    }

    /**
     * The dates, country and text of the filter, over the rows {@code alias}: {@code e} (events, which hold the
     * country) or {@code d} (dyads, which look it up in events).
     */
    private void commonConditions(Where w, String alias) {
        if (f.from() != null) {
            w.add(alias + ".event_date >= CAST(? AS DATE)", f.from());
        }
        if (f.to() != null) {
            w.add(alias + ".event_date <= CAST(? AS DATE)", f.to());
        }
        if (f.country() != null) {
            w.add(alias.equals("e") ? "e.loc_country = ?"
                    : alias + ".event_id IN (SELECT event_id FROM events WHERE loc_country = ?)", f.country());
        }
        if (f.text() != null) {
            w.add(alias + ".event_id IN (SELECT event_id FROM evidence WHERE LOWER(text) LIKE ? ESCAPE '\\')",
                    like(f.text()));
        }
        if (f.confidenceBelow() != null) {
            w.add(alias + ".confidence < ?", f.confidenceBelow());
        }
    }

    private static String like(String text) {
        String t = text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + t + "%";
    }

    /**
     * Matches {@code event_actors} rows against an actor by its key at country or at group level ({@code PSE}
     * matches all of Palestine, Hamas included, as it always did; {@code HAMAS} matches Hamas); a coalition of the
     * filter matches its members.
     */
    private Clause keyMatch(ActorKey k) {
        Coalition c = f.coalition(k);
        List<Object> keys = new ArrayList<>();
        if (c == null) {
            keys.add(k.key());
        } else {
            c.members().forEach(m -> keys.add(m.key()));
        }
        Clause key = Clause.or(List.of(Clause.in("actor_key", keys), Clause.in("group_key", keys)));
        return k.sector() == null ? key : Clause.and(List.of(key, Clause.of("sector = ?", k.sector()))).wrap("(", ")");
    }

    /**
     * The conditions of the filter over the dyads {@code d} at {@code level}; with {@code directed}, a recipient in
     * the filter admits only directed dyads (not co-actors of an event without recipient).
     */
    public Where dyadWhere(ActorLevel level, boolean directed) {
        Where w = new Where().add("d.actor_level = ?", EventRows.levelNumber(level));
        if (f.actor() != null) {
            w.add(dyadMatch(f.actor().at(level), "src"));
        }
        if (f.recipient() != null) {
            w.add(dyadMatch(f.recipient().at(level), "dst"));
        }
        if (f.either() != null) {
            ActorKey k = f.either().at(level);
            w.add(Clause.or(List.of(dyadMatch(k, "src"), dyadMatch(k, "dst"))));
        }
        if (!f.anyOf().isEmpty()) {
            List<Clause> any = new ArrayList<>();
            for (ActorKey k : f.anyOf()) {
                any.add(dyadMatch(k.at(level), "src"));
                any.add(dyadMatch(k.at(level), "dst"));
            }
            w.add(Clause.or(any));
        }
        if (f.pairA() != null) {
            w.add(pair(f.pairA().at(level), f.pairB().at(level)));
        }
        List<Object> types = new ArrayList<>();
        f.types().forEach(t -> types.add(codes.find(t.name())));
        List<Object> statuses = new ArrayList<>();
        f.statuses().forEach(t -> statuses.add(codes.find(t.name())));
        w.in("d.event_type", types).in("d.quad_class", f.quadClasses()).in("d.status", statuses);
        if (!f.sectors().isEmpty()) {
            w.add(sectors(level));
        }
        commonConditions(w, "d");
        if (f.representativesOnly()) {
            w.add("d.representative");
        }
        if (f.locatedOnly()) {
            w.add("d.event_id IN (SELECT event_id FROM events WHERE loc_lat IS NOT NULL AND loc_lon IS NOT NULL)");
        }
        if (f.docId() != null) {
            w.add("d.event_id IN (SELECT event_id FROM events WHERE doc_id = ?)", f.docId());
        }
        if (directed && f.recipient() != null) {
            w.add("NOT d.joint");
        }
        return w;
    }

    /** Matches the dyad code columns of one side ({@code src} or {@code dst}) against an actor; unknown codes match nothing. */
    private Clause dyadMatch(ActorKey k, String side) {
        Clause key = Clause.of("d." + side + " = ?", keyId(k.key()));
        if (k.sector() == null) {
            return key;
        }
        return Clause.and(List.of(key, Clause.of("d." + side + "_sector = ?", codes.find(k.sector())))).wrap("(", ")");
    }

    /** Dyads between {@code a} and {@code b}, either way. */
    private Clause pair(ActorKey a, ActorKey b) {
        Clause ab = Clause.and(List.of(dyadMatch(a, "src"), dyadMatch(b, "dst"))).wrap("(", ")");
        Clause ba = Clause.and(List.of(dyadMatch(b, "src"), dyadMatch(a, "dst"))).wrap("(", ")");
        return Clause.or(List.of(ab, ba));
    }

    /**
     * Keeps the dyads with an actor of the filter's sectors on a side. At actor+sector level the dyad's own sectors
     * say so; at country and group level an actor of the event with such a sector is looked up whose key at that
     * level is the side (a coalition's side: any of its members), in the role of that side (a joint dyad's target
     * is a co-actor).
     */
    private Clause sectors(ActorLevel level) {
        if (level == ActorLevel.SECTOR) {
            List<Object> ids = new ArrayList<>();
            f.sectors().forEach(x -> ids.add(codes.find(x)));
            return Clause.or(List.of(Clause.in("d.src_sector", ids), Clause.in("d.dst_sector", ids)));
        }
        String side = "c.code_id";
        if (!f.coalitions().isEmpty()) {
            side = foldCoalitions("c.code_id", i -> String.valueOf(coalitionId(i)), "c.code_id");
        }
        String key = level == ActorLevel.GROUP ? "ea.group_key" : "ea.actor_key";
        return Clause.in("ea.sector", f.sectors()).wrap("EXISTS (SELECT 1 FROM event_actors ea JOIN codes c ON c.code = "
                + key + " WHERE ea.event_id = d.event_id AND ", " AND ((ea.role = 'actor' AND " + side + " = d.src) OR "
                + "(ea.role = CASE WHEN d.joint THEN 'actor' ELSE 'recipient' END AND " + side + " = d.dst)))");
    }

    /**
     * {@code CASE WHEN column IN (members of coalition i) THEN then(i) ... ELSE otherwise END}: a column of code ids
     * with the filter's coalitions folded in. The members' code ids are integers from the codes table, written as
     * literals.
     */
    private String foldCoalitions(String column, java.util.function.IntFunction<String> then, String otherwise) {
        StringBuilder b = new StringBuilder("CASE");
        for (int i = 0; i < f.coalitions().size(); i++) {
            List<String> ids = new ArrayList<>();
            f.coalitions().get(i).members().forEach(m -> ids.add(String.valueOf(codes.find(m.key()))));
            b.append(" WHEN ").append(column).append(" IN (").append(String.join(", ", ids)).append(") THEN ")
                    .append(then.apply(i));
        }
        return b.append(" ELSE ").append(otherwise).append(" END").toString();
    }

    /**
     * The dyads a query reads: {@code event_dyads}, or, when the filter carries coalitions, a view of it in which
     * each coalition's members are folded into the coalition (code id {@link #coalitionId}). In the view an event
     * keeps one row per distinct folded pair, pairs within one coalition (at the level: same sector too) are gone,
     * and a joint pair is turned so that the smaller actor key (in Java's order) comes first, as stored pairs are.
     */
    public String dyads() {
        if (f.coalitions().isEmpty()) {
            return "event_dyads";
        }
        String c = db.dialect() == Dialect.POSTGRESQL ? " COLLATE \"C\"" : "";
        String ms = foldCoalitions("d.src", i -> String.valueOf(coalitionId(i)), "d.src");
        String md = foldCoalitions("d.dst", i -> String.valueOf(coalitionId(i)), "d.dst");
        // names are checked to be [A-Z][A-Z0-9_]*, safe as literals. An actor key in Java's order: the key, then no
        // sector before any sector (chr(1) sorts before letters).
        String ks = foldCoalitions("d.src", i -> "'" + f.coalitions().get(i).name() + "'", "cs.code")
                + " || chr(1) || COALESCE(css.code, '')";
        String kd = foldCoalitions("d.dst", i -> "'" + f.coalitions().get(i).name() + "'", "cd.code")
                + " || chr(1) || COALESCE(cds.code, '')";
        String swap = "CASE WHEN y.swap THEN ";
        return "(SELECT DISTINCT y.event_id, y.actor_level, " + swap + "y.md ELSE y.ms END AS src, " + swap
                + "y.dst_sector ELSE y.src_sector END AS src_sector, " + swap + "y.ms ELSE y.md END AS dst, " + swap
                + "y.src_sector ELSE y.dst_sector END AS dst_sector, y.joint, y.event_type, y.quad_class, "
                + "y.event_date, y.status, y.goldstein, y.plover_score, y.confidence, y.representative FROM (SELECT "
                + "x.*, (x.joint AND x.ks" + c + " > x.kd" + c + ") AS swap FROM (SELECT d.*, " + ms + " AS ms, " + md
                + " AS md, " + ks + " AS ks, " + kd + " AS kd FROM event_dyads d JOIN codes cs ON cs.code_id = d.src "
                + "JOIN codes cd ON cd.code_id = d.dst LEFT JOIN codes css ON css.code_id = d.src_sector "
                + "LEFT JOIN codes cds ON cds.code_id = d.dst_sector) x WHERE NOT (x.ms = x.md AND x.src_sector "
                + "IS NOT DISTINCT FROM x.dst_sector)) y)";
    }

    /** The code id standing for the filter's {@code i}-th coalition in {@link #dyads}: negative, so never a stored code. */
    private static int coalitionId(int i) {
        return -2 - i;
    }

    /** The actor key or sector of a code id read from {@link #dyads}: a stored code or a coalition's name. */
    public String keyName(Integer id) throws SQLException {
        if (id != null && id <= -2 && -2 - id < f.coalitions().size()) {
            return f.coalitions().get(-2 - id).name();
        }
        return codes.name(id);
    }

    /** The code id of an actor key in {@link #dyads}: a coalition's id, a stored code's, or -1 (matches nothing). */
    public int keyId(String key) {
        for (int i = 0; i < f.coalitions().size(); i++) {
            if (f.coalitions().get(i).name().equals(key)) {
                return coalitionId(i);
            }
        }
        return codes.find(key);
    }
}
