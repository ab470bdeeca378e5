package org.faultline.server;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.faultline.coding.ArticleCoder;
import org.faultline.coding.CodingResult;
import org.faultline.model.Article;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the coder for requests anyone may send, within {@link CodingLimits}: a text over the size limit is refused
 * (413), a request beyond the concurrency limit is refused at once (429 with {@code Retry-After}), and coding that
 * outlasts the time budget or whose client has gone away is stopped by interrupting its thread (CoreNLP's sentence
 * annotators and the coder's sentence loop check the interrupt). A slot is given back only when the coding thread
 * has really stopped, so abandoned work never adds up. Thread-safe; {@link #close()} stops the threads.
 */
final class CodingGate implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CodingGate.class);
    private static final long POLL_MILLIS = 100;

    private final CodingLimits limits;
    private final Semaphore slots;
    private final ExecutorService threads;

    CodingGate(CodingLimits limits) {
        this.limits = limits;
        this.slots = new Semaphore(limits.concurrency());
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(limits.concurrency(), r -> {
            Thread t = new Thread(r, "faultline-code-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    CodingLimits limits() {
        return limits;
    }

    /** Whether {@code bytes} (of a body or a text) are over the coding size limit. */
    boolean overLimit(long bytes) {
        return bytes > limits.maxBytes();
    }

    /** A 413 unless {@code bytes} (of a body or a text) is within the coding size limit. */
    void checkSize(long bytes) {
        if (overLimit(bytes)) {
            throw new ApiException(413, List.of("the text is " + bytes + " bytes; this server codes texts of at most "
                    + limits.maxBytes() + " bytes per request (--max-code-kb); split it, or ingest it with the token"));
        }
    }

    /**
     * Codes {@code article} with the coder {@code coder} supplies (built, if need be, before the clock starts).
     *
     * @param clientGone polled while coding; true stops the coding
     * @throws ApiException 429 when every slot is taken, 503 when the budget ran out, 499 when the client left
     */
    CodingResult code(Supplier<ArticleCoder> coder, Article article, BooleanSupplier clientGone) {
        checkSize(article.text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        if (!slots.tryAcquire()) {
            long retry = Math.max(1, limits.budget().toSeconds() / 2);
            throw new ApiException(429, List.of("the server is already coding " + limits.concurrency()
                    + (limits.concurrency() == 1 ? " text" : " texts") + "; try again in " + retry + " s"),
                    Map.of("Retry-After", Long.toString(retry)));
        }
        AtomicBoolean started = new AtomicBoolean();
        Future<CodingResult> job;
        try {
            ArticleCoder c = coder.get();
            job = threads.submit(() -> {
                if (!started.compareAndSet(false, true)) {
                    return null;
                }
                try {
                    return c.code(article);
                } finally {
                    slots.release();
                }
            });
        } catch (RuntimeException | Error e) {
            slots.release();
            throw e;
        }
        long deadline = System.nanoTime() + limits.budget().toNanos();
        try {
            while (true) {
                try {
                    return job.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (clientGone.getAsBoolean()) {
                        stop(job, started);
                        LOG.info("stopped coding {} ({} characters): the client went away", article.id(),
                                article.text().length());
                        throw new ApiException(499, List.of("the client closed the connection; coding stopped"));
                    }
                    if (System.nanoTime() - deadline > 0) {
                        stop(job, started);
                        LOG.info("stopped coding {} ({} characters) after the budget of {}", article.id(),
                                article.text().length(), limits.budget());
                        throw new ApiException(503, List.of("coding this text took longer than this server's budget"
                                + " of " + seconds(limits.budget()) + " per request, so it was stopped; send a shorter"
                                + " text, or ingest it with the token"));
                    }
                }
            }
        } catch (InterruptedException e) {
            stop(job, started);
            Thread.currentThread().interrupt();
            throw new ApiException(503, List.of("the server is stopping; coding was stopped"));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (CancellationException e) {
            throw new ApiException(503, List.of("coding was cancelled"));
        }
    }

    /** Interrupts the coding thread; a job that never started gives its slot back here. */
    private void stop(Future<CodingResult> job, AtomicBoolean started) {
        job.cancel(true);
        if (started.compareAndSet(false, true)) {
            slots.release();
        }
    }

    /** Slots free now (for tests). */
    int freeSlots() {
        return slots.availablePermits();
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
