package org.faultline.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

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
}
