package org.faultline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicationDatesTest {

    private static final LocalDate NOV_14 = LocalDate.of(2024, 11, 14);

    @ParameterizedTest
    @ValueSource(strings = {
        "2024-11-14",
        " 2024-11-14 ",
        "\"2024-11-14\"",
        "2024-11-14T08:30:00Z",
        "2024-11-14T23:30:00-05:00",
        "2024-11-14 08:30",
        "2024/11/14",
        "14 November 2024",
        "14 Nov 2024",
        "14th November, 2024",
        "November 14, 2024",
        "Nov. 14, 2024",
        "november 14 2024",
        "Thursday, 14 November 2024",
        "Thursday, November 14, 2024",
        "Thu, 14 Nov 2024 08:30:00 GMT",
    })
    void readsCommonForms(String text) {
        assertThat(PublicationDates.parse(text)).contains(NOV_14);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "yesterday", "2024-02-30", "2024-13-01", "14 Novembre 2024",
        "November 2024", "20241114", "14/11/2024", "2024-11-145"})
    void rejectsWhatIsNotADate(String text) {
        assertThat(PublicationDates.parse(text)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void nullIsNoDate() {
        assertThat(PublicationDates.parse(null)).isEmpty();
    }
}
