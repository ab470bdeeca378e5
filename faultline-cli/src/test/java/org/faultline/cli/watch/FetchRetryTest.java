package org.faultline.cli.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.faultline.cli.watch.WatchConfig.Kind;
import org.faultline.cli.watch.WatchConfig.Source;
import org.faultline.model.Failure;
import org.faultline.store.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An article page that keeps failing is asked once per poll of its feed, the tries counted in the store across
 * restarts, and after the last try allowed its item is recorded as failed (a failure {@code faultline failures}
 * lists) and never asked again; a page that recovers in time is stored and its tries forgotten.
 */
class FetchRetryTest {
    @TempDir
    Path dir;

    @Test
    void aPageThatKeepsFailingIsGivenUpAfterTheLastTry() throws Exception {
        try (NewsSite site = new NewsSite(); EventStore store = EventStore.open(dir.resolve("r.duckdb").toString())) {
            site.put("/bad.html", new NewsSite.Page(503, "text/plain", "down", null, 0));
            site.put("/late.html", new NewsSite.Page(500, "text/plain", "down", null, 0));
            site.put("/feed.xml", NewsSite.Page.ok("application/rss+xml", NewsSite.rss("Outlet",
                    NewsSite.rssItem(site.url("/bad.html"), "Bad", "Tue, 04 Jun 2024 06:00:00 GMT", "Bad."),
                    NewsSite.rssItem(site.url("/late.html"), "Late", "Tue, 04 Jun 2024 07:00:00 GMT", "Late."))));
            Source feed = WatchConfig.source(Kind.FEED, site.url("/feed.xml"), "Outlet", Duration.ofMinutes(5), "en");
            StringWriter errText = new StringWriter();
            PrintWriter err = new PrintWriter(errText, true);
            PoliteClient client = new PoliteClient(Duration.ofMillis(10), Duration.ofSeconds(2), 1 << 20);
            int[] taken = new int[4];
            for (int poll = 0; poll < 4; poll++) {
                if (poll == 1) {
                    site.put("/late.html", NewsSite.Page.ok("text/html", NewsSite.article("Late", "2024-06-04",
                            "Russia attacked Ukraine at noon.", "More later.")));
                }
                // a new watcher each time: the count of tries lives in the store
                try (AlertDelivery d = new AlertDelivery(store.watchLog(), null, dir.resolve("a.jsonl"), null,
                        client, err)) {
                    Watcher w = new Watcher(store, new PhraseCoder(), client, List.of(feed), d, err, 1 << 20, 3);
                    w.recover();
                    taken[poll] = w.poll(feed).taken();
                }
                if (poll == 0) {
                    assertThat(store.queries().failures()).extracting(Failure::origin)
                            .containsExactlyInAnyOrder(site.url("/bad.html"), site.url("/late.html"));
                }
            }
            assertThat(taken).containsExactly(0, 1, 1, 0);
            assertThat(site.requests("/bad.html")).hasSize(3);
            assertThat(site.requests("/late.html")).hasSize(2);
            assertThat(errText.toString()).contains("not fetched (attempt 1 of 3): HTTP 503")
                    .contains("not fetched (attempt 2 of 3)");
            List<Failure> failures = store.queries().failures();
            assertThat(failures).hasSize(1);
            assertThat(failures.get(0).origin()).isEqualTo(site.url("/bad.html"));
            assertThat(failures.get(0).stage()).isEqualTo(Watcher.STAGE);
            assertThat(failures.get(0).reason()).isEqualTo("article page not fetched in 3 attempts, given up: HTTP 503 "
                    + "from " + site.url("/bad.html"));
            assertThat(store.watchLog().urlSeen(site.url("/bad.html"))).isTrue();
            assertThat(store.queries().documentCount()).isEqualTo(1);
        }
    }
}
