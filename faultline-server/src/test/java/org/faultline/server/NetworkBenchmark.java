package org.faultline.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.faultline.analysis.AnswerJson;
import org.faultline.model.ActorRef;
import org.faultline.model.DatePrecision;
import org.faultline.model.Event;
import org.faultline.model.EventType;
import org.faultline.model.Evidence;
import org.faultline.model.Modality;
import org.faultline.store.EventStore;

/**
 * Benchmark (not a test): GET /api/network over N synthetic events (default 1,000,000) among 500 actors whose
 * activity follows a Zipf law, bulk-loaded into a DuckDB file; then, when Chromium is installed, the network page
 * with about 500 actors on screen. Prints a Markdown table.
 *
 * <p>Run from faultline-server after {@code mvn -q install -pl faultline-server}:
 * {@code java -Xmx4g -cp "target/classes:target/test-classes:$(cat cp.txt)" org.faultline.server.NetworkBenchmark [events]}
 * with the classpath from {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
public final class NetworkBenchmark {
    private static final int ACTORS = 500;
    private static final String[] SECTORS = {"GOV", "MIL", "CVL"};
    /** Edge thresholds for the page test: from a readable graph to every actor on screen. */
    private static final int[] PAGE_MIN_EVENTS = {400, 1};

    private NetworkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        // A second argument keeps the database in that file and reuses it on the next run (no second load).
        boolean keep = args.length > 1;
        Path dir = keep ? Path.of(args[1]).toAbsolutePath().getParent() : Files.createTempDirectory("faultline-bench");
        Path db = keep ? Path.of(args[1]).toAbsolutePath() : dir.resolve("bench.duckdb");
        boolean reuse = keep && Files.exists(db);
        EventStore store = EventStore.open(db.toString());
        long t0 = System.nanoTime();
        long loaded = reuse ? store.queries().countEvents(org.faultline.query.EventFilter.all())
                : store.writer().bulkLoad(synthetic(n, new Random(20241114)));
        double loadS = reuse ? 0 : (System.nanoTime() - t0) / 1e9;
        System.err.printf(Locale.ROOT, "%s %,d events in %.1f s%n", reuse ? "reused" : "loaded", loaded, loadS);
        List<String[]> rows = new ArrayList<>();
        try (FaultlineServer server = new FaultlineServer(ServerConfig.defaults(db.toString()).withPort(0), store,
                KeywordCoder::new).start()) {
            Http http = new Http(server.port());
            String[][] queries = {
                {"all years, min_events=1", "/api/network"},
                {"all years, min_events=50", "/api/network?min_events=50"},
                {"one year (2024), min_events=5", "/api/network?from=2024-01-01&to=2024-12-31&min_events=5"},
                {"one month, min_events=1", "/api/network?from=2024-06-01&to=2024-06-30"},
                {"all years, ASSAULT only", "/api/network?type=ASSAULT&min_events=5"},
                {"all years, sector level, min_events=20", "/api/network?level=sector&min_events=20"},
            };
            for (String[] q : queries) {
                long[] ms = new long[4];
                Http.Response last = null;
                for (int i = 0; i < ms.length; i++) {
                    long s = System.nanoTime();
                    last = http.get(q[1]);
                    ms[i] = (System.nanoTime() - s) / 1_000_000;
                    if (last.status() != 200) {
                        throw new IllegalStateException(q[1] + " answered " + last.status() + ": " + last.body());
                    }
                }
                var json = last.json();
                java.util.Arrays.sort(ms, 1, ms.length);
                rows.add(new String[] {q[0], String.valueOf(ms[0]), String.valueOf(ms[(ms.length) / 2]),
                    String.valueOf(json.path("nodes").size()), String.valueOf(json.path("edges").size()),
                    String.format(Locale.ROOT, "%.1f", last.body().length() / 1e6)});
            }
            System.out.printf(Locale.ROOT, "%n%,d events, %d actors (Zipf s=1.0), DuckDB file, bulk load %.1f s, "
                    + "%d cores, Java %s, max heap %d MB%n%n", loaded, ACTORS, loadS,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                    Runtime.getRuntime().maxMemory() >> 20);
            System.out.println("| GET /api/network | first (ms) | median of next 3 (ms) | nodes | edges | JSON (MB) |");
            System.out.println("|---|---:|---:|---:|---:|---:|");
            for (String[] r : rows) {
                System.out.println("| " + String.join(" | ", r) + " |");
            }
            if (Browser.available()) {
                page(server.address());
            }
        } finally {
            if (!keep) {
                try (var s = Files.walk(dir)) {
                    for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    /**
     * The network page with up to 500 actors on screen: time to fetch and draw, then how long a zoom takes to be
     * painted (two animation frames) and how long an edge tap takes to list its events.
     */
    private static void page(String address) throws Exception {
        try (Browser b = new Browser(1280, 800)) {
            var js = (org.openqa.selenium.JavascriptExecutor) b.driver();
            System.out.println();
            System.out.println("| page (headless Chromium, 1280×800), whole history | nodes | edges | API answer (ms) "
                    + "| draw + layout (ms) | zoom painted (ms) | edge tap to event list (ms) |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|");
            for (int min : PAGE_MIN_EVENTS) {
                b.driver().get("about:blank");
                b.driver().get(address + "#/network?window=0&from=2015-01-01&to=2024-12-31&min_events=" + min);
                b.waiting(300).until(d -> js.executeScript("return document.body.dataset.networkTimings") != null);
                var t = AnswerJson.MAPPER.readTree((String) js.executeScript("return document.body.dataset.networkTimings"));
                long nodes = (Long) js.executeScript("return window.faultlineGraph.nodes().length");
                long edges = (Long) js.executeScript("return window.faultlineGraph.edges().length");
                Object zoom = ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeAsyncScript(
                        "const done = arguments[arguments.length - 1]; const g = window.faultlineGraph;"
                        + "const s = performance.now(); g.zoom({level: g.zoom() * 1.5, renderedPosition: {x: 300, y: 250}});"
                        + "requestAnimationFrame(() => requestAnimationFrame(() => done(Math.round(performance.now() - s))));");
                long c = System.nanoTime();
                js.executeScript("window.faultlineGraph.edges()[0].emit('tap')");
                b.waiting(120).until(d -> !d.findElements(org.openqa.selenium.By.cssSelector("#edge-event-list")).isEmpty());
                long click = (System.nanoTime() - c) / 1_000_000;
                System.out.printf(Locale.ROOT, "| min_events=%d | %d | %d | %d | %d | %s | %d |%n", min, nodes, edges,
                        t.path("fetch_ms").asLong(), t.path("draw_ms").asLong(), zoom, click);
            }
        }
    }

    /** Zipf-distributed actors and a few event types, dated over ten years. */
    static Iterator<Event> synthetic(int n, Random rnd) {
        double[] cdf = new double[ACTORS];
        double sum = 0;
        for (int i = 0; i < ACTORS; i++) {
            sum += 1.0 / (i + 1);
            cdf[i] = sum;
        }
        final double total = sum;
        EventType[] types = EventType.values();
        LocalDate start = LocalDate.of(2015, 1, 1);
        return new Iterator<Event>() {
            int i;

            @Override
            public boolean hasNext() {
                return i < n;
            }

            int actor() {
                double u = rnd.nextDouble() * total;
                int lo = java.util.Arrays.binarySearch(cdf, u);
                return lo >= 0 ? lo : -lo - 1;
            }

            @Override
            public Event next() {
                int a = actor();
                int r = actor();
                while (r == a) {
                    r = actor();
                }
                EventType t = types[rnd.nextInt(types.length)];
                String sa = code(a);
                String sr = code(r);
                String text = sa + " " + t.name().toLowerCase(Locale.ROOT) + " " + sr + ".";
                String doc = "bench-" + (i / 20);
                int trig = sa.length() + 1;
                Evidence ev = new Evidence(doc, i % 20, 0, text.length(), text, t.name().toLowerCase(Locale.ROOT),
                        trig, trig + t.name().length());
                ActorRef ar = new ActorRef(sa, sa, SECTORS[rnd.nextInt(3)], null, null, 0, 3);
                ActorRef rr = new ActorRef(sr, sr, SECTORS[rnd.nextInt(3)], null, null, text.length() - 4,
                        text.length() - 1);
                Modality m = rnd.nextInt(20) == 0 ? Modality.FUTURE : Modality.ASSERTED;
                Event e = new Event("bench-" + i, doc, t, null, List.of(), "000", t.quadClass(), t.ploverScore(),
                        List.of(ar), List.of(rr), start.plusDays(rnd.nextInt(3652)), DatePrecision.DAY, null, null,
                        false, m, null, 0.8, List.of(ev), "bench", "bench");
                i++;
                return e;
            }
        };
    }

    /** Three letters from the actor number: AAA, AAB, ... (not real country codes). */
    private static String code(int k) {
        return "" + (char) ('A' + k / 676) + (char) ('A' + (k / 26) % 26) + (char) ('A' + k % 26);
    }
}
