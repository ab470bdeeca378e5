package org.faultline.cli.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.faultline.cli.UnderLocale;
import org.junit.jupiter.api.Test;

/** Numbers in tables and CSV. */
class OutputTest {
    @Test
    void numbersHaveADecimalPointUnderAGermanLocale() throws Exception {
        UnderLocale.run(Locale.GERMANY, () -> {
            assertThat(Output.num(3.4)).isEqualTo("3.40");
            assertThat(Output.num(-0.125)).isEqualTo("-0.13");
            assertThat(Output.num(7)).isEqualTo("7");
        });
    }
}
