package org.faultline.analysis;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.faultline.model.ActorRef;
import org.faultline.model.Article;
import org.faultline.model.DatePrecision;
import org.faultline.model.Event;
import org.faultline.model.EventType;
import org.faultline.model.Evidence;
import org.faultline.model.Modality;
import org.faultline.store.EventStore;

/**
 * A hand-written world of events for analysis tests. Each event is its own document and events are five days
 * apart unless dated, so none are merged and every count can be checked by hand.
 */
public final class World {
    private final List<Event> events = new ArrayList<>();
    private LocalDate next = LocalDate.parse("2024-01-01");

    /** {@code CODE} or {@code CODE:SECTOR}; {@code HAMAS} and {@code HEZ} become groups coded IMG. */
    public static ActorRef ref(String spec) {
        String code = spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec;
        String sector = spec.contains(":") ? spec.substring(spec.indexOf(':') + 1) : "GOV";
        boolean group = code.equals("HAMAS") || code.equals("HEZ");
        return new ActorRef(code, group ? "IMG" : code, group ? "REB" : sector, "Name " + code, group ? code : "kb-"
                + code, 0, code.length());
    }

    public World add(String actor, EventType type, String recipient) {
        return add(actor, type, recipient, Modality.ASSERTED, null);
    }

    public World add(String actor, EventType type, String recipient, Modality modality, String date) {
        LocalDate d = date == null ? next : LocalDate.parse(date);
        if (date == null) {
            next = next.plusDays(5);
        }
        List<ActorRef> actors = new ArrayList<>();
        for (String a : actor.split(",")) {
            actors.add(ref(a));
        }
        List<ActorRef> recipients = new ArrayList<>();
        if (recipient != null) {
            for (String r : recipient.split(",")) {
                recipients.add(ref(r));
            }
        }
        String id = "ev" + events.size();
        String sentence = actor + " " + type.name().toLowerCase(java.util.Locale.ROOT) + " " + recipient + " ("
                + id + ").";
        events.add(new Event(id, "doc-" + id, type, null, List.of(), "000", type.quadClass(), type.ploverScore() / 2,
                actors, recipients, d, DatePrecision.DAY, null, null, modality == Modality.NEGATED, modality, null,
                0.9, List.of(new Evidence("doc-" + id, 0, 0, sentence.length(), sentence, "t", 0, 1)), "rule",
                "test"));
        return this;
    }

    /** The same event {@code n} times. */
    public World times(int n, String actor, EventType type, String recipient) {
        for (int i = 0; i < n; i++) {
            add(actor, type, recipient);
        }
        return this;
    }

    public List<Event> events() {
        return Collections.unmodifiableList(events);
    }

    /** Stores every event as its own document, in the given order. */
    public static EventStore store(Path file, List<Event> events) {
        EventStore store = EventStore.open(file.toString());
        for (Event e : events) {
            store.writer().storeCoded(new Article(e.docId(), e.date(), "Text of " + e.docId() + " " + e.id(), null,
                    null, null, e.docId()), List.of(e));
        }
        return store;
    }

    public EventStore store(Path file) {
        return store(file, events);
    }

    public EventStore storeShuffled(Path file, Random random) {
        List<Event> copy = new ArrayList<>(events);
        Collections.shuffle(copy, random);
        return store(file, copy);
    }
}
