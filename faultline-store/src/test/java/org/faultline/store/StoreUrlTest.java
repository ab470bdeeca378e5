package org.faultline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.faultline.store.StoreUrl.Dialect;
import org.junit.jupiter.api.Test;

class StoreUrlTest {
    @Test
    void defaultIsTheEmbeddedFile() {
        assertThat(StoreUrl.parse(null)).isEqualTo(new StoreUrl(Dialect.DUCKDB, "jdbc:duckdb:faultline.duckdb",
                "faultline.duckdb"));
        assertThat(StoreUrl.parse("data/x.duckdb").jdbcUrl()).isEqualTo("jdbc:duckdb:data/x.duckdb");
        assertThat(StoreUrl.parse("jdbc:duckdb:/tmp/y.duckdb").dialect()).isEqualTo(Dialect.DUCKDB);
    }

    @Test
    void postgresUrlsBecomeJdbcWithoutShowingThePassword() {
        StoreUrl u = StoreUrl.parse("postgresql://ana:s3cret@db.example:5433/events");
        assertThat(u.dialect()).isEqualTo(Dialect.POSTGRESQL);
        assertThat(u.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5433/events?user=ana&password=s3cret");
        assertThat(u.display()).doesNotContain("s3cret");
        assertThat(StoreUrl.parse("postgresql://ana@localhost/ev?sslmode=disable").jdbcUrl())
                .isEqualTo("jdbc:postgresql://localhost/ev?sslmode=disable&user=ana");
        assertThat(StoreUrl.parse("jdbc:postgresql://h/db?user=x&password=y").display()).doesNotContain("=y");
    }

    @Test
    void unknownJdbcUrlsAreRefusedWithTheAcceptedForms() {
        assertThatThrownBy(() -> StoreUrl.parse("jdbc:mysql://h/db")).hasMessageContaining("jdbc:mysql://h/db")
                .hasMessageContaining("postgresql://user@host:port/db");
        assertThatThrownBy(() -> StoreUrl.parse("postgresql:///db")).hasMessageContaining("names no host");
    }

    @Test
    void theDuckdbFileIsNamedWithoutOptionsAndNoneForMemoryOrPostgres() {
        assertThat(StoreUrl.parse("data/x.duckdb").duckdbFile()).contains(java.nio.file.Path.of("data/x.duckdb"));
        assertThat(StoreUrl.parse("jdbc:duckdb:x.duckdb?threads=2").duckdbFile())
                .contains(java.nio.file.Path.of("x.duckdb"));
        assertThat(StoreUrl.parse(null).duckdbFile()).contains(java.nio.file.Path.of(StoreUrl.DEFAULT_FILE));
        assertThat(StoreUrl.parse("jdbc:duckdb:").duckdbFile()).isEmpty();
        assertThat(StoreUrl.parse("jdbc:duckdb::memory:").duckdbFile()).isEmpty();
        assertThat(StoreUrl.parse("postgresql://ana@localhost/ev").duckdbFile()).isEmpty();
    }
}
