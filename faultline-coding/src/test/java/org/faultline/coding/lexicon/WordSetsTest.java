package org.faultline.coding.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.faultline.coding.kb.TsvTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordSetsTest {
    @Test
    void bundledSetsHoldTheWordsTheRulesNeed() {
        WordSets w = WordSets.bundled();
        assertThat(w.set("weapons-and-attacks")).contains("drone", "missile");
        assertThat(w.set("natural-forces")).contains("earthquake", "typhoon");
        assertThat(w.set("helpers")).containsExactlyInAnyOrder("help", "assist", "enable");
        assertThat(w.sha256()).hasSize(64);
    }

    @Test
    void aUnionHoldsEveryNamedSetAndRefusesAnUnknownOne() {
        WordSets w = WordSets.bundled();
        assertThat(w.union("kill", "injure")).contains("kill", "massacre", "wound").containsAll(w.set("injure"));
        assertThatThrownBy(() -> w.union("kill", "no-such-set")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-set");
    }

    @Test
    void anUnknownSetFailsLoudly() {
        assertThatThrownBy(() -> WordSets.bundled().set("no-such-set"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no word set 'no-such-set'");
    }

    @Test
    void aLemmaListedTwiceInOneSetIsAnErrorWithItsLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("wordsets.tsv");
        Files.writeString(f, "set\tlemma\tnote\nkill\tkill\t\nkill\tdie\t\nkill\tkill\t\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new WordSets(TsvTable.file(f, "set", "lemma")))
                .hasMessageContaining("4").hasMessageContaining("listed twice");
    }

    @Test
    void aSetWithValuesIsReadAsAMapAndListsKeepFileOrder() {
        WordSets w = WordSets.bundled();
        assertThat(w.map("combining-forms")).containsEntry("anglo", "GBR").containsEntry("sino", "CHN").hasSize(15);
        assertThat(w.set("combining-forms")).contains("anglo", "serbo");
        assertThat(w.list("recipient-obliques")).startsWith("to", "against", "on").endsWith("for", "from", "of");
        assertThat(w.list("accused-obliques")).startsWith("over", "about");
        assertThatThrownBy(() -> w.map("helpers")).hasMessageContaining("has no values");
    }

    @Test
    void aSetMixingRowsWithAndWithoutValuesIsAnErrorWithItsLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("wordsets.tsv");
        Files.writeString(f, "set\tlemma\tnote\tvalue\nforms\tanglo\t\tGBR\nforms\tsino\t\t\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new WordSets(TsvTable.file(f, "set", "lemma")))
                .hasMessageContaining("3").hasMessageContaining("mixes rows");
        Path g = dir.resolve("ok.tsv");
        Files.writeString(g, "set\tlemma\tnote\tvalue\nforms\tAnglo\t\tGBR\nforms\tsino\t\tCHN\n", StandardCharsets.UTF_8);
        assertThat(new WordSets(TsvTable.file(g, "set", "lemma")).map("forms"))
                .isEqualTo(java.util.Map.of("anglo", "GBR", "sino", "CHN"));
    }
}
