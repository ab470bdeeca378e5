package org.faultline.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.faultline.analysis.AnswerJson;
import org.faultline.store.EventStore;

/**
 * Soak benchmark (not a test, never run by Maven): a real server on loopback over a real DuckDB store, filled by
 * ingesting the example corpus through {@code POST /api/ingest} with the real coder (loaded once), then a bounded
 * run of mixed requests from a fixed pool of clients ({@link HttpClient}): the read endpoints network, events,
 * dyad, faultlines, blocs and summary; {@code POST /api/code} of short texts; {@code POST /api/ingest} of new small
 * documents with unique ids. Every request is JSON with the loopback {@code Host} the client sends by itself.
 *
 * <p>The server's limits are respected: {@code /api/code} answers 429 with {@code Retry-After} beyond its
 * concurrency limit; such a 429 is counted apart from errors, and the client that got it sends no code request
 * before the time it names (its draws of {@code code} go to a read meanwhile, counted as "deferred"). Errors are
 * every other answer that is not 2xx, and exceptions (time-outs, broken connections).
 *
 * <p>Prints, per endpoint, requests, errors, 429s, requests per second and p50/p95/p99 latency as a Markdown
 * table, then heap used after a full GC before and after the run, the peak heap seen, the resident set, threads and
 * open file descriptors before and after, and the load average (/proc/loadavg) during the run. Finally it checks
 * that the store holds exactly the documents that were answered 201. Server and clients share one JVM.
 *
 * <p>Properties: {@code soak.seconds} (default 180), {@code soak.clients} (16), {@code soak.corpus}
 * ({@code ../examples/corpus}), {@code soak.seed}. Run from faultline-server (see its README):
 * {@code java -Xmx3g -Dsoak.seconds=180 -cp "target/classes:target/test-classes:$(cat target/cp.txt)"
 * org.faultline.server.SoakBenchmark}
 */
public final class SoakBenchmark {
    private static final String TOKEN = "soak-benchmark-token";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);
    private static final int ERROR_SAMPLES = 5;

    /** The mix: what a client does next, with its weight out of 100. */
    enum Op {
        NETWORK("GET /api/network", 20),
        EVENTS("GET /api/events", 18),
        DYAD("GET /api/dyad", 14),
        FAULTLINES("GET /api/faultlines", 10),
        BLOCS("GET /api/blocs", 10),
        SUMMARY("GET /api/summary", 10),
        CODE("POST /api/code", 12),
        INGEST("POST /api/ingest", 6);

        final String label;
        final int weight;

        Op(String label, int weight) {
            this.label = label;
            this.weight = weight;
        }

        boolean read() {
            return this != CODE && this != INGEST;
        }
    }

    /** What one endpoint saw; thread-safe. */
    static final class Tally {
        private long[] nanos = new long[1024];
        private int n;
        private long errors;
        private long tooMany;
        private long deferred;
        private final Map<String, Long> statuses = new java.util.TreeMap<>();
        private final List<String> samples = new ArrayList<>();

        synchronized void record(int status, long elapsed, String detail) {
            if (n == nanos.length) {
                nanos = Arrays.copyOf(nanos, n * 2);
            }
            nanos[n++] = elapsed;
            statuses.merge(status < 0 ? "exception" : Integer.toString(status), 1L, Long::sum);
            if (status == 429) {
                tooMany++;
            } else if (status < 200 || status > 299) {
                errors++;
                if (samples.size() < ERROR_SAMPLES) {
                    samples.add((status < 0 ? "exception" : status) + ": " + detail);
                }
            }
        }

        synchronized void deferred() {
            deferred++;
        }

        synchronized long[] sorted() {
            long[] s = Arrays.copyOf(nanos, n);
            Arrays.sort(s);
            return s;
        }
    }

    private final Map<Op, Tally> tallies = new EnumMap<>(Op.class);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final List<String> actors;
    private final AtomicLong docCounter = new AtomicLong();
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicLong ingestedStored = new AtomicLong();

    private SoakBenchmark(int port, List<String> actors) {
        this.base = "http://127.0.0.1:" + port;
        this.actors = actors;
        for (Op op : Op.values()) {
            tallies.put(op, new Tally());
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("soak.seconds", 180);
        int clients = Integer.getInteger("soak.clients", 16);
        long seed = Long.getLong("soak.seed", 20241204L);
        Path corpus = Path.of(System.getProperty("soak.corpus", "../examples/corpus"));
        if (!Files.isDirectory(corpus) && Files.isDirectory(Path.of("examples/corpus"))) {
            corpus = Path.of("examples/corpus");
        }
        if (seconds < 1 || clients < 1 || !Files.isDirectory(corpus)) {
            System.err.println("usage: -Dsoak.seconds=N (>= 1) -Dsoak.clients=N (>= 1) -Dsoak.corpus=DIR (a folder of"
                    + " .txt articles; " + corpus.toAbsolutePath().normalize() + " is not one)");
            System.exit(2);
        }
        Path dir = Files.createTempDirectory("faultline-soak");
        Path db = dir.resolve("soak.duckdb");
        ServerConfig config = ServerConfig.defaults(db.toString()).withPort(0).withToken(TOKEN);
        try (FaultlineServer server = new FaultlineServer(config, EventStore.open(db.toString()), RealCoder::get)
                .start()) {
            run(server.port(), corpus, seconds, clients, seed, config);
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        // the HTTP client's selector thread is not a daemon in every JDK
        System.exit(0);
    }

    private static void run(int port, Path corpus, int seconds, int clients, long seed, ServerConfig config)
            throws Exception {
        String started = ZonedDateTime.now(ZoneOffset.UTC).withNano(0).toString();
        String loadAtStart = loadAverage();

        // 1. fill the store through the API with the real coder: one multipart upload per corpus file
        SoakBenchmark filler = new SoakBenchmark(port, List.of());
        List<Path> files;
        try (Stream<Path> s = Files.list(corpus)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        long fillStart = System.nanoTime();
        long firstMs = -1;
        int stored = 0;
        int notStored = 0;
        for (Path f : files) {
            long t = System.nanoTime();
            HttpResponse<String> r = filler.send(filler.multipartFile("/api/ingest?date="
                    + f.getFileName().toString().substring(0, 10), f));
            if (firstMs < 0) {
                firstMs = (System.nanoTime() - t) / 1_000_000;
            }
            if (r.statusCode() == 201) {
                stored++;
            } else {
                notStored++;
                System.err.println("corpus file " + f.getFileName() + " answered " + r.statusCode() + ": "
                        + abbreviate(r.body()));
            }
        }
        double fillS = (System.nanoTime() - fillStart) / 1e9;
        JsonNode summary = AnswerJson.MAPPER.readTree(filler.send(filler.get("/api/summary")).body());
        System.err.printf(Locale.ROOT, "filled: %d of %d files stored, %d documents, %d events in %.1f s (first "
                + "upload, with the model load, %d ms)%n", stored, files.size(), summary.path("documents").asLong(),
                summary.path("events").asLong(), fillS, firstMs);

        // the busiest actors, for the dyad, faultlines and events queries
        JsonNode net = AnswerJson.MAPPER.readTree(filler.send(filler.get("/api/network")).body());
        List<JsonNode> nodes = new ArrayList<>();
        net.path("nodes").forEach(nodes::add);
        nodes.sort(Comparator.comparingLong((JsonNode n) -> -n.path("activity").asLong()));
        List<String> actors = nodes.stream().limit(8).map(n -> n.path("id").asText()).toList();
        if (actors.size() < 2) {
            throw new IllegalStateException("the corpus gave fewer than two actors: " + actors);
        }

        // 2. the soak
        SoakBenchmark soak = new SoakBenchmark(port, actors);
        Resources before = Resources.now();
        List<Double> loads = new ArrayList<>();
        AtomicLong peakHeap = new AtomicLong();
        Thread monitor = new Thread(() -> {
            Runtime rt = Runtime.getRuntime();
            while (!Thread.currentThread().isInterrupted()) {
                peakHeap.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                double l = loadOne();
                synchronized (loads) {
                    loads.add(l);
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "soak-monitor");
        monitor.setDaemon(true);
        ExecutorService pool = Executors.newFixedThreadPool(clients, r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        });
        long t0 = System.nanoTime();
        long deadline = t0 + TimeUnit.SECONDS.toNanos(seconds);
        monitor.start();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Random rnd = new Random(seed + c);
            int id = c;
            running.add(pool.submit(() -> soak.client(id, rnd, deadline)));
        }
        for (Future<?> f : running) {
            f.get();
        }
        double wallS = (System.nanoTime() - t0) / 1e9;
        monitor.interrupt();
        monitor.join();
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        Resources after = Resources.now();

        // 3. the store holds exactly what was answered 201
        JsonNode end = AnswerJson.MAPPER.readTree(soak.send(soak.get("/api/summary")).body());
        long expectedDocs = summary.path("documents").asLong() + soak.ingestedStored.get();

        // 4. report
        double[] l;
        synchronized (loads) {
            l = loads.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        }
        System.out.printf(Locale.ROOT, "%n## Soak: %d s, %d clients (started %s)%n%n", seconds, clients, started);
        System.out.printf(Locale.ROOT, "Java %s, %d cores, max heap %d MB; coding limits: %d concurrent, %d KB, %d s."
                + " Store: %d corpus files ingested in %.1f s (first upload with the model load: %.1f s), %d "
                + "documents, %d events; actors used: %s.%n%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                config.coding().concurrency(), config.coding().maxBytes() >> 10, config.coding().budget().toSeconds(),
                stored, fillS, firstMs / 1000.0, summary.path("documents").asLong(), summary.path("events").asLong(),
                String.join(" ", actors));
        System.out.println("| endpoint | requests | errors | 429 | deferred | req/s | p50 (ms) | p95 (ms) | p99 (ms) "
                + "| max (ms) |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        long allN = 0;
        long allErr = 0;
        long all429 = 0;
        List<long[]> everything = new ArrayList<>();
        for (Op op : Op.values()) {
            Tally t = soak.tallies.get(op);
            long[] s = t.sorted();
            everything.add(s);
            allN += s.length;
            allErr += t.errors;
            all429 += t.tooMany;
            System.out.println(row(op.label, s, t.errors, t.tooMany, op == Op.CODE ? Long.toString(t.deferred) : "",
                    wallS));
        }
        long[] all = everything.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.println(row("**all**", all, allErr, all429, "", wallS));
        System.out.println();
        System.out.printf(Locale.ROOT, "Ran %.1f s. Load average (1 min) during the run: min %.2f, median %.2f, max "
                + "%.2f (/proc/loadavg at start: %s; at end: %s).%n", wallS, pct(l, 0), pct(l, 50), pct(l, 100),
                loadAtStart, loadAverage());
        System.out.printf(Locale.ROOT, "Heap used after a full GC: %d MB before, %d MB after; peak seen %d MB. "
                + "Resident set: %d MB before, %d MB after. Threads: %d before, %d after. Open files: %d before, %d "
                + "after.%n", before.heapMb, after.heapMb, peakHeap.get() >> 20, before.rssMb, after.rssMb,
                before.threads, after.threads, before.fds, after.fds);
        System.out.printf(Locale.ROOT, "Store: %d documents after (expected %d: %d before + %d ingests answered 201),"
                + " %d events, %d failures recorded.%n", end.path("documents").asLong(), expectedDocs,
                summary.path("documents").asLong(), soak.ingestedStored.get(), end.path("events").asLong(),
                end.path("failures").asLong());
        for (Op op : Op.values()) {
            Tally t = soak.tallies.get(op);
            synchronized (t) {
                System.out.println(op.label + " statuses: " + t.statuses);
                t.samples.forEach(x -> System.out.println("  " + x));
            }
        }
        System.out.println("Threads by name, before -> after: " + threadDiff(before.names, after.names));
        if (end.path("documents").asLong() != expectedDocs) {
            System.out.println("STORE MISMATCH: the store does not hold exactly the documents answered 201");
        }
    }

    private static String row(String label, long[] s, long errors, long tooMany, String deferred, double wallS) {
        return String.format(Locale.ROOT, "| %s | %,d | %d | %d | %s | %.1f | %s | %s | %s | %s |", label, s.length,
                errors, tooMany, deferred, s.length / wallS, ms(s, 50), ms(s, 95), ms(s, 99), ms(s, 100));
    }

    /** The nearest-rank percentile of sorted nanoseconds, in milliseconds. */
    private static String ms(long[] sorted, double p) {
        if (sorted.length == 0) {
            return "—";
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        long v = sorted[Math.max(0, Math.min(sorted.length - 1, i))];
        double m = v / 1e6;
        return m < 10 ? String.format(Locale.ROOT, "%.1f", m) : String.format(Locale.ROOT, "%,d", Math.round(m));
    }

    private static double pct(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** One client: draws from the mix until the deadline, one request at a time. */
    private void client(int id, Random rnd, long deadline) {
        long codeNotBefore = 0;
        while (System.nanoTime() < deadline) {
            Op op = draw(rnd);
            if (op == Op.CODE && System.nanoTime() < codeNotBefore) {
                tallies.get(Op.CODE).deferred();
                do {
                    op = draw(rnd);
                } while (!op.read());
            }
            HttpRequest request = request(op, id, rnd);
            long t = System.nanoTime();
            int status;
            String detail;
            try {
                HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                status = r.statusCode();
                detail = request.uri().getRawPath() + "?" + request.uri().getRawQuery() + " -> " + abbreviate(r.body());
                if (status == 429) {
                    long retry = r.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
                    codeNotBefore = System.nanoTime() + TimeUnit.SECONDS.toNanos(retry);
                } else if (op == Op.INGEST && status == 201) {
                    ingestedStored.incrementAndGet();
                }
            } catch (IOException e) {
                status = -1;
                detail = request.uri() + " -> " + e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            tallies.get(op).record(status, System.nanoTime() - t, detail);
        }
    }

    private static Op draw(Random rnd) {
        int x = rnd.nextInt(100);
        for (Op op : Op.values()) {
            x -= op.weight;
            if (x < 0) {
                return op;
            }
        }
        return Op.SUMMARY;
    }

    private static final String[] PLACES = {"Geneva", "Istanbul", "Warsaw", "Ankara", "Cairo", "Brussels", "Kyiv",
        "Doha"};
    private static final String[] COUNTRIES = {"Russia", "Ukraine", "Israel", "Iran", "Turkey", "France", "Germany",
        "China", "the United States", "Poland", "Egypt", "Qatar"};
    private static final String[] DEEDS = {
        "%s attacked positions held by %s near %s on Tuesday.",
        "%s and %s signed a trade agreement in %s on Wednesday.",
        "%s imposed new sanctions on %s after talks in %s collapsed.",
        "%s accused %s of shelling villages near %s.",
        "The foreign minister of %s met officials from %s in %s on Monday.",
        "%s sent humanitarian aid to %s through %s.",
        "%s threatened to expel diplomats of %s, officials in %s said.",
        "%s agreed to release prisoners held by %s after mediation in %s.",
    };

    /** A short article of one or two sentences naming two countries and a place; {@code n} makes it unique. */
    private static String article(Random rnd, long n) {
        String a = COUNTRIES[rnd.nextInt(COUNTRIES.length)];
        String b;
        do {
            b = COUNTRIES[rnd.nextInt(COUNTRIES.length)];
        } while (b.equals(a));
        String s = String.format(Locale.ROOT, DEEDS[rnd.nextInt(DEEDS.length)], a, b,
                PLACES[rnd.nextInt(PLACES.length)]);
        s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        return s + " The statement was number " + n + " of the week, a spokesman said.";
    }

    private HttpRequest request(Op op, int client, Random rnd) {
        String a = actors.get(rnd.nextInt(actors.size()));
        String b;
        do {
            b = actors.get(rnd.nextInt(actors.size()));
        } while (b.equals(a));
        return switch (op) {
            case NETWORK -> get(pick(rnd, "/api/network", "/api/network?min_events=2",
                    "/api/network?from=2024-01-01&to=2024-12-31", "/api/network?level=sector&min_events=1"));
            case EVENTS -> get(pick(rnd, "/api/events?limit=50", "/api/events?actor=" + a + "&limit=20",
                    "/api/events?either=" + a + "&stories=true&limit=20", "/api/events?q=attack&limit=20",
                    "/api/events?pair=" + a + "," + b + "&limit=20", "/api/events?limit=20&offset=40&order=salience"));
            case DYAD -> get("/api/dyad?a=" + a + "&b=" + b + "&by=" + pick(rnd, "month", "week", "year"));
            case FAULTLINES -> get("/api/faultlines?a=" + a + "&b=" + b);
            case BLOCS -> get(pick(rnd, "/api/blocs", "/api/blocs?min_events=2"));
            case SUMMARY -> get("/api/summary");
            case CODE -> json("/api/code", null, null, article(rnd, docCounter.incrementAndGet()),
                    LocalDate.of(2024, 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)));
            case INGEST -> {
                long n = docCounter.incrementAndGet();
                yield json("/api/ingest", TOKEN, "soak-" + runId + "-" + client + "-" + n, article(rnd, n),
                        LocalDate.of(2024, 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)));
            }
        };
    }

    private static String pick(Random rnd, String... choices) {
        return choices[rnd.nextInt(choices.length)];
    }

    HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json").GET().build();
    }

    private HttpRequest json(String path, String token, String id, String text, LocalDate date) {
        ObjectNode o = AnswerJson.object();
        if (id != null) {
            o.put("id", id);
        }
        o.put("text", text);
        o.put("date", date.toString());
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(o.toString(), StandardCharsets.UTF_8));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }

    /** A multipart form with the file as its {@code file} part, read by the server like the command line reads it. */
    private HttpRequest multipartFile(String path, Path file) throws IOException {
        String boundary = "----faultline-soak-" + runId;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(Files.readAllBytes(file));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }

    HttpResponse<String> send(HttpRequest r) throws IOException, InterruptedException {
        return client.send(r, HttpResponse.BodyHandlers.ofString());
    }

    private static String abbreviate(String s) {
        String one = s == null ? "" : s.replaceAll("\\s+", " ");
        return one.length() > 200 ? one.substring(0, 200) + "…" : one;
    }

    /** The whole of /proc/loadavg's first three fields, or "n/a" off Linux. */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static double loadOne() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        }
    }

    /** Heap after a full collection, resident set, live threads and open file descriptors of this JVM. */
    private static String threadDiff(Map<String, Long> before, Map<String, Long> after) {
        java.util.TreeSet<String> names = new java.util.TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        List<String> out = new ArrayList<>();
        for (String n : names) {
            long b = before.getOrDefault(n, 0L);
            long a = after.getOrDefault(n, 0L);
            if (a != b) {
                out.add(n + " " + b + " -> " + a);
            }
        }
        return out.isEmpty() ? "unchanged" : String.join(", ", out);
    }

    private record Resources(long heapMb, long rssMb, int threads, long fds, Map<String, Long> names) {
        static Resources now() throws InterruptedException {
            Runtime rt = Runtime.getRuntime();
            for (int i = 0; i < 2; i++) {
                System.gc();
                Thread.sleep(200);
            }
            long heap = (rt.totalMemory() - rt.freeMemory()) >> 20;
            long rss = -1;
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        rss = Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
                    }
                }
            } catch (IOException | RuntimeException e) {
                rss = -1;
            }
            long fds;
            try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
                fds = s.count();
            } catch (IOException | RuntimeException e) {
                fds = -1;
            }
            Map<String, Long> names = new java.util.TreeMap<>();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                names.merge(t.getName().replaceAll("[0-9]+", "#"), 1L, Long::sum);
            }
            return new Resources(heap, rss, ManagementFactory.getThreadMXBean().getThreadCount(), fds, names);
        }
    }
}
