package org.faultline.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The setting every door reads where no {@code --gate} is given; building the coders needs CoreNLP (CLI tests). */
class GatedCodersTest {
    @Test
    void theEnvironmentSetsTheGateAndItsAbsenceGivesTheDefault() {
        assertThat(GatedCoders.fromEnvironment(Map.of())).isEqualTo(GatedCoders.DEFAULT);
        assertThat(GatedCoders.fromEnvironment(Map.of(GatedCoders.ENV, " "))).isEqualTo(GatedCoders.DEFAULT);
        assertThat(GatedCoders.fromEnvironment(Map.of(GatedCoders.ENV, "on"))).isEqualTo(GateSetting.ON);
        assertThat(GatedCoders.fromEnvironment(Map.of(GatedCoders.ENV, "off"))).isEqualTo(GateSetting.OFF);
        assertThat(GatedCoders.fromEnvironment(Map.of(GatedCoders.ENV, "0.35")))
                .isEqualTo(new GateSetting(true, 0.35));
        assertThatThrownBy(() -> GatedCoders.fromEnvironment(Map.of(GatedCoders.ENV, "1.5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("FAULTLINE_GATE: unknown gate setting '1.5'");
    }

    @Test
    void theOneEncoderOfTheJvmIsShared() {
        assertThat(SentenceEncoder.shared()).isSameAs(SentenceEncoder.shared());
    }
}
