package org.faultline.cli.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.faultline.store.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A watcher process killed with SIGKILL (destroyForcibly) in the middle of a feed and started again ends with every
 * item stored once and every alert written once.
 */
class WatchCrashTest {
    private static final String[] NAMES = {"Russia", "Ukraine", "France", "Germany"};
    private static final String[] VERBS = {"attacked", "met", "aided"};

    @TempDir
    Path dir;

    @Test
    void killedWatcherRestartedLosesAndRepeatsNothing() throws Exception {
        try (NewsSite site = new NewsSite()) {
            List<String> items = new ArrayList<>();
            int n = 0;
            for (String a : NAMES) {
                for (String b : NAMES) {
                    if (!a.equals(b)) {
                        String verb = VERBS[n % 3];
                        String path = "/x/" + n + ".html";
                        site.put(path, new NewsSite.Page(200, "text/html", NewsSite.article("Item " + n, "2024-06-0"
                                + (1 + n % 7), a + " " + verb + " " + b + " on the day, item " + n + " said."), null, 120));
                        items.add(NewsSite.rssItem(site.url(path), "Item " + n, "Mon, 0" + (1 + n % 7)
                                + " Jul 2024 06:00:00 GMT", "Short."));
                        n++;
                    }
                }
            }
            site.put("/x/feed.xml", NewsSite.Page.ok("application/rss+xml", NewsSite.rss("X", items.toArray(String[]::new))));
            Path db = dir.resolve("crash.duckdb");
            Path alerts = dir.resolve("alerts.jsonl");

            Process first = child(db, site.url("/x/feed.xml"), alerts);
            int stored = 0;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null && stored < 5) {
                    if (line.startsWith("watch: stored ")) {
                        stored++;
                    }
                }
                first.destroyForcibly();
                assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(stored).as("killed mid-feed").isEqualTo(5);
            long partial;
            try (EventStore store = EventStore.open(db.toString())) {
                partial = store.queries().documentCount();
            }
            assertThat(partial).isBetween(5L, (long) n - 1);

            Process second = child(db, site.url("/x/feed.xml"), alerts);
            String out = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(out).contains("done");

            List<String> lines = Files.readAllLines(alerts, StandardCharsets.UTF_8);
            List<String> ids = lines.stream().map(AlertJson::idOf).toList();
            try (EventStore store = EventStore.open(db.toString())) {
                assertThat(store.queries().documentCount()).isEqualTo(n);
                assertThat(store.watchLog().uncheckedItems()).isEmpty();
                assertThat(new HashSet<>(ids)).hasSize(ids.size());
                assertThat((long) ids.size()).isEqualTo(store.watchLog().alertCount());
                // 12 directed dyads, each new once
                assertThat(ids.stream().filter(i -> i.startsWith("new_dyad:"))).hasSize(n);
            }
            for (int i = 0; i < n; i++) {
                // an address is fetched again only if the kill fell between its fetch and its commit
                assertThat(site.requests("/x/" + i + ".html").size()).isBetween(1, 2);
            }
            long refetched = java.util.stream.IntStream.range(0, n)
                    .filter(i -> site.requests("/x/" + i + ".html").size() == 2).count();
            assertThat(refetched).isLessThanOrEqualTo(1);
        }
    }

    private static Process child(Path db, String feed, Path alerts) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                WatchChild.class.getName(), db.toString(), feed, alerts.toString());
        pb.redirectErrorStream(true);
        return pb.start();
    }
}
