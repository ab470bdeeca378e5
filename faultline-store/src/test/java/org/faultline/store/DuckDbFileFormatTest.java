package org.faultline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.faultline.model.Article;
import org.faultline.query.StoredDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files the store writes are readable by the DuckDB 1.x clients (DuckDB 1.5 reads storage versions 64 to 68):
 * checked in the storage version DuckDB writes into the file header and reports in {@code duckdb_databases()},
 * not only by opening the file with the DuckDB this build carries.
 */
class DuckDbFileFormatTest {
    /** Storage versions (file header) that DuckDB 1.5 reads. */
    private static final long OLDEST_READABLE = 64;
    private static final long NEWEST_READABLE = 68;

    @TempDir
    Path dir;

    @Test
    void aNewStoreIsWrittenInTheDuckDb14Format() throws IOException {
        Path file = dir.resolve("new.duckdb");
        try (EventStore s = EventStore.open(file.toString())) {
            s.writer().storeCoded(article(), List.of());
            assertThat(s.duckDbStorageVersion()).contains("v1.4.0+");
        }
        assertThat(headerStorageVersion(file)).isBetween(OLDEST_READABLE, NEWEST_READABLE);
    }

    @Test
    void aFileInTheNewerFormatStillOpensAndExportDbCopiesItToTheOldFormat() throws Exception {
        Path old = dir.resolve("old.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + old); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE marker (x INTEGER)");
        }
        long oldVersion = headerStorageVersion(old);
        assertThat(oldVersion).isGreaterThan(NEWEST_READABLE);

        Path copy = dir.resolve("copy.duckdb");
        try (EventStore s = EventStore.open(old.toString())) {
            s.writer().storeCoded(article(), List.of());
            assertThat(s.duckDbStorageVersion()).isPresent().get().isNotEqualTo("v1.4.0+");
            s.exportDuckDb(copy);
            assertThatThrownBy(() -> s.exportDuckDb(copy)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("will not overwrite");
        }
        assertThat(headerStorageVersion(old)).isEqualTo(oldVersion);
        assertThat(headerStorageVersion(copy)).isBetween(OLDEST_READABLE, NEWEST_READABLE);
        try (EventStore s = EventStore.openExisting(copy.toString())) {
            assertThat(s.duckDbStorageVersion()).contains("v1.4.0+");
            assertThat(s.queries().documents(10, 0)).extracting(StoredDocument::title).containsExactly("A title");
        }
    }

    private static Article article() {
        return new Article("d1", LocalDate.of(2024, 3, 1), "Russia attacked Ukraine.", "A title", "An outlet",
                "https://example.org/a", "test");
    }

    /** The storage version in a DuckDB file header: 8 bytes checksum, "DUCK", then a little-endian uint64. */
    private static long headerStorageVersion(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(b, 0);
            b.flip();
            byte[] magic = new byte[4];
            b.position(8);
            b.get(magic);
            assertThat(new String(magic, StandardCharsets.US_ASCII)).isEqualTo("DUCK");
            return b.getLong();
        }
    }
}
