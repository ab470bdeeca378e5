package org.faultline.ingest;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.faultline.model.Article;

/**
 * Turns decoded plain text into an article. Two kinds of front matter are understood, only at the very
 * top of the text:
 * <pre>
 * ---                          Date: 2024-11-14
 * date: 2024-11-14             Title: ...        (optional further Title/Source/URL lines)
 * title: ...
 * source: ...
 * ---
 * </pre>
 * The front matter is removed; the article text is what follows it, without surrounding whitespace. A
 * date in the file wins over {@link ReadOptions#defaultDate()}, which is only the fallback.
 */
final class PlainTextReader {

    static final String OWN_DATE = "a 'date:' front-matter line";

    private static final Pattern YAML_FIELD = Pattern.compile("([A-Za-z_][A-Za-z0-9_-]*)\\s*:\\s*(.*)");
    private static final Pattern HEADER_FIELD = Pattern.compile("(?i)(date|title|source|url)\\s*:\\s*(.*)");
    /** Front-matter fields kept; {@code outlet} is another name for {@code source}. */
    private static final Set<String> FIELDS = Set.of("date", "title", "source", "outlet", "url");

    private PlainTextReader() {
    }

    /** One field of front matter, with its 1-based line for messages. */
    private record Field(String value, int line) {
    }

    /** Parsed front matter: its fields and the text after it. */
    private record Split(Map<String, Field> fields, String body, boolean hadFrontMatter) {
    }

    static ReadOutcome read(String origin, String id, String text, ReadOptions options) {
        try {
            Split split = split(origin, text);
            if (split.body().isEmpty()) {
                return ReadOutcome.failed(origin, id,
                        split.hadFrontMatter() ? "has no text after the front matter" : "is empty");
            }
            LocalDate date = date(origin, split.fields().get("date"), options);
            return new ReadOutcome.Read(new Article(id, date, split.body(), value(split, "title"),
                    value(split, "source") != null ? value(split, "source") : value(split, "outlet"), value(split, "url"),
                    origin));
        } catch (UnreadableInput e) {
            return e.toOutcome(id);
        }
    }

    private static LocalDate date(String origin, Field field, ReadOptions options) throws UnreadableInput {
        if (field == null || field.value().isEmpty()) {
            if (options.defaultDate() == null) {
                throw new UnreadableInput(origin, options.noDate(OWN_DATE));
            }
            return options.defaultDate();
        }
        Optional<LocalDate> parsed = PublicationDates.parse(field.value());
        if (parsed.isEmpty()) {
            throw new UnreadableInput(origin + ":" + field.line(), "date '" + field.value()
                    + "' is not a date (use YYYY-MM-DD, or a form like '14 November 2024')");
        }
        Optional<String> implausible = PublicationDates.implausible(parsed.get());
        if (implausible.isPresent()) {
            throw new UnreadableInput(origin + ":" + field.line(), implausible.get());
        }
        return parsed.get();
    }

    private static String value(Split split, String key) {
        Field f = split.fields().get(key);
        return f == null || f.value().isEmpty() ? null : f.value();
    }

    private static Split split(String origin, String text) throws UnreadableInput {
        List<String> lines = text.lines().toList();
        if (!lines.isEmpty() && lines.get(0).strip().equals("---")) {
            return yamlBlock(origin, text, lines);
        }
        Split header = headerLines(text, lines);
        return header != null ? header : new Split(Map.of(), text.strip(), false);
    }

    private static Split yamlBlock(String origin, String text, List<String> lines) throws UnreadableInput {
        Map<String, Field> fields = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.equals("---") || line.equals("...")) {
                return new Split(fields, after(text, i + 1), true);
            }
            Matcher m = YAML_FIELD.matcher(line);
            if (m.matches()) {
                String key = m.group(1).toLowerCase(Locale.ROOT);
                if (FIELDS.contains(key)) {
                    fields.put(key, new Field(unquote(m.group(2)), i + 1));
                }
            }
        }
        throw new UnreadableInput(origin + ":1", "front matter opened with '---' is never closed by a second '---' line");
    }

    private static Split headerLines(String text, List<String> lines) {
        Map<String, Field> fields = new HashMap<>();
        int i = 0;
        while (i < lines.size()) {
            Matcher m = HEADER_FIELD.matcher(lines.get(i).strip());
            if (!m.matches()) {
                break;
            }
            fields.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), new Field(unquote(m.group(2)), i + 1));
            i++;
        }
        if (!fields.containsKey("date")) {
            return null;
        }
        return new Split(fields, after(text, i), true);
    }

    /** The text from the start of line {@code lineIndex} (0-based) on, stripped. */
    private static String after(String text, int lineIndex) {
        int pos = 0;
        for (int i = 0; i < lineIndex && pos < text.length(); i++) {
            int nl = text.indexOf('\n', pos);
            int cr = text.indexOf('\r', pos);
            if (nl < 0 && cr < 0) {
                return "";
            }
            if (cr >= 0 && (nl < 0 || cr < nl)) {
                pos = cr + 1 < text.length() && text.charAt(cr + 1) == '\n' ? cr + 2 : cr + 1;
            } else {
                pos = nl + 1;
            }
        }
        return text.substring(Math.min(pos, text.length())).strip();
    }

    private static String unquote(String raw) {
        String s = raw.strip();
        if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1).strip();
        }
        return s;
    }
}
