package org.faultline.store;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

class DuckDbEventStoreTest extends EventStoreContract {
    @TempDir
    Path dir;
    private final AtomicInteger n = new AtomicInteger();

    @Override
    String newStoreUrl() {
        return dir.resolve("store" + n.incrementAndGet() + ".duckdb").toString();
    }
}
