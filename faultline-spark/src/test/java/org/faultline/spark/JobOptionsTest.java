package org.faultline.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class JobOptionsTest {
    private static JobOptions parse(String... args) {
        return JobOptions.parse("CodingJob", args, CodingJob.NAMES, CodingJob.FLAGS);
    }

    @Test
    void readsValuesFlagsAndInlineValues() {
        JobOptions o = parse("--input", "in.jsonl", "--output=out", "--overwrite", "--partitions", "8");
        assertThat(o.require("input")).isEqualTo("in.jsonl");
        assertThat(o.require("output")).isEqualTo("out");
        assertThat(o.flag("overwrite")).isTrue();
        assertThat(o.flag("warm-up")).isFalse();
        assertThat(o.positiveInt("partitions", 0)).isEqualTo(8);
        assertThat(o.get("master", "local[2]")).isEqualTo("local[2]");
    }

    @Test
    void unknownNamesAreRefusedWithTheValidOnes() {
        assertThatThrownBy(() -> parse("--inptu", "x")).hasMessage("CodingJob: unknown argument '--inptu'; expected "
                + "--date, --format, --input, --master, --max-bytes, --output, --overwrite, --partitions, --warm-up, "
                + "--warm-up-input");
    }

    @Test
    void badValuesNameTheOptionAndWhatIsAccepted() {
        assertThatThrownBy(() -> parse("--input")).hasMessage("CodingJob: --input needs a value");
        assertThatThrownBy(() -> parse("--input", "a", "--input", "b")).hasMessage("CodingJob: --input given twice");
        assertThatThrownBy(() -> parse("--partitions", "0").positiveInt("partitions", 1))
                .hasMessage("CodingJob: --partitions is '0'; expected a positive integer");
        assertThatThrownBy(() -> CodingJob.settings(parse("--input", "a", "--output", "b", "--format", "csv")))
                .hasMessage("CodingJob: --format is 'csv'; expected one of auto, jsonl, parquet");
        assertThatThrownBy(() -> CodingJob.settings(parse("--output", "b")))
                .hasMessage("CodingJob: --input is required");
        assertThatThrownBy(() -> JobOptions.parse("AggregateJob", new String[] {"x"}, Set.of("input"), Set.of()))
                .hasMessage("AggregateJob: unknown argument 'x'; expected --input");
    }

    @Test
    void formatFollowsThePath() {
        assertThat(CodingJob.formatOf("/data/articles.parquet")).isEqualTo(ArticleRows.Format.PARQUET);
        assertThat(CodingJob.formatOf("/data/articles.jsonl")).isEqualTo(ArticleRows.Format.JSONL);
    }
}
