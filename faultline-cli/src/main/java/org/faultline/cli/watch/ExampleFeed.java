package org.faultline.cli.watch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.faultline.ingest.ArticleReaders;
import org.faultline.ingest.ReadOptions;
import org.faultline.ingest.ReadOutcome;
import org.faultline.model.Article;
import org.jsoup.nodes.Entities;

/**
 * A folder of articles (the example corpus) served on 127.0.0.1 as a news site: {@code /feed.xml}, an RSS 2.0 feed
 * whose items carry only their first paragraph, and {@code /articles/NAME.html}, each article's page. For trying
 * {@code faultline watch} without the network ({@code --serve-example}). Closed with {@link #close()}.
 */
public final class ExampleFeed implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, Article> articles = new LinkedHashMap<>();

    private ExampleFeed(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList();
        }
        for (Path f : files) {
            for (ReadOutcome o : ArticleReaders.readBytes(Files.readAllBytes(f), f.getFileName().toString(), null,
                    f.toString(), ReadOptions.defaults())) {
                if (o instanceof ReadOutcome.Read r) {
                    articles.put(r.article().id(), r.article());
                }
            }
        }
        if (articles.isEmpty()) {
            throw new IOException(folder + " holds no article to serve");
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    /** Serves the articles of {@code folder} on a free port of 127.0.0.1. */
    public static ExampleFeed serve(Path folder) throws IOException {
        return new ExampleFeed(folder);
    }

    /** The feed's address. */
    public String feedUrl() {
        return base() + "feed.xml";
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private void answer(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        if (path.equals("/feed.xml")) {
            send(x, 200, "application/rss+xml; charset=utf-8", feed());
        } else if (path.startsWith("/articles/") && path.endsWith(".html")
                && articles.containsKey(path.substring(10, path.length() - 5))) {
            send(x, 200, "text/html; charset=utf-8", page(articles.get(path.substring(10, path.length() - 5))));
        } else {
            send(x, 404, "text/plain; charset=utf-8", "not found");
        }
    }

    private String feed() {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                + "<title>Faultline example corpus</title><link>" + base() + "</link>"
                + "<description>The example corpus as a feed</description><language>en</language>\n");
        List<Article> newestFirst = new ArrayList<>(articles.values());
        newestFirst.sort(Comparator.comparing(Article::date).reversed().thenComparing(Article::id));
        for (Article a : newestFirst) {
            String link = base() + "articles/" + a.id() + ".html";
            b.append("<item><title>").append(esc(a.title() == null ? a.id() : a.title())).append("</title><link>")
                    .append(esc(link)).append("</link><guid>").append(esc(link)).append("</guid><pubDate>")
                    .append(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                            a.date().atStartOfDay(java.time.ZoneOffset.UTC)))
                    .append("</pubDate><description>").append(esc(firstParagraph(a.text())))
                    .append("</description></item>\n");
        }
        return b.append("</channel></rss>\n").toString();
    }

    private static String page(Article a) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
                .append(esc(a.title() == null ? a.id() : a.title())).append("</title><meta property=\"article:published_time\" content=\"")
                .append(a.date()).append("\"></head><body><article>");
        for (String p : a.text().split("\n\\s*\n")) {
            if (!p.isBlank()) {
                b.append("<p>").append(esc(p.strip())).append("</p>");
            }
        }
        return b.append("</article></body></html>").toString();
    }

    private static String firstParagraph(String text) {
        return text.strip().split("\n\\s*\n", 2)[0];
    }

    private static String esc(String s) {
        return Entities.escape(s);
    }

    private static void send(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream o = x.getResponseBody()) {
            o.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
