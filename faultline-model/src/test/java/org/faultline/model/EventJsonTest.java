package org.faultline.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventJsonTest {
    private static final String TEXT = "Russian troops shelled Kharkiv last week, officials in Kyiv said.";

    private static Event event(TextSpan dateText, Location location) {
        return new Event("e1", "doc-1", EventType.ASSAULT, "artillery", List.of("military"), "195", 4, -10.0,
                List.of(new ActorRef("Russian troops", "RUS", "MIL", null, "agent:troops", 0, 14)),
                List.of(), LocalDate.of(2024, 11, 4), DatePrecision.WEEK, dateText, location, null, false,
                Modality.ASSERTED, new Attribution("officials in Kyiv", "UKR", "say"), 0.9,
                List.of(new Evidence("doc-1", 0, 0, TEXT.length(), TEXT, "shelled", 15, 22)), "shell", "test");
    }

    @Test
    void placeAndDateSpansRoundTrip() {
        Event e = event(new TextSpan("last week", 31, 40),
                new Location("Kharkiv", "UKR", "Kharkiv Oblast", 49.99, 36.23, 23, 30));
        assertThat(TEXT.substring(31, 40)).isEqualTo("last week");
        assertThat(TEXT.substring(23, 30)).isEqualTo("Kharkiv");

        String line = EventJson.toLine(e);
        JsonNode n = EventJson.toNode(e);
        assertThat(n.get("date_text").get("text").asText()).isEqualTo("last week");
        assertThat(n.get("date_text").get("start").asInt()).isEqualTo(31);
        assertThat(n.get("date_text").get("end").asInt()).isEqualTo(40);
        assertThat(n.get("location").get("start").asInt()).isEqualTo(23);
        assertThat(n.get("location").get("end").asInt()).isEqualTo(30);

        Event back = EventJson.fromLine(line);
        assertThat(back).isEqualTo(e);
        assertThat(EventJson.toLine(back)).isEqualTo(line);
    }

    @Test
    void absentSpansAreWrittenAsNullAndReadBack() {
        Event e = event(null, new Location("Kharkiv", "UKR", null, null, null));
        JsonNode n = EventJson.toNode(e);
        assertThat(n.get("date_text").isNull()).isTrue();
        assertThat(n.get("location").get("start").isNull()).isTrue();
        assertThat(n.get("location").get("end").isNull()).isTrue();
        assertThat(EventJson.fromLine(EventJson.toLine(e))).isEqualTo(e);

        Event noPlace = event(null, null);
        assertThat(EventJson.fromLine(EventJson.toLine(noPlace))).isEqualTo(noPlace);
    }

    @Test
    void linesWrittenBeforeTheSpansReadWithNulls() {
        Event e = event(new TextSpan("last week", 31, 40),
                new Location("Kharkiv", "UKR", "Kharkiv Oblast", 49.99, 36.23, 23, 30));
        var n = EventJson.toNode(e);
        n.remove("date_text");
        ((com.fasterxml.jackson.databind.node.ObjectNode) n.get("location")).remove(List.of("start", "end"));

        Event old = EventJson.fromNode(n);
        assertThat(old.dateText()).isNull();
        assertThat(old.location()).isEqualTo(new Location("Kharkiv", "UKR", "Kharkiv Oblast", 49.99, 36.23));
        assertThat(old.location().start()).isNull();
        assertThat(old).isEqualTo(event(null, new Location("Kharkiv", "UKR", "Kharkiv Oblast", 49.99, 36.23)));
    }

    @Test
    void anActorsAntecedentRoundTripsAndOlderLinesReadWithoutIt() {
        String text = "Russian troops crossed the border. They shelled Kharkiv.";
        ActorRef they = new ActorRef("They", "RUS", "MIL", null, "agent:troops", 35, 39,
                new TextSpan("Russian troops", 0, 14));
        Event e = new Event("e2", "doc-2", EventType.ASSAULT, null, List.of(), "195", 4, -10.0, List.of(they),
                List.of(), LocalDate.of(2024, 11, 4), DatePrecision.ARTICLE, null, null, null, false,
                Modality.ASSERTED, null, 0.9, List.of(new Evidence("doc-2", 1, 35, 56, text.substring(35, 56),
                "shelled", 40, 47)), "shell", "test");
        JsonNode a = EventJson.toNode(e).get("actor").get(0);
        assertThat(a.get("antecedent").get("text").asText()).isEqualTo("Russian troops");
        assertThat(EventJson.fromLine(EventJson.toLine(e))).isEqualTo(e);
        String older = EventJson.toLine(e).replace(",\"antecedent\":{\"text\":\"Russian troops\",\"start\":0,"
                + "\"end\":14}", "");
        assertThat(older).doesNotContain("antecedent");
        assertThat(EventJson.fromLine(older).actor().get(0).antecedent()).isNull();
    }

    @Test
    void spansAreValidated() {
        assertThatThrownBy(() -> new TextSpan("x", -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TextSpan("x", 5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Location("x", null, null, null, null, 3, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Location("x", null, null, null, null, 3, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Location("Moura", "MLI", null, null, null, 0, 5, 0))
                .hasMessageContaining("0 gazetteer alternatives");
    }

    /** How many gazetteer places bore the name: written and read back; null when not recorded. */
    @Test
    void theCountOfAlternativePlacesRoundTripsAndOlderLinesReadWithoutIt() {
        Event e = event(null, new Location("Kharkiv", "UKR", "Kharkiv Oblast", 49.99, 36.23, 23, 30, 2));
        JsonNode n = EventJson.toNode(e);
        assertThat(n.at("/location/alternatives").asInt()).isEqualTo(2);
        assertThat(EventJson.fromLine(EventJson.toLine(e))).isEqualTo(e);

        Event unknown = event(null, new Location("Kharkiv", "UKR", null, null, null, 23, 30));
        assertThat(EventJson.toNode(unknown).at("/location/alternatives").isNull()).isTrue();
        assertThat(EventJson.fromLine(EventJson.toLine(unknown))).isEqualTo(unknown);

        ((com.fasterxml.jackson.databind.node.ObjectNode) n.get("location")).remove("alternatives");
        assertThat(EventJson.fromNode(n).location().alternatives()).isNull();
        assertThat(EventJson.fromNode(n).location()).isEqualTo(new Location("Kharkiv", "UKR", "Kharkiv Oblast", 49.99,
                36.23, 23, 30));
    }
}
