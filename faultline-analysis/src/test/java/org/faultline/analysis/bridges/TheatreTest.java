package org.faultline.analysis.bridges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.faultline.query.ActorKey;
import org.junit.jupiter.api.Test;

/** Theatres as written on the command line and in the API: sides split by ~, and the older form split by -. */
class TheatreTest {
    private static final Set<String> STORED = Set.of("RUS", "UKR", "ISR", "PSE", "HAMAS", "SYR", "SYR-REB", "IRN",
            "AL-SHABAAB", "SOM");

    private static List<String> members(Theatre t) {
        return t.members().stream().map(ActorKey::toString).toList();
    }

    @Test
    void sidesSplitByTildeKeepTheDashInsideKeys() {
        Theatre t = Theatre.parse("ISR~PSE/HAMAS/SYR-REB", Set.of());
        assertThat(members(t)).containsExactly("HAMAS", "ISR", "PSE", "SYR-REB");
        assertThat(t.name()).isEqualTo("ISR~PSE/HAMAS/SYR-REB");
        assertThat(members(Theatre.parse(" som~al-shabaab ", STORED))).containsExactly("AL-SHABAAB", "SOM");
        assertThat(members(Theatre.parse("RUS:MIL~UKR", STORED))).containsExactly("RUS:MIL", "UKR");
    }

    @Test
    void theOlderFormStillReadsWhereItIsUnambiguous() {
        assertThat(members(Theatre.parse("RUS-UKR", STORED))).containsExactly("RUS", "UKR");
        assertThat(members(Theatre.parse("ISR-PSE/HAMAS/IRN", STORED))).containsExactly("HAMAS", "IRN", "ISR", "PSE");
        // a known key with a dash is one actor: the Syrian rebels, not Syria and "REB"
        assertThat(members(Theatre.parse("RUS/SYR-SYR-REB", STORED))).containsExactly("RUS", "SYR", "SYR-REB");
        assertThat(members(Theatre.parse("SOM-AL-SHABAAB", STORED))).containsExactly("AL-SHABAAB", "SOM");
        assertThat(members(Theatre.parse("RUS:MIL-UKR", STORED))).containsExactly("RUS:MIL", "UKR");
        // knowing no keys, every dash separates, as before
        assertThat(members(Theatre.parse("RUS-UKR"))).containsExactly("RUS", "UKR");
        assertThat(members(Theatre.parse("SYR-REB/RUS"))).containsExactly("REB", "RUS", "SYR");
        // parts nothing is stored under stay words of their own, for the unknown-actor check to name
        assertThat(members(Theatre.parse("SYR-REB-UKRR", STORED))).containsExactly("SYR-REB", "UKRR");
    }

    @Test
    void twoReadingsAreRefusedAskingForTheTilde() {
        Set<String> both = Set.of("AL", "QAEDA", "AL-QAEDA", "USA");
        assertThatThrownBy(() -> Theatre.parse("USA-AL-QAEDA", both)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("theatre 'USA-AL-QAEDA': 'USA-AL-QAEDA' can be read as USA and AL and QAEDA or as USA and "
                        + "AL-QAEDA; separate the sides with ~ (expected e.g. RUS~UKR or "
                        + "ISR~PSE/HAMAS/LBN/HEZBOLLAH/SYR-REB)");
        assertThat(members(Theatre.parse("USA~AL-QAEDA", both))).containsExactly("AL-QAEDA", "USA");
    }

    @Test
    void badTheatresNameTheirFault() {
        assertThatThrownBy(() -> Theatre.parse("RUS~", STORED)).hasMessageContaining("has an empty actor");
        assertThatThrownBy(() -> Theatre.parse("RUS--UKR", STORED)).hasMessageContaining("has an empty actor");
        assertThatThrownBy(() -> Theatre.parse("RUS//UKR", STORED)).hasMessageContaining("has an empty actor");
        assertThatThrownBy(() -> Theatre.parse("RUS", STORED)).hasMessageContaining("needs at least two actors");
        String many = String.join("-", java.util.Collections.nCopies(40, "RUS"));
        assertThatThrownBy(() -> Theatre.parse(many, STORED)).hasMessageContaining("joins 40 words by -");
    }
}
