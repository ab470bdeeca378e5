package org.faultline.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.faultline.store.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that keeps its connection alive must never send a request into a connection the server has closed: an
 * answer after which the server closes says {@code Connection: close}. Found by InputFuzzTest at 3,000 cases: after
 * {@code GET /api/documents/%0097} (Jetty refuses the path with 400 and closes the connection without saying so) the
 * next request on the pooled connection, a POST that the client does not retry, got no answer at all. A refused write
 * whose large body is left unread was closed the same way (413).
 */
class ConnectionReuseTest {
    private static final String TOKEN = "reuse-token-1";

    @TempDir
    static Path dir;
    static FaultlineServer server;

    @BeforeAll
    static void start() {
        EventStore store = EventStore.open(dir.resolve("r.duckdb").toString());
        SampleWorld.fill(store);
        server = new FaultlineServer(ServerConfig.defaults("r").withPort(0).withToken(TOKEN)
                .withMaxBodyBytes(64 * 1024).withCoding(CodingLimits.DEFAULTS.withMaxBytes(8 * 1024)), store,
                KeywordCoder::new).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A request without {@code Connection: close}, read to the end: it must end because the server said so. */
    private static RawHttp.Response keptAlive(String method, String path, String contentType, String body) {
        String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + (contentType == null ? ""
                : "Content-Type: " + contentType + "\r\n") + (body == null ? ""
                : "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n") + "\r\n";
        return RawHttp.send(server.port(), head + (body == null ? "" : body));
    }

    @Test
    void jettysOwnRefusalsSayTheyCloseTheConnection() {
        for (String path : List.of("/api/documents/%0097", "/api/documents/%00", "/api/x%ZZ", "/api/documents/ab%C3")) {
            RawHttp.Response r = keptAlive("GET", path, null, null);
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.contentType()).as(path).startsWith("application/json");
            assertThat(r.header("Connection")).as(path + ": " + r.head()).isEqualToIgnoringCase("close");
        }
    }

    @Test
    void refusedWritesWithABodySayTheyCloseTheConnection() {
        String big = "{\"text\": \"" + "Moscow attacked Kyiv. ".repeat(4000) + "\", \"date\": \"2024-06-19\"}";
        record Case(String path, String type, String body, int status) {
        }
        for (Case c : List.of(new Case("/api/code", "application/json", big, 413),
                new Case("/api/ingest", "application/json", big, 413),
                new Case("/api/code", "text/plain", big.substring(0, 6000), 415),
                new Case("/api/ingest", "application/json", big.substring(0, 6000), 401),
                new Case("/api/code", "application/json", "{\"text\": ", 400))) {
            RawHttp.Response r = keptAlive("POST", c.path(), c.type(), c.body());
            assertThat(r.status()).as(c.toString().substring(0, 60)).isEqualTo(c.status());
            assertThat(r.header("Connection")).as(c.path() + " " + c.status() + ": " + r.head())
                    .isEqualToIgnoringCase("close");
        }
    }

    /** What the fuzz test did: a pooled connection, a refused path, then a POST; every request is answered. */
    @Test
    void aPooledClientIsAnsweredAfterARefusedPath() {
        Http http = new Http(server.port());
        for (int i = 0; i < 40; i++) {
            assertThat(http.get("/api/documents/%0097").status()).as("round " + i).isEqualTo(400);
            Http.Response code = http.postJson("/api/code", "{\"text\": \"Moscow attacked Kyiv.\", \"date\": "
                    + "\"2024-06-19\"}", null);
            assertThat(code.status()).as("round " + i + ": " + code.body()).isEqualTo(200);
            assertThat(http.get("/api/summary").status()).isEqualTo(200);
        }
    }
}
