package org.faultline.store;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Times {@link EventWriter#storeCoded} (one transaction per document, with incremental merging) on generated
 * documents of one to four events each. Not a unit test: run by hand with a file path and a document count;
 * prints documents per second.
 */
public final class IngestBenchmark {
    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        Files.deleteIfExists(file);
        try (EventStore store = EventStore.open(file.toString())) {
            long t0 = System.nanoTime();
            IngestChild.ingest(store, n, null);
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("stored %d documents (%d events, %d stories of 2+ mentions) in %.1f s: %.0f documents/s%n",
                    store.queries().documentCount(), store.queries().eventCount(), store.merger().stories(0).size(),
                            s, n / s);
        }
    }
}
