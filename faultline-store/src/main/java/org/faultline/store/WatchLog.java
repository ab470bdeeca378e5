package org.faultline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.faultline.model.Article;
import org.faultline.model.Event;
import org.faultline.model.Failure;
import org.faultline.store.internal.Database;
import org.faultline.store.internal.Sql;

/**
 * What {@code faultline watch} keeps in the store between runs (tables {@code watch_feeds}, {@code watch_items},
 * {@code watch_alerts}, migration 5): the feeds followed with their HTTP validators and health, every item taken,
 * and every alert with its delivery. An item is recorded in the transaction that stores its document
 * ({@link #storeItem}), so after a crash an item is either taken with its document or not taken at all; alerts are
 * added in the transaction that marks their item checked ({@link #addAlerts}), and delivered from the table, so a
 * restart finds what was not yet delivered. Shares the store's lock: thread-safe.
 */
public final class WatchLog {
    /** What happened to an item. */
    public enum ItemStatus {
        /** its document was coded and stored now */
        CODED,
        /** its text was stored before (another outlet, another feed): nothing coded */
        DUPLICATE,
        /** it could not be read or coded; the failures table says why */
        FAILED
    }

    /**
     * One item taken from a feed or a folder.
     *
     * @param feedId    the feed's id ({@link FeedState#feedId()})
     * @param itemKey   the item's key in that feed: its guid or link (feeds), path and content hash (folders)
     * @param url       the article's address, or null
     * @param title     the title, or null
     * @param outlet    the outlet, or null
     * @param published the publication date, or null
     * @param docId     the stored document's id, or null when nothing was stored
     * @param status    what happened to it
     * @param reason    why it failed, or null
     */
    public record Item(String feedId, String itemKey, String url, String title, String outlet, LocalDate published,
                       String docId, ItemStatus status, String reason) {
        public Item {
            Objects.requireNonNull(feedId, "feedId");
            Objects.requireNonNull(itemKey, "itemKey");
            Objects.requireNonNull(status, "status");
            if (itemKey.isBlank()) {
                throw new IllegalArgumentException("blank item key in feed " + feedId);
            }
        }

        public Item withStatus(ItemStatus s, String why) {
            return new Item(feedId, itemKey, url, title, outlet, published, docId, s, why);
        }
    }

    /**
     * A feed or folder followed, as last polled.
     *
     * @param feedId       stable id ({@code feed:<url>} or {@code folder:<path>})
     * @param address      the URL or folder
     * @param outlet       the outlet named in the configuration, or null
     * @param etag         the ETag of the last full answer, or null
     * @param lastModified the Last-Modified of the last full answer, or null
     * @param lastPoll     when it was last asked, or null
     * @param lastSuccess  when it last answered well (a feed or a 304), or null
     * @param lastError    the last error when the last poll failed, else null
     * @param failures     polls failed in a row (0 after a success)
     * @param nextPoll     when it may be asked again (interval, or backoff after failures), or null
     * @param items        items taken from it in all
     */
    public record FeedState(String feedId, String address, String outlet, String etag, String lastModified,
                            Instant lastPoll, Instant lastSuccess, String lastError, int failures, Instant nextPoll,
                            long items) {
        public FeedState {
            Objects.requireNonNull(feedId, "feedId");
            Objects.requireNonNull(address, "address");
            if (failures < 0 || items < 0) {
                throw new IllegalArgumentException("feed " + feedId + ": negative counts " + failures + ", " + items);
            }
        }

        /** A feed never polled. */
        public static FeedState fresh(String feedId, String address, String outlet) {
            return new FeedState(feedId, address, outlet, null, null, null, null, null, 0, null, 0);
        }
    }

    /** Where alerts go: written (standard output or a JSON Lines file) and posted (a webhook). */
    public enum Channel {
        WRITTEN("written_at"), POSTED("posted_at");

        private final String column;

        Channel(String column) {
            this.column = column;
        }
    }

    /**
     * An alert as stored.
     *
     * @param seq     its place in the order alerts were raised (1, 2, ...)
     * @param id      what is new, as a stable id (one alert per id, ever)
     * @param created when it was raised
     * @param json    the alert as one line of JSON
     */
    public record Alert(long seq, String id, Instant created, String json) {
        public Alert {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(json, "json");
        }
    }

    /** An alert to add: its id and its JSON. */
    public record NewAlert(String id, String json) {
        public NewAlert {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(json, "json");
        }
    }

    private final Database db;
    private final EventWriter writer;

    WatchLog(Database db, EventWriter writer) {
        this.db = db;
        this.writer = writer;
    }

    // ---------------------------------------------------------------- items

    /** True when this feed's item with this key was taken before. */
    public boolean seen(String feedId, String itemKey) {
        return exists("SELECT 1 FROM watch_items WHERE feed_id = ? AND item_key = ?", feedId, itemKey);
    }

    /** True when an item of any feed had this address: it is never fetched again. */
    public boolean urlSeen(String url) {
        return exists("SELECT 1 FROM watch_items WHERE url = ?", url);
    }

    /**
     * Stores a coded document as {@link EventWriter#storeCoded(Article, List, List)} does and records its item in
     * the same transaction: {@link ItemStatus#CODED} when the document is new, {@link ItemStatus#DUPLICATE} when its
     * text was stored before. Returns the status recorded. Alerts are yet to be checked for a coded item.
     */
    public ItemStatus storeItem(Item item, Article article, List<Event> events, List<Failure> warnings) {
        synchronized (db) {
            boolean stored = writer.storeCoded(article, events, warnings, isNew -> insertItem(db.connection(),
                    item.withStatus(isNew ? ItemStatus.CODED : ItemStatus.DUPLICATE, null), !isNew));
            return stored ? ItemStatus.CODED : ItemStatus.DUPLICATE;
        }
    }

    /** Records an item that stored no document (failed), in its own transaction. */
    public void recordItem(Item item) {
        synchronized (db) {
            db.inTransaction("cannot record item " + item.itemKey(), () -> {
                insertItem(db.connection(), item, true);
                return null;
            });
        }
    }

    /** Coded items whose alerts were not checked yet (a run stopped in between), in the order they were taken. */
    public List<Item> uncheckedItems() {
        synchronized (db) {
            List<Item> out = new ArrayList<>();
            try (PreparedStatement p = db.connection().prepareStatement("SELECT feed_id, item_key, url, title, "
                    + "outlet, CAST(published AS VARCHAR) AS published, doc_id, status, reason FROM watch_items "
                    + "WHERE NOT alerts_checked ORDER BY seen_at, feed_id, item_key"); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), Sql.date(rs, "published"), rs.getString(7),
                            ItemStatus.valueOf(rs.getString(8)), rs.getString(9)));
                }
            } catch (SQLException e) {
                throw new StoreException("cannot read the watch log's items", e);
            }
            return out;
        }
    }

    /** Items taken from a feed since a moment. */
    public long itemsSince(String feedId, Instant since) {
        synchronized (db) {
            try (PreparedStatement p = Sql.prepare(db.connection(), "SELECT COUNT(*) FROM watch_items WHERE "
                    + "feed_id = ? AND seen_at >= ?", List.of(feedId, since.toEpochMilli()));
                 ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw new StoreException("cannot count the items of " + feedId, e);
            }
        }
    }

    // ---------------------------------------------------------------- alerts

    /**
     * Adds the alerts whose id is not stored yet and marks the item's alerts checked, in one transaction; returns
     * the alerts added, in order.
     */
    public List<Alert> addAlerts(Item item, List<NewAlert> alerts) {
        synchronized (db) {
            return db.inTransaction("cannot add the alerts of item " + item.itemKey(), () -> {
                Connection c = db.connection();
                List<Alert> added = new ArrayList<>();
                long seq = 0;
                try (PreparedStatement p = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM watch_alerts");
                     ResultSet rs = p.executeQuery()) {
                    rs.next();
                    seq = rs.getLong(1);
                }
                long now = System.currentTimeMillis();
                for (NewAlert a : alerts) {
                    if (existsIn(c, "SELECT 1 FROM watch_alerts WHERE alert_id = ?", a.id())) {
                        continue;
                    }
                    seq++;
                    try (PreparedStatement p = Sql.prepare(c, "INSERT INTO watch_alerts VALUES (?, ?, ?, ?, NULL, "
                            + "NULL)", List.of(a.id(), seq, now, a.json()))) {
                        p.executeUpdate();
                    }
                    added.add(new Alert(seq, a.id(), Instant.ofEpochMilli(now), a.json()));
                }
                try (PreparedStatement p = Sql.prepare(c, "UPDATE watch_items SET alerts_checked = TRUE WHERE "
                        + "feed_id = ? AND item_key = ?", List.of(item.feedId(), item.itemKey()))) {
                    p.executeUpdate();
                }
                return added;
            });
        }
    }

    /** Alerts not yet delivered on a channel, oldest first. */
    public List<Alert> undelivered(Channel channel) {
        return alerts("WHERE " + channel.column + " IS NULL ORDER BY seq", List.of());
    }

    /** Marks alerts delivered on a channel. */
    public void delivered(Channel channel, List<String> alertIds) {
        if (alertIds.isEmpty()) {
            return;
        }
        synchronized (db) {
            db.inTransaction("cannot mark alerts delivered", () -> {
                try (PreparedStatement p = db.connection().prepareStatement("UPDATE watch_alerts SET "
                        + channel.column + " = ? WHERE alert_id = ?")) {
                    for (String id : alertIds) {
                        p.setLong(1, System.currentTimeMillis());
                        p.setString(2, id);
                        p.executeUpdate();
                    }
                }
                return null;
            });
        }
    }

    /** Alerts raised after {@code seq}, oldest first, at most {@code limit}. */
    public List<Alert> alertsAfter(long seq, int limit) {
        return alerts("WHERE seq > ? ORDER BY seq LIMIT " + Math.max(0, limit), List.of(seq));
    }

    /** The newest {@code limit} alerts, oldest first. */
    public List<Alert> latestAlerts(int limit) {
        List<Alert> newest = alerts("ORDER BY seq DESC LIMIT " + Math.max(0, limit), List.of());
        List<Alert> out = new ArrayList<>(newest);
        java.util.Collections.reverse(out);
        return out;
    }

    /** How many alerts were ever raised. */
    public long alertCount() {
        synchronized (db) {
            try (PreparedStatement p = db.connection().prepareStatement("SELECT COUNT(*) FROM watch_alerts");
                 ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw new StoreException("cannot count alerts", e);
            }
        }
    }

    private List<Alert> alerts(String tail, List<Object> params) {
        synchronized (db) {
            List<Alert> out = new ArrayList<>();
            try (PreparedStatement p = Sql.prepare(db.connection(), "SELECT seq, alert_id, created_at, body FROM "
                    + "watch_alerts " + tail, params); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new Alert(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                            rs.getString(4)));
                }
            } catch (SQLException e) {
                throw new StoreException("cannot read alerts", e);
            }
            return out;
        }
    }

    // ---------------------------------------------------------------- feeds

    /** The feed's state, when it was polled before. */
    public Optional<FeedState> feed(String feedId) {
        return feeds("WHERE feed_id = ?", List.of(feedId)).stream().findFirst();
    }

    /** Every feed ever followed in this store, by id. */
    public List<FeedState> feeds() {
        return feeds("ORDER BY feed_id", List.of());
    }

    /** Saves a feed's state (replacing the one stored). */
    public void saveFeed(FeedState f) {
        synchronized (db) {
            db.inTransaction("cannot save the state of " + f.feedId(), () -> {
                List<Object> values = Arrays.asList(f.address(), f.outlet(), f.etag(), f.lastModified(),
                        millis(f.lastPoll()), millis(f.lastSuccess()), f.lastError(), f.failures(),
                        millis(f.nextPoll()), f.items(), f.feedId());
                int n;
                try (PreparedStatement p = db.connection().prepareStatement("UPDATE watch_feeds SET address = ?, "
                        + "outlet = ?, etag = ?, last_modified = ?, last_poll = ?, last_success = ?, last_error = ?, "
                        + "failures = ?, next_poll = ?, items = ? WHERE feed_id = ?")) {
                    Sql.bind(p, values);
                    n = p.executeUpdate();
                }
                if (n == 0) {
                    try (PreparedStatement p = db.connection().prepareStatement("INSERT INTO watch_feeds (address, "
                            + "outlet, etag, last_modified, last_poll, last_success, last_error, failures, next_poll, "
                            + "items, feed_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                        Sql.bind(p, values);
                        p.executeUpdate();
                    }
                }
                return null;
            });
        }
    }

    private List<FeedState> feeds(String tail, List<Object> params) {
        synchronized (db) {
            List<FeedState> out = new ArrayList<>();
            try (PreparedStatement p = Sql.prepare(db.connection(), "SELECT feed_id, address, outlet, etag, "
                    + "last_modified, last_poll, last_success, last_error, failures, next_poll, items FROM watch_feeds "
                    + tail, params); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new FeedState(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), instant(rs, "last_poll"), instant(rs, "last_success"), rs.getString(8),
                            rs.getInt(9), instant(rs, "next_poll"), rs.getLong(11)));
                }
            } catch (SQLException e) {
                throw new StoreException("cannot read the watched feeds", e);
            }
            return out;
        }
    }

    // ---------------------------------------------------------------- helpers

    private static void insertItem(Connection c, Item item, boolean checked) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO watch_items VALUES (?, ?, ?, ?, ?, CAST(? AS DATE), "
                + "?, ?, ?, ?, ?)")) {
            Sql.bind(p, Arrays.asList(item.feedId(), item.itemKey(), item.url(), item.title(), item.outlet(),
                    item.published() == null ? null : item.published().toString(), item.docId(),
                    item.status().name(), item.reason(), checked, System.currentTimeMillis()));
            p.executeUpdate();
        }
    }

    private boolean exists(String sql, Object... params) {
        synchronized (db) {
            try {
                return existsIn(db.connection(), sql, params);
            } catch (SQLException e) {
                throw new StoreException("cannot read the watch log (" + sql.toLowerCase(Locale.ROOT) + ")", e);
            }
        }
    }

    private static boolean existsIn(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement p = Sql.prepare(c, sql, Arrays.asList(params)); ResultSet rs = p.executeQuery()) {
            return rs.next();
        }
    }

    private static Long millis(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}
