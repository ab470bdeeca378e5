package org.faultline.cli;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.faultline.model.ActorRef;
import org.faultline.model.Event;
import org.faultline.model.Evidence;

/**
 * The TSV form of an event: one row, the columns named in {@link #HEADER} and the README. Numbers are written with
 * a decimal point whatever the JVM locale, so that other tools read them. Columns added later go at the end, so
 * that scripts that cut columns by number keep working.
 */
public final class EventTsv {
    public static final String HEADER = String.join("\t", "id", "doc_id", "date", "date_precision", "event_type",
            "mode", "cameo_code", "quad_class", "goldstein", "actor_codes", "actor_sectors", "actor_text",
            "recipient_codes", "recipient_sectors", "recipient_text", "location_country", "location_text", "modality",
            "negated", "attribution", "quantity", "confidence", "trigger", "trigger_start", "trigger_end", "sentence",
            "rule", "location_alternatives");

    private EventTsv() {
    }

    public static String row(Event e) {
        Evidence ev = e.evidence().get(0);
        return String.join("\t", e.id(), e.docId(), e.date().toString(), e.datePrecision().json(),
                e.eventType().name(), nz(e.mode()), nz(e.cameoCode()), String.valueOf(e.quadClass()),
                String.valueOf(e.goldstein()), join(e.actor(), ActorRef::code), join(e.actor(), ActorRef::sector),
                join(e.actor(), ActorRef::text), join(e.recipient(), ActorRef::code),
                join(e.recipient(), ActorRef::sector), join(e.recipient(), ActorRef::text),
                e.location() == null ? "" : nz(e.location().country()), e.location() == null ? "" : clean(e.location().text()),
                e.modality().json(), String.valueOf(e.negated()),
                e.attribution() == null ? "" : clean(nz(e.attribution().text())),
                e.quantity() == null ? "" : String.valueOf(e.quantity().value()), String.format(Locale.ROOT, "%.2f", e.confidence()),
                clean(ev.trigger()), String.valueOf(ev.triggerStart()), String.valueOf(ev.triggerEnd()),
                clean(ev.text()), nz(e.rule()), e.location() == null || e.location().alternatives() == null ? ""
                        : String.valueOf(e.location().alternatives()));
    }

    private static String join(List<ActorRef> refs, java.util.function.Function<ActorRef, String> f) {
        return refs.stream().map(r -> nz(f.apply(r))).map(EventTsv::clean).collect(Collectors.joining("|"));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String clean(String s) {
        return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
