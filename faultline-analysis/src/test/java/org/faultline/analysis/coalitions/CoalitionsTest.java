package org.faultline.analysis.coalitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.faultline.query.ActorKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoalitionsTest {
    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path p = dir.resolve("my-coalitions.tsv");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void bundledDefaultsLoadWithTheirSource() {
        Coalitions c = Coalitions.bundled();
        assertThat(c.get("WEST").orElseThrow().coalition().members()).contains(ActorKey.of("USA"),
                ActorKey.of("IGO_NATO"), ActorKey.of("IGO_EU")).doesNotContain(ActorKey.of("ISR"), ActorKey.of("UKR"));
        assertThat(c.get("AXIS").orElseThrow().coalition().members()).contains(ActorKey.of("RUS"), ActorKey.of("IRN"),
                ActorKey.of("PRK"));
        assertThat(c.get("WEST").orElseThrow().source()).matches("coalitions-v1\\.tsv:\\d+");
        assertThat(c.sources()).singleElement().asString().startsWith("bundled " + Coalitions.BUNDLED)
                .containsPattern("sha256 [0-9a-f]{64}");
    }

    @Test
    void aUserFileAddsAndReplacesByName() throws IOException {
        Path p = file("# mine\nname\tmembers\tdescription\nWEST\tUSA, GBR\tjust two\n\nQUAD\tUSA,IND,JPN,AUS\n");
        Coalitions c = Coalitions.load(p, Map.of());
        assertThat(c.get("WEST").orElseThrow().coalition().members()).containsExactly(ActorKey.of("GBR"),
                ActorKey.of("USA"));
        assertThat(c.get("WEST").orElseThrow().description()).isEqualTo("just two");
        assertThat(c.get("WEST").orElseThrow().source()).isEqualTo(p + ":3");
        assertThat(c.get("QUAD").orElseThrow().description()).isEmpty();
        assertThat(c.get("AXIS")).isPresent();
        assertThat(c.sources()).hasSize(2);
        // the environment variable names the file when no option does; the option wins
        assertThat(Coalitions.load(null, Map.of(Coalitions.ENV, p.toString())).get("QUAD")).isPresent();
        assertThat(Coalitions.load(null, Map.of()).get("QUAD")).isEmpty();
        assertThat(c.named(List.of(ActorKey.of("ISR"), ActorKey.parse("QUAD"), ActorKey.of("WEST"))))
                .extracting(x -> x.name()).containsExactly("QUAD", "WEST");
    }

    @Test
    void brokenFilesFailNamingFileAndLine() throws IOException {
        String h = "name\tmembers\tdescription\n";
        assertThat(error("WEST\tUSA\n")).isEqualTo(dir.resolve("my-coalitions.tsv")
                + ":1: expected the header 'name<TAB>members<TAB>description', got 'WEST\tUSA'");
        assertThat(error(h + "# fine\nWEST USA GBR\n")).startsWith(dir.resolve("my-coalitions.tsv") + ":3: expected 2 or 3 "
                + "tab-separated columns");
        assertThat(error(h + "west\tUSA\n")).contains(":2: bad coalition name 'west'");
        assertThat(error(h + "WEST\tUSA,,GBR\n")).contains(":2: coalition WEST has an empty member");
        assertThat(error(h + "WEST\tUSA,RUS:MIL\n")).contains(":2: coalition WEST: member RUS:MIL names a sector");
        assertThat(error(h + "WEST\tUSA,a:b:c\n")).contains(":2: bad actor 'a:b:c'");
        assertThat(error(h + "WEST\tUSA,GBR,USA\n")).contains(":2: coalition WEST lists USA twice");
        assertThat(error(h + "WEST\tUSA\nEAST\tRUS\nWEST\tGBR\n")).contains(":4: coalition WEST is defined twice "
                + "(first at ").contains(":2)");
        assertThat(error(h + "WEST\tUSA,WEST\n")).contains(":2: coalition WEST lists itself");
        assertThat(error(h + "WEST\tUSA\nBIG\tWEST,RUS\n")).contains(":3: member WEST of BIG is itself a coalition");
        assertThat(error("# only comments\n")).endsWith("my-coalitions.tsv:1: no header; expected "
                + "'name<TAB>members<TAB>description'");
        assertThatThrownBy(() -> Coalitions.load(dir.resolve("missing.tsv"), Map.of()))
                .isInstanceOf(Coalitions.CoalitionFileException.class).hasMessageStartingWith(dir.resolve("missing.tsv")
                        + ": cannot read the coalitions file");
    }

    private String error(String text) throws IOException {
        Path p = file(text);
        try {
            Coalitions.load(p, Map.of());
        } catch (Coalitions.CoalitionFileException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for " + text);
    }
}
