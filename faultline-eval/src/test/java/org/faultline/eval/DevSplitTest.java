package org.faultline.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fixed tune/check halves of the development sets. */
class DevSplitTest {
    @Test
    void sentencesOfOneNarrativeShareTheirHalf() {
        for (String crisis : List.of("icbe-c002", "icbe-c108", "icbe-c455")) {
            DevSplit half = DevSplit.halfOf(crisis + "-s001");
            for (int s = 2; s < 60; s++) {
                assertThat(DevSplit.halfOf(crisis + String.format("-s%03d", s))).isEqualTo(half);
            }
        }
    }

    @Test
    void theHalvesAreFixedAndBothUsed() {
        // first bytes of SHA-256 (python3 hashlib): "acled-0438c871f0" even, "gsr-227d4061d9" odd, "icbe-c002" odd
        assertThat(DevSplit.halfOf("acled-0438c871f0")).isEqualTo(DevSplit.TUNE);
        assertThat(DevSplit.halfOf("gsr-227d4061d9")).isEqualTo(DevSplit.CHECK);
        assertThat(DevSplit.halfOf("icbe-c002-s005")).isEqualTo(DevSplit.CHECK);
        long tune = java.util.stream.IntStream.range(0, 2000).mapToObj(i -> "doc-" + i)
                .filter(id -> DevSplit.halfOf(id) == DevSplit.TUNE).count();
        assertThat(tune).isBetween(900L, 1100L);
        assertThat(DevSplit.ALL.contains("anything")).isTrue();
        assertThat(DevSplit.TUNE.contains("doc-1")).isNotEqualTo(DevSplit.CHECK.contains("doc-1"));
    }

    @Test
    void restrictingAGoldSetKeepsOrderAndHalf() {
        GoldSet all = GoldSet.of(java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> new GoldDocument("d" + i, "2024-01-01", "t", List.of(), i + 1)).toList());
        GoldSet tune = all.restrictedTo(DevSplit.TUNE);
        GoldSet check = all.restrictedTo(DevSplit.CHECK);
        assertThat(tune.size() + check.size()).isEqualTo(50);
        assertThat(tune.documents()).allMatch(d -> DevSplit.halfOf(d.id()) == DevSplit.TUNE);
        assertThat(check.documents()).allMatch(d -> DevSplit.halfOf(d.id()) == DevSplit.CHECK);
        assertThat(all.restrictedTo(DevSplit.ALL).documents()).isEqualTo(all.documents());
    }

    @Test
    void parsingNamesTheChoices() {
        assertThat(DevSplit.parse(" Check ")).isEqualTo(DevSplit.CHECK);
        assertThatThrownBy(() -> DevSplit.parse("half")).hasMessageContaining("all, tune or check");
    }
}
