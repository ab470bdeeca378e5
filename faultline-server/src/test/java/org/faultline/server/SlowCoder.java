package org.faultline.server;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.faultline.coding.ArticleCoder;
import org.faultline.coding.CodingResult;
import org.faultline.model.Article;
import org.faultline.model.Failure;

/**
 * A stand-in coder that takes {@code millisPerSentence} per sentence (each '.') and, like the real one, stops
 * between sentences when its thread is interrupted. Counts what happened, for tests of the server's limits.
 */
final class SlowCoder implements ArticleCoder {
    final AtomicInteger started = new AtomicInteger();
    final AtomicInteger finished = new AtomicInteger();
    final AtomicInteger interrupted = new AtomicInteger();
    final CountDownLatch firstStarted = new CountDownLatch(1);
    final CountDownLatch firstStopped = new CountDownLatch(1);
    private final long millisPerSentence;

    SlowCoder(long millisPerSentence) {
        this.millisPerSentence = millisPerSentence;
    }

    @Override
    public CodingResult code(Article a) {
        started.incrementAndGet();
        firstStarted.countDown();
        try {
            long sentences = a.text().chars().filter(c -> c == '.').count();
            for (long i = 0; i < sentences; i++) {
                Thread.sleep(millisPerSentence);
            }
            finished.incrementAndGet();
            return new CodingResult(a, List.of(), (int) sentences, null, List.of());
        } catch (InterruptedException e) {
            interrupted.incrementAndGet();
            return new CodingResult(a, List.of(), 0, new Failure(a.origin(), a.id(), "code", "interrupted"));
        } finally {
            firstStopped.countDown();
        }
    }

    @Override
    public String version() {
        return "slow-test-coder";
    }
}
