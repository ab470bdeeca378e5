package org.faultline.cli.watch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.faultline.cli.watch.WatchConfig.Kind;
import org.faultline.cli.watch.WatchConfig.Source;
import org.faultline.store.EventStore;
import org.faultline.store.WatchLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The webhook on loopback: a receiver that answers 500 to its first post, then 204. Each alert is posted once, as
 * the JSON written to the alerts file; the failure is reported and backed off (no post while the wait runs) and the
 * watcher goes on storing documents and writing alerts meanwhile; a restart posts nothing again.
 */
class WebhookDeliveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request the receiver got: status answered, content type, user agent, body. */
    private record Post(int status, String contentType, String userAgent, String body) {
    }

    @TempDir
    Path dir;

    @Test
    void eachAlertIsPostedOnceAndAFailingWebhookIsBackedOff() throws Exception {
        List<Post> posts = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failuresLeft = new AtomicInteger(1);
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", x -> {
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = "POST".equals(x.getRequestMethod()) ? failuresLeft.getAndDecrement() > 0 ? 500 : 204 : 405;
            posts.add(new Post(status, x.getRequestHeaders().getFirst("Content-Type"),
                    x.getRequestHeaders().getFirst("User-Agent"), body));
            x.sendResponseHeaders(status, -1);
            x.close();
        });
        receiver.start();
        URI hook = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
        try (NewsSite site = new NewsSite(); EventStore store = EventStore.open(dir.resolve("w.duckdb").toString())) {
            site.put("/1.html", NewsSite.Page.ok("text/html", NewsSite.article("Strike", "2024-06-04",
                    "Russia attacked Ukraine before dawn, officials said.", "Sirens sounded.")));
            site.put("/2.html", NewsSite.Page.ok("text/html", NewsSite.article("Talks", "2024-06-05",
                    "France met Germany in Berlin.", "Later Russia aided Ukraine, an odd report said.")));
            site.put("/feed.xml", NewsSite.Page.ok("application/rss+xml", NewsSite.rss("Outlet",
                    NewsSite.rssItem(site.url("/1.html"), "Strike", "Tue, 04 Jun 2024 06:00:00 GMT", "A strike."))));
            Source feed = WatchConfig.source(Kind.FEED, site.url("/feed.xml"), "Outlet", Duration.ofMinutes(5), "en");
            Path alerts = dir.resolve("alerts.jsonl");
            StringWriter errText = new StringWriter();
            PrintWriter err = new PrintWriter(errText, true);
            PoliteClient client = new PoliteClient(Duration.ofMillis(20), Duration.ofSeconds(5), 1 << 20);
            Duration base = Duration.ofSeconds(2);
            try (AlertDelivery d = new AlertDelivery(store.watchLog(), null, alerts, hook, client, err, base)) {
                Watcher w = new Watcher(store, new PhraseCoder(), client, List.of(feed), d, err, 1 << 20);
                w.recover();
                assertThat(w.poll(feed).taken()).isEqualTo(1);
                assertThat(posts).extracting(Post::status).containsExactly(500);
                assertThat(d.webhookFailures()).isEqualTo(1);
                assertThat(errText.toString()).contains("webhook failed (1 in a row): HTTP 500 from " + hook)
                        .contains("new_dyad:RUS->UKR and later alerts are posted in 4 s");
                assertThat(store.watchLog().undelivered(WatchLog.Channel.POSTED)).extracting(WatchLog.Alert::id)
                        .containsExactly("new_dyad:RUS->UKR");

                // the watcher goes on while the webhook waits: a new item is stored and its alerts written
                site.put("/feed.xml", NewsSite.Page.ok("application/rss+xml", NewsSite.rss("Outlet",
                        NewsSite.rssItem(site.url("/2.html"), "Talks", "Wed, 05 Jun 2024 06:00:00 GMT", "Talks."),
                        NewsSite.rssItem(site.url("/1.html"), "Strike", "Tue, 04 Jun 2024 06:00:00 GMT", "A strike."))));
                long started = System.nanoTime();
                assertThat(w.poll(feed).taken()).isEqualTo(1);
                d.deliver();
                if (System.nanoTime() - started < base.multipliedBy(2).toNanos()) {
                    assertThat(posts).as("no post while the backoff runs").hasSize(1);
                }
                assertThat(store.queries().documentCount()).isEqualTo(2);
                assertThat(Files.readAllLines(alerts, StandardCharsets.UTF_8)).hasSize(3);

                Thread.sleep(base.multipliedBy(2).toMillis() + 100);
                d.deliver();
                assertThat(d.webhookFailures()).isZero();
            }
            // a restart delivers nothing twice
            try (AlertDelivery d = new AlertDelivery(store.watchLog(), null, alerts, hook, client, err, base)) {
                Watcher w = new Watcher(store, new PhraseCoder(), client, List.of(feed), d, err, 1 << 20);
                w.recover();
                w.poll(feed);
            }
            List<String> written = Files.readAllLines(alerts, StandardCharsets.UTF_8);
            List<Post> ok = posts.stream().filter(p -> p.status() == 204).toList();
            assertThat(ok).extracting(p -> AlertJson.idOf(p.body()))
                    .containsExactly("new_dyad:RUS->UKR", "new_dyad:FRA->DEU", "new_type:RUS->UKR:AID");
            assertThat(ok).extracting(Post::body).containsExactlyElementsOf(written);
            assertThat(posts).hasSize(4);
            assertThat(posts).allSatisfy(p -> {
                assertThat(p.contentType()).startsWith("application/json");
                assertThat(p.userAgent()).startsWith("Faultline/");
            });
            JsonNode first = JSON.readTree(ok.get(0).body());
            assertThat(first.path("kind").asText()).isEqualTo("new_dyad");
            assertThat(first.path("source").asText()).isEqualTo("RUS");
            assertThat(first.path("target").asText()).isEqualTo("UKR");
            assertThat(first.path("event_type").asText()).isEqualTo("ASSAULT");
            assertThat(first.path("sentence").asText()).isEqualTo("Russia attacked Ukraine before dawn, officials said.");
            assertThat(first.path("outlet").asText()).isEqualTo("Outlet");
            assertThat(first.path("url").asText()).isEqualTo(site.url("/1.html"));
            assertThat(store.watchLog().undelivered(WatchLog.Channel.POSTED)).isEmpty();
        } finally {
            receiver.stop(0);
        }
    }
}
