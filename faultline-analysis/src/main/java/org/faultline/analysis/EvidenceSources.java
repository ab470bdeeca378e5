package org.faultline.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.faultline.query.EventQueries;
import org.faultline.query.StoredDocument;

/**
 * Where each piece of evidence in one answer comes from: the title, outlet, address and publication date of its
 * document, read from the store's documents in one look-up per answer. Events are registered as their JSON is
 * built ({@link #add}); {@link #fill()} then sets {@code source} on every registered evidence object, null where the
 * store holds no article for its document (a store filled by Parquet import). One instance per request; not
 * thread-safe.
 */
public final class EvidenceSources {
    private final EventQueries store;
    private final List<ObjectNode> evidence = new ArrayList<>();
    private final Set<String> docIds = new LinkedHashSet<>();

    public EvidenceSources(EventQueries store) {
        this.store = store;
    }

    /** Registers the evidence of these events (an array of API events); returns the array. */
    public ArrayNode add(ArrayNode events) {
        events.forEach(this::add);
        return events;
    }

    /** Registers the evidence of one API event; returns it. */
    public <T extends JsonNode> T add(T event) {
        for (JsonNode x : event.path("evidence")) {
            if (x instanceof ObjectNode o) {
                evidence.add(o);
                docIds.add(o.path("doc_id").asText());
            }
        }
        return event;
    }

    /** Sets {@code source} on every registered evidence object. */
    public void fill() {
        if (evidence.isEmpty()) {
            return;
        }
        Map<String, StoredDocument> docs = store.documentsById(docIds);
        for (ObjectNode x : evidence) {
            StoredDocument d = docs.get(x.path("doc_id").asText());
            if (d == null) {
                x.putNull("source");
                continue;
            }
            x.putObject("source").put("title", d.title()).put("outlet", d.source()).put("url", d.url())
                    .put("published", AnswerJson.date(d.date()));
        }
    }
}
