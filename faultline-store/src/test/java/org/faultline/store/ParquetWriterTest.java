package org.faultline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.faultline.store.ParquetWriter.Column;
import org.faultline.store.ParquetWriter.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parquet files written without Spark read back in DuckDB with the declared types, values and nulls. */
class ParquetWriterTest {
    @TempDir
    Path dir;

    private static final List<Column> COLUMNS = List.of(new Column("name", Type.VARCHAR),
            new Column("n", Type.INTEGER), new Column("big", Type.BIGINT), new Column("score", Type.DOUBLE),
            new Column("ok", Type.BOOLEAN), new Column("day", Type.DATE));

    @Test
    void rowsReadBackWithTheirTypesValuesAndNulls() throws Exception {
        Path file = dir.resolve("o'brien's rows.parquet");
        long n = ParquetWriter.write(file, COLUMNS, List.of(
                Arrays.asList("Kyiv, \"Ukraine\"\n", 3, 5_000_000_000L, 2.75, true, LocalDate.parse("2024-02-29")),
                Arrays.asList(null, null, null, null, null, null)).iterator());
        assertThat(n).isEqualTo(2);

        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            String source = "read_parquet('" + file.toString().replace("'", "''") + "')";
            Map<String, String> types = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM " + source)) {
                while (rs.next()) {
                    types.put(rs.getString("column_name"), rs.getString("column_type"));
                }
            }
            assertThat(types).containsExactly(Map.entry("name", "VARCHAR"), Map.entry("n", "INTEGER"),
                    Map.entry("big", "BIGINT"), Map.entry("score", "DOUBLE"), Map.entry("ok", "BOOLEAN"),
                    Map.entry("day", "DATE"));
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT name, n, big, score, ok, CAST(day AS VARCHAR) FROM " + source
                    + " ORDER BY n NULLS LAST")) {
                while (rs.next()) {
                    rows.add(Arrays.asList(rs.getObject(1), rs.getObject(2), rs.getObject(3), rs.getObject(4),
                            rs.getObject(5), rs.getObject(6)));
                }
            }
            assertThat(rows).containsExactly(
                    Arrays.asList("Kyiv, \"Ukraine\"\n", 3, 5_000_000_000L, 2.75, true, "2024-02-29"),
                    Arrays.asList(null, null, null, null, null, null));
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void noRowsIsAFileWithTheColumns() throws Exception {
        Path file = dir.resolve("empty.parquet");
        assertThat(ParquetWriter.write(file, COLUMNS, List.<List<Object>>of().iterator())).isZero();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(name) FROM read_parquet('" + file + "')")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isZero();
        }
    }

    @Test
    void aValueOfAnotherTypeIsRefusedNamingRowAndColumnAndNothingIsLeft() throws Exception {
        Path file = dir.resolve("bad.parquet");
        List<List<?>> rows = List.of(Arrays.asList("a", 1, 1L, 1.0, true, LocalDate.parse("2024-01-01")),
                Arrays.asList("b", "2", 1L, 1.0, true, LocalDate.parse("2024-01-01")));
        assertThatThrownBy(() -> ParquetWriter.write(file, COLUMNS, rows.iterator()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("row 1, column n (INTEGER): String value 2");
        assertThatThrownBy(() -> ParquetWriter.write(file, COLUMNS, List.of(List.of("short")).iterator()))
                .hasMessage("row 0 has 1 values for 6 columns");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void columnNamesAreSnakeCaseAndUnique() {
        assertThatThrownBy(() -> new Column("Event Id", Type.VARCHAR)).hasMessageContaining("'Event Id'");
        assertThatThrownBy(() -> ParquetWriter.write(dir.resolve("x.parquet"),
                List.of(new Column("a", Type.VARCHAR), new Column("a", Type.DATE)), List.<List<Object>>of().iterator()))
                .hasMessage("column a twice");
    }
}
