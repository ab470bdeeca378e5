package org.faultline.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.faultline.analysis.AnswerJson;
import org.faultline.coding.ArticleCoder;
import org.faultline.coding.Coders;
import org.faultline.store.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analyst's desk: a JSON API over an {@link EventStore} and the web page, served by one Javalin process.
 *
 * <p>Reads are open; {@code POST /api/ingest} needs the bearer token of {@link ServerConfig#token()} and
 * answers 403 when the server was started without one. Every error answer is JSON,
 * {@code {"error": "...", "problems": [...]}}: 400 lists every bad parameter, 404 names the unknown id, 413
 * gives the size limit, 500 says to read the server log and never carries a stack trace; Jetty's own errors
 * (a request it cannot parse) are JSON too ({@link JsonErrorHandler}). {@code POST /api/code} codes within
 * {@link CodingLimits} ({@link CodingGate}). Requests naming another host, and writes from another site's page,
 * are refused ({@link HostCheck}); no CORS header is ever sent.
 *
 * <p>The coder (NLP models, seconds and gigabytes) is built on the first {@code POST /api/code}. The server
 * owns the store it was given and closes it on {@link #close()}. Thread-safe.
 */
public final class FaultlineServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FaultlineServer.class);

    private final ServerConfig config;
    private final EventStore store;
    private final Javalin app;
    private final CodingGate gate;
    private final WatchApi watch;

    /**
     * A server over {@code store} (owned from now on), coding with what {@code coder} supplies; not yet started.
     */
    public FaultlineServer(ServerConfig config, EventStore store, Supplier<ArticleCoder> coder) {
        // coalitions usable as actors: the bundled ones and the file FAULTLINE_COALITIONS names
        this(config, store, coder, org.faultline.analysis.coalitions.Coalitions.load(null, System.getenv()));
    }

    /**
     * As above, with the coalitions that the read endpoints accept as actors ({@code serve --coalitions FILE}: the
     * bundled ones plus the file's).
     */
    public FaultlineServer(ServerConfig config, EventStore store, Supplier<ArticleCoder> coder,
                           org.faultline.analysis.coalitions.Coalitions coalitions) {
        this.config = Objects.requireNonNull(config, "config");
        this.store = Objects.requireNonNull(store, "store");
        ReadApi read = new ReadApi(store.queries(), Objects.requireNonNull(coalitions, "coalitions"));
        this.watch = new WatchApi(store.watchLog());
        this.gate = new CodingGate(config.coding());
        WriteApi write = new WriteApi(store.writer(), new LazyCoder(coder), config.token(), gate);
        HostCheck hosts = new HostCheck(config.host(), config.allowedHosts());
        byte[] openApi = resource("/openapi.json");
        this.app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.jetty.host = config.host();
            c.jetty.port = config.port();
            c.http.maxRequestSize = config.maxBodyBytes();
            c.jetty.multipartConfig.maxTotalRequestSize(config.maxBodyBytes(), SizeUnit.BYTES);
            c.jetty.multipartConfig.maxFileSize(config.maxBodyBytes(), SizeUnit.BYTES);
            c.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            c.staticFiles.add(s -> {
                s.hostedPath = "/";
                s.directory = "/public";
                s.location = Location.CLASSPATH;
                s.headers.put("X-Content-Type-Options", "nosniff");
            });
            c.staticFiles.enableWebjars();
            c.routes.before(ctx -> {
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Referrer-Policy", "no-referrer");
                ctx.header("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' "
                        + "'unsafe-inline'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; "
                        + "frame-ancestors 'none'");
                java.util.Optional<String> refused = hosts.problem(ctx.method().name(), ctx.header("Host"),
                        ctx.header("Origin"));
                if (refused.isPresent()) {
                    throw new ApiException(403, List.of(refused.get()));
                }
                long length = ctx.req().getContentLengthLong();
                if (length > config.maxBodyBytes()) {
                    drain(ctx.req(), length);
                    throw tooLarge();
                }
                if (ctx.path().equals("/api/code") && gate.overLimit(length)) {
                    drain(ctx.req(), length); // as above: the client still sending must get the 413
                    gate.checkSize(length);
                }
            });
            read.register(c.routes);
            write.register(c.routes);
            watch.register(c.routes);
            c.routes.get("/openapi.json", ctx -> ctx.contentType("application/json; charset=utf-8").result(openApi));
            c.routes.exception(ApiException.class, (e, ctx) -> {
                e.headers().forEach(ctx::header);
                error(ctx, e.status(), e.problems());
            });
            c.routes.exception(HttpResponseException.class, (e, ctx) -> {
                if (e.getStatus() == 413) {
                    ApiException t = tooLarge();
                    error(ctx, t.status(), t.problems());
                } else {
                    error(ctx, e.getStatus(), List.of(e.getMessage() == null ? "request refused" : e.getMessage()));
                }
            });
            c.routes.exception(Exception.class, (e, ctx) -> {
                if (isTooLarge(e)) {
                    ApiException t = tooLarge();
                    error(ctx, t.status(), t.problems());
                    return;
                }
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                error(ctx, 500, List.of("internal error (" + e.getClass().getSimpleName()
                        + "); the server log has the details"));
            });
            c.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    error(ctx, 404, List.of("no such address: " + ctx.method() + " " + ctx.path()
                            + " (the API is described at /openapi.json)"));
                }
            });
            c.routes.error(405, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    error(ctx, 405, List.of(ctx.method() + " is not allowed on " + ctx.path()));
                }
            });
        });
    }

    /**
     * Opens the store of {@code config}, which must exist ({@link EventStore#openExisting}), and builds a server
     * coding with the bundled knowledge base and CoreNLP, loaded on first use.
     */
    public static FaultlineServer open(ServerConfig config) {
        return open(config, org.faultline.analysis.coalitions.Coalitions.load(null, System.getenv()));
    }

    /** As {@link #open(ServerConfig)}, with the coder (built on first use) that {@code coder} supplies. */
    public static FaultlineServer open(ServerConfig config, Supplier<ArticleCoder> coder) {
        return open(config, coder, org.faultline.analysis.coalitions.Coalitions.load(null, System.getenv()));
    }

    /** As {@link #open(ServerConfig)}, with these coalitions usable as actors. */
    public static FaultlineServer open(ServerConfig config, org.faultline.analysis.coalitions.Coalitions coalitions) {
        return open(config, () -> {
            try {
                // the coder the command line would build: the bundled knowledge base with FAULTLINE_KB's overlay,
                // the relevance gate FAULTLINE_GATE sets (else the default)
                return org.faultline.gate.GatedCoders.create(Coders.knowledgeBase(System.getenv()),
                        org.faultline.gate.GatedCoders.fromEnvironment(System.getenv()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, coalitions);
    }

    /** As {@link #open(ServerConfig)}, with both the coder and the coalitions given. */
    public static FaultlineServer open(ServerConfig config, Supplier<ArticleCoder> coder,
                                       org.faultline.analysis.coalitions.Coalitions coalitions) {
        EventStore store = EventStore.openExisting(config.storeUrl());
        return new FaultlineServer(config, store, coder, coalitions);
    }

    /** Starts listening; returns this server. */
    public FaultlineServer start() {
        app.start();
        LOG.info("listening on {} ({})", boundAddress(), config.readOnly() ? "read-only" : "writable");
        return this;
    }

    /**
     * The address and port the server really listens on, as {@code host:port} ({@code 0.0.0.0:8080} when bound to
     * every interface, {@code [::1]:8080} for IPv6).
     */
    public String boundAddress() {
        for (org.eclipse.jetty.server.Connector c : app.jettyServer().server().getConnectors()) {
            if (c instanceof org.eclipse.jetty.server.ServerConnector s
                    && s.getTransport() instanceof java.nio.channels.ServerSocketChannel ch) {
                try {
                    if (ch.getLocalAddress() instanceof java.net.InetSocketAddress a) {
                        // a dual-stack socket bound to 0.0.0.0 reports ::; say what the user asked for
                        String h = a.getAddress().isAnyLocalAddress() ? config.host() : a.getAddress().getHostAddress();
                        return (h.contains(":") ? "[" + h.replaceFirst("%.*$", "") + "]" : h) + ":" + a.getPort();
                    }
                } catch (IOException e) {
                    LOG.debug("cannot read the bound address", e);
                }
            }
        }
        String h = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return h + ":" + port();
    }

    /** True when the server listens on more than this machine's loopback interface. */
    public boolean reachableFromOtherMachines() {
        String a = boundAddress();
        String host = a.substring(0, a.lastIndexOf(':')).replace("[", "").replace("]", "");
        try {
            return !java.net.InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return true;
        }
    }

    /** The port listened on (the chosen one when the configuration said 0). */
    public int port() {
        return app.port();
    }

    public ServerConfig config() {
        return config;
    }

    /** The address the server listens on as a URL: {@code http://} and {@link #boundAddress()}. */
    public String address() {
        return "http://" + boundAddress() + "/";
    }

    @Override
    public void close() {
        try {
            watch.close();
            app.stop();
        } finally {
            try {
                gate.close();
            } finally {
                store.close();
            }
        }
    }

    /** Bodies up to this size are read and dropped before a 413, so that the client, still sending, gets the answer. */
    static final long DRAIN_LIMIT = 4L << 20;

    /**
     * Reads and drops a refused body of a moderate declared size: answering while the client still sends lets the
     * closing connection reset under it, and the client sees no answer at all instead of the 413 (seen under load).
     * A larger body is refused without reading it.
     */
    private static void drain(jakarta.servlet.http.HttpServletRequest req, long length) {
        if (length > DRAIN_LIMIT) {
            return;
        }
        try (java.io.InputStream in = req.getInputStream()) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (java.io.IOException e) {
            // the client went away; the 413 goes nowhere either way
        }
    }

    private ApiException tooLarge() {
        return new ApiException(413, List.of("the request is larger than this server's limit of "
                + config.maxBodyBytes() + " bytes"));
    }

    static boolean isTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (name.contains("TooLarge") || name.contains("SizeLimitExceeded")
                    || (t.getMessage() != null && t.getMessage().contains("exceeds max"))) {
                return true;
            }
        }
        return false;
    }

    private static void error(Context ctx, int status, List<String> problems) {
        if (hasBody(ctx)) {
            // a refused write may leave its body unread, and Jetty then closes the connection after the answer
            // without saying so (found by InputFuzzTest and SecurityTest's probes: a 413 for a large body); a client
            // that keeps the connection for its next request would get no answer. Say it, for every refused write.
            ctx.header("Connection", "close");
        }
        ObjectNode o = AnswerJson.object();
        o.put("error", problems.size() == 1 ? problems.get(0) : problems.size() + " problems: "
                + String.join("; ", problems));
        ArrayNode a = o.putArray("problems");
        problems.forEach(a::add);
        ctx.status(status);
        ReadApi.send(ctx, o);
    }

    /** True when the request carries a body (a length over 0, or chunked). */
    private static boolean hasBody(Context ctx) {
        return ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
    }

    private static byte[] resource(String name) {
        try (InputStream in = FaultlineServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the server jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + name, e);
        }
    }
}
