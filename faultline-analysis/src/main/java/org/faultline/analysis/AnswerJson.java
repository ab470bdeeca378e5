package org.faultline.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.faultline.model.Event;
import org.faultline.model.EventJson;
import org.faultline.model.EventType;
import org.faultline.query.ActorKey;
import org.faultline.query.EventQueries;
import org.faultline.query.EventStatus;
import org.faultline.query.StoredEvent;

/**
 * The JSON shapes of the answers, one per answer, shared by the command line ({@code --format json}) and the API
 * so that both give one answer to one question (the per-answer views such as {@code BlocsJson} build on these). Events are {@link EventJson}'s contract, with {@code story_id}, {@code mentions}
 * and {@code status} added when read from the store; analysis records use snake_case fields and actor keys
 * written as {@code RUS} or {@code RUS:MIL}. Stateless; thread-safe.
 */
public final class AnswerJson {
    public static final ObjectMapper MAPPER = EventJson.mapper();

    private AnswerJson() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    public static ObjectNode event(Event e) {
        ObjectNode n = EventJson.toNode(e);
        n.put("status", EventStatus.of(e).json());
        return n;
    }

    public static ObjectNode event(StoredEvent s) {
        ObjectNode n = event(s.event());
        n.put("story_id", s.storyId());
        n.put("mentions", s.mentions());
        return n;
    }

    public static ArrayNode storedEvents(Collection<StoredEvent> events) {
        ArrayNode a = array();
        events.forEach(e -> a.add(event(e)));
        return a;
    }

    public static ArrayNode events(Collection<Event> events) {
        ArrayNode a = array();
        events.forEach(e -> a.add(event(e)));
        return a;
    }

    public static ArrayNode keys(Collection<ActorKey> keys) {
        ArrayNode a = array();
        keys.forEach(k -> a.add(k.toString()));
        return a;
    }

    public static ObjectNode byType(Map<EventType, Long> byType) {
        ObjectNode o = object();
        byType.forEach((t, n) -> o.put(t.name(), n));
        return o;
    }

    public static ObjectNode flow(Flow f) {
        ObjectNode o = object();
        o.put("source", f.source().toString());
        o.put("target", f.target().toString());
        o.put("cooperation", f.cooperation());
        o.put("conflict", f.conflict());
        o.put("net", f.net());
        o.put("events", f.events());
        o.put("refusals", f.refusals());
        o.put("unrealised", f.unrealised());
        o.put("goldstein", round(f.goldstein()));
        o.put("plover", round(f.plover()));
        o.set("by_type", byType(f.byType()));
        return o;
    }

    public static ObjectNode tie(Tie t) {
        ObjectNode o = object();
        o.put("a", t.a().toString());
        o.put("b", t.b().toString());
        o.put("cooperation", t.cooperation());
        o.put("conflict", t.conflict());
        o.put("net", t.net());
        o.put("refusals_by_a", t.refusalsByA());
        o.put("refusals_by_b", t.refusalsByB());
        o.put("goldstein", round(t.goldstein()));
        o.set("by_type", byType(t.byType()));
        return o;
    }

    public static ArrayNode ties(List<Tie> ties) {
        ArrayNode a = array();
        ties.forEach(t -> a.add(tie(t)));
        return a;
    }

    public static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }

    /** Sums of scores are shown to two decimals; the float noise of long sums means nothing to a reader. */
    public static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }

    /**
     * The answer of {@code faultline events --format json} and {@code GET /api/events}: one page of the events
     * matching a filter ({@link #event(StoredEvent)}, each evidence sentence with its document's source, read from
     * {@code store}), with the count of all that match and the page asked for ({@code limit} 0: all).
     */
    public static ObjectNode eventPage(List<StoredEvent> page, long total, int limit, int offset, EventQueries store) {
        EvidenceSources sources = new EvidenceSources(store);
        ArrayNode events = sources.add(storedEvents(page));
        sources.fill();
        return page("events", events, total, limit, offset);
    }

    /** One page of a list: the items with the total and the page asked for. */
    public static ObjectNode page(String field, ArrayNode items, long total, int limit, int offset) {
        ObjectNode o = object();
        o.put("total", total);
        o.put("limit", limit);
        o.put("offset", offset);
        o.set(field, items);
        return o;
    }
}
