package org.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.faultline.model.ActorRef;
import org.faultline.model.DatePrecision;
import org.faultline.model.Event;
import org.faultline.model.EventType;
import org.faultline.model.Evidence;
import org.faultline.model.Modality;
import org.junit.jupiter.api.Test;

/** The TSV row of one literal event. */
class EventTsvTest {
    private static Event event() {
        String s = "Russia struck Ukraine.";
        return new Event("e1", "doc", EventType.ASSAULT, null, List.of(), "190", 4, -10.0,
                List.of(new ActorRef("Russia", "RUS", null, "Russia", "country:RUS", 0, 6)),
                List.of(new ActorRef("Ukraine", "UKR", null, "Ukraine", "country:UKR", 14, 21)),
                LocalDate.parse("2024-05-10"), DatePrecision.DAY, null, null, false, Modality.ASSERTED, null, 0.345,
                List.of(new Evidence("doc", 0, 0, s.length(), s, "struck", 7, 13)), "strike.v", "test");
    }

    @Test
    void numbersHaveADecimalPointUnderAGermanLocale() throws Exception {
        UnderLocale.run(Locale.GERMANY, () -> {
            String[] row = EventTsv.row(event()).split("\t", -1);
            List<String> header = List.of(EventTsv.HEADER.split("\t"));
            assertThat(row).hasSize(header.size());
            assertThat(row[header.indexOf("confidence")]).isEqualTo("0.35");
            assertThat(row[header.indexOf("goldstein")]).isEqualTo("-10.0");
        });
    }
}
