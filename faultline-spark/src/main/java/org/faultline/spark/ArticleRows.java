package org.faultline.spark;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.faultline.ingest.PublicationDates;
import org.faultline.ingest.ReadOutcome;
import org.faultline.model.Article;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * Articles as Spark rows: reading JSON Lines or Parquet with {@code id}, {@code date}, {@code text} and optional
 * {@code title}, {@code source}, {@code url} into the columns of {@link #SCHEMA}, and turning one such row into an
 * {@link Article} with the same rules as the command line's JSON Lines reader (fields stripped, blank means
 * absent, the same date forms), or into a failure of stage {@code read}. Immutable and serialisable.
 */
public final class ArticleRows implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What every input is brought to before coding: all text, plus where it came from. */
    public static final StructType SCHEMA = new StructType()
            .add("id", DataTypes.StringType)
            .add("date", DataTypes.StringType)
            .add("text", DataTypes.StringType)
            .add("title", DataTypes.StringType)
            .add("source", DataTypes.StringType)
            .add("url", DataTypes.StringType)
            .add("origin", DataTypes.StringType)
            .add("corrupt", DataTypes.StringType);

    private static final String CORRUPT = "_corrupt_record";
    private static final String[] FIELDS = {"id", "date", "text", "title", "source", "url"};

    private final LocalDate defaultDate;
    private final long maxBytes;

    /**
     * @param defaultDate date for articles without one (as the command line's {@code --date}), or {@code null}
     * @param maxBytes    texts longer than this many UTF-8 bytes fail (as the command line's {@code --max-bytes})
     */
    public ArticleRows(LocalDate defaultDate, long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes is " + maxBytes + "; it must be positive");
        }
        this.defaultDate = defaultDate;
        this.maxBytes = maxBytes;
    }

    /** Input format of {@link #read}. */
    public enum Format { JSONL, PARQUET }

    /**
     * Reads {@code path} (a file, a folder or a glob) into rows of {@link #SCHEMA}. JSON Lines lines that are
     * not JSON keep their text in {@code corrupt}; Parquet columns that are absent read as null.
     */
    public static Dataset<Row> read(SparkSession spark, String path, Format format) {
        Dataset<Row> raw;
        if (format == Format.PARQUET) {
            raw = spark.read().parquet(path);
        } else {
            StructType json = new StructType();
            for (String f : FIELDS) {
                json = json.add(f, DataTypes.StringType);
            }
            json = json.add(CORRUPT, DataTypes.StringType);
            raw = spark.read().schema(json).option("mode", "PERMISSIVE").option("columnNameOfCorruptRecord", CORRUPT)
                    .json(path);
        }
        java.util.Set<String> present = java.util.Set.of(raw.columns());
        Column[] cols = new Column[FIELDS.length + 2];
        for (int i = 0; i < FIELDS.length; i++) {
            String f = FIELDS[i];
            cols[i] = (present.contains(f) ? col(f).cast(DataTypes.StringType) : lit(null).cast(DataTypes.StringType))
                    .as(f);
        }
        cols[FIELDS.length] = col("_metadata.file_path").as("origin");
        cols[FIELDS.length + 1] = (present.contains(CORRUPT) ? col(CORRUPT) : lit(null).cast(DataTypes.StringType))
                .as("corrupt");
        return raw.select(cols);
    }

    /** The article of a row of {@link #SCHEMA}, or the read failure that stands for it. */
    public ReadOutcome toArticle(Row row) {
        String origin = row.getString(6) == null ? "-" : row.getString(6);
        if (row.getString(7) != null) {
            return fail(origin, null, "malformed JSON: " + abbreviate(row.getString(7)));
        }
        String id = field(row, 0);
        if (id == null) {
            return fail(origin, null, "has no \"id\"");
        }
        String text = field(row, 2);
        if (text == null) {
            return fail(origin, id, "has no \"text\"");
        }
        long bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxBytes) {
            return fail(origin, id, "text is " + bytes + " bytes, more than the limit of " + maxBytes);
        }
        String rawDate = field(row, 1);
        LocalDate date;
        if (rawDate == null) {
            if (defaultDate == null) {
                return fail(origin, id, "no date: give --date YYYY-MM-DD or a \"date\" field");
            }
            date = defaultDate;
        } else {
            Optional<LocalDate> parsed = PublicationDates.parse(rawDate);
            if (parsed.isEmpty()) {
                return fail(origin, id, "date '" + rawDate
                        + "' is not a date (use YYYY-MM-DD, or a form like '14 November 2024')");
            }
            date = parsed.get();
        }
        return new ReadOutcome.Read(new Article(id, date, text, field(row, 3), field(row, 4), field(row, 5), origin));
    }

    private static ReadOutcome fail(String origin, String docId, String reason) {
        return ReadOutcome.failed(origin, docId, reason);
    }

    /** A column stripped, null when absent or blank: what the command line's reader does with JSON fields. */
    private static String field(Row row, int i) {
        String v = row.getString(i);
        if (v == null) {
            return null;
        }
        String s = v.strip();
        return s.isEmpty() ? null : s;
    }

    private static String abbreviate(String s) {
        String one = s.strip().replace('\n', ' ');
        return one.length() <= 60 ? one : one.substring(0, 60) + "...";
    }
}
