package org.faultline.coding.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TsvTableTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void readsHeaderColumnsAndRowsSkippingCommentsAndBlankLines() throws Exception {
        String content = "# a comment\n"
                + "id\tname\tnames\n"
                + "\n"
                + "# another comment\n"
                + "a:1\tAlpha\tAlpha| A1 |\n"
                + "b:2\tBeta\n";
        Path p = write("t.tsv", content);

        TsvTable t = TsvTable.file(p, "id", "name");

        assertThat(t.name()).isEqualTo(p.toString());
        assertThat(t.sha256()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8))));
        assertThat(t.rows()).hasSize(2);

        TsvTable.Row a = t.rows().get(0);
        assertThat(a.file()).isEqualTo(p.toString());
        assertThat(a.line()).isEqualTo(5);
        assertThat(a.where()).isEqualTo(p + ":5");
        assertThat(a.columns()).isEqualTo(Map.of("id", 0, "name", 1, "names", 2));
        assertThat(a.cells()).containsExactly("a:1", "Alpha", "Alpha| A1 |");
        assertThat(a.get("id")).isEqualTo("a:1");
        assertThat(a.list("names")).isEqualTo(List.of("Alpha", "A1"));

        TsvTable.Row b = t.rows().get(1);
        assertThat(b.line()).isEqualTo(6);
        assertThat(b.get("name")).isEqualTo("Beta");
        assertThat(b.get("names")).as("a short row reads its missing trailing cells as empty").isEmpty();
        assertThat(b.list("names")).isEmpty();
        assertThat(b.getOrEmpty("no-such-column")).isEmpty();
    }

    @Test
    void rowErrorsNameFileAndLine() throws Exception {
        Path p = write("t.tsv", "id\tname\nx\ty\n");
        TsvTable.Row r = TsvTable.file(p).rows().get(0);

        assertThat(r.error("bad thing")).hasMessage(p + ":2: bad thing");
        assertThatThrownBy(() -> r.get("colour"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(p.toString())
                .hasMessageContaining("'colour'")
                .hasMessageContaining("[id, name]");
    }

    @Test
    void tooManyCellsFailsNamingFileAndLine() throws Exception {
        Path p = write("t.tsv", "# header next\nid\tname\nok\tfine\nbad\tone\textra\n");

        assertThatThrownBy(() -> TsvTable.file(p, "id"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(p + ":4: 3 cells but the header has 2 columns");
    }

    @Test
    void missingRequiredColumnFailsNamingFileLineAndColumn() throws Exception {
        Path p = write("t.tsv", "# comment\n# comment\nid\tlabel\nx\ty\n");

        assertThatThrownBy(() -> TsvTable.file(p, "id", "name"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(p + ":3: header lacks column 'name'")
                .hasMessageContaining("[id, label]")
                .hasMessageContaining("required [id, name]");
    }

    @Test
    void fileWithOnlyCommentsHasNoRows() throws Exception {
        Path p = write("t.tsv", "# nothing here\n\n");

        assertThat(TsvTable.file(p).rows()).isEmpty();
    }

    @Test
    void missingClasspathResourceFailsNamingIt() {
        assertThatThrownBy(() -> TsvTable.resource("/org/faultline/coding/kb/no-such.tsv", "id"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/org/faultline/coding/kb/no-such.tsv");
        assertThat(TsvTable.optionalResource("/org/faultline/coding/kb/no-such.tsv", "id").rows()).isEmpty();
    }
}
