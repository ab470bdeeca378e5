package org.faultline.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobOptionsTest {
    @TempDir
    Path dir;

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
                + "--date, --format, --gate, --input, --kb, --master, --max-bytes, --output, --overwrite, --partitions, "
                + "--warm-up, --warm-up-input");
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
    void theGateIsTheCommandLinesSettingAndABadOneIsNamed() {
        assertThat(CodingJob.settings(parse("--input", "a", "--output", "b", "--gate", "0.4")).gate())
                .isEqualTo(new org.faultline.gate.GateSetting(true, 0.4));
        assertThat(CodingJob.settings(parse("--input", "a", "--output", "b", "--gate", "on")).gate())
                .isEqualTo(org.faultline.gate.GateSetting.ON);
        assertThatThrownBy(() -> CodingJob.settings(parse("--input", "a", "--output", "b", "--gate", "maybe")))
                .hasMessageStartingWith("CodingJob: --gate: unknown gate setting 'maybe'");
    }

    @Test
    void formatFollowsThePath() {
        assertThat(CodingJob.formatOf("/data/articles.parquet")).isEqualTo(ArticleRows.Format.PARQUET);
        assertThat(CodingJob.formatOf("/data/articles.jsonl")).isEqualTo(ArticleRows.Format.JSONL);
    }

    /**
     * --kb reads the overlay on the driver: its .tsv files with a digest, checked over the bundled knowledge base,
     * so that a bad row stops the job with file:line before Spark starts; without --kb there is none to ship.
     */
    @Test
    void kbReadsAndChecksTheOverlayOnTheDriver() throws Exception {
        Path kb = Files.createDirectories(dir.resolve("kb"));
        Files.writeString(kb.resolve("organisations.tsv"), "id\tcode\tkind\tsector\tcountry\tname\tnames\n"
                + "group:RAVEN\tSYR\tARMED_GROUP\tREB\tSYR\tRaven Brigade\tRaven Brigade\n", StandardCharsets.UTF_8);
        Files.writeString(kb.resolve("README.md"), "notes, not shipped", StandardCharsets.UTF_8);
        CodingJob.Settings s = CodingJob.settings(parse("--input", "a.jsonl", "--output", "o", "--kb", kb.toString()));
        assertThat(s.kb().names()).isEqualTo(List.of("organisations.tsv"));
        assertThat(s.kb().source()).isEqualTo(kb.toString());
        assertThat(s.kb().digest()).hasSize(64).isEqualTo(OverlayFiles.read(kb).digest());
        assertThat(CodingJob.settings(parse("--input", "a.jsonl", "--output", "o")).kb()).isNull();

        Path copy = s.kb().writeInto(Files.createDirectories(dir.resolve("executor")));
        assertThat(Files.readString(copy.resolve("organisations.tsv"))).contains("group:RAVEN");
        assertThat(ExecutorCoder.knowledgeBase(s.kb()).entry("group:RAVEN").name()).isEqualTo("Raven Brigade");

        Files.writeString(kb.resolve("organisations.tsv"), "id\tcode\tkind\tsector\tcountry\tname\tnames\n"
                + "group:RAVEN\tSYR\tARMED_GROUP\tREB\tSYR\tRavens\tRavens\n", StandardCharsets.UTF_8);
        assertThat(OverlayFiles.read(kb).digest()).isNotEqualTo(s.kb().digest());
        Files.writeString(kb.resolve("organisations.tsv"), "id\tcode\tkind\tsector\tcountry\tname\tnames\n"
                + "group:RAVEN\tSYR\tMILITIA\tREB\tSYR\tRaven Brigade\tRaven Brigade\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CodingJob.settings(parse("--input", "a", "--output", "o", "--kb", kb.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(kb.resolve("organisations.tsv") + ":2: unknown kind 'MILITIA'");
        assertThatThrownBy(() -> CodingJob.settings(parse("--input", "a", "--output", "o", "--kb", "no/such/dir")))
                .hasMessage("CodingJob: --kb no/such/dir: no such directory");
    }
}
