package org.faultline.store;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.faultline.store.internal.RowSink;

/**
 * Writes rows of typed columns as one Parquet file, without Spark: the rows are staged in an in-memory DuckDB (the
 * engine the store module already carries) and written by its {@code COPY ... (FORMAT PARQUET)}, so the file
 * reads in DuckDB, pandas/pyarrow and Spark with the declared column types. Independent of where the rows come
 * from (a DuckDB or a PostgreSQL store). Stateless; each call opens and closes its own in-memory database.
 */
public final class ParquetWriter {
    /** Column types, with the Java value each takes (or {@code null}). */
    public enum Type {
        VARCHAR(String.class), INTEGER(Integer.class), BIGINT(Long.class), DOUBLE(Double.class),
        BOOLEAN(Boolean.class), DATE(LocalDate.class);

        private final Class<?> javaType;

        Type(Class<?> javaType) {
            this.javaType = javaType;
        }
    }

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    /**
     * One column.
     *
     * @param name lower-case snake_case ({@code event_id}), the name other tools see
     * @param type its type
     */
    public record Column(String name, Type type) {
        public Column {
            Objects.requireNonNull(type, "type of column " + name);
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("column name '" + name + "' is not lower-case snake_case "
                        + "(letters, digits, _; not starting with a digit)");
            }
        }
    }

    private ParquetWriter() {
    }

    /**
     * Writes {@code rows} to {@code file}, replacing it. The file appears whole or not at all: it is written next
     * to the target under a temporary name and moved into place.
     *
     * @param rows each row one value per column, in column order, of the column's Java type or {@code null}
     * @return the number of rows written
     * @throws IllegalArgumentException when there are no columns, two have one name, or a row does not fit them
     *                                  (naming the row, the column and the value)
     * @throws StoreException           when DuckDB cannot stage or write the rows, or the file cannot be moved
     *                                  into place (naming the file)
     */
    public static long write(Path file, List<Column> columns, Iterator<? extends List<?>> rows) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a Parquet file needs at least one column");
        }
        Set<String> names = new HashSet<>();
        List<String> ddl = new ArrayList<>();
        for (Column c : columns) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("column " + c.name() + " twice");
            }
            ddl.add(c.name() + " " + c.type().name());
        }
        Path target = file.toAbsolutePath();
        Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
        long n = 0;
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = duck.createStatement()) {
            st.execute("CREATE TABLE staged (" + String.join(", ", ddl) + ")");
            try (RowSink sink = RowSink.appender(duck, "staged")) {
                while (rows.hasNext()) {
                    List<?> row = rows.next();
                    check(row, n, columns);
                    sink.row(row.toArray());
                    n++;
                }
            }
            st.execute("COPY staged TO '" + partial.toString().replace("'", "''") + "' (FORMAT PARQUET)");
        } catch (SQLException e) {
            deleteQuietly(partial, e);
            throw new StoreException("cannot write Parquet file " + file + " (after " + n + " rows)", e);
        } catch (RuntimeException e) {
            deleteQuietly(partial, e);
            throw e;
        }
        try {
            try {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(partial, e);
            throw new StoreException("cannot move the Parquet file into place at " + file, e);
        }
        return n;
    }

    private static void check(List<?> row, long index, List<Column> columns) {
        if (row.size() != columns.size()) {
            throw new IllegalArgumentException("row " + index + " has " + row.size() + " values for "
                    + columns.size() + " columns");
        }
        for (int i = 0; i < row.size(); i++) {
            Object v = row.get(i);
            Column c = columns.get(i);
            if (v != null && !c.type().javaType.isInstance(v)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "row %d, column %s (%s): %s value %s",
                        index, c.name(), c.type(), v.getClass().getSimpleName(), v));
            }
        }
    }

    private static void deleteQuietly(Path partial, Exception cause) {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException suppressed) {
            cause.addSuppressed(suppressed);
        }
    }
}
