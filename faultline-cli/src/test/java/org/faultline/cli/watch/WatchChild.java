package org.faultline.cli.watch;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.faultline.store.EventStore;

/** A watcher in its own process, for {@link WatchCrashTest}: args store, feed URL, alerts file; polls the feed once. */
public final class WatchChild {
    private WatchChild() {
    }

    public static void main(String[] args) throws Exception {
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        try (EventStore store = EventStore.open(args[0])) {
            PoliteClient client = new PoliteClient(Duration.ZERO, Duration.ofSeconds(10), 1 << 20);
            try (AlertDelivery d = new AlertDelivery(store.watchLog(), null, Path.of(args[2]), null, client, err)) {
                Watcher w = new Watcher(store, new PhraseCoder(), client, List.of(WatchConfig.source(
                        WatchConfig.Kind.FEED, args[1], "Child", Duration.ofSeconds(1), "en")), d, err, 1 << 20);
                w.recover();
                w.pollAll();
            }
        }
        err.println("done");
    }
}
