package org.faultline.cli.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.faultline.model.ActorRef;
import org.faultline.model.Event;
import org.faultline.query.ActorKey;
import org.faultline.query.StoredEvent;

/** Tables, CSV and JSON for the question commands, and the cells they share. */
final class Output {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Output() {
    }

    /** A plain-text table with aligned columns; numbers are right-aligned. */
    static void table(PrintWriter out, Table t) {
        List<String> header = t.header();
        List<List<String>> rows = t.rows();
        int[] width = new int[header.size()];
        for (int i = 0; i < header.size(); i++) {
            width[i] = header.get(i).length();
        }
        for (List<String> r : rows) {
            for (int i = 0; i < r.size(); i++) {
                width[i] = Math.max(width[i], r.get(i) == null ? 0 : r.get(i).length());
            }
        }
        printRow(out, header, width);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < width.length; i++) {
            rule.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
        }
        out.println(rule);
        rows.forEach(r -> printRow(out, r, width));
    }

    private static void printRow(PrintWriter out, List<String> cells, int[] width) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i) == null ? "" : cells.get(i);
            boolean number = c.matches("-?[0-9.]+");
            String pad = " ".repeat(width[i] - c.length());
            b.append(i == 0 ? "" : "  ").append(number ? pad + c : i == cells.size() - 1 ? c : c + pad);
        }
        out.println(b.toString().stripTrailing());
    }

    /** RFC 4180 CSV: a header line, then rows; fields with comma, quote or line break are quoted. */
    static void csv(PrintWriter out, Table t) {
        out.println(csvLine(t.header()));
        t.rows().forEach(r -> out.println(csvLine(r)));
    }

    private static String csvLine(List<String> cells) {
        List<String> q = new ArrayList<>();
        for (String c : cells) {
            String s = c == null ? "" : c;
            q.add(s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                    ? "\"" + s.replace("\"", "\"\"") + "\"" : s);
        }
        return String.join(",", q);
    }

    static void json(PrintWriter out, JsonNode node) {
        try {
            out.println(JSON.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** A number for tables and CSV: whole numbers without decimals, others with two; a point whatever the locale. */
    static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }

    /**
     * "RUS,PRK" for the keys of the actors of one role, each as specific as the store knows it: the group key
     * ({@code HAMAS}, {@code SYR-REB}; a state's own key for a state), so that Hamas is not shown as PSE.
     */
    static String keys(List<ActorRef> refs) {
        List<String> k = new ArrayList<>();
        for (ActorRef r : refs) {
            String key = ActorKey.groupKeyOf(r);
            k.add(key == null ? r.text() : key);
        }
        return String.join(",", k);
    }

    static String sentence(Event e) {
        return e.evidence().get(0).text().replaceAll("\\s+", " ").strip();
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** The short form of an event used as evidence in every JSON answer. */
    static ObjectNode evidence(StoredEvent s) {
        Event e = s.event();
        ObjectNode n = JSON.createObjectNode();
        n.put("event_id", e.id());
        n.put("story_id", s.storyId());
        n.put("mentions", s.mentions());
        n.put("date", e.date().toString());
        n.put("event_type", e.eventType().name());
        n.put("status", s.status().json());
        n.put("actor", keys(e.actor()));
        n.put("recipient", keys(e.recipient()));
        n.put("doc_id", e.docId());
        n.put("sentence", sentence(e));
        return n;
    }

    static ArrayNode evidence(List<StoredEvent> list) {
        ArrayNode a = JSON.createArrayNode();
        list.forEach(s -> a.add(evidence(s)));
        return a;
    }

    /** One indented evidence line for tables. */
    static String evidenceLine(StoredEvent s) {
        Event e = s.event();
        return "    " + e.date() + " " + e.eventType() + " " + keys(e.actor()) + (e.recipient().isEmpty() ? "" : "->"
                + keys(e.recipient())) + (s.mentions() > 1 ? " (" + s.mentions() + " mentions)" : "") + ": "
                + shorten(sentence(e), 140) + " [" + e.docId() + "]";
    }

    static String name(ActorKey k, Map<String, String> names) {
        String n = names.get(k.key());
        return n == null ? "" : n;
    }
}
