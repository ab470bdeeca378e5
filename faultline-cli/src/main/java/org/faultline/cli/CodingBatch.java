package org.faultline.cli;

import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.faultline.coding.ArticleCoder;
import org.faultline.coding.CodingResult;
import org.faultline.ingest.ReadOutcome;
import org.faultline.model.Failure;

/**
 * Codes a stream of read outcomes on N threads and hands results back in input order, with a progress line
 * on stderr when it is a terminal. Read failures pass through as failed results; a document the sink cannot
 * take (storing it failed) is counted and reported as failed too, and the batch goes on. Not reusable.
 */
public final class CodingBatch {
    /** Counters of a finished batch; {@code warnings} are the coder's, about parts of documents left uncoded. */
    public record Summary(int documents, int failed, int events, int sentences, int warnings, double seconds) {
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

    /** Takes each item in input order. */
    @FunctionalInterface
    public interface Sink {
        /**
         * Handles one item (stores it, prints it); returns {@code null}, or the failure of a later stage (such as
         * {@code store}) when the item's document could not be handled, which the batch counts and reports.
         */
        Failure accept(Item item);
    }

    private final ArticleCoder coder;
    private final int threads;
    private final PrintWriter err;
    private final boolean progress;
    private long expected = -1;
    private boolean printWarnings;
    private java.util.function.Function<org.faultline.model.Article, String> preceding = a -> null;

    public CodingBatch(ArticleCoder coder, int threads, PrintWriter err) {
        this.coder = coder;
        this.threads = Math.max(1, threads);
        this.err = err;
        this.progress = System.console() != null && !"true".equals(System.getenv("CI"));
    }

    /** The coder of this batch, for a document that must be coded again on the calling thread. */
    public ArticleCoder coder() {
        return coder;
    }

    /** The number of documents to expect (for the ETA), or -1 when unknown. */
    public CodingBatch expecting(long documents) {
        this.expected = documents;
        return this;
    }

    /** Prints each coding warning on stderr ({@code warning: ...}) as its document comes out. */
    public CodingBatch printingWarnings() {
        this.printWarnings = true;
        return this;
    }

    /**
     * Codes each article after the earlier text of its narrative that this function gives ({@code null}: none), read
     * for context only ({@link ArticleCoder#code(org.faultline.model.Article, String)}). The function is called once
     * per article, in input order, on the calling thread.
     */
    public CodingBatch withPreceding(java.util.function.Function<org.faultline.model.Article, String> precedingText) {
        this.preceding = java.util.Objects.requireNonNull(precedingText, "precedingText");
        return this;
    }

    public Summary run(Stream<ReadOutcome> input, Sink sink) {
        long t0 = System.nanoTime();
        int docs = 0;
        int failed = 0;
        int events = 0;
        int sentences = 0;
        int warnings = 0;
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
                        window.add(pool.submit(() -> new Item(coder.code(r.article(), preceding.apply(r.article())), null)));
                    } else if (o instanceof ReadOutcome.Failed f) {
                        window.add(java.util.concurrent.CompletableFuture.completedFuture(new Item(null, f.failure())));
                    }
                }
                Item item = take(window.poll());
                docs++;
                Failure later = sink.accept(item);
                Failure failure = item.failure() != null ? item.failure() : later;
                if (failure != null) {
                    failed++;
                    err.println("error: " + failure.message());
                } else {
                    events += item.result().events().size();
                    sentences += item.result().sentences();
                }
                if (item.result() != null) {
                    warnings += item.result().warnings().size();
                    if (printWarnings) {
                        item.result().warnings().forEach(w -> err.println("warning: " + w.message()));
                    }
                }
                if (progress && (docs % 5 == 0 || docs == expected)) {
                    double s = (System.nanoTime() - t0) / 1e9;
                    double rate = docs / s;
                    if (expected > 0) {
                        int width = 30;
                        int done = (int) Math.min(width, width * docs / expected);
                        long eta = rate > 0 ? (long) ((expected - docs) / rate) : 0;
                        err.printf(Locale.ROOT, "\r[%s%s] %d/%d documents, %d events, %.1f docs/s, ETA %d:%02d ",
                                "#".repeat(done), " ".repeat(width - done), docs, expected, events, rate, eta / 60,
                                eta % 60);
                    } else {
                        err.printf(Locale.ROOT, "\r%d documents, %d events, %.1f docs/s ", docs, events, rate);
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
        return new Summary(docs, failed, events, sentences, warnings, (System.nanoTime() - t0) / 1e9);
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
