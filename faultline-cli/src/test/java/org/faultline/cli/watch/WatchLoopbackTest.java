package org.faultline.cli.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.faultline.cli.watch.WatchConfig.Kind;
import org.faultline.cli.watch.WatchConfig.Source;
import org.faultline.store.EventStore;
import org.faultline.store.WatchLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watcher against a news site on loopback whose feeds change between polls, on a real DuckDB store: items
 * coded once, the same story from two outlets merged, alerts raised and written once, failing feeds (500, slow,
 * malformed XML, an HTML page) reported and backed off without stopping the others, conditional requests, one
 * fetch per article address, and a restart that repeats nothing.
 */
class WatchLoopbackTest {
    private static final Duration INTERVAL = Duration.ofSeconds(10);
    private static final String RSS = "application/rss+xml";

    @TempDir
    Path dir;

    @Test
    void feedsInEventsAndAlertsOut() throws Exception {
        try (NewsSite site = new NewsSite(); EventStore store = EventStore.open(dir.resolve("w.duckdb").toString())) {
            site.put("/a/1.html", NewsSite.Page.ok("text/html", NewsSite.article("Strike", "2024-06-04",
                    "Russia attacked Ukraine before dawn, officials in Kyiv said.", "Air defences were active.")));
            site.put("/b/1.html", NewsSite.Page.ok("text/html", NewsSite.article("Overnight", "2024-06-04",
                    "Officials said that Russia attacked Ukraine overnight.", "Sirens sounded in the capital.")));
            site.put("/a/feed.xml", new NewsSite.Page(200, RSS, NewsSite.rss("Outlet A", NewsSite.rssItem(
                    site.url("/a/1.html"), "Strike", "Tue, 04 Jun 2024 06:00:00 GMT", "A strike.")), "\"a1\"", 0));
            site.put("/b/atom.xml", NewsSite.Page.ok("application/atom+xml", NewsSite.atom("OutletB",
                    site.url("/b/1.html"), "urn:b:1", "2024-06-04T08:00:00Z", "Overnight.")));
            site.put("/c/feed.xml", new NewsSite.Page(500, "text/plain", "boom", null, 0));
            site.put("/d/feed.xml", new NewsSite.Page(200, RSS, NewsSite.rss("Slow"), null, 3000));
            site.put("/e/feed.xml", NewsSite.Page.ok(RSS, "<rss version=\"2.0\"><channel><item><title>x</item>"));
            site.put("/f/feed.xml", NewsSite.Page.ok("text/html", "<!DOCTYPE html><html><body>Not a feed</body></html>"));
            List<Source> sources = new ArrayList<>();
            for (String p : List.of("/a/feed.xml", "/b/atom.xml", "/c/feed.xml", "/d/feed.xml", "/e/feed.xml",
                    "/f/feed.xml")) {
                sources.add(WatchConfig.source(Kind.FEED, site.url(p), p.startsWith("/a") ? "Outlet A" : null, INTERVAL,
                        "en"));
            }
            Path alerts = dir.resolve("alerts.jsonl");
            StringWriter errText = new StringWriter();
            PrintWriter err = new PrintWriter(errText, true);
            PoliteClient client = new PoliteClient(Duration.ofMillis(50), Duration.ofMillis(800), 1 << 20);

            List<Watcher.Poll> first;
            try (AlertDelivery d = new AlertDelivery(store.watchLog(), null, alerts, null, client, err)) {
                Watcher w = new Watcher(store, new PhraseCoder(), client, sources, d, err, 1 << 20);
                w.recover();
                first = w.pollAll();
            }
            assertThat(first).extracting(Watcher.Poll::ok).containsExactly(true, true, false, false, false, false);
            assertThat(first).extracting(Watcher.Poll::taken).containsExactly(1, 1, 0, 0, 0, 0);
            assertThat(first.get(2).error()).contains("HTTP 500");
            assertThat(first.get(3).error()).contains("no answer").contains("800 ms");
            assertThat(first.get(4).error()).contains("is not a readable RSS or Atom feed");
            assertThat(first.get(5).error()).contains("HTML page");
            assertThat(errText.toString()).contains("/c/feed.xml failed (1 in a row)");

            // two outlets, one story
            assertThat(store.queries().documentCount()).isEqualTo(2);
            assertThat(store.merger().stories(0)).hasSize(1);
            assertThat(store.merger().stories(0).get(0).mentions()).isEqualTo(2);
            assertThat(store.queries().document(Watcher.docId(site.url("/a/1.html"))).orElseThrow().source())
                    .isEqualTo("Outlet A");
            assertThat(store.queries().document(Watcher.docId(site.url("/b/1.html"))).orElseThrow().source())
                    .isEqualTo("OutletB");
            // one alert: the dyad is new once, the second outlet's mention is not news
            List<String> lines = Files.readAllLines(alerts, StandardCharsets.UTF_8);
            assertThat(lines).hasSize(1);
            assertThat(AlertJson.idOf(lines.get(0))).isEqualTo("new_dyad:RUS->UKR");
            assertThat(lines.get(0)).contains("\"sentence\":\"Russia attacked Ukraine before dawn, officials in Kyiv said.\"")
                    .contains("\"outlet\":\"Outlet A\"").contains(site.url("/a/1.html"));

            // backoff: the failing feed waits twice its interval; the others their interval
            WatchLog.FeedState c = store.watchLog().feed(sources.get(2).id()).orElseThrow();
            assertThat(c.failures()).isEqualTo(1);
            assertThat(Duration.between(c.lastPoll(), c.nextPoll())).isGreaterThanOrEqualTo(INTERVAL.multipliedBy(2));
            WatchLog.FeedState a = store.watchLog().feed(sources.get(0).id()).orElseThrow();
            assertThat(a.etag()).isEqualTo("\"a1\"");
            assertThat(a.failures()).isZero();

            // second poll: A unchanged (conditional request, 304); then A has a new item and C recovers with an
            // item whose address was taken before
            site.put("/a/2.html", NewsSite.Page.ok("text/html", NewsSite.article("Talks", "2024-06-05",
                    "France met Germany in Berlin on Wednesday.", "Later Russia aided Ukraine, an odd report said.")));
            List<Watcher.Poll> second;
            List<Watcher.Poll> third;
            try (AlertDelivery d = new AlertDelivery(store.watchLog(), null, alerts, null, client, err)) {
                Watcher w = new Watcher(store, new PhraseCoder(), client, sources, d, err, 1 << 20);
                w.recover();
                second = List.of(w.poll(sources.get(0)));
                site.put("/a/feed.xml", new NewsSite.Page(200, RSS, NewsSite.rss("Outlet A",
                        NewsSite.rssItem(site.url("/a/2.html"), "Talks", "Wed, 05 Jun 2024 06:00:00 GMT", "Talks."),
                        NewsSite.rssItem(site.url("/a/1.html"), "Strike", "Tue, 04 Jun 2024 06:00:00 GMT", "A strike.")),
                        "\"a2\"", 0));
                site.put("/c/feed.xml", NewsSite.Page.ok(RSS, NewsSite.rss("C", NewsSite.rssItem(site.url("/a/1.html"),
                        "Strike again", "Tue, 04 Jun 2024 07:00:00 GMT", "Copy."))));
                third = w.pollAll();
            }
            assertThat(second.get(0).taken()).isZero();
            assertThat(site.requests("/a/feed.xml")).extracting(NewsSite.Request::ifNoneMatch)
                    .containsExactly(null, "\"a1\"", "\"a1\"");
            assertThat(third.get(0).taken()).isEqualTo(1);
            assertThat(third.get(2).ok()).isTrue();
            assertThat(store.watchLog().feed(sources.get(2).id()).orElseThrow().failures()).isZero();
            assertThat(site.requests("/a/1.html")).hasSize(1);
            assertThat(site.requests("/a/2.html")).hasSize(1);
            assertThat(store.queries().documentCount()).isEqualTo(3);
            assertThat(site.requests()).allSatisfy(r -> assertThat(r.userAgent()).startsWith("Faultline/"));

            List<String> ids = Files.readAllLines(alerts, StandardCharsets.UTF_8).stream().map(AlertJson::idOf).toList();
            assertThat(ids).containsExactly("new_dyad:RUS->UKR", "new_dyad:FRA->DEU", "new_type:RUS->UKR:AID");

            // a restart with nothing new repeats nothing
            try (AlertDelivery d = new AlertDelivery(store.watchLog(), null, alerts, null, client, err)) {
                Watcher w = new Watcher(store, new PhraseCoder(), client, sources.subList(0, 2), d, err, 1 << 20);
                w.recover();
                w.pollAll();
            }
            assertThat(Files.readAllLines(alerts, StandardCharsets.UTF_8)).hasSize(3);
            assertThat(store.watchLog().alertCount()).isEqualTo(3);
            assertThat(store.queries().documentCount()).isEqualTo(3);
        }
    }
}
