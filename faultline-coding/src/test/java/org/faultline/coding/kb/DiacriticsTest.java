package org.faultline.coding.kb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiacriticsTest {
    @Test
    void foldingMapsEachAccentedLetterToItsBaseAndKeepsTheLength() {
        assertThat(Diacritics.fold("Sékou Touré")).isEqualTo("Sekou Toure");
        assertThat(Diacritics.fold("López Obrador, Erdoğan, Wałęsa")).isEqualTo("Lopez Obrador, Erdogan, Wałesa");
        assertThat(Diacritics.fold("Søren Straße")).isEqualTo("Søren Straße").hasSize(12);
        String ascii = "Kyiv";
        assertThat(Diacritics.fold(ascii)).isSameAs(ascii);
    }

    @Test
    void regionsMatchAccentsAsideAndCaseOnlyWhenAsked() {
        String text = "Then Sekou Touré spoke.";
        assertThat(Diacritics.regionMatches(text, 5, "Sékou Touré", false)).isTrue();
        assertThat(Diacritics.regionMatches(text, 5, "Sekou Toure", false)).isTrue();
        assertThat(Diacritics.regionMatches(text, 5, "Sekou Tourx", false)).isFalse();
        assertThat(Diacritics.regionMatches(text, 0, "then", false)).isFalse();
        assertThat(Diacritics.regionMatches(text, 0, "then", true)).isTrue();
        assertThat(Diacritics.regionMatches(text, 20, "spoke", false)).as("past the end").isFalse();
    }
}
