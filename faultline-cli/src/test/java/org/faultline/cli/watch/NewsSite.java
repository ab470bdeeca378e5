package org.faultline.cli.watch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/** A news site on 127.0.0.1 for tests: pages that can change, fail, be slow or honour ETags; every request recorded. */
final class NewsSite implements AutoCloseable {
    /** One page: status, content type, body, ETag (null: none) and a delay before answering. */
    record Page(int status, String type, String body, String etag, long delayMs) {
        static Page ok(String type, String body) {
            return new Page(200, type, body, null, 0);
        }
    }

    /** One request: path, If-None-Match and User-Agent. */
    record Request(String path, String ifNoneMatch, String userAgent) {
    }

    private final HttpServer server;
    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    private final List<Request> requests = java.util.Collections.synchronizedList(new ArrayList<>());

    NewsSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::answer);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void put(String path, Page p) {
        pages.put(path, p);
    }

    List<Request> requests(String path) {
        synchronized (requests) {
            return requests.stream().filter(r -> r.path().equals(path)).toList();
        }
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void answer(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        String inm = x.getRequestHeaders().getFirst("If-None-Match");
        requests.add(new Request(path, inm, x.getRequestHeaders().getFirst("User-Agent")));
        Page p = pages.getOrDefault(path, new Page(404, "text/plain", "no such page", null, 0));
        if (p.delayMs() > 0) {
            try {
                Thread.sleep(p.delayMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (p.etag() != null) {
            x.getResponseHeaders().set("ETag", p.etag());
            if (p.etag().equals(inm)) {
                x.sendResponseHeaders(304, -1);
                x.close();
                return;
            }
        }
        byte[] body = p.body().getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", p.type());
        x.sendResponseHeaders(p.status(), body.length);
        try (OutputStream o = x.getResponseBody()) {
            o.write(body);
        } catch (IOException e) {
            // the client gave up on a slow answer
        }
    }

    static String rss(String title, String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>" + title
                + "</title><link>http://example.org/</link><description>d</description>" + String.join("", items)
                + "</channel></rss>";
    }

    static String rssItem(String link, String title, String date, String summary) {
        return "<item><title>" + title + "</title><link>" + link + "</link><guid>" + link + "</guid><pubDate>" + date
                + "</pubDate><description>" + summary + "</description></item>";
    }

    static String atom(String title, String link, String id, String updated, String summary) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>" + title
                + "</title><id>urn:feed:" + title + "</id><updated>" + updated + "</updated><entry><title>" + title
                + " story</title><link href=\"" + link + "\"/><id>" + id + "</id><updated>" + updated + "</updated>"
                + "<summary>" + summary + "</summary></entry></feed>";
    }

    static String article(String title, String date, String... paragraphs) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html><head><title>" + title + "</title>"
                + "<meta property=\"article:published_time\" content=\"" + date + "\"></head><body><nav>Menu</nav><article>");
        for (String p : paragraphs) {
            b.append("<p>").append(p).append("</p>");
        }
        return b.append("</article></body></html>").toString();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
