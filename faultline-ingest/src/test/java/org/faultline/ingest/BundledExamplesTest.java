package org.faultline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.faultline.model.Article;
import org.junit.jupiter.api.Test;

/** The examples shipped in the repository's {@code examples/} folder must read without failures. */
class BundledExamplesTest {

    /** Surefire runs with the module folder as working directory. */
    private static final Path EXAMPLES = Path.of("..", "examples");

    private static List<ReadOutcome> read(Path path) {
        try (Stream<ReadOutcome> s = ArticleReaders.read(List.of(path.toString()), ReadOptions.defaults())) {
            return s.toList();
        }
    }

    @Test
    void columnIsDatedByItsFirstLine() {
        Path column = EXAMPLES.resolve("column.txt");
        List<ReadOutcome> outcomes = read(column);
        assertThat(outcomes).hasSize(1).first().isInstanceOf(ReadOutcome.Read.class);
        Article a = ((ReadOutcome.Read) outcomes.get(0)).article();
        assertThat(a.id()).isEqualTo("column");
        assertThat(a.date()).isEqualTo(LocalDate.of(2024, 11, 14));
        assertThat(a.text()).startsWith("The war that refuses to stay in one place").doesNotContain("Date:");
    }

    @Test
    void everyCorpusArticleReadsWithItsFrontMatter() throws Exception {
        Path corpus = EXAMPLES.resolve("corpus");
        long files;
        try (Stream<Path> listing = Files.list(corpus)) {
            files = listing.count();
        }
        List<ReadOutcome> outcomes = read(corpus);
        assertThat(outcomes).hasSize((int) files).hasSizeGreaterThanOrEqualTo(45)
                .allSatisfy(o -> assertThat(o).isInstanceOf(ReadOutcome.Read.class));
        for (ReadOutcome o : outcomes) {
            Article a = ((ReadOutcome.Read) o).article();
            assertThat(a.id()).startsWith(a.date().toString());
            assertThat(a.source()).isEqualTo("Faultline example corpus");
            assertThat(a.title()).isNotBlank();
            assertThat(a.text()).doesNotStartWith("---");
        }
    }
}
