package org.faultline.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The gold documents of one evaluation set, in file order, at most one per id. Immutable and thread-safe.
 *
 * <p>Gold line: {@code {"id": "...", "date": "...", "text": "...", "events": [{"event_type": "AGREE" or
 * ["PROTEST", "ASSAULT"], "actor": [{"code": "HUN"}], "recipient": [{"code": "ROU"}], "symmetric": true}]}}.
 * An id that appears twice keeps the place of its first line and the content of its last, as the
 * reference scorer does, and leaves a warning. Blank lines are skipped.
 */
public final class GoldSet {
    private final Path source;
    private final Map<String, GoldDocument> byId;
    private final List<GoldDocument> documents;
    private final List<String> warnings;

    private GoldSet(Path source, Map<String, GoldDocument> byId, List<String> warnings) {
        this.source = source;
        this.byId = Collections.unmodifiableMap(byId);
        this.documents = List.copyOf(byId.values());
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Reads a gold JSON Lines file (UTF-8).
     *
     * @throws GoldFormatException naming {@code file:line} for a line that is not a JSON object, lacks a
     *                             string {@code id}, has {@code events} that is not a list of objects, an
     *                             {@code event_type} that is not a string or list of strings, or an
     *                             actor/recipient that is not an object or list of objects
     * @throws IOException         when the file cannot be read or is not UTF-8
     */
    public static GoldSet load(Path file) throws IOException {
        Map<String, GoldDocument> byId = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNo = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (PyText.isBlank(line)) {
                    continue;
                }
                GoldDocument doc = parseDocument(file, lineNo, line);
                if (byId.containsKey(doc.id())) {
                    warnings.add(file + ":" + lineNo + ": gold id " + doc.id() + " appears twice (first on line "
                            + byId.get(doc.id()).line() + "); the later one is scored");
                }
                byId.put(doc.id(), doc);
            }
        }
        return new GoldSet(file, byId, warnings);
    }

    /** The documents of one split (all, tune or check half), in file order, with the same source and warnings. */
    public GoldSet restrictedTo(DevSplit split) {
        Map<String, GoldDocument> kept = new LinkedHashMap<>();
        for (Map.Entry<String, GoldDocument> e : byId.entrySet()) {
            if (split.contains(e.getKey())) {
                kept.put(e.getKey(), e.getValue());
            }
        }
        return new GoldSet(source, kept, warnings);
    }

    /** A gold set built in memory; a repeated id keeps its first place and its last content, with a warning. */
    public static GoldSet of(List<GoldDocument> documents) {
        Map<String, GoldDocument> byId = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (GoldDocument d : documents) {
            if (byId.put(d.id(), d) != null) {
                warnings.add("gold id " + d.id() + " appears twice; the later one is scored");
            }
        }
        return new GoldSet(null, byId, warnings);
    }

    /** The file it was read from, or empty when built in memory. */
    public Optional<Path> source() {
        return Optional.ofNullable(source);
    }

    /** Documents in order of first appearance. */
    public List<GoldDocument> documents() {
        return documents;
    }

    public Optional<GoldDocument> document(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public boolean contains(String id) {
        return id != null && byId.containsKey(id);
    }

    public int size() {
        return documents.size();
    }

    /** Problems that did not stop loading (repeated ids), each naming where. */
    public List<String> warnings() {
        return warnings;
    }

    private static GoldDocument parseDocument(Path file, int lineNo, String line) {
        JsonNode g;
        try {
            g = PyJson.parse(line);
        } catch (JsonProcessingException e) {
            throw new GoldFormatException(file, lineNo, "not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (!g.isObject()) {
            throw new GoldFormatException(file, lineNo, "expected a JSON object, found " + g.getNodeType());
        }
        JsonNode id = g.get("id");
        if (id == null || !id.isTextual()) {
            throw new GoldFormatException(file, lineNo, "\"id\" must be a string, found "
                    + (id == null ? "nothing" : id.toString()));
        }
        JsonNode events = g.get("events");
        List<GoldEvent> parsed = new ArrayList<>();
        if (events != null) {
            if (!events.isArray()) {
                throw new GoldFormatException(file, lineNo, "\"events\" of " + id.textValue()
                        + " must be a list, found " + events.getNodeType());
            }
            int i = 0;
            for (JsonNode e : events) {
                parsed.add(parseEvent(file, lineNo, id.textValue() + " event " + i, e));
                i++;
            }
        }
        JsonNode date = g.get("date");
        JsonNode text = g.get("text");
        return new GoldDocument(id.textValue(), date != null && date.isTextual() ? date.textValue() : null,
                text != null && text.isTextual() ? text.textValue() : null, parsed, lineNo);
    }

    private static GoldEvent parseEvent(Path file, int lineNo, String where, JsonNode e) {
        if (!e.isObject()) {
            throw new GoldFormatException(file, lineNo, where + " must be an object, found " + e.getNodeType());
        }
        JsonNode t = e.get("event_type");
        TreeSet<String> types = new TreeSet<>(PyText.CODE_POINT_ORDER);
        if (t != null && t.isTextual()) {
            types.add(t.textValue());
        } else if (t != null && t.isArray()) {
            for (JsonNode x : t) {
                if (!x.isTextual()) {
                    throw new GoldFormatException(file, lineNo, where + ": \"event_type\" list holds " + x
                            + "; expected strings such as \"AGREE\"");
                }
                types.add(x.textValue());
            }
        } else {
            throw new GoldFormatException(file, lineNo, where + ": \"event_type\" must be a string or a list of"
                    + " strings, found " + (t == null ? "nothing" : t.toString()));
        }
        return new GoldEvent(types, entities(file, lineNo, where, e, "actor"),
                entities(file, lineNo, where, e, "recipient"), PyJson.truthy(e.get("symmetric")));
    }

    private static SortedSet<String> entities(Path file, int lineNo, String where, JsonNode e, String field) {
        JsonNode v = e.get(field);
        if (PyJson.truthy(v)) {
            boolean ok = v.isObject();
            if (v.isArray()) {
                ok = true;
                for (JsonNode x : v) {
                    ok &= x.isObject();
                }
            }
            if (!ok) {
                throw new GoldFormatException(file, lineNo, where + ": \"" + field
                        + "\" must be an object or a list of objects with \"code\", found " + v);
            }
        }
        return Codes.ofEntities(v);
    }
}
