package org.faultline.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.faultline.analysis.AnswerJson;
import org.faultline.store.WatchLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code faultline watch} does, as the store records it: {@code GET /api/watch} (the followed feeds: last poll,
 * errors, items per hour), {@code GET /api/alerts} (alerts after a sequence number) and
 * {@code GET /api/alerts/stream}, server-sent events: the latest alerts, then each new one as the watcher (in this
 * process with {@code serve --watch}, or another one on the same PostgreSQL store) adds it, checked every
 * {@link #POLL}. Each event is {@code alert} with the alert's sequence number as its id, so a browser that reconnects
 * (Last-Event-ID) misses none. Thread-safe; {@link #close()} stops the checks.
 */
final class WatchApi implements AutoCloseable {
    static final Duration POLL = Duration.ofMillis(500);
    static final int BACKLOG = 50;
    private static final Logger LOG = LoggerFactory.getLogger(WatchApi.class);

    private final WatchLog log;
    private final List<SseClient> clients = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService ticker;
    private long lastSeq = -1;

    WatchApi(WatchLog log) {
        this.log = log;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "faultline-alert-stream");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::broadcast, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    void register(RoutesConfig r) {
        r.get("/api/watch", this::status);
        r.get("/api/alerts", this::alerts);
        r.get("/api/alerts/stream", new SseHandler(this::connect));
    }

    private void status(Context ctx) {
        new QueryParams(ctx.queryParamMap()).done();
        Instant now = Instant.now();
        ObjectNode o = AnswerJson.object();
        ArrayNode feeds = o.putArray("feeds");
        for (WatchLog.FeedState f : log.feeds()) {
            ObjectNode x = feeds.addObject();
            x.put("id", f.feedId());
            x.put("address", f.address());
            x.put("outlet", f.outlet());
            x.put("last_poll", text(f.lastPoll()));
            x.put("last_success", text(f.lastSuccess()));
            x.put("last_error", f.lastError());
            x.put("failures", f.failures());
            x.put("next_poll", text(f.nextPoll()));
            x.put("items", f.items());
            x.put("items_last_hour", log.itemsSince(f.feedId(), now.minus(Duration.ofHours(1))));
        }
        o.put("alerts", log.alertCount());
        ReadApi.send(ctx, o);
    }

    private void alerts(Context ctx) {
        QueryParams p = new QueryParams(ctx.queryParamMap(), "after", "limit");
        long after = p.integer("after", 0, 0, Integer.MAX_VALUE);
        int limit = p.integer("limit", 100, 1, ReadApi.MAX_PAGE);
        p.done();
        ObjectNode o = AnswerJson.object();
        ArrayNode a = o.putArray("alerts");
        log.alertsAfter(after, limit).forEach(x -> a.add(json(x)));
        ReadApi.send(ctx, o);
    }

    private synchronized void connect(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        if (lastSeq < 0) {
            lastSeq = newest();
        }
        String resume = client.ctx().header("Last-Event-ID");
        List<WatchLog.Alert> backlog;
        if (resume != null && resume.matches("\\d{1,18}")) {
            backlog = log.alertsAfter(Long.parseLong(resume), BACKLOG * 20);
        } else {
            backlog = log.latestAlerts(BACKLOG);
        }
        for (WatchLog.Alert x : backlog) {
            if (x.seq() <= lastSeq) {
                send(client, x);
            }
        }
        clients.add(client);
    }

    private synchronized void broadcast() {
        try {
            if (lastSeq < 0) {
                lastSeq = newest();
                return;
            }
            for (WatchLog.Alert x : log.alertsAfter(lastSeq, 1000)) {
                for (SseClient c : clients) {
                    send(c, x);
                }
                lastSeq = x.seq();
            }
            for (SseClient c : clients) {
                if (c.terminated()) {
                    clients.remove(c);
                } else {
                    c.sendComment("keep-alive");
                }
            }
        } catch (RuntimeException e) {
            // a store closed under us, or a hiccup of the database: the next tick tries again
            LOG.warn("cannot read new alerts: {}", e.getMessage());
        }
    }

    private long newest() {
        List<WatchLog.Alert> last = log.latestAlerts(1);
        return last.isEmpty() ? 0 : last.get(0).seq();
    }

    private static void send(SseClient c, WatchLog.Alert x) {
        if (!c.terminated()) {
            try {
                c.sendEvent("alert", AnswerJson.MAPPER.writeValueAsString(json(x)), Long.toString(x.seq()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write alert " + x.id(), e);
            }
        }
    }

    static ObjectNode json(WatchLog.Alert x) {
        ObjectNode o = AnswerJson.object();
        o.put("seq", x.seq());
        o.put("id", x.id());
        o.put("created", x.created().toString());
        try {
            JsonNode body = AnswerJson.MAPPER.readTree(x.json());
            o.set("alert", body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("alert " + x.id() + " holds no JSON", e);
        }
        return o;
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        clients.forEach(SseClient::close);
    }
}
