package org.faultline.cli.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.faultline.model.Event;
import org.faultline.query.StoredDocument;
import org.faultline.query.StoredEvent;
import org.faultline.store.ParquetWriter.Type;
import org.faultline.store.ParquetWriter;

/**
 * The flat columns of {@code events --format csv} and {@code --format parquet}, defined once: a name, a type and
 * the value of a stored event and the document it was coded from (title, outlet, URL and publication date; null
 * where the store holds no document for it, as after a Parquet import of events alone). CSV writes each value as
 * text (numbers with a decimal point, two decimals, whatever the locale; null as empty), Parquet keeps the type and
 * the full value. Stateless.
 */
final class EventColumns {
    /** One column; {@code value} gives an object of the type's Java class, or null. */
    record Column(String name, Type type, BiFunction<StoredEvent, StoredDocument, Object> value) {
        static Column ofEvent(String name, Type type, Function<StoredEvent, Object> value) {
            return new Column(name, type, (e, d) -> value.apply(e));
        }

        static Column ofDocument(String name, Type type, Function<StoredDocument, Object> value) {
            return new Column(name, type, (e, d) -> d == null ? null : value.apply(d));
        }
    }

    static final List<Column> ALL = List.of(
            Column.ofEvent("event_id", Type.VARCHAR, s -> s.event().id()),
            Column.ofEvent("story_id", Type.VARCHAR, StoredEvent::storyId),
            Column.ofEvent("mentions", Type.INTEGER, StoredEvent::mentions),
            Column.ofEvent("date", Type.DATE, s -> s.event().date()),
            Column.ofEvent("date_precision", Type.VARCHAR, s -> s.event().datePrecision().json()),
            Column.ofEvent("event_type", Type.VARCHAR, s -> s.event().eventType().name()),
            Column.ofEvent("mode", Type.VARCHAR, s -> s.event().mode()),
            Column.ofEvent("quad_class", Type.INTEGER, s -> s.event().quadClass()),
            Column.ofEvent("goldstein", Type.DOUBLE, s -> s.event().goldstein()),
            Column.ofEvent("status", Type.VARCHAR, s -> s.status().json()),
            Column.ofEvent("actor", Type.VARCHAR, s -> keysOrNull(s.event().actor())),
            Column.ofEvent("recipient", Type.VARCHAR, s -> keysOrNull(s.event().recipient())),
            Column.ofEvent("place", Type.VARCHAR, s -> place(s.event())),
            Column.ofEvent("place_alternatives", Type.INTEGER, s -> s.event().location() == null ? null
                    : s.event().location().alternatives()),
            Column.ofEvent("confidence", Type.DOUBLE, s -> s.event().confidence()),
            Column.ofEvent("doc_id", Type.VARCHAR, s -> s.event().docId()),
            Column.ofEvent("sentence", Type.VARCHAR, s -> Output.sentence(s.event())),
            Column.ofDocument("title", Type.VARCHAR, StoredDocument::title),
            Column.ofDocument("outlet", Type.VARCHAR, StoredDocument::source),
            Column.ofDocument("url", Type.VARCHAR, StoredDocument::url),
            Column.ofDocument("published", Type.DATE, StoredDocument::date));

    private EventColumns() {
    }

    static List<String> names() {
        return ALL.stream().map(Column::name).toList();
    }

    static List<ParquetWriter.Column> parquet() {
        return ALL.stream().map(c -> new ParquetWriter.Column(c.name(), c.type())).toList();
    }

    /** The typed values of one event and its document (or null), in column order ({@code null} where it has none). */
    static List<Object> values(StoredEvent s, StoredDocument d) {
        List<Object> row = new ArrayList<>(ALL.size());
        ALL.forEach(c -> row.add(c.value().apply(s, d)));
        return row;
    }

    /** The CSV cells of one event and its document (or null), in column order. */
    static List<String> text(StoredEvent s, StoredDocument d) {
        List<String> row = new ArrayList<>(ALL.size());
        for (Object v : values(s, d)) {
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
