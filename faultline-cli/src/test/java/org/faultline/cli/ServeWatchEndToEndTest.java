package org.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code faultline serve --watch} end to end: the real command with a watched feed on loopback (two articles, each
 * page fetched), a new DuckDB store, a stand-in coder instead of the NLP models; while it runs, {@code /api/watch}
 * shows the feed with its items and {@code /api/alerts} the alert the first story raised, the same one the alerts
 * file got; an interrupt (what Ctrl-C does) stops the watcher and the server.
 */
class ServeWatchEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("Faultline on http://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dir;

    @Test
    void theServerShowsTheWatchedItemsAndTheirAlerts() throws Exception {
        Map<String, String> pages = new ConcurrentHashMap<>();
        HttpServer news = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        news.createContext("/", x -> {
            String body = pages.get(x.getRequestURI().getPath());
            byte[] b = (body == null ? "no such page" : body).getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Content-Type", x.getRequestURI().getPath().endsWith(".xml")
                    ? "application/rss+xml" : "text/html; charset=utf-8");
            x.sendResponseHeaders(body == null ? 404 : 200, b.length);
            x.getResponseBody().write(b);
            x.close();
        });
        news.start();
        String site = "http://127.0.0.1:" + news.getAddress().getPort();
        pages.put("/1.html", page("Strike on Kyiv", "Russia attacked Ukraine before dawn, officials said."));
        pages.put("/2.html", page("Second wave", "Officials said Russia attacked Ukraine again at noon."));
        pages.put("/feed.xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Loopback News</title>"
                + "<link>" + site + "/</link><description>d</description>"
                + item(site + "/2.html", "Second wave", "Wed, 05 Jun 2024 12:00:00 GMT")
                + item(site + "/1.html", "Strike on Kyiv", "Tue, 04 Jun 2024 06:00:00 GMT")
                + "</channel></rss>");
        Path db = dir.resolve("served.duckdb");
        Path alerts = dir.resolve("alerts.jsonl");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ServeCommand(e -> new StandInCoder()));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        AtomicInteger exit = new AtomicInteger(-1);
        Thread serving = new Thread(() -> exit.set(cl.execute("--watch", "--db", db.toString(), "--port", "0",
                "--feed", site + "/feed.xml", "--interval", "1s", "--host-gap", "10ms", "--alerts",
                alerts.toString())), "serve-watch-under-test");
        serving.start();
        try {
            Matcher m = LISTENING.matcher("");
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!(m = LISTENING.matcher(out.toString())).find()) {
                assertThat(System.nanoTime()).as("the banner; stderr: " + err).isLessThan(deadline);
                assertThat(serving.isAlive()).as("serve is running; stderr: " + err).isTrue();
                Thread.sleep(50);
            }
            String api = "http://127.0.0.1:" + m.group(1);
            JsonNode watch = await(api + "/api/watch", w -> w.at("/feeds/0/items").asLong() == 2);
            assertThat(watch.at("/feeds/0/address").asText()).isEqualTo(site + "/feed.xml");
            assertThat(watch.at("/feeds/0/failures").asLong()).isZero();
            assertThat(watch.path("alerts").asLong()).isEqualTo(1);
            JsonNode list = await(api + "/api/alerts", a -> a.path("alerts").size() == 1);
            JsonNode alert = list.at("/alerts/0");
            assertThat(alert.path("id").asText()).isEqualTo("new_dyad:RUS->UKR");
            assertThat(alert.at("/alert/url").asText()).isEqualTo(site + "/1.html");
            assertThat(alert.at("/alert/title").asText()).isEqualTo("Strike on Kyiv");
            assertThat(alert.at("/alert/outlet").asText()).isEqualTo("Loopback News");
            JsonNode docs = get(api + "/api/documents");
            assertThat(docs.path("total").asLong()).isEqualTo(2);
            // the alerts file got the same alert, once
            await(api + "/api/alerts", a -> Files.exists(alerts) && lines(alerts) == 1);
            assertThat(Files.readString(alerts)).contains("\"id\":\"new_dyad:RUS->UKR\"");
        } finally {
            serving.interrupt();
            serving.join(30_000);
            news.stop(0);
        }
        assertThat(serving.isAlive()).isFalse();
        assertThat(exit.get()).isZero();
        assertThat(err.toString()).contains("watch: stopped");
        int port = Integer.parseInt(LISTENING.matcher(out.toString()).results().findFirst().orElseThrow().group(1));
        HttpClient http = HttpClient.newHttpClient();
        try {
            http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/watch")).build(),
                    HttpResponse.BodyHandlers.discarding());
            throw new AssertionError("the server still answers after the interrupt");
        } catch (ConnectException expected) {
            // closed with the watcher
        }
    }

    private static long lines(Path p) {
        try {
            return Files.readAllLines(p).size();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String page(String title, String text) {
        return "<!DOCTYPE html><html><head><title>" + title + "</title><meta property=\"article:published_time\" "
                + "content=\"2024-06-04\"></head><body><article><p>" + text + "</p><p>More follows.</p></article>"
                + "</body></html>";
    }

    private static String item(String link, String title, String date) {
        return "<item><title>" + title + "</title><link>" + link + "</link><guid>" + link + "</guid><pubDate>" + date
                + "</pubDate><description>" + title + ".</description></item>";
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(url + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static JsonNode await(String url, Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode last = get(url);
        while (!done.test(last)) {
            assertThat(System.nanoTime()).as(url + " answered " + last).isLessThan(deadline);
            Thread.sleep(100);
            last = get(url);
        }
        return last;
    }
}
