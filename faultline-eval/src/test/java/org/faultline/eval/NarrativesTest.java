package org.faultline.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NarrativesTest {
    @Test
    void aRecordGetsTheRecordsOfItsNarrativeJustBeforeIt() {
        Narratives n = new Narratives(2);
        n.add("icbe-c002-s005", "A.");
        n.add("icbe-c002-s006", "B.");
        n.add("icbe-c002-s009", "C.");
        n.add("icbe-c002-s011", "D.");
        assertThat(n.precedingText("icbe-c002-s005")).isNull();
        assertThat(n.precedingText("icbe-c002-s006")).isEqualTo("A.");
        assertThat(n.precedingText("icbe-c002-s009")).isEqualTo("A. B.");
        assertThat(n.precedingText("icbe-c002-s011")).as("a window of two").isEqualTo("B. C.");
        assertThat(n.size()).isEqualTo(3);
    }

    @Test
    void anotherNarrativeAFallingNumberOrAPlainIdStartsAfresh() {
        Narratives n = new Narratives(3);
        n.add("icbe-c002-s005", "A.");
        n.add("icbe-c003-s001", "B.");
        n.add("icbe-c003-s002", "C.");
        n.add("icbe-c003-s001", "D.");
        n.add("gsr-00761b5f3a", "E.");
        n.add("icbe-c003-s003", "F.");
        assertThat(n.precedingText("icbe-c003-s001")).isNull();
        assertThat(n.precedingText("icbe-c003-s002")).isEqualTo("B.");
        assertThat(n.precedingText("gsr-00761b5f3a")).isNull();
        assertThat(n.precedingText("icbe-c003-s003")).as("the narrative was interrupted").isNull();
    }

    @Test
    void aWindowOfNoneGivesNothing() {
        Narratives n = new Narratives(0);
        n.add("x-s001", "A.");
        n.add("x-s002", "B.");
        assertThat(n.precedingText("x-s002")).isNull();
        assertThatThrownBy(() -> new Narratives(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
