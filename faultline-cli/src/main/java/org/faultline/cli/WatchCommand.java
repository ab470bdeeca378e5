package org.faultline.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.faultline.cli.watch.AlertDelivery;
import org.faultline.cli.watch.ExampleFeed;
import org.faultline.cli.watch.PoliteClient;
import org.faultline.cli.watch.WatchConfig;
import org.faultline.cli.watch.WatchOptions;
import org.faultline.cli.watch.Watcher;
import org.faultline.coding.ArticleCoder;
import org.faultline.store.EventStore;
import org.faultline.store.WatchLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code faultline watch}: follows feeds and folders, codes and stores each new article, and prints alerts as JSON
 * Lines (see {@link Watcher}). Runs until interrupted, or polls each source once with {@code --once} (exit 1 when
 * one failed). {@code --status} prints the state of the followed feeds from the store.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Follow RSS/Atom feeds and folders: code and store new articles, print alerts (new dyad, new "
                + "event type in a dyad, a jump against the dyad's baseline) as JSON Lines.",
        footer = {"", "Examples:", "  faultline watch --feed https://news.example/world.rss --alerts alerts.jsonl",
                "  faultline watch --config feeds.txt --webhook http://127.0.0.1:9000/hook",
                "  faultline watch --serve-example --once --db example.duckdb   # examples/corpus as a feed on 127.0.0.1",
                "  faultline watch --status"})
public final class WatchCommand implements Callable<Integer> {
    @Option(names = "--db", paramLabel = "URL", description = "Store: a DuckDB file (default ${DEFAULT-VALUE}) or a "
            + "PostgreSQL URL; created when missing.")
    String db = "faultline.duckdb";

    @Option(names = "--once", description = "Poll each source once, deliver the alerts, and stop.")
    boolean once;

    @Option(names = "--status", description = "Print the followed feeds (last poll, errors, items/hour) and stop.")
    boolean status;

    @Option(names = "--serve-example", paramLabel = "FOLDER", arity = "0..1", fallbackValue = "examples/corpus",
            description = "Serve FOLDER (default ${FALLBACK-VALUE}) as a news feed on 127.0.0.1 and follow it.")
    Path example;

    @Mixin
    WatchOptions watch = new WatchOptions();

    @Mixin
    CoderOptions coderOptions = new CoderOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (status) {
            try (EventStore store = EventStore.openExisting(db)) {
                out.print(statusTable(store.watchLog(), Instant.now()));
                out.flush();
                return 0;
            }
        }
        List<WatchConfig.Source> sources = new ArrayList<>(watch.sources());
        if (example != null && !example.toFile().isDirectory()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--serve-example " + example
                    + ": no such folder");
        }
        if (sources.isEmpty() && example == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "nothing to watch: give --feed, "
                    + "--folder, --config or --serve-example");
        }
        coderOptions.check();
        ExampleFeed served = null;
        try (EventStore store = EventStore.open(db)) {
            if (example != null) {
                served = ExampleFeed.serve(example);
                err.println("serving " + example + " as " + served.feedUrl());
                sources.add(WatchConfig.source(WatchConfig.Kind.FEED, served.feedUrl(), "Faultline examples",
                        WatchConfig.duration(watch.interval), "en"));
            }
            ArticleCoder coder = coderOptions.build(err);
            PoliteClient client = watch.client();
            try (AlertDelivery delivery = watch.delivery(store, client, out, err)) {
                Watcher watcher = new Watcher(store, coder, client, sources, delivery, err,
                        org.faultline.ingest.ReadOptions.DEFAULT_MAX_BYTES);
                if (once) {
                    watcher.recover();
                    List<Watcher.Poll> polls = watcher.pollAll();
                    long failed = polls.stream().filter(p -> !p.ok()).count();
                    err.printf(Locale.ROOT, "watched %d sources once: %d items taken, %d failed; %d alerts in the "
                                    + "store%n", polls.size(), polls.stream().mapToInt(Watcher.Poll::taken).sum(),
                            failed, store.watchLog().alertCount());
                    return failed > 0 ? 1 : 0;
                }
                return runUntilStopped(watcher, err);
            }
        } finally {
            if (served != null) {
                served.close();
            }
        }
    }

    /** Runs the watcher on this thread until Ctrl-C (or SIGTERM), which stops it between items. */
    static int runUntilStopped(Watcher watcher, PrintWriter err) throws InterruptedException {
        Thread self = Thread.currentThread();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        Thread hook = new Thread(() -> {
            self.interrupt();
            try {
                done.await(java.util.concurrent.TimeUnit.SECONDS.toMillis(20), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "faultline-watch-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        err.println("watching; Ctrl-C stops");
        err.flush();
        try {
            watcher.run();
        } catch (InterruptedException e) {
            err.println("watch: stopped");
        } finally {
            done.countDown();
        }
        return 0;
    }

    /** The followed feeds as a table: source, outlet, last poll, last success, failures, items, items in the last hour, error. */
    static String statusTable(WatchLog log, Instant now) {
        StringBuilder b = new StringBuilder();
        List<WatchLog.FeedState> feeds = log.feeds();
        if (feeds.isEmpty()) {
            return "no feed or folder watched in this store yet\n";
        }
        b.append(String.format(Locale.ROOT, "%-50s %-20s %-20s %-20s %8s %6s %9s  %s%n", "source", "outlet",
                "last poll", "last success", "failures", "items", "items/h", "last error"));
        for (WatchLog.FeedState f : feeds) {
            b.append(String.format(Locale.ROOT, "%-50s %-20s %-20s %-20s %8d %6d %9d  %s%n", f.address(),
                    f.outlet() == null ? "-" : f.outlet(), ago(f.lastPoll(), now), ago(f.lastSuccess(), now),
                    f.failures(), f.items(), log.itemsSince(f.feedId(), now.minus(Duration.ofHours(1))),
                    f.lastError() == null ? "-" : f.lastError()));
        }
        b.append(String.format(Locale.ROOT, "%d alerts%n", log.alertCount()));
        return b.toString();
    }

    private static String ago(Instant t, Instant now) {
        if (t == null) {
            return "never";
        }
        long s = Math.max(0, Duration.between(t, now).toSeconds());
        return s < 120 ? s + " s ago" : s < 7200 ? s / 60 + " min ago" : s / 3600 + " h ago";
    }
}
