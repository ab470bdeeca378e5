package org.faultline.coding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.faultline.model.ActorRef;
import org.faultline.model.Article;
import org.faultline.model.Event;
import org.junit.jupiter.api.Test;

/**
 * "The president" with no country named is resolved to whoever held the office, in the country of the event's
 * place or the document's setting, on the event's date (the real coder and knowledge base).
 */
class OfficeHolderTest {
    private static final String TEXT = "Russian forces shelled Kharkiv overnight, the Russian defence ministry said. "
            + "In Moscow, the president threatened Ukraine with new strikes.";

    private static ActorRef threatener(String date) {
        Article a = new Article("holder-" + date, LocalDate.parse(date), TEXT, null, null, null, "test");
        List<Event> events = SharedCoder.get().code(a).events();
        Event threat = events.stream().filter(e -> e.evidence().get(0).text().contains("president")).findFirst()
                .orElseThrow(() -> new AssertionError("no event in the second sentence: " + events));
        assertThat(threat.actor()).hasSize(1);
        return threat.actor().get(0);
    }

    @Test
    void thePresidentIsWhoeverHeldTheOfficeThatDay() {
        ActorRef in2024 = threatener("2024-05-10");
        assertThat(in2024.code()).isEqualTo("RUS");
        assertThat(in2024.text()).isEqualTo("president");
        assertThat(in2024.name()).isEqualTo("Vladimir Putin");
        ActorRef in2009 = threatener("2009-05-10");
        assertThat(in2009.code()).isEqualTo("RUS");
        assertThat(in2009.name()).isEqualTo("Dmitry Medvedev");
        assertThat(in2009.kbId()).isNotEqualTo(in2024.kbId());
    }
}
