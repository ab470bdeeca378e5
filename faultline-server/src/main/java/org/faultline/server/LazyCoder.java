package org.faultline.server;

import java.util.Objects;
import java.util.function.Supplier;
import org.faultline.coding.ArticleCoder;

/**
 * Builds the coder on first use and keeps it: loading the NLP models takes seconds and gigabytes, which a
 * server that is only browsed should not pay. Thread-safe; the factory runs at most once successfully (a
 * failed load is retried by the next request).
 */
final class LazyCoder implements Supplier<ArticleCoder> {
    private final Supplier<ArticleCoder> factory;
    private volatile ArticleCoder coder;

    LazyCoder(Supplier<ArticleCoder> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public ArticleCoder get() {
        ArticleCoder c = coder;
        if (c == null) {
            synchronized (this) {
                c = coder;
                if (c == null) {
                    c = Objects.requireNonNull(factory.get(), "the coder factory returned null");
                    coder = c;
                }
            }
        }
        return c;
    }
}
