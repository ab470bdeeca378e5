package org.faultline.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.faultline.model.Article;

/**
 * Reads JSON Lines, one document per line: {@code {"id", "date", "text", "title"?, "source"?, "url"?}}
 * ({@code "outlet"} is read as {@code "source"} when that is absent).
 * Lazy: one line is held at a time. Blank lines are skipped; every bad line becomes a failure naming
 * {@code origin:line} and the lines after it are still read. Not thread-safe (one iterator per stream).
 */
final class JsonLinesReader implements Iterator<ReadOutcome> {

    static final String OWN_DATE = "a \"date\" field";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final InputStream in;
    private final String origin;
    private final ReadOptions options;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private int lineNumber;
    private long offset;
    private boolean finished;
    private ReadOutcome next;

    JsonLinesReader(InputStream in, String origin, ReadOptions options) {
        this.in = in;
        this.origin = origin;
        this.options = options;
    }

    @Override
    public boolean hasNext() {
        while (next == null && !finished) {
            next = readLine();
        }
        return next != null;
    }

    @Override
    public ReadOutcome next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ReadOutcome out = next;
        next = null;
        return out;
    }

    /** Reads one physical line; returns its outcome, or null for a blank line or the end. */
    private ReadOutcome readLine() {
        line.reset();
        long lineStart = offset;
        long length = 0;
        boolean sawAny = false;
        try {
            int b;
            while ((b = in.read()) != -1) {
                sawAny = true;
                offset++;
                if (b == '\n') {
                    break;
                }
                length++;
                if (length <= options.maxBytes()) {
                    line.write(b);
                }
            }
            if (b == -1) {
                finished = true;
            }
        } catch (IOException e) {
            finished = true;
            return ReadOutcome.failed(origin + ":" + (lineNumber + 1), null,
                    "could not be read further: " + e.getMessage());
        }
        if (!sawAny) {
            return null;
        }
        lineNumber++;
        String where = origin + ":" + lineNumber;
        try {
            TextBytes.checkSize(where, length, options.maxBytes(), "line");
            byte[] bytes = line.toByteArray();
            int n = bytes.length;
            if (n > 0 && bytes[n - 1] == '\r') {
                n--;
            }
            TextBytes.checkNotBinary(where, bytes, n);
            String text = TextBytes.decode(where, bytes, n, lineStart, options.strictUtf8());
            return text.isBlank() ? null : parse(where, text);
        } catch (UnreadableInput e) {
            return e.toOutcome(null);
        }
    }

    private ReadOutcome parse(String where, String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return ReadOutcome.failed(where, null, "malformed JSON at column " + e.getLocation().getColumnNr()
                    + ": " + shortMessage(e.getOriginalMessage()));
        }
        return record(node, where, options);
    }

    /** One JSON object as an article, with the rules of a JSON Lines line. */
    static ReadOutcome record(JsonNode node, String where, ReadOptions options) {
        if (node == null || !node.isObject()) {
            return ReadOutcome.failed(where, null, "is not a JSON object");
        }
        String id = string(node, "id");
        if (id == null) {
            return ReadOutcome.failed(where, null, "has no \"id\"");
        }
        String body = string(node, "text");
        if (body == null) {
            return ReadOutcome.failed(where, id, "has no \"text\"");
        }
        String rawDate = string(node, "date");
        LocalDate date;
        if (rawDate == null) {
            date = options.defaultDate();
            if (date == null) {
                return ReadOutcome.failed(where, id, options.noDate(OWN_DATE));
            }
        } else {
            Optional<LocalDate> parsed = PublicationDates.parse(rawDate);
            if (parsed.isEmpty()) {
                return ReadOutcome.failed(where, id, "date '" + rawDate
                        + "' is not a date (use YYYY-MM-DD, or a form like '14 November 2024')");
            }
            date = parsed.get();
            Optional<String> implausible = PublicationDates.implausible(date);
            if (implausible.isPresent()) {
                return ReadOutcome.failed(where, id, implausible.get());
            }
        }
        String source = string(node, "source");
        return new ReadOutcome.Read(new Article(id, date, body, string(node, "title"),
                source != null ? source : string(node, "outlet"), string(node, "url"), where));
    }

    /** Jackson's message without its trailing location notes, which repeat what the origin says. */
    private static String shortMessage(String message) {
        String m = message == null ? "unreadable" : message;
        int cut = m.indexOf(" (start marker");
        if (cut < 0) {
            cut = m.indexOf('\n');
        }
        return cut < 0 ? m : m.substring(0, cut);
    }

    /** A scalar field as text, or null when absent, null, blank or not a scalar. */
    private static String string(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isValueNode() || v.isNull()) {
            return null;
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }

    /** Closes the underlying stream, turning an I/O error into an unchecked one for stream pipelines. */
    void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing " + origin, e);
        }
    }
}
