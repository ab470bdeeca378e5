package org.faultline.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.faultline.model.ActorRef;
import org.faultline.model.Article;
import org.faultline.model.Attribution;
import org.faultline.model.DatePrecision;
import org.faultline.model.Event;
import org.faultline.model.EventType;
import org.faultline.model.Evidence;
import org.faultline.model.Location;
import org.faultline.model.Modality;
import org.faultline.model.Quantity;

/** Small literal documents and events for store tests. */
final class Fixtures {
    private Fixtures() {
    }

    static ActorRef actor(String code) {
        return new ActorRef(code, code, "GOV", "Name of " + code, "kb-" + code, 0, code.length());
    }

    static ActorRef actor(String code, String sector) {
        return new ActorRef(code, code, sector, "Name of " + code, "kb-" + code, 0, code.length());
    }

    static List<ActorRef> actors(String... codes) {
        List<ActorRef> out = new ArrayList<>();
        for (String c : codes) {
            out.add(c.contains(":") ? actor(c.substring(0, c.indexOf(':')), c.substring(c.indexOf(':') + 1))
                    : actor(c));
        }
        return out;
    }

    /** A realised day-precision event with one evidence sentence. */
    static Event event(String id, String doc, EventType type, String date, List<ActorRef> actor,
                       List<ActorRef> recipient) {
        return event(id, doc, type, date, actor, recipient, null, Modality.ASSERTED, DatePrecision.DAY);
    }

    /** A realised day-precision event reported in one sentence, at a place in the USA or nowhere known. */
    static Event reported(String id, String doc, EventType type, String date, List<ActorRef> actor,
                          List<ActorRef> recipient, String place, String sentence) {
        Evidence ev = new Evidence(doc, 0, 0, sentence.length(), sentence, "trigger", 0, 7);
        return new Event(id, doc, type, null, List.of(), "190", type.quadClass(), type.ploverScore() / 2, actor,
                recipient, LocalDate.parse(date), DatePrecision.DAY,
                place == null ? null : new Location(place, "USA", null, null, null), null, false, Modality.ASSERTED,
                null, 0.8, List.of(ev), "rule-1", "test");
    }

    static Event event(String id, String doc, EventType type, String date, List<ActorRef> actor,
                       List<ActorRef> recipient, String country, Modality modality, DatePrecision precision) {
        String sentence = "Sentence of " + id + " about " + type.name().toLowerCase(java.util.Locale.ROOT) + ".";
        Evidence ev = new Evidence(doc, 0, 0, sentence.length(), sentence, "trigger", 0, 8);
        return new Event(id, doc, type, null, List.of(), "040", type.quadClass(), type.ploverScore() / 2, actor,
                recipient, LocalDate.parse(date), precision,
                country == null ? null : new Location("somewhere", country, null, null, null), null,
                modality == Modality.NEGATED, modality, null, 0.8, List.of(ev), "rule-1", "test");
    }

    /** An event with every optional field set, to check that nothing is lost on the way through the store. */
    static Event fullEvent(String id, String doc) {
        Evidence e1 = new Evidence(doc, 2, 10, 60, "Russia sent 8,000 troops to Kursk, officials said.", "sent", 17, 21);
        Evidence e2 = new Evidence(doc, 3, 61, 90, "The deployment was confirmed.", "deployment", 65, 75);
        return new Event(id, doc, EventType.MOBILIZE, "troops", List.of("military", "territory"), "150", 4, -7.2,
                List.of(new ActorRef("North Korea", "PRK", "MIL", "North Korea", "Q423", 10, 21)),
                List.of(new ActorRef("Russia", "RUS", null, "Russia", "Q159", 30, 36),
                        new ActorRef("Hamas", "IMG", "REB", "Hamas", "HAMAS", 40, 45)),
                LocalDate.parse("2024-10-20"), DatePrecision.MONTH, new Location("Kursk", "RUS", "Kursk Oblast", 51.7,
                36.2, null, null, 2), new Quantity("8,000 troops", 8000, "troop", "count"), false, Modality.ASSERTED,
                new Attribution("officials", "USA", "say"), 0.75, List.of(e1, e2), "mobilize.send-troops", "coder-1|abc");
    }

    static Article article(String id, String date, String text) {
        return new Article(id, LocalDate.parse(date), text, "Title " + id, "Test Wire", "https://example.org/" + id,
                "corpus/" + id + ".txt");
    }

    static Article articleFor(String id, String date) {
        return article(id, date, "Text of document " + id + ".");
    }
}
