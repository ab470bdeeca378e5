package org.faultline.cli;

import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.faultline.coding.ArticleCoder;
import org.faultline.coding.CodingResult;
import org.faultline.ingest.ReadOutcome;
import org.faultline.model.Failure;

/**
 * Codes a stream of read outcomes on N threads and hands results back in input order, with a progress line
 * on stderr when it is a terminal. Read failures pass through as failed results. Not reusable.
 */
public final class CodingBatch {
    /** Counters of a finished batch. */
    public record Summary(int documents, int failed, int events, int sentences, double seconds) {
        public double docsPerSecond() {
            return seconds > 0 ? documents / seconds : 0;
        }

        public double sentencesPerSecond() {
            return seconds > 0 ? sentences / seconds : 0;
        }
    }

    /** One outcome: a coding result, or a read failure. */
    public record Item(CodingResult result, Failure readFailure) {
        public Failure failure() {
            return readFailure != null ? readFailure : result.failure();
        }
    }

    private final ArticleCoder coder;
    private final int threads;
    private final PrintWriter err;
    private final boolean progress;
    private long expected = -1;

    public CodingBatch(ArticleCoder coder, int threads, PrintWriter err) {
        this.coder = coder;
        this.threads = Math.max(1, threads);
        this.err = err;
        this.progress = System.console() != null && !"true".equals(System.getenv("CI"));
    }

    /** The number of documents to expect (for the ETA), or -1 when unknown. */
    public CodingBatch expecting(long documents) {
        this.expected = documents;
        return this;
    }

    public Summary run(Stream<ReadOutcome> input, Consumer<Item> sink) {
        long t0 = System.nanoTime();
        int docs = 0;
        int failed = 0;
        int events = 0;
        int sentences = 0;
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "coder");
            t.setDaemon(true);
            return t;
        });
        Deque<Future<Item>> window = new ArrayDeque<>();
        try (Stream<ReadOutcome> in = input) {
            Iterator<ReadOutcome> it = in.iterator();
            while (it.hasNext() || !window.isEmpty()) {
                while (it.hasNext() && window.size() < threads * 4) {
                    ReadOutcome o = it.next();
                    if (o instanceof ReadOutcome.Read r) {
                        window.add(pool.submit(() -> new Item(coder.code(r.article()), null)));
                    } else if (o instanceof ReadOutcome.Failed f) {
                        window.add(java.util.concurrent.CompletableFuture.completedFuture(new Item(null, f.failure())));
                    }
                }
                Item item = take(window.poll());
                docs++;
                if (item.failure() != null) {
                    failed++;
                    err.println("error: " + item.failure().message());
                } else {
                    events += item.result().events().size();
                    sentences += item.result().sentences();
                }
                sink.accept(item);
                if (progress && (docs % 5 == 0 || docs == expected)) {
                    double s = (System.nanoTime() - t0) / 1e9;
                    double rate = docs / s;
                    if (expected > 0) {
                        int width = 30;
                        int done = (int) Math.min(width, width * docs / expected);
                        long eta = rate > 0 ? (long) ((expected - docs) / rate) : 0;
                        err.printf("\r[%s%s] %d/%d documents, %d events, %.1f docs/s, ETA %d:%02d ",
                                "#".repeat(done), " ".repeat(width - done), docs, expected, events, rate, eta / 60,
                                eta % 60);
                    } else {
                        err.printf("\r%d documents, %d events, %.1f docs/s ", docs, events, rate);
                    }
                    err.flush();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (progress) {
            err.print("\r");
        }
        return new Summary(docs, failed, events, sentences, (System.nanoTime() - t0) / 1e9);
    }

    private static Item take(Future<Item> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("coder crashed: " + e.getCause(), e.getCause());
        }
    }
}
