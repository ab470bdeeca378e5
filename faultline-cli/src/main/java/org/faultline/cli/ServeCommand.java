package org.faultline.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.faultline.server.CodingLimits;
import org.faultline.server.FaultlineServer;
import org.faultline.server.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code faultline serve}: the JSON API and the web page over a store, until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the REST API and the web page over an event store (read-only unless a token is set).",
        footer = {"", "Examples:", "  faultline serve                      # ./faultline.duckdb on http://127.0.0.1:8080/",
                "  FAULTLINE_TOKEN=s3cret-token faultline serve --db news.duckdb --port 9000",
                "  faultline serve --watch --config feeds.txt   # follow feeds too; alerts live on the page"})
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--db", paramLabel = "URL", description = "Store: a DuckDB file (default ${DEFAULT-VALUE}) or a PostgreSQL URL. "
            + "It must exist (faultline ingest creates one).")
    String db = "faultline.duckdb";

    @Option(names = "--port", paramLabel = "N", description = "Port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port = ServerConfig.DEFAULT_PORT;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to bind (default ${DEFAULT-VALUE}: this machine only).")
    String host = ServerConfig.DEFAULT_HOST;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "Bearer token that allows POST /api/ingest (default: $" + ServerConfig.TOKEN_ENV + "; none: read-only).")
    String token;

    @Option(names = "--max-body-mb", paramLabel = "MB", description = "Largest request accepted (default ${DEFAULT-VALUE} MB).")
    int maxBodyMb = 5;

    @Option(names = "--max-code-kb", paramLabel = "KB", description = "Largest text POST /api/code codes (default "
            + "${DEFAULT-VALUE} KB); it needs no token, so keep this small.")
    int maxCodeKb = (int) (CodingLimits.DEFAULT_MAX_BYTES / 1024);

    @Option(names = "--code-timeout", paramLabel = "SECONDS", description = "Time one POST /api/code may code before "
            + "it is stopped (default ${DEFAULT-VALUE} s).")
    int codeTimeout = (int) CodingLimits.DEFAULT_BUDGET.toSeconds();

    @Option(names = "--code-concurrency", paramLabel = "N", description = "Texts coded at once; more are refused "
            + "with 429 and Retry-After (default ${DEFAULT-VALUE}).")
    int codeConcurrency = CodingLimits.DEFAULT_CONCURRENCY;

    @Option(names = "--allow-host", paramLabel = "NAME", description = "A host name the server answers to besides "
            + "its address and localhost (behind a proxy, or a name on your network); repeatable. Other names are "
            + "refused against DNS rebinding.")
    List<String> allowedHosts = new ArrayList<>();

    @Option(names = "--watch", description = "Also follow feeds and folders as faultline watch does (the store is "
            + "created when missing); alerts appear live on the page and go to standard output or --alerts.")
    boolean watch;

    @picocli.CommandLine.Mixin
    KbOptions kbOptions = new KbOptions();

    @Option(names = "--gate", paramLabel = "off|on|T", description = "The relevance gate of the coder behind "
            + "/api/code and --watch, as for code: off, on or a threshold in (0, 1) (default: ${DEFAULT-VALUE}; "
            + org.faultline.gate.GatedCoders.ENV + " sets it).")
    String gate = CoderOptions.defaultGate();

    @picocli.CommandLine.Mixin
    org.faultline.cli.watch.WatchOptions watchOptions = new org.faultline.cli.watch.WatchOptions();

    @Option(names = "--coalitions", paramLabel = "FILE", description = "Coalitions the API and the page accept as "
            + "actors (WEST, AXIS): this tab-separated file (name, members, description) on top of the bundled ones; "
            + "default: the file named by " + org.faultline.analysis.coalitions.Coalitions.ENV + ", if set.")
    java.nio.file.Path coalitionsFile;

    /** The coder of {@code --watch} a test gives instead of the real one (built with --kb), or {@code null}. */
    private final java.util.function.Function<PrintWriter, org.faultline.coding.ArticleCoder> watchCoder;

    /** Whether the watcher codes with the coder a test gave. */
    private final boolean standInCoder;

    public ServeCommand() {
        this.watchCoder = null;
        this.standInCoder = false;
    }

    /** A serve command whose watcher codes with {@code watchCoder} (tests: no NLP models to load). */
    ServeCommand(java.util.function.Function<PrintWriter, org.faultline.coding.ArticleCoder> watchCoder) {
        this.watchCoder = watchCoder;
        this.standInCoder = true;
    }

    @Spec
    CommandSpec spec;

    /**
     * What {@code serve} prints once listening: the address really bound and, when other machines can reach it, a
     * warning that reading the store and coding texts need no token.
     */
    static String banner(FaultlineServer server, String db) {
        ServerConfig config = server.config();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Faultline on %s (%s; store %s). Ctrl-C stops it.%n", server.address(),
                config.readOnly() ? "read-only" : "writes need the token", db));
        if (server.reachableFromOtherMachines()) {
            b.append(String.format(Locale.ROOT, "warning: listening on %s, not only on this machine: anyone who can "
                    + "reach this port can read the whole store and have texts coded (up to %d KB each), without a "
                    + "token; only POST /api/ingest needs one. Bind to 127.0.0.1 unless that is what you want.%n",
                    server.boundAddress(), config.coding().maxBytes() / 1024));
        }
        return b.toString();
    }

    @Override
    public Integer call() throws InterruptedException, java.io.IOException {
        PrintWriter out = spec.commandLine().getOut();
        String t = token != null ? token : System.getenv(ServerConfig.TOKEN_ENV);
        Usage.atLeast(spec, "--max-body-mb", maxBodyMb, 1);
        Usage.atLeast(spec, "--max-code-kb", maxCodeKb, 1);
        Usage.atLeast(spec, "--code-timeout", codeTimeout, 1);
        Usage.atLeast(spec, "--code-concurrency", codeConcurrency, 1);
        ServerConfig config = Usage.option(spec, "serve", () -> new ServerConfig(host, port, db, t,
                maxBodyMb * 1024L * 1024L, new CodingLimits(maxCodeKb * 1024L, Duration.ofSeconds(codeTimeout),
                        codeConcurrency), allowedHosts));
        // the knowledge base (with --kb / FAULTLINE_KB) loads now, so a bad overlay stops serve at once; the NLP
        // models still load on the first text to code
        org.faultline.gate.GateSetting gateSetting = Usage.option(spec, "--gate",
                () -> org.faultline.gate.GateSetting.parse(gate));
        org.faultline.coding.kb.KnowledgeBase kb = kbOptions.load(spec);
        org.faultline.analysis.coalitions.Coalitions coalitions = Usage.option(spec, "--coalitions",
                () -> org.faultline.analysis.coalitions.Coalitions.load(coalitionsFile, System.getenv()));
        if (watch) {
            return serveAndWatch(config, coalitions, out, kb, gateSetting);
        }
        FaultlineServer server = FaultlineServer.open(config,
                () -> org.faultline.gate.GatedCoders.create(kb, gateSetting), coalitions)
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "faultline-serve-shutdown"));
        out.print(banner(server, db));
        out.flush();
        stopped.await();
        return 0;
    }

    /** The server and a watcher on one store and one coder; the watcher runs on this thread until Ctrl-C. */
    private int serveAndWatch(ServerConfig config, org.faultline.analysis.coalitions.Coalitions coalitions,
                              PrintWriter out, org.faultline.coding.kb.KnowledgeBase kb,
                              org.faultline.gate.GateSetting gateSetting) throws InterruptedException {
        List<org.faultline.cli.watch.WatchConfig.Source> sources = watchOptions.sources();
        if (sources.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--watch needs --feed, --folder or "
                    + "--config");
        }
        PrintWriter err = spec.commandLine().getErr();
        org.faultline.store.EventStore store = org.faultline.store.EventStore.open(db);
        org.faultline.coding.ArticleCoder coder;
        try {
            if (standInCoder) {
                coder = watchCoder.apply(err);
            } else {
                err.println("loading NLP models (once per run) ...");
                err.flush();
                coder = org.faultline.gate.GatedCoders.create(kb, gateSetting);
            }
        } catch (RuntimeException e) {
            store.close();
            throw new IllegalStateException("cannot load the coder: " + e.getMessage(), e);
        }
        try (FaultlineServer server = new FaultlineServer(config, store, () -> coder, coalitions).start()) {
            out.print(banner(server, db));
            out.flush();
            org.faultline.cli.watch.PoliteClient client = watchOptions.client();
            try (org.faultline.cli.watch.AlertDelivery delivery = watchOptions.delivery(store, client, out, err)) {
                return WatchCommand.runUntilStopped(new org.faultline.cli.watch.Watcher(store, coder, client, sources,
                        delivery, err, org.faultline.ingest.ReadOptions.DEFAULT_MAX_BYTES), err);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot open --alerts: " + e.getMessage(), e);
            }
        }
    }
}
