package org.faultline.cli.watch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * HTTP for the watcher: one {@link HttpClient}, a User-Agent naming Faultline, a time limit per request, conditional
 * requests (If-None-Match, If-Modified-Since) and politeness per host: two requests to one host are at least
 * {@code gap} apart, and a host that failed waits out its backoff ({@link #backoff}). Thread-safe.
 */
public final class PoliteClient {
    public static final String USER_AGENT = "Faultline/0.1 (faultline watch; political event coder)";
    /** The longest wait between polls of a failing feed. */
    public static final Duration MAX_BACKOFF = Duration.ofHours(1);

    /** An answer: a body (200), not modified (304), or a failure with the reason and an optional Retry-After. */
    public sealed interface Answer permits Body, NotModified, Failed {
    }

    /** A 2xx answer. */
    public record Body(byte[] bytes, String contentType, String etag, String lastModified, URI uri) implements Answer {
    }

    /** 304 Not Modified. */
    public record NotModified() implements Answer {
    }

    /** No usable answer. */
    public record Failed(String reason, Duration retryAfter) implements Answer {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    private final HttpClient http;
    private final Duration gap;
    private final Duration timeout;
    private final long maxBytes;
    private final Map<String, Instant> nextTurn = new HashMap<>();

    public PoliteClient(Duration gap, Duration timeout, long maxBytes) {
        this.gap = Objects.requireNonNull(gap, "gap");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.maxBytes = maxBytes;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(timeout)
                .build();
    }

    /** The wait before poll number {@code failures + 1} of a feed that failed {@code failures} times in a row. */
    public static Duration backoff(Duration interval, int failures) {
        if (failures <= 0) {
            return interval;
        }
        Duration d = interval.multipliedBy(1L << Math.min(failures, 20));
        return d.compareTo(MAX_BACKOFF) > 0 ? (interval.compareTo(MAX_BACKOFF) > 0 ? interval : MAX_BACKOFF) : d;
    }

    /** GET {@code uri}, conditionally when an ETag or Last-Modified is known; waits for the host's turn. */
    public Answer get(URI uri, String etag, String lastModified) throws InterruptedException {
        awaitTurn(uri.getHost());
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", USER_AGENT)
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.8, "
                        + "*/*;q=0.5").GET();
        if (etag != null) {
            b.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            b.header("If-Modified-Since", lastModified);
        }
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            int s = r.statusCode();
            if (s == 304) {
                return new NotModified();
            }
            if (s < 200 || s > 299) {
                Duration retry = r.headers().firstValue("Retry-After").flatMap(PoliteClient::seconds).orElse(null);
                return new Failed("HTTP " + s + " from " + uri, retry);
            }
            if (r.body().length > maxBytes) {
                return new Failed(uri + " answered " + r.body().length + " bytes, over the limit of " + maxBytes, null);
            }
            return new Body(r.body(), r.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT),
                    r.headers().firstValue("ETag").orElse(null), r.headers().firstValue("Last-Modified").orElse(null),
                    r.uri());
        } catch (HttpTimeoutException e) {
            return new Failed("no answer from " + uri + " within " + timeout.toMillis() + " ms", null);
        } catch (IOException e) {
            return new Failed("cannot reach " + uri + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()),
                    null);
        } finally {
            release(uri.getHost());
        }
    }

    /** Posts JSON; empty on a 2xx answer, else why it failed. */
    public Optional<String> postJson(URI uri, String json) throws InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", USER_AGENT)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            HttpResponse<Void> r = http.send(req, HttpResponse.BodyHandlers.discarding());
            return r.statusCode() / 100 == 2 ? Optional.empty() : Optional.of("HTTP " + r.statusCode() + " from " + uri);
        } catch (IOException e) {
            return Optional.of("cannot reach " + uri + ": " + e.getMessage());
        }
    }

    private void awaitTurn(String host) throws InterruptedException {
        while (true) {
            long wait;
            synchronized (nextTurn) {
                Instant turn = nextTurn.getOrDefault(host, Instant.MIN);
                Instant now = Instant.now();
                if (!turn.isAfter(now)) {
                    nextTurn.put(host, Instant.MAX);
                    return;
                }
                wait = Duration.between(now, turn).toMillis();
            }
            Thread.sleep(Math.max(1, Math.min(wait, 1000)));
        }
    }

    private void release(String host) {
        synchronized (nextTurn) {
            nextTurn.put(host, Instant.now().plus(gap));
        }
    }

    private static Optional<Duration> seconds(String v) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
