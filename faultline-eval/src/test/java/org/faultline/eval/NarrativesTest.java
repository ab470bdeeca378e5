package org.faultline.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NarrativesTest {
    @Test
    void aRecordGetsTheRecordsOfItsNarrativeJustBeforeIt() {
        Narratives n = new Narratives(2);
        assertThat(n.next("icbe-c002-s005", "A.")).isNull();
        assertThat(n.next("icbe-c002-s006", "B.")).isEqualTo("A.");
        assertThat(n.next("icbe-c002-s009", "C.")).isEqualTo("A. B.");
        assertThat(n.next("icbe-c002-s011", "D.")).as("a window of two").isEqualTo("B. C.");
    }

    @Test
    void anotherNarrativeAFallingNumberOrAPlainIdStartsAfresh() {
        Narratives n = new Narratives(3);
        assertThat(n.next("icbe-c002-s005", "A.")).isNull();
        assertThat(n.next("icbe-c003-s001", "B.")).isNull();
        assertThat(n.next("icbe-c003-s002", "C.")).isEqualTo("B.");
        assertThat(n.next("icbe-c003-s001", "D.")).as("a falling number").isNull();
        assertThat(n.next("gsr-00761b5f3a", "E.")).isNull();
        assertThat(n.next("icbe-c003-s003", "F.")).as("the narrative was interrupted").isNull();
        assertThat(n.next("icbe-c003-s004", "G.")).isEqualTo("F.");
    }

    @Test
    void aWindowOfNoneGivesNothing() {
        Narratives n = new Narratives(0);
        assertThat(n.next("x-s001", "A.")).isNull();
        assertThat(n.next("x-s002", "B.")).isNull();
        assertThatThrownBy(() -> new Narratives(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
