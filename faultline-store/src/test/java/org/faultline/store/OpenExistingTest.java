package org.faultline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readers open a store that exists; only writers create one. */
class OpenExistingTest {
    @TempDir
    Path dir;

    @Test
    void aMissingFileIsRefusedByNameAndNotCreated() {
        Path missing = dir.resolve("typo.duckdb");
        assertThatThrownBy(() -> EventStore.openExisting(missing.toString())).isInstanceOf(StoreException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> EventStore.openExisting("jdbc:duckdb:" + missing)).isInstanceOf(StoreException.class)
                .hasMessageContaining(missing.toString());
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void anExistingStoreOpens() {
        String url = dir.resolve("s.duckdb").toString();
        EventStore.open(url).close();
        try (EventStore s = EventStore.openExisting(url)) {
            assertThat(s.queries().eventCount()).isZero();
        }
    }
}
