package org.faultline.cli.watch;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.faultline.ingest.ReadOptions;
import org.faultline.store.EventStore;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options of {@code faultline watch} that {@code faultline serve --watch} shares: what to follow and where alerts go. */
public final class WatchOptions {
    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--feed", paramLabel = "URL", description = "An RSS 2.0 or Atom feed to follow; repeatable.")
    public List<String> feeds = new ArrayList<>();

    @Option(names = "--folder", paramLabel = "PATH", description = "A folder whose new and changed files are taken; "
            + "repeatable.")
    public List<Path> folders = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE", description = "Sources, one a line: feed URL outlet=\"Name\" "
            + "interval=10m language=en, or folder PATH ... (see the README).")
    public Path config;

    @Option(names = "--interval", paramLabel = "DURATION", description = "Time between polls of a source without its "
            + "own interval (default ${DEFAULT-VALUE}; 30s, 5m, 1h).")
    public String interval = "5m";

    @Option(names = "--alerts", paramLabel = "FILE", description = "Append alerts as JSON Lines to FILE (default: "
            + "standard output).")
    public Path alerts;

    @Option(names = "--webhook", paramLabel = "URL", description = "POST each alert as JSON to this URL.")
    public URI webhook;

    @Option(names = "--host-gap", paramLabel = "DURATION", description = "Least time between two requests to one "
            + "host (default ${DEFAULT-VALUE}).")
    public String hostGap = "1s";

    @Option(names = "--timeout", paramLabel = "DURATION", description = "Time limit of one HTTP request (default "
            + "${DEFAULT-VALUE}).")
    public String timeout = "30s";

    /** The sources named, checked; usage errors name the option or the config file's line. */
    public List<WatchConfig.Source> sources() {
        Duration every = parse("--interval", interval);
        List<WatchConfig.Source> out = new ArrayList<>();
        try {
            for (String f : feeds) {
                out.add(WatchConfig.source(WatchConfig.Kind.FEED, f, null, every, "en"));
            }
            for (Path p : folders) {
                if (!Files.isDirectory(p)) {
                    throw new IllegalArgumentException("--folder " + p + ": no such folder");
                }
                out.add(WatchConfig.source(WatchConfig.Kind.FOLDER, p.toString(), null, every, "en"));
            }
            if (config != null) {
                if (!Files.isRegularFile(config)) {
                    throw new IllegalArgumentException("--config " + config + ": no such file");
                }
                out.addAll(WatchConfig.read(config, every).sources());
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(mixee.commandLine(), e.getMessage());
        } catch (IOException e) {
            throw new ParameterException(mixee.commandLine(), "--config " + config + ": cannot read: " + e.getMessage());
        }
        if (webhook != null && (webhook.getScheme() == null || !webhook.getScheme().startsWith("http"))) {
            throw new ParameterException(mixee.commandLine(), "--webhook " + webhook + " is not an http or https URL");
        }
        return out;
    }

    public PoliteClient client() {
        return new PoliteClient(parse("--host-gap", hostGap), parse("--timeout", timeout), ReadOptions.DEFAULT_MAX_BYTES);
    }

    public AlertDelivery delivery(EventStore store, PoliteClient client, PrintWriter out, PrintWriter err)
            throws IOException {
        return new AlertDelivery(store.watchLog(), out, alerts, webhook, client, err);
    }

    private Duration parse(String option, String value) {
        try {
            return WatchConfig.duration(value);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(mixee.commandLine(), option + ": " + e.getMessage());
        }
    }
}
