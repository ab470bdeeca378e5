package org.faultline.store.internal;

import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import org.faultline.model.ActorRef;
import org.faultline.model.Event;
import org.faultline.model.EventJson;
import org.faultline.model.Evidence;
import org.faultline.query.ActorKey;
import org.faultline.query.ActorLevel;
import org.faultline.query.Dyad;
import org.faultline.query.EventStatus;

/** How one event is laid out in the tables {@code events}, {@code event_actors}, {@code evidence}, {@code event_dyads}. */
public final class EventRows {
    public static final int EVENT_COLUMNS = 34;
    public static final int ACTOR_COLUMNS = 12;
    public static final int EVIDENCE_COLUMNS = 10;
    public static final int DYAD_COLUMNS = 15;

    private EventRows() {
    }

    /** Level numbers in {@code event_dyads.actor_level}. */
    public static int levelNumber(ActorLevel level) {
        switch (level) {
            case COUNTRY:
                return 0;
            case SECTOR:
                return 1;
            default:
                return 2;
        }
    }

    /** Writes the event's rows; {@code storyId} is its story (its own id when not merged). */
    public static void write(Event e, String storyId, Codes codes, RowSink events, RowSink actors, RowSink evidence,
                             RowSink dyads) throws SQLException {
        EventStatus status = EventStatus.of(e);
        var loc = e.location();
        var q = e.quantity();
        var att = e.attribution();
        events.row(e.id(), e.docId(), e.eventType().name(), e.mode(),
                e.context().isEmpty() ? null : String.join("|", e.context()), e.cameoCode(), e.quadClass(),
                e.goldstein(), e.eventType().ploverScore(), e.date(), e.datePrecision().name(),
                loc == null ? null : loc.text(), loc == null ? null : loc.country(), loc == null ? null : loc.admin1(),
                loc == null ? null : loc.lat(), loc == null ? null : loc.lon(),
                q == null ? null : q.text(), q == null ? null : q.value(), q == null ? null : q.unit(),
                q == null ? null : q.kind(), e.negated(), e.modality().name(), status.name(),
                att == null ? null : att.text(), att == null ? null : att.code(), att == null ? null : att.verb(),
                e.confidence(), e.rule(), e.version(), storyId, keyList(e.actor()), keyList(e.recipient()),
                EventJson.toLine(e), loc == null ? null : loc.alternatives());
        writeActors(e.id(), "actor", e.actor(), actors);
        writeActors(e.id(), "recipient", e.recipient(), actors);
        int i = 0;
        for (Evidence x : e.evidence()) {
            evidence.row(e.id(), i++, x.docId(), x.sentence(), x.start(), x.end(), x.text(), x.trigger(),
                    x.triggerStart(), x.triggerEnd());
        }
        for (ActorLevel level : ActorLevel.values()) {
            writeDyads(e, storyId, level, codes, dyads);
        }
    }

    /** Writes the event's {@code event_dyads} rows at one level ({@code storyId}: as in {@link #write}). */
    public static void writeDyads(Event e, String storyId, ActorLevel level, Codes codes, RowSink dyads)
            throws SQLException {
        EventStatus status = EventStatus.of(e);
        boolean representative = Objects.equals(storyId, e.id());
        for (Dyad d : Dyad.of(e, level)) {
            dyads.row(e.id(), levelNumber(level), codes.id(d.source().key()), codes.id(d.source().sector()),
                    codes.id(d.target().key()), codes.id(d.target().sector()), d.joint(), codes.id(e.eventType().name()),
                    e.quadClass(), e.date(), codes.id(status.name()), e.goldstein(), e.eventType().ploverScore(),
                    e.confidence(), representative);
        }
    }

    /** Distinct actor keys, sorted, as {@code |A|B|} ({@code |} when none). */
    public static String keyList(List<ActorRef> refs) {
        java.util.TreeSet<String> keys = new java.util.TreeSet<>();
        for (ActorRef r : refs) {
            String k = ActorKey.keyOf(r);
            if (k != null) {
                keys.add(k);
            }
        }
        return "|" + String.join("|", keys) + (keys.isEmpty() ? "" : "|");
    }

    /** The keys of a {@link #keyList}. */
    public static java.util.Set<String> parseKeyList(String list) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (String k : list.split("\\|")) {
            if (!k.isEmpty()) {
                out.add(k);
            }
        }
        return out;
    }

    private static void writeActors(String eventId, String role, List<ActorRef> refs, RowSink sink)
            throws SQLException {
        int i = 0;
        for (ActorRef a : refs) {
            sink.row(eventId, role, i++, a.text(), a.code(), a.sector(), a.name(), a.kbId(), ActorKey.keyOf(a),
                    a.start(), a.end(), ActorKey.groupKeyOf(a));
        }
    }
}
