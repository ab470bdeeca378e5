package org.faultline.spark;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.faultline.model.ActorRef;
import org.faultline.model.Article;
import org.faultline.model.Event;
import org.faultline.model.EventJson;
import org.faultline.model.Evidence;
import org.faultline.model.Failure;

/**
 * The Parquet layout of events, documents and failures. An event row has exactly the fields of the JSON Lines contract
 * ({@link EventJson}), with the same names and values, nested the same way: {@code actor}, {@code recipient}
 * and {@code evidence} are arrays of structs, {@code date_text}, {@code location}, {@code quantity} and
 * {@code attribution} structs or null, {@code context} an array of strings. The one difference is {@code date},
 * a Parquet DATE rather than a {@code YYYY-MM-DD} string. {@code to_json} of a row therefore reads back with
 * {@link EventJson#fromLine}. Stateless.
 */
public final class EventSchema {
    private static final DataType S = DataTypes.StringType;
    private static final DataType I = DataTypes.IntegerType;
    private static final DataType D = DataTypes.DoubleType;

    static final StructType DATE_TEXT = new StructType().add("text", S).add("start", I, false).add("end", I, false);
    /** An actor; {@code antecedent} (the words a pronoun was resolved to) has the shape of {@code date_text}. */
    static final StructType ACTOR = new StructType().add("text", S).add("code", S).add("sector", S).add("name", S)
            .add("kb_id", S).add("start", I, false).add("end", I, false).add("antecedent", DATE_TEXT);
    static final StructType LOCATION = new StructType().add("text", S).add("country", S).add("admin1", S)
            .add("lat", D).add("lon", D).add("start", I).add("end", I).add("alternatives", I);
    static final StructType QUANTITY = new StructType().add("text", S).add("value", DataTypes.LongType, false)
            .add("unit", S).add("kind", S);
    static final StructType ATTRIBUTION = new StructType().add("text", S).add("code", S).add("verb", S);
    static final StructType EVIDENCE = new StructType().add("doc_id", S).add("sentence", I, false)
            .add("start", I, false).add("end", I, false).add("text", S).add("trigger", S)
            .add("trigger_start", I, false).add("trigger_end", I, false);

    /** One event, in the field order of the JSON output. */
    public static final StructType EVENT = new StructType()
            .add("id", S, false)
            .add("doc_id", S, false)
            .add("event_type", S, false)
            .add("mode", S)
            .add("context", DataTypes.createArrayType(S, false), false)
            .add("cameo_code", S)
            .add("quad_class", I, false)
            .add("goldstein", D, false)
            .add("actor", DataTypes.createArrayType(ACTOR, false), false)
            .add("recipient", DataTypes.createArrayType(ACTOR, false), false)
            .add("date", DataTypes.DateType, false)
            .add("date_precision", S, false)
            .add("date_text", DATE_TEXT)
            .add("location", LOCATION)
            .add("quantity", QUANTITY)
            .add("negated", DataTypes.BooleanType, false)
            .add("modality", S, false)
            .add("attribution", ATTRIBUTION)
            .add("confidence", D, false)
            .add("evidence", DataTypes.createArrayType(EVIDENCE, false), false)
            .add("rule", S)
            .add("version", S);

    /** A document that could not be read or coded (the fields of {@link Failure}, snake_case). */
    public static final StructType FAILURE = new StructType().add("origin", S, false).add("doc_id", S)
            .add("stage", S, false).add("reason", S, false);

    /**
     * A coded document: the fields of the article (its {@code id}, publication {@code date}, the {@code text} every
     * span of its events points into, and where it came from) and the number of events coded from it.
     */
    public static final StructType DOCUMENT = new StructType().add("id", S, false)
            .add("date", DataTypes.DateType, false).add("title", S).add("source", S).add("url", S).add("origin", S)
            .add("text", S, false).add("event_count", I, false);

    /**
     * What coding one document gives, one row per event, per coded document and per failure: exactly one of the
     * three is set.
     */
    public static final StructType CODED = new StructType().add("event", EVENT).add("failure", FAILURE)
            .add("document", DOCUMENT);

    private EventSchema() {
    }

    /** The row of an event, matching {@link #EVENT}. */
    public static Row toRow(Event e) {
        var loc = e.location();
        var dateText = e.dateText();
        var q = e.quantity();
        var att = e.attribution();
        List<Row> evidence = new ArrayList<>(e.evidence().size());
        for (Evidence x : e.evidence()) {
            evidence.add(RowFactory.create(x.docId(), x.sentence(), x.start(), x.end(), x.text(), x.trigger(),
                    x.triggerStart(), x.triggerEnd()));
        }
        return RowFactory.create(e.id(), e.docId(), e.eventType().name(), e.mode(), e.context().toArray(String[]::new),
                e.cameoCode(), e.quadClass(), e.goldstein(), actors(e.actor()), actors(e.recipient()),
                Date.valueOf(e.date()), e.datePrecision().json(),
                dateText == null ? null : RowFactory.create(dateText.text(), dateText.start(), dateText.end()),
                loc == null ? null : RowFactory.create(loc.text(), loc.country(), loc.admin1(), loc.lat(), loc.lon(),
                        loc.start(), loc.end(), loc.alternatives()),
                q == null ? null : RowFactory.create(q.text(), q.value(), q.unit(), q.kind()),
                e.negated(), e.modality().json(),
                att == null ? null : RowFactory.create(att.text(), att.code(), att.verb()),
                e.confidence(), evidence.toArray(Row[]::new), e.rule(), e.version());
    }

    /** The row of a coded document, matching {@link #DOCUMENT}. */
    public static Row toRow(Article a, int eventCount) {
        return RowFactory.create(a.id(), Date.valueOf(a.date()), a.title(), a.source(), a.url(), a.origin(), a.text(),
                eventCount);
    }

    /** The row of a failure, matching {@link #FAILURE}. */
    public static Row toRow(Failure f) {
        return RowFactory.create(f.origin(), f.docId(), f.stage(), f.reason());
    }

    private static Row[] actors(List<ActorRef> refs) {
        Row[] out = new Row[refs.size()];
        for (int i = 0; i < out.length; i++) {
            ActorRef a = refs.get(i);
            Row antecedent = a.antecedent() == null ? null
                    : RowFactory.create(a.antecedent().text(), a.antecedent().start(), a.antecedent().end());
            out[i] = RowFactory.create(a.text(), a.code(), a.sector(), a.name(), a.kbId(), a.start(), a.end(),
                    antecedent);
        }
        return out;
    }
}
