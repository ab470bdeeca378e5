package org.faultline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.faultline.coding.ArticleCoder;
import org.faultline.store.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an untrusted client or a hostile web page can ask of the server (issue 13, Security): coding is bounded in
 * size, time and concurrency and stops when the client leaves; foreign Host names and cross-site writes are
 * refused; no CORS grant; no store path; Jetty's own errors are JSON.
 */
class SecurityTest {
    private static final String TOKEN = "security-token-1";
    private static final String DATED = ", \"date\": \"2024-06-19\"}";

    @TempDir
    Path dir;
    private FaultlineServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private FaultlineServer start(ServerConfig config, Supplier<ArticleCoder> coder) {
        EventStore store = EventStore.open(dir.resolve("s.duckdb").toString());
        SampleWorld.fill(store);
        server = new FaultlineServer(config.withPort(0), store, coder).start();
        return server;
    }

    private FaultlineServer start(CodingLimits limits, Supplier<ArticleCoder> coder) {
        return start(ServerConfig.defaults(dir.resolve("s.duckdb").toString()).withToken(TOKEN).withCoding(limits), coder);
    }

    private static String textOf(int sentences) {
        return "{\"text\": \"" + "Moscow attacked Kyiv. ".repeat(sentences) + "\"" + DATED;
    }

    private static void assertJsonError(int status, String body, String contentType, int expected) {
        assertThat(status).as(body).isEqualTo(expected);
        assertThat(contentType).startsWith("application/json");
        assertThat(body).doesNotContain("<html", "<HTML");
        assertThat(new Http.Response(status, body, contentType).json().path("error").asText()).isNotBlank();
    }

    @Test
    void codingRefusesTextsFarBelowTheIngestLimit() {
        start(CodingLimits.DEFAULTS, KeywordCoder::new);
        Http http = new Http(server.port());
        String text = "Nothing happened in Kyiv. ".repeat(150 * 1024 / 26);
        Http.Response r = http.postJson("/api/code", "{\"text\": \"" + text + "\"" + DATED, null);
        assertJsonError(r.status(), r.body(), r.contentType(), 413);
        assertThat(r.json().path("error").asText()).contains(Long.toString(CodingLimits.DEFAULT_MAX_BYTES));
        // the same text is within the ingest limit
        Http.Response ingest = http.postJson("/api/ingest", "{\"text\": \"" + text + "\"" + DATED, TOKEN);
        assertThat(ingest.status()).as(ingest.body()).isEqualTo(201);
        // and an upload is measured by its text, not only by the request's length
        Http.Response upload = http.postText("/api/code?date=2024-06-19", text, null);
        assertThat(upload.status()).isEqualTo(413);
    }

    @Test
    void codingIsStoppedAfterTheTimeBudget() throws InterruptedException {
        SlowCoder slow = new SlowCoder(200);
        start(CodingLimits.DEFAULTS.withBudget(Duration.ofMillis(600)), () -> slow);
        long t0 = System.nanoTime();
        Http.Response r = new Http(server.port()).postJson("/api/code", textOf(40), null);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertJsonError(r.status(), r.body(), r.contentType(), 503);
        assertThat(r.json().path("error").asText()).contains("budget", "600 ms", "shorter");
        assertThat(millis).isLessThan(5_000);
        assertThat(slow.firstStopped.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(slow.interrupted.get()).isEqualTo(1);
        assertThat(slow.finished.get()).isZero();
    }

    @Test
    void codingBeyondTheConcurrencyLimitIsRefusedWithRetryAfter() throws Exception {
        SlowCoder slow = new SlowCoder(100);
        start(CodingLimits.DEFAULTS.withConcurrency(1).withBudget(Duration.ofSeconds(20)), () -> slow);
        Http http = new Http(server.port());
        CompletableFuture<Http.Response> first = CompletableFuture.supplyAsync(() -> http.postJson("/api/code",
                textOf(20), null));
        assertThat(slow.firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
        Http.Response second = http.postJson("/api/code", textOf(1), null);
        assertJsonError(second.status(), second.body(), second.contentType(), 429);
        java.net.http.HttpResponse<String> raw = rawPost(server.port(), textOf(1));
        assertThat(raw.statusCode()).isEqualTo(429);
        assertThat(raw.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v))
                .isPositive());
        assertThat(first.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        // the slot is free again
        assertThat(http.postJson("/api/code", textOf(1), null).status()).isEqualTo(200);
    }

    private static java.net.http.HttpResponse<String> rawPost(int port, String json) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/api/code")).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void codingStopsWhenTheClientGoesAway() throws Exception {
        SlowCoder slow = new SlowCoder(100);
        start(CodingLimits.DEFAULTS.withBudget(Duration.ofSeconds(60)), () -> slow);
        byte[] body = textOf(300).getBytes(StandardCharsets.UTF_8);
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/code HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            assertThat(slow.firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
        }
        // 300 sentences take 30 s; the coder must be stopped long before
        assertThat(slow.firstStopped.await(10, TimeUnit.SECONDS)).as("coding stopped after the client left").isTrue();
        assertThat(slow.interrupted.get()).isEqualTo(1);
    }

    @Test
    void aKeptAliveConnectionServesTheNextRequestAfterCoding() throws IOException {
        start(CodingLimits.DEFAULTS, KeywordCoder::new);
        byte[] body = textOf(2).getBytes(StandardCharsets.UTF_8);
        String request = "POST /api/code HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n" + new String(body, StandardCharsets.UTF_8);
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(20_000);
            java.io.InputStream in = s.getInputStream();
            for (int i = 0; i < 3; i++) {
                s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
                s.getOutputStream().flush();
                String head = readHead(in);
                assertThat(head).as("answer " + (i + 1)).startsWith("HTTP/1.1 200");
                int length = Integer.parseInt(head.replaceAll("(?is).*content-length:\\s*([0-9]+).*", "$1"));
                assertThat(in.readNBytes(length)).hasSize(length);
            }
        }
    }

    private static String readHead(java.io.InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        while (b.indexOf("\r\n\r\n") < 0) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            b.append((char) c);
        }
        return b.toString();
    }

    @Test
    void foreignHostNamesAreRefusedAgainstDnsRebinding() {
        start(ServerConfig.defaults("x").withAllowedHosts(List.of("faultline.example.org")), KeywordCoder::new);
        int port = server.port();
        RawHttp.Response evil = RawHttp.get(port, "/api/summary", "attacker.example:" + port, null);
        assertJsonError(evil.status(), evil.body(), evil.contentType(), 403);
        assertThat(evil.body()).contains("attacker.example", "--allow-host");
        assertThat(RawHttp.get(port, "/", "attacker.example", null).status()).isEqualTo(403);
        for (String ok : List.of("127.0.0.1:" + port, "localhost:" + port, "LOCALHOST", "[::1]:" + port,
                "faultline.example.org", "192.168.1.20:" + port)) {
            assertThat(RawHttp.get(port, "/api/summary", ok, null).status()).as(ok).isEqualTo(200);
        }
    }

    @Test
    void hostNamesAreParsedWithoutTheirPort() {
        assertThat(HostCheck.hostName("Example.ORG:8080")).isEqualTo("example.org");
        assertThat(HostCheck.hostName("[::1]:8080")).isEqualTo("::1");
        assertThat(HostCheck.hostName("example.org.")).isEqualTo("example.org");
        HostCheck bound = new HostCheck("0.0.0.0", List.of());
        assertThat(bound.problem("GET", "evil.example", null)).isPresent();
        assertThat(bound.problem("GET", null, null)).isEmpty();
        assertThat(bound.problem("POST", "127.0.0.1:8080", "http://127.0.0.1:8080")).isEmpty();
        assertThat(bound.problem("POST", "127.0.0.1", "http://127.0.0.1")).isEmpty();
        assertThat(bound.problem("POST", "127.0.0.1:8080", "http://127.0.0.1:9090")).isPresent();
        assertThat(bound.problem("POST", "127.0.0.1:8080", "null")).isPresent();
    }

    @Test
    void crossSiteWritesAreRefused() {
        start(ServerConfig.defaults("x").withToken(TOKEN), KeywordCoder::new);
        int port = server.port();
        String json = "{\"text\": \"Moscow attacked Kyiv.\"" + DATED;
        // a page elsewhere can send text/plain without a preflight: refused whatever its origin
        RawHttp.Response plain = RawHttp.post(port, "/api/code", "127.0.0.1:" + port, null, "text/plain",
                "Moscow attacked Kyiv.");
        assertJsonError(plain.status(), plain.body(), plain.contentType(), 415);
        assertThat(plain.body()).contains("application/json", "multipart/form-data");
        // a form (multipart) or JSON from another site's page is refused by its Origin
        RawHttp.Response form = RawHttp.post(port, "/api/code?date=2024-06-19", "127.0.0.1:" + port,
                "http://attacker.example", "multipart/form-data; boundary=b",
                "--b\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nMoscow attacked Kyiv.\r\n--b--\r\n");
        assertJsonError(form.status(), form.body(), form.contentType(), 403);
        assertThat(form.body()).contains("another site");
        assertThat(RawHttp.post(port, "/api/code", "127.0.0.1:" + port, "http://attacker.example",
                "application/json", json).status()).isEqualTo(403);
        // the server's own page, and programs that send no Origin, may write
        assertThat(RawHttp.post(port, "/api/code", "127.0.0.1:" + port, "http://127.0.0.1:" + port,
                "application/json", json).status()).isEqualTo(200);
        assertThat(RawHttp.post(port, "/api/code", "localhost:" + port, null, "application/json", json).status())
                .isEqualTo(200);
    }

    @Test
    void noCorsHeadersAreSent() {
        start(ServerConfig.defaults("x"), KeywordCoder::new);
        int port = server.port();
        RawHttp.Response get = RawHttp.get(port, "/api/summary", "127.0.0.1:" + port, "http://attacker.example");
        assertThat(get.status()).isEqualTo(200);
        RawHttp.Response preflight = RawHttp.send(port, "OPTIONS /api/code HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nOrigin: http://attacker.example\r\nAccess-Control-Request-Method: POST\r\n"
                + "Access-Control-Request-Headers: content-type\r\nConnection: close\r\n\r\n");
        for (RawHttp.Response r : List.of(get, preflight)) {
            assertThat(r.head().toLowerCase(java.util.Locale.ROOT)).doesNotContain("access-control-");
        }
        assertThat(preflight.status()).isNotEqualTo(200).isNotEqualTo(204);
    }

    @Test
    void theSummaryDoesNotShowWhereTheStoreIs() {
        start(ServerConfig.defaults("x"), KeywordCoder::new);
        JsonNode s = new Http(server.port()).get("/api/summary").json();
        assertThat(s.has("store")).isFalse();
        assertThat(s.toString()).doesNotContain(dir.toString(), "duckdb");
    }

    @Test
    void jettysOwnErrorsAreJson() {
        start(ServerConfig.defaults("x"), KeywordCoder::new);
        int port = server.port();
        RawHttp.Response longUri = RawHttp.get(port, "/api/events?q=" + "a".repeat(20_000), "127.0.0.1", null);
        assertJsonError(longUri.status(), longUri.body(), longUri.contentType(), 414);
        RawHttp.Response badRequest = RawHttp.send(port, "GET /api/summary HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Length: nope\r\nConnection: close\r\n\r\n");
        assertJsonError(badRequest.status(), badRequest.body(), badRequest.contentType(), 400);
        RawHttp.Response badUri = RawHttp.send(port, "GET /api/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Connection: close\r\n\r\n");
        assertJsonError(badUri.status(), badUri.body(), badUri.contentType(), 400);
    }

    @Test
    void allInterfacesShowsTheRealBoundAddress() {
        start(ServerConfig.defaults("x").withHost("0.0.0.0"), KeywordCoder::new);
        assertThat(server.boundAddress()).isEqualTo("0.0.0.0:" + server.port());
        assertThat(server.address()).isEqualTo("http://0.0.0.0:" + server.port() + "/");
        assertThat(server.reachableFromOtherMachines()).isTrue();
    }

    @Test
    void loopbackIsNotReachableFromOtherMachines() throws IOException {
        start(ServerConfig.defaults("x"), KeywordCoder::new);
        assertThat(server.boundAddress()).isEqualTo("127.0.0.1:" + server.port());
        assertThat(server.reachableFromOtherMachines()).isFalse();
    }
}
