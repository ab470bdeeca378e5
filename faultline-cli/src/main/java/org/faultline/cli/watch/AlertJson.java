package org.faultline.cli.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.faultline.analysis.alerts.DyadAlerts;
import org.faultline.model.Event;
import org.faultline.model.Evidence;
import org.faultline.query.StoredDocument;

/**
 * An alert as one line of JSON, the form written to standard output or the alerts file, posted to the webhook and
 * shown by the page: what is new ({@code id}, {@code kind}, {@code source}, {@code target}, {@code event_type},
 * {@code tone}; for a jump {@code week}, {@code count}, {@code baseline}, {@code threshold}) and the evidence
 * ({@code event_id}, {@code date}, {@code sentence}, {@code trigger}, {@code doc_id}, {@code outlet}, {@code url},
 * {@code title}).
 */
final class AlertJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertJson() {
    }

    static String of(DyadAlerts.Alert a, StoredDocument doc, Instant detected) {
        Event e = a.evidence().event();
        Evidence ev = e.evidence().get(0);
        ObjectNode o = JSON.createObjectNode();
        o.put("id", a.id());
        o.put("kind", a.kind().label());
        o.put("source", a.dyad().source().toString());
        o.put("target", a.dyad().target().toString());
        o.put("joint", a.dyad().joint());
        o.put("event_type", a.type().name());
        o.put("tone", a.tone().label());
        if (a.kind() == DyadAlerts.Kind.JUMP) {
            o.put("week", a.week().toString());
            o.put("count", a.count());
            o.put("baseline", Math.round(a.baseline() * 1000) / 1000.0);
            o.put("threshold", DyadAlerts.threshold(a.baseline()));
        }
        o.put("event_id", e.id());
        o.put("date", e.date().toString());
        o.put("sentence", ev.text());
        o.put("trigger", ev.trigger());
        o.put("doc_id", e.docId());
        o.put("outlet", doc == null ? null : doc.source());
        o.put("url", doc == null ? null : doc.url());
        o.put("title", doc == null ? null : doc.title());
        o.put("detected_at", detected.toString());
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write alert " + a.id(), ex);
        }
    }

    /** The {@code id} of an alert line, or null when the line is not one. */
    static String idOf(String line) {
        try {
            var node = JSON.readTree(line);
            return node != null && node.hasNonNull("id") ? node.get("id").asText() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
