package org.faultline.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.faultline.store.StoreUrl.Dialect;
import org.junit.jupiter.api.Test;

/** One migration source renders, per dialect, what the stores of that dialect ran and run. */
class MigrationsTest {
    private static final String RELEASED = "org/faultline/store/internal/released-migrations.tsv";

    /**
     * Every migration renders, on each dialect, the statements pinned in {@code released-migrations.tsv}: for
     * versions 1 to 9, the statements of the per-dialect scripts that existing stores were migrated with.
     */
    @Test
    void everyMigrationRendersThePinnedStatementsOnEachDialect() throws IOException {
        Map<String, String> pinned = released();
        Map<String, String> rendered = new TreeMap<>();
        for (Migrations.Migration m : Migrations.list()) {
            for (Dialect d : Dialect.values()) {
                List<String> sql = Migrations.statements(m, d);
                rendered.put(m.version() + "\t" + d.key(), sql.size() + "\t" + sha256(String.join("\n;\n", sql)));
            }
        }
        assertThat(rendered).as("version and dialect -> statements and SHA-256; a released migration never changes, "
                + "a new one needs its rows in " + RELEASED).isEqualTo(pinned);
        assertThat(pinned.keySet()).contains("9\tduckdb", "9\tpostgresql");
    }

    /** The one difference between the dialects today: PostgreSQL's row-store indexes of migration 1. */
    @Test
    void postgresqlAloneRunsTheRowStoreIndexesOfTheFirstMigration() {
        Migrations.Migration first = Migrations.list().get(0);
        List<String> postgres = new ArrayList<>(Migrations.statements(first, Dialect.POSTGRESQL));
        List<String> duckdb = Migrations.statements(first, Dialect.DUCKDB);
        assertThat(postgres.subList(0, duckdb.size())).isEqualTo(duckdb);
        assertThat(postgres.subList(duckdb.size(), postgres.size())).hasSize(11)
                .allSatisfy(s -> assertThat(s).startsWith("CREATE INDEX "))
                .contains("CREATE INDEX event_dyads_src ON event_dyads (src, dst, actor_level)");
        for (Migrations.Migration m : Migrations.list().subList(1, Migrations.list().size())) {
            assertThat(Migrations.statements(m, Dialect.POSTGRESQL)).as("V%d", m.version())
                    .isEqualTo(Migrations.statements(m, Dialect.DUCKDB));
        }
    }

    @Test
    void aSectionIsKeptForItsDialectAndLeftOutForTheOthers() {
        String script = "CREATE TABLE t (x INTEGER);\n"
                + "-- [postgresql] an index for the row store\n"
                + "CREATE INDEX t_x ON t (x);\n"
                + "-- [end]\n"
                + "  --  [duckdb]\n"
                + "CHECKPOINT;\n"
                + "-- [end] of DuckDB's\n"
                + "-- a comment [not a section]\n"
                + "CREATE VIEW v AS SELECT x FROM t;";
        assertThat(Migrations.render("t.sql", script, Dialect.POSTGRESQL)).isEqualTo("CREATE TABLE t (x INTEGER);\n"
                + "CREATE INDEX t_x ON t (x);\n"
                + "-- a comment [not a section]\n"
                + "CREATE VIEW v AS SELECT x FROM t;");
        assertThat(Migrations.statements(Migrations.render("t.sql", script, Dialect.DUCKDB)))
                .containsExactly("CREATE TABLE t (x INTEGER)", "CHECKPOINT", "CREATE VIEW v AS SELECT x FROM t");
    }

    @Test
    void aBrokenSectionIsRefusedWithItsLine() {
        assertThatThrownBy(() -> Migrations.render("V1.sql", "SELECT 1;\n-- [oracle]\nSELECT 2;\n-- [end]",
                Dialect.DUCKDB)).isInstanceOf(IllegalStateException.class)
                .hasMessage("V1.sql:2: no database dialect 'oracle'; expected one of [duckdb, postgresql] (or end)");
        assertThatThrownBy(() -> Migrations.render("V1.sql", "-- [duckdb]\n-- [postgresql]\n-- [end]\n-- [end]",
                Dialect.DUCKDB)).isInstanceOf(IllegalStateException.class)
                .hasMessage("V1.sql:2: a section for postgresql inside the section for duckdb opened on line 1; "
                        + "close that one first with -- [end]");
        assertThatThrownBy(() -> Migrations.render("V1.sql", "SELECT 1;\n-- [end]", Dialect.POSTGRESQL))
                .isInstanceOf(IllegalStateException.class).hasMessage("V1.sql:2: -- [end] closes no dialect section");
        assertThatThrownBy(() -> Migrations.render("V1.sql", "SELECT 1;\n-- [postgresql]\nSELECT 2;",
                Dialect.DUCKDB)).isInstanceOf(IllegalStateException.class)
                .hasMessage("V1.sql:2: the section for postgresql is never closed; end it with a line -- [end]");
    }

    /** The pinned rows: "version TAB dialect" to "statements TAB sha256". */
    private static Map<String, String> released() throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (InputStream in = MigrationsTest.class.getClassLoader().getResourceAsStream(RELEASED)) {
            assertThat(in).as(RELEASED).isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                assertThat(f).as("%s: %s", RELEASED, line).hasSize(4);
                out.put(f[0] + "\t" + f[1], f[2] + "\t" + f[3]);
            }
        }
        return out;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
