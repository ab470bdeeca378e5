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
import org.faultline.model.Location;
import org.faultline.model.Modality;
import org.junit.jupiter.api.Test;

/** The TSV row of one literal event. */
class EventTsvTest {
    private static Event event() {
        return event(null);
    }

    private static Event event(Location place) {
        String s = "Russia struck Ukraine.";
        return new Event("e1", "doc", EventType.ASSAULT, null, List.of(), "190", 4, -10.0,
                List.of(new ActorRef("Russia", "RUS", null, "Russia", "country:RUS", 0, 6)),
                List.of(new ActorRef("Ukraine", "UKR", null, "Ukraine", "country:UKR", 14, 21)),
                LocalDate.parse("2024-05-10"), DatePrecision.DAY, place, null, false, Modality.ASSERTED, null, 0.345,
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

    /** The place's country, name and count of gazetteer alternatives; the count is the last column, added last. */
    @Test
    void thePlaceAndItsCountOfAlternatives() {
        List<String> header = List.of(EventTsv.HEADER.split("\t"));
        assertThat(header.get(header.size() - 1)).isEqualTo("location_alternatives");
        String[] row = EventTsv.row(event(new Location("Moura", "MLI", "Mopti", 14.35, -4.13, null, null, 2)))
                .split("\t", -1);
        assertThat(List.of(row[header.indexOf("location_country")], row[header.indexOf("location_text")],
                row[header.indexOf("location_alternatives")])).containsExactly("MLI", "Moura", "2");
        String[] unknown = EventTsv.row(event(new Location("Kyiv", "UKR", null, null, null))).split("\t", -1);
        assertThat(unknown[header.indexOf("location_alternatives")]).isEmpty();
        assertThat(EventTsv.row(event()).split("\t", -1)[header.indexOf("location_alternatives")]).isEmpty();
    }
}
