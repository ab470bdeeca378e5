package org.faultline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store contract on a real PostgreSQL server, when {@code FAULTLINE_TEST_PG_URL} names one (e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/faultline_test?user=postgres}); skipped otherwise. Each store is a
 * fresh schema of that database.
 */
class PostgresEventStoreTest extends EventStoreContract {
    static final String ENV = "FAULTLINE_TEST_PG_URL";

    @BeforeAll
    static void needsServer() {
        Assumptions.assumeTrue(System.getenv(ENV) != null && !System.getenv(ENV).isBlank(),
                ENV + " is not set; PostgreSQL tests skipped");
    }

    static String freshSchemaUrl() throws Exception {
        String base = System.getenv(ENV);
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String jdbc = StoreUrl.parse(base).jdbcUrl();
        try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return jdbc + (jdbc.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    String newStoreUrl() throws Exception {
        return freshSchemaUrl();
    }

    /**
     * DuckDB's names of the column types the migrations use, by PostgreSQL's; PostgreSQL's lower() of a VARCHAR, in
     * the views, is text, which is VARCHAR without a length there too.
     */
    private static final Map<String, String> DUCKDB_TYPES = Map.of("character varying", "VARCHAR", "text", "VARCHAR",
            "double precision", "DOUBLE", "integer", "INTEGER", "bigint", "BIGINT", "boolean", "BOOLEAN", "date", "DATE",
            "timestamp without time zone", "TIMESTAMP");

    /**
     * One migration source makes one schema on both databases: the same tables and views, with the same columns in
     * the same order, of the same types (each database naming them its way) and nullability.
     */
    @Test
    void theSchemaIsTheSameAsOnDuckDb(@TempDir Path dir) throws Exception {
        Map<String, List<List<String>>> postgres;
        Map<String, List<List<String>>> duckdb;
        try (EventStore store = EventStore.open(freshSchemaUrl())) {
            postgres = schema(store);
        }
        try (EventStore store = EventStore.open(dir.resolve("same.duckdb").toString())) {
            duckdb = schema(store);
        }
        List<List<String>> columns = new ArrayList<>();
        for (List<String> c : postgres.get("columns")) {
            String type = DUCKDB_TYPES.get(c.get(2));
            assertThat(type).as("DuckDB's name of %s", c).isNotNull();
            columns.add(List.of(c.get(0), c.get(1), type, c.get(3)));
        }
        assertThat(columns).isEqualTo(duckdb.get("columns"));
        assertThat(postgres.get("tables")).isEqualTo(duckdb.get("tables")).hasSizeGreaterThan(10);
    }
}
