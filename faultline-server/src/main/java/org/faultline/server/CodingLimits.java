package org.faultline.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How much coding {@code POST /api/code} may ask of the server, which needs no token: the largest text, the time
 * one request may take, and how many texts are coded at once.
 *
 * @param maxBytes    largest text coded, in bytes of UTF-8 (larger ones get 413); far below the ingest limit
 * @param budget      time one request may code before it is stopped (503)
 * @param concurrency texts coded at the same time; one more is refused (429 with Retry-After)
 */
public record CodingLimits(long maxBytes, Duration budget, int concurrency) {
    public static final long DEFAULT_MAX_BYTES = 100L * 1024;
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(30);
    public static final int DEFAULT_CONCURRENCY = 2;
    public static final CodingLimits DEFAULTS = new CodingLimits(DEFAULT_MAX_BYTES, DEFAULT_BUDGET, DEFAULT_CONCURRENCY);

    public CodingLimits {
        List<String> problems = new ArrayList<>();
        if (maxBytes < 1024) {
            problems.add("largest text to code " + maxBytes + " bytes is below 1024");
        }
        if (budget == null || budget.isNegative() || budget.isZero()) {
            problems.add("coding time budget " + budget + " is not positive");
        }
        if (concurrency < 1 || concurrency > 64) {
            problems.add("coding concurrency " + concurrency + " is not in 1..64");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    public CodingLimits withMaxBytes(long n) {
        return new CodingLimits(n, budget, concurrency);
    }

    public CodingLimits withBudget(Duration d) {
        return new CodingLimits(maxBytes, d, concurrency);
    }

    public CodingLimits withConcurrency(int n) {
        return new CodingLimits(maxBytes, budget, n);
    }
}
