package org.faultline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.faultline.model.DatePrecision;
import org.faultline.model.Event;
import org.faultline.model.EventType;
import org.faultline.query.EventStatus;
import org.faultline.query.Story;
import org.faultline.store.MergeRule.Mention;
import org.faultline.store.internal.Clause;
import org.faultline.store.internal.Database;
import org.faultline.store.internal.EventRows;
import org.faultline.store.internal.RowSink;
import org.faultline.store.internal.Sql;
import org.faultline.store.internal.StoryClusters;
import org.faultline.store.internal.Where;

/**
 * Story merging of a store: links the events of different documents that report the same real-world event
 * according to the {@link MergeRule} into stories (tables {@code stories} and {@code kept_apart}, the
 * {@code story_id} of events and the {@code representative} flag of dyads), and reads the stories back.
 *
 * <p>While merging is on (the default), the writer links each new document's events as it stores them
 * ({@link #mergeNew}, in its transaction); {@link #unmerge()} dissolves all stories and turns merging off;
 * {@link #mergeStories(MergeRule)} recomputes them from scratch. Incremental and batch merging give the same
 * stories, whatever the order documents arrived in. The rule and the switch are stored settings.
 *
 * <p>Thread-safe: takes turns with the store's other parts on its {@link Database}.
 */
public final class StoryMerger {
    private static final String RULE = "merge.rule";
    private static final String ENABLED = "merge.enabled";

    private final Database db;
    private final Connection conn;
    private MergeRule mergeRule;
    private EvidenceSimilarity meaning = EvidenceSimilarity.NONE;
    private boolean merging;

    StoryMerger(Database db) throws SQLException {
        this.db = db;
        this.conn = db.connection();
        Map<String, String> settings = db.settings();
        this.merging = !"false".equals(settings.get(ENABLED));
        this.mergeRule = settings.containsKey(RULE) ? parseRule(settings.get(RULE)) : MergeRule.DEFAULT;
    }

    public boolean mergingEnabled() {
        synchronized (db) {
            return merging;
        }
    }

    public MergeRule mergeRule() {
        synchronized (db) {
            return mergeRule;
        }
    }

    /**
     * Links reports whose evidence {@code meaning} finds alike as well (condition 7 of {@link MergeRule}), for the
     * documents stored from now on and for {@link #mergeStories}; not remembered in the store. {@link
     * EvidenceSimilarity#NONE} turns it off again.
     */
    public void mergeBySimilarMeaning(EvidenceSimilarity meaning) {
        synchronized (db) {
            this.meaning = java.util.Objects.requireNonNull(meaning, "meaning");
        }
    }

    /**
     * Recomputes every story from scratch with {@code rule}, remembers the rule for later documents and turns
     * merging on. Returns the number of stories with more than one mention.
     */
    public int mergeStories(MergeRule rule) {
        synchronized (db) {
            int merged = db.inTransaction("cannot merge stories", () -> {
                resetStories();
                List<Mention> all = loadMentions();
                Map<String, String> story = StoryClusters.cluster(all, rule, meaning);
                applyStoryMap(story);
                try (Statement s = conn.createStatement()) {
                    s.executeUpdate("INSERT INTO stories SELECT story_id, MIN(event_type), MIN(event_date), "
                            + "MAX(event_date), COUNT(*), COUNT(DISTINCT doc_id) FROM events "
                            + "GROUP BY story_id HAVING COUNT(*) > 1");
                }
                db.putSetting(ENABLED, "true");
                db.putSetting(RULE, rule.windows());
                return new HashSet<>(story.values()).size();
            });
            this.mergeRule = rule;
            this.merging = true;
            return merged;
        }
    }

    /** Dissolves every story (each mention becomes its own event again; nothing is deleted) and turns merging off. */
    public void unmerge() {
        synchronized (db) {
            db.inTransaction("cannot unmerge stories", () -> {
                resetStories();
                db.putSetting(ENABLED, "false");
                return null;
            });
            merging = false;
        }
    }

    /**
     * Undoes one merge: every mention of the story becomes its own event again (nothing is deleted) and is kept
     * apart from every other mention from now on, by incremental merging and by {@link #mergeStories} alike, until
     * {@link #forgetSplits()}. Returns the ids of the mentions set apart, sorted.
     *
     * @throws IllegalArgumentException when no merged story has this id
     */
    public List<String> splitStory(String storyId) {
        synchronized (db) {
            return db.inTransaction("cannot split story " + storyId, () -> {
                List<String> members = new ArrayList<>();
                try (PreparedStatement p = Sql.prepare(conn, "SELECT event_id FROM events WHERE story_id = ? "
                        + "ORDER BY event_id", List.of(storyId)); ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        members.add(rs.getString(1));
                    }
                }
                if (members.size() < 2) {
                    throw new IllegalArgumentException("no merged story has the id '" + storyId + "'");
                }
                try (PreparedStatement p = conn.prepareStatement("INSERT INTO kept_apart VALUES (?, ?, CURRENT_TIMESTAMP)")) {
                    for (String id : members) {
                        p.setString(1, id);
                        p.setString(2, storyId);
                        p.addBatch();
                    }
                    p.executeBatch();
                }
                for (String sql : List.of("UPDATE events SET story_id = event_id WHERE story_id = ?",
                        "UPDATE event_dyads SET representative = TRUE WHERE event_id IN (SELECT event_id FROM kept_apart "
                                + "WHERE story_id = ?)", "DELETE FROM stories WHERE story_id = ?")) {
                    try (PreparedStatement p = Sql.prepare(conn, sql, List.of(storyId))) {
                        p.executeUpdate();
                    }
                }
                return List.copyOf(members);
            });
        }
    }

    /**
     * Mentions split off stories by {@link #splitStory}, mapped to the story they were split from, sorted by event
     * id.
     */
    public Map<String, String> keptApart() {
        synchronized (db) {
            Map<String, String> out = new TreeMap<>();
            try (Statement s = conn.createStatement();
                 ResultSet rs = s.executeQuery("SELECT event_id, story_id FROM kept_apart")) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            } catch (SQLException e) {
                throw new StoreException("cannot read split stories", e);
            }
            return out;
        }
    }

    /**
     * Forgets every split: the mentions may be merged again by later documents and by the next
     * {@link #mergeStories}. Returns how many mentions were kept apart.
     */
    public int forgetSplits() {
        synchronized (db) {
            try (Statement s = conn.createStatement()) {
                return s.executeUpdate("DELETE FROM kept_apart");
            } catch (SQLException e) {
                throw new StoreException("cannot forget split stories", e);
            }
        }
    }

    /** Merged stories (two or more mentions), most mentioned first, at most {@code limit} (0: all). */
    public List<Story> stories(int limit) {
        synchronized (db) {
            List<String> ids = new ArrayList<>();
            try (Statement s = conn.createStatement();
                 ResultSet rs = s.executeQuery("SELECT story_id FROM stories ORDER BY mentions DESC, first_date, story_id"
                         + (limit > 0 ? " LIMIT " + limit : ""))) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
                List<Story> out = new ArrayList<>();
                for (String id : ids) {
                    out.add(read(id));
                }
                return out;
            } catch (SQLException e) {
                throw new StoreException("cannot list stories", e);
            }
        }
    }

    /** The story with this id, or {@code null} when no merged story has it. */
    public Story story(String storyId) {
        synchronized (db) {
            try {
                return read(storyId);
            } catch (SQLException e) {
                throw new StoreException("cannot read story " + storyId, e);
            }
        }
    }

    private Story read(String storyId) throws SQLException {
        List<String> events = new ArrayList<>();
        Set<String> docs = new TreeSet<>();
        EventType type = null;
        LocalDate first = null;
        LocalDate last = null;
        try (PreparedStatement p = Sql.prepare(conn, "SELECT event_id, doc_id, event_type, CAST(event_date AS VARCHAR) "
                + "AS event_date FROM events WHERE story_id = ? ORDER BY event_id", List.of(storyId));
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                events.add(rs.getString("event_id"));
                docs.add(rs.getString("doc_id"));
                type = EventType.valueOf(rs.getString("event_type"));
                LocalDate d = Sql.date(rs, "event_date");
                first = first == null || d.isBefore(first) ? d : first;
                last = last == null || d.isAfter(last) ? d : last;
            }
        }
        return events.size() < 2 ? null : new Story(storyId, type, first, last, events, new ArrayList<>(docs));
    }

    private void resetStories() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.executeUpdate("DELETE FROM stories");
            s.executeUpdate("UPDATE events SET story_id = event_id WHERE story_id <> event_id");
            s.executeUpdate("UPDATE event_dyads SET representative = TRUE WHERE NOT representative");
        }
    }

    /** Writes event id to story id for merged mentions (others keep story id = own id). */
    private void applyStoryMap(Map<String, String> story) throws SQLException {
        if (story.isEmpty()) {
            return;
        }
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE TEMPORARY TABLE story_map (event_id VARCHAR PRIMARY KEY, story_id VARCHAR NOT NULL)");
        }
        try {
            try (RowSink m = RowSink.batch(conn, "story_map", 2)) {
                for (Map.Entry<String, String> e : new TreeMap<>(story).entrySet()) {
                    m.row(e.getKey(), e.getValue());
                }
            }
            try (Statement s = conn.createStatement()) {
                s.executeUpdate("UPDATE events SET story_id = m.story_id FROM story_map m "
                        + "WHERE events.event_id = m.event_id");
                s.executeUpdate("UPDATE event_dyads SET representative = FALSE FROM story_map m "
                        + "WHERE event_dyads.event_id = m.event_id AND m.story_id <> m.event_id");
            }
        } finally {
            try (Statement s = conn.createStatement()) {
                s.execute("DROP TABLE story_map");
            }
        }
    }

    /**
     * Links a new document's events (stored already, in the caller's transaction) to stored events of other
     * documents, joining their stories; nothing when merging is off. Equivalent to recomputing the connected
     * components with the new events added, because every link between the new document and the older ones is
     * examined here and links among older ones were examined when they came. The caller holds the lock.
     */
    void mergeNew(List<Event> events) throws SQLException {
        if (!merging) {
            return;
        }
        Map<String, String> parent = new HashMap<>();
        boolean linked = false;
        for (Event e : events) {
            Mention m = Mention.of(e);
            if (m.actorKeys().isEmpty()) {
                continue;
            }
            for (Map.Entry<Mention, String> c : candidates(m).entrySet()) {
                if (mergeRule.sameStory(m, c.getKey(), meaning)) {
                    union(parent, e.id(), c.getValue());
                    linked = true;
                }
            }
        }
        if (!linked) {
            return;
        }
        Map<String, Set<String>> groups = new TreeMap<>();
        for (String s : new ArrayList<>(parent.keySet())) {
            groups.computeIfAbsent(findRoot(parent, s), x -> new TreeSet<>()).add(s);
        }
        for (Set<String> storyIds : groups.values()) {
            join(new ArrayList<>(storyIds));
        }
    }

    /** Makes the stories {@code ids} one, under the id of its representative mention. */
    private void join(List<Object> ids) throws SQLException {
        Clause inStories = Clause.in("story_id", ids);
        List<Mention> members = new ArrayList<>();
        try (PreparedStatement p = Sql.prepare(conn, Clause.of("SELECT event_id, doc_id, event_type, CAST(event_date "
                + "AS VARCHAR) AS event_date, date_precision, loc_country, status FROM events WHERE ").then(inStories));
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                members.add(mentionRow(rs, Set.of(), Set.of(), null, Set.of(), null));
            }
        }
        String story = StoryClusters.representative(members);
        update(Clause.of("UPDATE events SET story_id = ? WHERE ", story).then(inStories));
        List<Object> eventIds = new ArrayList<>();
        members.forEach(x -> eventIds.add(x.eventId()));
        for (int i = 0; i < eventIds.size(); i += Database.CHUNK) {
            update(Clause.of("UPDATE event_dyads SET representative = (event_id = ?) WHERE ", story)
                    .then(Clause.in("event_id", eventIds.subList(i, Math.min(eventIds.size(), i + Database.CHUNK)))));
        }
        update(Clause.of("DELETE FROM stories WHERE ").then(inStories));
        update(Clause.of("INSERT INTO stories SELECT story_id, MIN(event_type), MIN(event_date), MAX(event_date), "
                + "COUNT(*), COUNT(DISTINCT doc_id) FROM events WHERE story_id = ? GROUP BY story_id", story));
    }

    private void update(Clause statement) throws SQLException {
        try (PreparedStatement p = Sql.prepare(conn, statement)) {
            p.executeUpdate();
        }
    }

    private static void union(Map<String, String> parent, String a, String b) {
        String ra = findRoot(parent, a);
        String rb = findRoot(parent, b);
        if (!ra.equals(rb)) {
            parent.put(ra.compareTo(rb) < 0 ? rb : ra, ra.compareTo(rb) < 0 ? ra : rb);
        }
    }

    private static String findRoot(Map<String, String> parent, String x) {
        parent.putIfAbsent(x, x);
        String r = x;
        while (!parent.get(r).equals(r)) {
            r = parent.get(r);
        }
        return r;
    }

    /** Stored mentions of other documents that might be linked to {@code m}, with their story ids. */
    private Map<Mention, String> candidates(Mention m) throws SQLException {
        List<Clause> anyKey = new ArrayList<>();
        for (String k : m.actorKeys()) {
            anyKey.add(Clause.of("actor_keys LIKE ?", "%|" + k + "|%"));
        }
        Where where = new Where()
                .add("event_type = ?", m.eventType().name())
                .add("status = ?", m.status().name())
                .add("doc_id <> ?", m.docId())
                .add("event_date BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)",
                        m.date().minusDays(mergeRule.maxWindow()), m.date().plusDays(mergeRule.maxWindow()))
                .add(Clause.or(anyKey))
                .add("event_id NOT IN (SELECT event_id FROM kept_apart)");
        Map<Mention, String> out = new LinkedHashMap<>();
        try (PreparedStatement p = Sql.prepare(conn, Clause.of("SELECT event_id, doc_id, event_type, CAST(event_date "
                + "AS VARCHAR) AS event_date, date_precision, loc_country, status, story_id, actor_keys, recipient_keys, "
                + "loc_text, " + EVIDENCE_TEXT + " FROM events").then(where.clause()));
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                out.put(mergedMentionRow(rs), rs.getString("story_id"));
            }
        }
        return out;
    }

    /** The evidence sentences of a row of {@code events}, joined by spaces, for the merge rule's wording. */
    private static final String EVIDENCE_TEXT = "(SELECT string_agg(ev.text, ' ') FROM evidence ev "
            + "WHERE ev.event_id = events.event_id) AS evidence_text";

    /** Every stored mention that may be merged (not kept apart), with its actor keys, place and wording. */
    private List<Mention> loadMentions() throws SQLException {
        List<Mention> out = new ArrayList<>();
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT event_id, doc_id, event_type, CAST(event_date AS VARCHAR) AS "
                     + "event_date, date_precision, loc_country, status, actor_keys, recipient_keys, loc_text, "
                     + EVIDENCE_TEXT + " FROM events WHERE event_id NOT IN (SELECT event_id FROM kept_apart)")) {
            while (rs.next()) {
                out.add(mergedMentionRow(rs));
            }
        }
        return out;
    }

    /** A mention with all that the merge rule reads: keys, place and the words of its evidence. */
    private static Mention mergedMentionRow(ResultSet rs) throws SQLException {
        return mentionRow(rs, EventRows.parseKeyList(rs.getString("actor_keys")),
                EventRows.parseKeyList(rs.getString("recipient_keys")), MergeRule.placeKey(rs.getString("loc_text")),
                MergeRule.contentWords(rs.getString("evidence_text")), rs.getString("evidence_text"));
    }

    private static Mention mentionRow(ResultSet rs, Set<String> actors, Set<String> recipients, String place,
                                      Set<String> words, String evidence) throws SQLException {
        return new Mention(rs.getString("event_id"), rs.getString("doc_id"), EventType.valueOf(rs.getString("event_type")),
                Sql.date(rs, "event_date"), DatePrecision.valueOf(rs.getString("date_precision")),
                rs.getString("loc_country"), EventStatus.valueOf(rs.getString("status")), actors, recipients, place,
                words, evidence);
    }

    private static MergeRule parseRule(String s) {
        try {
            return MergeRule.parse(s);
        } catch (IllegalArgumentException e) {
            throw new StoreException("stored setting merge.rule is '" + s + "'", e);
        }
    }
}
