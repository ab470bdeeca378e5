package org.faultline.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.faultline.server.FaultlineServer;
import org.faultline.server.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code faultline serve}: the JSON API and the web page over a store, until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the REST API and the web page over an event store (read-only unless a token is set).",
        footer = {"", "Examples:", "  faultline serve                      # ./faultline.duckdb on http://127.0.0.1:8080/",
                "  FAULTLINE_TOKEN=s3cret-token faultline serve --db news.duckdb --port 9000"})
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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        String t = token != null ? token : System.getenv(ServerConfig.TOKEN_ENV);
        ServerConfig config;
        try {
            config = new ServerConfig(host, port, db, t, maxBodyMb * 1024L * 1024L);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        FaultlineServer server = FaultlineServer.open(config).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "faultline-serve-shutdown"));
        out.printf("Faultline on %s (%s; store %s). Ctrl-C stops it.%n", server.address(),
                config.readOnly() ? "read-only" : "writes need the token", db);
        out.flush();
        stopped.await();
        return 0;
    }
}
