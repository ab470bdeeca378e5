package org.faultline.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The JSON Lines form of {@link Event}. The field names here are the public contract that other tools,
 * the evaluation scorer, the store and the Spark job read. Thread-safe.
 */
public final class EventJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EventJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** One event as a single-line JSON object. */
    public static String toLine(Event e) {
        try {
            return MAPPER.writeValueAsString(toNode(e));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot serialise event " + e.id(), ex);
        }
    }

    public static ObjectNode toNode(Event e) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", e.id());
        n.put("doc_id", e.docId());
        n.put("event_type", e.eventType().name());
        n.put("mode", e.mode());
        ArrayNode ctx = n.putArray("context");
        e.context().forEach(ctx::add);
        n.put("cameo_code", e.cameoCode());
        n.put("quad_class", e.quadClass());
        n.put("goldstein", e.goldstein());
        n.set("actor", actors(e.actor()));
        n.set("recipient", actors(e.recipient()));
        n.put("date", e.date().toString());
        n.put("date_precision", e.datePrecision().json());
        putSpan(n, "date_text", e.dateText());
        if (e.location() == null) {
            n.putNull("location");
        } else {
            ObjectNode l = n.putObject("location");
            Location loc = e.location();
            l.put("text", loc.text());
            l.put("country", loc.country());
            l.put("admin1", loc.admin1());
            putNullable(l, "lat", loc.lat());
            putNullable(l, "lon", loc.lon());
            putNullable(l, "start", loc.start());
            putNullable(l, "end", loc.end());
            putNullable(l, "alternatives", loc.alternatives());
        }
        if (e.quantity() == null) {
            n.putNull("quantity");
        } else {
            ObjectNode q = n.putObject("quantity");
            q.put("text", e.quantity().text());
            q.put("value", e.quantity().value());
            q.put("unit", e.quantity().unit());
            q.put("kind", e.quantity().kind());
        }
        n.put("negated", e.negated());
        n.put("modality", e.modality().json());
        if (e.attribution() == null) {
            n.putNull("attribution");
        } else {
            ObjectNode a = n.putObject("attribution");
            a.put("text", e.attribution().text());
            a.put("code", e.attribution().code());
            a.put("verb", e.attribution().verb());
        }
        n.put("confidence", e.confidence());
        ArrayNode ev = n.putArray("evidence");
        for (Evidence x : e.evidence()) {
            ObjectNode o = ev.addObject();
            o.put("doc_id", x.docId());
            o.put("sentence", x.sentence());
            o.put("start", x.start());
            o.put("end", x.end());
            o.put("text", x.text());
            o.put("trigger", x.trigger());
            o.put("trigger_start", x.triggerStart());
            o.put("trigger_end", x.triggerEnd());
        }
        n.put("rule", e.rule());
        n.put("version", e.version());
        return n;
    }

    private static void putNullable(ObjectNode n, String field, Double v) {
        if (v == null) {
            n.putNull(field);
        } else {
            n.put(field, v);
        }
    }

    private static void putNullable(ObjectNode n, String field, Integer v) {
        if (v == null) {
            n.putNull(field);
        } else {
            n.put(field, v);
        }
    }

    private static ArrayNode actors(List<ActorRef> refs) {
        ArrayNode arr = MAPPER.createArrayNode();
        for (ActorRef a : refs) {
            ObjectNode o = arr.addObject();
            o.put("text", a.text());
            o.put("code", a.code());
            o.put("sector", a.sector());
            o.put("name", a.name());
            o.put("kb_id", a.kbId());
            o.put("start", a.start());
            o.put("end", a.end());
            putSpan(o, "antecedent", a.antecedent());
        }
        return arr;
    }

    /** A text span as {@code {text, start, end}}, or JSON null. */
    private static void putSpan(ObjectNode n, String field, TextSpan span) {
        if (span == null) {
            n.putNull(field);
            return;
        }
        ObjectNode o = n.putObject(field);
        o.put("text", span.text());
        o.put("start", span.start());
        o.put("end", span.end());
    }

    private static TextSpan readSpan(JsonNode n) {
        return n.isObject() ? new TextSpan(text(n, "text"), n.path("start").asInt(), n.path("end").asInt()) : null;
    }

    /**
     * Reads one line written by {@link #toLine}; throws IllegalArgumentException naming the problem. Lines written
     * before {@code date_text} and the place's {@code start}/{@code end} existed read with those null.
     */
    public static Event fromLine(String line) {
        JsonNode n;
        try {
            n = MAPPER.readTree(line);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("not a JSON object: " + ex.getOriginalMessage(), ex);
        }
        return fromNode(n);
    }

    public static Event fromNode(JsonNode n) {
        List<String> ctx = new ArrayList<>();
        n.path("context").forEach(c -> ctx.add(c.asText()));
        JsonNode l = n.path("location");
        Location loc = l.isObject() ? new Location(text(l, "text"), text(l, "country"), text(l, "admin1"),
                l.path("lat").isNumber() ? l.get("lat").asDouble() : null,
                l.path("lon").isNumber() ? l.get("lon").asDouble() : null,
                l.path("start").isNumber() ? l.get("start").asInt() : null,
                l.path("end").isNumber() ? l.get("end").asInt() : null,
                l.path("alternatives").isNumber() ? l.get("alternatives").asInt() : null) : null;
        TextSpan dateText = readSpan(n.path("date_text"));
        JsonNode q = n.path("quantity");
        Quantity qty = q.isObject() ? new Quantity(text(q, "text"), q.path("value").asLong(), text(q, "unit"),
                text(q, "kind")) : null;
        JsonNode a = n.path("attribution");
        Attribution att = a.isObject() ? new Attribution(text(a, "text"), text(a, "code"), text(a, "verb")) : null;
        List<Evidence> ev = new ArrayList<>();
        for (JsonNode x : n.path("evidence")) {
            ev.add(new Evidence(text(x, "doc_id"), x.path("sentence").asInt(), x.path("start").asInt(),
                    x.path("end").asInt(), text(x, "text"), text(x, "trigger"), x.path("trigger_start").asInt(),
                    x.path("trigger_end").asInt()));
        }
        return new Event(text(n, "id"), text(n, "doc_id"), EventType.parse(text(n, "event_type")), text(n, "mode"), ctx,
                text(n, "cameo_code"), n.path("quad_class").asInt(), n.path("goldstein").asDouble(),
                readActors(n.path("actor")), readActors(n.path("recipient")), LocalDate.parse(text(n, "date")),
                DatePrecision.valueOf(text(n, "date_precision").toUpperCase(Locale.ROOT)), dateText, loc, qty,
                n.path("negated").asBoolean(), Modality.valueOf(text(n, "modality").toUpperCase(Locale.ROOT)), att,
                n.path("confidence").asDouble(), ev, text(n, "rule"), text(n, "version"));
    }

    private static List<ActorRef> readActors(JsonNode arr) {
        List<ActorRef> out = new ArrayList<>();
        for (JsonNode o : arr) {
            out.add(new ActorRef(text(o, "text"), text(o, "code"), text(o, "sector"), text(o, "name"),
                    text(o, "kb_id"), o.path("start").asInt(), o.path("end").asInt(), readSpan(o.path("antecedent"))));
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
