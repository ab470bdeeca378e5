package org.faultline.cli.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.faultline.model.Event;
import org.faultline.query.StoredEvent;
import org.faultline.store.ParquetWriter.Type;
import org.faultline.store.ParquetWriter;

/**
 * The flat columns of {@code events --format csv} and {@code --format parquet}, defined once: a name, a type and
 * the value of a stored event. CSV writes each value as text (numbers with a decimal point, two decimals, whatever
 * the locale; null as empty), Parquet keeps the type and the full value. Stateless.
 */
final class EventColumns {
    /** One column; {@code value} gives an object of the type's Java class, or null. */
    record Column(String name, Type type, Function<StoredEvent, Object> value) {
    }

    static final List<Column> ALL = List.of(
            new Column("event_id", Type.VARCHAR, s -> s.event().id()),
            new Column("story_id", Type.VARCHAR, StoredEvent::storyId),
            new Column("mentions", Type.INTEGER, StoredEvent::mentions),
            new Column("date", Type.DATE, s -> s.event().date()),
            new Column("date_precision", Type.VARCHAR, s -> s.event().datePrecision().json()),
            new Column("event_type", Type.VARCHAR, s -> s.event().eventType().name()),
            new Column("mode", Type.VARCHAR, s -> s.event().mode()),
            new Column("quad_class", Type.INTEGER, s -> s.event().quadClass()),
            new Column("goldstein", Type.DOUBLE, s -> s.event().goldstein()),
            new Column("status", Type.VARCHAR, s -> s.status().json()),
            new Column("actor", Type.VARCHAR, s -> keysOrNull(s.event().actor())),
            new Column("recipient", Type.VARCHAR, s -> keysOrNull(s.event().recipient())),
            new Column("place", Type.VARCHAR, s -> place(s.event())),
            new Column("place_alternatives", Type.INTEGER, s -> s.event().location() == null ? null
                    : s.event().location().alternatives()),
            new Column("confidence", Type.DOUBLE, s -> s.event().confidence()),
            new Column("doc_id", Type.VARCHAR, s -> s.event().docId()),
            new Column("sentence", Type.VARCHAR, s -> Output.sentence(s.event())));

    private EventColumns() {
    }

    static List<String> names() {
        return ALL.stream().map(Column::name).toList();
    }

    static List<ParquetWriter.Column> parquet() {
        return ALL.stream().map(c -> new ParquetWriter.Column(c.name(), c.type())).toList();
    }

    /** The typed values of one event, in column order ({@code null} where it has none). */
    static List<Object> values(StoredEvent s) {
        List<Object> row = new ArrayList<>(ALL.size());
        ALL.forEach(c -> row.add(c.value().apply(s)));
        return row;
    }

    /** The CSV cells of one event, in column order. */
    static List<String> text(StoredEvent s) {
        List<String> row = new ArrayList<>(ALL.size());
        for (Object v : values(s)) {
            row.add(v == null ? "" : v instanceof Double ? Output.num((Double) v) : v instanceof LocalDate
                    ? v.toString() : String.valueOf(v));
        }
        return row;
    }

    /** The place of an event: its country code, else the place name as written; null when none. */
    static String place(Event e) {
        return e.location() == null ? null : e.location().country() != null ? e.location().country()
                : e.location().text();
    }

    private static String keysOrNull(List<org.faultline.model.ActorRef> refs) {
        return refs.isEmpty() ? null : Output.keys(refs);
    }
}
